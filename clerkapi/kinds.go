package clerkapi

// Override is a reviewed exception to the method rule for an operation's kind.
type Override struct {
	Kind   Kind
	Reason string
}

// KindOverrides lists the operations whose kind the method rule gets wrong,
// each with the reason. The rule (Operation.Kind): GET is read, DELETE is
// destructive, POST, PUT and PATCH are writes.
var KindOverrides = map[string]Override{
	// POSTs that only check or render something.
	"verify_user_password":      {Read, "checks a password; changes nothing"},
	"verify_client":             {Read, "checks a client token; changes nothing"},
	"preview_template":          {Read, "renders a preview; saves nothing"},
	"verify_domain_proxy":       {Read, "checks the proxy setup; changes nothing"},
	"verify_oauth_access_token": {Read, "checks a token; changes nothing"},
	"verify_m2m_token":          {Read, "checks a token; changes nothing"},
	"verify_api_key":            {Read, "checks a key; changes nothing"},

	// Access removed: people or machines are signed out or locked out.
	"ban_user":                       {Destructive, "signs the user out everywhere and blocks sign-in"},
	"ban_users":                      {Destructive, "signs the users out everywhere and blocks sign-in"},
	"lock_user":                      {Destructive, "blocks sign-in until unlocked"},
	"revoke_session":                 {Destructive, "signs the user out of the session"},
	"create_blocklist_identifier":    {Destructive, "locks the identifier out of the instance"},
	"remove_user_password":           {Destructive, "drops the password; it cannot be restored"},
	"set_user_password_compromised":  {Destructive, "forces a password reset at next sign-in"},
	"revoke_invitation":              {Destructive, "the invitation link stops working for good"},
	"revoke_organization_invitation": {Destructive, "the invitation link stops working for good"},
	"revoke_sign_in_token":           {Destructive, "the token stops working for good"},
	"revoke_actor_token":             {Destructive, "the token stops working for good"},
	"revoke_agent_task":              {Destructive, "the task's link stops working for good"},
	"revoke_admin_portal_link_token": {Destructive, "the link stops working for good"},
	"revoke_oauth_application_token": {Destructive, "revokes the whole grant"},
	"revoke_m2m_token":               {Destructive, "the token stops working for good"},
	"revoke_api_key":                 {Destructive, "the key stops working for good"},

	// Secrets rotated: whatever uses the old one breaks.
	"rotate_oauth_application_secret": {Destructive, "the old client secret stops working"},
	"rotate_scim_directory_api_key":   {Destructive, "the old key expires"},
	"rotate_directory_api_key":        {Destructive, "the old key expires"},
	"rotate_machine_secret_key":       {Destructive, "the old key expires, possibly at once"},

	// Replace-all: whatever is not sent is dropped.
	"replace_user_metadata":                 {Destructive, "drops every metadata key not sent"},
	"replace_organization_metadata":         {Destructive, "drops every metadata key not sent"},
	"replace_user_email_address":            {Destructive, "deletes the user's other email addresses"},
	"replace_user_phone_number":             {Destructive, "deletes the user's other phone numbers; may turn off MFA"},
	"replace_scim_group_role_mappings":      {Destructive, "drops every mapping not sent"},
	"replace_directory_group_role_mappings": {Destructive, "drops every mapping not sent"},
	"replace_role_set":                      {Destructive, "deletes the role set and moves its organizations"},
	"replace_role_set_role":                 {Destructive, "removes the role and moves its members"},
	"update_instance_communication":         {Destructive, "replaces the whole SMS country blocklist"},
	"revert_template":                       {Destructive, "discards the template's customisations"},

	// Production domain changes sign everyone out and need new DNS.
	"change_production_instance_domain": {Destructive, "signs every user out; needs new DNS records"},
	"update_production_instance_domain": {Destructive, "signs every user out; needs new DNS records"},
}
