package sandbox

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/url"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// ticketURL is the link an invitation carries: the accounts portal's sign-up
// page with a deterministic ticket.
func ticketURL(id string, redirect *string) string {
	sum := sha256.Sum256([]byte("ticket " + id))
	q := url.Values{"__clerk_ticket": {base64.RawURLEncoding.EncodeToString(sum[:24])}}
	if redirect != nil && *redirect != "" {
		q.Set("redirect_url", *redirect)
	}
	return "https://" + accountsHost + "/sign-up?" + q.Encode()
}

func (s *Sandbox) inviteStatus(inv *clerkapi.Invitation) string {
	return s.statusNow(inv.Status, inv.ExpiresAt)
}

// statusNow is an invitation's status at the sandbox's present: a pending
// invitation past its expiry reads as expired.
func (s *Sandbox) statusNow(status string, expiresAt *int64) string {
	if status == "pending" && expiresAt != nil && *expiresAt <= s.now {
		return "expired"
	}
	return status
}

func (s *Sandbox) inviteView(inv *clerkapi.Invitation) clerkapi.Invitation {
	v := *inv
	v.Status = s.inviteStatus(inv)
	v.PublicMetadata = metadata(v.PublicMetadata)
	return v
}

// checkInvite validates one sign-up invitation; pending holds the emails
// already invited in the same request.
func (s *Sandbox) checkInvite(it *clerkapi.CreateInvitationsBulkRequestItem, pending map[string]bool) error {
	if err := requireString("email_address", it.EmailAddress); err != nil {
		return err
	}
	if !emailRE.MatchString(it.EmailAddress) {
		return errParamInvalid("email_address", "email_address must be a valid email address.")
	}
	if it.ExpiresInDays != nil && (*it.ExpiresInDays < 1 || *it.ExpiresInDays > 365) {
		return errParamInvalid("expires_in_days", "expires_in_days must be between 1 and 365.")
	}
	if it.TemplateSlug != nil && *it.TemplateSlug != "invitation" && *it.TemplateSlug != "waitlist_invitation" {
		return errParamInvalid("template_slug", "template_slug must be invitation or waitlist_invitation.")
	}
	email := strings.ToLower(it.EmailAddress)
	if s.ownerOf("email_address", email) != nil {
		return errTaken("email_address", "email address")
	}
	if it.IgnoreExisting == nil || !*it.IgnoreExisting {
		dup := pending[email]
		for _, inv := range s.invites.all() {
			if strings.EqualFold(inv.EmailAddress, email) && s.inviteStatus(inv) == "pending" {
				dup = true
			}
		}
		if dup {
			return &apiError{status: 400, code: "duplicate_record", message: "duplicate invitation",
				long: fmt.Sprintf("There is already a pending invitation for %s. Set ignore_existing to create another.", it.EmailAddress),
				meta: map[string]any{"param_name": "email_address"}}
		}
	}
	pending[email] = true
	return nil
}

func (s *Sandbox) addInvite(it *clerkapi.CreateInvitationsBulkRequestItem, now int64) *clerkapi.Invitation {
	days := int64(30)
	if it.ExpiresInDays != nil {
		days = *it.ExpiresInDays
	}
	inv := &clerkapi.Invitation{
		Object: "invitation", ID: s.newID("inv"), EmailAddress: it.EmailAddress,
		PublicMetadata: metadata(it.PublicMetadata), Status: "pending",
		ExpiresAt: ptr(now + days*24*3600*1000), CreatedAt: now, UpdatedAt: now,
	}
	inv.URL = ticketURL(inv.ID, it.RedirectURL)
	return s.invites.add(inv.ID, inv)
}

func (s *Sandbox) createInvite(c *call) (any, error) {
	var req clerkapi.CreateInvitationRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	it := clerkapi.CreateInvitationsBulkRequestItem(req)
	if err := s.checkInvite(&it, map[string]bool{}); err != nil {
		return nil, err
	}
	return s.inviteView(s.addInvite(&it, s.tick())), nil
}

func (s *Sandbox) createInvitesBulk(c *call) (any, error) {
	var items []clerkapi.CreateInvitationsBulkRequestItem
	if err := c.bindArray(&items); err != nil {
		return nil, err
	}
	if len(items) == 0 || len(items) > 10 {
		return nil, errParamInvalid("invitations", "Send between 1 and 10 invitations.")
	}
	seen := map[string]bool{}
	for i := range items {
		if err := s.checkInvite(&items[i], seen); err != nil {
			return nil, err
		}
	}
	now := s.tick()
	var out []*clerkapi.Invitation
	for i := range items {
		out = append(out, s.addInvite(&items[i], now))
	}
	return views(out, s.inviteView), nil
}

var inviteOrder = sortKeys[*clerkapi.Invitation]{
	"created_at":    func(i *clerkapi.Invitation) any { return i.CreatedAt },
	"email_address": func(i *clerkapi.Invitation) any { return i.EmailAddress },
	"expires_at":    func(i *clerkapi.Invitation) any { return intKey(i.ExpiresAt) },
}

func (s *Sandbox) listInvites(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	status, err := c.invitationStatus()
	if err != nil {
		return nil, err
	}
	query, _ := c.str("query")
	q := strings.ToLower(query)
	var out []*clerkapi.Invitation
	for _, inv := range s.invites.all() {
		if status != "" && s.inviteStatus(inv) != status {
			continue
		}
		if q != "" && inv.ID != query && !strings.Contains(strings.ToLower(inv.EmailAddress), q) {
			continue
		}
		out = append(out, inv)
	}
	if err := sortByParam(c, out, inviteOrder); err != nil {
		return nil, err
	}
	return legacyList(c, views(out, s.inviteView), limit, offset), nil
}

func (s *Sandbox) revokeInvite(c *call) (any, error) {
	id := c.path["invitation_id"]
	inv, err := s.invites.find("invitation", id)
	if err != nil {
		return nil, err
	}
	switch st := s.inviteStatus(inv); st {
	case "pending":
	case "revoked":
		return nil, errBadRequest("invitation_already_revoked", "invitation already revoked", "Invitation "+id+" has already been revoked.")
	case "accepted":
		return nil, errBadRequest("invitation_already_accepted", "invitation already accepted", "Invitation "+id+" has been accepted and cannot be revoked.")
	default:
		return nil, errBadRequest("invitation_not_pending", "invitation is not pending", "Only pending invitations can be revoked; invitation "+id+" is "+st+".")
	}
	now := s.tick()
	inv.Status = "revoked"
	inv.Revoked = true
	inv.UpdatedAt = now
	return s.inviteView(inv), nil
}

// invitationsHandlers are the handlers of the operations in clerkapi/invitations.go.
var invitationsHandlers = map[string]handlerFunc{
	"create_invitation":       (*Sandbox).createInvite,
	"list_invitations":        (*Sandbox).listInvites,
	"create_invitations_bulk": (*Sandbox).createInvitesBulk,
	"revoke_invitation":       (*Sandbox).revokeInvite,
}
