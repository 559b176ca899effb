package emulator

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPersistenceRestart(t *testing.T) {
	dir := t.TempDir()
	e1, err := New(Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, hc: http.DefaultClient}
	h.ts = startOn(t, e1)
	tok := h.admin()
	c := h.create(tok, map[string]any{"name": "keep-me", "scope": "view_types:" + pk, "accessTokenValiditySeconds": 3600})
	gone := h.create(tok, map[string]any{"name": "delete-me", "scope": "view_types:" + pk})
	mustClient(t, h.do("DELETE", h.clientsPath()+"/"+gone.ID, tok, nil))
	if err := e1.Close(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != stateFileName {
		t.Fatalf("data dir holds %v, want only the state file", entries)
	}

	e2, err := New(Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer e2.Close()
	h.ts = startOn(t, e2)
	// Old tokens are not persisted.
	_ = mustAuthError(t, h.do("GET", h.clientsPath(), tok, nil), 401, "invalid_token")
	tok = h.admin()
	g := mustClient(t, h.do("GET", h.clientsPath()+"/"+c.ID, tok, nil))
	if g.Name != "keep-me" || *g.AccessTokenValiditySeconds != 3600 || !g.CreatedAt.Equal(*c.CreatedAt) {
		t.Fatalf("restored client: %+v", g)
	}
	_, _ = mustError(t, h.do("GET", h.clientsPath()+"/"+gone.ID, tok, nil), 404, "ResourceNotFound")
	// The secret survives, so the client can still log in.
	h.token(c.ID, *c.Secret)
}

// startOn serves an existing emulator on a loopback test server.
func startOn(t *testing.T, e *Emulator) *TestServer {
	t.Helper()
	srv := newLoopback(t, e)
	return &TestServer{Emulator: e, URL: srv, Project: DefaultProject()}
}

func TestPersistenceTornWrite(t *testing.T) {
	dir := t.TempDir()
	e1, err := New(Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := e1.PutAPIClient(pk, APIClient{ID: "stay", Name: "stay", Scope: "view_types:" + pk, Secret: "s"}); err != nil {
		t.Fatal(err)
	}
	_ = e1.Close()
	// A crash during the next write leaves a partial temp file behind.
	tmp := filepath.Join(dir, "."+stateFileName+".tmp-123456")
	if err := os.WriteFile(tmp, []byte(`{"format":"commercetools-emulator-state","version":1,"projects":{"my-ct`), 0o600); err != nil {
		t.Fatal(err)
	}
	e2, err := New(Options{DataDir: dir})
	if err != nil {
		t.Fatalf("leftover temp file must be ignored: %v", err)
	}
	defer e2.Close()
	found := false
	for _, c := range e2.APIClients(pk) {
		found = found || (c.ID == "stay" && c.Secret == "s")
	}
	if !found {
		t.Fatal("data lost")
	}
}

func TestPersistenceRefusesBadFiles(t *testing.T) {
	tests := []struct{ name, content, want string }{
		{"corrupt", `{"format":"commercetools-emulator-state","version":1,"projects":{`, "corrupt"},
		{"not json", "hello", "corrupt"},
		{"foreign", `{"kind":"something-else","projects":{}}`, "not a commercetools emulator state file"},
		{"missing marker", `{"version":1,"projects":{}}`, "not a commercetools emulator state file"},
		{"wrong marker", `{"format":"terraform-state","version":1}`, "not a commercetools emulator state file"},
		{"future version", `{"format":"commercetools-emulator-state","version":99,"projects":{}}`, "version 99"},
		{"bad shape", `{"format":"commercetools-emulator-state","version":1,"projects":[1]}`, "corrupt"},
		{"bad project key", `{"format":"commercetools-emulator-state","version":1,"projects":{"_x":{}}}`, "corrupt"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, stateFileName)
			if err := os.WriteFile(path, []byte(tc.content), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := New(Options{DataDir: dir})
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
				t.Fatalf("error %v should mention %q and the file", err, tc.want)
			}
			data, _ := os.ReadFile(path)
			if string(data) != tc.content {
				t.Fatal("refused file was modified")
			}
		})
	}
}

func TestPersistenceUpdatesAdminSecret(t *testing.T) {
	dir := t.TempDir()
	e1, err := New(Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	_ = e1.Close()
	p := DefaultProject()
	p.AdminClientSecret = "rotated"
	e2, err := New(Options{DataDir: dir, Projects: []Project{p}})
	if err != nil {
		t.Fatal(err)
	}
	defer e2.Close()
	for _, c := range e2.APIClients(pk) {
		if c.ID == DefaultAdminClientID && c.Secret != "rotated" {
			t.Fatalf("admin secret %q", c.Secret)
		}
	}
}
