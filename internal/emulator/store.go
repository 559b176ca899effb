package emulator

import (
	"encoding/json"
	"sort"
	"time"
)

// doc is a resource as JSON-ish Go values (map[string]any with string, float64, bool, nil,
// []any and map[string]any). Versioned families store docs; a stored doc is never changed in
// place (handlers work on a deep copy), so readers can share it.
type doc = map[string]any

// projectStore holds the records of one project, grouped in collections ("api-clients",
// "channels", ...). Records are kept as JSON (the persistent form) and, for versioned families,
// decoded once into docs. All access happens under Emulator.mu.
type projectStore struct {
	key     string
	colls   map[string]map[string]json.RawMessage
	docs    map[string]map[string]doc    // decoded records, filled on first use
	keys    map[string]map[string]string // coll -> key -> id, built on first use
	changed map[string]map[string]bool   // coll -> ids written or removed since the last save

	deadlines map[string]map[string]time.Time // coll -> id -> deleteAt, built lazily
}

func newProjectStore(key string) *projectStore {
	return &projectStore{key: key, colls: map[string]map[string]json.RawMessage{}}
}

func (p *projectStore) markChanged(coll, id string) {
	if p.changed == nil {
		p.changed = map[string]map[string]bool{}
	}
	if p.changed[coll] == nil {
		p.changed[coll] = map[string]bool{}
	}
	p.changed[coll][id] = true
}

// get decodes the record id of collection coll into v.
func (p *projectStore) get(coll, id string, v any) bool {
	raw, ok := p.colls[coll][id]
	if !ok {
		return false
	}
	return json.Unmarshal(raw, v) == nil
}

// put stores v as record id of collection coll.
func (p *projectStore) put(coll, id string, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	d, isDoc := v.(doc)
	key := ""
	if isDoc {
		key, _ = d["key"].(string)
	} else if _, indexed := p.keys[coll]; indexed {
		key = keyOf(raw)
	}
	p.putRaw(coll, id, raw, key)
	if isDoc {
		if p.docs == nil {
			p.docs = map[string]map[string]doc{}
		}
		if p.docs[coll] == nil {
			p.docs[coll] = map[string]doc{}
		}
		p.docs[coll][id] = d
	}
	return nil
}

// putRaw stores a record whose top-level "key" is key ("" for none).
func (p *projectStore) putRaw(coll, id string, raw json.RawMessage, key string) {
	c := p.colls[coll]
	if c == nil {
		c = map[string]json.RawMessage{}
		p.colls[coll] = c
	}
	p.unindexKey(coll, id)
	c[id] = raw
	delete(p.docs[coll], id)
	p.markChanged(coll, id)
	p.noteDeadline(coll, id, raw)
	if idx, ok := p.keys[coll]; ok && key != "" {
		idx[key] = id
	}
}

// remove deletes a record; removing a missing record is a no-op.
func (p *projectStore) remove(coll, id string) {
	if _, ok := p.colls[coll][id]; !ok {
		return
	}
	p.unindexKey(coll, id)
	delete(p.colls[coll], id)
	delete(p.docs[coll], id)
	p.markChanged(coll, id)
	p.noteDeadline(coll, id, nil)
}

// doc returns the decoded record id of coll. The doc must not be modified.
func (p *projectStore) doc(coll, id string) (doc, bool) {
	if d, ok := p.docs[coll][id]; ok {
		return d, true
	}
	raw, ok := p.colls[coll][id]
	if !ok {
		return nil, false
	}
	var d doc
	if json.Unmarshal(raw, &d) != nil {
		return nil, false
	}
	if p.docs == nil {
		p.docs = map[string]map[string]doc{}
	}
	if p.docs[coll] == nil {
		p.docs[coll] = map[string]doc{}
	}
	p.docs[coll][id] = d
	return d, true
}

// idByKey finds the id of the record of coll whose "key" is key.
func (p *projectStore) idByKey(coll, key string) (string, bool) {
	idx := p.keyIndex(coll)
	id, ok := idx[key]
	return id, ok
}

