package emulator

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// Paging limits shared by every query endpoint.
const (
	defaultLimit = 20
	maxLimit     = 500
	maxOffset    = 10000
)

// querySpec describes what a collection allows in where and sort.
type querySpec struct {
	whereFields map[string]bool // top-level fields usable in where predicates
	sortFields  map[string]bool // fields usable in sort
}

// sortKey is one sort expression.
type sortKey struct {
	field string
	desc  bool
}

// query holds parsed paging, sort and where parameters.
type query struct {
	limit, offset int
	withTotal     bool
	where         []predicate // AND-combined
	sort          []sortKey
}

// pagedResponse is the PagedQueryResponse body shape.
type pagedResponse struct {
	Limit   int  `json:"limit"`
	Offset  int  `json:"offset"`
	Count   int  `json:"count"`
	Total   *int `json:"total,omitempty"`
	Results any  `json:"results"`
}

// parseQuery reads limit, offset, withTotal, sort, where and var.* from the
// query string. With whereOnly (HEAD) only where and var.* are read. All
// problems are reported together as InvalidInput errors.
func parseQuery(v url.Values, spec querySpec, whereOnly bool) (*query, *apiError) {
	q := &query{limit: defaultLimit, withTotal: true}
	var errs []*apiError
	if !whereOnly {
		var e *apiError
		if q.limit, e = intParam(v, "limit", defaultLimit, 0, maxLimit); e != nil {
			errs = append(errs, e)
		}
		if q.offset, e = intParam(v, "offset", 0, 0, maxOffset); e != nil {
			errs = append(errs, e)
		}
		if s, ok := v["withTotal"]; ok {
			b, err := strconv.ParseBool(s[0])
			if err != nil || (s[0] != "true" && s[0] != "false") {
				errs = append(errs, errInvalidInput("Invalid value '%s' for parameter 'withTotal': expected true or false.", s[0]))
			}
			q.withTotal = b
		}
		for _, s := range v["sort"] {
			k, e := parseSort(s, spec.sortFields)
			if e != nil {
				errs = append(errs, e)
				continue
			}
			q.sort = append(q.sort, k)
		}
	}
	vars := map[string]string{}
	for name, vals := range v {
		if strings.HasPrefix(name, "var.") && len(name) > 4 {
			vars[name[4:]] = vals[0]
		}
	}
	for _, w := range v["where"] {
		pred, err := parseWhere(w, spec.whereFields, vars)
		if err != nil {
			errs = append(errs, errInvalidInput("Malformed parameter: where: Syntax error while parsing 'where'. %s.", strings.TrimSuffix(err.Error(), ".")))
			continue
		}
		q.where = append(q.where, pred)
	}
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	return q, nil
}

func intParam(v url.Values, name string, def, lo, hi int) (int, *apiError) {
	s, ok := v[name]
	if !ok {
		return def, nil
	}
	n, err := strconv.Atoi(s[0])
	if err != nil || n < lo || n > hi {
		return def, errInvalidInput("Invalid value '%s' for parameter '%s': expected an integer between %d and %d.", s[0], name, lo, hi)
	}
	return n, nil
}

func parseSort(s string, fields map[string]bool) (sortKey, *apiError) {
	parts := strings.Fields(s)
	bad := func() (sortKey, *apiError) {
		return sortKey{}, errInvalidInput("Invalid value '%s' for parameter 'sort': expected '<field> asc' or '<field> desc' with field one of %s.", s, strings.Join(sortedKeys(fields), ", "))
	}
	if len(parts) < 1 || len(parts) > 2 || !fields[parts[0]] {
		return bad()
	}
	k := sortKey{field: parts[0]}
	if len(parts) == 2 {
		switch strings.ToLower(parts[1]) {
		case "asc":
		case "desc":
			k.desc = true
		default:
			return bad()
		}
	}
	return k, nil
}

// matches reports whether a record satisfies every where predicate.
func (q *query) matches(rec map[string]any) bool {
	for _, p := range q.where {
		if !p.eval(rec) {
			return false
		}
	}
	return true
}

// apply filters, sorts and pages rows (given in default order) and returns
// the indexes of the page's rows plus the number of matches.
func (q *query) apply(rows []map[string]any) (idx []int, total int) {
	var hits []int
	for i, r := range rows {
		if q.matches(r) {
			hits = append(hits, i)
		}
	}
	if len(q.sort) > 0 {
		sort.SliceStable(hits, func(a, b int) bool {
			ra, rb := rows[hits[a]], rows[hits[b]]
			for _, k := range q.sort {
				c := compareForSort(ra[k.field], rb[k.field])
				if c == 0 {
					continue
				}
				if k.desc {
					return c > 0
				}
				return c < 0
			}
			return false
		})
	}
	total = len(hits)
	start := min(q.offset, len(hits))
	end := min(start+q.limit, len(hits))
	return hits[start:end], total
}

// compareForSort orders values; missing values sort after present ones.
func compareForSort(a, b any) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	if c, ok := compareValues(a, b); ok {
		return c
	}
	return 0
}

// page builds the paged response body.
func (q *query) page(results any, count, total int) pagedResponse {
	r := pagedResponse{Limit: q.limit, Offset: q.offset, Count: count, Results: results}
	if q.withTotal {
		r.Total = &total
	}
	return r
}
