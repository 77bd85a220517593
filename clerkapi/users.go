package clerkapi

import "encoding/json"

var usersOperations = []Operation{
	{
		Name: "list_users", OperationID: "GetUserList", Method: "GET", Path: "/users",
		Description: "Find users by filters or a free-text query; page deep with starting_after.",
		Request:     ListUsersRequest{}, Response: List[User]{}, TotalFrom: "count_users",
	},
	{
		Name: "create_user", OperationID: "CreateUser", Method: "POST", Path: "/users",
		Description: "Create a user; given emails and phones start verified unless reserved.",
		Request:     CreateUserRequest{}, Response: User{},
	},
	{
		Name: "count_users", OperationID: "GetUsersCount", Method: "GET", Path: "/users/count",
		Description: "Count users matching the list_users filters.",
		Request:     CountUsersRequest{}, Response: TotalCount{},
	},
	{
		Name: "get_user", OperationID: "GetUser", Method: "GET", Path: "/users/{user_id}",
		Description: "Get a user by ID.",
		Request:     GetUserRequest{}, Response: User{},
	},
	{
		Name: "update_user", OperationID: "UpdateUser", Method: "PATCH", Path: "/users/{user_id}",
		Description: "Update a user's profile or password; not metadata.",
		Request:     UpdateUserRequest{}, Response: User{},
	},
	{
		Name: "delete_user", OperationID: "DeleteUser", Method: "DELETE", Path: "/users/{user_id}",
		Description: "Delete a user permanently.",
		Request:     DeleteUserRequest{}, Response: DeletedObject{},
	},
	{
		Name: "ban_user", OperationID: "BanUser", Method: "POST", Path: "/users/{user_id}/ban",
		Description: "Ban a user: ends their sessions and blocks sign-in.",
		Request:     BanUserRequest{}, Response: User{},
	},
	{
		Name: "unban_user", OperationID: "UnbanUser", Method: "POST", Path: "/users/{user_id}/unban",
		Description: "Lift a user's ban.",
		Request:     UnbanUserRequest{}, Response: User{},
	},
	{
		Name: "ban_users", OperationID: "UsersBan", Method: "POST", Path: "/users/ban",
		Description: "Ban up to 50 users at once.",
		Request:     BanUsersRequest{}, Response: Items[User]{},
	},
	{
		Name: "unban_users", OperationID: "UsersUnban", Method: "POST", Path: "/users/unban",
		Description: "Unban up to 50 users at once.",
		Request:     UnbanUsersRequest{}, Response: Items[User]{},
	},
	{
		Name: "lock_user", OperationID: "LockUser", Method: "POST", Path: "/users/{user_id}/lock",
		Description: "Blocks sign-in until the lock expires.",
		Request:     LockUserRequest{}, Response: User{},
	},
	{
		Name: "unlock_user", OperationID: "UnlockUser", Method: "POST", Path: "/users/{user_id}/unlock",
		Description: "Remove a user's lock.",
		Request:     UnlockUserRequest{}, Response: User{},
	},
	{
		Name: "set_user_profile_image", OperationID: "SetUserProfileImage", Method: "POST", Path: "/users/{user_id}/profile_image",
		Description: "Upload a user's profile image.",
		Request:     SetUserProfileImageRequest{}, Response: User{},
	},
	{
		Name: "delete_user_profile_image", OperationID: "DeleteUserProfileImage", Method: "DELETE", Path: "/users/{user_id}/profile_image",
		Description: "Remove a user's profile image.",
		Request:     DeleteUserProfileImageRequest{}, Response: User{},
	},
	{
		Name: "update_user_metadata", OperationID: "UpdateUserMetadata", Method: "PATCH", Path: "/users/{user_id}/metadata",
		Description: "Merges keys; null deletes a key.",
		Request:     UpdateUserMetadataRequest{}, Response: User{},
	},
	{
		Name: "replace_user_metadata", OperationID: "ReplaceUserMetadata", Method: "PUT", Path: "/users/{user_id}/metadata",
		Description: "Overwrites each object sent; others kept.",
		Request:     ReplaceUserMetadataRequest{}, Response: User{},
	},
	{
		Name: "get_user_billing_subscription", OperationID: "GetUserBillingSubscription", Method: "GET", Path: "/users/{user_id}/billing/subscription",
		Description: "Plans and payment status.",
		Request:     GetUserBillingSubscriptionRequest{}, Response: CommerceSubscription{},
	},
	{
		Name: "get_user_billing_credit_balance", OperationID: "GetUserBillingCreditBalance", Method: "GET", Path: "/users/{user_id}/billing/credits",
		Description: "Get a user's credits.",
		Request:     GetUserBillingCreditBalanceRequest{}, Response: CommerceCreditBalanceResponse{},
	},
	{
		Name: "adjust_user_billing_credit_balance", OperationID: "AdjustUserBillingCreditBalance", Method: "POST", Path: "/users/{user_id}/billing/credits",
		Description: "Add or deduct credits.",
		Request:     AdjustUserBillingCreditBalanceRequest{}, Response: CommerceCreditLedgerResponse{},
	},
	{
		Name: "get_user_oauth_access_tokens", OperationID: "GetOAuthAccessToken", Method: "GET", Path: "/users/{user_id}/oauth_access_tokens/{provider}",
		Description: "Provider tokens, refreshed if expired.",
		Request:     GetUserOAuthAccessTokensRequest{}, Response: List[GetUserOAuthAccessTokensItem]{}, Paginated: true, Secret: true,
	},
	{
		Name: "list_user_organization_memberships", OperationID: "UsersGetOrganizationMemberships", Method: "GET", Path: "/users/{user_id}/organization_memberships",
		Description: "A user's organization memberships.",
		Request:     ListUserOrganizationMembershipsRequest{}, Response: OrganizationMemberships{},
	},
	{
		Name: "list_user_organization_invitations", OperationID: "UsersGetOrganizationInvitations", Method: "GET", Path: "/users/{user_id}/organization_invitations",
		Description: "Org invitations sent to a user.",
		Request:     ListUserOrganizationInvitationsRequest{}, Response: OrganizationInvitationsWithPublicOrganizationData{},
	},
	{
		Name: "remove_user_password", OperationID: "RemoveUserPassword", Method: "POST", Path: "/users/{user_id}/remove_password",
		Description: "Even if it is the only way to sign in.",
		Request:     RemoveUserPasswordRequest{}, Response: User{},
	},
	{
		Name: "verify_user_password", OperationID: "VerifyPassword", Method: "POST", Path: "/users/{user_id}/verify_password",
		Description: "Check a user's password.",
		Request:     VerifyUserPasswordRequest{}, Response: VerifyUserPasswordResponse{}, Oracle: true,
	},
	{
		Name: "verify_user_totp", OperationID: "VerifyTOTP", Method: "POST", Path: "/users/{user_id}/verify_totp",
		Description: "A valid backup code is used up.",
		Request:     VerifyUserTOTPRequest{}, Response: VerifyUserTOTPResponse{}, Oracle: true,
	},
	{
		Name: "disable_user_mfa", OperationID: "DisableMFA", Method: "DELETE", Path: "/users/{user_id}/mfa",
		Description: "Turns off all MFA methods.",
		Request:     DisableUserMFARequest{}, Response: UserIDResponse{},
	},
	{
		Name: "delete_user_backup_codes", OperationID: "DeleteBackupCode", Method: "DELETE", Path: "/users/{user_id}/backup_code",
		Description: "Delete all MFA backup codes.",
		Request:     DeleteUserBackupCodesRequest{}, Response: UserIDResponse{},
	},
	{
		Name: "delete_user_passkey", OperationID: "UserPasskeyDelete", Method: "DELETE", Path: "/users/{user_id}/passkeys/{passkey_identification_id}",
		Description: "Delete a passkey; the user is emailed.",
		Request:     DeleteUserPasskeyRequest{}, Response: DeletedObject{},
	},
	{
		Name: "list_user_trusted_devices", OperationID: "ListUserTrustedDevices", Method: "GET", Path: "/users/{user_id}/trusted_devices",
		Description: "A user's active trusted devices.",
		Request:     ListUserTrustedDevicesRequest{}, Response: ListUserTrustedDevicesResponse{},
	},
	{
		Name: "revoke_user_trusted_device", OperationID: "RevokeUserTrustedDevice", Method: "DELETE", Path: "/users/{user_id}/trusted_devices/{trusted_device_id}",
		Description: "Revoke one trusted device.",
		Request:     RevokeUserTrustedDeviceRequest{}, Response: TrustedDevice{},
	},
	{
		Name: "delete_user_web3_wallet", OperationID: "UserWeb3WalletDelete", Method: "DELETE", Path: "/users/{user_id}/web3_wallets/{web3_wallet_identification_id}",
		Description: "Remove a wallet from a user.",
		Request:     DeleteUserWeb3WalletRequest{}, Response: DeletedObject{},
	},
	{
		Name: "delete_user_totp", OperationID: "DeleteTOTP", Method: "DELETE", Path: "/users/{user_id}/totp",
		Description: "Remove all authenticator apps.",
		Request:     DeleteUserTOTPRequest{}, Response: UserIDResponse{},
	},
	{
		Name: "delete_user_external_account", OperationID: "DeleteExternalAccount", Method: "DELETE", Path: "/users/{user_id}/external_accounts/{external_account_id}",
		Description: "Unlink an OAuth account.",
		Request:     DeleteUserExternalAccountRequest{}, Response: DeletedObject{},
	},
	{
		Name: "set_user_password_compromised", OperationID: "SetUserPasswordCompromised", Method: "POST", Path: "/users/{user_id}/password/set_compromised",
		Description: "Forces a reset at next sign-in.",
		Request:     SetUserPasswordCompromisedRequest{}, Response: User{},
	},
	{
		Name: "unset_user_password_compromised", OperationID: "UnsetUserPasswordCompromised", Method: "POST", Path: "/users/{user_id}/password/unset_compromised",
		Description: "Clear the compromised-password flag.",
		Request:     UnsetUserPasswordCompromisedRequest{}, Response: User{},
	},
}

