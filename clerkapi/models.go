package clerkapi

// Response types that belong to no one resource group. A group's own response
// types live in its file, after its requests (User in users.go, Session in
// sessions.go, the Commerce types in billing.go).

// IdentificationLink ties an email address or phone number to what it verifies.
type IdentificationLink struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

// DeletedObject is the answer to most deletes.
type DeletedObject struct {
	Object     string `json:"object"`
	ID         string `json:"id"`
	Slug       string `json:"slug"`
	Deleted    bool   `json:"deleted"`
	ExternalID string `json:"external_id"`
}

// VerificationResponse is the state of an email address or phone number
// verification, answered by the prepare and attempt operations.
type VerificationResponse struct {
	Object   string  `json:"object"`
	ID       string  `json:"id"`
	Status   string  `json:"status"`
	Strategy string  `json:"strategy"`
	Attempts *int64  `json:"attempts" jsonschema:"nullable"`
	ExpireAt *int64  `json:"expire_at" jsonschema:"nullable"`
	Channel  *string `json:"channel" jsonschema:"nullable"`
}

// TotalCount is the answer to a count operation.
type TotalCount struct {
	Object     string `json:"object"`
	TotalCount int64  `json:"total_count"`
}

// DeletedResource is the answer to the deletes that report no slug or external ID.
type DeletedResource struct {
	Object  string `json:"object"`
	ID      string `json:"id"`
	Deleted bool   `json:"deleted"`
}
