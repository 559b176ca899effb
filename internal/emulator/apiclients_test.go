package emulator

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

var (
	idPattern     = regexp.MustCompile(`^[A-Za-z0-9_-]{24}$`)
	secretPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{32}$`)
	timePattern   = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`)
)

func TestAPIClientLifecycle(t *testing.T) {
	clock := newClock()
	h := newHarness(t, Options{Now: clock.Now})
	tok := h.admin()
	draft := map[string]any{"name": "tf-ci-importer", "scope": "  manage_products:" + pk + "   view_types:" + pk + " ", "deleteDaysAfterCreation": 30, "accessTokenValiditySeconds": 7200}
	r := h.do(http.MethodPost, h.clientsPath(), tok, draft)
	if r.status != http.StatusCreated {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	c := mustClient(t, r)
	if !idPattern.MatchString(c.ID) || c.Secret == nil || !secretPattern.MatchString(*c.Secret) {
		t.Fatalf("id/secret shape: %s", r.body)
	}
	if c.Scope != "manage_products:"+pk+" view_types:"+pk {
		t.Fatalf("scope %q", c.Scope)
	}
	var raw map[string]any
	_ = json.Unmarshal(r.body, &raw)
	if createdAt, _ := raw["createdAt"].(string); !timePattern.MatchString(createdAt) || raw["createdAt"] != "2026-03-01T09:15:27.118Z" || raw["deleteAt"] != "2026-03-31T09:15:27.118Z" {
		t.Fatalf("timestamps: %s", r.body)
	}
	if _, ok := raw["refreshTokenValiditySeconds"]; ok {
		t.Fatalf("unset validity must be absent: %s", r.body)
	}
	if _, ok := raw["deleteDaysAfterCreation"]; ok {
		t.Fatalf("deleteDaysAfterCreation is not part of ApiClient: %s", r.body)
	}
	if c.AccessTokenValiditySeconds == nil || *c.AccessTokenValiditySeconds != 7200 {
		t.Fatalf("access validity: %s", r.body)
	}
	if r.header.Get("X-Correlation-ID") == "" {
		t.Fatal("no correlation id")
	}

	// Get: no secret.
	r = h.do(http.MethodGet, h.clientsPath()+"/"+c.ID, tok, nil)
	g := mustClient(t, r)
	if r.status != 200 || g.Secret != nil || strings.Contains(string(r.body), "secret") || g.ID != c.ID {
		t.Fatalf("get: %d %s", r.status, r.body)
	}
	// HEAD by id.
	if r := h.do(http.MethodHead, h.clientsPath()+"/"+c.ID, tok, nil); r.status != 200 || len(r.body) != 0 {
		t.Fatalf("head: %d %q", r.status, r.body)
	}
	// Delete: 200 with the client, no secret.
	r = h.do(http.MethodDelete, h.clientsPath()+"/"+c.ID, tok, nil)
	d := mustClient(t, r)
	if r.status != 200 || d.Secret != nil || d.ID != c.ID || d.Name != "tf-ci-importer" {
		t.Fatalf("delete: %d %s", r.status, r.body)
	}
	// Gone.
	for _, m := range []string{http.MethodGet, http.MethodDelete} {
		r := h.do(m, h.clientsPath()+"/"+c.ID, tok, nil)
		_, objs := mustError(t, r, 404, "ResourceNotFound")
		if objs[0]["message"] != "The Resource with ID '"+c.ID+"' was not found." {
			t.Fatalf("404 message: %s", r.body)
		}
	}
	if r := h.do(http.MethodHead, h.clientsPath()+"/"+c.ID, tok, nil); r.status != 404 || len(r.body) != 0 {
		t.Fatalf("head missing: %d", r.status)
	}
	log := h.ts.RequestLog()
	var sawCreate bool
	for _, l := range log {
		if l.Method == "POST" && l.Route == "/{projectKey}/api-clients" && l.ResourceID == c.ID && l.Status == 201 {
			sawCreate = true
		}
	}
	if !sawCreate {
		t.Fatalf("request log lacks the create: %+v", log)
	}
}

func TestDeleteAfterDays(t *testing.T) {
	clock := newClock()
	h := newHarness(t, Options{Now: clock.Now})
	tok := h.admin()
	c := h.create(tok, map[string]any{"name": "temp", "scope": "view_types:" + pk, "deleteDaysAfterCreation": 1})
	clock.Advance(24*time.Hour - time.Millisecond)
	if r := h.do(http.MethodGet, h.clientsPath()+"/"+c.ID, tok, nil); r.status != 200 {
		t.Fatalf("before deleteAt: %d", r.status)
	}
	clock.Advance(time.Millisecond)
	_, _ = mustError(t, h.do(http.MethodGet, h.clientsPath()+"/"+c.ID, tok, nil), 404, "ResourceNotFound")
	for _, s := range h.ts.APIClients(pk) {
		if s.ID == c.ID {
			t.Fatal("expired client still listed")
		}
	}
}

func TestDraftValidation(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	scope := "view_types:" + pk
	tests := []struct {
		name     string
		body     any
		code     string
		contains []string
		nErrors  int
	}{
		{"malformed json", `{"name": "x",`, "InvalidJsonInput", []string{"unexpected end"}, 1},
		{"not an object", `[1,2]`, "InvalidJsonInput", nil, 1},
		{"empty body", ``, "InvalidJsonInput", nil, 1},
		{"trailing data", `{"name":"x","scope":"` + scope + `"} {}`, "InvalidJsonInput", nil, 1},
		{"missing name", map[string]any{"scope": scope}, "InvalidJsonInput", []string{"name: Missing required value"}, 1},
		{"missing scope", map[string]any{"name": "x"}, "InvalidJsonInput", []string{"scope: Missing required value"}, 1},
		{"null name", map[string]any{"name": nil, "scope": scope}, "InvalidJsonInput", []string{"name"}, 1},
		{"name number", map[string]any{"name": 5, "scope": scope}, "InvalidJsonInput", []string{"name: expected a string, got a number"}, 1},
		{"validity string", map[string]any{"name": "x", "scope": scope, "accessTokenValiditySeconds": "3600"}, "InvalidJsonInput", []string{"accessTokenValiditySeconds"}, 1},
		{"validity float", map[string]any{"name": "x", "scope": scope, "refreshTokenValiditySeconds": 30.5}, "InvalidJsonInput", []string{"refreshTokenValiditySeconds"}, 1},
		{"days bool", map[string]any{"name": "x", "scope": scope, "deleteDaysAfterCreation": true}, "InvalidJsonInput", []string{"deleteDaysAfterCreation: expected an integer, got a boolean"}, 1},
		{"empty name", map[string]any{"name": "  ", "scope": scope}, "InvalidInput", []string{"'name'"}, 1},
		{"empty scope", map[string]any{"name": "x", "scope": " "}, "InvalidInput", []string{"'scope'"}, 1},
		{"scope without project", map[string]any{"name": "x", "scope": "manage_types"}, "InvalidInput", []string{"'manage_types'", "'scope'"}, 1},
		{"unknown scope name", map[string]any{"name": "x", "scope": "manage_everything:" + pk}, "InvalidInput", []string{"unknown scope name 'manage_everything'"}, 1},
		{"other project", map[string]any{"name": "x", "scope": "manage_types:other-project"}, "InvalidInput", []string{"other-project", pk}, 1},
		{"not store scopable", map[string]any{"name": "x", "scope": "manage_types:" + pk + ":store-a"}, "InvalidInput", []string{"store"}, 1},
		{"bad store key", map[string]any{"name": "x", "scope": "manage_orders:" + pk + ":a"}, "InvalidInput", []string{"store key"}, 1},
		{"access too small", map[string]any{"name": "x", "scope": scope, "accessTokenValiditySeconds": 3599}, "InvalidInput", []string{"'3599'", "accessTokenValiditySeconds", "3600 and 604800"}, 1},
		{"access too big", map[string]any{"name": "x", "scope": scope, "accessTokenValiditySeconds": 604801}, "InvalidInput", []string{"604801"}, 1},
		{"refresh too small", map[string]any{"name": "x", "scope": scope, "refreshTokenValiditySeconds": 29}, "InvalidInput", []string{"refreshTokenValiditySeconds", "30 and 31536000"}, 1},
		{"refresh too big", map[string]any{"name": "x", "scope": scope, "refreshTokenValiditySeconds": 31536001}, "InvalidInput", []string{"31536001"}, 1},
		{"days zero", map[string]any{"name": "x", "scope": scope, "deleteDaysAfterCreation": 0}, "InvalidInput", []string{"deleteDaysAfterCreation", "'0'"}, 1},
		{"several problems", map[string]any{"name": "", "scope": "bad", "deleteDaysAfterCreation": -1}, "InvalidInput", nil, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := h.do(http.MethodPost, h.clientsPath(), tok, tc.body)
			er, objs := mustError(t, r, 400, tc.code)
			if len(objs) != tc.nErrors {
				t.Fatalf("%d errors, want %d: %s", len(objs), tc.nErrors, r.body)
			}
			text := er.Message
			if tc.code == "InvalidJsonInput" {
				if er.Message != "Request body does not contain valid JSON." {
					t.Fatalf("message %q", er.Message)
				}
				d, _ := objs[0]["detailedErrorMessage"].(string)
				if d == "" {
					t.Fatalf("no detailedErrorMessage: %s", r.body)
				}
				text = d
			}
			for _, s := range tc.contains {
				if !strings.Contains(text, s) {
					t.Fatalf("%q does not contain %q", text, s)
				}
			}
		})
	}
	if n := len(h.ts.APIClients(pk)); n != 1 {
		t.Fatalf("invalid drafts created clients: %d", n)
	}
	// Valid edge values; validity fields appear only when set.
	c := h.create(tok, map[string]any{"name": "edge", "scope": "manage_orders:" + pk + ":store-a view_orders:" + pk + ":store-a", "accessTokenValiditySeconds": 604800, "refreshTokenValiditySeconds": 30, "deleteDaysAfterCreation": nil})
	if c.RefreshTokenValiditySeconds == nil || *c.RefreshTokenValiditySeconds != 30 || c.DeleteAt != nil {
		t.Fatalf("edge client: %+v", c)
	}
}

