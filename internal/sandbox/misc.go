package sandbox

import (
	gohtml "html"
	"strings"
)

// miscHandlers are the handlers of the operations in clerkapi/misc.go.
var miscHandlers = map[string]handlerFunc{
	"get_public_interstitial": (*Sandbox).interstitial,
}

// interstitial serves the page that loads clerk.js from the instance's
// Frontend API (or the proxy or domain asked for). It needs a publishable
// key or a Frontend API host.
func (s *Sandbox) interstitial(c *call) (any, error) {
	pk, _ := c.str("publishable_key")
	fapi, _ := c.str("frontend_api")
	if fapi == "" {
		fapi, _ = c.str("frontendApi")
	}
	if pk == "" && fapi == "" {
		return nil, errBadRequest("missing_query_parameter", "publishable_key or frontend_api is missing",
			"Provide publishable_key or frontend_api to load the interstitial.")
	}
	if _, err := c.boolParam("use_domain_for_script"); err != nil {
		return nil, err
	}
	host := frontendHost
	if fapi != "" {
		host = fapi
	}
	if p, _ := c.str("proxy_url"); p != "" {
		host = strings.TrimPrefix(strings.TrimPrefix(p, "https://"), "http://")
	}
	src := "https://" + host + "/npm/@clerk/clerk-js@5/dist/clerk.browser.js"
	return html(`<!DOCTYPE html><html><head><meta charset="UTF-8"><script data-clerk-frontend-api="` + gohtml.EscapeString(host) +
		`" data-clerk-publishable-key="` + gohtml.EscapeString(pk) + `" src="` + gohtml.EscapeString(src) +
		`" async crossorigin="anonymous"></script></head><body></body></html>`), nil
}
