package framework

import (
	"fmt"
	"strings"
	"testing"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
)

func TestClientFrom(t *testing.T) {
	if c, d := ClientFrom(nil); c != nil || d.HasError() {
		t.Errorf("nil provider data: %v %v", c, d)
	}
	if _, d := ClientFrom("not a client"); !d.HasError() || !strings.Contains(d.Errors()[0].Detail(), "string") {
		t.Errorf("wrong type must be a clear error, got %v", d)
	}
	c, err := client.New(client.Config{ClientID: "i", ClientSecret: "s", ProjectKey: "p1", APIURL: "https://api.example.com", TokenURL: "https://auth.example.com"})
	if err != nil {
		t.Fatal(err)
	}
	if got, d := ClientFrom(c); got != c || d.HasError() {
		t.Errorf("ClientFrom(client) = %v, %v", got, d)
	}
}

func TestErrorDetailHints(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{&client.APIError{StatusCode: 403, Code: "insufficient_scope", Message: "missing"}, "Reading needs view_x:p1 or manage_project:p1. Creating, changing or deleting needs manage_x:p1, manage_y:p1 or manage_project:p1. A note."},
		{&client.PartialUpdateError{Noun: "type", ID: "1", Applied: 500, Total: 600, Requests: 1, Err: fmt.Errorf("boom")}, "500 of 600 update actions were applied"},
		{&client.APIError{StatusCode: 401, Code: "invalid_token", Message: "bad"}, "CTP_CLIENT_ID"},
		{fmt.Errorf("post: %w", client.ErrOutcomeUnknown), "Run terraform plan"},
		{fmt.Errorf("plain"), "plain"},
	}
	for _, c := range cases {
		got := ErrorDetail(c.err, "p1", Hint{View: []string{"view_x", "manage_project"}, Manage: []string{"manage_x", "manage_y", "manage_project"}, Note: "A note."})
		if !strings.Contains(strings.Join(strings.Fields(got), " "), strings.Join(strings.Fields(c.want), " ")) {
			t.Errorf("ErrorDetail(%v) = %q, want it to contain %q", c.err, got, c.want)
		}
	}
}
