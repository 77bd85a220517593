package clerkapi

// Override is a reviewed exception to the method rule for an operation's kind.
type Override struct {
	Kind   Kind
	Reason string
}

// KindOverrides lists the operations whose kind the method rule gets wrong,
// each with the reason. The rule: GET is read, DELETE is destructive, POST,
// PUT and PATCH are writes.
var KindOverrides = map[string]Override{
	// POSTs that only check something.
	"verify_user_password": {Read, "checks a password; changes nothing"},
	"verify_user_totp":     {Read, "checks a code; changes nothing"},
	// POSTs and PUTs that remove access or drop data.
	"ban_user":                       {Destructive, "signs the user out everywhere and blocks sign-in"},
	"ban_users":                      {Destructive, "signs the users out everywhere and blocks sign-in"},
	"lock_user":                      {Destructive, "blocks sign-in until unlocked"},
	"remove_user_password":           {Destructive, "drops the password; cannot be restored"},
	"set_user_password_compromised":  {Destructive, "forces a password reset at next sign-in"},
	"revoke_invitation":              {Destructive, "the invitation link stops working for good"},
	"revoke_organization_invitation": {Destructive, "the invitation link stops working for good"},
	"replace_user_metadata":          {Destructive, "replace-all: drops every key not sent"},
	"replace_organization_metadata":  {Destructive, "replace-all: drops every key not sent"},
	// DELETEs that are safe to repeat and lose nothing of value.
}
