package emulator

import (
	"fmt"
	"testing"
)

// Bodies written from types/custom-object and resources/custom-objects.raml.
func TestCustomObjects(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	coll := "/" + pk + "/custom-objects"
	o := mustDoc(t, h.do("POST", coll, tok, map[string]any{"container": "config", "key": "checkout",
		"value": map[string]any{"steps": []any{"address", map[string]any{"x": nil}}, "gone": nil, "n": 1}}), 201)
	if o["version"] != float64(1) || fmt.Sprint(o["value"]) != "map[n:1 steps:[address map[]]]" {
		t.Fatalf("create (null fields are not saved): %v", o)
	}
	// The same container and key replace the value (200), one version more; a stale version is a 409.
	r := mustDoc(t, h.do("POST", coll, tok, map[string]any{"container": "config", "key": "checkout", "value": "text", "version": 1}), 200)
	if r["id"] != o["id"] || r["version"] != float64(2) || r["value"] != "text" {
		t.Fatalf("replace: %v", r)
	}
	_, _ = mustError(t, h.do("POST", coll, tok, map[string]any{"container": "config", "key": "checkout", "value": 1, "version": 1}), 409, "ConcurrentModification")
	// Same key in another container: another object.
	mustDoc(t, h.do("POST", coll, tok, map[string]any{"container": "other", "key": "checkout", "value": true}), 201)
	for _, draft := range []map[string]any{
		{"container": "a/b", "key": "k", "value": 1},
		{"container": "c", "key": "", "value": 1},
		{"container": "c", "key": "k"},
		{"container": "c", "key": "k", "value": 1, "extra": 1},
	} {
		if r := h.do("POST", coll, tok, draft); r.status != 400 {
			t.Fatalf("%v: %d %s", draft, r.status, r.body)
		}
	}
	g := mustDoc(t, h.do("GET", coll+"/config/checkout", tok, nil), 200)
	if g["value"] != "text" {
		t.Fatalf("get: %v", g)
	}
	_, _ = mustError(t, h.do("GET", coll+"/config/nope", tok, nil), 404, "ResourceNotFound")
	page := mustDoc(t, h.do("GET", coll+"/config", tok, nil), 200)
	if page["count"] != float64(1) {
		t.Fatalf("container query: %v", page)
	}
	_, _ = mustError(t, h.do("DELETE", coll+"/config/checkout?version=1", tok, nil), 409, "ConcurrentModification")
	mustDoc(t, h.do("DELETE", coll+"/config/checkout?version=2", tok, nil), 200)
	_, _ = mustError(t, h.do("GET", coll+"/config/checkout", tok, nil), 404, "ResourceNotFound")
	// After a delete the container and key are free again.
	if n := mustDoc(t, h.do("POST", coll, tok, map[string]any{"container": "config", "key": "checkout", "value": 2}), 201); n["version"] != float64(1) {
		t.Fatalf("recreate: %v", n)
	}
}
