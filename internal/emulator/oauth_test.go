package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/labd/commercetools-go-sdk/platform"
)

const pk = DefaultProjectKey

func TestTokenFlows(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	// A client created through the API, with characters that need escaping.
	created := h.create(tok, map[string]any{"name": "prod", "scope": "manage_products:" + pk + " view_orders:" + pk, "accessTokenValiditySeconds": 7200})
	grant := url.Values{"grant_type": {"client_credentials"}}
	tests := []struct {
		name       string
		basic      bool
		id, secret string
		form       url.Values
		query      string
		status     int
		code       string
		msg        string
		scope      string
		expiresIn  int
	}{
		{name: "basic all scopes", basic: true, id: DefaultAdminClientID, secret: DefaultAdminClientSecret, form: grant, status: 200,
			scope: "manage_project:" + pk + " view_project:x", expiresIn: 172800},
		{name: "form fallback", id: DefaultAdminClientID, secret: DefaultAdminClientSecret, form: url.Values{"grant_type": {"client_credentials"}}, status: 200, expiresIn: 172800},
		{name: "grant type in query", basic: true, id: DefaultAdminClientID, secret: DefaultAdminClientSecret, query: "grant_type=client_credentials", status: 200, expiresIn: 172800},
		{name: "body wins over query", basic: true, id: DefaultAdminClientID, secret: DefaultAdminClientSecret, form: url.Values{"grant_type": {"password"}}, query: "grant_type=client_credentials", status: 400, code: "unsupported_grant_type"},
		{name: "missing grant type", basic: true, id: DefaultAdminClientID, secret: DefaultAdminClientSecret, status: 400, code: "invalid_request"},
		{name: "unsupported grant", basic: true, id: DefaultAdminClientID, secret: DefaultAdminClientSecret, form: url.Values{"grant_type": {"refresh_token"}}, status: 400, code: "unsupported_grant_type"},
		{name: "wrong secret", basic: true, id: DefaultAdminClientID, secret: "nope", form: grant, status: 401, code: "invalid_client", msg: invalidClientMsg},
		{name: "unknown client", basic: true, id: "unknown", secret: "x", form: grant, status: 401, code: "invalid_client"},
		{name: "no credentials", form: grant, status: 401, code: "invalid_client"},
		{name: "form wrong secret", id: DefaultAdminClientID, secret: "nope", form: url.Values{"grant_type": {"client_credentials"}}, status: 401, code: "invalid_client"},
		{name: "malformed scope", basic: true, id: created.ID, secret: *created.Secret, form: url.Values{"grant_type": {"client_credentials"}, "scope": {"manage_products"}}, status: 400, code: "invalid_scope", msg: "Malformed parameter: scope: Invalid scope."},
		{name: "unknown scope name", basic: true, id: created.ID, secret: *created.Secret, form: url.Values{"grant_type": {"client_credentials"}, "scope": {"manage_everything:" + pk}}, status: 400, code: "invalid_scope", msg: "Malformed parameter: scope: Invalid scope."},
		{name: "scope not held", basic: true, id: created.ID, secret: *created.Secret, form: url.Values{"grant_type": {"client_credentials"}, "scope": {"manage_orders:" + pk}}, status: 400, code: "invalid_scope",
			msg: "Permissions exceeded. Only the following permissions can be requested: manage_products, view_orders"},
		{name: "implied view not requestable", basic: true, id: created.ID, secret: *created.Secret, form: url.Values{"grant_type": {"client_credentials"}, "scope": {"view_products:" + pk}}, status: 400, code: "invalid_scope"},
		{name: "subset allowed", basic: true, id: created.ID, secret: *created.Secret, form: url.Values{"grant_type": {"client_credentials"}, "scope": {"manage_products:" + pk}}, status: 200,
			scope: "manage_products:" + pk + " view_products:" + pk, expiresIn: 7200},
		{name: "all scopes with implied", basic: true, id: created.ID, secret: *created.Secret, form: grant, status: 200,
			scope: "manage_products:" + pk + " view_products:" + pk + " view_orders:" + pk, expiresIn: 7200},
		{name: "manage_project narrower refused", basic: true, id: DefaultAdminClientID, secret: DefaultAdminClientSecret, form: url.Values{"grant_type": {"client_credentials"}, "scope": {"manage_api_clients:" + pk}}, status: 400, code: "invalid_scope"},
		{name: "manage_project exact set allowed", basic: true, id: DefaultAdminClientID, secret: DefaultAdminClientSecret, form: url.Values{"grant_type": {"client_credentials"}, "scope": {"manage_api_clients:" + pk + " manage_project:" + pk}}, status: 200, expiresIn: 172800},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			form := url.Values{}
			for k, v := range tc.form {
				form[k] = append([]string(nil), v...)
			}
			r := h.tokenRequest(tc.basic, tc.id, tc.secret, form, tc.query)
			if tc.code != "" {
				ae := mustAuthError(t, r, tc.status, tc.code)
				if tc.msg != "" && ae.Message != tc.msg {
					t.Fatalf("message %q, want %q", ae.Message, tc.msg)
				}
				if ae.ErrorDescription == nil || *ae.ErrorDescription != ae.Message {
					t.Fatalf("error_description missing: %s", r.body)
				}
				return
			}
			if r.status != tc.status {
				t.Fatalf("status %d: %s", r.status, r.body)
			}
			var tr map[string]any
			if err := json.Unmarshal(r.body, &tr); err != nil {
				t.Fatal(err)
			}
			expiresIn, _ := tr["expires_in"].(float64)
			if tr["token_type"] != "Bearer" || tr["access_token"] == "" || int(expiresIn) != tc.expiresIn {
				t.Fatalf("bad token response: %s", r.body)
			}
			if _, ok := tr["refresh_token"]; ok {
				t.Fatal("client credentials must not return a refresh token")
			}
			if tc.scope != "" && !strings.HasPrefix(tc.scope, "manage_project") && tr["scope"] != tc.scope {
				t.Fatalf("scope %q, want %q", tr["scope"], tc.scope)
			}
		})
	}
}

