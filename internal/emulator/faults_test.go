package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

const (
	collRoute = "/{projectKey}/api-clients"
	itemRoute = "/{projectKey}/api-clients/{id}"
)

func TestFailNext(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	f := h.ts.Faults()
	tests := []struct {
		status int
		code   string
	}{
		{429, "TooManyRequests"}, {500, "General"}, {502, "BadGateway"}, {503, "OverCapacity"}, {504, "GatewayTimeout"},
	}
	for _, tc := range tests {
		f.FailNext(Match{Method: "GET", Route: collRoute}, 2, tc.status)
		for i := 0; i < 2; i++ {
			r := h.do("GET", h.clientsPath(), tok, nil)
			_, _ = mustError(t, r, tc.status, tc.code)
			if tc.status == 429 && r.header.Get("Retry-After") != "1" {
				t.Fatalf("Retry-After %q", r.header.Get("Retry-After"))
			}
		}
		if r := h.do("GET", h.clientsPath(), tok, nil); r.status != 200 {
			t.Fatalf("after %d faults: %d", tc.status, r.status)
		}
	}
	f.SetRetryAfter("7")
	f.FailNext(Match{Route: tokenRoute}, 1, 429)
	r := h.tokenRequest(true, DefaultAdminClientID, DefaultAdminClientSecret, url.Values{"grant_type": {"client_credentials"}}, "")
	if r.status != 429 || r.header.Get("Retry-After") != "7" {
		t.Fatalf("token 429: %d %v", r.status, r.header)
	}
	// A failed create stores nothing; non-matching requests are untouched.
	f.FailNext(Match{Method: "POST"}, 1, 500)
	if r := h.do("GET", h.clientsPath(), tok, nil); r.status != 200 {
		t.Fatal("GET matched a POST rule")
	}
	_, _ = mustError(t, h.do("POST", h.clientsPath(), tok, map[string]any{"name": "x", "scope": "view_types:" + pk}), 500, "General")
	if n := len(h.ts.APIClients(pk)); n != 1 {
		t.Fatalf("%d clients after failed create", n)
	}
}

func TestDropNext(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	f := h.ts.Faults()
	draft := map[string]any{"name": "dropped", "scope": "view_types:" + pk}
	post := func() error {
		req, _ := http.NewRequestWithContext(t.Context(), "POST", h.ts.URL+h.clientsPath(), strings.NewReader(`{"name":"dropped","scope":"view_types:`+pk+`"}`))
		req.Header.Set("Authorization", "Bearer "+tok)
		res, err := h.hc.Do(req)
		if err == nil {
			res.Body.Close()
		}
		return err
	}
	f.DropNext(Match{Method: "POST", Route: collRoute}, 1, false)
	if err := post(); err == nil {
		t.Fatal("expected a connection error")
	}
	if n := len(h.ts.APIClients(pk)); n != 1 {
		t.Fatalf("drop before commit stored a client (%d)", n)
	}
	f.DropNext(Match{Method: "POST", Route: collRoute}, 1, true)
	if err := post(); err == nil {
		t.Fatal("expected a connection error")
	}
	if n := len(h.ts.APIClients(pk)); n != 2 {
		t.Fatalf("drop after commit did not store the client (%d)", n)
	}
	h.create(tok, draft) // the next request goes through
	var drops int
	for _, l := range h.ts.RequestLog() {
		if l.Status == 0 {
			drops++
		}
	}
	if drops != 2 {
		t.Fatalf("%d dropped requests logged, want 2", drops)
	}
}

