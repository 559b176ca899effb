package emulator

import (
	"fmt"
	"testing"
)

// Shipping method stores, written from ShippingMethodDraft.stores and the addStore, removeStore
// and setStores actions of the reference.
func TestShippingMethodStores(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	pk := "/" + h.ts.Project.Key
	for _, k := range []string{"eu", "us"} {
		mustDoc(t, h.do("POST", pk+"/stores", tok, map[string]any{"key": k}), 201)
	}
	tax := mustDoc(t, h.do("POST", pk+"/tax-categories", tok, map[string]any{"name": "Std", "rates": []any{}}), 201)
	m := mustDoc(t, h.do("POST", pk+"/shipping-methods", tok, map[string]any{"name": "Express", "isDefault": false,
		"taxCategory": map[string]any{"typeId": "tax-category", "id": tax["id"]}, "zoneRates": []any{},
		"stores": []any{map[string]any{"typeId": "store", "key": "eu"}}}), 201)
	keys := func(d map[string]any) string {
		var out []any
		for _, s := range listOf(d["stores"]) {
			out = append(out, mapOf(s)["key"])
		}
		return fmt.Sprint(out)
	}
	if keys(m) != "[eu]" {
		t.Fatalf("stores after create: %v", m["stores"])
	}
	update := func(version any, actions ...map[string]any) map[string]any {
		l := make([]any, len(actions))
		for i, a := range actions {
			l[i] = a
		}
		return mustDoc(t, h.do("POST", pk+"/shipping-methods/"+str(m["id"]), tok, map[string]any{"version": version, "actions": l}), 200)
	}
	m = update(m["version"], map[string]any{"action": "addStore", "store": map[string]any{"typeId": "store", "key": "us"}},
		map[string]any{"action": "addStore", "store": map[string]any{"typeId": "store", "key": "us"}})
	if keys(m) != "[eu us]" {
		t.Fatalf("stores after addStore twice: %v", m["stores"])
	}
	m = update(m["version"], map[string]any{"action": "removeStore", "store": map[string]any{"typeId": "store", "key": "eu"}})
	if keys(m) != "[us]" {
		t.Fatalf("stores after removeStore: %v", m["stores"])
	}
	m = update(m["version"], map[string]any{"action": "setStores", "stores": []any{}})
	if keys(m) != "[]" {
		t.Fatalf("stores after setStores []: %v", m["stores"])
	}
	_, _ = mustError(t, h.do("POST", pk+"/shipping-methods/"+str(m["id"]), tok, map[string]any{"version": m["version"], "actions": []any{
		map[string]any{"action": "addStore", "store": map[string]any{"typeId": "store", "key": "nope"}}}}), 400, "ReferencedResourceNotFound")
	// A store a shipping method uses cannot be deleted.
	m = update(m["version"], map[string]any{"action": "setStores", "stores": []any{map[string]any{"typeId": "store", "key": "eu"}}})
	eu := mustDoc(t, h.do("GET", pk+"/stores/key=eu", tok, nil), 200)
	_, _ = mustError(t, h.do("DELETE", pk+"/stores/key=eu?version="+fmt.Sprint(eu["version"]), tok, nil), 400, "ReferenceExists")
}
