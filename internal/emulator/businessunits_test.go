package emulator

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// Bodies written from types/business-unit (CompanyDraft, DivisionDraft, the update actions) and
// types/customer, not from what the provider sends.

func buPath(h *harness) string { return "/" + h.ts.Project.Key + "/business-units" }

// buAt walks a decoded JSON value: string steps are object keys, int steps list indexes.
func buAt(v any, steps ...any) any {
	for _, s := range steps {
		switch k := s.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k < 0 || k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

// buLen is the length of a list inside v (-1 when it is not a list).
func buLen(v any, steps ...any) int {
	l, ok := buAt(v, steps...).([]any)
	if !ok {
		return -1
	}
	return len(l)
}

// buJSON is the compact JSON of a part of v (map keys sorted).
func buJSON(v any, steps ...any) string {
	b, err := json.Marshal(buAt(v, steps...))
	if err != nil {
		return err.Error()
	}
	return string(b)
}

func buWant(t *testing.T, d map[string]any, want string, steps ...any) {
	t.Helper()
	if got := buJSON(d, steps...); got != want {
		t.Fatalf("%v: got %s, want %s\nin %s", steps, got, want, compactJSON(d))
	}
}

func buAbsent(t *testing.T, d map[string]any, fields ...string) {
	t.Helper()
	for _, k := range fields {
		if _, ok := d[k]; ok {
			t.Fatalf("%s should be absent: %s", k, compactJSON(d))
		}
	}
}

// buFixtures creates stores s1..s3, customer groups g1 and g2, a business-unit Type and an
// address Type, customers alice, bob and carol and the associate roles admin and buyer.
func buFixtures(t *testing.T, h *harness, tok string) map[string]string {
	t.Helper()
	if versionedFamilies["associate-role"] == nil {
		t.Skip("the associate-roles family is not registered")
	}
	ids := map[string]string{}
	for _, k := range []string{"s1", "s2", "s3"} {
		ids[k], _ = mustDoc(t, h.do("POST", "/"+pk+"/stores", tok, map[string]any{"key": k}), 201)["id"].(string)
	}
	for _, k := range []string{"g1", "g2"} {
		ids[k], _ = mustDoc(t, h.do("POST", "/"+pk+"/customer-groups", tok, map[string]any{"key": k, "groupName": k}), 201)["id"].(string)
	}
	for key, rt := range map[string]string{"bu-fields": "business-unit", "addr-fields": "address"} {
		mustDoc(t, h.do("POST", h.typesPath(), tok, map[string]any{"key": key, "name": map[string]any{"en": key}, "resourceTypeIds": []any{rt},
			"fieldDefinitions": []any{map[string]any{"name": "tier", "label": map[string]any{"en": "Tier"}, "required": false, "type": map[string]any{"name": "String"}}}}), 201)
	}
	for _, k := range []string{"alice", "bob", "carol"} {
		r := mustDoc(t, h.do("POST", "/"+pk+"/customers", tok, map[string]any{"key": k, "email": k + "@example.com", "password": "secret"}), 201)
		ids[k], _ = buAt(r, "customer", "id").(string)
	}
	for _, k := range []string{"admin", "buyer"} {
		mustDoc(t, h.do("POST", "/"+pk+"/associate-roles", tok, map[string]any{"key": k, "permissions": []any{"ViewMyCarts"}}), 201)
	}
	return ids
}

func buAssociate(customerKey string, roles ...string) map[string]any {
	l := []any{}
	for _, r := range roles {
		role, inheritance, _ := strings.Cut(r, ":")
		ra := map[string]any{"associateRole": map[string]any{"typeId": "associate-role", "key": role}}
		if inheritance != "" {
			ra["inheritance"] = inheritance
		}
		l = append(l, ra)
	}
	return map[string]any{"customer": map[string]any{"typeId": "customer", "key": customerKey}, "associateRoleAssignments": l}
}

func buCompany(key string, extra map[string]any) map[string]any {
	d := map[string]any{"unitType": "Company", "key": key, "name": strings.ToUpper(key)}
	for k, v := range extra {
		d[k] = v
	}
	return d
}

func buDivision(key, parent string, extra map[string]any) map[string]any {
	d := buCompany(key, extra)
	d["unitType"] = "Division"
	d["parentUnit"] = map[string]any{"typeId": "business-unit", "key": parent}
	return d
}

// buStores is the JSON of StoreKeyReferences.
func buStores(keys ...string) string {
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf(`{"key":%q,"typeId":"store"}`, k))
	}
	return "[" + strings.Join(parts, ",") + "]"
}

