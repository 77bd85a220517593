package clerkapi

var domainsOperations = []Operation{
	{
		Name: "list_domains", OperationID: "ListDomains", Method: "GET", Path: "/domains",
		Description: "List the instance's primary and satellite domains, with their URLs and CNAME targets.",
		Request:     ListDomainsRequest{}, Response: Domains{},
	},
	{
		Name: "add_domain", OperationID: "AddDomain", Method: "POST", Path: "/domains",
		Description: "Add a satellite domain to the instance (only satellites can be added).",
		Request:     AddDomainRequest{}, Response: Domain{},
	},
	{
		Name: "delete_domain", OperationID: "DeleteDomain", Method: "DELETE", Path: "/domains/{domain_id}",
		Description: "Delete a satellite domain; the primary domain cannot be deleted.",
		Request:     DeleteDomainRequest{}, Response: DeletedObject{},
	},
	{
		Name: "update_domain", OperationID: "UpdateDomain", Method: "PATCH", Path: "/domains/{domain_id}",
		Description: "Update a domain's name or proxy URL; renaming the primary also changes the home origin.",
		Request:     UpdateDomainRequest{}, Response: Domain{},
	},
}

type ListDomainsRequest struct {
}

type AddDomainRequest struct {
	// Domain name; may include a port on development instances.
	Name string `json:"name" in:"body" jsonschema:"required"`
	// Must be true.
	IsSatellite bool `json:"is_satellite" in:"body" jsonschema:"required"`
	// Full URL of a proxy to the Frontend API; production only.
	ProxyURL *string `json:"proxy_url,omitempty" in:"body"`
}

type DeleteDomainRequest struct {
	DomainID string `json:"domain_id" in:"path" jsonschema:"required"`
}

type UpdateDomainRequest struct {
	DomainID string `json:"domain_id" in:"path" jsonschema:"required"`
	// No scheme; a port is allowed on development instances only.
	Name *string `json:"name,omitempty" in:"body"`
	// Full URL of a proxy to the Frontend API; production only.
	ProxyURL *string `json:"proxy_url,omitempty" in:"body"`
	// Secondary app on a shared root domain: subdomain is significant.
	IsSecondary *bool `json:"is_secondary,omitempty" in:"body"`
}
