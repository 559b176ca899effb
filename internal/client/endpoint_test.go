package client

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

// testChannel is the part of a channel these tests look at.
type testChannel struct {
	ID        string            `json:"id"`
	Key       string            `json:"key"`
	Version   int64             `json:"version"`
	CreatedAt time.Time         `json:"createdAt"`
	Name      map[string]string `json:"name"`
	Roles     []string          `json:"roles"`
}

var channels = &Endpoint[testChannel, map[string]any]{
	Path: "channels", Noun: "channel",
	Meta: func(c *testChannel) Meta {
		return Meta{ID: c.ID, Key: c.Key, Version: c.Version, CreatedAt: c.CreatedAt}
	},
}

const (
	channelsRoute = "/{projectKey}/channels"
	channelRoute  = "/{projectKey}/channels/{id}"
)

func changeKey(k string) map[string]any { return map[string]any{"action": "changeKey", "key": k} }

func TestEndpointCRUD(t *testing.T) {
	srv, c := newEmulatorClient(t)
	ctx := testCtx(t)
	ch, err := channels.Create(ctx, c, map[string]any{"key": "a", "roles": []string{"Primary"}}, "a")
	if err != nil || ch.Version != 1 || ch.Key != "a" {
		t.Fatalf("create: %+v %v", ch, err)
	}
	byKey, err := channels.Get(ctx, c, ByKey("a"))
	if err != nil || byKey.ID != ch.ID {
		t.Fatalf("get by key: %+v %v", byKey, err)
	}
	up, err := channels.Update(ctx, c, ch.ID, 1, []map[string]any{changeKey("b")})
	if err != nil || up.Version != 2 || up.Key != "b" {
		t.Fatalf("update: %+v %v", up, err)
	}
	// A stale version is a 409 that carries the current version.
	_, err = channels.Update(ctx, c, ch.ID, 1, []map[string]any{changeKey("c")})
	if v, ok := CurrentVersion(err); !ok || v != 2 || !IsConcurrentModification(err) {
		t.Fatalf("409: %v %d %v", ok, v, err)
	}
	all, err := channels.Query(ctx, c, `key = "b"`)
	if err != nil || len(all) != 1 {
		t.Fatalf("query: %v %v", all, err)
	}
	if _, err := channels.Delete(ctx, c, ch.ID, 2); err != nil {
		t.Fatal(err)
	}
	if _, err := channels.Get(ctx, c, ByID(ch.ID)); !IsNotFound(err) {
		t.Fatalf("after delete: %v", err)
	}
	if _, err := channels.Get(ctx, c, ByID("a/b")); err == nil || !strings.Contains(err.Error(), "invalid channel id") {
		t.Fatalf("bad id: %v", err)
	}
	if srv.Counts().ByRoute["DELETE "+channelRoute] != 1 {
		t.Fatalf("counts %v", srv.Counts().ByRoute)
	}
}

// TestEndpointBatches sends 1,200 actions as three requests, each with the version of the
// previous response.
func TestEndpointBatches(t *testing.T) {
	srv, c := newEmulatorClient(t)
	ctx := testCtx(t)
	ch, err := channels.Create(ctx, c, map[string]any{"key": "k"}, "k")
	if err != nil {
		t.Fatal(err)
	}
	actions := make([]map[string]any, 1200)
	for i := range actions {
		actions[i] = changeKey(fmt.Sprintf("k%d", i))
	}
	srv.ResetCounts()
	up, err := channels.Update(ctx, c, ch.ID, ch.Version, actions)
	if err != nil || up.Version != 4 || up.Key != "k1199" {
		t.Fatalf("update: %+v %v", up, err)
	}
	if n := srv.Counts().ByRoute["POST "+channelRoute]; n != 3 {
		t.Fatalf("%d update requests, want 3", n)
	}
	// A failure in the second request: the first was applied and is returned with the error.
	srv.Faults().FailNext(emulator.Match{Method: "POST", Route: channelRoute}, 1, http.StatusTooManyRequests)
	srv.Faults().FailNext(emulator.Match{}, 0, 0)
	actions = append(actions[:500:500], changeKey("x"), map[string]any{"action": "setRoles", "roles": []string{}})
	for i := range 500 {
		actions[i] = changeKey(fmt.Sprintf("z%d", i))
	}
	got, err := channels.Update(ctx, c, ch.ID, up.Version, actions)
	var pe *PartialUpdateError
	if !errors.As(err, &pe) || pe.Applied != 500 || pe.Total != 502 || got == nil || got.Key != "z499" || got.Version != 5 {
		t.Fatalf("partial: %+v %v", got, err)
	}
	if !strings.Contains(err.Error(), "500 of 502 update actions were applied") {
		t.Fatalf("message: %v", err)
	}
}

