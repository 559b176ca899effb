package emulator

import (
	"fmt"
	"strings"
	"testing"
)

// Bodies written from types/associate-role and types/recurrence-policy of the API reference.

func rolesPath(h *harness) string    { return "/" + h.ts.Project.Key + "/associate-roles" }
func policiesPath(h *harness) string { return "/" + h.ts.Project.Key + "/recurrence-policies" }

// badBody is one POST that must fail with code and a message or detail containing want.
type badBody struct {
	name string
	body map[string]any
	code string
	want string
}

func checkBad(t *testing.T, h *harness, path, tok string, cases []badBody) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := mustError(t, h.do("POST", path, tok, tc.body), 400, tc.code)
			if m := errorMessage(errs); !strings.Contains(m, tc.want) {
				t.Fatalf("error %v does not say %q", errs, tc.want)
			}
		})
	}
}

func TestAssociateRolePermissionList(t *testing.T) {
	if len(permissionOrder) != 47 {
		t.Fatalf("Permission.raml has 47 values, the emulator %d", len(permissionOrder))
	}
	seen := map[string]bool{}
	for _, p := range permissionOrder {
		if seen[p] {
			t.Fatalf("duplicate permission %s", p)
		}
		seen[p] = true
	}
}

func TestAssociateRoles(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	typ := mustDoc(t, h.do("POST", h.typesPath(), tok, map[string]any{
		"key": "role-fields", "name": loc("Role fields"), "resourceTypeIds": []any{"associate-role"},
		"fieldDefinitions": []any{
			map[string]any{"name": "level", "label": loc("Level"), "required": false, "type": map[string]any{"name": "String"}},
		},
	}), 201)

	// Every field of AssociateRoleDraft; permissions come back in the order of Permission.raml,
	// without duplicates.
	full := mustDoc(t, h.do("POST", rolesPath(h), tok, map[string]any{
		"key": "buyer", "name": "Buyer", "buyerAssignable": false,
		"permissions": []any{"ViewOthersOrders", "AddChildUnits", "ViewMyCarts", "AddChildUnits", "DeleteOthersShoppingLists"},
		"custom":      map[string]any{"type": map[string]any{"typeId": "type", "key": "role-fields"}, "fields": map[string]any{"level": "senior"}},
	}), 201)
	if full["key"] != "buyer" || full["name"] != "Buyer" || full["buyerAssignable"] != false || full["version"] != 1.0 {
		t.Fatalf("create: %v", full)
	}
	if got := fmt.Sprint(full["permissions"]); got != "[AddChildUnits ViewMyCarts ViewOthersOrders DeleteOthersShoppingLists]" {
		t.Fatalf("permissions in canonical order: %s", got)
	}
	custom, _ := full["custom"].(map[string]any)
	if fmt.Sprint(custom["type"]) != fmt.Sprintf("map[id:%s typeId:type]", typ["id"]) || fmt.Sprint(custom["fields"]) != "map[level:senior]" {
		t.Fatalf("custom: %v", full["custom"])
	}

	// Defaults: buyerAssignable true, permissions [], no name, no custom.
	minimal := mustDoc(t, h.do("POST", rolesPath(h), tok, map[string]any{"key": "min"}), 201)
	if minimal["buyerAssignable"] != true || fmt.Sprint(minimal["permissions"]) != "[]" || minimal["name"] != nil || minimal["custom"] != nil {
		t.Fatalf("defaults: %v", minimal)
	}
	if l, ok := minimal["permissions"].([]any); !ok || len(l) != 0 {
		t.Fatalf("permissions must be an empty array: %v", minimal)
	}

	checkBad(t, h, rolesPath(h), tok, []badBody{
		{"no key", map[string]any{"name": "x"}, "InvalidJsonInput", "key: Missing required value"},
		{"short key", map[string]any{"key": "x"}, "InvalidInput", "2 to 256 characters"},
		{"key pattern", map[string]any{"key": "a b"}, "InvalidInput", "2 to 256 characters"},
		{"duplicate key", map[string]any{"key": "buyer"}, "DuplicateField", "buyer"},
		{"unknown permission", map[string]any{"key": "x1", "permissions": []any{"ViewMyCarts", "ViewAllCarts"}}, "InvalidJsonInput",
			"permissions[1]: Invalid enum value 'ViewAllCarts', expected one of AddChildUnits, UpdateAssociates"},
		{"permission case", map[string]any{"key": "x1", "permissions": []any{"viewMyCarts"}}, "InvalidJsonInput", "Invalid enum value 'viewMyCarts'"},
		{"permission type", map[string]any{"key": "x1", "permissions": []any{1}}, "InvalidJsonInput", "permissions[0]: String expected"},
		{"permissions not a list", map[string]any{"key": "x1", "permissions": "ViewMyCarts"}, "InvalidJsonInput", "JSON array expected"},
		{"buyerAssignable type", map[string]any{"key": "x1", "buyerAssignable": "yes"}, "InvalidJsonInput", "Boolean expected"},
		{"name type", map[string]any{"key": "x1", "name": loc("x")}, "InvalidJsonInput", "name: String expected"},
		{"unknown field", map[string]any{"key": "x1", "roles": []any{}}, "InvalidJsonInput", "roles: Unknown field"},
		{"unknown custom type", map[string]any{"key": "x1", "custom": map[string]any{"type": map[string]any{"key": "nope"}}}, "ReferencedResourceNotFound", "key 'nope'"},
	})

	// Every update action.
	path := rolesPath(h) + "/key=buyer"
	u := mustDoc(t, h.do("POST", path, tok, update(1,
		map[string]any{"action": "addPermission", "permission": "UpdateAssociates"},
		map[string]any{"action": "removePermission", "permission": "ViewMyCarts"},
		map[string]any{"action": "changeBuyerAssignable", "buyerAssignable": true},
		map[string]any{"action": "setName", "name": "Senior buyer"},
		map[string]any{"action": "setCustomField", "name": "level", "value": "lead"},
	)), 200)
	if fmt.Sprint(u["permissions"]) != "[AddChildUnits UpdateAssociates ViewOthersOrders DeleteOthersShoppingLists]" ||
		u["buyerAssignable"] != true || u["name"] != "Senior buyer" || u["version"] != 2.0 {
		t.Fatalf("update: %v", u)
	}
	if c, _ := u["custom"].(map[string]any); fmt.Sprint(c["fields"]) != "map[level:lead]" {
		t.Fatalf("setCustomField: %v", u["custom"])
	}
	// Adding a permission the role has and removing one it has not change nothing.
	same := mustDoc(t, h.do("POST", path, tok, update(2,
		map[string]any{"action": "addPermission", "permission": "AddChildUnits"},
		map[string]any{"action": "removePermission", "permission": "ViewMyQuotes"},
	)), 200)
	if same["version"] != 2.0 || fmt.Sprint(same["permissions"]) != fmt.Sprint(u["permissions"]) {
		t.Fatalf("no-op permission actions: %v", same)
	}
	u = mustDoc(t, h.do("POST", path, tok, update(2,
		map[string]any{"action": "setPermissions", "permissions": []any{"ViewMyOrders", "CreateMyCarts", "ViewMyOrders"}},
		map[string]any{"action": "setName"},
		map[string]any{"action": "setCustomType"},
	)), 200)
	if fmt.Sprint(u["permissions"]) != "[CreateMyCarts ViewMyOrders]" || u["name"] != nil || u["custom"] != nil || u["version"] != 3.0 {
		t.Fatalf("setPermissions, setName and setCustomType without values: %v", u)
	}
	u = mustDoc(t, h.do("POST", path, tok, update(3,
		map[string]any{"action": "setPermissions"},
		map[string]any{"action": "setCustomType", "type": map[string]any{"id": typ["id"]}},
	)), 200)
	if l, ok := u["permissions"].([]any); !ok || len(l) != 0 || u["custom"] == nil {
		t.Fatalf("setPermissions without permissions: %v", u)
	}
	checkBad(t, h, path, tok, []badBody{
		{"setKey", update(4, map[string]any{"action": "setKey", "key": "other"}), "InvalidInput", "Invalid action 'setKey'"},
		{"addPermission unknown", update(4, map[string]any{"action": "addPermission", "permission": "Everything"}), "InvalidJsonInput", "permission: Invalid enum value 'Everything'"},
		{"addPermission missing", update(4, map[string]any{"action": "addPermission"}), "InvalidJsonInput", "permission: Missing required value"},
		{"removePermission unknown", update(4, map[string]any{"action": "removePermission", "permission": "Everything"}), "InvalidJsonInput", "Invalid enum value"},
		{"setPermissions unknown", update(4, map[string]any{"action": "setPermissions", "permissions": []any{"CreateMyCarts", "Nope"}}), "InvalidJsonInput", "permissions[1]: Invalid enum value 'Nope'"},
		{"changeBuyerAssignable missing", update(4, map[string]any{"action": "changeBuyerAssignable"}), "InvalidJsonInput", "buyerAssignable: Missing required value"},
		{"setName type", update(4, map[string]any{"action": "setName", "name": 3}), "InvalidJsonInput", "name: String expected"},
		{"setCustomField undefined", update(4, map[string]any{"action": "setCustomField", "name": "nope", "value": "x"}), "InvalidField", "'nope'"},
	})
	// A failed request changes nothing.
	if got := mustDoc(t, h.do("GET", path, tok, nil), 200); got["version"] != 4.0 {
		t.Fatalf("version after failed updates: %v", got)
	}

	// Query by permission.
	r := mustDoc(t, h.do("GET", rolesPath(h)+`?where=buyerAssignable%3Dtrue&sort=key+asc`, tok, nil), 200)
	if r["count"] != 2.0 {
		t.Fatalf("query: %v", r)
	}

	// A Type a role uses, and a role an associate holds, cannot be deleted.
	_, _ = mustError(t, h.do("DELETE", h.typesPath()+"/key=role-fields?version=1", tok, nil), 400, "ReferenceExists")
	if apiErr := h.ts.update(pk, func(p *projectStore) *apiError {
		if err := p.put("business-units", "bu-1", doc{"id": "bu-1", "version": 1.0, "key": "acme", "associates": []any{
			map[string]any{"customer": map[string]any{"typeId": "customer", "id": "c-1"}, "associateRoleAssignments": []any{
				map[string]any{"associateRole": map[string]any{"typeId": "associate-role", "key": "min"}, "inheritance": "Disabled"},
			}},
		}}); err != nil {
			return errGeneral(err.Error())
		}
		return nil
	}); apiErr != nil {
		t.Fatal(apiErr)
	}
	_, errs := mustError(t, h.do("DELETE", rolesPath(h)+"/key=min?version=1", tok, nil), 400, "ReferenceExists")
	if errs[0]["referencedBy"] != "business-unit" {
		t.Fatalf("referencedBy: %v", errs)
	}
	mustDoc(t, h.do("DELETE", rolesPath(h)+"/key=buyer?version=4", tok, nil), 200)
	mustDoc(t, h.do("DELETE", h.typesPath()+"/key=role-fields?version=1", tok, nil), 200)
	_, _ = mustError(t, h.do("GET", rolesPath(h)+"/"+str(full["id"]), tok, nil), 404, "ResourceNotFound")
}