func TestBusinessUnitCreateEveryField(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	ids := buFixtures(t, h, tok)

	// Defaults of a Company and of a Division.
	minCo := mustDoc(t, h.do("POST", buPath(h), tok, buCompany("min", nil)), 201)
	for k, v := range map[string]string{"status": `"Active"`, "storeMode": `"Explicit"`, "associateMode": `"Explicit"`, "approvalRuleMode": `"Explicit"`,
		"stores": "[]", "associates": "[]", "addresses": "[]", "shippingAddressIds": "[]", "billingAddressIds": "[]",
		"topLevelUnit": `{"key":"min","typeId":"business-unit"}`, "version": "1"} {
		buWant(t, minCo, v, k)
	}
	buAbsent(t, minCo, "parentUnit", "inheritedStores", "inheritedAssociates", "customerGroupAssignments", "contactEmail", "custom")
	minDiv := mustDoc(t, h.do("POST", buPath(h), tok, buDivision("min-div", "min", nil)), 201)
	for k, v := range map[string]string{"storeMode": `"FromParent"`, "associateMode": `"ExplicitAndFromParent"`, "approvalRuleMode": `"ExplicitAndFromParent"`,
		"inheritedStores": "[]", "inheritedAssociates": "[]", "parentUnit": `{"key":"min","typeId":"business-unit"}`,
		"topLevelUnit": `{"key":"min","typeId":"business-unit"}`} {
		buWant(t, minDiv, v, k)
	}
	buAbsent(t, minDiv, "stores")

	// A Company with every field of CompanyDraft.
	co := mustDoc(t, h.do("POST", buPath(h), tok, map[string]any{
		"unitType": "Company", "key": "acme", "name": "ACME", "contactEmail": "b2b@acme.example", "status": "Inactive",
		"stores":    []any{map[string]any{"typeId": "store", "key": "s1"}, map[string]any{"id": ids["s2"]}, map[string]any{"key": "s1"}},
		"storeMode": "Explicit", "associateMode": "Explicit", "approvalRuleMode": "Explicit",
		"associates": []any{buAssociate("alice", "admin:Enabled", "buyer"), map[string]any{
			"customer": map[string]any{"id": ids["bob"]}, "associateRoleAssignments": []any{map[string]any{"associateRole": map[string]any{"key": "buyer"}, "inheritance": "Disabled"}},
		}},
		"addresses": []any{
			map[string]any{"key": "hq", "country": "DE", "city": "Berlin", "custom": map[string]any{"type": map[string]any{"key": "addr-fields"}, "fields": map[string]any{"tier": "A"}}},
			map[string]any{"key": "billing", "country": "AT", "streetName": "Ring"},
		},
		"shippingAddresses": []any{0}, "billingAddresses": []any{1, 1}, "defaultShippingAddress": 0, "defaultBillingAddress": 1,
		"custom":                   map[string]any{"type": map[string]any{"typeId": "type", "key": "bu-fields"}, "fields": map[string]any{"tier": "gold"}},
		"customerGroupAssignments": []any{map[string]any{"customerGroup": map[string]any{"key": "g1"}}},
	}), 201)
	buWant(t, co, buStores("s1", "s2"), "stores")
	buWant(t, co, `"Inactive"`, "status")
	buWant(t, co, `"b2b@acme.example"`, "contactEmail")
	buWant(t, co, `{"key":"acme","typeId":"business-unit"}`, "topLevelUnit")
	buWant(t, co, fmt.Sprintf(`[{"associateRoleAssignments":[{"associateRole":{"key":"admin","typeId":"associate-role"},"inheritance":"Enabled"},`+
		`{"associateRole":{"key":"buyer","typeId":"associate-role"},"inheritance":"Disabled"}],"customer":{"id":%q,"typeId":"customer"}},`+
		`{"associateRoleAssignments":[{"associateRole":{"key":"buyer","typeId":"associate-role"},"inheritance":"Disabled"}],"customer":{"id":%q,"typeId":"customer"}}]`,
		ids["alice"], ids["bob"]), "associates")
	hq, _ := buAt(co, "addresses", 0, "id").(string)
	bill, _ := buAt(co, "addresses", 1, "id").(string)
	if hq == "" || bill == "" || hq == bill {
		t.Fatalf("address ids: %s", buJSON(co, "addresses"))
	}
	buWant(t, co, fmt.Sprintf("[%q]", hq), "shippingAddressIds")
	buWant(t, co, fmt.Sprintf("[%q]", bill), "billingAddressIds")
	buWant(t, co, fmt.Sprintf("%q", hq), "defaultShippingAddressId")
	buWant(t, co, fmt.Sprintf("%q", bill), "defaultBillingAddressId")
	buWant(t, co, `"A"`, "addresses", 0, "custom", "fields", "tier")
	buWant(t, co, `"type"`, "addresses", 0, "custom", "type", "typeId")
	buWant(t, co, `"gold"`, "custom", "fields", "tier")
	buWant(t, co, fmt.Sprintf(`[{"customerGroup":{"id":%q,"typeId":"customer-group"}}]`, ids["g1"]), "customerGroupAssignments")
	buAbsent(t, co, "inheritedStores", "inheritedAssociates", "parentUnit")

	// A Division with every field of DivisionDraft, its parent by id.
	div := mustDoc(t, h.do("POST", buPath(h), tok, map[string]any{
		"unitType": "Division", "key": "acme-east", "name": "ACME East", "contactEmail": "east@acme.example",
		"parentUnit": map[string]any{"typeId": "business-unit", "id": co["id"]},
		"storeMode":  "Explicit", "stores": []any{map[string]any{"key": "s3"}}, "associateMode": "Explicit", "approvalRuleMode": "Explicit",
		"associates": []any{buAssociate("carol", "admin")},
		"addresses":  []any{map[string]any{"country": "FR"}}, "defaultBillingAddress": 0,
		"custom":                   map[string]any{"type": map[string]any{"key": "bu-fields"}},
		"customerGroupAssignments": []any{},
	}), 201)
	buWant(t, div, buStores("s3"), "stores")
	buWant(t, div, `{"key":"acme","typeId":"business-unit"}`, "parentUnit")
	buWant(t, div, `{"key":"acme","typeId":"business-unit"}`, "topLevelUnit")
	buWant(t, div, "[]", "customerGroupAssignments")
	buWant(t, div, "[]", "shippingAddressIds")
	if id := buAt(div, "addresses", 0, "id"); buJSON(div, "billingAddressIds") != compactJSON([]any{id}) || div["defaultBillingAddressId"] != id {
		t.Fatalf("the default billing address is a billing address: %s", compactJSON(div))
	}
	buAbsent(t, div, "inheritedStores", "inheritedAssociates")

	// GET by id and by key, query and HEAD.
	got := mustDoc(t, h.do("GET", buPath(h)+"/key=acme-east", tok, nil), 200)
	if compactJSON(got) != compactJSON(div) {
		t.Fatalf("GET differs from the create answer:\n%s\n%s", compactJSON(got), compactJSON(div))
	}
	q := mustDoc(t, h.do("GET", buPath(h)+"?where=unitType%3D%22Division%22", tok, nil), 200)
	if q["total"] != 2.0 {
		t.Fatalf("query: %s", compactJSON(q))
	}
	if r := h.do("HEAD", buPath(h)+"/key=acme", tok, nil); r.status != 200 {
		t.Fatalf("HEAD: %d", r.status)
	}
	// The stored store references keep the id; responses do not.
	for _, d := range h.ts.StoredDocs(pk, "business-units") {
		if d["key"] == "acme" && buAt(d, "stores", 0, "id") != ids["s1"] {
			t.Fatalf("stored stores: %v", d["stores"])
		}
	}
}

