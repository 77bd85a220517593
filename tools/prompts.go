package tools

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Prompts are ready-made instructions for everyday admin jobs: the user picks
// one in the client, fills in its arguments, and the model gets a message
// saying which tools to use in which order. In the text, backticks mark tool
// names and nothing else (a test holds every one to the catalog).

type promptArg struct {
	name, description string
	required          bool
}

type promptDef struct {
	name, title, description string
	args                     []promptArg
	// tools the text names, in the order it uses them.
	tools []string
	text  func(a map[string]string) string
}

// confirmationSteps is how every prompt tells the model to run a destructive
// step: through the gate, with the human deciding.
const confirmationSteps = `Every destructive step goes through this server's confirmation gate, one call at a time:
call the tool without confirm. Either the client asks the human directly (then the call runs or is refused: report which),
or the result is a preview marked executed: false with a confirm token. Then show the human that preview (what, and on whom),
ask for an explicit yes for that step, and only after a yes call the same tool again with the same arguments plus confirm set
to the token. Never fill in confirm on your own, never reuse a token for other arguments; if a token expired or was refused,
show the new preview and ask again. A "no" skips that step: carry on with the rest only if the human wants to.`

var prompts = []promptDef{
	{
		name:        "find_user_summary",
		title:       "Find a user and summarise their account",
		description: "Find a user by email address, username, phone number or user ID, and summarise the account: identifiers, sign-in methods, MFA, banned or locked, organizations, sessions and metadata. Changes nothing.",
		args: []promptArg{
			{"identifier", "Email address, username, phone number or user ID (user_…) of the user", true},
		},
		tools: []string{"get_user", "list_users", "list_user_organization_memberships", "list_sessions"},
		text: func(a map[string]string) string {
			return fmt.Sprintf(`Find the Clerk user %s and summarise their account. This is a read-only job: change nothing.

1. Find the user. An identifier starting with user_ is an ID: call `+"`get_user`"+` with it. Otherwise call `+"`list_users`"+`
   with the filter that fits: email_address for an email, phone_number for a phone number, username for a username, or
   query for anything else. No match: say so and stop. Several matches: list them (ID, name, primary email) and ask which
   one is meant before going on. Then call `+"`get_user`"+` for the full record.
2. Call `+"`list_user_organization_memberships`"+` with the user's ID (page with offset while next_offset is given).
3. Call `+"`list_sessions`"+` with the user's ID and status active.

Then write a short summary with these headings:
- Identity: ID, name, username, external_id, created and last sign-in / last active times (as dates).
- Identifiers: every email address and phone number with its verification status, marking the primary ones; web3 wallets.
- Sign-in methods: password (password_enabled), passkeys, social/OAuth providers (external_accounts), enterprise SSO
  (enterprise_accounts or saml_accounts).
- MFA: two_factor_enabled, TOTP (totp_enabled), backup codes (backup_code_enabled).
- Status: banned, locked (with lockout_expires_in_seconds when locked), verification attempts left.
- Organizations: each organization's name, slug and the user's role.
- Sessions: how many are active, and for each the last activity time and client.
- Metadata: the keys of public_metadata and unsafe_metadata with short values; for private_metadata list the keys only,
  unless the human asks for the values.
End with anything that looks unusual: an unverified primary email, no MFA on an account with an admin role, a ban or lock,
no sign-in for a long time, many active sessions.`, quote(a["identifier"]))
		},
	},
	{
		name:        "offboard_user",
		title:       "Offboard a user",
		description: "Offboard a user: revoke their active sessions, remove them from every organization and ban them, each destructive step confirmed by the human.",
		args: []promptArg{
			{"user", "Email address, username or user ID (user_…) of the user to offboard", true},
			{"reason", "Why, for the summary (optional)", false},
		},
		tools: []string{"get_user", "list_users", "list_user_organization_memberships", "list_sessions", "revoke_session", "list_organization_memberships", "delete_organization_membership", "ban_user"},
		text: func(a map[string]string) string {
			reason := ""
			if r := a["reason"]; r != "" {
				reason = " Reason given: " + quote(r) + "."
			}
			return fmt.Sprintf(`Offboard the Clerk user %s.%s

1. Identify the user exactly. An ID (user_…): `+"`get_user`"+`. Otherwise `+"`list_users`"+` with email_address or username
   (or query), then `+"`get_user`"+`. If there is not exactly one match, stop and ask the human. Show who it is (ID, name,
   primary email) and ask the human to confirm this is the person before changing anything.
2. Gather what will change: `+"`list_sessions`"+` with the user's ID and status active, and
   `+"`list_user_organization_memberships`"+` with the user's ID. For each organization where the user is an admin, call
   `+"`list_organization_memberships`"+` with that organization and role org:admin: if the user is its only admin, warn the
   human that the organization will have no admin left and ask whether to go on.
   Then present the plan: N sessions to revoke, the organizations to leave, then the ban.
3. Revoke each active session with `+"`revoke_session`"+` (session_id).
4. Remove the user from each organization with `+"`delete_organization_membership`"+` (organization_id and user_id).
5. Ban the user with `+"`ban_user`"+` (user_id). A ban also signs the user out everywhere and blocks new sign-ins; it can be
   undone later with unban.

%s

Finish with a report: each step, done, refused or skipped, and anything that failed with Clerk's error message.`, quote(a["user"]), reason, confirmationSteps)
		},
	},
	{
		name:        "audit_organization",
		title:       "Audit an organization",
		description: "Review an organization: members and their roles, pending invitations, domains, and anything unusual. Changes nothing.",
		args: []promptArg{
			{"organization", "Organization ID (org_…) or slug", true},
		},
		tools: []string{"get_organization", "list_organization_memberships", "list_organization_roles", "list_organization_invitations", "list_organization_domains"},
		text: func(a map[string]string) string {
			return fmt.Sprintf(`Audit the Clerk organization %s. This is a read-only job: change nothing.

1. Call `+"`get_organization`"+` with organization_id set to it (an ID or a slug both work) and include_members_count true.
   Not found: say so and stop.
2. Call `+"`list_organization_memberships`"+` for the organization, paging with limit and offset until every member is read
   (for a very large organization, read the first 500 and say the audit is partial).
3. Call `+"`list_organization_roles`"+` to know which roles exist and what they are called.
4. Call `+"`list_organization_invitations`"+` with status pending.
5. Call `+"`list_organization_domains`"+` for the organization.

Report:
- The organization: name, slug, ID, created date, members count against max_allowed_memberships, admin_delete_enabled,
  public metadata.
- Members grouped by role (name, email, joined date).
- Pending invitations: email, role, age; flag those older than 30 days.
- Domains: name, verified or not, enrollment mode.
- Anything unusual, for example: no admin or a single admin; an admin role held by someone whose email domain is not one of
  the organization's verified domains; invitations pending for a long time or to addresses already members; unverified
  domains with automatic enrollment; members near the membership limit; roles used that are not in the role list.
Suggest next steps, but do not carry them out.`, quote(a["organization"]))
		},
	},
	{
		name:        "invite_members_bulk",
		title:       "Invite people to an organization",
		description: "Invite a list of email addresses to an organization with one role, skipping people already in it or already invited, after the human approves the list.",
		args: []promptArg{
			{"organization", "Organization ID (org_…) or slug", true},
			{"emails", "Email addresses, separated by commas, spaces or new lines", true},
			{"role", "Role key for everyone invited, e.g. org:member (the default) or org:admin", false},
		},
		tools: []string{"get_organization", "list_organization_roles", "list_organization_memberships", "list_organization_invitations", "create_organization_invitations_bulk", "create_organization_invitation"},
		text: func(a map[string]string) string {
			role := a["role"]
			if role == "" {
				role = "org:member"
			}
			return fmt.Sprintf(`Invite these people to the Clerk organization %s with the role %s: %s

1. Call `+"`get_organization`"+` (organization_id: the ID or slug) to get its ID and name; not found: stop.
2. Call `+"`list_organization_roles`"+` and check that the role exists; if not, show the roles there are and ask which to use.
3. Clean the list: trim, lower-case, drop duplicates, and set aside anything that is not an email address.
4. For each address, check `+"`list_organization_memberships`"+` (organization_id, email_address) and
   `+"`list_organization_invitations`"+` (organization_id, email_address, status pending): skip people already members or
   already invited.
5. Show the human the plan: who will be invited, who is skipped and why, and the role. Wait for a yes.
6. Send the invitations with `+"`create_organization_invitations_bulk`"+` (organization_id, and organization_invitations: one
   item per address with email_address and role), in batches of at most 10; or, one by one, with
   `+"`create_organization_invitation`"+`.

Finish with who was invited, who was skipped, and any address Clerk rejected with its error message.`, quote(a["organization"]), quote(role), a["emails"])
		},
	},
	{
		name:        "troubleshoot_sign_in",
		title:       "Find out why a user cannot sign in",
		description: "Look into why a user cannot sign in (banned, locked, unverified, blocked identifier, missing sign-in method) and suggest a fix; nothing changes without the human's yes.",
		args: []promptArg{
			{"identifier", "Email address, username, phone number or user ID of the user", true},
		},
		tools: []string{"list_users", "get_user", "list_sessions", "list_blocklist_identifiers", "list_allowlist_identifiers", "unlock_user", "unban_user"},
		text: func(a map[string]string) string {
			return fmt.Sprintf(`Find out why the Clerk user %s cannot sign in.

1. Find the user with `+"`list_users`"+` (email_address, phone_number, username or query) or, for an ID, `+"`get_user`"+`. If no
   user matches, the person has no account in this instance (or signed up with another identifier): say so, and check step 3
   for the identifier they use.
2. From `+"`get_user`"+`: banned? locked (and lockout_expires_in_seconds)? Is the identifier they use verified? Which
   sign-in methods do they have (password_enabled, passkeys, external_accounts, enterprise_accounts), and is MFA on?
   Call `+"`list_sessions`"+` (user_id) to see recent sign-in activity.
3. Call `+"`list_blocklist_identifiers`"+` and `+"`list_allowlist_identifiers`"+`: is the identifier or its domain blocked, or
   missing from a non-empty allowlist?
4. Explain the most likely cause in plain words and propose the fix. Fixes that change something run only after the human
   says yes: `+"`unlock_user`"+` for a lock, `+"`unban_user`"+` for a ban; for anything else (password reset, verification,
   identifier restrictions) explain what the human or the user should do.`, quote(a["identifier"]))
		},
	},
}

