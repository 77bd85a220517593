// Package clerkapi is a client for the Clerk Backend API. Every operation is
// declared once, as data: a request struct whose field tags say where each
// argument goes, and a row in the operation table. One request path (Client.Do)
// serves them all.
package clerkapi

import (
	"slices"
	"strings"
)

// APIVersion is the Clerk Backend API version pinned on every request.
const APIVersion = "2026-05-12"

// Operation is one Backend API operation and the tool that exposes it.
type Operation struct {
	Name        string // tool name: snake_case, verb first
	OperationID string // Clerk's operationId in the OpenAPI spec
	Method      string
	Path        string // template, e.g. /users/{user_id}
	Toolset     string
	Description string // what the tool does, for a model choosing a tool

	// Request is the zero value of the request struct. Its fields carry
	// `json` names, an `in` tag (path, query, query+comma, body, body+whole,
	// form, file, or auth for a credential used as the bearer key; body,nullable
	// where Clerk takes a null, and in:",nullable" on such fields of nested
	// objects) and `jsonschema` constraints; doc comments describe them.
	Request any
	// Response is the zero value of the response type, used for the output
	// schema; nil when Clerk answers without a body.
	Response any

	Paginated  bool   // legacy list: send paginated=true so Clerk answers {data, total_count}
	TotalFrom  string // list answered as a bare array: this count operation supplies total_count
	Deprecated bool   // deprecated by Clerk; kept out of default tool sets
	Secret     bool   // the result carries a credential or secret
	NoAuth     bool   // the endpoint takes no secret key
	// MachineAuth: the call authenticates with a machine secret key (the
	// `in:"auth"` argument, else Config.MachineSecretKey), not the instance key.
	MachineAuth bool
	HTML        bool // the endpoint answers text/html rather than JSON
	// Oracle: the call tells whether a guessed credential (password, TOTP
	// code) is right. Reading nothing, it still lets a caller guess, so
	// --read-only leaves it out.
	Oracle bool
}

// Kind classifies what an operation does to the instance.
type Kind string

// The three kinds. Destructive covers anything that deletes, revokes, locks
// out or replaces data in a way a retry cannot undo.
const (
	Read        Kind = "read"
	Write       Kind = "write"
	Destructive Kind = "destructive"
)

// Kind reports the operation's kind: the reviewed override when there is one,
// otherwise the rule GET→read, DELETE→destructive, anything else→write.
func (o *Operation) Kind() Kind {
	if ov, ok := KindOverrides[o.Name]; ok {
		return ov.Kind
	}
	switch o.Method {
	case "GET":
		return Read
	case "DELETE":
		return Destructive
	}
	return Write
}

// Idempotent reports whether repeating the call with the same arguments has
// no further effect: reads (GETs and the POSTs that only check or render),
// PUT and DELETE by HTTP semantics, and PATCH because every Clerk PATCH sets
// or deep-merges the fields it is sent (RFC 5789 alone would not promise it).
// It drives the tool's idempotentHint.
func (o *Operation) Idempotent() bool {
	if o.Kind() == Read {
		return true
	}
	switch o.Method {
	case "PUT", "PATCH", "DELETE":
		return true
	}
	return false
}

// Retryable reports whether Client.Do may send the request again after a 5xx
// answer or a connection error, not knowing whether the first one took effect.
// It is exactly Idempotent: a repeat must not cause a second effect, and the
// idempotentHint we give clients promises the same thing, so the two must not
// disagree. (A 429 is retried for every operation: Clerk did not process it.)
func (o *Operation) Retryable() bool { return o.Idempotent() }

// List is the shape of every list result: a page of items and the total.
type List[T any] struct {
	Data       []T   `json:"data"`
	TotalCount int64 `json:"total_count"`
}

// Items is the result of an operation that Clerk answers with a bare array
// and that is not a list (ban_users, unban_users, the bulk creates): the
// objects Clerk answered, one per item sent. It has no total_count: the
// array's length would count only what the call sent, and would read as the
// size of a larger set.
type Items[T any] struct {
	Data []T `json:"data"`
}

