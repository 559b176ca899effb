package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// MaxUpdateActions is the largest number of update actions commercetools accepts in one request.
const MaxUpdateActions = 500

// Meta is what every versioned resource has: its id, key, version and creation time.
type Meta struct {
	ID, Key   string
	Version   int64
	CreatedAt time.Time
}

// Endpoint is one collection of versioned resources (channels, types, ...): created from a draft,
// changed with POST {version, actions}, deleted with ?version=, addressable by id and by key=.
// T is the resource as the API returns it, A the type of its update actions. The zero value is
// not usable; families declare one Endpoint as a package variable.
type Endpoint[T, A any] struct {
	// Path is the collection segment below the project: "channels" for /{projectKey}/channels.
	Path string
	// Noun names one resource in messages: "channel".
	Noun string
	// Meta reads the id, key, version and creation time of a decoded resource.
	Meta func(*T) Meta
	// NoKeyRoute is set for collections without /key={key} routes (discount codes).
	NoKeyRoute bool
}

func (e *Endpoint[T, A]) collPath(c *Client) string { return "/" + c.cfg.ProjectKey + "/" + e.Path }

func (e *Endpoint[T, A]) itemPath(c *Client, r Ref) (string, error) {
	if r.Key != "" && e.NoKeyRoute {
		return "", fmt.Errorf("a %s cannot be addressed by key", e.Noun)
	}
	seg, err := r.segment(e.Noun)
	if err != nil {
		return "", err
	}
	return e.collPath(c) + "/" + seg, nil
}

// check returns the resource's meta, or an error when the response lacks an id or version.
func (e *Endpoint[T, A]) check(method, path string, v *T) (Meta, error) {
	m := e.Meta(v)
	if m.ID == "" {
		return m, invalidResponse(method, routeOf(path), e.Noun+" without id")
	}
	if m.Version < 1 {
		return m, invalidResponse(method, routeOf(path), fmt.Sprintf("%s %s without a version", e.Noun, m.ID))
	}
	return m, nil
}

// listing returns this Client's shared listing of the collection, creating it on first use.
func (e *Endpoint[T, A]) listing(c *Client) *listing[T] {
	c.listingsMu.Lock()
	defer c.listingsMu.Unlock()
	if l, ok := c.listings[e.listingKey()].(*listing[T]); ok {
		return l
	}
	l := &listing[T]{
		noun: e.Noun,
		id:   func(v *T) string { return e.Meta(v).ID },
		page: func(ctx context.Context, after string, withTotal bool) ([]T, *int, error) {
			return e.page(ctx, c, nil, after, withTotal)
		},
		get: func(ctx context.Context, id string) (*T, error) { return e.Get(ctx, c, ByID(id)) },
	}
	c.listings[e.listingKey()] = l
	return l
}

// Get reads one resource by id or key with one GET, bypassing the shared listing (use it when
// the freshest version matters). A missing resource is an error for which IsNotFound holds.
func (e *Endpoint[T, A]) Get(ctx context.Context, c *Client, r Ref) (*T, error) {
	v, _, err := e.get(ctx, c, r)
	return v, err
}

func (e *Endpoint[T, A]) get(ctx context.Context, c *Client, r Ref) (*T, []byte, error) {
	path, err := e.itemPath(c, r)
	if err != nil {
		return nil, nil, err
	}
	var v T
	raw, err := c.do(ctx, http.MethodGet, path, nil, nil, &v)
	if err != nil {
		if IsNotFound(err) && r.ID != "" {
			e.listing(c).forget(r.ID)
		}
		return nil, nil, err
	}
	if _, err := e.check(http.MethodGet, path, &v); err != nil {
		return nil, nil, err
	}
	e.listing(c).remember(v)
	return &v, raw, nil
}

// Read returns one resource for a refresh. Reads of one collection share one listing per Client
// (single flight, pages of 500 sorted by id), so refreshing N resources costs about ceil(N/500)
// requests; a resource missing from the listing is read with one GET, which confirms a 404.
func (e *Endpoint[T, A]) Read(ctx context.Context, c *Client, id string) (*T, error) {
	if err := checkID(e.Noun, id); err != nil {
		return nil, err
	}
	return e.listing(c).read(ctx, id)
}