func TestBusinessUnitRefusals(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	buFixtures(t, h, tok)
	mustDoc(t, h.do("POST", buPath(h), tok, buCompany("co", map[string]any{"stores": []any{map[string]any{"key": "s1"}}})), 201)
	mustDoc(t, h.do("POST", buPath(h), tok, buDivision("d1", "co", nil)), 201)
	mustDoc(t, h.do("POST", buPath(h), tok, buDivision("d2", "d1", nil)), 201)
	for _, tc := range []struct {
		name  string
		draft map[string]any
		code  string
		want  string
	}{
		{"company with parent", buCompany("xx", map[string]any{"parentUnit": map[string]any{"key": "co"}}), "InvalidInput", "must not have a parentUnit"},
		{"company from parent", buCompany("xx", map[string]any{"storeMode": "FromParent"}), "InvalidInput", "always Explicit"},
		{"company inheriting associates", buCompany("xx", map[string]any{"associateMode": "ExplicitAndFromParent"}), "InvalidInput", "always Explicit"},
		{"stores with FromParent", buDivision("xx", "co", map[string]any{"stores": []any{map[string]any{"key": "s1"}}}), "InvalidInput", "storeMode is Explicit"},
		{"division without parent", map[string]any{"unitType": "Division", "key": "xx", "name": "X"}, "InvalidJsonInput", "parentUnit: Missing required value"},
		{"missing parent", buDivision("xx", "nope", nil), "ReferencedResourceNotFound", "key 'nope'"},
		{"no unit type", map[string]any{"key": "xx", "name": "X"}, "InvalidJsonInput", "unitType"},
		{"duplicate key", buCompany("co", nil), "DuplicateField", "'co'"},
		{"missing customer", buCompany("xx", map[string]any{"associates": []any{buAssociate("nobody", "admin")}}), "ReferencedResourceNotFound", "key 'nobody'"},
		{"missing role", buCompany("xx", map[string]any{"associates": []any{buAssociate("alice", "owner")}}), "ReferencedResourceNotFound", "key 'owner'"},
		{"no role", buCompany("xx", map[string]any{"associates": []any{buAssociate("alice")}}), "InvalidJsonInput", "between 1 and 5"},
		{"customer twice", buCompany("xx", map[string]any{"associates": []any{buAssociate("alice", "admin"), buAssociate("alice", "buyer")}}), "InvalidInput", "more than once"},
		{"role twice", buCompany("xx", map[string]any{"associates": []any{buAssociate("alice", "admin", "admin:Enabled")}}), "InvalidInput", "more than once"},
		{"address index", buCompany("xx", map[string]any{"addresses": []any{map[string]any{"country": "DE"}}, "shippingAddresses": []any{1}}), "InvalidInput", "index"},
		{"address keys", buCompany("xx", map[string]any{"addresses": []any{map[string]any{"key": "aa", "country": "DE"}, map[string]any{"key": "aa", "country": "DE"}}}), "DuplicateField", "addresses.key"},
		{"missing store", buCompany("xx", map[string]any{"stores": []any{map[string]any{"key": "nope"}}}), "ReferencedResourceNotFound", "key 'nope'"},
		{"missing group", buCompany("xx", map[string]any{"customerGroupAssignments": []any{map[string]any{"customerGroup": map[string]any{"key": "nope"}}}}), "ReferencedResourceNotFound", "key 'nope'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := mustError(t, h.do("POST", buPath(h), tok, tc.draft), 400, tc.code)
			if s := fmt.Sprint(errs); !strings.Contains(s, tc.want) {
				t.Fatalf("%s does not say %q", s, tc.want)
			}
		})
	}

	for _, tc := range []struct {
		name, unit string
		action     map[string]any
		code, want string
	}{
		{"own descendant", "d1", map[string]any{"action": "changeParentUnit", "parentUnit": map[string]any{"key": "d2"}}, "InvalidOperation", "descendants"},
		{"itself", "d1", map[string]any{"action": "changeParentUnit", "parentUnit": map[string]any{"key": "d1"}}, "InvalidOperation", "own parent"},
		{"company parent", "co", map[string]any{"action": "changeParentUnit", "parentUnit": map[string]any{"key": "d1"}}, "InvalidOperation", "setUnitType"},
		{"no setKey", "d1", map[string]any{"action": "setKey", "key": "other"}, "InvalidInput", "Invalid action"},
		{"setStores FromParent", "d1", map[string]any{"action": "setStores", "stores": []any{}}, "InvalidOperation", "Explicit"},
		{"addStore FromParent", "d1", map[string]any{"action": "addStore", "store": map[string]any{"key": "s1"}}, "InvalidOperation", "Explicit"},
		{"company FromParent", "co", map[string]any{"action": "setStoreMode", "storeMode": "FromParent"}, "InvalidOperation", "Division"},
		{"FromParent with stores", "d1", map[string]any{"action": "setStoreMode", "storeMode": "FromParent", "stores": []any{map[string]any{"key": "s1"}}}, "InvalidInput", "Explicit"},
		{"company associate mode", "co", map[string]any{"action": "changeAssociateMode", "associateMode": "ExplicitAndFromParent"}, "InvalidOperation", "Division"},
		{"company approval mode", "co", map[string]any{"action": "changeApprovalRuleMode", "approvalRuleMode": "ExplicitAndFromParent"}, "InvalidOperation", "Division"},
		{"status", "co", map[string]any{"action": "changeStatus", "status": "Closed"}, "InvalidInput", "Active or Inactive"},
		{"to company", "d1", map[string]any{"action": "setUnitType", "unitType": "Company"}, "InvalidOperation", "Explicit"},
		{"to division without parent", "co", map[string]any{"action": "setUnitType", "unitType": "Division"}, "InvalidInput", "requires a parentUnit"},
		{"company below its division", "co", map[string]any{"action": "setUnitType", "unitType": "Division", "parentUnit": map[string]any{"key": "d2"}}, "InvalidOperation", "descendants"},
		{"remove non-associate", "co", map[string]any{"action": "removeAssociate", "customer": map[string]any{"key": "bob"}}, "InvalidOperation", "not an Associate"},
		{"change non-associate", "co", map[string]any{"action": "changeAssociate", "associate": buAssociate("bob", "admin")}, "InvalidOperation", "not an Associate"},
		{"unknown address", "co", map[string]any{"action": "removeAddress", "addressKey": "nope"}, "InvalidOperation", "no address with key 'nope'"},
		{"address id and key", "co", map[string]any{"action": "removeAddress", "addressKey": "aa", "addressId": "bb"}, "InvalidJsonInput", "exactly one"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := mustError(t, h.do("POST", buPath(h)+"/key="+tc.unit, tok, update(1, tc.action)), 400, tc.code)
			if s := fmt.Sprint(errs); !strings.Contains(s, tc.want) {
				t.Fatalf("%s does not say %q", s, tc.want)
			}
		})
	}

	// Five levels at most.
	mustDoc(t, h.do("POST", buPath(h), tok, buDivision("d3", "d2", nil)), 201)
	mustDoc(t, h.do("POST", buPath(h), tok, buDivision("d4", "d3", nil)), 201)
	_, _ = mustError(t, h.do("POST", buPath(h), tok, buDivision("d5", "d4", nil)), 400, "InvalidOperation")
	mustDoc(t, h.do("POST", buPath(h), tok, buDivision("d5", "d1", nil)), 201)
	_, _ = mustError(t, h.do("POST", buPath(h)+"/key=d5", tok, update(1, map[string]any{"action": "changeParentUnit", "parentUnit": map[string]any{"key": "d4"}})), 400, "InvalidOperation")
	// A unit with children cannot be deleted; the message names them.
	_, errs := mustError(t, h.do("DELETE", buPath(h)+"/key=d1?version=1", tok, nil), 400, "ReferenceExists")
	if s := fmt.Sprint(errs); !strings.Contains(s, "'d2', 'd5'") || !strings.Contains(s, "referencedBy:business-unit") {
		t.Fatalf("children not named: %s", s)
	}
	// Stores, customers and roles that a unit uses cannot be deleted.
	_, _ = mustError(t, h.do("DELETE", "/"+pk+"/stores/key=s1?version=1", tok, nil), 400, "ReferenceExists")
	mustDoc(t, h.do("POST", buPath(h)+"/key=co", tok, update(1, map[string]any{"action": "addAssociate", "associate": buAssociate("bob", "buyer")})), 200)
	_, _ = mustError(t, h.do("DELETE", "/"+pk+"/customers/key=bob?version=1", tok, nil), 400, "ReferenceExists")
	_, _ = mustError(t, h.do("DELETE", "/"+pk+"/associate-roles/key=buyer?version=1", tok, nil), 400, "ReferenceExists")
	_, _ = mustError(t, h.do("POST", buPath(h)+"/key=co", tok, update(2, map[string]any{"action": "addAssociate", "associate": buAssociate("bob", "admin")})), 400, "InvalidOperation")
	// Leaves can go, then their parents.
	for _, k := range []string{"d5", "d4", "d3", "d2", "d1"} {
		mustDoc(t, h.do("DELETE", buPath(h)+"/key="+k+"?version=1", tok, nil), 200)
	}
	mustDoc(t, h.do("DELETE", buPath(h)+"/key=co?version=2", tok, nil), 200)
	mustDoc(t, h.do("DELETE", "/"+pk+"/customers/key=bob?version=1", tok, nil), 200)
}

