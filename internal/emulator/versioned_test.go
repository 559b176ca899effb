package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"testing"
	"time"
)

// These tests decode responses as plain JSON, not with the SDK: the bodies are written from the
// reference's types (types/channel/*.raml, types/type/*.raml), so that a misconception shared by
// the SDK and the provider cannot pass here.

// mustDoc checks the status and decodes a JSON object body.
func mustDoc(t testing.TB, r *response, status int) map[string]any {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d: %s", r.status, status, r.body)
	}
	var d map[string]any
	if err := json.Unmarshal(r.body, &d); err != nil {
		t.Fatalf("decoding %s: %v", r.body, err)
	}
	return d
}

func (h *harness) channels() string { return "/" + h.ts.Project.Key + "/channels" }

func update(version any, actions ...map[string]any) map[string]any {
	l := make([]any, len(actions))
	for i, a := range actions {
		l[i] = a
	}
	return map[string]any{"version": version, "actions": l}
}

// TestVersionedContract exercises what every versioned family shares, on channels.
func TestVersionedContract(t *testing.T) {
	clock := newClock()
	h := newHarness(t, Options{Now: clock.Now})
	tok := h.admin()

	created := mustDoc(t, h.do("POST", h.channels(), tok, map[string]any{"key": "berlin", "name": map[string]any{"en": "Berlin"}}), 201)
	id, _ := created["id"].(string)
	if created["version"] != 1.0 || created["createdAt"] != "2026-03-01T09:15:27.118Z" || created["lastModifiedAt"] != created["createdAt"] {
		t.Fatalf("create: %v", created)
	}
	if by, _ := created["createdBy"].(map[string]any); by["clientId"] != DefaultAdminClientID {
		t.Fatalf("createdBy: %v", created["createdBy"])
	}
	// Defaults from the draft type: roles [InventorySupply].
	if fmt.Sprint(created["roles"]) != "[InventorySupply]" {
		t.Fatalf("default roles: %v", created["roles"])
	}
	// Unique keys.
	_, _ = mustError(t, h.do("POST", h.channels(), tok, map[string]any{"key": "berlin"}), 400, "DuplicateField")

	// By id and by key, GET and HEAD.
	for _, path := range []string{h.channels() + "/" + id, h.channels() + "/key=berlin"} {
		if got := mustDoc(t, h.do("GET", path, tok, nil), 200); got["id"] != id {
			t.Fatalf("GET %s: %v", path, got)
		}
		if r := h.do("HEAD", path, tok, nil); r.status != 200 {
			t.Fatalf("HEAD %s: %d", path, r.status)
		}
	}
	_, _ = mustError(t, h.do("GET", h.channels()+"/key=nope", tok, nil), 404, "ResourceNotFound")
	if r := h.do("HEAD", h.channels()+"/key=nope", tok, nil); r.status != 404 || len(r.body) != 0 {
		t.Fatalf("HEAD missing: %d %q", r.status, r.body)
	}

	// An update bumps the version once per request, whatever the number of actions.
	clock.Advance(time.Second)
	u := mustDoc(t, h.do("POST", h.channels()+"/key=berlin", tok, update(1,
		map[string]any{"action": "changeName", "name": map[string]any{"en": "Berlin Mitte"}},
		map[string]any{"action": "addRoles", "roles": []any{"Primary"}},
	)), 200)
	if u["version"] != 2.0 || u["lastModifiedAt"] == created["lastModifiedAt"] || fmt.Sprint(u["roles"]) != "[InventorySupply Primary]" {
		t.Fatalf("update: %v", u)
	}
	// A stale version: 409 with the current version.
	_, errs := mustError(t, h.do("POST", h.channels()+"/"+id, tok, update(1, map[string]any{"action": "changeKey", "key": "x"})), 409, "ConcurrentModification")
	if errs[0]["currentVersion"] != 2.0 {
		t.Fatalf("409 body: %v", errs)
	}
	// Action lists are atomic: the second action fails, the first is not applied.
	_, _ = mustError(t, h.do("POST", h.channels()+"/"+id, tok, update(2,
		map[string]any{"action": "changeKey", "key": "moved"},
		map[string]any{"action": "removeRoles", "roles": []any{"InventorySupply", "Primary"}},
	)), 400, "InvalidOperation")
	if got := mustDoc(t, h.do("GET", h.channels()+"/"+id, tok, nil), 200); got["key"] != "berlin" || got["version"] != 2.0 {
		t.Fatalf("a failed request changed the resource: %v", got)
	}
	// Unknown actions and more than 500 actions.
	_, _ = mustError(t, h.do("POST", h.channels()+"/"+id, tok, update(2, map[string]any{"action": "fly"})), 400, "InvalidInput")
	many := make([]map[string]any, 501)
	for i := range many {
		many[i] = map[string]any{"action": "changeKey", "key": fmt.Sprintf("k%d", i)}
	}
	_, _ = mustError(t, h.do("POST", h.channels()+"/"+id, tok, update(2, many...)), 400, "InvalidInput")
	_, _ = mustError(t, h.do("POST", h.channels()+"/"+id, tok, map[string]any{"actions": []any{}}), 400, "InvalidJsonInput")
	// 500 actions in one request are fine (the last key wins), and a key may not collide.
	mustDoc(t, h.do("POST", h.channels()+"/"+id, tok, update(2, many[:500]...)), 200)
	mustDoc(t, h.do("POST", h.channels(), tok, map[string]any{"key": "other"}), 201)
	_, _ = mustError(t, h.do("POST", h.channels()+"/"+id, tok, update(3, map[string]any{"action": "changeKey", "key": "other"})), 400, "DuplicateField")

	// Delete needs the right version.
	_, _ = mustError(t, h.do("DELETE", h.channels()+"/"+id, tok, nil), 400, "InvalidInput")
	_, _ = mustError(t, h.do("DELETE", h.channels()+"/"+id+"?version=1", tok, nil), 409, "ConcurrentModification")
	gone := mustDoc(t, h.do("DELETE", h.channels()+"/key=k499?version=3", tok, nil), 200)
	if gone["id"] != id {
		t.Fatalf("delete returned %v", gone)
	}
	_, _ = mustError(t, h.do("GET", h.channels()+"/"+id, tok, nil), 404, "ResourceNotFound")
}

