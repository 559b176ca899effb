package client

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

func TestNewIsLazyAndTokenIsShared(t *testing.T) {
	srv, c := newEmulatorClient(t)
	if n := srv.Counts(); n.Token != 0 || n.API != 0 {
		t.Fatalf("New made requests: %+v", n)
	}
	ctx := testCtx(t)
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.GetAPIClient(ctx, emulator.DefaultAdminClientID)
			errs <- err
		}()
	}
	// A second Client with the same configuration shares the cached token.
	c2 := newTestClient(t, srv.URL)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c2.GetAPIClient(ctx, emulator.DefaultAdminClientID)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := srv.Counts(); n.Token != 1 || n.API != 40 {
		t.Errorf("counts = %+v, want 1 token and 40 API requests", n)
	}
	scopes, err := c.GrantedScopes(ctx)
	if err != nil || len(scopes) == 0 {
		t.Errorf("GrantedScopes = %v, %v", scopes, err)
	}
}

func TestInvalidTokenRefreshedOnce(t *testing.T) {
	srv, c := newEmulatorClient(t)
	ctx := testCtx(t)
	if _, err := c.GetAPIClient(ctx, emulator.DefaultAdminClientID); err != nil {
		t.Fatal(err)
	}
	srv.Faults().ExpireTokens()
	srv.ResetCounts()
	var wg sync.WaitGroup
	for range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.GetAPIClient(ctx, emulator.DefaultAdminClientID); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n := srv.Counts(); n.Token != 1 || n.API < 6 || n.API > 10 {
		t.Errorf("counts = %+v, want one token refresh and at most 5 rejected + 5 repeated requests", n)
	}
}

func TestInvalidTokenRepeatedOnlyOnce(t *testing.T) {
	var api, tok int
	var mu sync.Mutex
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if r.URL.Path == "/oauth/token" {
			tok++
			tokenHandler(w)
			return
		}
		api++
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"statusCode":401,"message":"invalid_token","errors":[{"code":"invalid_token","message":"invalid_token"}],"error":"invalid_token"}`))
	}))
	defer ts.Close()
	c := newTestClient(t, ts.URL)
	_, err := c.GetAPIClient(testCtx(t), "abc")
	if !IsInvalidToken(err) {
		t.Fatalf("err = %v", err)
	}
	if api != 2 || tok != 2 {
		t.Errorf("api=%d token=%d, want 2 and 2", api, tok)
	}
}

func TestTokenEndpointErrors(t *testing.T) {
	srv := emulator.NewTestServer(t, emulator.Options{})
	ctx := testCtx(t)
	c := newTestClient(t, srv.URL, func(cfg *Config) { cfg.ClientSecret = "wrong-secret-value" })
	_, err := c.GetAPIClient(ctx, "x")
	var ae *AuthError
	if !errors.As(err, &ae) || ae.Code != "invalid_client" || ae.StatusCode != 401 {
		t.Fatalf("err = %#v", err)
	}
	if !strings.Contains(err.Error(), "client_id and client_secret") || strings.Contains(err.Error(), "wrong-secret-value") {
		t.Errorf("message = %q", err.Error())
	}
	c = newTestClient(t, srv.URL, func(cfg *Config) { cfg.Scopes = []string{"manage_orders:" + emulator.DefaultProjectKey} })
	_, err = c.GetAPIClient(ctx, "x")
	if !errors.As(err, &ae) || ae.Code != "invalid_scope" || !strings.Contains(err.Error(), "scopes") {
		t.Fatalf("err = %v", err)
	}
	// Token requests are retried like GETs.
	srv.Faults().FailNext(emulator.Match{Route: "/oauth/token"}, 2, 503)
	c = newTestClient(t, srv.URL)
	if _, err := c.GrantedScopes(ctx); err != nil {
		t.Fatalf("token with 503s: %v", err)
	}
}

func TestExchangeToken(t *testing.T) {
	srv, c := newEmulatorClient(t)
	ctx := testCtx(t)
	created, err := c.CreateAPIClient(ctx, apiDraft("exchange", scopeOf("view_products")))
	if err != nil {
		t.Fatal(err)
	}
	before := srv.Counts().Token
	for range 2 {
		tok, err := c.ExchangeToken(ctx, created.ID, *created.Secret, nil)
		if err != nil {
			t.Fatal(err)
		}
		if tok.AccessToken == "" || time.Until(tok.ExpiresAt) < time.Hour || len(tok.Scopes) == 0 {
			t.Errorf("token = %+v", tok)
		}
	}
	if got := srv.Counts().Token - before; got != 2 {
		t.Errorf("ExchangeToken used %d token requests, want 2 (never cached)", got)
	}
	if _, err := c.ExchangeToken(ctx, created.ID, "nope-nope", nil); err == nil {
		t.Error("wrong secret accepted")
	}
}

func TestRefreshTime(t *testing.T) {
	now := time.Now()
	if got := refreshTime(now, now.Add(48*time.Hour)); !got.Equal(now.Add(48*time.Hour - time.Minute)) {
		t.Errorf("long-lived: %v", got.Sub(now))
	}
	if got := refreshTime(now, now.Add(40*time.Second)); !got.Equal(now.Add(20 * time.Second)) {
		t.Errorf("short-lived: %v", got.Sub(now))
	}
}
