package emulator

import (
	"fmt"
	"slices"
)

// States (commercetools-api-reference: resources/states.raml, types/state/*.raml). Most update
// actions reject a value equal to the current one (InvalidOperation), as the reference says.
//
// Choices where the reference is silent, written down:
//   - A new project has no states: the API's built-in LineItemState "Initial" is left out, so
//     tests start from an empty collection. A state with builtIn=true (loaded as a fixture)
//     cannot be deleted or have its key changed (InvalidOperation).
//   - A state that another state's transitions name cannot be deleted (ReferenceExists).
//   - A transition to a state of another type is InvalidOperation.
func init() { registerFamily(statesFamily) }

var stateTypes = []string{"OrderState", "RecurringOrderState", "LineItemState", "ProductState", "ReviewState", "PaymentState",
	"QuoteRequestState", "StagedQuoteState", "QuoteState"}

var stateRoles = []string{"ReviewIncludedInStatistics", "Return"}

var statesFamily = &family{
	coll: "states", typeID: "state", noun: "State",
	view:        []string{"view_states", "manage_project"},
	manage:      []string{"manage_states", "manage_project"},
	keyRequired: true,
	query: querySpec{
		whereFields: setOf("id", "key", "version", "type", "name", "description", "initial", "builtIn", "roles", "transitions", "createdAt", "lastModifiedAt"),
		sortFields:  setOf("id", "key", "type", "createdAt", "lastModifiedAt", "version"),
	},
	create: createState,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"changeKey":      stateChangeKey,
		"changeType":     stateChangeType,
		"changeInitial":  stateChangeInitial,
		"setName":        stateSetLocalized("name"),
		"setDescription": stateSetLocalized("description"),
		"setRoles":       stateSetRoles,
		"addRoles":       stateAddRoles,
		"removeRoles":    stateRemoveRoles,
		"setTransitions": stateSetTransitions,
	},
	refs: func(d doc) []ref {
		var out []ref
		l, _ := d["transitions"].([]any)
		for _, e := range l {
			t, _ := e.(map[string]any)
			out = append(out, ref{typeID: "state", id: str(t["id"])})
		}
		return out
	},
	deleteCheck: func(_ *vctx, d doc) *apiError {
		if d["builtIn"] == true {
			return errInvalidOperation("The built-in state %v cannot be deleted.", d["key"])
		}
		return nil
	},
}

// roleFits reports whether a role applies to a state type.
func roleFits(role, typ string) bool {
	return (role == "ReviewIncludedInStatistics" && typ == "ReviewState") || (role == "Return" && typ == "LineItemState")
}

func readStateRoles(f *fields, typ string) ([]any, *apiError) {
	l, ok := f.strings("roles", true)
	if !ok {
		return nil, nil
	}
	out := []any{}
	for _, r := range l {
		if !slices.Contains(stateRoles, r) {
			f.p.addShape("roles: Invalid enum value '%s', expected ReviewIncludedInStatistics or Return", r)
			continue
		}
		if !roleFits(r, typ) {
			return nil, errInvalidOperation("The role %s does not apply to states of type %s.", r, typ)
		}
		if !slices.Contains(out, any(r)) {
			out = append(out, r)
		}
	}
	return out, nil
}