// UserFilters are the user search filters shared by list_users and count_users.
type UserFilters struct {
	EmailAddress []string `json:"email_address,omitempty" in:"query" jsonschema:"maxItems=100"`
	PhoneNumber  []string `json:"phone_number,omitempty" in:"query" jsonschema:"maxItems=100"`
	// +id includes, -id excludes.
	ExternalID []string `json:"external_id,omitempty" in:"query" jsonschema:"maxItems=100"`
	Username   []string `json:"username,omitempty" in:"query" jsonschema:"maxItems=100"`
	Web3Wallet []string `json:"web3_wallet,omitempty" in:"query" jsonschema:"maxItems=100"`
	// +id includes, -id excludes.
	UserID []string `json:"user_id,omitempty" in:"query" jsonschema:"maxItems=100"`
	// +id includes, -id excludes.
	OrganizationID []string `json:"organization_id,omitempty" in:"query" jsonschema:"maxItems=100"`
	// Partial match on email, phone, username, name or ID.
	Query              *string  `json:"query,omitempty" in:"query"`
	EmailAddressQuery  *string  `json:"email_address_query,omitempty" in:"query"`
	PhoneNumberQuery   *string  `json:"phone_number_query,omitempty" in:"query"`
	UsernameQuery      *string  `json:"username_query,omitempty" in:"query"`
	NameQuery          *string  `json:"name_query,omitempty" in:"query"`
	Banned             *bool    `json:"banned,omitempty" in:"query"`
	LastActiveAtBefore *int64   `json:"last_active_at_before,omitempty" in:"query"`
	LastActiveAtAfter  *int64   `json:"last_active_at_after,omitempty" in:"query"`
	LastActiveAtSince  *int64   `json:"last_active_at_since,omitempty" in:"query"`
	CreatedAtBefore    *int64   `json:"created_at_before,omitempty" in:"query"`
	CreatedAtAfter     *int64   `json:"created_at_after,omitempty" in:"query"`
	LastSignInAtBefore *int64   `json:"last_sign_in_at_before,omitempty" in:"query"`
	LastSignInAtAfter  *int64   `json:"last_sign_in_at_after,omitempty" in:"query"`
	Provider           *string  `json:"provider,omitempty" in:"query"`
	ProviderUserID     []string `json:"provider_user_id,omitempty" in:"query" jsonschema:"maxItems=100"`
}