func TestVersionedQueryAndScopes(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	for i := range 7 {
		mustDoc(t, h.do("POST", h.channels(), tok, map[string]any{"key": fmt.Sprintf("c%d", i)}), 201)
	}
	page := mustDoc(t, h.do("GET", h.channels()+"?limit=3&sort=key+desc&where="+urlEscape(`key in ("c1", "c2", "c5", "c6")`), tok, nil), 200)
	res, _ := page["results"].([]any)
	if page["total"] != 4.0 || page["count"] != 3.0 || len(res) != 3 || firstKey(res) != "c6" {
		t.Fatalf("query: %v", page)
	}
	if r := h.do("HEAD", h.channels()+"?where="+urlEscape(`key = "c3"`), tok, nil); r.status != 200 {
		t.Fatalf("HEAD query: %d", r.status)
	}
	// manage_project grants channels; a view scope allows reads only.
	viewer := h.create(tok, map[string]any{"name": "viewer", "scope": "view_channels:" + pk})
	vt := h.token(viewer.ID, *viewer.Secret)
	mustDoc(t, h.do("GET", h.channels()+"/key=c1", vt, nil), 200)
	_ = mustAuthError(t, h.do("POST", h.channels(), vt, map[string]any{"key": "no"}), 403, "insufficient_scope")
	typesOnly := h.create(tok, map[string]any{"name": "types", "scope": "manage_types:" + pk})
	_ = mustAuthError(t, h.do("GET", h.channels(), h.token(typesOnly.ID, *typesOnly.Secret), nil), 403, "insufficient_scope")
}

func TestConcurrentEditFault(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	c := mustDoc(t, h.do("POST", h.channels(), tok, map[string]any{"key": "k"}), 201)
	cid := str(c["id"])
	h.ts.Faults().ConcurrentEditNext(Match{Method: "POST", Route: "/{projectKey}/channels/{id}"}, 1)
	_, errs := mustError(t, h.do("POST", h.channels()+"/"+cid, tok, update(1, map[string]any{"action": "changeKey", "key": "k2"})), 409, "ConcurrentModification")
	if errs[0]["currentVersion"] != 2.0 {
		t.Fatalf("409: %v", errs)
	}
	mustDoc(t, h.do("POST", h.channels()+"/"+cid, tok, update(2, map[string]any{"action": "changeKey", "key": "k2"})), 200)
	if !h.ts.BumpVersion(pk, "channels", cid) {
		t.Fatal("BumpVersion found nothing")
	}
	if d, _ := h.ts.Doc(pk, "channels", cid); d["version"] != 4.0 {
		t.Fatalf("version after bump: %v", d["version"])
	}
}

// TestVersionedPersistence creates channels with persistence on, restarts and reads them back.
// The README's figures come from EMULATOR_PERSIST_N=10000 go test -run TestVersionedPersistence -v.
func TestVersionedPersistence(t *testing.T) {
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("EMULATOR_PERSIST_N")); err == nil && v > 0 {
		n = v
	}
	dir := t.TempDir()
	e1, err := New(Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, hc: http.DefaultClient}
	h.ts = startOn(t, e1)
	tok := h.admin()
	start := time.Now()
	for i := range n {
		if r := h.do("POST", h.channels(), tok, map[string]any{"key": fmt.Sprintf("channel-%05d", i), "name": map[string]any{"en": "Channel"}}); r.status != 201 {
			t.Fatalf("create %d: %d %s", i, r.status, r.body)
		}
	}
	created := time.Since(start)
	if err := e1.Close(); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(dir + "/" + dbFileName)
	start = time.Now()
	e2, err := New(Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	restart := time.Since(start)
	defer e2.Close()
	if got := len(e2.Docs(pk, "channels")); got != n {
		t.Fatalf("%d channels after restart, want %d", got, n)
	}
	t.Logf("persistence: %d creates in %s (%.2f ms each), database %d KiB, restart in %s",
		n, created.Round(time.Millisecond), float64(created.Microseconds())/float64(n)/1000, fi.Size()/1024, restart.Round(time.Millisecond))
}

func urlEscape(s string) string { return url.QueryEscape(s) }

func firstKey(res []any) string {
	m, _ := res[0].(map[string]any)
	return str(m["key"])
}
