package emulator

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

// Counts reports how many requests the emulator received, including requests
// answered by an injected fault. Admin (/_emulator) requests are not counted.
type Counts struct {
	Token   int            `json:"token"`   // POST /oauth/token requests
	API     int            `json:"api"`     // every other non-admin request, matched or not
	ByRoute map[string]int `json:"byRoute"` // route key ("GET /{projectKey}/api-clients") to count
}

// LoggedRequest is one entry of the request log.
type LoggedRequest struct {
	Seq        int       // arrival order, starting at 1
	At         time.Time // arrival time (Options.Now)
	Method     string    // HTTP method
	Route      string    // route pattern without the method, "" when no route matched
	Path       string    // request path without the query
	Status     int       // response status; 0 when the connection was dropped
	ResourceID string    // id of the resource created/read/deleted when known
	Actions    []string  // the update actions of an update request, in order
}

// stats holds counters and the request log.
type stats struct {
	mu      sync.Mutex
	seq     int
	token   int
	api     int
	byRoute map[string]int
	log     []LoggedRequest
}

func (s *stats) init() { s.byRoute = map[string]int{} }

// arrive counts a request and returns its sequence number.
func (s *stats) arrive(method, route string, isToken bool) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	if isToken {
		s.token++
	} else {
		s.api++
	}
	if route != "" {
		s.byRoute[method+" "+route]++
	}
	return s.seq
}

// record appends a finished request to the log.
func (s *stats) record(l LoggedRequest) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = append(s.log, l)
}

// Counts returns a snapshot of the request counters.
func (e *Emulator) Counts() Counts {
	s := &e.stats
	s.mu.Lock()
	defer s.mu.Unlock()
	c := Counts{Token: s.token, API: s.api, ByRoute: make(map[string]int, len(s.byRoute))}
	for k, v := range s.byRoute {
		c.ByRoute[k] = v
	}
	return c
}

// ResetCounts zeroes the request counters and clears the request log.
func (e *Emulator) ResetCounts() {
	s := &e.stats
	s.mu.Lock()
	defer s.mu.Unlock()
	s.token, s.api = 0, 0
	s.byRoute = map[string]int{}
	s.log = nil
}

// RequestLog returns the finished requests ordered by arrival (Seq).
func (e *Emulator) RequestLog() []LoggedRequest {
	s := &e.stats
	s.mu.Lock()
	out := append([]LoggedRequest(nil), s.log...)
	s.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out
}

// logLine writes one line per request to Options.Log. It never includes
// query strings, bodies or headers, so no secret can leak.
func (e *Emulator) logLine(l LoggedRequest, d time.Duration) {
	if e.logw == nil {
		return
	}
	status := fmt.Sprint(l.Status)
	if l.Status == 0 {
		status = "dropped"
	}
	line := fmt.Sprintf("%s #%d %s %s %s %s", l.At.UTC().Format(timeLayout), l.Seq, l.Method, l.Path, status, d.Round(time.Microsecond))
	if l.ResourceID != "" {
		line += " id=" + l.ResourceID
	}
	e.logMu.Lock()
	defer e.logMu.Unlock()
	fmt.Fprintln(e.logw, line)
}

// IssuedTokens returns every access token the emulator has issued and still
// remembers, so that tests can check that none of them leaks into logs.
func (e *Emulator) IssuedTokens() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]string, 0, len(e.tokens))
	for raw := range e.tokens {
		out = append(out, raw)
	}
	return out
}