type ListUsersRequest struct {
	UserFilters
	Page
	// Last user ID of the previous page.
	StartingAfter *string `json:"starting_after,omitempty" in:"query"`
	// +/-field: created_at, updated_at, email_address, web3wallet, first_name, last_name, phone_number, username, last_active_at, last_sign_in_at.
	OrderBy *string `json:"order_by,omitempty" in:"query" jsonschema:"default=-created_at"`
}

type CreateUserRequest struct {
	// Your own ID for the user.
	ExternalID                       *string  `json:"external_id,omitempty" in:"body,nullable"`
	FirstName                        *string  `json:"first_name,omitempty" in:"body,nullable"`
	LastName                         *string  `json:"last_name,omitempty" in:"body,nullable"`
	Locale                           *string  `json:"locale,omitempty" in:"body,nullable"`
	EmailAddress                     []string `json:"email_address,omitempty" in:"body"`
	EmailAddressIdentificationStatus []string `json:"email_address_identification_status,omitempty" in:"body" jsonschema:"enum=verified,enum=reserved"`
	PhoneNumber                      []string `json:"phone_number,omitempty" in:"body"`
	PhoneNumberIdentificationStatus  []string `json:"phone_number_identification_status,omitempty" in:"body" jsonschema:"enum=verified,enum=reserved"`
	Web3Wallet                       []string `json:"web3_wallet,omitempty" in:"body"`
	Username                         *string  `json:"username,omitempty" in:"body,nullable"`
	Password                         *string  `json:"password,omitempty" in:"body,nullable"`
	// Existing password hash to import; needs password_hasher.
	PasswordDigest *string `json:"password_digest,omitempty" in:"body,nullable"`
	// Algorithm of password_digest, e.g. bcrypt.
	PasswordHasher          *string `json:"password_hasher,omitempty" in:"body"`
	SkipPasswordChecks      *bool   `json:"skip_password_checks,omitempty" in:"body,nullable"`
	SkipPasswordRequirement *bool   `json:"skip_password_requirement,omitempty" in:"body,nullable"`
	// Base32 TOTP secret to import.
	TOTPSecret        *string        `json:"totp_secret,omitempty" in:"body,nullable"`
	BackupCodes       []string       `json:"backup_codes,omitempty" in:"body"`
	PublicMetadata    map[string]any `json:"public_metadata,omitempty" in:"body"`
	PrivateMetadata   map[string]any `json:"private_metadata,omitempty" in:"body"`
	UnsafeMetadata    map[string]any `json:"unsafe_metadata,omitempty" in:"body"`
	DeleteSelfEnabled *bool          `json:"delete_self_enabled,omitempty" in:"body,nullable"`
	// RFC 3339 time.
	LegalAcceptedAt           *string `json:"legal_accepted_at,omitempty" in:"body,nullable"`
	SkipLegalChecks           *bool   `json:"skip_legal_checks,omitempty" in:"body,nullable"`
	SkipUserRequirement       *bool   `json:"skip_user_requirement,omitempty" in:"body,nullable"`
	CreateOrganizationEnabled *bool   `json:"create_organization_enabled,omitempty" in:"body,nullable"`
	// 0 means unlimited.
	CreateOrganizationsLimit *int64 `json:"create_organizations_limit,omitempty" in:"body,nullable"`
	// RFC 3339 time.
	CreatedAt         *string `json:"created_at,omitempty" in:"body,nullable"`
	BypassClientTrust *bool   `json:"bypass_client_trust,omitempty" in:"body,nullable"`
	Banned            *bool   `json:"banned,omitempty" in:"body,nullable"`
	Locked            *bool   `json:"locked,omitempty" in:"body,nullable"`
}

