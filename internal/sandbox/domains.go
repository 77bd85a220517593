package sandbox

import (
	"net/url"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// domainsHandlers are the handlers of the operations in clerkapi/domains.go.
var domainsHandlers = map[string]handlerFunc{
	"list_domains":  (*Sandbox).listDomains,
	"add_domain":    (*Sandbox).addDomain,
	"delete_domain": (*Sandbox).deleteDomain,
	"update_domain": (*Sandbox).updateDomain,
}

var hostRE = lazyRegexp(`^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(:[0-9]{1,5})?$`)

func (s *Sandbox) findDomain(id string) (*clerkapi.Domain, error) {
	return s.domains.find("domain", id)
}

func (s *Sandbox) checkDomainName(name string, self *clerkapi.Domain) error {
	if err := requireString("name", name); err != nil {
		return err
	}
	if !hostRE().MatchString(name) {
		return errParamInvalid("name", "name must be a domain name such as satellite.example.com, without a scheme.")
	}
	for _, d := range s.domains.all() {
		if d != self && strings.EqualFold(d.Name, name) {
			return errTaken("name", "domain")
		}
	}
	return nil
}

// checkProxyURL refuses a proxy_url on a development instance, as Clerk
// does ("Can only be updated for production instances"; "Applicable only
// to production instances"): the sandbox is one. Clearing it ("") changes
// nothing there and passes.
func (s *Sandbox) checkProxyURL(p *string) error {
	if p == nil || *p == "" {
		return nil
	}
	if s.instance.EnvironmentType != "production" {
		return &apiError{status: 400, code: "production_instance_required", message: "not available in development instances",
			long: "proxy_url can only be set on production instances; this sandbox is a development instance, so nothing was done.",
			meta: map[string]any{"param_name": "proxy_url"}}
	}
	if u, err := url.Parse(*p); err != nil || u.Scheme != "https" || u.Host == "" {
		return errParamInvalid("proxy_url", "proxy_url must be a full https URL.")
	}
	return nil
}

func (s *Sandbox) listDomains(*call) (any, error) {
	items := s.domains.all()
	return list(items, len(items), 0), nil
}

func (s *Sandbox) addDomain(c *call) (any, error) {
	var req clerkapi.AddDomainRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := s.checkDomainName(req.Name, nil); err != nil {
		return nil, err
	}
	if !req.IsSatellite {
		return nil, errParamInvalid("is_satellite", "Only satellite domains can be added: is_satellite must be true.")
	}
	if err := s.checkProxyURL(req.ProxyURL); err != nil {
		return nil, err
	}
	s.tick()
	d := &clerkapi.Domain{Object: "domain", ID: s.newID("dmn"), Name: req.Name, IsSatellite: true,
		FrontendAPIURL: "https://clerk." + req.Name, ProxyURL: req.ProxyURL,
		CNAMETargets: []clerkapi.CNameTarget{{Host: "clerk." + req.Name, Value: "frontend-api.clerk.services", Required: true}}}
	return s.domains.add(d.ID, d), nil
}

func (s *Sandbox) updateDomain(c *call) (any, error) {
	d, err := s.findDomain(c.path["domain_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.UpdateDomainRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if req.Name != nil {
		if err := s.checkDomainName(*req.Name, d); err != nil {
			return nil, err
		}
	}
	if err := s.checkProxyURL(req.ProxyURL); err != nil {
		return nil, err
	}
	s.tick()
	if req.Name != nil {
		d.Name = *req.Name
		if d.IsSatellite {
			d.FrontendAPIURL = "https://clerk." + d.Name
			d.CNAMETargets = []clerkapi.CNameTarget{{Host: "clerk." + d.Name, Value: "frontend-api.clerk.services", Required: true}}
		}
	}
	if req.ProxyURL != nil || c.null("proxy_url") {
		d.ProxyURL = req.ProxyURL // null (or ""): served over DNS again, not the proxy
		if req.ProxyURL != nil && *req.ProxyURL == "" {
			d.ProxyURL = nil
		}
	}
	return d, nil
}

func (s *Sandbox) deleteDomain(c *call) (any, error) {
	d, err := s.findDomain(c.path["domain_id"])
	if err != nil {
		return nil, err
	}
	if !d.IsSatellite {
		return nil, &apiError{status: 403, code: "operation_not_allowed_on_primary_domain", message: "cannot delete the primary domain",
			long: "The primary domain of an instance cannot be deleted; only satellite domains can."}
	}
	s.tick()
	s.domains.remove(d.ID)
	return deleted{Object: "domain", ID: d.ID, Deleted: true}, nil
}