func TestRecurrencePolicies(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	full := mustDoc(t, h.do("POST", policiesPath(h), tok, map[string]any{
		"key": "biweekly", "name": loc("Every two weeks"), "description": loc("Fortnightly"),
		"schedule": map[string]any{"type": "standard", "value": 2, "intervalUnit": "Weeks"},
	}), 201)
	if full["key"] != "biweekly" || fmt.Sprint(full["name"]) != "map[en:Every two weeks]" || fmt.Sprint(full["description"]) != "map[en:Fortnightly]" ||
		fmt.Sprint(full["schedule"]) != "map[intervalUnit:Weeks type:standard value:2]" || full["version"] != 1.0 {
		t.Fatalf("create: %v", full)
	}
	minimal := mustDoc(t, h.do("POST", policiesPath(h), tok, map[string]any{"key": "monthly", "schedule": map[string]any{"type": "dayOfMonth", "day": 31}}), 201)
	if minimal["name"] != nil || minimal["description"] != nil || fmt.Sprint(minimal["schedule"]) != "map[day:31 type:dayOfMonth]" {
		t.Fatalf("minimal: %v", minimal)
	}
	for i, s := range []map[string]any{
		{"type": "dayOfMonth", "day": 1},
		{"type": "standard", "value": 1, "intervalUnit": "Days"},
		{"type": "standard", "value": 12, "intervalUnit": "Months"},
	} {
		mustDoc(t, h.do("POST", policiesPath(h), tok, map[string]any{"key": fmt.Sprintf("ok-%d", i), "schedule": s}), 201)
	}
	draft := func(s any) map[string]any { return map[string]any{"key": "bad", "schedule": s} }
	checkBad(t, h, policiesPath(h), tok, []badBody{
		{"no key", map[string]any{"schedule": map[string]any{"type": "dayOfMonth", "day": 1}}, "InvalidJsonInput", "key: Missing required value"},
		{"short key", map[string]any{"key": "b", "schedule": map[string]any{"type": "dayOfMonth", "day": 1}}, "InvalidInput", "2 to 256 characters"},
		{"duplicate key", map[string]any{"key": "monthly", "schedule": map[string]any{"type": "dayOfMonth", "day": 1}}, "DuplicateField", "monthly"},
		{"no schedule", map[string]any{"key": "bad"}, "InvalidJsonInput", "schedule: Missing required value"},
		{"schedule type", draft(map[string]any{"type": "cron", "value": 1}), "InvalidJsonInput", "schedule.type: Invalid enum value 'cron', expected one of standard, dayOfMonth"},
		{"no schedule type", draft(map[string]any{"day": 1}), "InvalidJsonInput", "schedule.type: Missing required value"},
		{"day 0", draft(map[string]any{"type": "dayOfMonth", "day": 0}), "InvalidInput", "Invalid value 0 for field 'schedule.day': it must be between 1 and 31."},
		{"day 32", draft(map[string]any{"type": "dayOfMonth", "day": 32}), "InvalidInput", "Invalid value 32 for field 'schedule.day': it must be between 1 and 31."},
		{"day fraction", draft(map[string]any{"type": "dayOfMonth", "day": 1.5}), "InvalidJsonInput", "schedule.day: an integer is expected"},
		{"day text", draft(map[string]any{"type": "dayOfMonth", "day": "1"}), "InvalidJsonInput", "schedule.day: an integer is expected"},
		{"no day", draft(map[string]any{"type": "dayOfMonth"}), "InvalidJsonInput", "schedule.day: Missing required value"},
		{"day with unit", draft(map[string]any{"type": "dayOfMonth", "day": 3, "intervalUnit": "Days"}), "InvalidJsonInput", "schedule.intervalUnit: Unknown field"},
		{"value 0", draft(map[string]any{"type": "standard", "value": 0, "intervalUnit": "Days"}), "InvalidInput", "Invalid value 0 for field 'schedule.value': the number of intervals must be at least 1."},
		{"value negative", draft(map[string]any{"type": "standard", "value": -2, "intervalUnit": "Days"}), "InvalidInput", "at least 1"},
		{"value fraction", draft(map[string]any{"type": "standard", "value": 1.5, "intervalUnit": "Days"}), "InvalidJsonInput", "schedule.value: an integer is expected"},
		{"no value", draft(map[string]any{"type": "standard", "intervalUnit": "Days"}), "InvalidJsonInput", "schedule.value: Missing required value"},
		{"unit", draft(map[string]any{"type": "standard", "value": 1, "intervalUnit": "Years"}), "InvalidJsonInput", "schedule.intervalUnit: Invalid enum value 'Years', expected one of Days, Weeks, Months"},
		{"unit case", draft(map[string]any{"type": "standard", "value": 1, "intervalUnit": "days"}), "InvalidJsonInput", "Invalid enum value 'days'"},
		{"no unit", draft(map[string]any{"type": "standard", "value": 1}), "InvalidJsonInput", "schedule.intervalUnit: Missing required value"},
		{"standard with day", draft(map[string]any{"type": "standard", "value": 1, "intervalUnit": "Days", "day": 1}), "InvalidJsonInput", "schedule.day: Unknown field"},
		{"schedule not an object", draft("weekly"), "InvalidJsonInput", "schedule: JSON object expected"},
		{"name type", map[string]any{"key": "bad", "name": "x", "schedule": map[string]any{"type": "dayOfMonth", "day": 1}}, "InvalidJsonInput", "LocalizedString"},
		{"unknown field", map[string]any{"key": "bad", "active": true, "schedule": map[string]any{"type": "dayOfMonth", "day": 1}}, "InvalidJsonInput", "active: Unknown field"},
	})

	// Every update action; setSchedule replaces the whole schedule.
	u := mustDoc(t, h.do("POST", policiesPath(h)+"/key=biweekly", tok, update(1,
		map[string]any{"action": "setKey", "key": "mid-month"},
		map[string]any{"action": "setName", "name": loc("Mid-month")},
		map[string]any{"action": "setDescription", "description": loc("On the 15th")},
		map[string]any{"action": "setSchedule", "schedule": map[string]any{"type": "dayOfMonth", "day": 15}},
	)), 200)
	if u["key"] != "mid-month" || fmt.Sprint(u["name"]) != "map[en:Mid-month]" || fmt.Sprint(u["description"]) != "map[en:On the 15th]" ||
		fmt.Sprint(u["schedule"]) != "map[day:15 type:dayOfMonth]" || u["version"] != 2.0 {
		t.Fatalf("update: %v", u)
	}
	_, _ = mustError(t, h.do("GET", policiesPath(h)+"/key=biweekly", tok, nil), 404, "ResourceNotFound")
	path := policiesPath(h) + "/key=mid-month"
	u = mustDoc(t, h.do("POST", path, tok, update(2,
		map[string]any{"action": "setName"},
		map[string]any{"action": "setDescription"},
		map[string]any{"action": "setSchedule", "schedule": map[string]any{"type": "standard", "value": 3, "intervalUnit": "Days"}},
	)), 200)
	if u["name"] != nil || u["description"] != nil || fmt.Sprint(u["schedule"]) != "map[intervalUnit:Days type:standard value:3]" || u["version"] != 3.0 {
		t.Fatalf("removing name and description: %v", u)
	}
	checkBad(t, h, path, tok, []badBody{
		{"setKey without key", update(3, map[string]any{"action": "setKey"}), "InvalidOperation", "cannot be removed"},
		{"setKey taken", update(3, map[string]any{"action": "setKey", "key": "monthly"}), "DuplicateField", "monthly"},
		{"setKey pattern", update(3, map[string]any{"action": "setKey", "key": "a/b"}), "InvalidInput", "2 to 256 characters"},
		{"setSchedule missing", update(3, map[string]any{"action": "setSchedule"}), "InvalidJsonInput", "schedule: Missing required value"},
		{"setSchedule day", update(3, map[string]any{"action": "setSchedule", "schedule": map[string]any{"type": "dayOfMonth", "day": 40}}), "InvalidInput", "between 1 and 31"},
		{"setSchedule value", update(3, map[string]any{"action": "setSchedule", "schedule": map[string]any{"type": "standard", "value": 0, "intervalUnit": "Weeks"}}), "InvalidInput", "at least 1"},
		{"setName type", update(3, map[string]any{"action": "setName", "name": "x"}), "InvalidJsonInput", "LocalizedString"},
		{"unknown action", update(3, map[string]any{"action": "changeSchedule"}), "InvalidInput", "Invalid action 'changeSchedule'"},
	})
	if got := mustDoc(t, h.do("GET", path, tok, nil), 200); got["version"] != 3.0 {
		t.Fatalf("version after failed updates: %v", got)
	}

	// A policy a cart discount's recurringOrderScope names cannot be deleted.
	cd := mustDoc(t, h.do("POST", discPath(h, "cart-discounts"), tok, cartDiscountDraft("0.42", map[string]any{
		"key": "subscribers", "recurringOrderScope": map[string]any{"type": "ApplicableRecurrencePolicies", "recurrencePolicies": []any{map[string]any{"typeId": "recurrence-policy", "key": "monthly"}}},
	})), 201)
	scope, _ := cd["recurringOrderScope"].(map[string]any)
	if fmt.Sprint(scope["recurrencePolicies"]) != fmt.Sprintf("[map[id:%s typeId:recurrence-policy]]", minimal["id"]) {
		t.Fatalf("cart discount scope: %v", scope)
	}
	_, errs := mustError(t, h.do("POST", discPath(h, "cart-discounts"), tok, cartDiscountDraft("0.43", map[string]any{
		"recurringOrderScope": map[string]any{"type": "ApplicableRecurrencePolicies", "recurrencePolicies": []any{map[string]any{"key": "weekly"}}},
	})), 400, "ReferencedResourceNotFound")
	if m := errorMessage(errs); !strings.Contains(m, "recurrence-policy") || !strings.Contains(m, "key 'weekly'") {
		t.Fatalf("unknown policy: %v", errs)
	}
	_, errs = mustError(t, h.do("DELETE", policiesPath(h)+"/key=monthly?version=1", tok, nil), 400, "ReferenceExists")
	if errs[0]["referencedBy"] != "cart-discount" {
		t.Fatalf("referencedBy: %v", errs)
	}
	mustDoc(t, h.do("DELETE", discPath(h, "cart-discounts")+"/key=subscribers?version=1", tok, nil), 200)
	mustDoc(t, h.do("DELETE", policiesPath(h)+"/key=monthly?version=1", tok, nil), 200)
	mustDoc(t, h.do("DELETE", path+"?version=3", tok, nil), 200)
}