// TestEndpointStages: stages never share a request; each is batched on its own, and a failure
// in a later stage reports what the earlier ones applied.
func TestEndpointStages(t *testing.T) {
	srv, c := newEmulatorClient(t)
	ctx := testCtx(t)
	ch, err := channels.Create(ctx, c, map[string]any{"key": "s"}, "s")
	if err != nil {
		t.Fatal(err)
	}
	many := make([]map[string]any, 501)
	for i := range many {
		many[i] = changeKey(fmt.Sprintf("m%d", i))
	}
	srv.ResetCounts()
	up, err := channels.UpdateStaged(ctx, c, ch.ID, ch.Version, [][]map[string]any{{changeKey("a")}, nil, many, {changeKey("b")}})
	if err != nil || up.Key != "b" || up.Version != ch.Version+4 {
		t.Fatalf("update: %+v %v", up, err)
	}
	if n := srv.Counts().ByRoute["POST "+channelRoute]; n != 4 {
		t.Fatalf("%d update requests, want 4 (1 + 2 + 1)", n)
	}
	// The second stage is refused (roles must be a list).
	got, err := channels.UpdateStaged(ctx, c, up.ID, up.Version, [][]map[string]any{{changeKey("c")},
		{{"action": "setRoles", "roles": "not a list"}}})
	var pe *PartialUpdateError
	if !errors.As(err, &pe) || pe.Applied != 1 || pe.Total != 2 || pe.Requests != 1 || got == nil || got.Key != "c" {
		t.Fatalf("partial: %+v %+v %v", got, pe, err)
	}
}

// TestEndpointLostCreate drops the response of a create after the channel was stored: the
// client finds it by key and adopts it; a draft that differs is not adopted; without a key
// the outcome is reported as unknown.
func TestEndpointLostCreate(t *testing.T) {
	srv, c := newEmulatorClient(t)
	ctx := testCtx(t)
	create := emulator.Match{Method: "POST", Route: channelsRoute}
	srv.Faults().DropNext(create, 1, true)
	ch, err := channels.Create(ctx, c, map[string]any{"key": "lost", "name": map[string]string{"en": "Lost"}}, "lost")
	if err != nil || ch.Key != "lost" {
		t.Fatalf("adopt: %+v %v", ch, err)
	}
	if n := len(srv.Docs(srv.Project.Key, "channels")); n != 1 {
		t.Fatalf("%d channels, want 1", n)
	}
	// Dropped before the server saw it: nothing exists, the draft is sent again.
	srv.Faults().DropNext(create, 1, false)
	if _, err := channels.Create(ctx, c, map[string]any{"key": "again"}, "again"); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Docs(srv.Project.Key, "channels")); n != 2 {
		t.Fatalf("%d channels, want 2", n)
	}
	// Someone else's channel with the key, created meanwhile with other values.
	if err := srv.PutDoc(srv.Project.Key, "channels", map[string]any{"id": "other", "version": 1, "key": "taken", "roles": []any{"Primary"},
		"createdAt": time.Now().UTC().Format(time.RFC3339)}); err != nil {
		t.Fatal(err)
	}
	srv.Faults().FailNext(create, 1, http.StatusBadGateway)
	_, err = channels.Create(ctx, c, map[string]any{"key": "taken", "roles": []string{"OrderExport"}}, "taken")
	if err == nil || !strings.Contains(err.Error(), "differs from what was sent") || !strings.Contains(err.Error(), "roles[0]") {
		t.Fatalf("mismatch: %v", err)
	}
	srv.Faults().FailNext(create, 1, http.StatusBadGateway)
	_, err = channels.Create(ctx, c, map[string]any{"roles": []string{"OrderExport"}}, "")
	if !errors.Is(err, ErrOutcomeUnknown) || !strings.Contains(err.Error(), "no key") {
		t.Fatalf("keyless: %v", err)
	}
}