func TestAuthorization(t *testing.T) {
	projects := []Project{DefaultProject(), {Key: "other-proj", AdminClientID: "o-admin", AdminClientSecret: "o-secret"}}
	h := newHarness(t, Options{Projects: projects})
	admin := h.admin()
	mk := func(scope string) string {
		c := h.create(admin, map[string]any{"name": scope, "scope": scope})
		return h.token(c.ID, *c.Secret)
	}
	viewTok := mk("view_api_clients:" + pk)
	projTok := mk("manage_project:" + pk)
	storeTok := mk("manage_orders:" + pk + ":store-a")
	otherTok := h.token("o-admin", "o-secret")
	path := h.clientsPath()
	draft := map[string]any{"name": "n", "scope": "view_types:" + pk}
	tests := []struct {
		name, method, path, tok string
		body                    any
		status                  int
		code                    string
	}{
		{"no token", "GET", path, "", nil, 401, "invalid_token"},
		{"garbage token", "GET", path, "garbage", nil, 401, "invalid_token"},
		{"view can query", "GET", path, viewTok, nil, 200, ""},
		{"view cannot create", "POST", path, viewTok, draft, 403, "insufficient_scope"},
		{"view cannot delete", "DELETE", path + "/xyz", viewTok, nil, 403, "insufficient_scope"},
		{"manage_project cannot query", "GET", path, projTok, nil, 403, "insufficient_scope"},
		{"manage_project cannot create", "POST", path, projTok, draft, 403, "insufficient_scope"},
		{"store scope cannot query", "GET", path, storeTok, nil, 403, "insufficient_scope"},
		{"other project token", "GET", path, otherTok, nil, 403, "insufficient_scope"},
		{"other project can use own", "GET", "/other-proj/api-clients", otherTok, nil, 200, ""},
		{"unknown project", "GET", "/nope-proj/api-clients", admin, nil, 403, "insufficient_scope"},
		{"unknown route", "GET", "/" + pk + "/products", admin, nil, 404, "ResourceNotFound"},
		{"unknown method", "PUT", path, admin, nil, 404, "ResourceNotFound"},
		{"no update endpoint", "POST", path + "/abc", admin, draft, 404, "ResourceNotFound"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := h.do(tc.method, tc.path, tc.tok, tc.body)
			if tc.code == "" {
				if r.status != tc.status {
					t.Fatalf("status %d: %s", r.status, r.body)
				}
				return
			}
			if tc.status == 404 {
				_, _ = mustError(t, r, tc.status, tc.code)
				return
			}
			ae := mustAuthError(t, r, tc.status, tc.code)
			if tc.status == 403 && !strings.HasPrefix(ae.Message, "Insufficient scope. One of the following scopes is missing: ") {
				t.Fatalf("message %q", ae.Message)
			}
		})
	}
	r := h.do("POST", path, viewTok, draft)
	if ae := mustAuthError(t, r, 403, "insufficient_scope"); ae.Message != "Insufficient scope. One of the following scopes is missing: manage_api_clients." {
		t.Fatalf("message %q", ae.Message)
	}
}

