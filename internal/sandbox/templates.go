package sandbox

import (
	"fmt"
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// Email and SMS templates, and the outbox: the messages the sandbox would
// have sent (it sends none). The system templates are built on first use;
// editing one makes it a user template that can be reverted.

var templatesHandlers = map[string]handlerFunc{
	"list_templates":           (*Sandbox).listMessageTemplates,
	"get_template":             (*Sandbox).getMessageTemplate,
	"upsert_template":          (*Sandbox).upsertMessageTemplate,
	"revert_template":          (*Sandbox).revertMessageTemplate,
	"preview_template":         (*Sandbox).previewMessageTemplate,
	"toggle_template_delivery": (*Sandbox).toggleMessageTemplate,
}

type messageState struct {
	templates table[clerkapi.Template] // keyed type/slug
	outbox    []SentMessage
}

// SentMessage is an email or SMS the sandbox recorded instead of sending.
type SentMessage struct {
	Channel   string // email or sms
	To        string
	Template  string // the template slug
	Code      string // the one-time code, when there is one
	Delivered bool   // false when the template's delivery is off (the app delivers it)
	At        int64
}

// Outbox returns the messages recorded so far, oldest first.
func (s *Sandbox) Outbox() []SentMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.msgs().outbox)
}

// systemTemplate is one of Clerk's default templates.
type systemTemplate struct {
	kind, slug, name, subject, body string
	required, available             []string
	toggle                          bool
}

var systemTemplates = []systemTemplate{
	{"email", "verification_code", "Verification code", "{{otp_code}} is your verification code", "<p>Your verification code is <strong>{{otp_code}}</strong>.</p>",
		[]string{"otp_code"}, []string{"otp_code", "app.name", "requested_at", "requested_from"}, false},
	{"email", "magic_link_sign_in", "Sign in link", "Sign in to {{app.name}}", `<p><a href="{{magic_link}}">Sign in</a></p>`,
		[]string{"magic_link"}, []string{"magic_link", "app.name", "ttl_minutes"}, false},
	{"email", "invitation", "Invitation", "You're invited to {{app.name}}", `<p><a href="{{action_url}}">Accept the invitation</a></p>`,
		[]string{"action_url"}, []string{"action_url", "app.name", "inviter_name"}, false},
	{"email", "organization_invitation", "Organization invitation", "{{inviter_name}} invited you to {{org.name}}", `<p><a href="{{action_url}}">Join {{org.name}}</a></p>`,
		[]string{"action_url"}, []string{"action_url", "app.name", "inviter_name", "org.name"}, false},
	{"email", "password_changed", "Password changed", "Your password was changed", "<p>Your {{app.name}} password was changed.</p>",
		nil, []string{"app.name", "primary_email_address"}, true},
	{"email", "primary_email_address_changed", "Primary email address changed", "Your primary email address was changed", "<p>Your primary email address is now {{new_email_address}}.</p>",
		nil, []string{"app.name", "new_email_address"}, true},
	{"sms", "verification_code", "Verification code", "", "{{otp_code}} is your {{app.name}} verification code.",
		[]string{"otp_code"}, []string{"otp_code", "app.name"}, false},
	{"sms", "invitation", "Invitation", "", "You're invited to {{app.name}}: {{action_url}}",
		[]string{"action_url"}, []string{"action_url", "app.name"}, false},
	{"sms", "password_changed", "Password changed", "", "Your {{app.name}} password was changed.",
		nil, []string{"app.name"}, true},
}

func (t systemTemplate) template(instanceID string, pos int) *clerkapi.Template {
	at := BaseTime.UnixMilli() - 400*day
	v := &clerkapi.Template{ID: "tmpl_" + idBody("template "+t.kind+"/"+t.slug, 1), Object: "template", ResourceType: "system",
		TemplateType: t.kind, Name: t.name, Slug: t.slug, Position: int64(pos), CanRevert: false, CanDelete: false,
		CanEditBody: true, CanToggle: t.toggle, Body: t.body, Markup: "", AvailableVariables: slices.Clone(t.available),
		RequiredVariables: append([]string{}, t.required...), DeliveredByClerk: true, Enabled: true,
		InstanceID: &instanceID, CreatedAt: at, UpdatedAt: at}
	if v.RequiredVariables == nil {
		v.RequiredVariables = []string{}
	}
	if t.kind == "email" {
		v.Subject, v.FromEmailName = ptr(t.subject), "notifications"
	}
	return v
}