func TestBusinessUnitInheritance(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	ids := buFixtures(t, h, tok)
	mustDoc(t, h.do("POST", buPath(h), tok, buCompany("co", map[string]any{
		"stores":     []any{map[string]any{"key": "s1"}},
		"associates": []any{buAssociate("alice", "admin:Enabled", "buyer")},
	})), 201)
	d1 := mustDoc(t, h.do("POST", buPath(h), tok, buDivision("d1", "co", map[string]any{
		"associates": []any{buAssociate("bob", "buyer:Enabled"), buAssociate("alice", "buyer:Enabled")},
	})), 201)
	buWant(t, d1, buStores("s1"), "inheritedStores")
	buWant(t, d1, fmt.Sprintf(`[{"associateRoleAssignments":[{"associateRole":{"key":"admin","typeId":"associate-role"},"source":{"key":"co","typeId":"business-unit"}}],"customer":{"id":%q,"typeId":"customer"}}]`, ids["alice"]),
		"inheritedAssociates")
	// Two levels: d2 inherits the company's stores through d1 (which has none of its own) and the
	// Enabled assignments of d1 and, as d1 inherits, of the company; nearest first.
	d2 := mustDoc(t, h.do("POST", buPath(h), tok, buDivision("d2", "d1", nil)), 201)
	buWant(t, d2, buStores("s1"), "inheritedStores")
	buWant(t, d2, `{"key":"co","typeId":"business-unit"}`, "topLevelUnit")
	buWant(t, d2, fmt.Sprintf(`[{"associateRoleAssignments":[{"associateRole":{"key":"buyer","typeId":"associate-role"},"source":{"key":"d1","typeId":"business-unit"}}],"customer":{"id":%q,"typeId":"customer"}},`+
		`{"associateRoleAssignments":[{"associateRole":{"key":"buyer","typeId":"associate-role"},"source":{"key":"d1","typeId":"business-unit"}},{"associateRole":{"key":"admin","typeId":"associate-role"},"source":{"key":"co","typeId":"business-unit"}}],"customer":{"id":%q,"typeId":"customer"}}]`,
		ids["bob"], ids["alice"]), "inheritedAssociates")

	// The company's stores change: d1 and d2 follow without a new version.
	mustDoc(t, h.do("POST", buPath(h)+"/key=co", tok, update(1, map[string]any{"action": "addStore", "store": map[string]any{"key": "s2"}})), 200)
	d2 = mustDoc(t, h.do("GET", buPath(h)+"/key=d2", tok, nil), 200)
	buWant(t, d2, buStores("s1", "s2"), "inheritedStores")
	buWant(t, d2, "1", "version")
	// d1 stops inheriting associates: d2 keeps d1's own Enabled ones only.
	d1 = mustDoc(t, h.do("POST", buPath(h)+"/key=d1", tok, update(1, map[string]any{"action": "changeAssociateMode", "associateMode": "Explicit"})), 200)
	buAbsent(t, d1, "inheritedAssociates")
	d2 = mustDoc(t, h.do("GET", buPath(h)+"/key=d2", tok, nil), 200)
	if n := buLen(d2, "inheritedAssociates"); n != 2 || strings.Contains(buJSON(d2, "inheritedAssociates"), `"co"`) {
		t.Fatalf("d2 inherits through d1 only: %s", buJSON(d2, "inheritedAssociates"))
	}
	// Back to inheriting, making the inherited assignments explicit on the way to Explicit.
	mustDoc(t, h.do("POST", buPath(h)+"/key=d1", tok, update(2, map[string]any{"action": "changeAssociateMode", "associateMode": "ExplicitAndFromParent"})), 200)
	d1 = mustDoc(t, h.do("POST", buPath(h)+"/key=d1", tok, update(3, map[string]any{"action": "changeAssociateMode", "associateMode": "Explicit", "makeInheritedAssociatesExplicit": true})), 200)
	buWant(t, d1, `[{"associateRole":{"key":"buyer","typeId":"associate-role"},"inheritance":"Enabled"},{"associateRole":{"key":"admin","typeId":"associate-role"},"inheritance":"Enabled"}]`,
		"associates", 1, "associateRoleAssignments")

	// d1 gets its own stores: d2 inherits those.
	mustDoc(t, h.do("POST", buPath(h)+"/key=d1", tok, update(4, map[string]any{"action": "setStoreMode", "storeMode": "Explicit", "stores": []any{map[string]any{"key": "s3"}}})), 200)
	buWant(t, mustDoc(t, h.do("GET", buPath(h)+"/key=d2", tok, nil), 200), buStores("s3"), "inheritedStores")
	mustDoc(t, h.do("POST", buPath(h)+"/key=d1", tok, update(5, map[string]any{"action": "setStoreMode", "storeMode": "FromParent"})), 200)
	buWant(t, mustDoc(t, h.do("GET", buPath(h)+"/key=d2", tok, nil), 200), buStores("s1", "s2"), "inheritedStores")

	// changeParentUnit: the new parent must have the same stores as the old one.
	mustDoc(t, h.do("POST", buPath(h), tok, buCompany("other", map[string]any{"stores": []any{map[string]any{"key": "s1"}}})), 201)
	_, errs := mustError(t, h.do("POST", buPath(h)+"/key=d1", tok, update(6, map[string]any{"action": "changeParentUnit", "parentUnit": map[string]any{"key": "other"}})), 400, "InvalidOperation")
	if !strings.Contains(fmt.Sprint(errs), "same Stores") {
		t.Fatalf("stores rule: %v", errs)
	}
	mustDoc(t, h.do("POST", buPath(h)+"/key=other", tok, update(1,
		map[string]any{"action": "addStore", "store": map[string]any{"key": "s2"}},
		map[string]any{"action": "addAssociate", "associate": buAssociate("carol", "admin:Enabled")})), 200)
	d1 = mustDoc(t, h.do("POST", buPath(h)+"/key=d1", tok, update(6, map[string]any{"action": "changeParentUnit", "parentUnit": map[string]any{"typeId": "business-unit", "key": "other"}})), 200)
	buWant(t, d1, `{"key":"other","typeId":"business-unit"}`, "parentUnit")
	buWant(t, d1, `{"key":"other","typeId":"business-unit"}`, "topLevelUnit")
	// The whole subtree follows: d2's top-level unit and its inherited associates come from "other".
	d2 = mustDoc(t, h.do("GET", buPath(h)+"/key=d2", tok, nil), 200)
	buWant(t, d2, `{"key":"other","typeId":"business-unit"}`, "topLevelUnit")
	buWant(t, d2, buStores("s1", "s2"), "inheritedStores")
	if s := buJSON(d2, "inheritedAssociates"); strings.Contains(s, `"co"`) || strings.Contains(s, `"other"`) {
		t.Fatalf("d1 is Explicit, so d2 inherits d1's own assignments only: %s", s)
	}
	mustDoc(t, h.do("POST", buPath(h)+"/key=d1", tok, update(7, map[string]any{"action": "changeAssociateMode", "associateMode": "ExplicitAndFromParent"})), 200)
	d2 = mustDoc(t, h.do("GET", buPath(h)+"/key=d2", tok, nil), 200)
	if s := buJSON(d2, "inheritedAssociates"); !strings.Contains(s, ids["carol"]) || !strings.Contains(s, `"source":{"key":"other"`) {
		t.Fatalf("carol is inherited from other: %s", s)
	}
	buWant(t, d2, "1", "version")

	// setUnitType: a Division with Explicit modes becomes a Company and back.
	d1 = mustDoc(t, h.do("POST", buPath(h)+"/key=d1", tok, update(8,
		map[string]any{"action": "setStoreMode", "storeMode": "Explicit"},
		map[string]any{"action": "changeAssociateMode", "associateMode": "Explicit"},
		map[string]any{"action": "changeApprovalRuleMode", "approvalRuleMode": "Explicit"},
		map[string]any{"action": "setUnitType", "unitType": "Company"})), 200)
	buWant(t, d1, `{"key":"d1","typeId":"business-unit"}`, "topLevelUnit")
	buWant(t, d1, "[]", "stores")
	buAbsent(t, d1, "parentUnit", "inheritedStores", "inheritedAssociates")
	buWant(t, mustDoc(t, h.do("GET", buPath(h)+"/key=d2", tok, nil), 200), `{"key":"d1","typeId":"business-unit"}`, "topLevelUnit")
	d1 = mustDoc(t, h.do("POST", buPath(h)+"/key=d1", tok, update(9, map[string]any{"action": "setUnitType", "unitType": "Division", "parentUnit": map[string]any{"key": "co"}})), 200)
	buWant(t, d1, `{"key":"co","typeId":"business-unit"}`, "parentUnit")
	buWant(t, mustDoc(t, h.do("GET", buPath(h)+"/key=d2", tok, nil), 200), `{"key":"co","typeId":"business-unit"}`, "topLevelUnit")
}

