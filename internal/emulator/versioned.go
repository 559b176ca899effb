package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"time"
)

// maxUpdateActions is the most update actions one request may carry (https://docs.commercetools.com/api/limits).
const maxUpdateActions = 500

// family describes one collection of versioned resources. The generic handlers in this file
// implement what every versioned endpoint shares (commercetools-api-reference api.raml
// baseDomain/baseResource, traits/versioned.raml, traits/conflicting.raml): query, HEAD, create,
// get, update and delete by id and by key=, ids, unique keys, versions, 409 with the current
// version, atomic action lists and ReferenceExists. A family file adds its draft validation and
// one applier per update action, written from the spec's types.
type family struct {
	coll   string // path segment and store collection: "channels"
	typeID string // reference typeId: "channel"
	noun   string // for messages: "Channel"
	// view and manage are the scope names (without the project key) that grant access; list
	// manage_project where the API says it grants access.
	view, manage []string
	query        querySpec
	// keyRequired makes a missing or empty key an error of the draft; keyed families always get
	// key= routes and DuplicateField on their key.
	keyRequired bool
	// maxCount is the per-project limit (MaxResourceLimitExceeded); 0 = none.
	maxCount int
	// create validates a draft and returns the resource's own fields (without id, version and
	// timestamps, which the generic code adds).
	create func(x *vctx, d doc) (doc, *apiError)
	// actions holds one applier per update action; it changes cur (a private copy) in place.
	actions map[string]func(x *vctx, cur doc, a doc) *apiError
	// refs lists the references a resource holds, for ReferenceExists when one of them is deleted.
	refs func(d doc) []ref
	// onRead rewrites a resource for responses (masking secrets); nil = as stored.
	onRead func(c *call, d doc) doc
	// routes replaces the generic routes (the project, which lives at /{projectKey}).
	routes func(f *family, r *router)
	// locate replaces finding the addressed resource by {id} or {key} (the project).
	locate func(c *call, p *projectStore) (string, doc, *apiError)
	// updated runs after an update request changed a resource (optional).
	updated func(x *vctx, old, next doc)
	// deleteCheck may refuse a delete beyond the generic ReferenceExists check.
	deleteCheck func(x *vctx, d doc) *apiError
}

// ref is a reference held by a resource.
type ref struct{ typeID, id string }

// vctx is what family callbacks get: the call, the project's store (under the emulator lock)
// and the time of the request.
type vctx struct {
	c   *call
	p   *projectStore
	now time.Time
	// marks is scratch space for the actions of one update request (what an earlier action of
	// the same request did, for rules that span actions).
	marks map[string]bool
}

// versionedFamilies indexes the registered families by reference typeId, so that any family can
// resolve references to any other.
var versionedFamilies = map[string]*family{}

// registerFamily adds f to the emulator's routes.
func registerFamily(f *family) {
	if _, dup := versionedFamilies[f.typeID]; dup {
		panic("emulator: family " + f.typeID + " registered twice")
	}
	versionedFamilies[f.typeID] = f
	families = append(families, f.register)
}

func (f *family) register(r *router) {
	if f.routes != nil {
		f.routes(f, r)
		return
	}
	coll := "/{projectKey}/" + f.coll
	view := append(append([]string{}, f.view...), f.manage...)
	r.handle(http.MethodGet, coll, view, f.handleQuery)
	r.handle(http.MethodHead, coll, view, f.handleExists)
	r.handle(http.MethodPost, coll, f.manage, f.handleCreate)
	for _, item := range []string{coll + "/{id}", coll + "/key={key}"} {
		r.handle(http.MethodGet, item, view, f.handleGet)
		r.handle(http.MethodHead, item, view, f.handleGet)
		r.handle(http.MethodPost, item, f.manage, f.handleUpdate)
		r.handle(http.MethodDelete, item, f.manage, f.handleDelete)
	}
}