func quote(s string) string { return "“" + s + "”" }

// RegisterPrompts adds the admin prompts to the server.
func RegisterPrompts(s *server.MCPServer) {
	for _, p := range prompts {
		opts := []mcp.PromptOption{mcp.WithPromptTitle(p.title), mcp.WithPromptDescription(p.description)}
		for _, a := range p.args {
			aopts := []mcp.ArgumentOption{mcp.ArgumentDescription(a.description)}
			if a.required {
				aopts = append(aopts, mcp.RequiredArgument())
			}
			opts = append(opts, mcp.WithArgument(a.name, aopts...))
		}
		s.AddPrompt(mcp.NewPrompt(p.name, opts...), promptHandler(s, p))
	}
}

func promptHandler(s *server.MCPServer, p promptDef) server.PromptHandlerFunc {
	return func(_ context.Context, req mcp.GetPromptRequest) (*mcp.GetPromptResult, error) {
		args := map[string]string{}
		for k, v := range req.Params.Arguments {
			if !slices.ContainsFunc(p.args, func(a promptArg) bool { return a.name == k }) {
				return nil, fmt.Errorf("prompt %s has no argument %q; its arguments: %s", p.name, k, argNames(p))
			}
			args[k] = strings.TrimSpace(v)
		}
		for _, a := range p.args {
			if a.required && args[a.name] == "" {
				return nil, fmt.Errorf("prompt %s needs the argument %q: %s", p.name, a.name, a.description)
			}
		}
		text := p.text(args) + "\n\n" + toolNotes(s, p.tools)
		return mcp.NewGetPromptResult(p.description, []mcp.PromptMessage{
			mcp.NewPromptMessage(mcp.RoleUser, mcp.NewTextContent(text)),
		}), nil
	}
}

