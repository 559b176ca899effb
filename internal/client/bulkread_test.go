package client

import (
	"fmt"
	"sync"
	"testing"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

const (
	listRoute = "GET /{projectKey}/api-clients"
	getRoute  = "GET /{projectKey}/api-clients/{id}"
)

// projectWith fills the project so that it holds exactly n clients (the admin client included)
// and returns all their ids.
func projectWith(t *testing.T, srv *emulator.TestServer, n int) []string {
	t.Helper()
	ids := []string{emulator.DefaultAdminClientID}
	for i := 1; i < n; i++ {
		id := fmt.Sprintf("c%06d", i)
		if err := srv.PutAPIClient(emulator.DefaultProjectKey, emulator.APIClient{ID: id, Name: id, Scope: scopeOf("view_types")}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

func readAll(t *testing.T, c *Client, ids []string) {
	t.Helper()
	ctx := testCtx(t)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 10) // like terraform's default parallelism
	for _, id := range ids {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			got, err := c.ReadAPIClient(ctx, id)
			if err != nil || got.ID != id {
				t.Errorf("read %s: %+v, %v", id, got, err)
			}
		}()
	}
	wg.Wait()
}

func TestBulkReadRequestCounts(t *testing.T) {
	for _, n := range []int{1, 100, 500, 1000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			srv, c := newEmulatorClient(t)
			ids := projectWith(t, srv, n)
			srv.ResetCounts()
			readAll(t, c, ids)
			counts := srv.Counts()
			want := (n + pageLimit - 1) / pageLimit
			if counts.ByRoute[listRoute] != want || counts.ByRoute[getRoute] != 0 || counts.API != want {
				t.Errorf("requests = %v, want %d list requests and no GET", counts.ByRoute, want)
			}
		})
	}
}

func TestBulkReadHugeProject(t *testing.T) {
	srv, c := newEmulatorClient(t)
	ids := projectWith(t, srv, 5000)
	srv.ResetCounts()
	readAll(t, c, []string{ids[1], ids[2500], ids[4999]})
	counts := srv.Counts()
	if counts.ByRoute[listRoute] != 1 || counts.ByRoute[getRoute] > 3 {
		t.Errorf("requests = %v, want 1 list request and at most 3 GETs", counts.ByRoute)
	}
}

func TestBulkReadMissingConfirmedByGet(t *testing.T) {
	srv, c := newEmulatorClient(t)
	ids := projectWith(t, srv, 10)
	ctx := testCtx(t)
	if _, err := c.ReadAPIClient(ctx, ids[3]); err != nil {
		t.Fatal(err)
	}
	srv.ResetCounts()
	_, err := c.ReadAPIClient(ctx, "does-not-exist")
	if !IsNotFound(err) {
		t.Fatalf("err = %v", err)
	}
	if got := srv.Counts(); got.API != 1 || got.ByRoute[getRoute] != 1 {
		t.Errorf("requests = %v, want exactly one confirming GET", got.ByRoute)
	}
	// A client that appeared after the listing is found by the confirming GET.
	if err := srv.PutAPIClient(emulator.DefaultProjectKey, emulator.APIClient{ID: "late", Name: "late", Scope: scopeOf("view_types")}); err != nil {
		t.Fatal(err)
	}
	if got, err := c.ReadAPIClient(ctx, "late"); err != nil || got.ID != "late" {
		t.Fatalf("late: %+v, %v", got, err)
	}
}

func TestBulkReadSeesOwnCreatesAndDeletes(t *testing.T) {
	srv, c := newEmulatorClient(t)
	ctx := testCtx(t)
	if _, err := c.ReadAPIClient(ctx, emulator.DefaultAdminClientID); err != nil {
		t.Fatal(err)
	}
	created, err := c.CreateAPIClient(ctx, apiDraft("fresh", scopeOf("view_types")))
	if err != nil {
		t.Fatal(err)
	}
	srv.ResetCounts()
	got, err := c.ReadAPIClient(ctx, created.ID)
	if err != nil || got.Secret != nil || srv.Counts().API != 0 {
		t.Fatalf("read own create: %+v, %v, %v", got, err, srv.Counts())
	}
	if _, err := c.DeleteAPIClient(ctx, created.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ReadAPIClient(ctx, created.ID); !IsNotFound(err) {
		t.Fatalf("read deleted: %v", err)
	}
}

func TestBulkReadConcurrentReadersShareListing(t *testing.T) {
	srv, c := newEmulatorClient(t)
	ids := projectWith(t, srv, 300)
	srv.Faults().SetLatency(20e6) // 20ms, so that readers overlap
	srv.ResetCounts()
	ctx := testCtx(t)
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.ReadAPIClient(ctx, id); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if got := srv.Counts(); got.API != 1 {
		t.Errorf("requests = %v, want one shared listing", got.ByRoute)
	}
}

// TestBulkReadLargeConfigurationInLargeProject reads every client of a 5000-client project, ten
// at a time as Terraform does: whatever the first page's sample says, the reads must end up
// costing about one listing, not one GET per client.
func TestBulkReadLargeConfigurationInLargeProject(t *testing.T) {
	srv, c := newEmulatorClient(t)
	ids := projectWith(t, srv, 5000)
	srv.ResetCounts()
	readAll(t, c, ids)
	counts := srv.Counts()
	pages := (len(ids) + pageLimit - 1) / pageLimit
	if counts.ByRoute[listRoute] > pages || counts.ByRoute[getRoute] > readParallelism*pages+readParallelism {
		t.Errorf("requests = %v, want at most %d list requests and %d GETs", counts.ByRoute, pages, readParallelism*pages+readParallelism)
	}
}
