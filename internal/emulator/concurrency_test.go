package emulator

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/labd/commercetools-go-sdk/platform"
)

// bearerTransport adds a fixed bearer token, standing in for the OAuth
// client so the SDK can be used without extra dependencies.
type bearerTransport struct{ tok string }

func (b bearerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+b.tok)
	return http.DefaultTransport.RoundTrip(r)
}

func sdkProject(t testing.TB, h *harness, tok string) *platform.ByProjectKeyRequestBuilder {
	t.Helper()
	c, err := platform.NewClient(&platform.ClientConfig{URL: h.ts.URL, HTTPClient: &http.Client{Transport: bearerTransport{tok}}})
	if err != nil {
		t.Fatal(err)
	}
	return c.WithProjectKey(h.ts.Project.Key)
}

func TestSDKRoundTrip(t *testing.T) {
	h := newHarness(t, Options{})
	p := sdkProject(t, h, h.admin())
	ctx := context.Background()
	days := 3
	c, err := p.ApiClients().Post(platform.ApiClientDraft{Name: "sdk", Scope: "manage_types:" + pk, DeleteDaysAfterCreation: &days}).Execute(ctx)
	if err != nil || c.Secret == nil || c.DeleteAt == nil {
		t.Fatalf("create: %v %+v", err, c)
	}
	g, err := p.ApiClients().WithId(c.ID).Get().Execute(ctx)
	if err != nil || g.Name != "sdk" || g.Secret != nil {
		t.Fatalf("get: %v %+v", err, g)
	}
	if err := p.ApiClients().WithId(c.ID).Head().Execute(ctx); err != nil {
		t.Fatalf("head: %v", err)
	}
	page, err := p.ApiClients().Get().Where([]string{`name = "sdk"`}).WithTotal(true).Execute(ctx)
	if err != nil || page.Count != 1 || *page.Total != 1 {
		t.Fatalf("query: %v %+v", err, page)
	}
	if _, err := p.ApiClients().Post(platform.ApiClientDraft{Name: "", Scope: "x"}).Execute(ctx); err == nil {
		t.Fatal("expected an error")
	} else if er, ok := errors.AsType[platform.ErrorResponse](err); !ok || er.StatusCode != 400 {
		t.Fatalf("error type %T: %v", err, err)
	}
	if _, err := p.ApiClients().WithId(c.ID).Delete().Execute(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := p.ApiClients().WithId(c.ID).Get().Execute(ctx); !errors.Is(err, platform.ErrNotFound) {
		t.Fatalf("after delete: %v", err)
	}
}

func TestConcurrentClients(t *testing.T) {
	h := newHarness(t, Options{DataDir: t.TempDir()})
	tok := h.admin()
	const workers, perWorker = 16, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*perWorker)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			p := sdkProject(t, h, tok)
			ctx := context.Background()
			for i := 0; i < perWorker; i++ {
				c, err := p.ApiClients().Post(platform.ApiClientDraft{Name: fmt.Sprintf("w%d-%d", w, i), Scope: "view_types:" + pk}).Execute(ctx)
				if err != nil {
					errs <- err
					return
				}
				if _, err := p.ApiClients().WithId(c.ID).Get().Execute(ctx); err != nil {
					errs <- err
					return
				}
				if _, err := p.ApiClients().Get().Limit(5).Execute(ctx); err != nil {
					errs <- err
					return
				}
				if i%2 == 0 {
					if _, err := p.ApiClients().WithId(c.ID).Delete().Execute(ctx); err != nil {
						errs <- err
						return
					}
				}
				h.ts.Counts()
				h.ts.RequestLog()
				h.ts.Faults().SetLatency(time.Duration(i%2) * time.Microsecond)
			}
		}(w)
	}
	// Token requests in parallel too.
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.admin()
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if n := len(h.ts.APIClients(pk)); n != 1+workers*perWorker/2 {
		t.Fatalf("%d clients, want %d", n, 1+workers*perWorker/2)
	}
}
