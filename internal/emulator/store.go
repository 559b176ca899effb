package emulator

import (
	"encoding/json"
	"sort"
	"time"
)

// projectStore holds the records of one project, grouped in collections
// ("api-clients", later "types", ...). Records are stored as JSON so that
// snapshots are immutable and persistence is generic. All access happens
// under Emulator.mu.
type projectStore struct {
	key   string
	colls map[string]map[string]json.RawMessage
	dirty bool // set by mutations, cleared by a successful save

	deadlines map[string]map[string]time.Time // coll -> id -> deleteAt, built lazily
}

func newProjectStore(key string) *projectStore {
	return &projectStore{key: key, colls: map[string]map[string]json.RawMessage{}}
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
	c := p.colls[coll]
	if c == nil {
		c = map[string]json.RawMessage{}
		p.colls[coll] = c
	}
	c[id] = raw
	p.dirty = true
	p.noteDeadline(coll, id, raw)
	return nil
}

// remove deletes a record; removing a missing record is a no-op.
func (p *projectStore) remove(coll, id string) {
	if _, ok := p.colls[coll][id]; !ok {
		return
	}
	delete(p.colls[coll], id)
	p.dirty = true
	p.noteDeadline(coll, id, nil)
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
// emulator lock and persists the whole state when fn changed anything. A
// persistence failure is returned as a 500 General error; the in-memory
// change is kept, as a real server may have committed before failing.
func (e *Emulator) update(projectKey string, fn func(p *projectStore) *apiError) *apiError {
	e.mu.Lock()
	defer e.mu.Unlock()
	apiErr := fn(e.projectLocked(projectKey, true))
	if err := e.saveLocked(); err != nil {
		return errGeneral("Persisting the change failed: " + err.Error())
	}
	return apiErr
}

// saveLocked writes the state file when persistence is on and something
// changed. The caller holds e.mu.
func (e *Emulator) saveLocked() error {
	dirty := false
	for _, p := range e.projects {
		dirty = dirty || p.dirty
	}
	if e.persist == nil || !dirty {
		for _, p := range e.projects {
			p.dirty = false
		}
		return nil
	}
	if err := e.persist.save(e.projects); err != nil {
		return err
	}
	for _, p := range e.projects {
		p.dirty = false
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
