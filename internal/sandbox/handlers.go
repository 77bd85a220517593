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
	phoneNumbersHandlers,
	proxyChecksHandlers,
	redirectUrlsHandlers,
	roleSetsHandlers,
	samlConnectionsHandlers,
	scimDirectoriesHandlers,
	sessionsHandlers,
	signInTokensHandlers,
	signUpsHandlers,
	templateHandlers,
	testingTokensHandlers,
	userCredentialHandlers,
	waitlistEntriesHandlers,
	webhooksHandlers)

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
}
