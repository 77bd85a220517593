package clerkapi

var emailAddressesOperations = []Operation{
	{
		Name: "create_email_address", OperationID: "CreateEmailAddress", Method: "POST", Path: "/email_addresses",
		Description: "Add an email address to a user, optionally as verified and/or primary.",
		Request:     CreateEmailAddressRequest{}, Response: EmailAddress{},
	},
	{
		Name: "get_email_address", OperationID: "GetEmailAddress", Method: "GET", Path: "/email_addresses/{email_address_id}",
		Description: "Get an email address by ID, with its verification status.",
		Request:     GetEmailAddressRequest{}, Response: EmailAddress{},
	},
	{
		Name: "delete_email_address", OperationID: "DeleteEmailAddress", Method: "DELETE", Path: "/email_addresses/{email_address_id}",
		Description: "Delete an email address from its user.",
		Request:     DeleteEmailAddressRequest{}, Response: DeletedObject{},
	},
	{
		Name: "update_email_address", OperationID: "UpdateEmailAddress", Method: "PATCH", Path: "/email_addresses/{email_address_id}",
		Description: "Mark an email address verified and/or make it the user's primary address.",
		Request:     UpdateEmailAddressRequest{}, Response: EmailAddress{},
	},
	{
		Name: "prepare_email_address_verification", OperationID: "PrepareEmailAddressVerification", Method: "POST", Path: "/email_addresses/{email_address_id}/prepare_verification",
		Description: "Email a one-time code to the address; returns the verification ID to check it with.",
		Request:     PrepareEmailAddressVerificationRequest{}, Response: PrepareEmailAddressVerificationResponse{},
	},
	{
		Name: "attempt_email_address_verification", OperationID: "AttemptEmailAddressVerification", Method: "POST", Path: "/email_addresses/{email_address_id}/attempt_verification",
		Description: "Check an emailed code; a wrong or expired code shows in status, not as an error. Never signs in.",
		Request:     AttemptEmailAddressVerificationRequest{}, Response: AttemptEmailAddressVerificationResponse{},
	},
	{
		Name: "replace_user_email_address", OperationID: "ReplaceUserEmailAddress", Method: "PUT", Path: "/users/{user_id}/email_address",
		Description: "Replace all of a user's email addresses with one new primary address; the others are deleted.",
		Request:     ReplaceUserEmailAddressRequest{}, Response: EmailAddress{},
	},
}

type CreateEmailAddressRequest struct {
	UserID       string `json:"user_id" in:"body" jsonschema:"required"`
	EmailAddress string `json:"email_address" in:"body" jsonschema:"required"`
	Verified     *bool  `json:"verified,omitempty" in:"body"`
	// Defaults to false unless it is the user's first address.
	Primary *bool `json:"primary,omitempty" in:"body"`
	// Tell the previous primary address it was replaced.
	NotifyPrimaryEmailAddressChanged *bool `json:"notify_primary_email_address_changed,omitempty" in:"body" jsonschema:"default=false"`
}

type GetEmailAddressRequest struct {
	EmailAddressID string `json:"email_address_id" in:"path" jsonschema:"required"`
}

type DeleteEmailAddressRequest struct {
	EmailAddressID string `json:"email_address_id" in:"path" jsonschema:"required"`
}

type UpdateEmailAddressRequest struct {
	EmailAddressID string `json:"email_address_id" in:"path" jsonschema:"required"`
	Verified       *bool  `json:"verified,omitempty" in:"body"`
	Primary        *bool  `json:"primary,omitempty" in:"body"`
	// Tell the previous primary address it was replaced.
	NotifyPrimaryEmailAddressChanged *bool `json:"notify_primary_email_address_changed,omitempty" in:"body" jsonschema:"default=false"`
}

type PrepareEmailAddressVerificationRequest struct {
	EmailAddressID string `json:"email_address_id" in:"path" jsonschema:"required"`
}

type AttemptEmailAddressVerificationRequest struct {
	EmailAddressID string `json:"email_address_id" in:"path" jsonschema:"required"`
	// ID returned by prepare_email_address_verification.
	VerificationID string `json:"verification_id" in:"body" jsonschema:"required"`
	Code           string `json:"code" in:"body" jsonschema:"required"`
}

type ReplaceUserEmailAddressRequest struct {
	UserID       string `json:"user_id" in:"path" jsonschema:"required"`
	EmailAddress string `json:"email_address" in:"body" jsonschema:"required"`
	// reserved: unverified but can sign in; unverified may lock user out.
	IdentificationStatus *string `json:"identification_status,omitempty" in:"body" jsonschema:"default=verified,enum=verified,enum=reserved,enum=unverified"`
	// Tell the previous primary address it was replaced.
	NotifyPrimaryEmailAddressChanged *bool `json:"notify_primary_email_address_changed,omitempty" in:"body" jsonschema:"default=false"`
}
