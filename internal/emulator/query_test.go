package emulator

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// seedClients creates n clients named c00.. one second apart.
func seedClients(t *testing.T, h *harness, clock *fakeClock, tok string, n int) []string {
	t.Helper()
	var ids []string
	for i := 0; i < n; i++ {
		clock.Advance(time.Second)
		scope := "view_types:" + pk
		if i%2 == 1 {
			scope = "manage_orders:" + pk
		}
		c := h.create(tok, map[string]any{"name": fmt.Sprintf("c%02d", i), "scope": scope})
		ids = append(ids, c.ID)
	}
	return ids
}

func TestQueryPagingSortWhere(t *testing.T) {
	clock := newClock()
	h := newHarness(t, Options{Now: clock.Now})
	tok := h.admin()
	ids := seedClients(t, h, clock, tok, 25)
	q := func(params url.Values) *response {
		return h.do(http.MethodGet, h.clientsPath()+"?"+params.Encode(), tok, nil)
	}
	// Defaults: limit 20, offset 0, total present, ordered by createdAt.
	p := mustPaged(t, q(url.Values{}))
	if p.Limit != 20 || p.Offset != 0 || p.Count != 20 || p.Total == nil || *p.Total != 26 || len(p.Results) != 20 {
		t.Fatalf("defaults: limit %d offset %d count %d total %v", p.Limit, p.Offset, p.Count, p.Total)
	}
	if p.Results[0].ID != DefaultAdminClientID || p.Results[1].ID != ids[0] {
		t.Fatal("default order is not by createdAt")
	}
	p = mustPaged(t, q(url.Values{"offset": {"20"}, "withTotal": {"false"}}))
	if p.Count != 6 || p.Total != nil || p.Offset != 20 {
		t.Fatalf("second page: count %d total %v", p.Count, p.Total)
	}
	p = mustPaged(t, q(url.Values{"limit": {"0"}}))
	if p.Count != 0 || *p.Total != 26 || p.Results == nil {
		t.Fatalf("limit 0: %+v", p)
	}
	p = mustPaged(t, q(url.Values{"sort": {"name desc"}, "limit": {"3"}}))
	if p.Results[0].Name != "emulator-admin" || p.Results[1].Name != "c24" || p.Results[2].Name != "c23" {
		t.Fatalf("sort name desc: %s, %s, %s", p.Results[0].Name, p.Results[1].Name, p.Results[2].Name)
	}
	p = mustPaged(t, q(url.Values{"sort": {"createdAt desc"}, "limit": {"1"}}))
	if p.Results[0].ID != ids[24] {
		t.Fatal("sort createdAt desc")
	}
	p = mustPaged(t, q(url.Values{"sort": {"id asc"}, "limit": {"500"}}))
	for i := 1; i < len(p.Results); i++ {
		if p.Results[i-1].ID >= p.Results[i].ID {
			t.Fatal("sort id asc")
		}
	}
	// Several sort keys: scope then name desc.
	p = mustPaged(t, q(url.Values{"sort": {"name asc"}, "where": {`scope = "manage_orders:` + pk + `"`}}))
	if *p.Total != 12 || p.Results[0].Name != "c01" {
		t.Fatalf("where scope: total %d first %s", *p.Total, p.Results[0].Name)
	}
	// Repeated where is AND-combined; input variables.
	p = mustPaged(t, q(url.Values{"where": {`name in ("c01", "c02", "c03")`, `scope = :s`}, "var.s": {"view_types:" + pk}}))
	if *p.Total != 1 || p.Results[0].Name != "c02" {
		t.Fatalf("and-combined where: %+v", p.Results)
	}
	// id cursor paging.
	p = mustPaged(t, q(url.Values{"where": {`id > "` + ids[0] + `"`}, "sort": {"id asc"}}))
	for _, r := range p.Results {
		if r.ID <= ids[0] {
			t.Fatal("cursor")
		}
	}
	p = mustPaged(t, q(url.Values{"where": {`createdAt > "2026-03-01T09:15:50.000Z"`}}))
	if *p.Total != 3 {
		t.Fatalf("createdAt filter total %d", *p.Total)
	}
	// An expansion path that leads to no reference changes nothing.
	mustPaged(t, q(url.Values{"expand": {"x"}}))
}

func TestQueryErrors(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	tests := []struct {
		params  url.Values
		want    string
		nErrors int
	}{
		{url.Values{"limit": {"501"}}, "'limit'", 1},
		{url.Values{"limit": {"-1"}}, "between 0 and 500", 1},
		{url.Values{"limit": {"ten"}}, "'ten'", 1},
		{url.Values{"offset": {"10001"}}, "'offset'", 1},
		{url.Values{"withTotal": {"yes"}}, "withTotal", 1},
		{url.Values{"sort": {"secret asc"}}, "'sort'", 1},
		{url.Values{"sort": {"name sideways"}}, "'sort'", 1},
		{url.Values{"where": {`name = `}}, "Malformed parameter: where", 1},
		{url.Values{"where": {`secret = "x"`}}, "unknown field 'secret'", 1},
		{url.Values{"limit": {"900"}, "offset": {"-5"}}, "'limit'", 2},
	}
	for _, tc := range tests {
		r := h.do(http.MethodGet, h.clientsPath()+"?"+tc.params.Encode(), tok, nil)
		er, objs := mustError(t, r, 400, "InvalidInput")
		if !strings.Contains(er.Message, tc.want) || len(objs) != tc.nErrors {
			t.Errorf("%v: message %q (%d errors)", tc.params, er.Message, len(objs))
		}
	}
}

func TestHeadCollection(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	head := func(where string) int {
		return h.do(http.MethodHead, h.clientsPath()+"?where="+url.QueryEscape(where), tok, nil).status
	}
	if s := head(`name = "emulator-admin"`); s != 200 {
		t.Fatalf("head match: %d", s)
	}
	if s := head(`name = "nope"`); s != 404 {
		t.Fatalf("head no match: %d", s)
	}
	if s := head(`name = `); s != 400 {
		t.Fatalf("head bad where: %d", s)
	}
	// limit is ignored on HEAD.
	if s := h.do(http.MethodHead, h.clientsPath()+"?limit=9999", tok, nil).status; s != 200 {
		t.Fatalf("head without where: %d", s)
	}
}