func TestBusinessUnitInheritanceDelay(t *testing.T) {
	clock := newClock()
	h := newHarness(t, Options{Now: clock.Now})
	tok := h.admin()
	buFixtures(t, h, tok)
	h.ts.Faults().DelayInheritance(time.Minute)
	t.Cleanup(func() { h.ts.Faults().DelayInheritance(0) })
	mustDoc(t, h.do("POST", buPath(h), tok, buCompany("co", map[string]any{"stores": []any{map[string]any{"key": "s1"}}})), 201)
	d := mustDoc(t, h.do("POST", buPath(h), tok, buDivision("dd", "co", nil)), 201)
	buWant(t, d, "[]", "inheritedStores")
	buWant(t, d, `{"key":"co","typeId":"business-unit"}`, "topLevelUnit")
	buAbsent(t, d, inheritanceShownKey)
	clock.Advance(30 * time.Second)
	buWant(t, mustDoc(t, h.do("GET", buPath(h)+"/key=dd", tok, nil), 200), "[]", "inheritedStores")
	clock.Advance(31 * time.Second)
	buWant(t, mustDoc(t, h.do("GET", buPath(h)+"/key=dd", tok, nil), 200), buStores("s1"), "inheritedStores")

	// A change of the parent shows on the child after the delay, also in queries.
	mustDoc(t, h.do("POST", buPath(h)+"/key=co", tok, update(1, map[string]any{"action": "setStores", "stores": []any{map[string]any{"key": "s2"}}})), 200)
	q := mustDoc(t, h.do("GET", buPath(h)+"?where=key%3D%22dd%22", tok, nil), 200)
	buWant(t, q, buStores("s1"), "results", 0, "inheritedStores")
	clock.Advance(45 * time.Second)
	mustDoc(t, h.do("POST", buPath(h)+"/key=co", tok, update(2, map[string]any{"action": "addStore", "store": map[string]any{"key": "s3"}})), 200)
	clock.Advance(45 * time.Second) // the second change restarted the delay
	buWant(t, mustDoc(t, h.do("GET", buPath(h)+"/key=dd", tok, nil), 200), buStores("s1"), "inheritedStores")
	for _, doc := range h.ts.Docs(pk, "business-units") {
		if doc["key"] == "dd" && buJSON(doc, "inheritedStores") != buStores("s2", "s3") {
			t.Fatalf("out-of-band reads show the settled values: %v", doc)
		}
	}
	clock.Advance(16 * time.Second)
	buWant(t, mustDoc(t, h.do("GET", buPath(h)+"/key=dd", tok, nil), 200), buStores("s2", "s3"), "inheritedStores")

	// Turning the fault off shows the settled values at once.
	mustDoc(t, h.do("POST", buPath(h)+"/key=co", tok, update(3, map[string]any{"action": "removeStore", "store": map[string]any{"key": "s3"}})), 200)
	buWant(t, mustDoc(t, h.do("GET", buPath(h)+"/key=dd", tok, nil), 200), buStores("s2", "s3"), "inheritedStores")
	h.ts.Faults().DelayInheritance(0)
	buWant(t, mustDoc(t, h.do("GET", buPath(h)+"/key=dd", tok, nil), 200), buStores("s2"), "inheritedStores")
}