// find returns the stored resource addressed by the call's {id} or {key}.
func (f *family) find(c *call, p *projectStore) (string, doc, *apiError) {
	if f.locate != nil && p != nil {
		return f.locate(c, p)
	}
	if p == nil {
		return "", nil, f.notFound(c)
	}
	id := c.param("id")
	if key := c.param("key"); key != "" {
		var ok bool
		if id, ok = p.idByKey(f.coll, key); !ok {
			return "", nil, f.notFound(c)
		}
	}
	d, ok := p.doc(f.coll, id)
	if !ok {
		return "", nil, f.notFound(c)
	}
	return id, d, nil
}

func (f *family) notFound(c *call) *apiError {
	if key := c.param("key"); key != "" {
		return newError(http.StatusNotFound, "ResourceNotFound", fmt.Sprintf("The Resource with key '%s' was not found.", key))
	}
	return errNotFound(c.param("id"))
}

// render renders a stored resource for a response; c is nil for out-of-band reads.
func (f *family) renderFor(c *call, d doc) doc {
	if f.onRead != nil {
		return f.onRead(c, d)
	}
	return d
}

func (f *family) render(d doc) doc { return f.renderFor(nil, d) }

func (f *family) handleGet(c *call) {
	var out doc
	var apiErr *apiError
	c.e.view(c.projectKey, func(p *projectStore) {
		var id string
		if id, out, apiErr = f.find(c, p); apiErr == nil {
			c.resourceID = id
			out = f.renderFor(c, out)
		}
	})
	if apiErr != nil {
		if c.r.Method == http.MethodHead {
			c.empty(apiErr.status)
			return
		}
		c.fail(apiErr)
		return
	}
	if c.r.Method == http.MethodHead {
		c.empty(http.StatusOK)
		return
	}
	c.json(http.StatusOK, out)
}

// rows returns the collection's resources in id order.
func (f *family) rows(p *projectStore) []doc {
	if p == nil {
		return nil
	}
	ids := p.ids(f.coll)
	out := make([]doc, 0, len(ids))
	for _, id := range ids {
		if d, ok := p.doc(f.coll, id); ok {
			out = append(out, d)
		}
	}
	return out
}

func (f *family) handleQuery(c *call) {
	q, apiErr := parseQuery(c.r.URL.Query(), f.query, false)
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	var page pagedResponse
	c.e.view(c.projectKey, func(p *projectStore) {
		docs := f.rows(p)
		idx, total := q.apply(docs)
		results := make([]doc, len(idx))
		for i, j := range idx {
			results[i] = f.renderFor(c, docs[j])
		}
		page = q.page(results, len(results), total)
	})
	c.json(http.StatusOK, page)
}

func (f *family) handleExists(c *call) {
	q, apiErr := parseQuery(c.r.URL.Query(), f.query, true)
	if apiErr != nil {
		c.empty(apiErr.status)
		return
	}
	found := false
	c.e.view(c.projectKey, func(p *projectStore) {
		for _, d := range f.rows(p) {
			if q.matches(d) {
				found = true
				return
			}
		}
	})
	if found {
		c.empty(http.StatusOK)
		return
	}
	c.empty(http.StatusNotFound)
}

// by returns the createdBy/lastModifiedBy value of the call's client.
func (c *call) by() doc {
	out := doc{"isPlatformClient": false}
	if c.tok != nil {
		out["clientId"] = c.tok.clientID
	}
	return out
}

func (f *family) handleCreate(c *call) {
	body, apiErr := c.readBody()
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	draft, apiErr := decodeDoc(body)
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	var out doc
	apiErr = c.e.update(c.projectKey, func(p *projectStore) *apiError {
		x := &vctx{c: c, p: p, now: apiTime(c.e.now())}
		if f.maxCount > 0 && len(p.colls[f.coll]) >= f.maxCount {
			return newError(http.StatusBadRequest, "MaxResourceLimitExceeded",
				fmt.Sprintf("You have exceeded the limit of %d resources of type '%s'.", f.maxCount, f.typeID), "exceededResource", f.typeID)
		}
		d, apiErr := f.create(x, draft)
		if apiErr != nil {
			return apiErr
		}
		if key, _ := d["key"].(string); key != "" {
			if _, dup := p.idByKey(f.coll, key); dup {
				return errDuplicateField("key", key)
			}
		} else if f.keyRequired {
			return errInvalidOperation("The key of a %s must not be empty.", f.noun)
		}
		id := newUUID()
		ts := formatTime(x.now)
		d["id"], d["version"] = id, float64(1)
		d["createdAt"], d["lastModifiedAt"] = ts, ts
		d["createdBy"], d["lastModifiedBy"] = c.by(), c.by()
		d = normalize(d)
		if err := p.put(f.coll, id, d); err != nil {
			return errGeneral(err.Error())
		}
		c.resourceID = id
		out = f.renderFor(c, d)
		return nil
	})
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	c.json(http.StatusCreated, out)
}