func (s *Sandbox) msgs() *messageState {
	if s.messages == nil {
		s.messages = &messageState{}
		for i, t := range systemTemplates {
			v := t.template(s.instanceID, i)
			s.messages.templates.add(t.kind+"/"+t.slug, v)
		}
	}
	return s.messages
}

// recordMessage puts a message in the outbox, delivered unless its
// template's delivery is off.
func (s *Sandbox) recordMessage(channel, to, slug, code string) {
	m := s.msgs()
	delivered := true
	if t, ok := m.templates.get(channel + "/" + slug); ok {
		delivered = t.DeliveredByClerk
	}
	m.outbox = append(m.outbox, SentMessage{Channel: channel, To: to, Template: slug, Code: code, Delivered: delivered, At: s.now})
	if len(m.outbox) > 1000 { // bounded: keep the newest
		m.outbox = slices.Delete(m.outbox, 0, len(m.outbox)-1000)
	}
}

func templateType(c *call) (string, error) {
	t := c.path["template_type"]
	if t != "email" && t != "sms" {
		return "", errParamInvalid("template_type", fmt.Sprintf("template_type must be email or sms; got %q.", t))
	}
	return t, nil
}

func (s *Sandbox) findMessageTemplate(c *call) (*clerkapi.Template, error) {
	kind, err := templateType(c)
	if err != nil {
		return nil, err
	}
	return s.msgs().templates.find(kind+" template", kind+"/"+c.path["slug"])
}

func (s *Sandbox) listMessageTemplates(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	kind, err := templateType(c)
	if err != nil {
		return nil, err
	}
	out := []clerkapi.Template{}
	for _, t := range s.msgs().templates.all() {
		if t.TemplateType == kind {
			out = append(out, *t)
		}
	}
	slices.SortStableFunc(out, func(a, b clerkapi.Template) int { return int(a.Position - b.Position) })
	return legacyList(c, out, limit, offset), nil
}

func (s *Sandbox) getMessageTemplate(c *call) (any, error) {
	return s.findMessageTemplate(c)
}

var emailLocalRE = lazyRegexp(`^[a-zA-Z0-9._+-]+$`)

// checkTemplateFields applies the rules every edit and preview share.
func checkTemplateFields(t *clerkapi.Template, subject, body, from, replyTo *string) error {
	if t.TemplateType == "sms" {
		for _, f := range []field[*string]{{"subject", subject}, {"from_email_name", from}, {"reply_to_email_name", replyTo}} {
			name, v := f.name, f.v
			if v != nil {
				return errParamInvalid(name, name+" applies only to email templates.")
			}
		}
	}
	if body != nil {
		if strings.TrimSpace(*body) == "" {
			return errParamMissing("body")
		}
		for _, v := range t.RequiredVariables {
			if !strings.Contains(*body, "{{"+v+"}}") {
				return &apiError{status: 422, code: "form_param_value_invalid", message: "body is missing a required variable",
					long: "body must contain {{" + v + "}}.", meta: map[string]any{"param_name": "body"}}
			}
		}
	}
	for _, f := range []field[*string]{{"from_email_name", from}, {"reply_to_email_name", replyTo}} {
		name, v := f.name, f.v
		if v != nil && *v != "" && !emailLocalRE().MatchString(*v) {
			return errParamInvalid(name, name+" must be the local part of an email address, e.g. hello.")
		}
	}
	return nil
}

