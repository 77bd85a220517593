package clerkapi

import "encoding/json"

var phoneNumbersOperations = []Operation{
	{
		Name: "create_phone_number", OperationID: "CreatePhoneNumber", Method: "POST", Path: "/phone_numbers",
		Description: "Add a phone number to a user.",
		Request:     CreatePhoneNumberRequest{}, Response: PhoneNumber{},
	},
	{
		Name: "get_phone_number", OperationID: "GetPhoneNumber", Method: "GET", Path: "/phone_numbers/{phone_number_id}",
		Description: "Get a phone number by ID.",
		Request:     GetPhoneNumberRequest{}, Response: PhoneNumber{},
	},
	{
		Name: "delete_phone_number", OperationID: "DeletePhoneNumber", Method: "DELETE", Path: "/phone_numbers/{phone_number_id}",
		Description: "Delete a phone number.",
		Request:     DeletePhoneNumberRequest{}, Response: DeletedObject{},
	},
	{
		Name: "update_phone_number", OperationID: "UpdatePhoneNumber", Method: "PATCH", Path: "/phone_numbers/{phone_number_id}",
		Description: "Mark verified, primary or MFA.",
		Request:     UpdatePhoneNumberRequest{}, Response: PhoneNumber{},
	},
	{
		Name: "prepare_phone_number_verification", OperationID: "PreparePhoneNumberVerification", Method: "POST", Path: "/phone_numbers/{phone_number_id}/prepare_verification",
		Description: "Text a code; returns the verification_id.",
		Request:     PreparePhoneNumberVerificationRequest{}, Response: VerificationResponse{},
	},
	{
		Name: "attempt_phone_number_verification", OperationID: "AttemptPhoneNumberVerification", Method: "POST", Path: "/phone_numbers/{phone_number_id}/attempt_verification",
		Description: "Check a code; failure shows in status.",
		Request:     AttemptPhoneNumberVerificationRequest{}, Response: VerificationResponse{},
	},
	{
		Name: "replace_user_phone_number", OperationID: "ReplaceUserPhoneNumber", Method: "PUT", Path: "/users/{user_id}/phone_number",
		Description: "Deletes all others; may disable MFA.",
		Request:     ReplaceUserPhoneNumberRequest{}, Response: PhoneNumber{},
	},
}

type CreatePhoneNumberRequest struct {
	UserID string `json:"user_id" in:"body" jsonschema:"required"`
	// E.164 format.
	PhoneNumber             string `json:"phone_number" in:"body" jsonschema:"required"`
	Verified                *bool  `json:"verified,omitempty" in:"body,nullable"`
	Primary                 *bool  `json:"primary,omitempty" in:"body,nullable"`
	ReservedForSecondFactor *bool  `json:"reserved_for_second_factor,omitempty" in:"body,nullable"`
}

type GetPhoneNumberRequest struct {
	PhoneNumberID string `json:"phone_number_id" in:"path" jsonschema:"required"`
}

type DeletePhoneNumberRequest struct {
	PhoneNumberID string `json:"phone_number_id" in:"path" jsonschema:"required"`
}

type UpdatePhoneNumberRequest struct {
	PhoneNumberID           string `json:"phone_number_id" in:"path" jsonschema:"required"`
	Verified                *bool  `json:"verified,omitempty" in:"body,nullable"`
	Primary                 *bool  `json:"primary,omitempty" in:"body,nullable"`
	ReservedForSecondFactor *bool  `json:"reserved_for_second_factor,omitempty" in:"body,nullable"`
}

type PreparePhoneNumberVerificationRequest struct {
	PhoneNumberID string `json:"phone_number_id" in:"path" jsonschema:"required"`
}

type AttemptPhoneNumberVerificationRequest struct {
	PhoneNumberID  string `json:"phone_number_id" in:"path" jsonschema:"required"`
	VerificationID string `json:"verification_id" in:"body" jsonschema:"required"`
	Code           string `json:"code" in:"body" jsonschema:"required"`
}

type ReplaceUserPhoneNumberRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
	// E.164 format.
	PhoneNumber string `json:"phone_number" in:"body" jsonschema:"required"`
	// unverified can lock the user out.
	IdentificationStatus *string `json:"identification_status,omitempty" in:"body" jsonschema:"default=verified,enum=verified,enum=reserved,enum=unverified"`
}

type PhoneNumber struct {
	ID                      string               `json:"id"`
	Object                  string               `json:"object"`
	PhoneNumber             string               `json:"phone_number"`
	ReservedForSecondFactor bool                 `json:"reserved_for_second_factor"`
	DefaultSecondFactor     bool                 `json:"default_second_factor"`
	Reserved                bool                 `json:"reserved"`
	Verification            json.RawMessage      `json:"verification" jsonschema:"nullable"`
	LinkedTo                []IdentificationLink `json:"linked_to"`
	BackupCodes             []string             `json:"backup_codes" jsonschema:"nullable"`
	CreatedAt               int64                `json:"created_at"`
	UpdatedAt               int64                `json:"updated_at"`
}