// requestVersion reads a version number from a decoded body or query parameter.
func requestVersion(v any) (int64, bool) {
	switch n := v.(type) {
	case float64:
		if n == float64(int64(n)) && n >= 0 {
			return int64(n), true
		}
	case string:
		if i, err := strconv.ParseInt(n, 10, 64); err == nil && i >= 0 {
			return i, true
		}
	}
	return 0, false
}

func docVersion(d doc) int64 {
	v, _ := requestVersion(d["version"])
	return v
}

// bumpForFault applies a pending ConcurrentEditNext fault: another user changed the resource.
func (f *family) bumpForFault(c *call, p *projectStore, id string, d doc) doc {
	if !c.e.faults.takeConcurrentEdit(c.r.Method, c.route.pattern) {
		return d
	}
	d = deepCopy(d)
	d["version"] = float64(docVersion(d) + 1)
	d["lastModifiedAt"] = formatTime(c.e.now())
	_ = p.put(f.coll, id, d)
	return d
}

func (f *family) handleUpdate(c *call) {
	body, apiErr := c.readBody()
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	upd, apiErr := decodeDoc(body)
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	version, ok := requestVersion(upd["version"])
	if !ok {
		c.fail(errInvalidJSON("version: a non-negative integer is required"))
		return
	}
	list, ok := upd["actions"].([]any)
	if !ok {
		c.fail(errInvalidJSON("actions: an array of update actions is required"))
		return
	}
	for _, raw := range list {
		if a, ok := raw.(map[string]any); ok {
			name, _ := a["action"].(string)
			c.actions = append(c.actions, name)
		}
	}
	if len(list) > maxUpdateActions {
		c.fail(errInvalidInput("Too many update actions: %d were sent, at most %d are allowed in one request.", len(list), maxUpdateActions))
		return
	}
	var out doc
	apiErr = c.e.update(c.projectKey, func(p *projectStore) *apiError {
		id, cur, apiErr := f.find(c, p)
		if apiErr != nil {
			return apiErr
		}
		c.resourceID = id
		cur = f.bumpForFault(c, p, id, cur)
		if have := docVersion(cur); have != version {
			return errConcurrentModification(id, version, have)
		}
		x := &vctx{c: c, p: p, now: apiTime(c.e.now()), marks: map[string]bool{}}
		next := deepCopy(cur)
		oldKey, _ := cur["key"].(string)
		for i, raw := range list {
			a, ok := raw.(map[string]any)
			if !ok {
				return errInvalidJSON(fmt.Sprintf("actions[%d]: an object is expected", i))
			}
			name, _ := a["action"].(string)
			apply := f.actions[name]
			if apply == nil {
				return errInvalidInput("Invalid action '%s' for a %s (actions[%d]).", name, f.noun, i)
			}
			if apiErr := apply(x, next, a); apiErr != nil {
				return apiErr
			}
		}
		next = normalize(next)
		if newKey, _ := next["key"].(string); newKey != oldKey && newKey != "" {
			if other, dup := p.idByKey(f.coll, newKey); dup && other != id {
				return errDuplicateField("key", newKey)
			}
		}
		if !sameDoc(cur, next) {
			next["version"] = float64(version + 1)
			next["lastModifiedAt"] = formatTime(x.now)
			next["lastModifiedBy"] = c.by()
			if err := p.put(f.coll, id, next); err != nil {
				return errGeneral(err.Error())
			}
			if f.updated != nil {
				f.updated(x, cur, next)
			}
		}
		out = f.renderFor(c, next)
		return nil
	})
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	c.json(http.StatusOK, out)
}

