package clerkapi

var miscOperations = []Operation{
	{
		Name: "get_public_interstitial", OperationID: "GetPublicInterstitial", Method: "GET", Path: "/public/interstitial",
		Description: "HTML page that loads clerk.js.",
		Request:     GetPublicInterstitialRequest{}, Response: nil, NoAuth: true, HTML: true,
	},
}

type GetPublicInterstitialRequest struct {
	FrontendAPIDeprecated *string `json:"frontendApi,omitempty" in:"query"`
	FrontendAPI           *string `json:"frontend_api,omitempty" in:"query"`
	PublishableKey        *string `json:"publishable_key,omitempty" in:"query"`
	ProxyURL              *string `json:"proxy_url,omitempty" in:"query"`
	Domain                *string `json:"domain,omitempty" in:"query"`
	SignInURL             *string `json:"sign_in_url,omitempty" in:"query"`
	UseDomainForScript    *bool   `json:"use_domain_for_script,omitempty" in:"query"`
}