// Page is the limit and offset of a list request, embedded in every list
// operation's request struct; its fields become the tool's limit and offset
// arguments, sent as query parameters.
type Page struct {
	Limit  *int64 `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=500,default=10"`
	Offset *int64 `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
}

// Page100 is Page for the machine-auth lists (API keys, M2M tokens), which
// the spec bounds at 100 and types as number rather than integer.
type Page100 struct {
	Limit  *float64 `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=100,default=10"`
	Offset *float64 `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
}

// OpenObject is implemented by the request structs of objects the spec
// leaves open (additionalProperties: true): their schema accepts properties
// beyond the declared ones, which are sent as given.
type OpenObject interface{ OpenObject() }

// NoContent is the result of an operation Clerk answers without a body.
type NoContent struct {
	OK     bool `json:"ok"`
	Status int  `json:"status"`
}

// Upload names the file sent as the multipart "file" part of an upload
// operation. Exactly one source must be given.
type Upload struct {
	// Local JPEG, PNG, GIF or WebP file, ≤ 10 MB.
	FilePath *string `json:"file_path,omitempty" in:"file"`
	// Base64 image bytes.
	FileBase64 *string `json:"file_base64,omitempty" in:"file"`
	// An https image URL.
	FileURL *string `json:"file_url,omitempty" in:"file"`
}

// Catalog returns every declared operation, grouped by toolset.
func Catalog() []Operation {
	return catalog
}

var catalog = slices.Concat(
	toolset("users", usersOperations),
	toolset("organizations", organizationsOperations),
	toolset("organization_memberships", organizationMembershipsOperations),
	toolset("organization_invitations", organizationInvitationsOperations),
	toolset("organization_domains", organizationDomainsOperations),
	toolset("organization_roles", organizationRolesOperations),
	toolset("organization_permissions", organizationPermissionsOperations),
	toolset("role_sets", roleSetsOperations),
	toolset("invitations", invitationsOperations),
	toolset("sessions", sessionsOperations),
	toolset("clients", clientsOperations),
	toolset("email_addresses", emailAddressesOperations),
	toolset("phone_numbers", phoneNumbersOperations),
	toolset("allowlist_blocklist", allowlistBlocklistOperations),
	toolset("domains", domainsOperations),
	toolset("instance", instanceOperations),
	toolset("beta_features", betaFeaturesOperations),
	toolset("templates", templatesOperations),
	toolset("redirect_urls", redirectURLsOperations),
	toolset("jwt_templates", jwtTemplatesOperations),
	toolset("jwks", jwksOperations),
	toolset("oauth_applications", oauthApplicationsOperations),
	toolset("oauth_access_tokens", oauthAccessTokensOperations),
	toolset("saml_connections", samlConnectionsOperations),
	toolset("enterprise_connections", enterpriseConnectionsOperations),
	toolset("scim_directories", scimDirectoriesOperations),
	toolset("directories", directoriesOperations),
	toolset("machines", machinesOperations),
	toolset("m2m_tokens", m2mTokensOperations),
	toolset("api_keys", apiKeysOperations),
	toolset("billing", billingOperations),
	toolset("waitlist_entries", waitlistEntriesOperations),
	toolset("sign_in_tokens", signInTokensOperations),
	toolset("sign_ups", signUpsOperations),
	toolset("actor_tokens", actorTokensOperations),
	toolset("agent_tasks", agentTasksOperations),
	toolset("testing_tokens", testingTokensOperations),
	toolset("admin_portal", adminPortalOperations),
	toolset("proxy_checks", proxyChecksOperations),
	toolset("webhooks", webhooksOperations),
	toolset("misc", miscOperations),
)

// toolset stamps a group's operations with the group's toolset name.
func toolset(name string, ops []Operation) []Operation {
	for i := range ops {
		ops[i].Toolset = name
	}
	return ops
}

var byName = func() map[string]*Operation {
	m := make(map[string]*Operation, len(catalog))
	for i := range catalog {
		m[catalog[i].Name] = &catalog[i]
	}
	return m
}()

// Lookup returns the operation with the given tool name.
func Lookup(name string) (*Operation, bool) {
	op, ok := byName[name]
	return op, ok
}

// pathParams returns the names of the {params} in the path template.
func (o *Operation) pathParams() []string {
	var out []string
	p := o.Path
	for {
		i := strings.IndexByte(p, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(p[i:], '}')
		out = append(out, p[i+1:i+j])
		p = p[i+j+1:]
	}
}
