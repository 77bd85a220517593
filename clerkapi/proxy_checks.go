package clerkapi

var proxyChecksOperations = []Operation{
	{
		Name: "verify_domain_proxy", OperationID: "VerifyDomainProxy", Method: "POST", Path: "/proxy_checks",
		Description: "Check that a proxy URL reaches the Clerk Frontend API for a domain.",
		Request:     VerifyDomainProxyRequest{}, Response: ProxyCheck{},
	},
}

type VerifyDomainProxyRequest struct {
	DomainID *string `json:"domain_id,omitempty" in:"body"`
	// Full proxy URL, e.g. https://example.com/__clerk
	ProxyURL *string `json:"proxy_url,omitempty" in:"body"`
}