// Create creates a resource from a draft with one POST. key is the draft's key ("" when it has
// none). When the outcome of the POST is unknown (a dropped connection, 500/502/504, an
// undecodable 201), a keyed draft is looked up by key: a resource created since the attempt began
// that holds every value the draft sent is adopted; no resource means nothing was created, and the
// draft is sent again. Without a key the outcome cannot be checked, and the error says so. One
// call never leaves a duplicate.
func (e *Endpoint[T, A]) Create(ctx context.Context, c *Client, draft any, key string) (*T, error) {
	path := e.collPath(c)
	start := time.Now()
	for try := 0; ; try++ {
		var v T
		_, err := c.do(ctx, http.MethodPost, path, nil, draft, &v)
		if err == nil {
			if _, err = e.check(http.MethodPost, path, &v); err == nil {
				e.listing(c).remember(v)
				return &v, nil
			}
		}
		if !errors.Is(err, ErrOutcomeUnknown) && !errors.Is(err, ErrInvalidResponse) {
			return nil, err
		}
		if key == "" || e.NoKeyRoute {
			return nil, fmt.Errorf("creating %s: %w; it has no key by which the provider could look it up, so check "+
				"whether it exists before applying again (import it if it does)", e.Noun, err)
		}
		tflog.Debug(ctx, "outcome of a create unknown; looking the resource up by key",
			map[string]any{"resource": e.Noun, "key": key, "attempt": try + 1})
		found, raw, gerr := e.get(ctx, c, ByKey(key))
		switch {
		case gerr == nil:
			m := e.Meta(found)
			if !m.CreatedAt.IsZero() && m.CreatedAt.Before(start.Add(-clockSkew)) {
				return nil, fmt.Errorf("creating %s %q: %w; a %s with this key already existed before the request "+
					"(id %s, created %s): import it or choose another key", e.Noun, key, err, e.Noun, m.ID, m.CreatedAt.Format(time.RFC3339))
			}
			if ok, why := DraftMatches(draft, raw); !ok {
				return nil, fmt.Errorf("creating %s %q: %w; a %s with this key exists (id %s) but differs from what was sent "+
					"(%s), so the provider does not adopt it: check it, then import or delete it", e.Noun, key, err, e.Noun, m.ID, why)
			}
			tflog.Debug(ctx, "adopted the resource a create with an unknown outcome made", map[string]any{"resource": e.Noun, "id": m.ID})
			return found, nil
		case IsNotFound(gerr):
			// Nothing was created: send the draft again.
		default:
			return nil, fmt.Errorf("creating %s %q: %w; checking whether it was created failed too: %w", e.Noun, key, err, gerr)
		}
		if try >= c.cfg.MaxRetries || ctx.Err() != nil {
			return nil, fmt.Errorf("creating %s %q failed after %d attempt(s) (nothing was created): %w", e.Noun, key, try+1, err)
		}
	}
}

// updateBody is the body of an update request.
type updateBody[A any] struct {
	Version int64 `json:"version"`
	Actions []A   `json:"actions"`
}

// Update applies actions to the resource at version. More than MaxUpdateActions go out as
// consecutive requests, each with the version of the previous response. Update requests are
// version-guarded, so a request whose response was lost is retried like a GET: a replay that
// finds the change applied answers 409, never a second change.
//
// On error, a non-nil result is the resource after the requests that did succeed (the caller
// saves it, so that state matches what exists), and the error says how many actions were applied.
// A 409 is returned as is (see CurrentVersion); the caller re-reads and recomputes its actions.
func (e *Endpoint[T, A]) Update(ctx context.Context, c *Client, id string, version int64, actions []A) (*T, error) {
	return e.UpdateStaged(ctx, c, id, version, [][]A{actions})
}

// UpdateStaged is Update for actions that must not share a request across stages: each stage
// starts a new request (a product type's attribute removed in one stage and added again in the
// next, as the API asks). Empty stages are skipped.
func (e *Endpoint[T, A]) UpdateStaged(ctx context.Context, c *Client, id string, version int64, stages [][]A) (*T, error) {
	path, err := e.itemPath(c, ByID(id))
	if err != nil {
		return nil, err
	}
	return updateBatches(ctx, c, path, e.Noun, id, version, stages, e.check, e.listing(c).remember)
}