func TestBusinessUnitAddresses(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	buFixtures(t, h, tok)
	mustDoc(t, h.do("POST", buPath(h), tok, buCompany("co", nil)), 201)
	path := buPath(h) + "/key=co"
	version := 1
	apply := func(actions ...map[string]any) map[string]any {
		t.Helper()
		d := mustDoc(t, h.do("POST", path, tok, update(version, actions...)), 200)
		version++
		return d
	}
	d := apply(
		map[string]any{"action": "addAddress", "address": map[string]any{"key": "ka", "country": "DE", "city": "Berlin"}},
		map[string]any{"action": "addAddress", "address": map[string]any{"key": "kb", "country": "AT"}},
		map[string]any{"action": "addAddress", "address": map[string]any{"country": "CH"}},
	)
	a, _ := buAt(d, "addresses", 0, "id").(string)
	b, _ := buAt(d, "addresses", 1, "id").(string)
	c, _ := buAt(d, "addresses", 2, "id").(string)
	_, _ = mustError(t, h.do("POST", path, tok, update(version, map[string]any{"action": "addAddress", "address": map[string]any{"key": "ka", "country": "FR"}})), 400, "DuplicateField")

	// By key and by id: shipping, billing and the defaults.
	d = apply(
		map[string]any{"action": "addShippingAddressId", "addressKey": "ka"},
		map[string]any{"action": "addShippingAddressId", "addressId": c},
		map[string]any{"action": "addShippingAddressId", "addressKey": "ka"},
		map[string]any{"action": "addBillingAddressId", "addressId": b},
		map[string]any{"action": "setDefaultShippingAddress", "addressId": c},
		map[string]any{"action": "setDefaultBillingAddress", "addressKey": "ka"},
	)
	buWant(t, d, fmt.Sprintf("[%q,%q]", a, c), "shippingAddressIds")
	buWant(t, d, fmt.Sprintf("[%q,%q]", b, a), "billingAddressIds")
	buWant(t, d, fmt.Sprintf("%q", c), "defaultShippingAddressId")
	buWant(t, d, fmt.Sprintf("%q", a), "defaultBillingAddressId")
	d = apply(
		map[string]any{"action": "removeShippingAddressId", "addressKey": "ka"},
		map[string]any{"action": "removeBillingAddressId", "addressId": a},
		map[string]any{"action": "changeAddress", "addressKey": "kb", "address": map[string]any{"key": "b2", "country": "AT", "city": "Wien"}},
		map[string]any{"action": "changeAddress", "addressId": c, "address": map[string]any{"country": "CH", "city": "Bern"}},
	)
	buWant(t, d, fmt.Sprintf("[%q]", c), "shippingAddressIds")
	buWant(t, d, fmt.Sprintf("[%q]", b), "billingAddressIds")
	buAbsent(t, d, "defaultBillingAddressId")
	buWant(t, d, fmt.Sprintf(`{"city":"Wien","country":"AT","id":%q,"key":"b2"}`, b), "addresses", 1)
	buWant(t, d, `"Bern"`, "addresses", 2, "city")
	_, _ = mustError(t, h.do("POST", path, tok, update(version, map[string]any{"action": "changeAddress", "addressId": c, "address": map[string]any{"id": "other", "country": "CH"}})), 400, "InvalidInput")
	_, _ = mustError(t, h.do("POST", path, tok, update(version, map[string]any{"action": "setDefaultShippingAddress", "addressKey": "kb"})), 400, "InvalidOperation")

	// Custom fields of an address (by id), then removal of the default shipping address.
	d = apply(
		map[string]any{"action": "setAddressCustomType", "addressId": c, "type": map[string]any{"key": "addr-fields"}, "fields": map[string]any{"tier": "x"}},
		map[string]any{"action": "setAddressCustomField", "addressId": c, "name": "tier", "value": "y"},
	)
	buWant(t, d, `"y"`, "addresses", 2, "custom", "fields", "tier")
	_, _ = mustError(t, h.do("POST", path, tok, update(version, map[string]any{"action": "setAddressCustomField", "addressId": "nope", "name": "tier", "value": "y"})), 400, "InvalidOperation")
	_, _ = mustError(t, h.do("DELETE", h.typesPath()+"/key=addr-fields?version=1", tok, nil), 400, "ReferenceExists")
	d = apply(map[string]any{"action": "removeAddress", "addressId": c}, map[string]any{"action": "removeAddress", "addressKey": "ka"})
	buWant(t, d, "[]", "shippingAddressIds")
	buAbsent(t, d, "defaultShippingAddressId")
	buWant(t, d, fmt.Sprintf("[%q]", b), "billingAddressIds")
	if n := buLen(d, "addresses"); n != 1 {
		t.Fatalf("addresses: %s", buJSON(d, "addresses"))
	}
	d = apply(map[string]any{"action": "removeAddress", "addressKey": "b2"})
	buWant(t, d, "[]", "addresses")
	buWant(t, d, "[]", "billingAddressIds")
}

