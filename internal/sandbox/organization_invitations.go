package sandbox

import (
	"fmt"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// organizationInvitationsHandlers are the handlers of the operations in clerkapi/organization_invitations.go.
var organizationInvitationsHandlers = map[string]handlerFunc{
	"list_all_organization_invitations":     (*Sandbox).listAllOrgInvites,
	"create_organization_invitation":        (*Sandbox).createOrgInvite,
	"list_organization_invitations":         flagged((*Sandbox).listOrgInvites, false),
	"create_organization_invitations_bulk":  (*Sandbox).createOrgInvitesBulk,
	"list_pending_organization_invitations": flagged((*Sandbox).listOrgInvites, true),
	"get_organization_invitation":           (*Sandbox).getOrgInvite,
	"revoke_organization_invitation":        (*Sandbox).revokeOrgInvite,
}

var orgInviteOrder = sortKeys[*clerkapi.OrganizationInvitation]{
	"created_at":    func(i *clerkapi.OrganizationInvitation) any { return i.CreatedAt },
	"email_address": func(i *clerkapi.OrganizationInvitation) any { return i.EmailAddress },
}

// checkOrgInvite validates one invitation to org; pending holds the emails
// already invited in the same request.
func (s *Sandbox) checkOrgInvite(o *clerkapi.Organization, it *clerkapi.CreateOrganizationInvitationsBulkRequestItem, pending map[string]bool) error {
	if err := requireString("email_address", it.EmailAddress); err != nil {
		return err
	}
	if !emailRE.MatchString(it.EmailAddress) {
		return errParamInvalid("email_address", "email_address must be a valid email address.")
	}
	if err := s.checkRole(it.Role); err != nil {
		return err
	}
	if it.ExpiresInDays != nil && (*it.ExpiresInDays < 1 || *it.ExpiresInDays > 365) {
		return errParamInvalid("expires_in_days", "expires_in_days must be between 1 and 365.")
	}
	if it.InviterUserID != nil && *it.InviterUserID != "" {
		if _, err := s.findUser(*it.InviterUserID); err != nil {
			return err
		}
		if m := s.membershipOf(o.ID, *it.InviterUserID); m == nil || m.role != "org:admin" {
			return &apiError{status: 403, code: "not_an_admin_in_organization", message: "not an admin",
				long: fmt.Sprintf("User %s must be an admin of organization %s to invite members.", *it.InviterUserID, o.ID)}
		}
	}
	email := strings.ToLower(it.EmailAddress)
	if u := s.ownerOf("email_address", email); u != nil && s.membershipOf(o.ID, u.ID) != nil {
		return &apiError{status: 400, code: "already_a_member_in_organization", message: "already a member",
			long: fmt.Sprintf("%s is already a member of organization %s.", it.EmailAddress, o.ID), meta: map[string]any{"param_name": "email_address"}}
	}
	dup := pending[email]
	for _, inv := range s.orgInvites.all() {
		if inv.OrganizationID == o.ID && strings.EqualFold(inv.EmailAddress, email) && s.orgInviteStatus(inv) == "pending" {
			dup = true
		}
	}
	if dup {
		return &apiError{status: 400, code: "duplicate_record", message: "duplicate invitation",
			long: fmt.Sprintf("There is already a pending invitation for %s to organization %s.", it.EmailAddress, o.ID), meta: map[string]any{"param_name": "email_address"}}
	}
	pending[email] = true
	return nil
}

func (s *Sandbox) addOrgInvite(o *clerkapi.Organization, it *clerkapi.CreateOrganizationInvitationsBulkRequestItem, now int64) *clerkapi.OrganizationInvitation {
	days := int64(30)
	if it.ExpiresInDays != nil {
		days = *it.ExpiresInDays
	}
	inv := &clerkapi.OrganizationInvitation{
		Object: "organization_invitation", ID: s.newID("orginv"), EmailAddress: it.EmailAddress,
		Role: it.Role, RoleName: s.roleInfo(it.Role).name, OrganizationID: o.ID, Status: "pending",
		PublicMetadata: metadata(it.PublicMetadata), PrivateMetadata: metadata(it.PrivateMetadata),
		ExpiresAt: ptr(now + days*24*3600*1000), CreatedAt: now, UpdatedAt: now,
	}
	inv.URL = ptr(ticketURL(inv.ID, it.RedirectURL))
	if it.InviterUserID != nil && *it.InviterUserID != "" {
		u, _ := s.users.get(*it.InviterUserID)
		inv.InviterID = &u.ID
		inv.PublicInviterData = &clerkapi.OrganizationInvitationPublicUserData{
			UserID: u.ID, FirstName: u.FirstName, LastName: u.LastName, ImageURL: s.userView(u).ImageURL,
			HasImage: u.HasImage, Identifier: identifier(u)}
	}
	return s.orgInvites.add(inv.ID, inv)
}

func (s *Sandbox) createOrgInvite(c *call) (any, error) {
	o, err := s.findOrg(c.path["organization_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.CreateOrganizationInvitationRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	it := clerkapi.CreateOrganizationInvitationsBulkRequestItem{
		EmailAddress: req.EmailAddress, InviterUserID: req.InviterUserID, Role: req.Role,
		PublicMetadata: req.PublicMetadata, PrivateMetadata: req.PrivateMetadata,
		RedirectURL: req.RedirectURL, ExpiresInDays: req.ExpiresInDays, Notify: req.Notify,
	}
	if err := s.checkOrgInvite(o, &it, map[string]bool{}); err != nil {
		return nil, err
	}
	return s.orgInviteView(s.addOrgInvite(o, &it, s.tick())), nil
}

func (s *Sandbox) createOrgInvitesBulk(c *call) (any, error) {
	o, err := s.findOrg(c.path["organization_id"])
	if err != nil {
		return nil, err
	}
	var items []clerkapi.CreateOrganizationInvitationsBulkRequestItem
	if err := c.bindArray(&items); err != nil {
		return nil, err
	}
	if len(items) == 0 || len(items) > 10 {
		return nil, errParamInvalid("organization_invitations", "Send between 1 and 10 invitations.")
	}
	seen := map[string]bool{}
	for i := range items {
		if err := s.checkOrgInvite(o, &items[i], seen); err != nil {
			return nil, err
		}
	}
	now := s.tick()
	var out []*clerkapi.OrganizationInvitation
	for i := range items {
		out = append(out, s.addOrgInvite(o, &items[i], now))
	}
	return listOf(out, len(out), 0, s.orgInviteView), nil
}

// listOrgInvites lists an organization's invitations; pendingOnly serves
// list_pending_organization_invitations.
func (s *Sandbox) listOrgInvites(c *call, pendingOnly bool) (any, error) {
	o, err := s.findOrg(c.path["organization_id"])
	if err != nil {
		return nil, err
	}
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	status, err := c.invitationStatus()
	if err != nil {
		return nil, err
	}
	if pendingOnly {
		status = "pending"
	}
	email, _ := c.str("email_address")
	var out []*clerkapi.OrganizationInvitation
	for _, inv := range s.orgInvites.all() {
		if inv.OrganizationID == o.ID && (status == "" || s.orgInviteStatus(inv) == status) && (email == "" || strings.EqualFold(inv.EmailAddress, email)) {
			out = append(out, inv)
		}
	}
	if err := sortByParam(c, out, orgInviteOrder); err != nil {
		return nil, err
	}
	return listOf(out, limit, offset, s.orgInviteView), nil
}

func (s *Sandbox) listAllOrgInvites(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	status, err := c.invitationStatus()
	if err != nil {
		return nil, err
	}
	q, _ := c.str("query")
	q = strings.ToLower(q)
	var out []*clerkapi.OrganizationInvitation
	for _, inv := range s.orgInvites.all() {
		if (status == "" || s.orgInviteStatus(inv) == status) && strings.Contains(strings.ToLower(inv.EmailAddress), q) {
			out = append(out, inv)
		}
	}
	if err := sortByParam(c, out, orgInviteOrder); err != nil {
		return nil, err
	}
	return listOf(out, limit, offset, s.orgInviteWithOrgView), nil
}

func (s *Sandbox) findOrgInvite(c *call) (*clerkapi.OrganizationInvitation, error) {
	o, err := s.findOrg(c.path["organization_id"])
	if err != nil {
		return nil, err
	}
	id := c.path["invitation_id"]
	inv, ok := s.orgInvites.get(id)
	if !ok || inv.OrganizationID != o.ID {
		return nil, errNotFound("organization invitation", id)
	}
	return inv, nil
}

func (s *Sandbox) getOrgInvite(c *call) (any, error) {
	inv, err := s.findOrgInvite(c)
	if err != nil {
		return nil, err
	}
	return s.orgInviteView(inv), nil
}

func (s *Sandbox) revokeOrgInvite(c *call) (any, error) {
	inv, err := s.findOrgInvite(c)
	if err != nil {
		return nil, err
	}
	var req clerkapi.RevokeOrganizationInvitationRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if req.RequestingUserID != nil && *req.RequestingUserID != "" {
		if _, err := s.findUser(*req.RequestingUserID); err != nil {
			return nil, err
		}
		if m := s.membershipOf(inv.OrganizationID, *req.RequestingUserID); m == nil || m.role != "org:admin" {
			return nil, &apiError{status: 403, code: "not_an_admin_in_organization", message: "not an admin",
				long: fmt.Sprintf("User %s must be an admin of organization %s to revoke invitations.", *req.RequestingUserID, inv.OrganizationID)}
		}
	}
	if st := s.orgInviteStatus(inv); st != "pending" {
		return nil, errBadRequest("organization_invitation_not_pending", "invitation is not pending",
			fmt.Sprintf("Only pending invitations can be revoked; invitation %s is %s.", inv.ID, st))
	}
	now := s.tick()
	inv.Status = "revoked"
	inv.UpdatedAt = now
	return s.orgInviteView(inv), nil
}
