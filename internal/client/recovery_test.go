package client

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

var createMatch = emulator.Match{Method: http.MethodPost, Route: "/{projectKey}/api-clients"}

func clientsNamed(srv *emulator.TestServer, name string) []emulator.APIClient {
	var out []emulator.APIClient
	for _, c := range srv.APIClients(emulator.DefaultProjectKey) {
		if c.Name == name {
			out = append(out, c)
		}
	}
	return out
}

func TestLostCreateRecovery(t *testing.T) {
	for _, tc := range []struct {
		name           string
		posts, deletes int
		inject         func(f *emulator.Faults)
	}{
		{"drop after commit", 2, 1, func(f *emulator.Faults) { f.DropNext(createMatch, 1, true) }},
		{"drop before commit", 2, 0, func(f *emulator.Faults) { f.DropNext(createMatch, 1, false) }},
		{"two drops after commit", 3, 2, func(f *emulator.Faults) { f.DropNext(createMatch, 2, true) }},
		{"500", 2, 0, func(f *emulator.Faults) { f.FailNext(createMatch, 1, 500) }},
		{"502 and 504", 3, 0, func(f *emulator.Faults) { f.FailNext(createMatch, 1, 502); f.FailNext(createMatch, 1, 504) }},
		{"429 and 503", 4, 0, func(f *emulator.Faults) {
			f.SetRetryAfter("0")
			f.FailNext(createMatch, 2, 429)
			f.FailNext(createMatch, 1, 503)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, c := newEmulatorClient(t)
			srv.Faults().NormalizeScopesOnRead(true)
			tc.inject(srv.Faults())
			created, err := c.CreateAPIClient(testCtx(t), apiDraft("lost", scopeOf("manage_products", "view_types")))
			if err != nil {
				t.Fatal(err)
			}
			left := clientsNamed(srv, "lost")
			if len(left) != 1 || left[0].ID != created.ID || left[0].Secret != *created.Secret {
				t.Fatalf("clients left = %+v, returned %s", left, created.ID)
			}
			n := srv.Counts().ByRoute
			if n["POST /{projectKey}/api-clients"] != tc.posts || n["DELETE /{projectKey}/api-clients/{id}"] != tc.deletes {
				t.Errorf("requests = %v, want %d POST and %d DELETE", n, tc.posts, tc.deletes)
			}
		})
	}
}

func TestLostCreateSeveralCandidates(t *testing.T) {
	srv, c := newEmulatorClient(t)
	scope := scopeOf("view_types")
	for _, id := range []string{"cand-a", "cand-b"} {
		if err := srv.PutAPIClient(emulator.DefaultProjectKey, emulator.APIClient{ID: id, Name: "dup", Scope: scope}); err != nil {
			t.Fatal(err)
		}
	}
	srv.Faults().DropNext(createMatch, 1, false)
	_, err := c.CreateAPIClient(testCtx(t), apiDraft("dup", scope))
	if err == nil || !strings.Contains(err.Error(), "cand-a") || !strings.Contains(err.Error(), "cand-b") || !strings.Contains(err.Error(), "delete") {
		t.Fatalf("err = %v", err)
	}
	if n := len(clientsNamed(srv, "dup")); n != 2 {
		t.Errorf("%d clients left, want the 2 untouched", n)
	}
}

func TestLostCreateSparesSiblingsAndOldClients(t *testing.T) {
	srv, c := newEmulatorClient(t)
	ctx := testCtx(t)
	scope := scopeOf("view_types")
	if err := srv.PutAPIClient(emulator.DefaultProjectKey, emulator.APIClient{ID: "old-one", Name: "sib", Scope: scope,
		CreatedAt: time.Now().Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	first, err := c.CreateAPIClient(ctx, apiDraft("sib", scope))
	if err != nil {
		t.Fatal(err)
	}
	srv.Faults().DropNext(createMatch, 1, true)
	second, err := c.CreateAPIClient(ctx, apiDraft("sib", scope))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, cl := range clientsNamed(srv, "sib") {
		ids[cl.ID] = true
	}
	if len(ids) != 3 || !ids["old-one"] || !ids[first.ID] || !ids[second.ID] {
		t.Fatalf("clients = %v, want old-one, %s, %s", ids, first.ID, second.ID)
	}
}

func TestConcurrentSiblingsWithRandomDrops(t *testing.T) {
	srv, c := newEmulatorClient(t, func(cfg *Config) { cfg.MaxRetries = 20 })
	srv.Faults().SetRandomDrops(createMatch, 0.4, true, 7)
	ctx := testCtx(t)
	var wg sync.WaitGroup
	var mu sync.Mutex
	got := map[string]string{}
	for range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cl, err := c.CreateAPIClient(ctx, apiDraft("twin", scopeOf("view_types")))
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			got[cl.ID] = *cl.Secret
			mu.Unlock()
		}()
	}
	wg.Wait()
	left := clientsNamed(srv, "twin")
	if len(left) != 6 || len(got) != 6 {
		t.Fatalf("%d clients left, %d returned", len(left), len(got))
	}
	for _, cl := range left {
		if got[cl.ID] != cl.Secret {
			t.Errorf("client %s not returned with its secret", cl.ID)
		}
	}
}

// garbageProxy serves the emulator but replaces the body of the first n create responses.
func garbageProxy(srv *emulator.TestServer, n int32) *httptest.Server {
	var left atomic.Int32
	left.Store(n)
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/api-clients") || left.Add(-1) < 0 {
			srv.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, r)
		body := rec.Body.Bytes()
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(rec.Code)
		_, _ = w.Write(append([]byte("<html>proxy error "), body[:bytes.LastIndexByte(body, ',')]...))
	}))
}

func TestGarbageCreateResponse(t *testing.T) {
	srv := emulator.NewTestServer(t, emulator.Options{})
	proxy := garbageProxy(srv, 1)
	defer proxy.Close()
	c := newTestClient(t, proxy.URL)
	created, err := c.CreateAPIClient(testCtx(t), apiDraft("garbled", scopeOf("view_types")))
	if err != nil {
		t.Fatal(err)
	}
	if left := clientsNamed(srv, "garbled"); len(left) != 1 || left[0].ID != created.ID {
		t.Fatalf("left = %+v", left)
	}

	// Without retries the call fails, leaves nothing behind and never shows the secret.
	proxy2 := garbageProxy(srv, 1)
	defer proxy2.Close()
	c = newTestClient(t, proxy2.URL, func(cfg *Config) { cfg.MaxRetries = -1 })
	_, err = c.CreateAPIClient(testCtx(t), apiDraft("garbled2", scopeOf("view_types")))
	if !errors.Is(err, ErrInvalidResponse) {
		t.Fatalf("err = %v", err)
	}
	if left := clientsNamed(srv, "garbled2"); len(left) != 0 {
		t.Fatalf("orphan left: %+v", left)
	}
	for _, cl := range srv.APIClients(emulator.DefaultProjectKey) {
		if strings.Contains(err.Error(), cl.Secret) {
			t.Fatalf("error contains a secret: %v", err)
		}
	}
	if !strings.Contains(err.Error(), "***") {
		t.Errorf("error does not show the redacted snippet: %v", err)
	}
}
