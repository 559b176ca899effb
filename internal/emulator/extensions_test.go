package emulator

import (
	"fmt"
	"testing"
)

// Bodies written from types/extension.
func TestExtensions(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	coll := "/" + pk + "/extensions"
	trig := []any{map[string]any{"resourceTypeId": "cart", "actions": []any{"Create", "Update"}, "condition": "lineItems is defined"}}
	e := mustDoc(t, h.do("POST", coll, tok, map[string]any{"key": "cart-check", "triggers": trig, "timeoutInMs": 1500,
		"destination": map[string]any{"type": "HTTP", "url": "https://x.example/ext",
			"authentication": map[string]any{"type": "AuthorizationHeader", "headerValue": "Bearer secret-token-1234"}}}), 201)
	dest := mapOf(e["destination"])
	if fmt.Sprint(mapOf(dest["authentication"])["headerValue"]) != "********************1234" || e["timeoutInMs"] != float64(1500) {
		t.Fatalf("create (masked): %v", e)
	}
	lambda := mustDoc(t, h.do("POST", coll, tok, map[string]any{"key": "order-export",
		"triggers":     []any{map[string]any{"resourceTypeId": "order", "actions": []any{"Create"}}},
		"destination":  map[string]any{"type": "AWSLambda", "arn": "arn:aws:lambda:x", "accessKey": "AKIAEXAMPLE", "accessSecret": "short"},
		"dependencies": []any{map[string]any{"typeId": "extension", "key": "cart-check"}}}), 201)
	if d := mapOf(lambda["destination"]); d["accessSecret"] != "********" || d["accessKey"] != "*******MPLE" {
		t.Fatalf("lambda masked: %v", d)
	}
	if _, ok := lambda["timeoutInMs"]; ok {
		t.Fatalf("an unset timeout is not returned: %v", lambda)
	}
	for _, tc := range []struct {
		draft map[string]any
		code  string
	}{
		{map[string]any{"triggers": trig, "destination": map[string]any{"type": "FTP"}}, "InvalidJsonInput"},
		{map[string]any{"triggers": []any{}, "destination": map[string]any{"type": "GoogleCloudFunction", "url": "https://f"}}, "InvalidInput"},
		{map[string]any{"triggers": []any{map[string]any{"resourceTypeId": "product", "actions": []any{"Create"}}},
			"destination": map[string]any{"type": "GoogleCloudFunction", "url": "https://f"}}, "InvalidJsonInput"},
		{map[string]any{"triggers": trig, "timeoutInMs": 0, "destination": map[string]any{"type": "GoogleCloudFunction", "url": "https://f"}}, "InvalidInput"},
		{map[string]any{"triggers": trig, "destination": map[string]any{"type": "AWSLambda", "arn": "a"}}, "InvalidJsonInput"},
		{map[string]any{"key": "cart-check", "triggers": trig, "destination": map[string]any{"type": "GoogleCloudFunction", "url": "https://f"}}, "DuplicateField"},
		{map[string]any{"triggers": trig, "destination": map[string]any{"type": "GoogleCloudFunction", "url": "https://f"},
			"dependencies": []any{map[string]any{"key": "nope"}}}, "ReferencedResourceNotFound"},
	} {
		_, _ = mustError(t, h.do("POST", coll, tok, tc.draft), 400, tc.code)
	}
	u := mustDoc(t, h.do("POST", coll+"/key=cart-check", tok, update(1,
		map[string]any{"action": "setTimeoutInMs"},
		map[string]any{"action": "changeTriggers", "triggers": []any{map[string]any{"resourceTypeId": "payment-method", "actions": []any{"Update"}}}},
		map[string]any{"action": "changeDestination", "destination": map[string]any{"type": "GoogleCloudFunction", "url": "https://g.example/f"}},
		map[string]any{"action": "setExpansionPaths", "expansionPaths": []any{"customer"}},
		map[string]any{"action": "setAdditionalContext", "additionalContext": map[string]any{"includeOldResource": true}},
	)), 200)
	if _, ok := u["timeoutInMs"]; ok || fmt.Sprint(u["expansionPaths"]) != "[customer]" || u["version"] != float64(2) {
		t.Fatalf("update: %v", u)
	}
	// The lambda depends on cart-check: it cannot go first.
	_, _ = mustError(t, h.do("DELETE", coll+"/key=cart-check?version=2", tok, nil), 400, "ExtensionDependencyExists")
	mustDoc(t, h.do("POST", coll+"/key=order-export", tok, update(1, map[string]any{"action": "setDependencies", "dependencies": []any{}})), 200)
	mustDoc(t, h.do("DELETE", coll+"/key=cart-check?version=2", tok, nil), 200)
}
