package emulator

import (
	"fmt"
	"testing"
)

// Bodies written from types/store, types/customer-group, types/state and types/product-selection.

func TestStores(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	mustDoc(t, h.do("POST", "/"+pk, tok, update(1, map[string]any{"action": "changeLanguages", "languages": []any{"en", "de"}})), 200)
	web := mustDoc(t, h.do("POST", h.channels(), tok, map[string]any{"key": "web", "roles": []any{"ProductDistribution"}}), 201)
	mustDoc(t, h.do("POST", h.channels(), tok, map[string]any{"key": "wh", "roles": []any{"InventorySupply"}}), 201)
	ps := mustDoc(t, h.do("POST", "/"+pk+"/product-selections", tok, map[string]any{"key": "summer", "name": map[string]any{"en": "Summer"}}), 201)
	if ps["mode"] != "Individual" {
		t.Fatalf("product selection: %v", ps)
	}
	st := mustDoc(t, h.do("POST", "/"+pk+"/stores", tok, map[string]any{
		"key": "de", "name": map[string]any{"en": "DE"}, "languages": []any{"de"}, "countries": []any{map[string]any{"code": "DE"}},
		"distributionChannels": []any{map[string]any{"typeId": "channel", "key": "web"}}, "supplyChannels": []any{map[string]any{"key": "wh"}},
		"productSelections": []any{map[string]any{"productSelection": map[string]any{"key": "summer"}}},
	}), 201)
	if fmt.Sprint(st["distributionChannels"]) != fmt.Sprintf("[map[id:%s typeId:channel]]", web["id"]) || fmt.Sprint(st["productSelections"]) == "" {
		t.Fatalf("store: %v", st)
	}
	// Reference expansion: the store's channels and product selections with their resources.
	expanded := mustDoc(t, h.do("GET", "/"+pk+"/stores/key=de?expand=distributionChannels[*]&expand=supplyChannels[*]&expand=productSelections[*].productSelection&expand=nothing[*]", tok, nil), 200)
	dcs, _ := expanded["distributionChannels"].([]any)
	dc, _ := dcs[0].(map[string]any)
	obj, _ := dc["obj"].(map[string]any)
	pss, _ := expanded["productSelections"].([]any)
	pse, _ := pss[0].(map[string]any)
	psRef, _ := pse["productSelection"].(map[string]any)
	psObj, _ := psRef["obj"].(map[string]any)
	if obj["key"] != "web" || psObj["key"] != "summer" {
		t.Fatalf("expanded store: %v", expanded)
	}
	page := mustDoc(t, h.do("GET", "/"+pk+"/stores?expand=supplyChannels[*]", tok, nil), 200)
	results, _ := page["results"].([]any)
	first, _ := results[0].(map[string]any)
	scs, _ := first["supplyChannels"].([]any)
	sc, _ := scs[0].(map[string]any)
	if scObj, _ := sc["obj"].(map[string]any); scObj["key"] != "wh" {
		t.Fatalf("expanded query: %v", page)
	}
	plain := mustDoc(t, h.do("GET", "/"+pk+"/stores/key=de", tok, nil), 200)
	if fmt.Sprint(plain["distributionChannels"]) != fmt.Sprintf("[map[id:%s typeId:channel]]", web["id"]) {
		t.Fatalf("a store read without expand has an expanded reference: %v", plain)
	}
	sel, _ := st["productSelections"].([]any)
	if first, _ := sel[0].(map[string]any); first["active"] != false {
		t.Fatalf("active defaults to false: %v", sel)
	}
	for _, tc := range []struct {
		draft map[string]any
		code  string
	}{
		{map[string]any{"key": "xx", "languages": []any{"fr"}}, "ProjectNotConfiguredForLanguages"},
		{map[string]any{"key": "xx", "distributionChannels": []any{map[string]any{"key": "wh"}}}, "MissingRoleOnChannel"},
		{map[string]any{"key": "xx", "supplyChannels": []any{map[string]any{"key": "web"}}}, "MissingRoleOnChannel"},
		{map[string]any{"key": "xx", "supplyChannels": []any{map[string]any{"key": "nope"}}}, "ReferencedResourceNotFound"},
		{map[string]any{"key": "xx", "countries": []any{"DE"}}, "InvalidJsonInput"},
		{map[string]any{"key": "de"}, "DuplicateField"},
		{map[string]any{"key": "xx", "storefront": map[string]any{"orderUrlTemplate": "https://x.example/orders"}}, "InvalidInput"},
	} {
		_, _ = mustError(t, h.do("POST", "/"+pk+"/stores", tok, tc.draft), 400, tc.code)
	}
	u := mustDoc(t, h.do("POST", "/"+pk+"/stores/key=de", tok, update(1,
		map[string]any{"action": "addCountry", "country": map[string]any{"code": "AT"}},
		map[string]any{"action": "removeSupplyChannel", "supplyChannel": map[string]any{"key": "wh"}},
		map[string]any{"action": "changeProductSelectionActive", "productSelection": map[string]any{"key": "summer"}, "active": true},
		map[string]any{"action": "setLanguages", "languages": []any{"de", "en"}},
		map[string]any{"action": "setContactUrl", "contactUrl": "https://acme.example/contact"},
	)), 200)
	if fmt.Sprint(u["countries"]) != "[map[code:DE] map[code:AT]]" || fmt.Sprint(u["supplyChannels"]) != "[]" || u["storefront"] == nil {
		t.Fatalf("update: %v", u)
	}
	// The project cannot lose a language a store uses; a channel or selection a store uses cannot go.
	_, _ = mustError(t, h.do("POST", "/"+pk, tok, update(2, map[string]any{"action": "changeLanguages", "languages": []any{"en"}})), 400, "LanguageUsedInStores")
	_, _ = mustError(t, h.do("DELETE", h.channels()+"/key=web?version=1", tok, nil), 400, "ReferenceExists")
	_, _ = mustError(t, h.do("DELETE", "/"+pk+"/product-selections/key=summer?version=1", tok, nil), 400, "ReferenceExists")
	mustDoc(t, h.do("DELETE", "/"+pk+"/stores/key=de?version=2", tok, nil), 200)
	mustDoc(t, h.do("DELETE", h.channels()+"/key=web?version=1", tok, nil), 200)
}

