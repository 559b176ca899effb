package client

import (
	"strings"
	"testing"
)

// TestSensitiveFieldsTable checks that every entry of the table is hidden in a JSON body, in free
// text that quotes JSON (also cut off) and in form bodies, and that keys which are secret only
// under a parent stay visible elsewhere.
func TestSensitiveFieldsTable(t *testing.T) {
	const leak = "Zz9-leak-value"
	for _, f := range SensitiveFields {
		var body string
		if f.Parent == "" {
			body = `{"outer":{"` + f.Name + `":"` + leak + `"}}`
		} else {
			body = `{"` + f.Parent + `":{"type":"x","` + f.Name + `":"` + leak + `"}}`
		}
		if got := redactBody([]byte(body), "application/json", nil); strings.Contains(got, leak) {
			t.Errorf("%+v: body not redacted: %s", f, got)
		}
		if got := redactText(body[:len(body)-3], nil); strings.Contains(got, leak[:8]) {
			t.Errorf("%+v: truncated text not redacted: %s", f, got)
		}
		if f.Parent == "" {
			if got := redactBody([]byte(f.Name+"="+leak+"&a=b"), "application/x-www-form-urlencoded", nil); strings.Contains(got, leak) {
				t.Errorf("%+v: form not redacted: %s", f, got)
			}
		}
	}
	// A resource's own key is not a secret.
	keep := `{"key":"warehouse-berlin","destination":{"type":"SQS","queueUrl":"q"}}`
	if got := redactBody([]byte(keep), "application/json", nil); !strings.Contains(got, "warehouse-berlin") {
		t.Errorf("a plain key was redacted: %s", got)
	}
	if got := redactText(keep, nil); !strings.Contains(got, "warehouse-berlin") {
		t.Errorf("a plain key was redacted in text: %s", got)
	}
	// camelCase and snake_case spellings of one entry.
	for _, in := range []string{`{"clientSecret":"` + leak + `"}`, `{"access_secret":"` + leak + `"}`} {
		if got := redactText(in, nil); strings.Contains(got, leak) {
			t.Errorf("spelling not redacted: %s", got)
		}
	}
}
