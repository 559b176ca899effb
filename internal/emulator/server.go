package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// tokenRoute is the route pattern of the OAuth token endpoint.
const tokenRoute = "/oauth/token"

// call carries one request through a handler.
type call struct {
	e          *Emulator
	w          http.ResponseWriter
	r          *http.Request
	route      *route
	params     map[string]string
	projectKey string
	tok        *token // bearer token, nil on unauthenticated routes
	status     int
	resourceID string
	actions    []string // update action names, for the request log
	onRespond  func()   // records the request just before the status is written
}

// param returns a path parameter of the matched route.
func (c *call) param(name string) string { return c.params[name] }

// json writes a JSON response.
func (c *call) json(status int, v any) {
	if status < 300 && c.projectKey != "" && c.r.Method != http.MethodHead {
		if paths := c.r.URL.Query()["expand"]; len(paths) > 0 {
			v = c.expand(v, paths)
		}
	}
	c.status = status
	c.responding()
	c.w.Header().Set("Content-Type", "application/json; charset=utf-8")
	c.w.WriteHeader(status)
	if c.r.Method == http.MethodHead {
		return
	}
	enc := json.NewEncoder(c.w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// empty writes a response without a body (HEAD).
func (c *call) empty(status int) {
	c.status = status
	c.responding()
	c.w.WriteHeader(status)
}

// fail writes an error response; HEAD requests get the status only.
func (c *call) fail(err *apiError) {
	for k, v := range err.header {
		c.w.Header().Set(k, v)
	}
	c.json(err.status, err.body())
}

// responding records the request in the log before the client can see the
// response, so tests reading RequestLog after a response always find it.
func (c *call) responding() {
	if c.onRespond != nil {
		c.onRespond()
	}
}

// readBody reads the request body, enforcing Options.MaxBodyBytes.
func (c *call) readBody() ([]byte, *apiError) {
	if c.r.Body == nil {
		return nil, nil
	}
	body, err := io.ReadAll(http.MaxBytesReader(c.w, c.r.Body, c.e.maxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, errTooLarge(c.e.maxBody)
		}
		return nil, errInvalidJSON("could not read the request body: " + err.Error())
	}
	return body, nil
}

// decodeObject parses a JSON object, rejecting trailing data.
func decodeObject(body []byte) (map[string]json.RawMessage, *apiError) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, errInvalidJSON("the request body is empty; a JSON object is expected")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	var obj map[string]json.RawMessage
	if err := dec.Decode(&obj); err != nil {
		return nil, errInvalidJSON(jsonErrorDetail(err))
	}
	if obj == nil {
		return nil, errInvalidJSON("a JSON object is expected, got null")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errInvalidJSON("unexpected data after the JSON object")
	}
	return obj, nil
}

func jsonErrorDetail(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("malformed JSON at offset %d: %s", syn.Offset, syn.Error())
	case errors.As(err, &typ):
		return fmt.Sprintf("a JSON object is expected, got %s", typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "unexpected end of JSON input"
	}
	return err.Error()
}

// serve is the top-level request flow: admin endpoints, counting, faults,
// routing, authorisation and the handler.
func (e *Emulator) serve(w http.ResponseWriter, r *http.Request) {
	corr := r.Header.Get("X-Correlation-ID")
	if corr == "" || len(corr) > 256 {
		corr = "projects-" + newUUID()
	}
	w.Header().Set("X-Correlation-ID", corr)
	if strings.HasPrefix(r.URL.Path, adminPrefix) {
		e.serveAdmin(w, r)
		return
	}
	start := time.Now()
	rt, params, methodOK := e.router.match(r.Method, r.URL.Path)
	pattern := ""
	if rt != nil && methodOK {
		pattern = rt.pattern
	}
	seq := e.stats.arrive(r.Method, pattern, pattern == tokenRoute)
	entry := LoggedRequest{Seq: seq, At: e.now(), Method: r.Method, Route: pattern, Path: r.URL.Path}
	c := &call{e: e, w: w, r: r, route: rt, params: params, projectKey: params["projectKey"]}
	recorded := false
	finish := func() {
		if !recorded {
			recorded = true
			entry.Status, entry.ResourceID, entry.Actions = c.status, c.resourceID, c.actions
			e.stats.record(entry)
			e.logLine(entry, time.Since(start))
		}
	}
	defer finish()
	c.onRespond = finish

	d := e.faults.decide(r.Method, pattern)
	if d.latency > 0 {
		t := time.NewTimer(d.latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
		}
	}
	if d.drop && !d.afterCommit {
		c.status = 0
		finish() // record before the client can observe the drop
		dropConn(w)
		return
	}
	if d.failStatus != 0 {
		c.fail(faultError(d.failStatus, d.retryAfter))
		return
	}
	e.mu.Lock()
	closed := e.closed
	e.mu.Unlock()
	switch {
	case closed:
		c.fail(errClosed())
		return
	case rt == nil || !methodOK:
		c.fail(errRouteNotFound(r.URL.Path))
		return
	}
	if d.drop {
		c.w = newDiscardWriter()
		c.onRespond = nil
	}
	if rt.scopes != nil {
		if err := e.authorize(c); err != nil {
			c.fail(err)
		} else {
			rt.handle(c)
		}
	} else {
		rt.handle(c)
	}
	if d.drop {
		c.status = 0
		finish()
		dropConn(w)
	}
}

// dropConn closes the client connection without a response.
func dropConn(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}

// discardWriter swallows a response (used when dropping after commit).
type discardWriter struct{ h http.Header }

func newDiscardWriter() *discardWriter               { return &discardWriter{h: http.Header{}} }
func (d *discardWriter) Header() http.Header         { return d.h }
func (d *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (d *discardWriter) WriteHeader(int)             {}