func argNames(p promptDef) string {
	var names []string
	for _, a := range p.args {
		n := a.name
		if a.required {
			n += " (required)"
		}
		names = append(names, n)
	}
	return strings.Join(names, ", ")
}

// toolNotes says how each tool is reached on this server: listed, through
// call_operation, or not at all.
func toolNotes(s *server.MCPServer, names []string) string {
	discovery := s.GetTool("call_operation") != nil
	var listed, viaCall, missing []string
	for _, n := range names {
		switch {
		case s.GetTool(n) != nil:
			listed = append(listed, "`"+n+"`")
		case discovery:
			viaCall = append(viaCall, "`"+n+"`")
		default:
			missing = append(missing, "`"+n+"`")
		}
	}
	var b strings.Builder
	b.WriteString("Tools on this server:")
	if len(listed) > 0 {
		b.WriteString("\n- listed, call them directly: " + strings.Join(listed, ", ") + ".")
	}
	if len(viaCall) > 0 {
		b.WriteString("\n- not listed: run them with `call_operation` (name, and arguments as an object); `describe_operation` shows their arguments and `search_operations` finds related ones: " + strings.Join(viaCall, ", ") + ". If `call_operation` says one is not available here, the operator turned it off: skip that step and say so.")
	}
	if len(missing) > 0 {
		b.WriteString("\n- not available here (the operator turned them off): " + strings.Join(missing, ", ") + ". Skip those steps and say so.")
	}
	return b.String()
}