// TestEndpointSharedListing refreshes 1,200 channels with one listing of three pages.
func TestEndpointSharedListing(t *testing.T) {
	srv, c := newEmulatorClient(t)
	ctx := testCtx(t)
	ids := make([]string, 1200)
	for i := range ids {
		ids[i] = fmt.Sprintf("id-%04d", i)
		if err := srv.PutDoc(srv.Project.Key, "channels", map[string]any{"id": ids[i], "version": 1, "key": "k" + ids[i], "roles": []any{"Primary"}}); err != nil {
			t.Fatal(err)
		}
	}
	srv.ResetCounts()
	for _, id := range ids {
		if ch, err := channels.Read(ctx, c, id); err != nil || ch.ID != id {
			t.Fatalf("read %s: %+v %v", id, ch, err)
		}
	}
	if got := srv.Counts(); got.ByRoute["GET "+channelsRoute] != 3 || got.ByRoute["GET "+channelRoute] != 0 {
		t.Fatalf("requests %v, want 3 pages and no GET", got.ByRoute)
	}
	// A resource that is not listed is confirmed with one GET.
	if _, err := channels.Read(ctx, c, "missing"); !IsNotFound(err) {
		t.Fatalf("missing: %v", err)
	}
	if got := srv.Counts().ByRoute["GET "+channelRoute]; got != 1 {
		t.Fatalf("%d GETs, want 1", got)
	}
}

func TestDraftMatches(t *testing.T) {
	res := []byte(`{"id":"1","key":"k","roles":["A","B"],"custom":{"type":{"typeId":"type","id":"t1"},"fields":{"n":1}},"extra":true}`)
	for _, tc := range []struct {
		draft any
		ok    bool
	}{
		{map[string]any{"key": "k"}, true},
		{map[string]any{"key": "k", "roles": []string{"A", "B"}}, true},
		{map[string]any{"roles": []string{"B", "A"}}, false},
		{map[string]any{"custom": map[string]any{"type": map[string]any{"typeId": "type", "key": "fields"}, "fields": map[string]any{"n": 1}}}, true},
		{map[string]any{"custom": map[string]any{"type": map[string]any{"typeId": "type", "id": "t2"}}}, false},
		{map[string]any{"missing": "x"}, false},
	} {
		if ok, why := DraftMatches(tc.draft, res); ok != tc.ok {
			t.Errorf("DraftMatches(%v) = %v (%s), want %v", tc.draft, ok, why, tc.ok)
		}
	}
}

func TestRouteOf(t *testing.T) {
	for in, want := range map[string]string{
		"/p/channels":                     "/p/channels",
		"/p/channels/abc":                 "/p/channels/{id}",
		"/p/channels/key=x":               "/p/channels/key={key}",
		"/p/custom-objects/c/k":           "/p/custom-objects/{container}/{key}",
		"/p/in-store/key=s/carts/abc":     "/p/in-store/key={storeKey}/carts/{id}",
		"/p":                              "/p",
		"/oauth/token":                    "/oauth/token",
		"/p/subscriptions/abc/health":     "/p/subscriptions/{id}/health",
		"/p/api-clients/Qm7rT2vXcL9pWd4s": "/p/api-clients/{id}",
	} {
		if got := routeOf(in); got != want {
			t.Errorf("routeOf(%s) = %s, want %s", in, got, want)
		}
	}
}