func TestHeadersAndLimits(t *testing.T) {
	h := newHarness(t, Options{MaxBodyBytes: 1024})
	tok := h.admin()
	req, _ := http.NewRequestWithContext(t.Context(), "GET", h.ts.URL+h.clientsPath(), nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("X-Correlation-ID", "my-corr-1")
	if r := h.send(req); r.header.Get("X-Correlation-ID") != "my-corr-1" || r.status != 200 {
		t.Fatalf("correlation id not echoed: %v", r.header)
	}
	// Generated on errors too.
	if r := h.do("GET", "/nothing/here/at/all", "", nil); r.header.Get("X-Correlation-ID") == "" || r.status != 404 {
		t.Fatalf("no generated correlation id: %d %v", r.status, r.header)
	}
	big := `{"name":"` + strings.Repeat("x", 2048) + `","scope":"view_types:` + pk + `"}`
	er, _ := mustError(t, h.do("POST", h.clientsPath(), tok, big), 413, "RequestEntityTooLarge")
	if !strings.Contains(er.Message, "1024") {
		t.Fatalf("message %q", er.Message)
	}
}

func TestNormalizeScopesOnRead(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	c := h.create(tok, map[string]any{"name": "n", "scope": "view_types:" + pk + " manage_products:" + pk + " view_types:" + pk})
	if c.Scope != "view_types:"+pk+" manage_products:"+pk+" view_types:"+pk {
		t.Fatalf("create must return scope as sent: %q", c.Scope)
	}
	h.ts.Faults().NormalizeScopesOnRead(true)
	want := "manage_products:" + pk + " view_products:" + pk + " view_types:" + pk
	if g := mustClient(t, h.do("GET", h.clientsPath()+"/"+c.ID, tok, nil)); g.Scope != want {
		t.Fatalf("normalised scope %q, want %q", g.Scope, want)
	}
	p := mustPaged(t, h.do("GET", h.clientsPath()+"?where=id%3D%22"+c.ID+"%22", tok, nil))
	if len(p.Results) != 1 || p.Results[0].Scope != want {
		t.Fatalf("query scope: %+v", p.Results)
	}
	if d := mustClient(t, h.do("DELETE", h.clientsPath()+"/"+c.ID, tok, nil)); d.Scope != want {
		t.Fatalf("delete scope %q", d.Scope)
	}
	h.ts.Faults().Reset()
	c2 := h.create(tok, map[string]any{"name": "n2", "scope": "manage_products:" + pk})
	if g := mustClient(t, h.do("GET", h.clientsPath()+"/"+c2.ID, tok, nil)); g.Scope != "manage_products:"+pk {
		t.Fatalf("after reset: %q", g.Scope)
	}
}

func TestFixtureMethods(t *testing.T) {
	clock := newClock()
	h := newHarness(t, Options{Now: clock.Now})
	err := h.ts.PutAPIClient(pk, APIClient{ID: "fixture-1", Name: "fx", Scope: "view_api_clients:" + pk, Secret: "fx-secret", DeleteDaysAfterCreation: intp(2)})
	if err != nil {
		t.Fatal(err)
	}
	tok := h.token("fixture-1", "fx-secret")
	g := mustClient(t, h.do("GET", h.clientsPath()+"/fixture-1", tok, nil))
	if g.DeleteAt == nil || !g.DeleteAt.Equal(clock.Now().Add(48*time.Hour)) {
		t.Fatalf("fixture deleteAt: %+v", g.DeleteAt)
	}
	list := h.ts.APIClients(pk)
	if len(list) != 2 || list[0].ID != DefaultAdminClientID || list[1].Secret != "fx-secret" {
		t.Fatalf("snapshot: %+v", list)
	}
	if err := h.ts.PutAPIClient(pk, APIClient{ID: "a/b", Name: "x"}); err == nil {
		t.Fatal("bad id accepted")
	}
	if err := h.ts.PutAPIClient("_bad", APIClient{Name: "x"}); err == nil {
		t.Fatal("bad project accepted")
	}
	if h.ts.DeleteAPIClient(pk, "missing") || h.ts.DeleteAPIClient("no-such-project", "x") {
		t.Fatal("deleting a missing client returned true")
	}
	if h.ts.APIClients("no-such-project") != nil {
		t.Fatal("unknown project has clients")
	}
}

func TestNewValidatesProjects(t *testing.T) {
	bad := [][]Project{
		{{Key: "_x", AdminClientID: "a", AdminClientSecret: "b"}},
		{{Key: "ok-key", AdminClientID: "", AdminClientSecret: "b"}},
		{{Key: "ok-key", AdminClientID: "a", AdminClientSecret: "b", AdminScopes: []string{"manage_types:other"}}},
		{{Key: "ok-key", AdminClientID: "a", AdminClientSecret: "b", AdminScopes: []string{"bogus"}}},
	}
	for i, ps := range bad {
		if _, err := New(Options{Projects: ps}); err == nil {
			t.Errorf("case %d: expected error", i)
		}
	}
}