func TestTokenImpliedScopesForAdmin(t *testing.T) {
	h := newHarness(t, Options{})
	r := h.tokenRequest(true, DefaultAdminClientID, DefaultAdminClientSecret, url.Values{"grant_type": {"client_credentials"}}, "")
	var tr tokenResponse
	_ = json.Unmarshal(r.body, &tr)
	want := "manage_project:" + pk + " manage_api_clients:" + pk + " view_api_clients:" + pk
	if tr.Scope != want {
		t.Fatalf("scope %q, want %q", tr.Scope, want)
	}
}

func TestTokenStoreScopedImplied(t *testing.T) {
	got := impliedScopes([]string{"manage_orders:p:s1", "manage_project:p", "manage_extensions:p", "manage_orders:p:s1"})
	want := []string{"manage_orders:p:s1", "view_orders:p:s1", "manage_project:p", "manage_extensions:p"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func TestTokenExpiryAndLastUsed(t *testing.T) {
	clock := newClock()
	h := newHarness(t, Options{Now: clock.Now})
	admin := h.admin()
	c := h.create(admin, map[string]any{"name": "short", "scope": "manage_api_clients:" + pk, "accessTokenValiditySeconds": 3600})
	if c.LastUsedAt != nil {
		t.Fatal("new client must not have lastUsedAt")
	}
	clock.Advance(36 * time.Hour) // next day
	tok := h.token(c.ID, *c.Secret)
	r := h.do(http.MethodGet, h.clientsPath()+"/"+c.ID, tok, nil)
	got := mustClient(t, r)
	if got.LastUsedAt == nil || *got.LastUsedAt != (platform.Date{Year: 2026, Month: 3, Day: 2}) {
		t.Fatalf("lastUsedAt %v: %s", got.LastUsedAt, r.body)
	}
	for _, s := range h.ts.APIClients(pk) {
		if s.ID == c.ID && s.LastUsedAt != "2026-03-02" {
			t.Fatalf("snapshot lastUsedAt %q", s.LastUsedAt)
		}
	}
	clock.Advance(3599 * time.Second)
	if r := h.do(http.MethodGet, h.clientsPath(), tok, nil); r.status != 200 {
		t.Fatalf("token should still be valid: %d", r.status)
	}
	clock.Advance(time.Second)
	_ = mustAuthError(t, h.do(http.MethodGet, h.clientsPath(), tok, nil), 401, "invalid_token")
	// The admin token (48h) is still valid after 37h.
	if r := h.do(http.MethodGet, h.clientsPath(), admin, nil); r.status != 200 {
		t.Fatalf("admin token: %d %s", r.status, r.body)
	}
}

func TestExpireTokensHook(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	h.ts.Faults().ExpireTokens()
	ae := mustAuthError(t, h.do(http.MethodGet, h.clientsPath(), tok, nil), 401, "invalid_token")
	if ae.Message != "invalid_token" {
		t.Fatalf("message %q", ae.Message)
	}
	if r := h.do(http.MethodGet, h.clientsPath(), h.admin(), nil); r.status != 200 {
		t.Fatalf("fresh token after ExpireTokens: %d", r.status)
	}
}

func TestDeletedClientTokenInvalid(t *testing.T) {
	h := newHarness(t, Options{})
	admin := h.admin()
	c := h.create(admin, map[string]any{"name": "x", "scope": "view_api_clients:" + pk})
	tok := h.token(c.ID, *c.Secret)
	if !h.ts.DeleteAPIClient(pk, c.ID) {
		t.Fatal("DeleteAPIClient returned false")
	}
	_ = mustAuthError(t, h.do(http.MethodGet, h.clientsPath(), tok, nil), 401, "invalid_token")
	_ = mustAuthError(t, h.tokenRequest(true, c.ID, *c.Secret, url.Values{"grant_type": {"client_credentials"}}, ""), 401, "invalid_client")
}

func TestGrantScopesUnit(t *testing.T) {
	held := []string{"manage_types:p", "view_orders:p:s1"}
	if _, err := grantScopes("p", held, "view_orders:p:s1"); err != nil {
		t.Fatal(err)
	}
	if _, err := grantScopes("p", held, "view_orders:p:s2"); err == nil || !strings.Contains(err.message(), "Permissions exceeded") {
		t.Fatalf("got %v", err)
	}
	if _, err := grantScopes("p", held, "view_orders:p:"); err == nil || !strings.Contains(err.message(), "Invalid scope") {
		t.Fatalf("got %v", err)
	}
}

func TestTokenBasicPercentDecoding(t *testing.T) {
	h := newHarness(t, Options{})
	secret := "a+b/c%d e&f=g:h"
	if err := h.ts.PutAPIClient(pk, APIClient{ID: "id:with+chars", Name: "odd", Scope: "view_types:" + pk, Secret: secret}); err != nil {
		t.Fatal(err)
	}
	h.token("id:with+chars", secret)
	r := h.tokenRequest(false, "id:with+chars", secret, url.Values{"grant_type": {"client_credentials"}}, "")
	if r.status != 200 {
		t.Fatalf("form credentials: %d %s", r.status, r.body)
	}
}