func (s *Sandbox) upsertMessageTemplate(c *call) (any, error) {
	t, err := s.findMessageTemplate(c)
	if err != nil {
		return nil, err
	}
	var req clerkapi.UpsertTemplateRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := checkTemplateFields(t, req.Subject, req.Body, req.FromEmailName, req.ReplyToEmailName); err != nil {
		return nil, err
	}
	if req.Name != nil && strings.TrimSpace(*req.Name) == "" {
		return nil, errParamMissing("name")
	}
	t.UpdatedAt = s.tick()
	t.ResourceType, t.CanRevert = "user", true
	for dst, src := range map[*string]*string{&t.Name: req.Name, &t.Markup: req.Markup, &t.Body: req.Body,
		&t.FromEmailName: req.FromEmailName, &t.ReplyToEmailName: req.ReplyToEmailName} {
		if src != nil {
			*dst = *src
		}
	}
	if req.Subject != nil {
		t.Subject = req.Subject
	}
	if req.DeliveredByClerk != nil {
		t.DeliveredByClerk = *req.DeliveredByClerk
	}
	return t, nil
}

func (s *Sandbox) revertMessageTemplate(c *call) (any, error) {
	t, err := s.findMessageTemplate(c)
	if err != nil {
		return nil, err
	}
	if !t.CanRevert {
		return nil, errBadRequest("template_not_revertable", "nothing to revert", "Template "+t.Slug+" is the system default already.")
	}
	for i, st := range systemTemplates {
		if st.kind == t.TemplateType && st.slug == t.Slug {
			now := s.tick()
			*t = *st.template(s.instanceID, i)
			t.UpdatedAt = now
		}
	}
	return t, nil
}

// previewMessageTemplate renders the template (or the body and subject
// sent) with sample values.
func (s *Sandbox) previewMessageTemplate(c *call) (any, error) {
	t, err := s.findMessageTemplate(c)
	if err != nil {
		return nil, err
	}
	var req clerkapi.PreviewTemplateRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := checkTemplateFields(t, req.Subject, req.Body, req.FromEmailName, req.ReplyToEmailName); err != nil {
		return nil, err
	}
	body, subject, from, reply := t.Body, deref(t.Subject), t.FromEmailName, t.ReplyToEmailName
	for dst, src := range map[*string]*string{&body: req.Body, &subject: req.Subject, &from: req.FromEmailName, &reply: req.ReplyToEmailName} {
		if src != nil {
			*dst = *src
		}
	}
	sample := strings.NewReplacer("{{otp_code}}", SandboxOTP, "{{app.name}}", "Sandbox", "{{magic_link}}", "https://"+accountsHost+"/magic",
		"{{action_url}}", "https://"+accountsHost+"/accept", "{{inviter_name}}", "Ada Lovelace", "{{org.name}}", "Acme Corp",
		"{{new_email_address}}", "new@example.com", "{{primary_email_address}}", "ada@acme.example.com",
		"{{requested_at}}", BaseTime.Format("January 2, 2006 15:04 UTC"), "{{requested_from}}", "Chrome, macOS", "{{ttl_minutes}}", "10")
	out := map[string]any{"body": sample.Replace(body)}
	if t.TemplateType == "email" {
		out["subject"] = sample.Replace(subject)
		if from == "" {
			from = "notifications"
		}
		out["from_email_address"] = from + "@" + accountsHost
		if reply != "" {
			out["reply_to_email_address"] = reply + "@" + accountsHost
		}
	}
	return out, nil
}

// toggleMessageTemplate sets whether Clerk delivers the template's
// messages; without delivered_by_clerk it flips the setting.
func (s *Sandbox) toggleMessageTemplate(c *call) (any, error) {
	t, err := s.findMessageTemplate(c)
	if err != nil {
		return nil, err
	}
	var req clerkapi.ToggleTemplateDeliveryRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	t.UpdatedAt = s.tick()
	if req.DeliveredByClerk != nil {
		t.DeliveredByClerk = *req.DeliveredByClerk
	} else {
		t.DeliveredByClerk = !t.DeliveredByClerk
	}
	return t, nil
}