type CountUsersRequest struct {
	UserFilters
}

type GetUserRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
}

type UpdateUserRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
	// Your own ID for the user.
	ExternalID                       *string `json:"external_id,omitempty" in:"body,nullable"`
	FirstName                        *string `json:"first_name,omitempty" in:"body,nullable"`
	LastName                         *string `json:"last_name,omitempty" in:"body,nullable"`
	Locale                           *string `json:"locale,omitempty" in:"body,nullable"`
	PrimaryEmailAddressID            *string `json:"primary_email_address_id,omitempty" in:"body,nullable"`
	NotifyPrimaryEmailAddressChanged *bool   `json:"notify_primary_email_address_changed,omitempty" in:"body,nullable" jsonschema:"default=false"`
	PrimaryPhoneNumberID             *string `json:"primary_phone_number_id,omitempty" in:"body,nullable"`
	PrimaryWeb3WalletID              *string `json:"primary_web3_wallet_id,omitempty" in:"body,nullable"`
	Username                         *string `json:"username,omitempty" in:"body,nullable"`
	ProfileImageID                   *string `json:"profile_image_id,omitempty" in:"body,nullable"`
	Password                         *string `json:"password,omitempty" in:"body,nullable"`
	// Existing password hash to import; needs password_hasher.
	PasswordDigest *string `json:"password_digest,omitempty" in:"body"`
	// Algorithm of password_digest, e.g. bcrypt.
	PasswordHasher         *string `json:"password_hasher,omitempty" in:"body"`
	SkipPasswordChecks     *bool   `json:"skip_password_checks,omitempty" in:"body,nullable"`
	SignOutOfOtherSessions *bool   `json:"sign_out_of_other_sessions,omitempty" in:"body,nullable"`
	// Base32 TOTP secret to import.
	TOTPSecret                *string  `json:"totp_secret,omitempty" in:"body,nullable"`
	BackupCodes               []string `json:"backup_codes,omitempty" in:"body"`
	DeleteSelfEnabled         *bool    `json:"delete_self_enabled,omitempty" in:"body,nullable"`
	CreateOrganizationEnabled *bool    `json:"create_organization_enabled,omitempty" in:"body,nullable"`
	// RFC 3339 time.
	LegalAcceptedAt *string `json:"legal_accepted_at,omitempty" in:"body,nullable"`
	SkipLegalChecks *bool   `json:"skip_legal_checks,omitempty" in:"body,nullable"`
	// 0 means unlimited.
	CreateOrganizationsLimit *int64 `json:"create_organizations_limit,omitempty" in:"body,nullable"`
	// RFC 3339 time.
	CreatedAt         *string `json:"created_at,omitempty" in:"body,nullable"`
	BypassClientTrust *bool   `json:"bypass_client_trust,omitempty" in:"body,nullable"`
}

type DeleteUserRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
}

type BanUserRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
}

type UnbanUserRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
}

type BanUsersRequest struct {
	UserIDs []string `json:"user_ids" in:"body" jsonschema:"required,minItems=1,maxItems=50"`
}

type UnbanUsersRequest struct {
	UserIDs []string `json:"user_ids" in:"body" jsonschema:"required,minItems=1,maxItems=50"`
}

type LockUserRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
}

type UnlockUserRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
}

type SetUserProfileImageRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
	Upload
}

type DeleteUserProfileImageRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
}

type UpdateUserMetadataRequest struct {
	UserID          string         `json:"user_id" in:"path" jsonschema:"required"`
	PublicMetadata  map[string]any `json:"public_metadata,omitempty" in:"body"`
	PrivateMetadata map[string]any `json:"private_metadata,omitempty" in:"body"`
	UnsafeMetadata  map[string]any `json:"unsafe_metadata,omitempty" in:"body"`
}

type ReplaceUserMetadataRequest struct {
	UserID          string         `json:"user_id" in:"path" jsonschema:"required"`
	PublicMetadata  map[string]any `json:"public_metadata,omitempty" in:"body"`
	PrivateMetadata map[string]any `json:"private_metadata,omitempty" in:"body"`
	UnsafeMetadata  map[string]any `json:"unsafe_metadata,omitempty" in:"body"`
}

type GetUserBillingSubscriptionRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
}

type GetUserBillingCreditBalanceRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
}

type AdjustUserBillingCreditBalanceRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
	// In cents.
	Amount         int64   `json:"amount" in:"body" jsonschema:"required,minimum=1"`
	Action         string  `json:"action" in:"body" jsonschema:"required,enum=increase,enum=decrease"`
	Currency       *string `json:"currency,omitempty" in:"body"`
	IdempotencyKey string  `json:"idempotency_key" in:"body" jsonschema:"required"`
	Note           *string `json:"note,omitempty" in:"body"`
}

type GetUserOAuthAccessTokensRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
	// e.g. oauth_google.
	Provider string `json:"provider" in:"path" jsonschema:"required"`
	Page
}

type ListUserOrganizationMembershipsRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
	Page
}

type ListUserOrganizationInvitationsRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
	Page
	Status *string `json:"status,omitempty" in:"query" jsonschema:"enum=pending,enum=accepted,enum=revoked,enum=expired"`
}

type RemoveUserPasswordRequest struct {
	UserID                 string `json:"user_id" in:"path" jsonschema:"required"`
	SignOutOfOtherSessions *bool  `json:"sign_out_of_other_sessions,omitempty" in:"body" jsonschema:"default=false"`
}

type VerifyUserPasswordRequest struct {
	UserID   string `json:"user_id" in:"path" jsonschema:"required"`
	Password string `json:"password" in:"body" jsonschema:"required"`
}

type VerifyUserTOTPRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
	Code   string `json:"code" in:"body" jsonschema:"required"`
}

type DisableUserMFARequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
}

type DeleteUserBackupCodesRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
}

type DeleteUserPasskeyRequest struct {
	UserID                  string `json:"user_id" in:"path" jsonschema:"required"`
	PasskeyIdentificationID string `json:"passkey_identification_id" in:"path" jsonschema:"required"`
}

type ListUserTrustedDevicesRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
}

type RevokeUserTrustedDeviceRequest struct {
	UserID          string `json:"user_id" in:"path" jsonschema:"required"`
	TrustedDeviceID string `json:"trusted_device_id" in:"path" jsonschema:"required"`
}

type DeleteUserWeb3WalletRequest struct {
	UserID                     string `json:"user_id" in:"path" jsonschema:"required"`
	Web3WalletIdentificationID string `json:"web3_wallet_identification_id" in:"path" jsonschema:"required"`
}

type DeleteUserTOTPRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
}

type DeleteUserExternalAccountRequest struct {
	UserID            string `json:"user_id" in:"path" jsonschema:"required"`
	ExternalAccountID string `json:"external_account_id" in:"path" jsonschema:"required"`
}

type SetUserPasswordCompromisedRequest struct {
	UserID            string `json:"user_id" in:"path" jsonschema:"required"`
	RevokeAllSessions *bool  `json:"revoke_all_sessions,omitempty" in:"body,nullable"`
}

type UnsetUserPasswordCompromisedRequest struct {
	UserID string `json:"user_id" in:"path" jsonschema:"required"`
}

