package sandbox

import (
	"net/url"
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// oauthApplicationsHandlers are the handlers of the operations in clerkapi/oauth_applications.go.
var oauthApplicationsHandlers = map[string]handlerFunc{
	"list_oauth_applications":         (*Sandbox).listOAuthApps,
	"create_oauth_application":        (*Sandbox).createOAuthApp,
	"get_oauth_application":           (*Sandbox).getOAuthApp,
	"update_oauth_application":        (*Sandbox).updateOAuthApp,
	"delete_oauth_application":        (*Sandbox).deleteOAuthApp,
	"upload_oauth_application_logo":   (*Sandbox).uploadOAuthAppLogo,
	"rotate_oauth_application_secret": (*Sandbox).rotateOAuthAppSecret,
	"revoke_oauth_application_token":  (*Sandbox).revokeOAuthAppToken,
}

// The seed's OAuth grants: users reach the authorization flow only through
// Clerk's Frontend API, which the sandbox does not serve, so the seed holds
// one live and one expired access token of the demo application for ada.
const (
	SeedOAuthAccessToken        = "oat_sandbox_demo_live_access_token"
	SeedOAuthRefreshToken       = "ort_sandbox_demo_live_refresh_token"
	SeedOAuthExpiredAccessToken = "oat_sandbox_demo_expired_access_token"
)

type oauthState struct {
	apps   table[oauthApp]
	grants []*oauthGrant
	codes  map[string]*authCode // authserver.go: authorization codes, by code
}

type oauthApp struct {
	clerkapi.OAuthApplication
	secret      string // "" for a public client
	tokenFormat string // authserver.go: "opaque", or "" for JWT access tokens
	noRefresh   bool   // authserver.go: registered without the refresh_token grant
}

// oauthGrant is one authorization of an application by a user: its access
// token and refresh token, revoked together.
type oauthGrant struct {
	appID, access, refresh string
	tok                    oauthAccessToken

	// authserver.go: the grants one authorization code started (its
	// refreshes) share a family, revoked together; jwt marks a JWT access
	// token; resource is its audience; refreshUsed marks a rotated refresh
	// token, refreshExp (Unix ms, 0 for none) its end.
	family      string
	jwt         bool
	resource    string
	refreshUsed bool
	refreshExp  int64
}

// oauthAccessToken is verify_oauth_access_token's answer for an opaque token.
type oauthAccessToken struct {
	Object           string   `json:"object"`
	ID               string   `json:"id"`
	ClientID         string   `json:"client_id"`
	Subject          string   `json:"subject"`
	Scopes           []string `json:"scopes"`
	Revoked          bool     `json:"revoked"`
	RevocationReason *string  `json:"revocation_reason"`
	Expired          bool     `json:"expired"`
	Expiration       *float64 `json:"expiration"`
	CreatedAt        float64  `json:"created_at"`
	UpdatedAt        float64  `json:"updated_at"`
}

var oauthScopes = []string{"clerk:admin", "clerk:read", "clerk:write", "email", "offline_access", "openid", "private_metadata", "profile", "public_metadata"}

// oauthState builds the OAuth state on first use, with the demo
// application and its grants.
func (s *Sandbox) oauthState() *oauthState {
	if s.idp != nil {
		return s.idp
	}
	s.idp = &oauthState{}
	at := BaseTime.Add(-48 * 3600e9).UnixMilli()
	app := s.newOAuthApp("Sandbox Demo App", []string{"http://localhost:3000/oauth/callback"}, "profile email", true, false, false, at)
	app.tokenFormat = "opaque" // an app from before JWT access tokens: its seeded tokens are opaque
	if u := s.ownerOf("username", "ada"); u != nil {
		day := int64(24 * 3600 * 1000)
		s.addGrant(app, u.ID, SeedOAuthAccessToken, SeedOAuthRefreshToken, at, BaseTime.UnixMilli()+day)
		s.addGrant(app, u.ID, SeedOAuthExpiredAccessToken, "ort_sandbox_demo_expired_refresh_token", at, at+3600*1000)
	}
	return s.idp
}

func (s *Sandbox) addGrant(app *oauthApp, userID, access, refresh string, created, expires int64) {
	exp := float64(expires)
	s.idp.grants = append(s.idp.grants, &oauthGrant{appID: app.ID, access: access, refresh: refresh, tok: oauthAccessToken{
		Object: "clerk_idp_oauth_access_token", ID: "oat_" + s.secretHex("oauth access token id"), ClientID: app.ClientID,
		Subject: userID, Scopes: strings.Fields(app.Scopes), Expiration: &exp, CreatedAt: float64(created), UpdatedAt: float64(created),
	}})
}

func (s *Sandbox) newOAuthApp(name string, redirects []string, scopes string, consent, pkce, public bool, now int64) *oauthApp {
	base := "https://" + frontendHost
	app := &oauthApp{OAuthApplication: clerkapi.OAuthApplication{
		Object: "oauth_application", ID: s.newID("oa"), InstanceID: s.instanceID, Name: name,
		ClientID: s.secretHex("oauth client id")[:16], ConsentScreenEnabled: consent, PkceRequired: pkce || public, Public: public,
		Scopes: scopes, RedirectUris: redirects, AuthorizeURL: base + "/oauth/authorize", TokenFetchURL: base + "/oauth/token",
		UserInfoURL: base + "/oauth/userinfo", DiscoveryURL: base + "/.well-known/openid-configuration",
		TokenIntrospectionURL: base + "/oauth/token_info", CreatedAt: now, UpdatedAt: now,
	}}
	app.fixCallback()
	if !public {
		app.secret = s.secretHex("oauth client secret")
	}
	s.idp.apps.add(app.ID, app)
	return app
}

// fixCallback keeps the deprecated callback_url as the first redirect URI.
func (a *oauthApp) fixCallback() {
	if a.RedirectUris == nil {
		a.RedirectUris = []string{}
	}
	a.CallbackURL = ""
	if len(a.RedirectUris) > 0 {
		a.CallbackURL = a.RedirectUris[0]
	}
}

func (a *oauthApp) withSecret() clerkapi.OAuthApplicationWithSecret {
	v := a.OAuthApplication
	return clerkapi.OAuthApplicationWithSecret{
		Object: v.Object, ID: v.ID, InstanceID: v.InstanceID, Name: v.Name, ClientID: v.ClientID, ClientURI: v.ClientURI,
		ClientImageURL: v.ClientImageURL, DynamicallyRegistered: v.DynamicallyRegistered, ConsentScreenEnabled: v.ConsentScreenEnabled,
		PkceRequired: v.PkceRequired, Public: v.Public, Scopes: v.Scopes, RedirectUris: slices.Clone(v.RedirectUris), CallbackURL: v.CallbackURL,
		AuthorizeURL: v.AuthorizeURL, TokenFetchURL: v.TokenFetchURL, UserInfoURL: v.UserInfoURL, DiscoveryURL: v.DiscoveryURL,
		TokenIntrospectionURL: v.TokenIntrospectionURL, CreatedAt: v.CreatedAt, UpdatedAt: v.UpdatedAt, ClientSecret: a.secret,
	}
}

func (a *oauthApp) view() clerkapi.OAuthApplication {
	v := a.OAuthApplication
	v.RedirectUris = slices.Clone(v.RedirectUris)
	return v
}

func (s *Sandbox) findOAuthApp(c *call) (*oauthApp, error) {
	return s.oauthState().apps.find("OAuth application", c.path["oauth_application_id"])
}

// checkOAuthFields checks the name, redirect URIs and scopes a create or
// update sends.
func checkOAuthFields(name *string, redirects []string, callback, scopes *string) error {
	if name != nil {
		if strings.TrimSpace(*name) == "" {
			return errParamMissing("name")
		}
		if len([]rune(*name)) > 256 {
			return errParamInvalid("name", "name must be at most 256 characters.")
		}
	}
	for _, r := range redirects {
		if u, err := url.Parse(r); err != nil || u.Scheme == "" || (u.Host == "" && u.Opaque == "") {
			return errParamInvalid("redirect_uris", "redirect_uris must hold absolute URLs; "+r+" is not one.")
		}
	}
	if callback != nil && *callback != "" {
		if u, err := url.Parse(*callback); err != nil || u.Scheme == "" || u.Host == "" {
			return errParamInvalid("callback_url", "callback_url must be an absolute URL.")
		}
	}
	if scopes != nil {
		if len(*scopes) > 1024 {
			return errParamInvalid("scopes", "scopes must be at most 1024 characters.")
		}
		for _, sc := range strings.Fields(*scopes) {
			if !slices.Contains(oauthScopes, sc) {
				return errParamInvalid("scopes", "scopes is a space-separated list of "+strings.Join(oauthScopes, ", ")+"; "+sc+" is not one.")
			}
		}
	}
	return nil
}

func (s *Sandbox) listOAuthApps(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	q, _ := c.str("name_query")
	q = strings.ToLower(q)
	var out []*oauthApp
	for _, a := range s.oauthState().apps.all() {
		if q == "" || strings.Contains(strings.ToLower(a.Name), q) {
			out = append(out, a)
		}
	}
	orderBy, _ := c.str("order_by")
	if orderBy == "" {
		orderBy = "+created_at"
	}
	if err := order(out, orderBy, sortKeys[*oauthApp]{
		"created_at": func(a *oauthApp) any { return a.CreatedAt },
		"name":       func(a *oauthApp) any { return a.Name },
	}); err != nil {
		return nil, err
	}
	return listOf(out, limit, offset, (*oauthApp).view), nil
}

func (s *Sandbox) createOAuthApp(c *call) (any, error) {
	var req clerkapi.CreateOAuthApplicationRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := checkOAuthFields(&req.Name, req.RedirectUris, req.CallbackURL, req.Scopes); err != nil {
		return nil, err
	}
	redirects := slices.Clone(req.RedirectUris)
	if len(redirects) == 0 && req.CallbackURL != nil && *req.CallbackURL != "" {
		redirects = []string{*req.CallbackURL}
	}
	scopes := "profile email"
	if req.Scopes != nil {
		scopes = strings.Join(strings.Fields(*req.Scopes), " ")
	}
	consent, pkce, public := true, false, false
	if req.ConsentScreenEnabled != nil {
		consent = *req.ConsentScreenEnabled
	}
	if req.PkceRequired != nil {
		pkce = *req.PkceRequired
	}
	if req.Public != nil {
		public = *req.Public
	}
	if public && req.PkceRequired != nil && !pkce {
		return nil, errParamInvalid("pkce_required", "Public OAuth applications must require PKCE.")
	}
	s.oauthState()
	app := s.newOAuthApp(req.Name, redirects, scopes, consent, pkce, public, s.tick())
	return app.withSecret(), nil
}

func (s *Sandbox) getOAuthApp(c *call) (any, error) {
	a, err := s.findOAuthApp(c)
	if err != nil {
		return nil, err
	}
	return a.view(), nil
}

func (s *Sandbox) updateOAuthApp(c *call) (any, error) {
	var req clerkapi.UpdateOAuthApplicationRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	a, err := s.findOAuthApp(c)
	if err != nil {
		return nil, err
	}
	if err := checkOAuthFields(req.Name, req.RedirectUris, req.CallbackURL, req.Scopes); err != nil {
		return nil, err
	}
	public := a.Public
	if req.Public != nil {
		public = *req.Public
	}
	pkce := a.PkceRequired
	if req.PkceRequired != nil {
		pkce = *req.PkceRequired
	}
	if public && !pkce && req.PkceRequired != nil {
		return nil, errParamInvalid("pkce_required", "Public OAuth applications must require PKCE.")
	}
	now := s.tick()
	if req.Name != nil {
		a.Name = *req.Name
	}
	if _, sent := c.raw["redirect_uris"]; sent {
		a.RedirectUris = slices.Clone(req.RedirectUris)
	} else if req.CallbackURL != nil {
		a.RedirectUris = []string{}
		if *req.CallbackURL != "" {
			a.RedirectUris = []string{*req.CallbackURL}
		}
	}
	a.fixCallback()
	if req.Scopes != nil {
		a.Scopes = strings.Join(strings.Fields(*req.Scopes), " ")
	}
	if req.ConsentScreenEnabled != nil {
		a.ConsentScreenEnabled = *req.ConsentScreenEnabled
	}
	switch {
	case public && !a.Public:
		a.secret = "" // a public client has no secret
	case !public && a.Public:
		a.secret = s.secretHex("oauth client secret") // readable through rotate_oauth_application_secret
	}
	a.Public, a.PkceRequired = public, pkce || public
	a.UpdatedAt = now
	return a.view(), nil
}

// deleteOAuthApp removes the application and every grant it holds.
func (s *Sandbox) deleteOAuthApp(c *call) (any, error) {
	a, err := s.findOAuthApp(c)
	if err != nil {
		return nil, err
	}
	st := s.oauthState()
	s.tick()
	st.apps.remove(a.ID)
	st.grants = slices.DeleteFunc(st.grants, func(g *oauthGrant) bool { return g.appID == a.ID })
	return deleted{Object: "oauth_application", ID: a.ID, Deleted: true}, nil
}

func (s *Sandbox) uploadOAuthAppLogo(c *call) (any, error) {
	a, err := s.findOAuthApp(c)
	if err != nil {
		return nil, err
	}
	form, err := c.upload()
	if err != nil {
		return nil, err
	}
	if uploader := form["uploader_user_id"]; uploader != "" {
		if _, err := s.findUser(uploader); err != nil {
			return nil, err
		}
	}
	a.UpdatedAt = s.tick()
	img := "https://img.clerk.com/sandbox/oauth/" + a.ID + "/" + s.newID("img")
	a.ClientImageURL = &img
	return a.view(), nil
}

// rotateOAuthAppSecret replaces the client secret; the old one stops at once.
func (s *Sandbox) rotateOAuthAppSecret(c *call) (any, error) {
	a, err := s.findOAuthApp(c)
	if err != nil {
		return nil, err
	}
	if a.Public {
		return nil, errBadRequest("oauth_application_public", "public applications have no client secret",
			"OAuth application "+a.ID+" is public: it has no client secret to rotate.")
	}
	a.UpdatedAt = s.tick()
	a.secret = s.secretHex("oauth client secret")
	return a.withSecret(), nil
}

// revokeOAuthAppToken revokes the grant that holds the access or refresh
// token sent, for that application.
func (s *Sandbox) revokeOAuthAppToken(c *call) (any, error) {
	var req clerkapi.RevokeOAuthApplicationTokenRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	a, err := s.findOAuthApp(c)
	if err != nil {
		return nil, err
	}
	if err := requireString("token", req.Token); err != nil {
		return nil, err
	}
	for _, g := range s.oauthState().grants {
		if g.appID == a.ID && (g.access == req.Token || g.refresh == req.Token) {
			s.revokeGrant(g)
			return noContent{}, nil
		}
	}
	return nil, &apiError{status: 404, code: "resource_not_found", message: "not found",
		long: "No access or refresh token of OAuth application " + a.ID + " matches the token sent."}
}
