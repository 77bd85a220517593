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
	enterpriseConnectionsHandlers,
	instanceHandlers,
	invitationsHandlers,
	jwksHandlers,
	jwtTemplatesHandlers,
	m2mTokensHandlers,
	machinesHandlers,
	miscHandlers,
	oauthAccessTokensHandlers,
	oauthApplicationsHandlers,
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
	templatesHandlers,
	testingTokensHandlers,
	usersHandlers,
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