// updateBatches sends the stages of actions to path, each in requests of at most
// MaxUpdateActions, chaining the version (see Endpoint.Update).
func updateBatches[T, A any](ctx context.Context, c *Client, path, noun, id string, version int64, stages [][]A,
	check func(method, path string, v *T) (Meta, error), remember func(T),
) (*T, error) {
	total := 0
	for _, s := range stages {
		total += len(s)
	}
	if total == 0 {
		return nil, fmt.Errorf("updating %s %s: no update actions", noun, id)
	}
	ictx := withIdempotent(ctx)
	var last *T
	applied, requests := 0, 0
	for _, actions := range stages {
		for done := 0; done < len(actions); {
			n := min(MaxUpdateActions, len(actions)-done)
			var v T
			_, err := c.do(ictx, http.MethodPost, path, nil, updateBody[A]{Version: version, Actions: actions[done : done+n]}, &v)
			if err == nil {
				var m Meta
				if m, err = check(http.MethodPost, path, &v); err == nil {
					if remember != nil {
						remember(v)
					}
					last, version, done = &v, m.Version, done+n
					applied += n
					requests++
					continue
				}
			}
			if applied > 0 {
				return last, &PartialUpdateError{Noun: noun, ID: id, Applied: applied, Total: total, Requests: requests, Err: err}
			}
			return nil, err
		}
	}
	return last, nil
}

// PartialUpdateError reports an update of more than MaxUpdateActions actions that failed after
// some of its requests had been applied.
type PartialUpdateError struct {
	Noun, ID                 string
	Applied, Total, Requests int
	Err                      error
}

func (e *PartialUpdateError) Error() string {
	return fmt.Sprintf("updating %s %s: %d of %d update actions were applied (%d request(s)), the rest failed: %v",
		e.Noun, e.ID, e.Applied, e.Total, e.Requests, e.Err)
}

func (e *PartialUpdateError) Unwrap() error { return e.Err }

// Delete deletes the resource at version. A missing resource is an error for which IsNotFound
// holds; callers treat it as deleted.
func (e *Endpoint[T, A]) Delete(ctx context.Context, c *Client, id string, version int64) (*T, error) {
	path, err := e.itemPath(c, ByID(id))
	if err != nil {
		return nil, err
	}
	var v T
	_, err = c.do(ctx, http.MethodDelete, path, url.Values{"version": {strconv.FormatInt(version, 10)}}, nil, &v)
	if err != nil {
		if IsNotFound(err) {
			e.listing(c).forget(id)
		}
		return nil, err
	}
	e.listing(c).forget(id)
	return &v, nil
}

// pagedResponse is a PagedQueryResponse of resources of type T.
type pagedResponse[T any] struct {
	Count   int  `json:"count"`
	Total   *int `json:"total"`
	Results []T  `json:"results"`
}

// page fetches up to 500 resources matching where, sorted by id, after the id cursor.
func (e *Endpoint[T, A]) page(ctx context.Context, c *Client, where []string, after string, withTotal bool) ([]T, *int, error) {
	q := url.Values{"limit": {strconv.Itoa(pageLimit)}, "sort": {"id asc"}, "withTotal": {strconv.FormatBool(withTotal)}}
	for _, w := range where {
		q.Add("where", w)
	}
	if after != "" {
		q.Add("where", "id > "+QuotePredicate(after))
	}
	path := e.collPath(c)
	var res pagedResponse[T]
	if _, err := c.do(ctx, http.MethodGet, path, q, nil, &res); err != nil {
		return nil, nil, err
	}
	for i := range res.Results {
		if _, err := e.check(http.MethodGet, path, &res.Results[i]); err != nil {
			return nil, nil, fmt.Errorf("result %d: %w", i, err)
		}
	}
	return res.Results, res.Total, nil
}

// Query returns every resource matching all where predicates, sorted by id, paging with an id
// cursor (so more than 10,000 results work).
func (e *Endpoint[T, A]) Query(ctx context.Context, c *Client, where ...string) ([]T, error) {
	var all []T
	after := ""
	for {
		page, _, err := e.page(ctx, c, where, after, false)
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if len(page) < pageLimit {
			return all, nil
		}
		last := e.Meta(&page[len(page)-1]).ID
		if last == after {
			return nil, invalidResponse(http.MethodGet, routeOf(e.collPath(c)), "the id cursor did not advance")
		}
		after = last
	}
}

// CurrentVersion returns the version the API reported in a 409 ConcurrentModification error.
func CurrentVersion(err error) (int64, bool) {
	var ae *APIError
	if !errors.As(err, &ae) || ae.StatusCode != http.StatusConflict {
		return 0, false
	}
	for _, o := range ae.Errors {
		switch v := o.Extra["currentVersion"].(type) {
		case float64:
			return int64(v), true
		case json.Number:
			n, err := v.Int64()
			return n, err == nil
		}
	}
	return 0, false
}

