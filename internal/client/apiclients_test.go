package client

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
	"github.com/labd/commercetools-go-sdk/platform"
)

func apiDraft(name, scope string) platform.ApiClientDraft {
	return platform.ApiClientDraft{Name: name, Scope: scope}
}

func TestCRUD(t *testing.T) {
	srv, c := newEmulatorClient(t)
	ctx := testCtx(t)
	d := apiDraft(`tf "quoted" \ name`, scopeOf("manage_products", "view_types"))
	d.AccessTokenValiditySeconds = intPtr(7200)
	srv.ResetCounts()
	created, err := c.CreateAPIClient(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if created.Secret == nil || *created.Secret == "" || created.ID == "" {
		t.Fatalf("created = %+v", created)
	}
	if n := srv.Counts(); n.API != 1 {
		t.Errorf("create used %d API requests, want 1", n.API)
	}
	got, err := c.GetAPIClient(ctx, created.ID)
	if err != nil || got.Name != d.Name || got.Secret != nil {
		t.Fatalf("get = %+v, %v", got, err)
	}
	list, err := c.QueryAPIClients(ctx, []string{"name = " + QuotePredicate(d.Name)})
	if err != nil || len(list) != 1 || list[0].ID != created.ID {
		t.Fatalf("query = %+v, %v", list, err)
	}
	if _, err := c.DeleteAPIClient(ctx, created.ID); err != nil {
		t.Fatal(err)
	}
	_, err = c.DeleteAPIClient(ctx, created.ID)
	if !IsNotFound(err) {
		t.Fatalf("second delete: %v", err)
	}
	if _, err := c.GetAPIClient(ctx, created.ID); !IsNotFound(err) {
		t.Fatalf("get deleted: %v", err)
	}
	if _, err := c.ReadAPIClient(ctx, created.ID); !IsNotFound(err) {
		t.Fatalf("read deleted: %v", err)
	}
	if c.ProjectKey() != emulator.DefaultProjectKey {
		t.Error("ProjectKey")
	}
}

func TestInsufficientScope(t *testing.T) {
	srv, admin := newEmulatorClient(t)
	viewer, err := admin.CreateAPIClient(testCtx(t), apiDraft("viewer", scopeOf("view_api_clients")))
	if err != nil {
		t.Fatal(err)
	}
	c := newTestClient(t, srv.URL, func(cfg *Config) { cfg.ClientID, cfg.ClientSecret = viewer.ID, *viewer.Secret })
	_, err = c.CreateAPIClient(testCtx(t), apiDraft("x", scopeOf("view_types")))
	if !IsInsufficientScope(err) {
		t.Fatalf("err = %v", err)
	}
}

func TestQueryAPIClientsPagesPast500(t *testing.T) {
	srv, c := newEmulatorClient(t)
	for i := range 1203 {
		if err := srv.PutAPIClient(emulator.DefaultProjectKey, emulator.APIClient{Name: "bulk", Scope: scopeOf("view_types"), ID: "id-" + pad(i)}); err != nil {
			t.Fatal(err)
		}
	}
	list, err := c.QueryAPIClients(testCtx(t), []string{`name = "bulk"`})
	if err != nil || len(list) != 1203 {
		t.Fatalf("got %d, %v", len(list), err)
	}
	if n := srv.Counts().ByRoute["GET /{projectKey}/api-clients"]; n != 3 {
		t.Errorf("list requests = %d, want 3", n)
	}
}

func pad(i int) string {
	s := "00000" + strings.TrimSpace(strings.Repeat(" ", 0)) + itoa(i)
	return s[len(s)-5:]
}

func itoa(i int) string {
	const digits = "0123456789"
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{digits[i%10]}, b...)
	}
	return string(b)
}

func TestUserAgentAndNoNetworkInNew(t *testing.T) {
	var ua string
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/oauth/token" {
			tokenHandler(w)
			return
		}
		ua = r.Header.Get("User-Agent")
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"a","name":"n","scope":"s"}`))
	}))
	defer ts.Close()
	c := newTestClient(t, ts.URL)
	if _, err := c.GetAPIClient(testCtx(t), "a"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ua, "terraform-provider-commercetools/test commercetools-go-sdk/") || !strings.Contains(ua, "Go/") {
		t.Errorf("User-Agent = %q", ua)
	}
}

func TestConfigValidation(t *testing.T) {
	if _, err := New(Config{}); err == nil || !strings.Contains(err.Error(), "client_id") {
		t.Errorf("empty config: %v", err)
	}
	c, err := New(Config{ClientID: "a", ClientSecret: "b", ProjectKey: "p", APIURL: "https://api.x/", TokenURL: "https://auth.x"}) //nolint:gosec // test fixture
	if err != nil || c.cfg.TokenURL != "https://auth.x/oauth/token" || c.cfg.MaxRetries != DefaultMaxRetries {
		t.Errorf("normalize: %+v %v", c.cfg, err)
	}
	if _, err := New(Config{ClientID: "a", ClientSecret: "b", ProjectKey: "p", APIURL: "api.x", TokenURL: "https://auth.x"}); err == nil { //nolint:gosec // test fixture
		t.Error("relative URL accepted")
	}
}

func TestClientCallBoundedByDeadline(t *testing.T) {
	srv, c := newEmulatorClient(t, func(cfg *Config) {
		cfg.MaxRetries = 1000
		cfg.MinBackoff, cfg.MaxBackoff = 10*time.Millisecond, 40*time.Millisecond
	})
	if _, err := c.GrantedScopes(testCtx(t)); err != nil {
		t.Fatal(err)
	}
	srv.Faults().SetRandomFailures(emulator.Match{Method: http.MethodGet}, 1, []int{503}, 1)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.GetAPIClient(ctx, emulator.DefaultAdminClientID)
	if el := time.Since(start); el > 700*time.Millisecond {
		t.Errorf("took %s with a 300ms deadline", el)
	}
	var ae *APIError
	if err == nil || (!errors.As(err, &ae) && !errors.Is(err, context.DeadlineExceeded)) || !strings.Contains(err.Error(), "503") {
		t.Errorf("err = %v", err)
	}
}

func TestClientAttemptTimeout(t *testing.T) {
	srv, c := newEmulatorClient(t, func(cfg *Config) {
		cfg.AttemptTimeout = 100 * time.Millisecond
		cfg.MaxRetries = 2
	})
	if _, err := c.GrantedScopes(testCtx(t)); err != nil {
		t.Fatal(err)
	}
	srv.Faults().SetLatency(time.Second)
	start := time.Now()
	_, err := c.GetAPIClient(testCtx(t), emulator.DefaultAdminClientID)
	if err == nil || !strings.Contains(err.Error(), "3 attempt(s)") || !strings.Contains(err.Error(), "timed out") {
		t.Errorf("err = %v", err)
	}
	if el := time.Since(start); el > 900*time.Millisecond {
		t.Errorf("took %s", el)
	}
}
