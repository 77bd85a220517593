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

type ProxyCheck struct {
	Object     string `json:"object"`
	ID         string `json:"id"`
	DomainID   string `json:"domain_id"`
	LastRunAt  *int64 `json:"last_run_at" jsonschema:"nullable"`
	ProxyURL   string `json:"proxy_url"`
	Successful bool   `json:"successful"`
	CreatedAt  int64  `json:"created_at"`
	UpdatedAt  int64  `json:"updated_at"`
}
