package emulator

import (
	"strings"
)

// A family is one group of routes (one resource type). Each family lives in
// its own file and adds itself to families from an init function:
//
//	func init() { families = append(families, registerTypes) }
//	func registerTypes(r *router) {
//		r.handle(http.MethodGet, "/{projectKey}/types/key={key}", []string{"view_types", "manage_types", "manage_project"}, getTypeByKey)
//	}
//
// Scopes are explicit: list manage_project where it grants access (it does
// not for API clients). Handlers use call.param, c.e.update/c.e.view with a
// collection name for storage (persisted automatically), parseQuery/apply/page
// for queries, and the err* helpers (errConcurrentModification for version
// mismatches) for error bodies.
var families []func(*router)

// route is one registered endpoint.
type route struct {
	method  string
	pattern string      // route key without the method, e.g. "/{projectKey}/api-clients/{id}"
	segs    []segment   // parsed pattern
	scopes  []string    // any-of scope names without the project key; nil = no bearer token needed
	handle  func(*call) // handler
}

// segment is one path segment of a pattern: a literal (param == "") or an
// optional literal prefix followed by a parameter ("key={key}").
type segment struct {
	prefix string
	param  string
}

// router matches request paths against registered patterns.
type router struct {
	routes []*route
}

func newRouter() *router { return &router{} }

// handle registers a route. A pattern segment "{name}" binds one path
// segment; "prefix{name}" binds the rest of a segment after a literal
// prefix. The parameter "{projectKey}" names the project of the request.
// scopes lists alternative scope names (any one suffices, store suffixes do
// not count); nil means the route needs no bearer token.
func (rt *router) handle(method, pattern string, scopes []string, h func(*call)) {
	r := &route{method: method, pattern: pattern, scopes: scopes, handle: h}
	for _, s := range strings.Split(strings.Trim(pattern, "/"), "/") {
		seg := segment{prefix: s}
		if i := strings.IndexByte(s, '{'); i >= 0 && strings.HasSuffix(s, "}") {
			seg = segment{prefix: s[:i], param: s[i+1 : len(s)-1]}
		}
		r.segs = append(r.segs, seg)
	}
	rt.routes = append(rt.routes, r)
}

// match finds the route for method and path. When several patterns bind the path, the most
// specific one wins whatever the order of registration: a literal segment beats a prefixed
// parameter ("key={key}"), which beats a bare parameter ("{id}"), so /types/key=abc never reaches
// the id route. When only the path matches, the route is returned with methodOK false.
func (rt *router) match(method, path string) (r *route, params map[string]string, methodOK bool) {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	var pathOnly *route
	var pathParams map[string]string
	best, bestPath := -1, -1
	for _, cand := range rt.routes {
		p, ok := cand.bind(parts)
		if !ok {
			continue
		}
		score := cand.specificity()
		if cand.method == method && score > best {
			r, params, best = cand, p, score
		}
		if score > bestPath {
			pathOnly, pathParams, bestPath = cand, p, score
		}
	}
	if r != nil {
		return r, params, true
	}
	return pathOnly, pathParams, false
}

// specificity ranks a pattern: 2 per literal segment, 1 per prefixed parameter.
func (r *route) specificity() int {
	n := 0
	for _, s := range r.segs {
		switch {
		case s.param == "":
			n += 2
		case s.prefix != "":
			n++
		}
	}
	return n
}

func (r *route) bind(parts []string) (map[string]string, bool) {
	if len(parts) != len(r.segs) {
		return nil, false
	}
	var params map[string]string
	for i, seg := range r.segs {
		part := parts[i]
		if seg.param == "" {
			if part != seg.prefix {
				return nil, false
			}
			continue
		}
		if !strings.HasPrefix(part, seg.prefix) || len(part) == len(seg.prefix) {
			return nil, false
		}
		if params == nil {
			params = map[string]string{}
		}
		params[seg.param] = part[len(seg.prefix):]
	}
	return params, true
}
