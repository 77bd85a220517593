package clerkapi

var proxyChecksOperations = []Operation{
	{
		Name: "verify_domain_proxy", OperationID: "VerifyDomainProxy", Method: "POST", Path: "/proxy_checks",
		Description: "Check a proxy URL reaches Clerk.",
		Request:     VerifyDomainProxyRequest{}, Response: ProxyCheck{},
	},
}

type VerifyDomainProxyRequest struct {
	DomainID *string `json:"domain_id,omitempty" in:"body"`
	ProxyURL *string `json:"proxy_url,omitempty" in:"body"`
}