func (p *projectStore) keyIndex(coll string) map[string]string {
	if p.keys == nil {
		p.keys = map[string]map[string]string{}
	}
	idx, ok := p.keys[coll]
	if ok {
		return idx
	}
	idx = map[string]string{}
	for id, raw := range p.colls[coll] {
		if k := keyOf(raw); k != "" {
			idx[k] = id
		}
	}
	p.keys[coll] = idx
	return idx
}

func (p *projectStore) unindexKey(coll, id string) {
	idx, ok := p.keys[coll]
	if !ok {
		return
	}
	k := ""
	if d, ok := p.docs[coll][id]; ok {
		k, _ = d["key"].(string)
	} else {
		k = keyOf(p.colls[coll][id])
	}
	if k != "" && idx[k] == id {
		delete(idx, k)
	}
}

// keyOf reads the top-level "key" of a JSON record ("" when absent).
func keyOf(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var k struct {
		Key string `json:"key"`
	}
	_ = json.Unmarshal(raw, &k)
	return k.Key
}

// ids returns the record ids of a collection in ascending order.
func (p *projectStore) ids(coll string) []string {
	out := make([]string, 0, len(p.colls[coll]))
	for id := range p.colls[coll] {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// view runs fn with the project's store under the emulator lock without
// persisting. fn gets nil when the project does not exist.
func (e *Emulator) view(projectKey string, fn func(p *projectStore)) {
	e.mu.Lock()
	defer e.mu.Unlock()
	fn(e.projects[projectKey])
}

// update runs fn with the project's store (created on demand) under the
// emulator lock and persists what fn changed. A persistence failure is
// returned as a 500 General error; the in-memory change is kept, as a real
// server may have committed before failing.
func (e *Emulator) update(projectKey string, fn func(p *projectStore) *apiError) *apiError {
	e.mu.Lock()
	defer e.mu.Unlock()
	apiErr := fn(e.projectLocked(projectKey, true))
	if err := e.saveLocked(); err != nil {
		return errGeneral("Persisting the change failed: " + err.Error())
	}
	return apiErr
}

// saveLocked writes the records changed since the last save, in one transaction, when
// persistence is on. The caller holds e.mu.
func (e *Emulator) saveLocked() error {
	if e.persist != nil {
		if err := e.persist.save(e.projects); err != nil {
			return err
		}
	}
	for _, p := range e.projects {
		p.changed = nil
	}
	return nil
}

// deadline is the part of a record the expiry sweep looks at: records with
// a "deleteAt" timestamp disappear once it has passed.
type deadline struct {
	DeleteAt *time.Time `json:"deleteAt"`
}

// sweep removes the records of coll whose deleteAt has passed. The deadline index is built on first use and kept up to date
// by put and remove.
func (p *projectStore) sweep(coll string, now time.Time) {
	idx := p.deadlineIndex(coll)
	var gone []string
	for id, t := range idx {
		if !now.Before(t) {
			gone = append(gone, id)
		}
	}
	for _, id := range gone {
		p.remove(coll, id)
	}
}

func (p *projectStore) deadlineIndex(coll string) map[string]time.Time {
	if p.deadlines == nil {
		p.deadlines = map[string]map[string]time.Time{}
	}
	idx, ok := p.deadlines[coll]
	if ok {
		return idx
	}
	idx = map[string]time.Time{}
	for id, raw := range p.colls[coll] {
		var d deadline
		if json.Unmarshal(raw, &d) == nil && d.DeleteAt != nil {
			idx[id] = *d.DeleteAt
		}
	}
	p.deadlines[coll] = idx
	return idx
}

// noteDeadline updates the deadline index after a put or remove.
func (p *projectStore) noteDeadline(coll, id string, raw json.RawMessage) {
	idx, ok := p.deadlines[coll]
	if !ok {
		return // index not built yet; built from the records on first sweep
	}
	delete(idx, id)
	var d deadline
	if raw != nil && json.Unmarshal(raw, &d) == nil && d.DeleteAt != nil {
		idx[id] = *d.DeleteAt
	}
}