type User struct {
	ID                            string                            `json:"id"`
	Object                        string                            `json:"object"`
	ExternalID                    *string                           `json:"external_id" jsonschema:"nullable"`
	PrimaryEmailAddressID         *string                           `json:"primary_email_address_id" jsonschema:"nullable"`
	PrimaryPhoneNumberID          *string                           `json:"primary_phone_number_id" jsonschema:"nullable"`
	PrimaryWeb3WalletID           *string                           `json:"primary_web3_wallet_id" jsonschema:"nullable"`
	Username                      *string                           `json:"username" jsonschema:"nullable"`
	FirstName                     *string                           `json:"first_name" jsonschema:"nullable"`
	LastName                      *string                           `json:"last_name" jsonschema:"nullable"`
	Locale                        *string                           `json:"locale" jsonschema:"nullable"`
	ProfileImageURL               string                            `json:"profile_image_url"`
	ImageURL                      string                            `json:"image_url"`
	HasImage                      bool                              `json:"has_image"`
	PublicMetadata                map[string]any                    `json:"public_metadata"`
	PrivateMetadata               map[string]any                    `json:"private_metadata" jsonschema:"nullable"`
	UnsafeMetadata                map[string]any                    `json:"unsafe_metadata"`
	EmailAddresses                []EmailAddress                    `json:"email_addresses"`
	PhoneNumbers                  []PhoneNumber                     `json:"phone_numbers"`
	Web3Wallets                   []Web3Wallet                      `json:"web3_wallets"`
	Passkeys                      []Passkey                         `json:"passkeys"`
	PasswordEnabled               bool                              `json:"password_enabled"`
	TwoFactorEnabled              bool                              `json:"two_factor_enabled"`
	TOTPEnabled                   bool                              `json:"totp_enabled"`
	BackupCodeEnabled             bool                              `json:"backup_code_enabled"`
	MFAEnabledAt                  *int64                            `json:"mfa_enabled_at" jsonschema:"nullable"`
	MFADisabledAt                 *int64                            `json:"mfa_disabled_at" jsonschema:"nullable"`
	PasswordLastUpdatedAt         *int64                            `json:"password_last_updated_at" jsonschema:"nullable"`
	ExternalAccounts              []ExternalAccountWithVerification `json:"external_accounts"`
	SAMLAccounts                  []SAMLAccount                     `json:"saml_accounts"`
	EnterpriseAccounts            []EnterpriseAccount               `json:"enterprise_accounts"`
	OrganizationMemberships       []OrganizationMembership          `json:"organization_memberships"`
	LastSignInAt                  *int64                            `json:"last_sign_in_at" jsonschema:"nullable"`
	Banned                        bool                              `json:"banned"`
	Locked                        bool                              `json:"locked"`
	Deprovisioned                 bool                              `json:"deprovisioned"`
	LockoutExpiresInSeconds       *int64                            `json:"lockout_expires_in_seconds" jsonschema:"nullable"`
	VerificationAttemptsRemaining *int64                            `json:"verification_attempts_remaining" jsonschema:"nullable"`
	UpdatedAt                     int64                             `json:"updated_at"`
	CreatedAt                     int64                             `json:"created_at"`
	DeleteSelfEnabled             bool                              `json:"delete_self_enabled"`
	CreateOrganizationEnabled     bool                              `json:"create_organization_enabled"`
	CreateOrganizationsLimit      *int64                            `json:"create_organizations_limit" jsonschema:"nullable"`
	LastActiveAt                  *int64                            `json:"last_active_at" jsonschema:"nullable"`
	LegalAcceptedAt               *int64                            `json:"legal_accepted_at" jsonschema:"nullable"`
	BypassClientTrust             bool                              `json:"bypass_client_trust"`
	SCIM                          *SCIMUserMetadata                 `json:"scim" jsonschema:"nullable"`
}

type Web3Wallet struct {
	ID           string          `json:"id"`
	Object       string          `json:"object"`
	Web3Wallet   string          `json:"web3_wallet"`
	Verification json.RawMessage `json:"verification" jsonschema:"nullable"`
	CreatedAt    int64           `json:"created_at"`
	UpdatedAt    int64           `json:"updated_at"`
}

type Passkey struct {
	ID           string          `json:"id"`
	Object       string          `json:"object"`
	Name         string          `json:"name"`
	LastUsedAt   int64           `json:"last_used_at"`
	Verification json.RawMessage `json:"verification" jsonschema:"nullable"`
}

type ExternalAccountWithVerification struct {
	Object               string          `json:"object"`
	ID                   string          `json:"id"`
	Provider             string          `json:"provider"`
	IdentificationID     string          `json:"identification_id"`
	ProviderUserID       string          `json:"provider_user_id"`
	ApprovedScopes       string          `json:"approved_scopes"`
	EmailAddress         string          `json:"email_address"`
	EmailAddressVerified *bool           `json:"email_address_verified" jsonschema:"nullable"`
	FirstName            string          `json:"first_name"`
	LastName             string          `json:"last_name"`
	AvatarURL            string          `json:"avatar_url"`
	ImageURL             *string         `json:"image_url" jsonschema:"nullable"`
	Username             *string         `json:"username" jsonschema:"nullable"`
	PhoneNumber          *string         `json:"phone_number" jsonschema:"nullable"`
	PublicMetadata       map[string]any  `json:"public_metadata"`
	Label                *string         `json:"label" jsonschema:"nullable"`
	CreatedAt            int64           `json:"created_at"`
	UpdatedAt            int64           `json:"updated_at"`
	Verification         json.RawMessage `json:"verification" jsonschema:"nullable"`
}

