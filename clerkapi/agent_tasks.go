package clerkapi

var agentTasksOperations = []Operation{
	{
		Name: "create_agent_task", OperationID: "CreateAgentTask", Method: "POST", Path: "/agents/tasks",
		Description: "Returns a URL signing an agent in as a user.",
		Request:     CreateAgentTaskRequest{}, Response: AgentTask{}, Secret: true,
	},
	{
		Name: "revoke_agent_task", OperationID: "RevokeAgentTask", Method: "POST", Path: "/agents/tasks/{agent_task_id}/revoke",
		Description: "Revoke a pending agent task.",
		Request:     RevokeAgentTaskRequest{}, Response: AgentTask{},
	},
}

type CreateAgentTaskRequest struct {
	OnBehalfOf                  CreateAgentTaskRequestOnBehalfOf `json:"on_behalf_of" in:"body" jsonschema:"required"`
	Permissions                 string                           `json:"permissions" in:"body" jsonschema:"required,enum=*"`
	AgentName                   string                           `json:"agent_name" in:"body" jsonschema:"required"`
	TaskDescription             string                           `json:"task_description" in:"body" jsonschema:"required"`
	RedirectURL                 string                           `json:"redirect_url" in:"body" jsonschema:"required,format=uri"`
	SessionMaxDurationInSeconds *int64                           `json:"session_max_duration_in_seconds,omitempty" in:"body" jsonschema:"default=1800"`
}

type CreateAgentTaskRequestOnBehalfOf struct {
	UserID     *string `json:"user_id,omitempty"`
	Identifier *string `json:"identifier,omitempty"`
}

type RevokeAgentTaskRequest struct {
	AgentTaskID string `json:"agent_task_id" in:"path" jsonschema:"required"`
}

type AgentTask struct {
	Object      string `json:"object"`
	AgentID     string `json:"agent_id"`
	AgentTaskID string `json:"agent_task_id"`
	TaskID      string `json:"task_id"`
	URL         string `json:"url"`
}
