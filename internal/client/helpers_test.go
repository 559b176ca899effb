package client

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

// fastConfig returns a configuration with tiny backoffs for the given server URL.
func fastConfig(url string) Config {
	return Config{
		ClientID:       emulator.DefaultAdminClientID,
		ClientSecret:   emulator.DefaultAdminClientSecret,
		ProjectKey:     emulator.DefaultProjectKey,
		APIURL:         url,
		TokenURL:       url,
		UserAgent:      "terraform-provider-commercetools/test",
		MaxRetries:     4,
		AttemptTimeout: 2 * time.Second,
		MinBackoff:     time.Millisecond,
		MaxBackoff:     5 * time.Millisecond,
	}
}

func newTestClient(t testing.TB, url string, mutate ...func(*Config)) *Client {
	t.Helper()
	cfg := fastConfig(url)
	for _, m := range mutate {
		m(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

// newEmulatorClient starts an emulator and a Client for its default project.
func newEmulatorClient(t testing.TB, mutate ...func(*Config)) (*emulator.TestServer, *Client) {
	t.Helper()
	srv := emulator.NewTestServer(t, emulator.Options{})
	return srv, newTestClient(t, srv.URL, mutate...)
}

func testCtx(t testing.TB) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func scopeOf(names ...string) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = n + ":" + emulator.DefaultProjectKey
	}
	return strings.Join(parts, " ")
}

// tokenHandler answers token requests of handler-based tests.
func tokenHandler(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"access_token":"tok-abcdef123456","token_type":"Bearer","expires_in":3600,"scope":"manage_api_clients:my-ct-project-key"}`))
}

func intPtr(i int) *int { return &i }
