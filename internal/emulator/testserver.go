package emulator

import (
	"net/http/httptest"
	"testing"
)

// TestServer is an emulator served on a loopback httptest server.
type TestServer struct {
	*Emulator
	URL     string  // base URL for both the API and the auth endpoint
	Project Project // the first configured project
}

// NewTestServer starts an emulator on a loopback address; it fails the test
// when the emulator cannot be created and shuts down at t.Cleanup.
func NewTestServer(t testing.TB, opts Options) *TestServer {
	t.Helper()
	e, err := New(opts)
	if err != nil {
		t.Fatalf("emulator.New: %v", err)
	}
	srv := httptest.NewServer(e)
	t.Cleanup(func() {
		srv.CloseClientConnections()
		srv.Close()
		if err := e.Close(); err != nil {
			t.Errorf("emulator.Close: %v", err)
		}
	})
	p := DefaultProject()
	if len(opts.Projects) > 0 {
		p = opts.Projects[0]
		if len(p.AdminScopes) == 0 {
			p.AdminScopes = DefaultAdminScopes(p.Key)
		}
	}
	return &TestServer{Emulator: e, URL: srv.URL, Project: p}
}
