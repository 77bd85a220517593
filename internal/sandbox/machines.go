package sandbox

import (
	"strconv"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// machinesHandlers are the handlers of the operations in clerkapi/machines.go.
var machinesHandlers = map[string]handlerFunc{
	"list_machines":             (*Sandbox).listMachines,
	"create_machine":            (*Sandbox).createMachine,
	"get_machine":               (*Sandbox).getMachine,
	"update_machine":            (*Sandbox).updateMachine,
	"delete_machine":            (*Sandbox).deleteMachine,
	"get_machine_secret_key":    (*Sandbox).getMachineSecretKey,
	"rotate_machine_secret_key": (*Sandbox).rotateMachineSecretKey,
	"create_machine_scope":      (*Sandbox).createMachineScope,
	"delete_machine_scope":      (*Sandbox).deleteMachineScope,
}

// maxMachineScopes is Clerk's limit of scopes per machine.
const maxMachineScopes = 150

type machineState struct {
	machines table[machine]
	keys     map[string]machineKey // machine secret key -> its machine
	tokens   table[m2mToken]
	byToken  map[string]string // opaque M2M token -> token ID
	apiKeys  table[apiKey]
	bySecret map[string]string // API key secret -> key ID
}

type machine struct {
	clerkapi.MachineWithoutScopedMachines
	scopes  []machineScope // machines it may reach, in grant order
	secret  string         // the current secret key
	rotated int            // rotations so far
}

type machineScope struct {
	to string
	at int64
}

// machineKey is a machine secret key: the current one (until 0) or a
// rotated-out one, valid until the Unix ms given.
type machineKey struct {
	machineID string
	until     int64
}

func (s *Sandbox) machineState() *machineState {
	if s.mx == nil {
		s.mx = &machineState{keys: map[string]machineKey{}, byToken: map[string]string{}, bySecret: map[string]string{}}
	}
	return s.mx
}

// secretHex returns the next 32 hex digits of a kind of secret or ID:
// deterministic per sandbox, like its IDs, and distinct per kind.
func (s *Sandbox) secretHex(kind string) string {
	s.seq["#"+kind]++
	return hashHex(kind, s.seq["#"+kind])[:32]
}

func (s *Sandbox) findMachine(id string) (*machine, error) {
	return s.machineState().machines.find("machine", id)
}

func (s *Sandbox) machineView(m *machine) clerkapi.Machine {
	mx := s.machineState()
	v := clerkapi.Machine{
		Object: m.Object, ID: m.ID, Name: m.Name, InstanceID: m.InstanceID, CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt,
		DefaultTokenTTL: m.DefaultTokenTTL, ScopedMachines: []clerkapi.MachineWithoutScopedMachines{},
	}
	for _, sc := range m.scopes {
		if o, ok := mx.machines.get(sc.to); ok {
			v.ScopedMachines = append(v.ScopedMachines, o.MachineWithoutScopedMachines)
		}
	}
	return v
}

func (s *Sandbox) listMachines(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	q, _ := c.str("query")
	q = strings.ToLower(q)
	var out []*machine
	for _, m := range s.machineState().machines.all() {
		if q == "" || strings.Contains(strings.ToLower(m.Name), q) || strings.Contains(strings.ToLower(m.ID), q) {
			out = append(out, m)
		}
	}
	if err := sortByParam(c, out, sortKeys[*machine]{
		"created_at": func(m *machine) any { return m.CreatedAt },
		"name":       func(m *machine) any { return m.Name },
	}); err != nil {
		return nil, err
	}
	return listOf(out, limit, offset, s.machineView), nil
}

func checkTTL(name string, v int64, lo, hi int64) error {
	if v < lo || v > hi {
		return errParamInvalid(name, name+" must be a whole number of seconds between "+strconv.FormatInt(lo, 10)+" and "+strconv.FormatInt(hi, 10)+".")
	}
	return nil
}

func checkMachineName(name string) error {
	if err := requireString("name", name); err != nil {
		return err
	}
	if len([]rune(name)) > 255 {
		return errParamInvalid("name", "name must be at most 255 characters.")
	}
	return nil
}

func (s *Sandbox) createMachine(c *call) (any, error) {
	var req clerkapi.CreateMachineRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := checkMachineName(req.Name); err != nil {
		return nil, err
	}
	ttl := int64(3600)
	if req.DefaultTokenTTL != nil {
		if err := checkTTL("default_token_ttl", *req.DefaultTokenTTL, 1, 315360000); err != nil {
			return nil, err
		}
		ttl = *req.DefaultTokenTTL
	}
	if len(req.ScopedMachines) > maxMachineScopes {
		return nil, errParamInvalid("scoped_machines", "A machine can have at most 150 scoped machines.")
	}
	mx := s.machineState()
	seen := map[string]bool{}
	for _, id := range req.ScopedMachines {
		if _, ok := mx.machines.get(id); !ok {
			return nil, errParamInvalid("scoped_machines", "scoped_machines names "+id+", which is not a machine of this instance.")
		}
		if seen[id] {
			return nil, errParamInvalid("scoped_machines", "scoped_machines names "+id+" twice.")
		}
		seen[id] = true
	}
	now := s.tick()
	m := &machine{MachineWithoutScopedMachines: clerkapi.MachineWithoutScopedMachines{
		Object: "machine", ID: s.newID("mch"), Name: req.Name, InstanceID: s.instanceID,
		CreatedAt: now, UpdatedAt: now, DefaultTokenTTL: ttl,
	}}
	for _, id := range req.ScopedMachines {
		m.scopes = append(m.scopes, machineScope{to: id, at: now})
	}
	m.secret = "ak_" + s.secretHex("machine secret key")
	mx.keys[m.secret] = machineKey{machineID: m.ID}
	mx.machines.add(m.ID, m)
	v := s.machineView(m)
	return clerkapi.CreateMachineResponse{
		Object: v.Object, ID: v.ID, Name: v.Name, InstanceID: v.InstanceID, CreatedAt: v.CreatedAt, UpdatedAt: v.UpdatedAt,
		DefaultTokenTTL: v.DefaultTokenTTL, ScopedMachines: v.ScopedMachines, SecretKey: m.secret,
	}, nil
}

func (s *Sandbox) getMachine(c *call) (any, error) {
	m, err := s.findMachine(c.path["machine_id"])
	if err != nil {
		return nil, err
	}
	return s.machineView(m), nil
}

func (s *Sandbox) updateMachine(c *call) (any, error) {
	var req clerkapi.UpdateMachineRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	m, err := s.findMachine(c.path["machine_id"])
	if err != nil {
		return nil, err
	}
	if req.Name != nil {
		if err := checkMachineName(*req.Name); err != nil {
			return nil, err
		}
	}
	if req.DefaultTokenTTL != nil {
		if err := checkTTL("default_token_ttl", *req.DefaultTokenTTL, 1, 315360000); err != nil {
			return nil, err
		}
	}
	now := s.tick()
	if req.Name != nil {
		m.Name = *req.Name
	}
	if req.DefaultTokenTTL != nil {
		m.DefaultTokenTTL = *req.DefaultTokenTTL
	}
	m.UpdatedAt = now
	return s.machineView(m), nil
}

// deleteMachine removes the machine, the scopes other machines hold on it,
// its secret keys, its M2M tokens and the API keys it is the subject of.
func (s *Sandbox) deleteMachine(c *call) (any, error) {
	id := c.path["machine_id"]
	if _, err := s.findMachine(id); err != nil {
		return nil, err
	}
	mx := s.machineState()
	s.tick()
	mx.machines.remove(id)
	for _, o := range mx.machines.all() {
		o.scopes = dropScope(o.scopes, id)
	}
	for k, mk := range mx.keys {
		if mk.machineID == id {
			delete(mx.keys, k)
		}
	}
	mx.tokens.removeWhere(func(t *m2mToken) bool {
		if t.Subject == id {
			delete(mx.byToken, t.token)
			return true
		}
		return false
	})
	mx.apiKeys.removeWhere(func(k *apiKey) bool {
		if k.Subject == id {
			delete(mx.bySecret, k.secret)
			return true
		}
		return false
	})
	return clerkapi.DeletedResource{Object: "machine", ID: id, Deleted: true}, nil
}

func dropScope(scopes []machineScope, to string) []machineScope {
	out := scopes[:0]
	for _, sc := range scopes {
		if sc.to != to {
			out = append(out, sc)
		}
	}
	return out
}

func (s *Sandbox) getMachineSecretKey(c *call) (any, error) {
	m, err := s.findMachine(c.path["machine_id"])
	if err != nil {
		return nil, err
	}
	return clerkapi.MachineSecretKey{Object: "machine_secret_key", Secret: m.secret}, nil
}

// rotateMachineSecretKey issues a new key; the old one keeps working for
// previous_token_ttl seconds (0: it stops at once).
func (s *Sandbox) rotateMachineSecretKey(c *call) (any, error) {
	var req clerkapi.RotateMachineSecretKeyRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	m, err := s.findMachine(c.path["machine_id"])
	if err != nil {
		return nil, err
	}
	if _, sent := c.raw["previous_token_ttl"]; !sent {
		return nil, errParamMissing("previous_token_ttl")
	}
	if err := checkTTL("previous_token_ttl", req.PreviousTokenTTL, 0, 28800); err != nil {
		return nil, err
	}
	mx := s.machineState()
	now := s.tick()
	if req.PreviousTokenTTL == 0 {
		delete(mx.keys, m.secret)
	} else {
		mx.keys[m.secret] = machineKey{machineID: m.ID, until: now + req.PreviousTokenTTL*1000}
	}
	m.rotated++
	m.secret = "ak_" + s.secretHex("machine secret key")
	mx.keys[m.secret] = machineKey{machineID: m.ID}
	m.UpdatedAt = now
	return clerkapi.MachineSecretKey{Object: "machine_secret_key", Secret: m.secret}, nil
}

func (s *Sandbox) createMachineScope(c *call) (any, error) {
	var req clerkapi.CreateMachineScopeRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	m, err := s.findMachine(c.path["machine_id"])
	if err != nil {
		return nil, err
	}
	if err := requireString("to_machine_id", req.ToMachineID); err != nil {
		return nil, err
	}
	if req.ToMachineID == m.ID {
		return nil, errParamInvalid("to_machine_id", "A machine cannot be scoped to itself.")
	}
	if _, err := s.findMachine(req.ToMachineID); err != nil {
		return nil, err
	}
	for _, sc := range m.scopes {
		if sc.to == req.ToMachineID {
			return nil, &apiError{status: 409, code: "duplicate_record", message: "machine scope already exists",
				long: "Machine " + m.ID + " already has access to machine " + req.ToMachineID + ".", meta: map[string]any{"param_name": "to_machine_id"}}
		}
	}
	if len(m.scopes) >= maxMachineScopes {
		return nil, errParamInvalid("to_machine_id", "A machine can have at most 150 scoped machines.")
	}
	now := s.tick()
	m.scopes = append(m.scopes, machineScope{to: req.ToMachineID, at: now})
	m.UpdatedAt = now
	return clerkapi.MachineScope{Object: "machine_scope", FromMachineID: m.ID, ToMachineID: req.ToMachineID, CreatedAt: now}, nil
}

func (s *Sandbox) deleteMachineScope(c *call) (any, error) {
	m, err := s.findMachine(c.path["machine_id"])
	if err != nil {
		return nil, err
	}
	other := c.path["other_machine_id"]
	found := false
	for _, sc := range m.scopes {
		found = found || sc.to == other
	}
	if !found {
		return nil, errNotFound("machine scope", m.ID+" -> "+other)
	}
	now := s.tick()
	m.scopes = dropScope(m.scopes, other)
	m.UpdatedAt = now
	return clerkapi.DeleteMachineScopeResponse{Object: "machine_scope", FromMachineID: m.ID, ToMachineID: other, Deleted: true}, nil
}
