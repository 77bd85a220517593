package sandbox

import (
	"fmt"
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// waitlistEntriesHandlers are the handlers of the operations in clerkapi/waitlist_entries.go.
var waitlistEntriesHandlers = map[string]handlerFunc{
	"list_waitlist_entries":        (*Sandbox).listWaitlist,
	"create_waitlist_entry":        (*Sandbox).createWaitlist,
	"create_waitlist_entries_bulk": (*Sandbox).createWaitlistBulk,
	"delete_waitlist_entry":        (*Sandbox).deleteWaitlist,
	"invite_waitlist_entry":        (*Sandbox).inviteWaitlist,
	"reject_waitlist_entry":        (*Sandbox).rejectWaitlist,
}

// waitlistEntry is a stored waitlist entry: the invitation it got, if any,
// is kept by ID so the entry shows the invitation as it is now.
type waitlistEntry struct {
	clerkapi.WaitlistEntry
	inviteID string
}

var waitlistStatuses = []string{"pending", "invited", "completed", "rejected"}

func (s *Sandbox) waitlistInvite(w *waitlistEntry) *clerkapi.Invitation {
	if w.inviteID == "" {
		return nil
	}
	inv, _ := s.invites.get(w.inviteID)
	return inv
}

// waitlistStatus is the entry's status now: an invited entry whose
// invitation was accepted is completed.
func (s *Sandbox) waitlistStatus(w *waitlistEntry) string {
	if inv := s.waitlistInvite(w); w.Status == "invited" && inv != nil && s.inviteStatus(inv) == "accepted" {
		return "completed"
	}
	return w.Status
}

func (s *Sandbox) waitlistView(w *waitlistEntry) clerkapi.WaitlistEntry {
	v := w.WaitlistEntry
	v.Status = s.waitlistStatus(w)
	v.Invitation = nil
	if inv := s.waitlistInvite(w); inv != nil {
		v.Invitation = ptr(s.inviteView(inv))
	}
	return v
}

func (s *Sandbox) findWaitlistEntry(c *call) (*waitlistEntry, error) {
	return s.waitlist.find("waitlist entry", c.path["waitlist_entry_id"])
}

func (s *Sandbox) waitlistEntryOf(email string) *waitlistEntry {
	for _, w := range s.waitlist.all() {
		if strings.EqualFold(w.EmailAddress, email) {
			return w
		}
	}
	return nil
}

func (s *Sandbox) addWaitlistEntry(email string, now int64) *waitlistEntry {
	w := &waitlistEntry{WaitlistEntry: clerkapi.WaitlistEntry{Object: "waitlist_entry", ID: s.newID("wle"),
		EmailAddress: email, Status: "pending", CreatedAt: now, UpdatedAt: now}}
	return s.waitlist.add(w.ID, w)
}

var waitlistOrder = func(s *Sandbox) sortKeys[*waitlistEntry] {
	return sortKeys[*waitlistEntry]{
		"created_at":    func(w *waitlistEntry) any { return w.CreatedAt },
		"email_address": func(w *waitlistEntry) any { return w.EmailAddress },
		"invited_at": func(w *waitlistEntry) any {
			if inv := s.waitlistInvite(w); inv != nil {
				return inv.CreatedAt
			}
			return nil
		},
	}
}

func (s *Sandbox) listWaitlist(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	status, _ := c.str("status")
	if status != "" && !slices.Contains(waitlistStatuses, status) {
		return nil, errParamInvalid("status", "status must be one of pending, invited, completed, rejected.")
	}
	query, _ := c.str("query")
	q := strings.ToLower(query)
	var out []*waitlistEntry
	for _, w := range s.waitlist.all() {
		if status != "" && s.waitlistStatus(w) != status {
			continue
		}
		if q != "" && w.ID != query && !strings.Contains(strings.ToLower(w.EmailAddress), q) {
			continue
		}
		out = append(out, w)
	}
	if err := sortByParam(c, out, waitlistOrder(s)); err != nil {
		return nil, err
	}
	return listOf(out, limit, offset, s.waitlistView), nil
}

func checkWaitlistEmail(email string) error {
	if err := requireString("email_address", email); err != nil {
		return err
	}
	if !emailRE.MatchString(email) {
		return errParamInvalid("email_address", "email_address must be a valid email address.")
	}
	return nil
}

// createWaitlist adds an email to the waitlist; an email already on it gets
// its existing entry back, unchanged.
func (s *Sandbox) createWaitlist(c *call) (any, error) {
	var req clerkapi.CreateWaitlistEntryRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := checkWaitlistEmail(req.EmailAddress); err != nil {
		return nil, err
	}
	if w := s.waitlistEntryOf(req.EmailAddress); w != nil {
		return s.waitlistView(w), nil
	}
	return s.waitlistView(s.addWaitlistEntry(req.EmailAddress, s.tick())), nil
}

func (s *Sandbox) createWaitlistBulk(c *call) (any, error) {
	var items []clerkapi.CreateWaitlistEntriesBulkRequestItem
	if err := c.bindArray(&items); err != nil {
		return nil, err
	}
	if len(items) == 0 || len(items) > 50 {
		return nil, errParamInvalid("waitlist_entries", "Send between 1 and 50 waitlist entries.")
	}
	seen := map[string]bool{}
	for _, it := range items {
		if err := checkWaitlistEmail(it.EmailAddress); err != nil {
			return nil, err
		}
		email := strings.ToLower(it.EmailAddress)
		if seen[email] {
			return nil, errParamInvalid("email_address", fmt.Sprintf("%s appears more than once in the request; duplicate email addresses are not allowed.", it.EmailAddress))
		}
		seen[email] = true
	}
	var now int64
	out := make([]*waitlistEntry, 0, len(items))
	for _, it := range items {
		w := s.waitlistEntryOf(it.EmailAddress)
		if w == nil {
			if now == 0 {
				now = s.tick()
			}
			w = s.addWaitlistEntry(it.EmailAddress, now)
		}
		out = append(out, w)
	}
	return views(out, s.waitlistView), nil
}

func (s *Sandbox) deleteWaitlist(c *call) (any, error) {
	w, err := s.findWaitlistEntry(c)
	if err != nil {
		return nil, err
	}
	if st := s.waitlistStatus(w); st != "pending" {
		return nil, errBadRequest("waitlist_entry_not_pending", "waitlist entry is not pending",
			fmt.Sprintf("Only pending waitlist entries can be deleted; entry %s is %s.", w.ID, st))
	}
	s.tick()
	s.waitlist.remove(w.ID)
	return deleted{Object: "waitlist_entry", ID: w.ID, Deleted: true}, nil
}

// errWaitlistStatus refuses an action the entry's status does not allow.
func errWaitlistStatus(w *waitlistEntry, status, action string) *apiError {
	return errBadRequest("waitlist_entry_already_"+status, "waitlist entry already "+status,
		fmt.Sprintf("Waitlist entry %s is already %s and cannot be %s.", w.ID, status, action))
}

// inviteWaitlist creates a sign-up invitation for the entry's email and
// marks it invited. Unless ignore_existing is set, an email that already
// belongs to a user or has a pending invitation is refused.
func (s *Sandbox) inviteWaitlist(c *call) (any, error) {
	w, err := s.findWaitlistEntry(c)
	if err != nil {
		return nil, err
	}
	var req clerkapi.InviteWaitlistEntryRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	switch st := s.waitlistStatus(w); st {
	case "completed":
		return nil, errWaitlistStatus(w, st, "invited")
	case "invited":
		// Invited again only once its invitation was revoked or expired.
		if inv := s.waitlistInvite(w); inv == nil || s.inviteStatus(inv) == "pending" {
			return nil, errWaitlistStatus(w, st, "invited")
		}
	}
	if req.IgnoreExisting == nil || !*req.IgnoreExisting {
		if s.ownerOf("email_address", w.EmailAddress) != nil {
			return nil, errTaken("email_address", "email address")
		}
		for _, inv := range s.invites.all() {
			if strings.EqualFold(inv.EmailAddress, w.EmailAddress) && s.inviteStatus(inv) == "pending" {
				return nil, &apiError{status: 400, code: "duplicate_record", message: "duplicate invitation",
					long: fmt.Sprintf("There is already a pending invitation for %s. Set ignore_existing to create another.", w.EmailAddress),
					meta: map[string]any{"param_name": "email_address"}}
			}
		}
	}
	now := s.tick()
	inv := s.addInvite(&clerkapi.CreateInvitationsBulkRequestItem{EmailAddress: w.EmailAddress, TemplateSlug: ptr("waitlist_invitation")}, now)
	w.inviteID = inv.ID
	w.Status = "invited"
	w.UpdatedAt = now
	return s.waitlistView(w), nil
}

// rejectWaitlist rejects an entry; an invited entry's pending invitation is
// revoked with it.
func (s *Sandbox) rejectWaitlist(c *call) (any, error) {
	w, err := s.findWaitlistEntry(c)
	if err != nil {
		return nil, err
	}
	switch st := s.waitlistStatus(w); st {
	case "rejected", "completed":
		return nil, errWaitlistStatus(w, st, "rejected")
	}
	now := s.tick()
	if inv := s.waitlistInvite(w); inv != nil && s.inviteStatus(inv) == "pending" {
		inv.Status, inv.Revoked, inv.UpdatedAt = "revoked", true, now
	}
	w.Status = "rejected"
	w.UpdatedAt = now
	return s.waitlistView(w), nil
}
