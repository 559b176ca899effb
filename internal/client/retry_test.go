package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// policyServer answers each request with the next behaviour of script ("ok" when exhausted).
// Behaviours: an HTTP status as a string, "drop" (hijack and close), "hang" (wait for the client).
type policyServer struct {
	*httptest.Server
	script []string
	calls  atomic.Int32
	header http.Header
}

func newPolicyServer(t *testing.T, script ...string) *policyServer {
	t.Helper()
	ps := &policyServer{script: script, header: http.Header{}}
	ps.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		n := int(ps.calls.Add(1)) - 1
		step := "ok"
		if n < len(ps.script) {
			step = ps.script[n]
		}
		for k, v := range ps.header {
			w.Header()[k] = v
		}
		switch step {
		case "ok":
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"ok":true}`))
		case "drop":
			hj, ok := w.(http.Hijacker)
			if !ok {
				t.Error("no hijacker")
				return
			}
			conn, _, err := hj.Hijack()
			if err == nil {
				_ = conn.Close()
			}
		case "hang":
			<-r.Context().Done()
		default:
			var code int
			_, _ = fmt.Sscanf(step, "%d", &code)
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(code)
			_, _ = fmt.Fprintf(w, `{"statusCode":%d,"message":"injected","errors":[{"code":"General","message":"injected"}]}`, code)
		}
	}))
	t.Cleanup(ps.Close)
	return ps
}

func newRetry(maxRetries int) *retryTransport {
	return &retryTransport{
		next: &http.Transport{}, maxRetries: maxRetries,
		attemptTimeout: 2 * time.Second, minBackoff: time.Millisecond, maxBackoff: 5 * time.Millisecond,
		secrets: func(context.Context) []string { return nil },
	}
}

// result is what doReq saw: the final status.
type result struct{ StatusCode int }

func doReq(ctx context.Context, rt http.RoundTripper, method, url string) (result, error) {
	var body io.Reader
	if method == http.MethodPost {
		body = strings.NewReader(`{"name":"x"}`)
	}
	req, err := http.NewRequestWithContext(ctx, method, url+"/proj/api-clients", body)
	if err != nil {
		return result{}, err
	}
	resp, err := (&http.Client{Transport: rt}).Do(req)
	if err != nil {
		return result{}, err
	}
	defer func() { _ = resp.Body.Close() }()
	_, _ = io.Copy(io.Discard, resp.Body)
	return result{StatusCode: resp.StatusCode}, nil
}

func TestRetryPolicy(t *testing.T) {
	cases := []struct {
		method      string
		script      []string
		wantCalls   int32
		wantStatus  int
		wantUnknown bool
	}{
		{http.MethodGet, []string{"429", "429"}, 3, 200, false},
		{http.MethodGet, []string{"500", "502", "503", "504"}, 5, 200, false},
		{http.MethodGet, []string{"drop", "drop"}, 3, 200, false},
		{http.MethodDelete, []string{"500", "drop"}, 3, 200, false},
		{http.MethodHead, []string{"503"}, 2, 200, false},
		{http.MethodGet, []string{"400"}, 1, 400, false},
		{http.MethodGet, []string{"401"}, 1, 401, false},
		{http.MethodGet, []string{"403"}, 1, 403, false},
		{http.MethodGet, []string{"404"}, 1, 404, false},
		{http.MethodGet, []string{"409"}, 1, 409, false},
		{http.MethodPost, []string{"429", "503"}, 3, 200, false},
		{http.MethodPost, []string{"500"}, 1, 0, true},
		{http.MethodPost, []string{"502"}, 1, 0, true},
		{http.MethodPost, []string{"504"}, 1, 0, true},
		{http.MethodPost, []string{"drop"}, 1, 0, true},
		{http.MethodPost, []string{"400"}, 1, 400, false},
		{http.MethodGet, []string{"503", "503", "503", "503", "503", "503"}, 5, 503, false},
	}
	for _, tc := range cases {
		t.Run(tc.method+"_"+strings.Join(tc.script, "_"), func(t *testing.T) {
			ps := newPolicyServer(t, tc.script...)
			ps.header.Set("Retry-After", "0")
			resp, err := doReq(context.Background(), newRetry(4), tc.method, ps.URL)
			if got := ps.calls.Load(); got != tc.wantCalls {
				t.Errorf("calls = %d, want %d", got, tc.wantCalls)
			}
			if tc.wantUnknown {
				if !errors.Is(err, ErrOutcomeUnknown) {
					t.Fatalf("err = %v, want ErrOutcomeUnknown", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if resp.StatusCode != tc.wantStatus {
				t.Errorf("status = %d, want %d", resp.StatusCode, tc.wantStatus)
			}
		})
	}
}

func TestRetryAfterSecondsAndDate(t *testing.T) {
	ps := newPolicyServer(t, "429")
	ps.header.Set("Retry-After", "1")
	start := time.Now()
	if _, err := doReq(context.Background(), newRetry(2), http.MethodGet, ps.URL); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el < 900*time.Millisecond {
		t.Errorf("Retry-After: 1 not honoured, took %s", el)
	}

	ps2 := newPolicyServer(t, "429")
	ps2.header.Set("Retry-After", time.Now().Add(2*time.Second).UTC().Format(http.TimeFormat))
	start = time.Now()
	if _, err := doReq(context.Background(), newRetry(2), http.MethodGet, ps2.URL); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el < 900*time.Millisecond {
		t.Errorf("Retry-After HTTP-date not honoured, took %s", el)
	}
	if ps2.calls.Load() != 2 {
		t.Errorf("calls = %d", ps2.calls.Load())
	}
}

func TestRetryAfterBeyondDeadlineGivesUp(t *testing.T) {
	ps := newPolicyServer(t, "429", "429")
	ps.header.Set("Retry-After", "30")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	resp, err := doReq(ctx, newRetry(4), http.MethodGet, ps.URL)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 429 || time.Since(start) > time.Second {
		t.Errorf("status %d after %s; want immediate 429", resp.StatusCode, time.Since(start))
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Duration{
		"0": 0, "7": 7 * time.Second, now.Add(3 * time.Second).Format(http.TimeFormat): 3 * time.Second,
		now.Add(-time.Hour).Format(http.TimeFormat): 0,
	} {
		got, ok := parseRetryAfter(in, now)
		if !ok || got != want {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "-1", "soon"} {
		if _, ok := parseRetryAfter(in, now); ok {
			t.Errorf("parseRetryAfter(%q) accepted", in)
		}
	}
}

func TestPostRetriedOnDialError(t *testing.T) {
	l, err := (&net.ListenConfig{}).Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	_, err = doReq(context.Background(), newRetry(2), http.MethodPost, "http://"+addr)
	var re *requestError
	if !errors.As(err, &re) || re.Attempts != 3 || errors.Is(err, ErrOutcomeUnknown) {
		t.Fatalf("err = %v; want 3 attempts, outcome known", err)
	}
}

func TestAttemptTimeoutAgainstHangingServer(t *testing.T) {
	ps := newPolicyServer(t, "hang")
	rt := newRetry(2)
	rt.attemptTimeout = 200 * time.Millisecond
	start := time.Now()
	resp, err := doReq(context.Background(), rt, http.MethodGet, ps.URL)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || ps.calls.Load() != 2 {
		t.Errorf("status %d calls %d", resp.StatusCode, ps.calls.Load())
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("took %s", el)
	}
	// A POST that hangs has an unknown outcome.
	ps2 := newPolicyServer(t, "hang")
	_, err = doReq(context.Background(), rt, http.MethodPost, ps2.URL)
	if !errors.Is(err, ErrOutcomeUnknown) {
		t.Errorf("hung POST: %v", err)
	}
}

func TestContextDeadlineBoundsRetries(t *testing.T) {
	script := make([]string, 1000)
	for i := range script {
		script[i] = "503"
	}
	ps := newPolicyServer(t, script...)
	rt := newRetry(1000)
	rt.minBackoff, rt.maxBackoff = 20*time.Millisecond, 50*time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	resp, err := doReq(ctx, rt, http.MethodGet, ps.URL)
	el := time.Since(start)
	if el > 600*time.Millisecond {
		t.Errorf("took %s, deadline was 300ms", el)
	}
	if err == nil && resp.StatusCode != 503 {
		t.Errorf("status %d", resp.StatusCode)
	}
}
