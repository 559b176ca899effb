package emulator

import (
	bolt "go.etcd.io/bbolt"
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
	if len(entries) != 1 || entries[0].Name() != dbFileName {
		t.Fatalf("data dir holds %v, want only the database", entries)
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

// TestPersistenceImportsLegacyFile loads the JSON state file of earlier emulators once.
func TestPersistenceImportsLegacyFile(t *testing.T) {
	dir := t.TempDir()
	legacy := `{"format":"commercetools-emulator-state","version":1,"projects":{"my-ct-project-key":{"api-clients":{` +
		`"stay":{"id":"stay","name":"stay","scope":"view_types:my-ct-project-key","secret":"s","createdAt":"2026-01-01T00:00:00Z"}}}}}`
	if err := os.WriteFile(filepath.Join(dir, legacyStateFileName), []byte(legacy), 0o600); err != nil {
		t.Fatal(err)
	}
	e1, err := New(Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	_ = e1.Close()
	if _, err := os.Stat(filepath.Join(dir, legacyStateFileName+".imported")); err != nil {
		t.Fatalf("legacy file not renamed: %v", err)
	}
	e2, err := New(Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer e2.Close()
	found := false
	for _, c := range e2.APIClients(pk) {
		found = found || (c.ID == "stay" && c.Secret == "s")
	}
	if !found {
		t.Fatal("imported client lost")
	}
}

func TestPersistenceRefusesBadFiles(t *testing.T) {
	garbage := strings.Repeat("not a database ", 1000)
	otherDB := func(t *testing.T, path string, fill func(tx *bolt.Tx) error) {
		db, err := bolt.Open(path, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Update(fill); err != nil {
			t.Fatal(err)
		}
		_ = db.Close()
	}
	tests := []struct {
		name, want string
		make       func(t *testing.T, path string)
	}{
		{"too short", "not a commercetools emulator database", func(t *testing.T, path string) { _ = os.WriteFile(path, []byte("hello"), 0o600) }},
		{"garbage", "not a commercetools emulator database", func(t *testing.T, path string) { _ = os.WriteFile(path, []byte(garbage), 0o600) }},
		{"foreign database", "format marker missing", func(t *testing.T, path string) {
			otherDB(t, path, func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("sessions")); return err })
		}},
		{"wrong marker", "format marker", func(t *testing.T, path string) {
			otherDB(t, path, func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket(metaBucket)
				if err != nil {
					return err
				}
				return b.Put([]byte("format"), []byte("terraform-state"))
			})
		}},
		{"future version", "version", func(t *testing.T, path string) {
			otherDB(t, path, func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket(metaBucket)
				if err != nil {
					return err
				}
				_ = b.Put([]byte("format"), []byte(stateFormat))
				return b.Put([]byte("version"), []byte("99"))
			})
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, dbFileName)
			tc.make(t, path)
			before, _ := os.ReadFile(path)
			_, err := New(Options{DataDir: dir})
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
				t.Fatalf("error %v should mention %q and the file", err, tc.want)
			}
			after, _ := os.ReadFile(path)
			if string(before) != string(after) {
				t.Fatal("refused file was modified")
			}
		})
	}
	t.Run("legacy corrupt", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, legacyStateFileName)
		_ = os.WriteFile(path, []byte(`{"format":"commercetools-emulator-state","version":1,"projects":{`), 0o600)
		if _, err := New(Options{DataDir: dir}); err == nil || !strings.Contains(err.Error(), "corrupt") {
			t.Fatalf("error %v", err)
		}
	})
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