func createState(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{"initial": true, "builtIn": false}
	if key, ok := f.str("key", true); ok {
		if key == "" {
			p.add(errInvalidOperation("The key of a State must not be empty."))
		}
		out["key"] = key
	}
	typ, _ := f.enum("type", true, stateTypes)
	out["type"] = typ
	for _, k := range []string{"name", "description"} {
		if v, ok := f.localized(k, false); ok && len(v) > 0 {
			out[k] = v
		}
	}
	if v, ok := f.boolean("initial", false); ok {
		out["initial"] = v
	}
	if f.has("roles") {
		roles, apiErr := readStateRoles(f, typ)
		p.add(apiErr)
		out["roles"] = roles
	} else {
		f.used["roles"] = true
	}
	if l, ok := f.list("transitions", false); ok {
		ts, apiErr := readTransitions(x, l, typ, "")
		p.add(apiErr)
		out["transitions"] = ts
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	return out, nil
}

// readTransitions resolves StateResourceIdentifiers to states of the given type. self is the
// id of the state being changed ("" on create), which may name itself.
func readTransitions(x *vctx, l []any, typ, self string) ([]any, *apiError) {
	out := []any{}
	for i, e := range l {
		id, apiErr := x.resolve("state", e, fmt.Sprintf("transitions[%d]", i))
		if apiErr != nil {
			return nil, apiErr
		}
		if id != self {
			if t := x.lookup("state", id); t["type"] != typ {
				return nil, errInvalidOperation("The transition to state %v of type %v is not allowed: transitions go to states of type %s.", t["key"], t["type"], typ)
			}
		}
		r := doc{"typeId": "state", "id": id}
		if !slices.ContainsFunc(out, func(o any) bool { return sameValue(o, r) }) {
			out = append(out, r)
		}
	}
	return out, nil
}

func stateChangeKey(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	key, _ := f.str("key", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	switch {
	case key == "":
		return errInvalidOperation("The key of a State must not be empty.")
	case cur["builtIn"] == true:
		return errInvalidOperation("The key of the built-in state %v cannot be changed.", cur["key"])
	case cur["key"] == key:
		return errInvalidOperation("The state's key is already '%s'.", key)
	}
	cur["key"] = key
	return nil
}

func stateChangeType(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	typ, _ := f.enum("type", true, stateTypes)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if cur["type"] == typ {
		return errInvalidOperation("The state's type is already %s.", typ)
	}
	cur["type"] = typ
	return nil
}

func stateChangeInitial(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	v, _ := f.boolean("initial", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if cur["initial"] == v {
		return errInvalidOperation("The state's initial flag is already %t.", v)
	}
	cur["initial"] = v
	return nil
}

// stateSetLocalized implements setName and setDescription: {} removes the value; the value it
// already has is refused.
func stateSetLocalized(field string) func(*vctx, doc, doc) *apiError {
	return func(_ *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		v, _ := f.localized(field, true)
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		old, _ := cur[field].(map[string]any)
		if (len(v) == 0 && len(old) == 0) || (len(v) > 0 && sameDoc(old, v)) {
			return errInvalidOperation("The state's %s is already %s.", field, compactJSON(v))
		}
		if len(v) == 0 {
			delete(cur, field)
			return nil
		}
		cur[field] = v
		return nil
	}
}

func rolesOfState(cur doc) []any {
	l, _ := cur["roles"].([]any)
	return l
}

func stateSetRoles(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	roles, apiErr := readStateRoles(f, str(cur["type"]))
	f.done()
	if e := p.err(); e != nil {
		return e
	}
	if apiErr != nil {
		return apiErr
	}
	if sameRoleSet(roles, rolesOfState(cur)) {
		return errInvalidOperation("The state already has the roles %s.", compactJSON(roles))
	}
	cur["roles"] = roles
	return nil
}

func stateAddRoles(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	roles, apiErr := readStateRoles(f, str(cur["type"]))
	f.done()
	if e := p.err(); e != nil {
		return e
	}
	if apiErr != nil {
		return apiErr
	}
	have := rolesOfState(cur)
	for _, r := range roles {
		if slices.Contains(have, r) {
			return errInvalidOperation("The state has the role %v already.", r)
		}
		have = append(have, r)
	}
	cur["roles"] = have
	return nil
}

func stateRemoveRoles(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	l, _ := f.strings("roles", true)
	f.done()
	if e := p.err(); e != nil {
		return e
	}
	have := rolesOfState(cur)
	keep := slices.DeleteFunc(slices.Clone(have), func(r any) bool { return slices.Contains(anyList(l), r) })
	if len(keep) == len(have) {
		return errInvalidOperation("The state has none of the roles %s.", compactJSON(l))
	}
	cur["roles"] = keep
	return nil
}

func stateSetTransitions(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	l, given := f.list("transitions", false)
	f.done()
	if e := p.err(); e != nil {
		return e
	}
	old, had := cur["transitions"].([]any)
	if !given {
		if !had {
			return errInvalidOperation("The state has no transitions to remove.")
		}
		delete(cur, "transitions")
		return nil
	}
	ts, apiErr := readTransitions(x, l, str(cur["type"]), str(cur["id"]))
	if apiErr != nil {
		return apiErr
	}
	if had && len(old) == len(ts) && !slices.ContainsFunc(ts, func(t any) bool {
		return !slices.ContainsFunc(old, func(o any) bool { return sameValue(o, t) })
	}) {
		return errInvalidOperation("The state already has these transitions.")
	}
	cur["transitions"] = ts
	return nil
}
