package emulator

import (
	"math/rand"
	"strings"
	"sync"
	"time"
)

// Match selects requests for fault injection. An empty field matches
// anything; Route is a route pattern without the method, for example
// "/{projectKey}/api-clients/{id}" or "/oauth/token".
type Match struct {
	Method, Route string
}

func (m Match) matches(method, route string) bool {
	return (m.Method == "" || m.Method == method) && (m.Route == "" || m.Route == route)
}

// Faults holds the test hooks of an Emulator. All methods are safe for
// concurrent use.
type Faults struct {
	mu             sync.Mutex
	latency        time.Duration
	retryAfter     string
	fails          []failRule
	drops          []dropRule
	randFail       *randomFail
	randDrop       *randomDrop
	normalizeScope bool
	tokenEpoch     int        // bumped by ExpireTokens
	edits          []failRule // ConcurrentEditNext rules (status unused)
	staleDelay     time.Duration
	stale          map[string]staleEntry // project key -> values shown instead of the new ones
	unreachable    []string              // UnreachableDestinations
}

// UnreachableDestinations makes the test message of a subscription fail for every destination
// whose address (queue URL, topic ARN, URI, project/topic, bootstrap server, account id,
// connection string) contains one of the given texts: its create or changeDestination fails as
// commercetools fails them when it cannot deliver. No texts turn it off.
func (f *Faults) UnreachableDestinations(texts ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.unreachable = append([]string(nil), texts...)
}

// unreachableBy returns the configured text that makes address unreachable, or "".
func (f *Faults) unreachableBy(address string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, t := range f.unreachable {
		if t != "" && strings.Contains(address, t) {
			return t
		}
	}
	return ""
}

type staleEntry struct {
	old   map[string]any
	until time.Time
}

type failRule struct {
	m      Match
	n      int
	status int
}

type dropRule struct {
	m           Match
	n           int
	afterCommit bool
}

type randomFail struct {
	m        Match
	rate     float64
	statuses []int
	rng      *rand.Rand
}

type randomDrop struct {
	m           Match
	rate        float64
	afterCommit bool
	rng         *rand.Rand
}

// faultDecision is what the faults decided for one request.
type faultDecision struct {
	latency     time.Duration
	failStatus  int // 0 = none
	retryAfter  string
	drop        bool
	afterCommit bool
}

func newFaults() *Faults { return &Faults{retryAfter: "1"} }

// SetLatency delays every non-admin request by d before it is handled.
func (f *Faults) SetLatency(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.latency = max(d, 0)
}

// SetRetryAfter sets the Retry-After header value sent with injected 429
// responses (default "1").
func (f *Faults) SetRetryAfter(v string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.retryAfter = v
}

