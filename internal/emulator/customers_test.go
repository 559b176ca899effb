package emulator

import (
	"strings"
	"testing"
)

// Bodies written from types/customer (CustomerDraft, CustomerSignInResult, Customer).

func TestCustomers(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	path := "/" + pk + "/customers"
	mustDoc(t, h.do("POST", "/"+pk+"/stores", tok, map[string]any{"key": "eu"}), 201)
	mustDoc(t, h.do("POST", "/"+pk+"/stores", tok, map[string]any{"key": "us"}), 201)
	mustDoc(t, h.do("POST", "/"+pk+"/customer-groups", tok, map[string]any{"key": "vip", "groupName": "VIP"}), 201)

	// The create answer is a CustomerSignInResult; the password is never returned.
	r := mustDoc(t, h.do("POST", path, tok, map[string]any{
		"key": "jane", "email": "Jane.Doe@Example.com", "password": "s3cret!", "firstName": "Jane", "lastName": "Doe",
		"dateOfBirth": "1990-04-01", "companyName": "ACME", "customerNumber": "C-1",
		"addresses": []any{map[string]any{"key": "home", "country": "DE"}}, "defaultShippingAddress": 0,
		"customerGroup": map[string]any{"key": "vip"}, "stores": []any{map[string]any{"key": "eu"}},
	}), 201)
	c, ok := r["customer"].(map[string]any)
	if !ok || len(r) != 1 {
		t.Fatalf("not a CustomerSignInResult: %s", compactJSON(r))
	}
	pw, _ := c["password"].(string)
	if !strings.HasPrefix(pw, "****") || strings.Contains(pw, "s3cret") || len(pw) != 8 {
		t.Fatalf("password: %q", pw)
	}
	for k, want := range map[string]string{
		"email": `"Jane.Doe@Example.com"`, "isEmailVerified": "false", "authenticationMode": `"Password"`, "version": "1",
		"stores": `[{"key":"eu","typeId":"store"}]`, "customerGroupAssignments": "[]", "billingAddressIds": "[]",
	} {
		if got := buJSON(c, k); got != want {
			t.Fatalf("%s: got %s, want %s", k, got, want)
		}
	}
	if id := buAt(c, "addresses", 0, "id"); id == nil || c["defaultShippingAddressId"] != id || buJSON(c, "shippingAddressIds") != compactJSON([]any{id}) {
		t.Fatalf("addresses: %s", compactJSON(c))
	}

	// GET, by id and key, answers the Customer itself.
	got := mustDoc(t, h.do("GET", path+"/key=jane", tok, nil), 200)
	if compactJSON(got) != compactJSON(c) {
		t.Fatalf("GET: %s", compactJSON(got))
	}
	mustDoc(t, h.do("GET", path+"/"+str(c["id"]), tok, nil), 200)

	// Email is unique, ignoring case; a store-specific customer in another store may share it.
	_, errs := mustError(t, h.do("POST", path, tok, map[string]any{"email": "jane.doe@example.COM", "password": "x"}), 400, "DuplicateField")
	if errs[0]["field"] != "email" || errs[0]["message"] != "There is already an existing customer with the provided email." {
		t.Fatalf("duplicate email: %v", errs)
	}
	_, _ = mustError(t, h.do("POST", path, tok, map[string]any{"email": "jane.doe@example.com", "password": "x", "stores": []any{map[string]any{"key": "eu"}}}), 400, "DuplicateField")
	mustDoc(t, h.do("POST", path, tok, map[string]any{"email": "jane.doe@example.com", "password": "x", "stores": []any{map[string]any{"key": "us"}}}), 201)
	_, _ = mustError(t, h.do("POST", path, tok, map[string]any{"email": "john@example.com", "password": "x", "customerNumber": "C-1"}), 400, "DuplicateField")
	_, _ = mustError(t, h.do("POST", path, tok, map[string]any{"email": "john@example.com"}), 400, "InvalidJsonInput")
	_, _ = mustError(t, h.do("POST", path, tok, map[string]any{"password": "x"}), 400, "InvalidJsonInput")
	_, _ = mustError(t, h.do("POST", path, tok, map[string]any{"email": "john@example.com", "password": "x", "dateOfBirth": "1990-02-30"}), 400, "InvalidInput")
	_, _ = mustError(t, h.do("POST", path, tok, map[string]any{"email": "john@example.com", "password": "x", "anonymousCartId": "c1"}), 400, "ReferencedResourceNotFound")
	ext := mustDoc(t, h.do("POST", path, tok, map[string]any{"email": "john@example.com", "authenticationMode": "ExternalAuth"}), 201)
	if john, _ := ext["customer"].(map[string]any); john["password"] != nil || john["authenticationMode"] != "ExternalAuth" {
		t.Fatalf("ExternalAuth: %s", compactJSON(ext))
	}

	// A few update actions; changeEmail keeps emails unique.
	_, _ = mustError(t, h.do("POST", path+"/key=jane", tok, update(1, map[string]any{"action": "changeEmail", "email": "JOHN@example.com"})), 400, "DuplicateField")
	u := mustDoc(t, h.do("POST", path+"/key=jane", tok, update(1,
		map[string]any{"action": "changeEmail", "email": "jane@example.com"},
		map[string]any{"action": "setFirstName"},
		map[string]any{"action": "setKey", "key": "jane-doe"},
		map[string]any{"action": "addBillingAddressId", "addressKey": "home"},
	)), 200)
	if u["email"] != "jane@example.com" || u["firstName"] != nil || u["key"] != "jane-doe" || buLen(u, "billingAddressIds") != 1 || u["version"] != 2.0 {
		t.Fatalf("update: %s", compactJSON(u))
	}
	// Scopes and delete.
	viewer := h.create(tok, map[string]any{"name": "v", "scope": "view_customers:" + pk})
	vt := h.token(viewer.ID, *viewer.Secret)
	mustDoc(t, h.do("GET", path, vt, nil), 200)
	_ = mustAuthError(t, h.do("POST", path, vt, map[string]any{"email": "x@example.com", "password": "x"}), 403, "insufficient_scope")
	mustDoc(t, h.do("DELETE", path+"/key=jane-doe?version=2", tok, nil), 200)
}
