package clerkapi

var waitlistEntriesOperations = []Operation{
	{
		Name: "list_waitlist_entries", OperationID: "ListWaitlistEntries", Method: "GET", Path: "/waitlist_entries",
		Description: "List waitlist entries.",
		Request:     ListWaitlistEntriesRequest{}, Response: ListWaitlistEntriesResponse{},
	},
	{
		Name: "create_waitlist_entry", OperationID: "CreateWaitlistEntry", Method: "POST", Path: "/waitlist_entries",
		Description: "Returns the entry if already listed.",
		Request:     CreateWaitlistEntryRequest{}, Response: WaitlistEntry{},
	},
	{
		Name: "create_waitlist_entries_bulk", OperationID: "CreateBulkWaitlistEntries", Method: "POST", Path: "/waitlist_entries/bulk",
		Description: "Add up to 50 emails at once.",
		Request:     CreateWaitlistEntriesBulkRequest{}, Response: Items[WaitlistEntry]{},
	},
	{
		Name: "delete_waitlist_entry", OperationID: "DeleteWaitlistEntry", Method: "DELETE", Path: "/waitlist_entries/{waitlist_entry_id}",
		Description: "Delete a pending entry.",
		Request:     DeleteWaitlistEntryRequest{}, Response: DeletedObject{},
	},
	{
		Name: "invite_waitlist_entry", OperationID: "InviteWaitlistEntry", Method: "POST", Path: "/waitlist_entries/{waitlist_entry_id}/invite",
		Description: "Email the entry an invitation.",
		Request:     InviteWaitlistEntryRequest{}, Response: WaitlistEntry{},
	},
	{
		Name: "reject_waitlist_entry", OperationID: "RejectWaitlistEntry", Method: "POST", Path: "/waitlist_entries/{waitlist_entry_id}/reject",
		Description: "Reject a waitlist entry.",
		Request:     RejectWaitlistEntryRequest{}, Response: WaitlistEntry{},
	},
}

type ListWaitlistEntriesRequest struct {
	Page
	Query  *string `json:"query,omitempty" in:"query"`
	Status *string `json:"status,omitempty" in:"query" jsonschema:"enum=pending,enum=invited,enum=completed,enum=rejected"`
	// +/-field: created_at, email_address, invited_at.
	OrderBy *string `json:"order_by,omitempty" in:"query" jsonschema:"default=-created_at"`
}

type CreateWaitlistEntryRequest struct {
	EmailAddress string `json:"email_address" in:"body" jsonschema:"required"`
	Notify       *bool  `json:"notify,omitempty" in:"body,nullable" jsonschema:"default=true"`
}

type CreateWaitlistEntriesBulkRequest struct {
	WaitlistEntries []CreateWaitlistEntriesBulkRequestItem `json:"waitlist_entries" in:"body,whole" jsonschema:"required,minItems=1,maxItems=50"`
}

type CreateWaitlistEntriesBulkRequestItem struct {
	EmailAddress string `json:"email_address" jsonschema:"required,format=email"`
	Notify       *bool  `json:"notify,omitempty" in:",nullable" jsonschema:"default=true"`
}

type DeleteWaitlistEntryRequest struct {
	WaitlistEntryID string `json:"waitlist_entry_id" in:"path" jsonschema:"required"`
}

type InviteWaitlistEntryRequest struct {
	WaitlistEntryID string `json:"waitlist_entry_id" in:"path" jsonschema:"required"`
	IgnoreExisting  *bool  `json:"ignore_existing,omitempty" in:"body,nullable" jsonschema:"default=false"`
}

type RejectWaitlistEntryRequest struct {
	WaitlistEntryID string `json:"waitlist_entry_id" in:"path" jsonschema:"required"`
}

type ListWaitlistEntriesResponse struct {
	Data       []WaitlistEntry `json:"data"`
	TotalCount int64           `json:"total_count"`
}

type WaitlistEntry struct {
	Object       string      `json:"object"`
	ID           string      `json:"id"`
	EmailAddress string      `json:"email_address"`
	Status       string      `json:"status"`
	IsLocked     bool        `json:"is_locked"`
	CreatedAt    int64       `json:"created_at"`
	UpdatedAt    int64       `json:"updated_at"`
	Invitation   *Invitation `json:"invitation" jsonschema:"nullable"`
}