func (f *family) handleDelete(c *call) {
	raw, given := c.r.URL.Query()["version"]
	if !given {
		c.fail(errInvalidInput("Missing required query parameter 'version'."))
		return
	}
	version, ok := requestVersion(raw[0])
	if !ok {
		c.fail(errInvalidInput("Invalid value '%s' for query parameter 'version': a non-negative integer is expected.", raw[0]))
		return
	}
	var out doc
	apiErr := c.e.update(c.projectKey, func(p *projectStore) *apiError {
		id, cur, apiErr := f.find(c, p)
		if apiErr != nil {
			return apiErr
		}
		c.resourceID = id
		cur = f.bumpForFault(c, p, id, cur)
		if have := docVersion(cur); have != version {
			return errConcurrentModification(id, version, have)
		}
		x := &vctx{c: c, p: p, now: apiTime(c.e.now())}
		if by := referrersExcept(p, f.typeID, id); len(by) > 0 {
			return errReferenceExists(f.noun, by)
		}
		if f.deleteCheck != nil {
			if apiErr := f.deleteCheck(x, cur); apiErr != nil {
				return apiErr
			}
		}
		p.remove(f.coll, id)
		out = f.renderFor(c, cur)
		return nil
	})
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	c.json(http.StatusOK, out)
}

// referrersExcept lists the resources (typeId of each) other than typeID/id itself that
// reference typeID/id (a state may list itself among its transitions).
func referrersExcept(p *projectStore, typeID, id string) []string {
	var by []string
	for _, other := range sortedFamilies() {
		if other.refs == nil {
			continue
		}
		if other.references(p, typeID, id) {
			by = append(by, other.typeID)
		}
	}
	return by
}

// references reports whether any resource of f, other than typeID/id itself, references typeID/id.
func (f *family) references(p *projectStore, typeID, id string) bool {
	for _, d := range f.rows(p) {
		if f.typeID == typeID && d["id"] == id {
			continue
		}
		for _, r := range f.refs(d) {
			if r.typeID == typeID && r.id == id {
				return true
			}
		}
	}
	return false
}

// sortedFamilies returns the registered families in a fixed order.
func sortedFamilies() []*family {
	out := make([]*family, 0, len(versionedFamilies))
	for _, k := range sortedKeys(boolSet(versionedFamilies)) {
		out = append(out, versionedFamilies[k])
	}
	return out
}

