package sandbox

import (
	"fmt"
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// allowlistBlocklistHandlers are the handlers of the operations in clerkapi/allowlist_blocklist.go.
var allowlistBlocklistHandlers = map[string]handlerFunc{
	"list_allowlist_identifiers":  (*Sandbox).listAllowlist,
	"create_allowlist_identifier": (*Sandbox).createAllowlist,
	"delete_allowlist_identifier": (*Sandbox).deleteAllowlist,
	"list_blocklist_identifiers":  (*Sandbox).listBlocklist,
	"create_blocklist_identifier": (*Sandbox).createBlocklist,
	"delete_blocklist_identifier": (*Sandbox).deleteBlocklist,
}

// identifierType classifies an allowlist or blocklist identifier.
func identifierType(v string) (string, error) {
	switch {
	case emailRE.MatchString(v), strings.HasPrefix(v, "*@") && emailRE.MatchString("x"+v[1:]):
		return "email_address", nil
	case phoneRE.MatchString(v):
		return "phone_number", nil
	case web3RE.MatchString(v):
		return "web3_wallet", nil
	}
	return "", errParamInvalid("identifier", fmt.Sprintf("identifier must be an email address (or *@domain), an E.164 phone number or a web3 wallet; %q is none of these.", v))
}

func errDuplicate(what, v string) *apiError {
	return &apiError{status: 400, code: "duplicate_record", message: "duplicate " + what,
		long: "the identifier " + v + " already exists", meta: map[string]any{"param_name": "identifier"}}
}

func (s *Sandbox) listAllowlist(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	items := s.allow.all()
	slices.Reverse(items)
	return legacyList(c, views(items, func(a *clerkapi.AllowlistIdentifier) allowJSON { return allowJSON{a} }), limit, offset), nil
}

func (s *Sandbox) createAllowlist(c *call) (any, error) {
	var req clerkapi.CreateAllowlistIdentifierRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	kind, err := newListIdentifier("allowlist identifier", req.Identifier, s.allow.all(), func(a *clerkapi.AllowlistIdentifier) string { return a.Identifier })
	if err != nil {
		return nil, err
	}
	now := s.tick()
	a := &clerkapi.AllowlistIdentifier{Object: "allowlist_identifier", ID: s.newID("alid"), Identifier: req.Identifier,
		IdentifierType: kind, InstanceID: s.instanceID, CreatedAt: now, UpdatedAt: now}
	if req.Notify != nil && *req.Notify && kind == "email_address" && !strings.HasPrefix(req.Identifier, "*") {
		inv := s.addInvite(&clerkapi.CreateInvitationsBulkRequestItem{EmailAddress: req.Identifier}, now)
		a.InvitationID = inv.ID
	}
	s.allow.add(a.ID, a)
	return allowJSON{a}, nil
}

func (s *Sandbox) deleteAllowlist(c *call) (any, error) {
	return deleteByID(s, &s.allow, "allowlist identifier", "allowlist_identifier", c.path["identifier_id"])
}

func (s *Sandbox) listBlocklist(*call) (any, error) {
	items := s.block.all()
	slices.Reverse(items)
	return list(items, len(items), 0), nil
}

func (s *Sandbox) createBlocklist(c *call) (any, error) {
	var req clerkapi.CreateBlocklistIdentifierRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	kind, err := newListIdentifier("blocklist identifier", req.Identifier, s.block.all(), func(b *clerkapi.BlocklistIdentifier) string { return b.Identifier })
	if err != nil {
		return nil, err
	}
	now := s.tick()
	b := &clerkapi.BlocklistIdentifier{Object: "blocklist_identifier", ID: s.newID("blid"), Identifier: req.Identifier,
		IdentifierType: kind, InstanceID: s.instanceID, CreatedAt: now, UpdatedAt: now}
	return s.block.add(b.ID, b), nil
}

func (s *Sandbox) deleteBlocklist(c *call) (any, error) {
	return deleteByID(s, &s.block, "blocklist identifier", "blocklist_identifier", c.path["identifier_id"])
}

// newListIdentifier checks an identifier for the allow- or block-list
// (what) before it is added: present, of a known kind (its type is
// returned), and not in the list already, case-insensitively.
func newListIdentifier[T any](what, identifier string, list []T, identOf func(T) string) (string, error) {
	if err := requireString("identifier", identifier); err != nil {
		return "", err
	}
	kind, err := identifierType(identifier)
	if err != nil {
		return "", err
	}
	for _, it := range list {
		if strings.EqualFold(identOf(it), identifier) {
			return "", errDuplicate(what, identifier)
		}
	}
	return kind, nil
}