func TestCustomerGroupsAndStates(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	g := mustDoc(t, h.do("POST", "/"+pk+"/customer-groups", tok, map[string]any{"groupName": "B2B", "key": "b2b"}), 201)
	if g["name"] != "B2B" || g["groupName"] != nil {
		t.Fatalf("groupName becomes name: %v", g)
	}
	_, _ = mustError(t, h.do("POST", "/"+pk+"/customer-groups", tok, map[string]any{"groupName": "B2B"}), 400, "DuplicateField")
	mustDoc(t, h.do("POST", "/"+pk+"/customer-groups/key=b2b", tok, update(1, map[string]any{"action": "changeName", "name": "Business"},
		map[string]any{"action": "setKey"})), 200)

	open := mustDoc(t, h.do("POST", "/"+pk+"/states", tok, map[string]any{"key": "open", "type": "OrderState"}), 201)
	if open["initial"] != true || open["builtIn"] != false || open["transitions"] != nil {
		t.Fatalf("state defaults: %v", open)
	}
	mustDoc(t, h.do("POST", "/"+pk+"/states", tok, map[string]any{"key": "done", "type": "OrderState", "initial": false, "transitions": []any{}}), 201)
	mustDoc(t, h.do("POST", "/"+pk+"/states", tok, map[string]any{"key": "paid", "type": "PaymentState"}), 201)
	_, _ = mustError(t, h.do("POST", "/"+pk+"/states", tok, map[string]any{"key": "", "type": "OrderState"}), 400, "InvalidOperation")
	_, _ = mustError(t, h.do("POST", "/"+pk+"/states", tok, map[string]any{"key": "r", "type": "OrderState", "roles": []any{"Return"}}), 400, "InvalidOperation")
	path := "/" + pk + "/states/key=open"
	for _, a := range []map[string]any{
		{"action": "changeInitial", "initial": true},
		{"action": "changeType", "type": "OrderState"},
		{"action": "changeKey", "key": "open"},
		{"action": "setName", "name": map[string]any{}},
		{"action": "setTransitions"},
		{"action": "setTransitions", "transitions": []any{map[string]any{"key": "paid"}}},
	} {
		_, _ = mustError(t, h.do("POST", path, tok, update(1, a)), 400, "InvalidOperation")
	}
	u := mustDoc(t, h.do("POST", path, tok, update(1,
		map[string]any{"action": "setName", "name": map[string]any{"en": "Open"}},
		map[string]any{"action": "setTransitions", "transitions": []any{map[string]any{"typeId": "state", "key": "done"}, map[string]any{"key": "open"}}},
	)), 200)
	if l, _ := u["transitions"].([]any); len(l) != 2 {
		t.Fatalf("transitions: %v", u)
	}
	_, _ = mustError(t, h.do("DELETE", "/"+pk+"/states/key=done?version=1", tok, nil), 400, "ReferenceExists")
	// A state may name itself; it can still be deleted.
	mustDoc(t, h.do("POST", path, tok, update(2, map[string]any{"action": "setTransitions", "transitions": []any{map[string]any{"key": "open"}}})), 200)
	mustDoc(t, h.do("DELETE", path+"?version=3", tok, nil), 200)
	mustDoc(t, h.do("DELETE", "/"+pk+"/states/key=done?version=1", tok, nil), 200)
}
