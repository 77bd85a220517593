package clerkapi

var domainsOperations = []Operation{
	{
		Name: "list_domains", OperationID: "ListDomains", Method: "GET", Path: "/domains",
		Description: "Primary and satellite domains.",
		Request:     ListDomainsRequest{}, Response: Domains{},
	},
	{
		Name: "add_domain", OperationID: "AddDomain", Method: "POST", Path: "/domains",
		Description: "Add a satellite domain.",
		Request:     AddDomainRequest{}, Response: Domain{},
	},
	{
		Name: "delete_domain", OperationID: "DeleteDomain", Method: "DELETE", Path: "/domains/{domain_id}",
		Description: "Delete a satellite domain.",
		Request:     DeleteDomainRequest{}, Response: DeletedObject{},
	},
	{
		Name: "update_domain", OperationID: "UpdateDomain", Method: "PATCH", Path: "/domains/{domain_id}",
		Description: "Rename a domain or set its proxy URL.",
		Request:     UpdateDomainRequest{}, Response: Domain{},
	},
}

type ListDomainsRequest struct {
}

type AddDomainRequest struct {
	Name string `json:"name" in:"body" jsonschema:"required"`
	// Must be true.
	IsSatellite bool    `json:"is_satellite" in:"body" jsonschema:"required"`
	ProxyURL    *string `json:"proxy_url,omitempty" in:"body,nullable"`
}

type DeleteDomainRequest struct {
	DomainID string `json:"domain_id" in:"path" jsonschema:"required"`
}

type UpdateDomainRequest struct {
	DomainID    string  `json:"domain_id" in:"path" jsonschema:"required"`
	Name        *string `json:"name,omitempty" in:"body,nullable"`
	ProxyURL    *string `json:"proxy_url,omitempty" in:"body,nullable"`
	IsSecondary *bool   `json:"is_secondary,omitempty" in:"body,nullable"`
}

type Domains struct {
	Data       []Domain `json:"data"`
	TotalCount int64    `json:"total_count"`
}

type Domain struct {
	Object            string        `json:"object"`
	ID                string        `json:"id"`
	Name              string        `json:"name"`
	IsSatellite       bool          `json:"is_satellite"`
	FrontendAPIURL    string        `json:"frontend_api_url"`
	AccountsPortalURL *string       `json:"accounts_portal_url" jsonschema:"nullable"`
	ProxyURL          *string       `json:"proxy_url" jsonschema:"nullable"`
	DevelopmentOrigin string        `json:"development_origin"`
	CNAMETargets      []CNameTarget `json:"cname_targets" jsonschema:"nullable"`
}

type CNameTarget struct {
	Host     string `json:"host"`
	Value    string `json:"value"`
	Required bool   `json:"required"`
}
