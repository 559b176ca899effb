package client

import (
	"encoding/json"
	"fmt"
	"testing"
)

// TestReadCustomObjectsShareTheContainerListing: refreshing the objects of a container costs one
// listing of it (fewer than 500 objects); objects written by this client are read from it, a
// missing one is confirmed by one GET, and a deleted one is not found again.
func TestReadCustomObjectsShareTheContainerListing(t *testing.T) {
	ctx := testCtx(t)
	srv, writer := newEmulatorClient(t)
	for i := range 7 {
		for _, container := range []string{"flags", "other"} {
			if _, err := writer.PutCustomObject(ctx, container, fmt.Sprintf("k%d", i), json.RawMessage(fmt.Sprint(i)), nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	c := newTestClient(t, srv.URL)
	srv.ResetCounts()
	for i := range 7 {
		o, err := c.ReadCustomObject(ctx, "flags", fmt.Sprintf("k%d", i))
		if err != nil || o.Key != fmt.Sprintf("k%d", i) || o.Container != "flags" || string(o.Value) != fmt.Sprint(i) {
			t.Fatalf("read k%d: %+v, %v", i, o, err)
		}
	}
	counts := srv.Counts()
	if counts.API != 1 || counts.ByRoute["GET /{projectKey}/custom-objects/{container}"] != 1 {
		t.Fatalf("7 reads of one container: %d API requests (%v), want one listing", counts.API, counts.ByRoute)
	}
	srv.ResetCounts()
	if _, err := c.ReadCustomObject(ctx, "flags", "missing"); !IsNotFound(err) {
		t.Fatalf("missing object: %v", err)
	}
	if got := srv.Counts().ByRoute["GET /{projectKey}/custom-objects/{container}/{key}"]; got != 1 {
		t.Fatalf("a missing object is confirmed with %d GETs, want 1", got)
	}
	o, err := c.ReadCustomObject(ctx, "flags", "k1")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteCustomObject(ctx, "flags", "k1", o.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ReadCustomObject(ctx, "flags", "k1"); !IsNotFound(err) {
		t.Fatalf("deleted object: %v", err)
	}
	updated, err := c.PutCustomObject(ctx, "flags", "k2", json.RawMessage(`"new"`), nil)
	if err != nil {
		t.Fatal(err)
	}
	srv.ResetCounts()
	if o, err := c.ReadCustomObject(ctx, "flags", "k2"); err != nil || string(o.Value) != `"new"` || o.Version != updated.Version {
		t.Fatalf("written object: %+v, %v", o, err)
	}
	if srv.Counts().API != 0 {
		t.Fatal("an object this client wrote was read again from the API")
	}
}
