package sandbox

import (
	"cmp"
	"slices"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

var sessionStatuses = []string{"abandoned", "active", "ended", "expired", "removed", "replaced", "revoked"}

// sessionStatus is the session's status now: an active session past its
// expiry reads as expired.
func (s *Sandbox) sessionStatus(ss *clerkapi.Session) string {
	if ss.Status == "active" && ss.ExpireAt <= s.now {
		return "expired"
	}
	return ss.Status
}

func (s *Sandbox) sessionView(ss *clerkapi.Session) clerkapi.Session {
	v := *ss
	v.Status = s.sessionStatus(ss)
	return v
}

func (s *Sandbox) findSession(id string) (*clerkapi.Session, error) {
	return s.sessions.find("session", id)
}

func (s *Sandbox) listSessions(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	userID, _ := c.str("user_id")
	clientID, _ := c.str("client_id")
	if userID == "" && clientID == "" {
		e := errParamMissing("user_id")
		e.long = "Provide user_id or client_id to list sessions."
		return nil, e
	}
	status, _ := c.str("status")
	if status != "" && !slices.Contains(sessionStatuses, status) {
		return nil, errParamInvalid("status", "status must be one of abandoned, active, ended, expired, removed, replaced, revoked.")
	}
	out := []clerkapi.Session{}
	for _, ss := range s.sessions.all() {
		if (userID == "" || ss.UserID == userID) && (clientID == "" || ss.ClientID == clientID) && (status == "" || s.sessionStatus(ss) == status) {
			out = append(out, s.sessionView(ss))
		}
	}
	slices.SortStableFunc(out, func(a, b clerkapi.Session) int { return cmp.Compare(b.CreatedAt, a.CreatedAt) })
	return legacyList(c, out, limit, offset), nil
}

func (s *Sandbox) getSession(c *call) (any, error) {
	ss, err := s.findSession(c.path["session_id"])
	if err != nil {
		return nil, err
	}
	return s.sessionView(ss), nil
}

func (s *Sandbox) revokeSession(c *call) (any, error) {
	ss, err := s.findSession(c.path["session_id"])
	if err != nil {
		return nil, err
	}
	if st := s.sessionStatus(ss); st != "active" {
		return nil, errBadRequest("session_not_active", "session is not active",
			"Only active sessions can be revoked; session "+ss.ID+" is "+st+".")
	}
	now := s.tick()
	ss.Status = "revoked"
	ss.UpdatedAt = now
	return s.sessionView(ss), nil
}

func (s *Sandbox) createSession(c *call) (any, error) {
	var req clerkapi.CreateSessionRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("user_id", req.UserID); err != nil {
		return nil, err
	}
	u, err := s.findUser(req.UserID)
	if err != nil {
		return nil, err
	}
	if req.ActiveOrganizationID != nil && *req.ActiveOrganizationID != "" {
		o, err := s.findOrg(*req.ActiveOrganizationID)
		if err != nil {
			return nil, err
		}
		if s.membershipOf(o.ID, u.ID) == nil {
			return nil, errParamInvalid("active_organization_id", "The user is not a member of organization "+o.ID+".")
		}
		req.ActiveOrganizationID = &o.ID
	}
	if u.Banned {
		return nil, &apiError{status: 403, code: "user_banned", message: "user is banned", long: "User " + u.ID + " is banned and cannot sign in."}
	}
	now := s.tick()
	ss := s.addSession(u, s.newID("client"), "active", req.ActiveOrganizationID, nil, now, now)
	u.LastSignInAt, u.LastActiveAt = &now, &now
	return s.sessionView(ss), nil
}

// addSession stores a session created at the given time.
func (s *Sandbox) addSession(u *user, clientID, status string, org *string, activity *clerkapi.SessionActivityResponse, created, updated int64) *clerkapi.Session {
	ss := &clerkapi.Session{
		Object: "session", ID: s.newID("sess"), UserID: u.ID, ClientID: clientID, Status: status,
		LastActiveOrganizationID: org, LastActiveAt: updated, LatestActivity: activity,
		ExpireAt: created + 7*24*3600*1000, AbandonAt: created + 30*24*3600*1000,
		CreatedAt: created, UpdatedAt: updated,
	}
	return s.sessions.add(ss.ID, ss)
}
