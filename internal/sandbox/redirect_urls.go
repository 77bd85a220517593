package sandbox

import (
	"net/url"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// redirectUrlsHandlers are the handlers of the operations in clerkapi/redirect_urls.go.
var redirectUrlsHandlers = map[string]handlerFunc{
	"list_redirect_urls":  (*Sandbox).listRedirects,
	"create_redirect_url": (*Sandbox).createRedirect,
	"get_redirect_url":    (*Sandbox).getRedirect,
	"delete_redirect_url": (*Sandbox).deleteRedirect,
}

func (s *Sandbox) listRedirects(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	items := s.redirects.all()
	return legacyList(c, items, limit, offset), nil
}

func (s *Sandbox) createRedirect(c *call) (any, error) {
	var req clerkapi.CreateRedirectURLRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("url", req.URL); err != nil {
		return nil, err
	}
	u, err := url.Parse(req.URL)
	if err != nil || u.Scheme == "" || ((u.Scheme == "http" || u.Scheme == "https") && u.Host == "") {
		return nil, errParamInvalid("url", "url must be a full URL such as https://example.com/callback or a custom scheme such as my-app://oauth-callback.")
	}
	for _, r := range s.redirects.all() {
		if r.URL == req.URL {
			return nil, &apiError{status: 400, code: "duplicate_record", message: "duplicate redirect URL",
				long: "the redirect URL " + req.URL + " already exists", meta: map[string]any{"param_name": "url"}}
		}
	}
	now := s.tick()
	r := &clerkapi.RedirectURL{Object: "redirect_url", ID: s.newID("ru"), URL: req.URL, CreatedAt: now, UpdatedAt: now}
	return s.redirects.add(r.ID, r), nil
}

func (s *Sandbox) getRedirect(c *call) (any, error) {
	return s.redirects.find("redirect url", c.path["id"])
}

func (s *Sandbox) deleteRedirect(c *call) (any, error) {
	return deleteByID(s, &s.redirects, "redirect url", "redirect_url", c.path["id"])
}