func TestAssociateRoleAndRecurrencePolicyScopes(t *testing.T) {
	h := newHarness(t, Options{})
	admin := h.admin()
	mk := func(scope string) string {
		c := h.create(admin, map[string]any{"name": scope, "scope": scope + ":" + pk})
		if c.Secret == nil {
			t.Fatalf("client %s has no secret", scope)
		}
		return h.token(c.ID, *c.Secret)
	}
	viewRoles, manageRoles := mk("view_associate_roles"), mk("manage_associate_roles")
	viewPolicies, managePolicies := mk("view_recurrence_policies"), mk("manage_recurrence_policies")
	project, businessUnits := mk("manage_project"), mk("manage_business_units")
	role := func(key string) map[string]any { return map[string]any{"key": key} }
	policy := func(key string) map[string]any {
		return map[string]any{"key": key, "schedule": map[string]any{"type": "dayOfMonth", "day": 1}}
	}
	for _, tc := range []struct {
		method, path, tok string
		body              any
		status            int
	}{
		{"POST", rolesPath(h), viewRoles, role("r1"), 403},
		{"POST", rolesPath(h), businessUnits, role("r1"), 403},
		{"POST", rolesPath(h), viewPolicies, role("r1"), 403},
		{"POST", rolesPath(h), manageRoles, role("r1"), 201},
		{"POST", rolesPath(h), project, role("r2"), 201},
		{"GET", rolesPath(h), viewRoles, nil, 200},
		{"GET", rolesPath(h) + "/key=r1", viewRoles, nil, 200},
		{"HEAD", rolesPath(h) + "/key=r1", viewRoles, nil, 200},
		{"GET", rolesPath(h), manageRoles, nil, 200},
		{"GET", rolesPath(h), managePolicies, nil, 403},
		{"POST", rolesPath(h) + "/key=r1", viewRoles, update(1, map[string]any{"action": "setName", "name": "x"}), 403},
		{"DELETE", rolesPath(h) + "/key=r1?version=1", viewRoles, nil, 403},
		{"DELETE", rolesPath(h) + "/key=r1?version=1", manageRoles, nil, 200},
		{"POST", policiesPath(h), viewPolicies, policy("p1"), 403},
		{"POST", policiesPath(h), manageRoles, policy("p1"), 403},
		{"POST", policiesPath(h), managePolicies, policy("p1"), 201},
		{"POST", policiesPath(h), project, policy("p2"), 201},
		{"GET", policiesPath(h), viewPolicies, nil, 200},
		{"GET", policiesPath(h) + "/key=p1", viewPolicies, nil, 200},
		{"GET", policiesPath(h), viewRoles, nil, 403},
		{"POST", policiesPath(h) + "/key=p1", viewPolicies, update(1, map[string]any{"action": "setName", "name": loc("x")}), 403},
		{"POST", policiesPath(h) + "/key=p1", managePolicies, update(1, map[string]any{"action": "setName", "name": loc("x")}), 200},
		{"DELETE", policiesPath(h) + "/key=p1?version=2", viewPolicies, nil, 403},
		{"DELETE", policiesPath(h) + "/key=p1?version=2", managePolicies, nil, 200},
	} {
		if r := h.do(tc.method, tc.path, tc.tok, tc.body); r.status != tc.status {
			t.Errorf("%s %s: status %d, want %d: %s", tc.method, tc.path, r.status, tc.status, r.body)
		}
	}
}
