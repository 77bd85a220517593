package clerkapi

import "encoding/json"

var emailAddressesOperations = []Operation{
	{
		Name: "create_email_address", OperationID: "CreateEmailAddress", Method: "POST", Path: "/email_addresses",
		Description: "Add an email address to a user.",
		Request:     CreateEmailAddressRequest{}, Response: EmailAddress{},
	},
	{
		Name: "get_email_address", OperationID: "GetEmailAddress", Method: "GET", Path: "/email_addresses/{email_address_id}",
		Description: "Get an email address by ID.",
		Request:     GetEmailAddressRequest{}, Response: EmailAddress{},
	},
	{
		Name: "delete_email_address", OperationID: "DeleteEmailAddress", Method: "DELETE", Path: "/email_addresses/{email_address_id}",
		Description: "Delete an email address.",
		Request:     DeleteEmailAddressRequest{}, Response: DeletedObject{},
	},
	{
		Name: "update_email_address", OperationID: "UpdateEmailAddress", Method: "PATCH", Path: "/email_addresses/{email_address_id}",
		Description: "Mark verified and/or primary.",
		Request:     UpdateEmailAddressRequest{}, Response: EmailAddress{},
	},
	{
		Name: "prepare_email_address_verification", OperationID: "PrepareEmailAddressVerification", Method: "POST", Path: "/email_addresses/{email_address_id}/prepare_verification",
		Description: "Email a code; returns the verification_id.",
		Request:     PrepareEmailAddressVerificationRequest{}, Response: VerificationResponse{},
	},
	{
		Name: "attempt_email_address_verification", OperationID: "AttemptEmailAddressVerification", Method: "POST", Path: "/email_addresses/{email_address_id}/attempt_verification",
		Description: "Check a code; failure shows in status.",
		Request:     AttemptEmailAddressVerificationRequest{}, Response: VerificationResponse{},
	},
	{
		Name: "replace_user_email_address", OperationID: "ReplaceUserEmailAddress", Method: "PUT", Path: "/users/{user_id}/email_address",
		Description: "New primary address; deletes all others.",
		Request:     ReplaceUserEmailAddressRequest{}, Response: EmailAddress{},
	},
}

type CreateEmailAddressRequest struct {
	UserID                           string `json:"user_id" in:"body" jsonschema:"required"`
	EmailAddress                     string `json:"email_address" in:"body" jsonschema:"required"`
	Verified                         *bool  `json:"verified,omitempty" in:"body,nullable"`
	Primary                          *bool  `json:"primary,omitempty" in:"body,nullable"`
	NotifyPrimaryEmailAddressChanged *bool  `json:"notify_primary_email_address_changed,omitempty" in:"body,nullable" jsonschema:"default=false"`
}

type GetEmailAddressRequest struct {
	EmailAddressID string `json:"email_address_id" in:"path" jsonschema:"required"`
}

type DeleteEmailAddressRequest struct {
	EmailAddressID string `json:"email_address_id" in:"path" jsonschema:"required"`
}

type UpdateEmailAddressRequest struct {
	EmailAddressID                   string `json:"email_address_id" in:"path" jsonschema:"required"`
	Verified                         *bool  `json:"verified,omitempty" in:"body,nullable"`
	Primary                          *bool  `json:"primary,omitempty" in:"body,nullable"`
	NotifyPrimaryEmailAddressChanged *bool  `json:"notify_primary_email_address_changed,omitempty" in:"body,nullable" jsonschema:"default=false"`
}

type PrepareEmailAddressVerificationRequest struct {
	EmailAddressID string `json:"email_address_id" in:"path" jsonschema:"required"`
}

type AttemptEmailAddressVerificationRequest struct {
	EmailAddressID string `json:"email_address_id" in:"path" jsonschema:"required"`
	VerificationID string `json:"verification_id" in:"body" jsonschema:"required"`
	Code           string `json:"code" in:"body" jsonschema:"required"`
}

type ReplaceUserEmailAddressRequest struct {
	UserID                           string  `json:"user_id" in:"path" jsonschema:"required"`
	EmailAddress                     string  `json:"email_address" in:"body" jsonschema:"required"`
	IdentificationStatus             *string `json:"identification_status,omitempty" in:"body" jsonschema:"default=verified,enum=verified,enum=reserved,enum=unverified"`
	NotifyPrimaryEmailAddressChanged *bool   `json:"notify_primary_email_address_changed,omitempty" in:"body,nullable" jsonschema:"default=false"`
}

type EmailAddress struct {
	ID                   string               `json:"id"`
	Object               string               `json:"object"`
	EmailAddress         string               `json:"email_address"`
	Reserved             bool                 `json:"reserved"`
	Verification         json.RawMessage      `json:"verification" jsonschema:"nullable"`
	LinkedTo             []IdentificationLink `json:"linked_to"`
	MatchesSSOConnection bool                 `json:"matches_sso_connection"`
	CreatedAt            int64                `json:"created_at"`
	UpdatedAt            int64                `json:"updated_at"`
}