func boolSet[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

func errReferenceExists(noun string, by []string) *apiError {
	return newError(http.StatusBadRequest, "ReferenceExists",
		fmt.Sprintf("Can not delete a %s while it is referenced by at least one %s.", noun, by[0]), "referencedBy", by[0])
}

func errInvalidOperation(format string, args ...any) *apiError {
	return newError(http.StatusBadRequest, "InvalidOperation", fmt.Sprintf(format, args...))
}

// errReferencedResourceNotFound is the answer for a reference to a resource that does not exist.
func errReferencedResourceNotFound(typeID, id, key string) *apiError {
	what, extra := "ID '"+id+"'", []any{"typeId", typeID}
	if key != "" {
		what, extra = "key '"+key+"'", append(extra, "key", key)
	} else {
		extra = append(extra, "id", id)
	}
	return newError(http.StatusBadRequest, "ReferencedResourceNotFound",
		fmt.Sprintf("The referenced object of type '%s' with %s was not found. It either doesn't exist, or it can't be accessed from this endpoint (e.g., if the endpoint filters by store or customer account).", typeID, what),
		extra...)
}

// resolve looks up a ResourceIdentifier ({typeId?, id} or {typeId?, key}) of the given type and
// returns the stored resource's id. at names the field in messages.
func (x *vctx) resolve(typeID string, ri any, at string) (string, *apiError) {
	id, key, apiErr := readResourceIdentifier(typeID, ri, at)
	if apiErr != nil {
		return "", apiErr
	}
	f := versionedFamilies[typeID]
	if f == nil {
		return "", errGeneral("emulator: no family for references of type " + typeID)
	}
	if key != "" {
		found, ok := x.p.idByKey(f.coll, key)
		if !ok {
			return "", errReferencedResourceNotFound(typeID, "", key)
		}
		return found, nil
	}
	if _, ok := x.p.doc(f.coll, id); !ok {
		return "", errReferencedResourceNotFound(typeID, id, "")
	}
	return id, nil
}

// readResourceIdentifier checks the form of a ResourceIdentifier of the given type and returns
// its id or its key (exactly one of them is not empty).
func readResourceIdentifier(typeID string, ri any, at string) (id, key string, apiErr *apiError) {
	m, ok := ri.(map[string]any)
	if !ok {
		return "", "", errInvalidJSON(at + ": a resource identifier object is expected")
	}
	if t, given := m["typeId"]; given && t != typeID {
		return "", "", errInvalidJSON(fmt.Sprintf("%s.typeId: '%v' is not valid here, '%s' is expected", at, t, typeID))
	}
	id, _ = m["id"].(string)
	key, _ = m["key"].(string)
	if (id == "") == (key == "") {
		return "", "", errInvalidJSON(at + ": exactly one of 'id' and 'key' is required")
	}
	return id, key, nil
}

// lookup returns a stored resource of another family.
func (x *vctx) lookup(typeID, id string) doc {
	f := versionedFamilies[typeID]
	if f == nil {
		return nil
	}
	d, _ := x.p.doc(f.coll, id)
	return d
}

// decodeDoc parses a JSON object into a doc, rejecting trailing data.
func decodeDoc(body []byte) (doc, *apiError) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, errInvalidJSON("the request body is empty; a JSON object is expected")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	var d doc
	if err := dec.Decode(&d); err != nil {
		return nil, errInvalidJSON(jsonErrorDetail(err))
	}
	if d == nil {
		return nil, errInvalidJSON("a JSON object is expected, got null")
	}
	if dec.More() {
		return nil, errInvalidJSON("unexpected data after the JSON object")
	}
	return d, nil
}

// deepCopy copies a JSON-ish value.
func deepCopy[V any](v V) V {
	out, _ := copyValue(any(v)).(V)
	return out
}

func copyValue(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			out[k] = copyValue(e)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = copyValue(e)
		}
		return out
	}
	return v
}

// normalize drops nil values from objects, as the API omits absent optional fields.
func normalize(d doc) doc {
	for k, v := range d {
		switch t := v.(type) {
		case nil:
			delete(d, k)
		case map[string]any:
			normalize(t)
		case []any:
			for _, e := range t {
				if m, ok := e.(map[string]any); ok {
					normalize(m)
				}
			}
		}
	}
	return d
}

// sameValue reports whether two JSON-ish values have the same JSON form.
func sameValue(a, b any) bool { return compactJSON(a) == compactJSON(b) }

// sameDoc reports whether two docs have the same JSON form.
func sameDoc(a, b doc) bool {
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(ja, jb)
}

// Docs returns copies of the resources of a versioned collection ("channels", "types", ...) of a
// project as the API would return them, in id order. No request is counted.
func (e *Emulator) Docs(projectKey, coll string) []map[string]any {
	f := familyByColl(coll)
	e.mu.Lock()
	defer e.mu.Unlock()
	if f == nil {
		return nil
	}
	var out []map[string]any
	for _, d := range f.rows(e.projects[projectKey]) {
		out = append(out, deepCopy(f.render(d)))
	}
	return out
}

// StoredDocs returns copies of the resources of a collection as stored: with the secrets the
// API masks in its responses (for tests that check what was sent).
func (e *Emulator) StoredDocs(projectKey, coll string) []map[string]any {
	f := familyByColl(coll)
	e.mu.Lock()
	defer e.mu.Unlock()
	if f == nil {
		return nil
	}
	var out []map[string]any
	for _, d := range f.rows(e.projects[projectKey]) {
		out = append(out, deepCopy(d))
	}
	return out
}

