package sandbox

import "github.com/clerk-mcp/clerk-mcp/clerkapi"

// webhooksHandlers are the handlers of the operations in clerkapi/webhooks.go.
var webhooksHandlers = map[string]handlerFunc{
	"create_svix_app":        (*Sandbox).createSvixApp,
	"delete_svix_app":        (*Sandbox).deleteSvixApp,
	"generate_svix_auth_url": (*Sandbox).svixAuthURL,
}

func errNoSvixApp() *apiError {
	return errBadRequest("svix_app_missing", "no Svix app", "This instance has no Svix app: create one with create_svix_app first.")
}

func (s *Sandbox) svixURL() clerkapi.SvixURL {
	return clerkapi.SvixURL{SvixURL: "https://app.svix.com/login?appId=" + s.mint.svixApp + "#key=" + s.ticket("svix")}
}

func (s *Sandbox) createSvixApp(c *call) (any, error) {
	if err := c.bind(&struct{}{}); err != nil {
		return nil, err
	}
	if s.mint.svixApp != "" {
		return nil, errBadRequest("svix_app_exists", "Svix app already exists", "This instance already has Svix app "+s.mint.svixApp+".")
	}
	s.tick()
	s.mint.svixApp = s.newID("app")
	return s.svixURL(), nil
}

func (s *Sandbox) deleteSvixApp(c *call) (any, error) {
	if s.mint.svixApp == "" {
		return nil, errNoSvixApp()
	}
	s.tick()
	s.mint.svixApp = ""
	return noContent{}, nil
}

func (s *Sandbox) svixAuthURL(c *call) (any, error) {
	if err := c.bind(&struct{}{}); err != nil {
		return nil, err
	}
	if s.mint.svixApp == "" {
		return nil, errNoSvixApp()
	}
	return s.svixURL(), nil
}
