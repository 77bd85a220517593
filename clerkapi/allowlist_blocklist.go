package clerkapi

var allowlistBlocklistOperations = []Operation{
	{
		Name: "list_allowlist_identifiers", OperationID: "ListAllowlistIdentifiers", Method: "GET", Path: "/allowlist_identifiers",
		Description: "Identifiers allowed to sign up.",
		Request:     ListAllowlistIdentifiersRequest{}, Response: List[AllowlistIdentifier]{}, Paginated: true,
	},
	{
		Name: "create_allowlist_identifier", OperationID: "CreateAllowlistIdentifier", Method: "POST", Path: "/allowlist_identifiers",
		Description: "Let an email, phone or wallet sign up.",
		Request:     CreateAllowlistIdentifierRequest{}, Response: AllowlistIdentifier{},
	},
	{
		Name: "delete_allowlist_identifier", OperationID: "DeleteAllowlistIdentifier", Method: "DELETE", Path: "/allowlist_identifiers/{identifier_id}",
		Description: "Remove an allowlist entry.",
		Request:     DeleteAllowlistIdentifierRequest{}, Response: DeletedObject{},
	},
	{
		Name: "list_blocklist_identifiers", OperationID: "ListBlocklistIdentifiers", Method: "GET", Path: "/blocklist_identifiers",
		Description: "Identifiers barred from the instance.",
		Request:     ListBlocklistIdentifiersRequest{}, Response: BlocklistIdentifiers{},
	},
	{
		Name: "create_blocklist_identifier", OperationID: "CreateBlocklistIdentifier", Method: "POST", Path: "/blocklist_identifiers",
		Description: "Bar an email, phone or wallet.",
		Request:     CreateBlocklistIdentifierRequest{}, Response: BlocklistIdentifier{},
	},
	{
		Name: "delete_blocklist_identifier", OperationID: "DeleteBlocklistIdentifier", Method: "DELETE", Path: "/blocklist_identifiers/{identifier_id}",
		Description: "Lift a block.",
		Request:     DeleteBlocklistIdentifierRequest{}, Response: DeletedObject{},
	},
}

type ListAllowlistIdentifiersRequest struct {
	Page
}

type CreateAllowlistIdentifierRequest struct {
	Identifier string `json:"identifier" in:"body" jsonschema:"required"`
	// true sends an invitation.
	Notify *bool `json:"notify,omitempty" in:"body" jsonschema:"default=false"`
}

type DeleteAllowlistIdentifierRequest struct {
	IdentifierID string `json:"identifier_id" in:"path" jsonschema:"required"`
}

type ListBlocklistIdentifiersRequest struct {
}

type CreateBlocklistIdentifierRequest struct {
	Identifier string `json:"identifier" in:"body" jsonschema:"required"`
}

type DeleteBlocklistIdentifierRequest struct {
	IdentifierID string `json:"identifier_id" in:"path" jsonschema:"required"`
}

type AllowlistIdentifier struct {
	Object         string `json:"object"`
	ID             string `json:"id"`
	InvitationID   string `json:"invitation_id"`
	Identifier     string `json:"identifier"`
	IdentifierType string `json:"identifier_type"`
	InstanceID     string `json:"instance_id"`
	CreatedAt      int64  `json:"created_at"`
	UpdatedAt      int64  `json:"updated_at"`
}

type BlocklistIdentifiers struct {
	Data       []BlocklistIdentifier `json:"data"`
	TotalCount int64                 `json:"total_count"`
}

type BlocklistIdentifier struct {
	Object         string `json:"object"`
	ID             string `json:"id"`
	Identifier     string `json:"identifier"`
	IdentifierType string `json:"identifier_type"`
	InstanceID     string `json:"instance_id"`
	CreatedAt      int64  `json:"created_at"`
	UpdatedAt      int64  `json:"updated_at"`
}