type SAMLAccount struct {
	ID                  string          `json:"id"`
	Object              string          `json:"object"`
	Provider            string          `json:"provider"`
	Active              bool            `json:"active"`
	EmailAddress        string          `json:"email_address"`
	FirstName           *string         `json:"first_name" jsonschema:"nullable"`
	LastName            *string         `json:"last_name" jsonschema:"nullable"`
	ProviderUserID      *string         `json:"provider_user_id" jsonschema:"nullable"`
	LastAuthenticatedAt *int64          `json:"last_authenticated_at" jsonschema:"nullable"`
	PublicMetadata      map[string]any  `json:"public_metadata"`
	Verification        json.RawMessage `json:"verification" jsonschema:"nullable"`
	SAMLConnection      json.RawMessage `json:"saml_connection" jsonschema:"nullable"`
}

type EnterpriseAccount struct {
	ID                     string          `json:"id"`
	Object                 string          `json:"object"`
	Protocol               string          `json:"protocol"`
	Provider               string          `json:"provider"`
	Active                 bool            `json:"active"`
	EmailAddress           string          `json:"email_address"`
	FirstName              *string         `json:"first_name" jsonschema:"nullable"`
	LastName               *string         `json:"last_name" jsonschema:"nullable"`
	ProviderUserID         *string         `json:"provider_user_id" jsonschema:"nullable"`
	EnterpriseConnectionID *string         `json:"enterprise_connection_id" jsonschema:"nullable"`
	PublicMetadata         map[string]any  `json:"public_metadata"`
	Verification           json.RawMessage `json:"verification" jsonschema:"nullable"`
	EnterpriseConnection   json.RawMessage `json:"enterprise_connection" jsonschema:"nullable"`
	LastAuthenticatedAt    *int64          `json:"last_authenticated_at" jsonschema:"nullable"`
}

type SCIMUserMetadata struct {
	DirectoryID      string  `json:"directory_id"`
	DirectoryEnabled bool    `json:"directory_enabled"`
	ExternalID       *string `json:"external_id" jsonschema:"nullable"`
}

type GetUserOAuthAccessTokensItem struct {
	Object            string         `json:"object"`
	ExternalAccountID string         `json:"external_account_id"`
	ProviderUserID    string         `json:"provider_user_id"`
	Token             string         `json:"token"`
	ExpiresAt         *int64         `json:"expires_at" jsonschema:"nullable"`
	Provider          string         `json:"provider"`
	PublicMetadata    map[string]any `json:"public_metadata"`
	Label             *string        `json:"label" jsonschema:"nullable"`
	Scopes            []string       `json:"scopes"`
	IDToken           string         `json:"id_token"`
	TokenSecret       string         `json:"token_secret"`
}

type VerifyUserPasswordResponse struct {
	Verified bool `json:"verified"`
}

type VerifyUserTOTPResponse struct {
	Verified bool   `json:"verified"`
	CodeType string `json:"code_type"`
}

type UserIDResponse struct {
	UserID string `json:"user_id"`
}

type ListUserTrustedDevicesResponse struct {
	Data       []TrustedDevice `json:"data"`
	TotalCount int64           `json:"total_count"`
}

type TrustedDevice struct {
	Object        string  `json:"object"`
	ID            string  `json:"id"`
	Platform      string  `json:"platform"`
	AppIdentifier string  `json:"app_identifier"`
	Name          *string `json:"name" jsonschema:"nullable"`
	Algorithm     string  `json:"algorithm"`
	Status        string  `json:"status"`
	CreatedAt     int64   `json:"created_at"`
	UpdatedAt     int64   `json:"updated_at"`
	LastUsedAt    *int64  `json:"last_used_at" jsonschema:"nullable"`
	RevokedAt     *int64  `json:"revoked_at" jsonschema:"nullable"`
}
