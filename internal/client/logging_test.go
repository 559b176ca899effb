package client

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

func TestTraceLogsAreRedacted(t *testing.T) {
	srv, c := newEmulatorClient(t)
	var buf bytes.Buffer
	ctx, cancel := context.WithTimeout(tflogtest.RootLogger(context.Background(), &buf), 30*time.Second)
	defer cancel()

	srv.Faults().SetRetryAfter("0")
	srv.Faults().FailNext(emulator.Match{Method: "GET"}, 1, 429)
	created, err := c.CreateAPIClient(ctx, apiDraft("logged", scopeOf("view_types")))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetAPIClient(ctx, created.ID); err != nil {
		t.Fatal(err)
	}
	exchanged, err := c.ExchangeToken(ctx, created.ID, *created.Secret, []string{scopeOf("view_types")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ExchangeToken(ctx, created.ID, "wrong-secret-123", nil); err == nil {
		t.Fatal("wrong secret accepted")
	}
	out := buf.String()
	secrets := append([]string{emulator.DefaultAdminClientSecret, *created.Secret, exchanged.AccessToken, "wrong-secret-123"},
		c.tokens.known()...)
	for _, s := range secrets {
		if strings.Contains(out, s) {
			t.Errorf("log contains secret %q", s)
		}
	}
	for _, forbidden := range []string{"Bearer " + c.tokens.known()[0], "Authorization", "authorization"} {
		if strings.Contains(out, forbidden) {
			t.Errorf("log contains %q", forbidden)
		}
	}
	for _, want := range []string{"commercetools HTTP request", "commercetools HTTP response", `"method":"POST"`,
		"/my-ct-project-key/api-clients", "/oauth/token", `\"secret\":\"***\"`, `access_token\":\"***\"`,
		"retrying commercetools request", `"route":"/my-ct-project-key/api-clients"`, "correlation_id"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q", want)
		}
	}
	entries, err := tflogtest.MultilineJSONDecode(strings.NewReader(out))
	if err != nil || len(entries) < 8 {
		t.Errorf("decoded %d entries: %v", len(entries), err)
	}
}

func TestRedactBody(t *testing.T) {
	secrets := []string{"s3cr3t-value"}
	for in, want := range map[string]string{ //nolint:gosec // fake secrets to redact
		`{"id":"a","secret":"abc","nested":{"client_secret":"x","password":"p"},"list":[{"refresh_token":"r"}]}`: `{"id":"a","list":[{"refresh_token":"***"}],"nested":{"client_secret":"***","password":"***"},"secret":"***"}`,
		`{"access_token":"tok","scope":"a b"}`:                     `{"access_token":"***","scope":"a b"}`,
		`<html>{"secret":"abcdef","x":1`:                           `<html>{"secret":"***","x":1`,
		`{"secret":"cut-off-in-the-midd`:                           `{"secret":"***"`,
		`grant_type=client_credentials&client_secret=zzz&scope=a`:  `grant_type=client_credentials&client_secret=***&scope=a`,
		"Authorization: Bearer abc.def-ghi and Basic dXNlcjpwdw==": "Authorization: Bearer *** and Basic ***",
		"plain text with s3cr3t-value inside":                      "plain text with *** inside",
	} {
		if got := redactBody([]byte(in), "", secrets); got != want {
			t.Errorf("redactBody(%s)\n got %s\nwant %s", in, got, want)
		}
	}
	form := redactBody([]byte("grant_type=client_credentials&client_secret=zzz"), "application/x-www-form-urlencoded", nil)
	if strings.Contains(form, "zzz") {
		t.Errorf("form not redacted: %s", form)
	}
}
