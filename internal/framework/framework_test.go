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
		{&client.APIError{StatusCode: 403, Code: "insufficient_scope", Message: "missing"}, "manage_project:p1 does not\ninclude them"},
		{&client.APIError{StatusCode: 401, Code: "invalid_token", Message: "bad"}, "CTP_CLIENT_ID"},
		{fmt.Errorf("post: %w", client.ErrOutcomeUnknown), "Run terraform plan"},
		{fmt.Errorf("plain"), "plain"},
	}
	for _, c := range cases {
		got := ErrorDetail(c.err, "p1")
		if !strings.Contains(strings.Join(strings.Fields(got), " "), strings.Join(strings.Fields(c.want), " ")) {
			t.Errorf("ErrorDetail(%v) = %q, want it to contain %q", c.err, got, c.want)
		}
	}
}
