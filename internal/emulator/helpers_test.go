package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/labd/commercetools-go-sdk/platform"
)

// fakeClock is a settable clock for Options.Now.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 3, 1, 9, 15, 27, 118_000_000, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// harness wraps a TestServer with request helpers.
type harness struct {
	t  testing.TB
	ts *TestServer
	hc *http.Client
}

func newHarness(t testing.TB, opts Options) *harness {
	t.Helper()
	ts := NewTestServer(t, opts)
	return &harness{t: t, ts: ts, hc: &http.Client{Timeout: 30 * time.Second}}
}

// response is a received HTTP response with its body read.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (h *harness) send(req *http.Request) *response {
	h.t.Helper()
	res, err := h.hc.Do(req)
	if err != nil {
		h.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		h.t.Fatalf("reading body: %v", err)
	}
	return &response{status: res.StatusCode, header: res.Header, body: body}
}

// do sends an API request with an optional bearer token and JSON body
// (a string is sent verbatim).
func (h *harness) do(method, path, tok string, body any) *response {
	h.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			h.t.Fatal(err)
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(h.t.Context(), method, h.ts.URL+path, rd)
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("Accept", "application/json; charset=utf-8")
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	return h.send(req)
}

// tokenRequest posts to /oauth/token. With basic, id/secret go in a Basic
// header (query-escaped like x/oauth2), else in the form body.
func (h *harness) tokenRequest(basic bool, id, secret string, form url.Values, rawQuery string) *response {
	h.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if !basic && id != "" {
		form.Set("client_id", id)
		form.Set("client_secret", secret)
	}
	u := h.ts.URL + "/oauth/token"
	if rawQuery != "" {
		u += "?" + rawQuery
	}
	req, err := http.NewRequestWithContext(h.t.Context(), http.MethodPost, u, strings.NewReader(form.Encode()))
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if basic {
		req.SetBasicAuth(url.QueryEscape(id), url.QueryEscape(secret))
	}
	return h.send(req)
}

// token obtains an access token and returns it.
func (h *harness) token(id, secret string) string {
	h.t.Helper()
	form := url.Values{"grant_type": {"client_credentials"}}
	r := h.tokenRequest(true, id, secret, form, "")
	if r.status != http.StatusOK {
		h.t.Fatalf("token: status %d: %s", r.status, r.body)
	}
	var tr tokenResponse
	if err := json.Unmarshal(r.body, &tr); err != nil {
		h.t.Fatal(err)
	}
	return tr.AccessToken
}

// admin returns a token of the first project's admin client.
func (h *harness) admin() string {
	h.t.Helper()
	return h.token(h.ts.Project.AdminClientID, h.ts.Project.AdminClientSecret)
}

func (h *harness) clientsPath() string { return "/" + h.ts.Project.Key + "/api-clients" }

// create creates an API client and returns it (with secret).
func (h *harness) create(tok string, draft any) platform.ApiClient {
	h.t.Helper()
	r := h.do(http.MethodPost, h.clientsPath(), tok, draft)
	if r.status != http.StatusCreated {
		h.t.Fatalf("create: status %d: %s", r.status, r.body)
	}
	return mustClient(h.t, r)
}

func mustClient(t testing.TB, r *response) platform.ApiClient {
	t.Helper()
	var c platform.ApiClient
	if err := json.Unmarshal(r.body, &c); err != nil {
		t.Fatalf("decoding ApiClient: %v: %s", err, r.body)
	}
	return c
}

func mustPaged(t testing.TB, r *response) platform.ApiClientPagedQueryResponse {
	t.Helper()
	if r.status != http.StatusOK {
		t.Fatalf("query: status %d: %s", r.status, r.body)
	}
	var p platform.ApiClientPagedQueryResponse
	if err := json.Unmarshal(r.body, &p); err != nil {
		t.Fatalf("decoding paged response: %v: %s", err, r.body)
	}
	return p
}

// mustError checks status and the code of every error object, decodes the
// body with the SDK's ErrorResponse and returns it with the raw objects.
func mustError(t testing.TB, r *response, status int, code string) (platform.ErrorResponse, []map[string]any) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d: %s", r.status, status, r.body)
	}
	var er platform.ErrorResponse
	if err := json.Unmarshal(r.body, &er); err != nil {
		t.Fatalf("decoding ErrorResponse: %v: %s", err, r.body)
	}
	if er.StatusCode != status || er.Message == "" || len(er.Errors) == 0 {
		t.Fatalf("bad error body: %s", r.body)
	}
	var raw struct {
		Errors []map[string]any `json:"errors"`
	}
	_ = json.Unmarshal(r.body, &raw)
	for _, o := range raw.Errors {
		if o["code"] != code {
			t.Fatalf("error code %v, want %s: %s", o["code"], code, r.body)
		}
		if m, _ := o["message"].(string); m == "" {
			t.Fatalf("error object without message: %s", r.body)
		}
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("content type %q", ct)
	}
	return er, raw.Errors
}

// mustAuthError checks an AuthErrorResponse body.
func mustAuthError(t testing.TB, r *response, status int, code string) platform.AuthErrorResponse {
	t.Helper()
	_, _ = mustError(t, r, status, code)
	var ae platform.AuthErrorResponse
	if err := json.Unmarshal(r.body, &ae); err != nil {
		t.Fatalf("decoding AuthErrorResponse: %v: %s", err, r.body)
	}
	if ae.ErrorMessage != code {
		t.Fatalf("error %q, want %q: %s", ae.ErrorMessage, code, r.body)
	}
	return ae
}

func intp(v int) *int { return &v }

// newLoopback serves h on a loopback httptest server closed at cleanup.
func newLoopback(t testing.TB, h http.Handler) string {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// syncBuffer is a goroutine-safe bytes.Buffer for Options.Log.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
