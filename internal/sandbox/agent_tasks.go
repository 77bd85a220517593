package sandbox

import (
	"net/url"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// agentTasksHandlers are the handlers of the operations in clerkapi/agent_tasks.go.
var agentTasksHandlers = map[string]handlerFunc{
	"create_agent_task": (*Sandbox).createAgentTask,
	"revoke_agent_task": (*Sandbox).revokeAgentTask,
}

func (s *Sandbox) createAgentTask(c *call) (any, error) {
	var req clerkapi.CreateAgentTaskRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if _, sent := c.raw["on_behalf_of"]; !sent {
		return nil, errParamMissing("on_behalf_of")
	}
	by := req.OnBehalfOf
	if (by.UserID == nil) == (by.Identifier == nil) {
		return nil, errParamInvalid("on_behalf_of", "on_behalf_of must hold exactly one of user_id or identifier.")
	}
	if req.Permissions != "*" {
		return nil, errParamInvalid("permissions", `permissions must be "*".`)
	}
	if err := requireString("agent_name", req.AgentName); err != nil {
		return nil, err
	}
	if err := requireString("task_description", req.TaskDescription); err != nil {
		return nil, err
	}
	if u, err := url.Parse(req.RedirectURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, errParamInvalid("redirect_url", "redirect_url must be an absolute http or https URL.")
	}
	if err := positive("session_max_duration_in_seconds", req.SessionMaxDurationInSeconds, 1); err != nil {
		return nil, err
	}
	var u *user
	if by.UserID != nil {
		var err error
		if u, err = s.findUser(*by.UserID); err != nil {
			return nil, err
		}
	} else if u = s.verifiedOwner(*by.Identifier); u == nil {
		return nil, errNotFound("user with the verified identifier", *by.Identifier)
	}
	s.tick()
	id := s.newID("agtask")
	t := &agentTask{agentTaskJSON: agentTaskJSON{Object: "agent_task", AgentID: "agent_" + idBody("agent "+strings.ToLower(req.AgentName), 1),
		AgentTaskID: id, TaskID: id}, status: "pending", userID: u.ID}
	s.mint.agentTasks.add(id, t)
	v := t.agentTaskJSON
	v.URL = "https://" + frontendHost + "/v1/tickets/accept?ticket=" + s.ticket("agent")
	return v, nil
}

// verifiedOwner finds the user holding a verified email address or phone
// number.
func (s *Sandbox) verifiedOwner(identifier string) *user {
	for _, u := range s.users.all() {
		for _, e := range u.EmailAddresses {
			if strings.EqualFold(e.EmailAddress, identifier) && verified(e.Verification) {
				return u
			}
		}
		for _, p := range u.PhoneNumbers {
			if p.PhoneNumber == identifier && verified(p.Verification) {
				return u
			}
		}
	}
	return nil
}

func (s *Sandbox) revokeAgentTask(c *call) (any, error) {
	id := c.path["agent_task_id"]
	t, err := s.mint.agentTasks.find("agent task", id)
	if err != nil {
		return nil, err
	}
	if t.status != "pending" {
		return nil, errBadRequest("agent_task_not_pending", "agent task is not pending", "Only pending agent tasks can be revoked; "+id+" is "+t.status+".")
	}
	s.tick()
	t.status = "revoked"
	return t.agentTaskJSON, nil
}