func TestBusinessUnitAssociatesGroupsAndFields(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	ids := buFixtures(t, h, tok)
	mustDoc(t, h.do("POST", buPath(h), tok, buCompany("co", nil)), 201)
	path := buPath(h) + "/key=co"
	d := mustDoc(t, h.do("POST", path, tok, update(1,
		map[string]any{"action": "addAssociate", "associate": buAssociate("alice", "admin")},
		map[string]any{"action": "addAssociate", "associate": buAssociate("bob", "buyer")},
		map[string]any{"action": "changeAssociate", "associate": buAssociate("alice", "buyer:Enabled", "admin:Disabled")},
		map[string]any{"action": "removeAssociate", "customer": map[string]any{"typeId": "customer", "id": ids["bob"]}},
		map[string]any{"action": "changeName", "name": "ACME Inc."},
		map[string]any{"action": "setContactEmail", "contactEmail": "x@acme.example"},
		map[string]any{"action": "changeStatus", "status": "Inactive"},
		map[string]any{"action": "addCustomerGroupAssignment", "customerGroupAssignment": map[string]any{"customerGroup": map[string]any{"key": "g1"}}},
		map[string]any{"action": "addCustomerGroupAssignment", "customerGroupAssignment": map[string]any{"customerGroup": map[string]any{"id": ids["g2"]}}},
		map[string]any{"action": "addCustomerGroupAssignment", "customerGroupAssignment": map[string]any{"customerGroup": map[string]any{"key": "g1"}}},
		map[string]any{"action": "removeCustomerGroupAssignment", "customerGroup": map[string]any{"key": "g1"}},
		map[string]any{"action": "setCustomType", "type": map[string]any{"key": "bu-fields"}, "fields": map[string]any{"tier": "gold"}},
		map[string]any{"action": "setCustomField", "name": "tier", "value": "silver"},
		map[string]any{"action": "setStores", "stores": []any{map[string]any{"key": "s1"}, map[string]any{"key": "s2"}}},
		map[string]any{"action": "removeStore", "store": map[string]any{"key": "s1"}},
		map[string]any{"action": "addStore", "store": map[string]any{"key": "s3"}},
	)), 200)
	buWant(t, d, fmt.Sprintf(`[{"associateRoleAssignments":[{"associateRole":{"key":"buyer","typeId":"associate-role"},"inheritance":"Enabled"},{"associateRole":{"key":"admin","typeId":"associate-role"},"inheritance":"Disabled"}],"customer":{"id":%q,"typeId":"customer"}}]`, ids["alice"]), "associates")
	buWant(t, d, fmt.Sprintf(`[{"customerGroup":{"id":%q,"typeId":"customer-group"}}]`, ids["g2"]), "customerGroupAssignments")
	buWant(t, d, `"ACME Inc."`, "name")
	buWant(t, d, `"x@acme.example"`, "contactEmail")
	buWant(t, d, `"Inactive"`, "status")
	buWant(t, d, `"silver"`, "custom", "fields", "tier")
	buWant(t, d, buStores("s2", "s3"), "stores")
	buWant(t, d, "2", "version")
	_, _ = mustError(t, h.do("DELETE", "/"+pk+"/customer-groups/key=g2?version=1", tok, nil), 400, "ReferenceExists")
	d = mustDoc(t, h.do("POST", path, tok, update(2,
		map[string]any{"action": "setAssociates", "associates": []any{buAssociate("bob", "admin"), buAssociate("carol", "buyer")}},
		map[string]any{"action": "setContactEmail"},
		map[string]any{"action": "setCustomerGroupAssignments", "customerGroupAssignments": []any{}},
		map[string]any{"action": "setCustomType"},
	)), 200)
	if n := buLen(d, "associates"); n != 2 || buAt(d, "associates", 1, "customer", "id") != ids["carol"] {
		t.Fatalf("setAssociates: %s", buJSON(d, "associates"))
	}
	buWant(t, d, "[]", "customerGroupAssignments")
	buAbsent(t, d, "contactEmail", "custom")
	d = mustDoc(t, h.do("POST", path, tok, update(3,
		map[string]any{"action": "setCustomerGroupAssignments"},
		map[string]any{"action": "setAssociates", "associates": []any{}},
	)), 200)
	buAbsent(t, d, "customerGroupAssignments")
	buWant(t, d, "[]", "associates")
	mustDoc(t, h.do("DELETE", "/"+pk+"/customers/key=alice?version=1", tok, nil), 200)
}

func TestBusinessUnitScopes(t *testing.T) {
	h := newHarness(t, Options{})
	admin := h.admin()
	tokenFor := func(scope string) string {
		c := h.create(admin, map[string]any{"name": scope, "scope": scope})
		return h.token(c.ID, *c.Secret)
	}
	viewer := tokenFor("view_business_units:" + pk)
	mustDoc(t, h.do("GET", buPath(h), viewer, nil), 200)
	_ = mustAuthError(t, h.do("POST", buPath(h), viewer, buCompany("co", nil)), 403, "insufficient_scope")
	_ = mustAuthError(t, h.do("GET", buPath(h), tokenFor("view_customers:"+pk), nil), 403, "insufficient_scope")
	manager := tokenFor("manage_business_units:" + pk)
	mustDoc(t, h.do("POST", buPath(h), manager, buCompany("co", nil)), 201)
	mustDoc(t, h.do("GET", buPath(h)+"/key=co", manager, nil), 200)
	mustDoc(t, h.do("POST", buPath(h), tokenFor("manage_project:"+pk), buCompany("co2", nil)), 201)
}