// FailNext answers the next n requests matching m with status (429, 500,
// 502, 503 or 504) and a commercetools error body, without handling them.
func (f *Faults) FailNext(m Match, n int, status int) {
	if n <= 0 {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fails = append(f.fails, failRule{m: m, n: n, status: status})
}

// DropNext closes the connection of the next n requests matching m without
// any response. With afterCommit the request is handled first (a create is
// stored) and the response is discarded.
func (f *Faults) DropNext(m Match, n int, afterCommit bool) {
	if n <= 0 {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.drops = append(f.drops, dropRule{m: m, n: n, afterCommit: afterCommit})
}

// SetRandomFailures fails a fraction rate (0..1) of the requests matching m
// with a status drawn from statuses, using a deterministic seed. A rate of 0
// or an empty statuses list turns random failures off.
func (f *Faults) SetRandomFailures(m Match, rate float64, statuses []int, seed int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if rate <= 0 || len(statuses) == 0 {
		f.randFail = nil
		return
	}
	f.randFail = &randomFail{m: m, rate: rate, statuses: append([]int(nil), statuses...), rng: rand.New(rand.NewSource(seed))}
}

// SetRandomDrops drops a fraction rate (0..1) of the connections of requests
// matching m, using a deterministic seed. A rate of 0 turns it off.
func (f *Faults) SetRandomDrops(m Match, rate float64, afterCommit bool, seed int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if rate <= 0 {
		f.randDrop = nil
		return
	}
	f.randDrop = &randomDrop{m: m, rate: rate, afterCommit: afterCommit, rng: rand.New(rand.NewSource(seed))}
}

// NormalizeScopesOnRead makes GET, query and DELETE responses return scope
// strings sorted, de-duplicated and with the implied view_* scopes added,
// as a real server might, to exercise drift handling.
func (f *Faults) NormalizeScopesOnRead(on bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.normalizeScope = on
}

func (f *Faults) normalizeOnRead() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.normalizeScope
}

// ConcurrentEditNext makes the next n update or delete requests matching m find their resource
// changed by someone else: its version goes up by one just before the request is handled, so a
// request with the version the client last saw gets 409 ConcurrentModification.
func (f *Faults) ConcurrentEditNext(m Match, n int) {
	if n <= 0 {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.edits = append(f.edits, failRule{m: m, n: n})
}

// takeConcurrentEdit consumes a ConcurrentEditNext rule matching the request.
func (f *Faults) takeConcurrentEdit(method, route string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.edits {
		r := &f.edits[i]
		if r.n > 0 && r.m.matches(method, route) {
			r.n--
			f.edits = compactFails(f.edits)
			return true
		}
	}
	return false
}

// StaleProjectReads makes the project's settings read back their old value for d after an update
// changed them (in the update's own response and in GETs), as commercetools does for some
// settings it applies with a delay. 0 turns it off.
func (f *Faults) StaleProjectReads(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.staleDelay = max(d, 0)
	f.stale = nil
}

func (f *Faults) noteStale(project string, old map[string]any, now time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.staleDelay <= 0 || len(old) == 0 {
		return
	}
	if f.stale == nil {
		f.stale = map[string]staleEntry{}
	}
	f.stale[project] = staleEntry{old: old, until: now.Add(f.staleDelay)}
}

func (f *Faults) staleValues(project string, now time.Time) map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	e, ok := f.stale[project]
	if !ok || !now.Before(e.until) {
		return nil
	}
	return e.old
}

// ExpireTokens invalidates every access token issued so far; using one
// afterwards yields 401 invalid_token.
func (f *Faults) ExpireTokens() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tokenEpoch++
}

func (f *Faults) epoch() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.tokenEpoch
}

// Reset removes latency, pending and random failures and drops, restores the
// default Retry-After and turns scope normalisation off. Tokens expired by
// ExpireTokens stay expired.
func (f *Faults) Reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.latency, f.retryAfter = 0, "1"
	f.fails, f.drops, f.edits = nil, nil, nil
	f.staleDelay, f.stale = 0, nil
	f.randFail, f.randDrop = nil, nil
	f.normalizeScope = false
	f.unreachable = nil
	inheritanceDelays.Delete(f) // DelayInheritance (businessunits.go)
}

// decide consumes the fault rules that apply to one request.
func (f *Faults) decide(method, route string) faultDecision {
	f.mu.Lock()
	defer f.mu.Unlock()
	d := faultDecision{latency: f.latency, retryAfter: f.retryAfter}
	for i := range f.drops {
		r := &f.drops[i]
		if r.n > 0 && r.m.matches(method, route) {
			r.n--
			d.drop, d.afterCommit = true, r.afterCommit
			f.drops = compactDrops(f.drops)
			return d
		}
	}
	for i := range f.fails {
		r := &f.fails[i]
		if r.n > 0 && r.m.matches(method, route) {
			r.n--
			d.failStatus = r.status
			f.fails = compactFails(f.fails)
			return d
		}
	}
	if rd := f.randDrop; rd != nil && rd.m.matches(method, route) && rd.rng.Float64() < rd.rate {
		d.drop, d.afterCommit = true, rd.afterCommit
		return d
	}
	if rf := f.randFail; rf != nil && rf.m.matches(method, route) && rf.rng.Float64() < rf.rate {
		d.failStatus = rf.statuses[rf.rng.Intn(len(rf.statuses))]
	}
	return d
}

func compactDrops(rs []dropRule) []dropRule {
	out := rs[:0]
	for _, r := range rs {
		if r.n > 0 {
			out = append(out, r)
		}
	}
	return out
}

func compactFails(rs []failRule) []failRule {
	out := rs[:0]
	for _, r := range rs {
		if r.n > 0 {
			out = append(out, r)
		}
	}
	return out
}