// Doc returns a copy of one resource by id, as the API would return it.
func (e *Emulator) Doc(projectKey, coll, id string) (map[string]any, bool) {
	f := familyByColl(coll)
	e.mu.Lock()
	defer e.mu.Unlock()
	p := e.projects[projectKey]
	if f == nil || p == nil {
		return nil, false
	}
	d, ok := p.doc(coll, id)
	if !ok {
		return nil, false
	}
	return deepCopy(f.render(d)), true
}

// PutDoc stores a resource as given (a fixture: for example an object dumped from a real
// project). It must have an id and a version; timestamps default to now. The project is created
// if needed. No request is counted.
func (e *Emulator) PutDoc(projectKey, coll string, d map[string]any) error {
	f := familyByColl(coll)
	if f == nil {
		return fmt.Errorf("emulator: %q is not a versioned collection", coll)
	}
	if err := validateProjectKey(projectKey); err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	d = deepCopy(d)
	if coll == projectColl {
		d["id"] = projectKey
	}
	id, _ := d["id"].(string)
	if id == "" || checkPathSegment(id) != nil {
		return fmt.Errorf("emulator: a %s fixture needs an id without '/', '?' or '#'", f.noun)
	}
	// Numbers as the JSON decoder produces them.
	raw, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	var norm doc
	if err := json.Unmarshal(raw, &norm); err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	if docVersion(norm) < 1 {
		return fmt.Errorf("emulator: %s %s needs a version of at least 1", f.noun, id)
	}
	now := formatTime(e.now())
	for _, k := range []string{"createdAt", "lastModifiedAt"} {
		if _, ok := norm[k]; !ok {
			norm[k] = now
		}
	}
	apiErr := e.update(projectKey, func(p *projectStore) *apiError {
		if key, _ := norm["key"].(string); key != "" {
			if other, dup := p.idByKey(coll, key); dup && other != id {
				return errDuplicateField("key", key)
			}
		}
		if err := p.put(coll, id, normalize(norm)); err != nil {
			return errGeneral(err.Error())
		}
		return nil
	})
	if apiErr != nil {
		return fmt.Errorf("emulator: %s", apiErr.message())
	}
	return nil
}

// DeleteDoc removes a resource out of band (another user deleted it) and reports whether it
// existed.
func (e *Emulator) DeleteDoc(projectKey, coll, id string) bool {
	found := false
	_ = e.update(projectKey, func(p *projectStore) *apiError {
		if _, found = p.doc(coll, id); found {
			p.remove(coll, id)
		}
		return nil
	})
	return found
}

// BumpVersion simulates another user's change: the resource's version goes up by one and
// nothing else changes. It reports whether the resource exists.
func (e *Emulator) BumpVersion(projectKey, coll, id string) bool {
	found := false
	_ = e.update(projectKey, func(p *projectStore) *apiError {
		var d doc
		if d, found = p.doc(coll, id); found {
			d = deepCopy(d)
			d["version"] = float64(docVersion(d) + 1)
			d["lastModifiedAt"] = formatTime(e.now())
			_ = p.put(coll, id, d)
		}
		return nil
	})
	return found
}

func familyByColl(coll string) *family {
	for _, f := range versionedFamilies {
		if f.coll == coll {
			return f
		}
	}
	return nil
}

func checkPathSegment(s string) error {
	for _, r := range s {
		if r == '/' || r == '?' || r == '#' {
			return fmt.Errorf("invalid character %q", r)
		}
	}
	return nil
}

// Collections lists the versioned collections that hold resources in a project, sorted: with
// StoredDocs, a dump of everything the project holds (a fixture, a seed).
func (e *Emulator) Collections(projectKey string) []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	p := e.projects[projectKey]
	if p == nil {
		return nil
	}
	var out []string
	for coll, rows := range p.colls {
		if len(rows) > 0 && familyByColl(coll) != nil {
			out = append(out, coll)
		}
	}
	sort.Strings(out)
	return out
}