// DraftMatches reports whether a resource (its raw JSON) holds every value a draft sent. Values
// the draft leaves out are the API's to default. A resource identifier in the draft ({typeId, key}
// or {typeId, id}) matches a reference with the same typeId (and the same id when the draft gave
// one), since the API answers with ids. When it does not match, the reason names the first
// differing field.
func DraftMatches(draft any, resource []byte) (bool, string) {
	d, err := json.Marshal(draft)
	if err != nil {
		return false, "the draft cannot be encoded"
	}
	var dv, rv any
	if json.Unmarshal(d, &dv) != nil || json.Unmarshal(bytes.TrimSpace(resource), &rv) != nil {
		return false, "the resource cannot be decoded"
	}
	return subset(dv, rv, "")
}

func subset(want, got any, at string) (bool, string) {
	name := at
	if name == "" {
		name = "the resource"
	}
	switch w := want.(type) {
	case nil:
		return true, ""
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return false, name + " is not an object"
		}
		if tid, isRef := w["typeId"]; isRef && (w["key"] != nil || w["id"] != nil) && len(w) <= 3 {
			if g["typeId"] != tid {
				return false, name + " references another resource type"
			}
			if id, ok := w["id"]; ok && g["id"] != id {
				return false, name + " references another " + fmt.Sprint(tid)
			}
			return true, ""
		}
		for k, wv := range w {
			p := k
			if at != "" {
				p = at + "." + k
			}
			if ok, why := subset(wv, g[k], p); !ok {
				return false, why
			}
		}
		return true, ""
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return false, name + " has another number of elements"
		}
		for i := range w {
			if ok, why := subset(w[i], g[i], fmt.Sprintf("%s[%d]", name, i)); !ok {
				return false, why
			}
		}
		return true, ""
	}
	if !reflect.DeepEqual(want, got) {
		return false, name + " differs"
	}
	return true, ""
}

// listingKey names the shared listing: one per collection and Go type of its resources.
func (e *Endpoint[T, A]) listingKey() string { return fmt.Sprintf("%s %T", e.Path, (*T)(nil)) }

// Singleton is a versioned resource of which each project has exactly one, addressed by the
// project's own path (the project settings: GET and POST /{projectKey}). It cannot be created or
// deleted.
type Singleton[T, A any] struct {
	// Noun names it in messages: "project".
	Noun string
	// Meta reads its key (the project key) and version.
	Meta func(*T) Meta
}

func (s *Singleton[T, A]) path(c *Client) string { return "/" + c.cfg.ProjectKey }

func (s *Singleton[T, A]) check(method, path string, v *T) (Meta, error) {
	m := s.Meta(v)
	if m.Version < 1 {
		return m, invalidResponse(method, routeOf(path), s.Noun+" without a version")
	}
	return m, nil
}

// Get reads it with one GET.
func (s *Singleton[T, A]) Get(ctx context.Context, c *Client) (*T, error) {
	var v T
	if _, err := c.do(ctx, http.MethodGet, s.path(c), nil, nil, &v); err != nil {
		return nil, err
	}
	if _, err := s.check(http.MethodGet, s.path(c), &v); err != nil {
		return nil, err
	}
	return &v, nil
}

// Update applies actions at version, as Endpoint.Update does.
func (s *Singleton[T, A]) Update(ctx context.Context, c *Client, version int64, actions []A) (*T, error) {
	return updateBatches(ctx, c, s.path(c), s.Noun, c.cfg.ProjectKey, version, [][]A{actions}, s.check, nil)
}

// All returns every resource of the collection, sorted by id, from the client's shared listing
// (one request per 500 resources; reads that follow are served from it).
func (e *Endpoint[T, A]) All(ctx context.Context, c *Client) ([]T, error) {
	return e.listing(c).all(ctx)
}

// Cached returns a resource of the client's shared listing that match accepts, without a
// request: nil when the listing holds none (or was never read).
func (e *Endpoint[T, A]) Cached(c *Client, match func(*T) bool) *T {
	b := e.listing(c)
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, v := range b.byID {
		if match(&v) {
			return &v
		}
	}
	return nil
}

// Where returns every resource matching the predicate (pages of 500 with an id cursor) and
// keeps them in the client's shared listing, so that reading them afterwards costs no request.
func (e *Endpoint[T, A]) Where(ctx context.Context, c *Client, where string) ([]T, error) {
	found, err := e.Query(ctx, c, where)
	if err != nil {
		return nil, err
	}
	b := e.listing(c)
	for i := range found {
		b.remember(found[i])
	}
	return found, nil
}
