package sandbox

// handlers are the emulated operations, by tool name: one table per resource
// group file, named like the clerkapi file that defines the operations. Every
// other catalog operation answers 501 sandbox_not_emulated.
var handlers = merge(actorTokensHandlers,
	adminPortalHandlers,
	agentTasksHandlers,
	allowlistBlocklistHandlers,
	apiKeysHandlers,
	betaFeaturesHandlers,
	billingHandlers,
	clientsHandlers,
	directoriesHandlers,
	domainsHandlers,
	emailAddressesHandlers,
	ssoHandlers,
	coreHandlers,
	instanceHandlers,
	instanceMiscHandlers,
	invitationsHandlers,
	jwksHandlers,
	jwtTemplatesHandlers,
	m2mTokensHandlers,
	machineHandlers,
	miscHandlers,
	oauthAccessTokensHandlers,
	oauthAppHandlers,
	organizationDomainsHandlers,
	organizationInvitationsHandlers,
	organizationMembershipsHandlers,
	organizationPermissionsHandlers,
	organizationRolesHandlers,
	organizationsHandlers,
	roleHandlers,
	signingHandlers,
	templateHandlers,
	tokenHandlers,
	userCredentialHandlers,
	verificationHandlers)

// merge joins the per-group handler tables; a tool named twice is a bug.
func merge(tables ...map[string]handlerFunc) map[string]handlerFunc {
	out := map[string]handlerFunc{}
	for _, t := range tables {
		for name, h := range t {
			if _, dup := out[name]; dup {
				panic("sandbox: two handlers for " + name)
			}
			out[name] = h
		}
	}
	return out
}

// coreHandlers are the handlers of the operations in clerkapi/handlers.go.
var coreHandlers = map[string]handlerFunc{
	"create_phone_number":                (*Sandbox).createPhone,
	"get_phone_number":                   (*Sandbox).getPhone,
	"delete_phone_number":                (*Sandbox).deletePhone,
	"update_phone_number":                (*Sandbox).updatePhone,
	"list_redirect_urls":                 (*Sandbox).listRedirects,
	"create_redirect_url":                (*Sandbox).createRedirect,
	"get_redirect_url":                   (*Sandbox).getRedirect,
	"delete_redirect_url":                (*Sandbox).deleteRedirect,
	"list_sessions":                      (*Sandbox).listSessions,
	"create_session":                     (*Sandbox).createSession,
	"get_session":                        (*Sandbox).getSession,
	"revoke_session":                     (*Sandbox).revokeSession,
	"list_users":                         (*Sandbox).listUsers,
	"create_user":                        (*Sandbox).createUser,
	"count_users":                        (*Sandbox).countUsers,
	"get_user":                           (*Sandbox).getUser,
	"update_user":                        (*Sandbox).updateUser,
	"delete_user":                        (*Sandbox).deleteUser,
	"ban_user":                           flagged((*Sandbox).banOne, true),
	"unban_user":                         flagged((*Sandbox).banOne, false),
	"ban_users":                          flagged((*Sandbox).banMany, true),
	"unban_users":                        flagged((*Sandbox).banMany, false),
	"lock_user":                          (*Sandbox).lockUser,
	"unlock_user":                        (*Sandbox).unlockUser,
	"set_user_profile_image":             (*Sandbox).setUserProfileImage,
	"delete_user_profile_image":          (*Sandbox).deleteUserProfileImage,
	"update_user_metadata":               flagged((*Sandbox).userMetadata, true),
	"replace_user_metadata":              flagged((*Sandbox).userMetadata, false),
	"list_user_organization_memberships": (*Sandbox).listUserMemberships,
	"list_user_organization_invitations": (*Sandbox).listUserOrgInvitations,
	"list_waitlist_entries":              (*Sandbox).listWaitlist,
	"create_waitlist_entry":              (*Sandbox).createWaitlist,
	"create_waitlist_entries_bulk":       (*Sandbox).createWaitlistBulk,
	"delete_waitlist_entry":              (*Sandbox).deleteWaitlist,
	"invite_waitlist_entry":              (*Sandbox).inviteWaitlist,
	"reject_waitlist_entry":              (*Sandbox).rejectWaitlist,
}