func TestRandomFaultsDeterministic(t *testing.T) {
	run := func(seed int64) []int {
		h := newHarness(t, Options{})
		tok := h.admin()
		h.ts.Faults().SetRandomFailures(Match{Method: "GET"}, 0.5, []int{502, 503}, seed)
		var out []int
		for i := 0; i < 30; i++ {
			out = append(out, h.do("GET", h.clientsPath(), tok, nil).status)
		}
		return out
	}
	a, b := run(42), run(42)
	if fmtInts(a) != fmtInts(b) {
		t.Fatalf("not deterministic: %v vs %v", a, b)
	}
	counts := map[int]int{}
	for _, s := range a {
		counts[s]++
	}
	if counts[200] == 0 || counts[502]+counts[503] == 0 || counts[200]+counts[502]+counts[503] != 30 {
		t.Fatalf("distribution %v", counts)
	}

	h := newHarness(t, Options{})
	tok := h.admin()
	h.ts.Faults().SetRandomDrops(Match{Method: "GET"}, 1, false, 1)
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, h.ts.URL+h.clientsPath(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := h.hc.Do(req); err == nil {
		res.Body.Close()
		t.Fatal("rate 1 drop did not drop")
	}
	h.ts.Faults().SetRandomDrops(Match{}, 0, false, 1)
	if r := h.do("GET", h.clientsPath(), tok, nil); r.status != 200 {
		t.Fatalf("after turning drops off: %d", r.status)
	}
}

func fmtInts(v []int) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestLatency(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	h.ts.Faults().SetLatency(60 * time.Millisecond)
	start := time.Now()
	h.do("GET", h.clientsPath(), tok, nil)
	if d := time.Since(start); d < 60*time.Millisecond {
		t.Fatalf("latency not applied: %v", d)
	}
	h.ts.Faults().Reset()
	start = time.Now()
	h.do("GET", h.clientsPath(), tok, nil)
	if d := time.Since(start); d > 50*time.Millisecond {
		t.Fatalf("latency after reset: %v", d)
	}
}

func TestCountsAndLog(t *testing.T) {
	var logBuf syncBuffer
	h := newHarness(t, Options{Log: &logBuf})
	tok := h.admin()
	c := h.create(tok, map[string]any{"name": "n", "scope": "view_types:" + pk})
	h.ts.Faults().FailNext(Match{Route: itemRoute}, 1, 503)
	h.do("GET", h.clientsPath()+"/"+c.ID, tok, nil) // faulted, still counted
	h.do("GET", h.clientsPath()+"/"+c.ID, tok, nil)
	h.do("HEAD", h.clientsPath()+"/"+c.ID, tok, nil)
	h.do("HEAD", h.clientsPath(), tok, nil)
	h.do("GET", h.clientsPath(), tok, nil)
	h.do("DELETE", h.clientsPath()+"/"+c.ID, tok, nil)
	h.do("GET", "/nowhere/at/all/x", tok, nil)
	h.do("GET", "/_emulator/counts", "", nil)
	got := h.ts.Counts()
	want := map[string]int{
		"POST /oauth/token": 1, "POST " + collRoute: 1, "GET " + itemRoute: 2, "HEAD " + itemRoute: 1,
		"HEAD " + collRoute: 1, "GET " + collRoute: 1, "DELETE " + itemRoute: 1,
	}
	if got.Token != 1 || got.API != 8 || len(got.ByRoute) != len(want) {
		t.Fatalf("counts %+v", got)
	}
	for k, v := range want {
		if got.ByRoute[k] != v {
			t.Fatalf("ByRoute[%s] = %d, want %d (%+v)", k, got.ByRoute[k], v, got.ByRoute)
		}
	}
	log := h.ts.RequestLog()
	if len(log) != 9 {
		t.Fatalf("log has %d entries", len(log))
	}
	for i, l := range log {
		if l.Seq != i+1 {
			t.Fatalf("log order: %+v", log)
		}
	}
	if log[2].Status != 503 || log[3].ResourceID != c.ID || log[8].Status != 404 || log[8].Route != "" {
		t.Fatalf("log entries: %+v", log)
	}
	text := logBuf.String()
	if strings.Count(text, "\n") != 9 || strings.Contains(text, DefaultAdminClientSecret) || strings.Contains(text, tok) || strings.Contains(text, *c.Secret) {
		t.Fatalf("log output:\n%s", text)
	}
	h.ts.ResetCounts()
	if got := h.ts.Counts(); got.Token != 0 || got.API != 0 || len(got.ByRoute) != 0 || len(h.ts.RequestLog()) != 0 {
		t.Fatalf("after reset: %+v", got)
	}
}

func TestAdminEndpoints(t *testing.T) {
	h := newHarness(t, Options{})
	h.admin()
	r := h.do("GET", "/_emulator/counts", "", nil)
	var c Counts
	if err := json.Unmarshal(r.body, &c); err != nil || r.status != 200 || c.Token != 1 || c.ByRoute["POST /oauth/token"] != 1 {
		t.Fatalf("counts: %d %s", r.status, r.body)
	}
	if !strings.Contains(string(r.body), `"byRoute"`) {
		t.Fatalf("counts json keys: %s", r.body)
	}
	if r := h.do("POST", "/_emulator/faults", "", `{"latencyMs":40}`); r.status != 200 {
		t.Fatalf("faults: %d %s", r.status, r.body)
	}
	start := time.Now()
	h.do("GET", "/x", "", nil)
	if time.Since(start) < 40*time.Millisecond {
		t.Fatal("latency via admin endpoint not applied")
	}
	if r := h.do("POST", "/_emulator/faults", "", `{"inheritanceDelayMs":60000}`); r.status != 200 {
		t.Fatalf("faults: %d %s", r.status, r.body)
	}
	if d, ok := inheritanceDelays.Load(h.ts.Faults()); !ok || d != time.Minute {
		t.Fatalf("inheritance delay via admin endpoint: %v %v", d, ok)
	}
	if r := h.do("POST", "/_emulator/faults", "", `{"reset":true}`); r.status != 200 {
		t.Fatalf("faults reset: %d", r.status)
	}
	if _, ok := inheritanceDelays.Load(h.ts.Faults()); ok {
		t.Fatal("reset left the inheritance delay on")
	}
	if r := h.do("POST", "/_emulator/faults", "", `{"latencyMs":`); r.status != 400 {
		t.Fatalf("bad faults body: %d", r.status)
	}
	if r := h.do("POST", "/_emulator/counts/reset", "", nil); r.status != 200 {
		t.Fatalf("reset: %d", r.status)
	}
	if c := h.ts.Counts(); c.Token != 0 || c.API != 0 {
		t.Fatalf("after reset %+v", c)
	}
	_, _ = mustError(t, h.do("GET", "/_emulator/nope", "", nil), 404, "ResourceNotFound")
	if c := h.ts.Counts(); c.API != 0 {
		t.Fatalf("admin requests counted: %+v", c)
	}
}
