package sandbox

import (
	"fmt"
	"slices"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// clientsHandlers are the handlers of the operations in clerkapi/clients.go.
var clientsHandlers = map[string]handlerFunc{
	"list_clients":  (*Sandbox).listClients,
	"verify_client": (*Sandbox).verifyClient,
	"get_client":    (*Sandbox).getClient,
}

// clients are derived from the sessions: every client ID a session names
// is a client holding those sessions.
func (s *Sandbox) clientView(id string) (clerkapi.ClientObject, bool) {
	cl := clerkapi.ClientObject{Object: "client", ID: id, SessionIDs: []string{}, Sessions: []clerkapi.Session{}}
	var last *clerkapi.Session
	for _, ss := range s.sessions.all() {
		if ss.ClientID != id {
			continue
		}
		v := s.sessionView(ss)
		cl.SessionIDs = append(cl.SessionIDs, ss.ID)
		cl.Sessions = append(cl.Sessions, v)
		if cl.CreatedAt == 0 || ss.CreatedAt < cl.CreatedAt {
			cl.CreatedAt = ss.CreatedAt
		}
		cl.UpdatedAt = max(cl.UpdatedAt, ss.UpdatedAt)
		if v.Status == "active" && (last == nil || ss.LastActiveAt > last.LastActiveAt) {
			last = ss
		}
	}
	if len(cl.SessionIDs) == 0 {
		return cl, false
	}
	if last != nil {
		cl.LastActiveSessionID = &last.ID
	}
	return cl, true
}

func (s *Sandbox) getClient(c *call) (any, error) {
	id := c.path["client_id"]
	cl, ok := s.clientView(id)
	if !ok {
		return nil, errNotFound("client", id)
	}
	return cl, nil
}

// listClients lists every client, newest first.
func (s *Sandbox) listClients(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, ss := range s.sessions.all() {
		if !slices.Contains(ids, ss.ClientID) {
			ids = append(ids, ss.ClientID)
		}
	}
	out := make([]clerkapi.ClientObject, 0, len(ids))
	for _, id := range ids {
		cl, _ := s.clientView(id)
		out = append(out, cl)
	}
	slices.SortStableFunc(out, func(a, b clerkapi.ClientObject) int { return int(b.CreatedAt - a.CreatedAt) })
	return legacyList(c, out, limit, offset), nil
}

// verifyClient checks a client token: an RS256 JWT this sandbox signed whose
// id claim names a client. (The sandbox serves no Frontend API, so client
// tokens come only from tests or tools signing with the instance key.)
func (s *Sandbox) verifyClient(c *call) (any, error) {
	var req clerkapi.VerifyClientRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("token", req.Token); err != nil {
		return nil, err
	}
	claims, ok := s.parseOwnJWT(req.Token)
	if !ok {
		return nil, errBadRequest("client_token_invalid", "invalid client token", "token is not a client token this instance signed.")
	}
	id, _ := claims["id"].(string)
	cl, found := s.clientView(id)
	if !found {
		return nil, errNotFound("client", fmt.Sprint(claims["id"]))
	}
	return cl, nil
}
