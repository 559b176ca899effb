// Package updates computes what changed between two values of a resource, for the update
// actions of commercetools: sets, localized strings and keyed ordered lists (field definitions,
// attribute definitions, enum values, rates, ...). Families turn the differences into their own
// action types; this package knows nothing of the API.
package updates

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
)

// Pair is an element present before and after, under one key.
type Pair[E any] struct {
	Old, New E
}

// Keyed is the difference of two ordered lists whose elements have a unique key.
type Keyed[E any] struct {
	// Added holds the elements of the new list whose key the old list lacks, in the new order.
	Added []E
	// Removed holds the elements of the old list whose key the new list lacks, in the old order.
	Removed []E
	// Kept holds the elements present in both, in the new order.
	Kept []Pair[E]
	// Order is every key of the new list in the new order, when the order that removing the
	// removed elements and appending the added ones leaves differs from it (the API appends
	// additions at the end); nil when no reorder is needed.
	Order []string
}

// Diff compares two keyed lists. Elements with an empty or repeated key are the caller's
// problem (validate them first); the first element with a key wins.
func Diff[E any](old, new []E, key func(E) string) Keyed[E] {
	var d Keyed[E]
	oldBy := make(map[string]E, len(old))
	for _, e := range old {
		if k := key(e); !has(oldBy, k) {
			oldBy[k] = e
		}
	}
	newKeys := make(map[string]bool, len(new))
	var wantOrder []string
	for _, e := range new {
		k := key(e)
		if newKeys[k] {
			continue
		}
		newKeys[k] = true
		wantOrder = append(wantOrder, k)
		if o, ok := oldBy[k]; ok {
			d.Kept = append(d.Kept, Pair[E]{Old: o, New: e})
		} else {
			d.Added = append(d.Added, e)
		}
	}
	var after []string
	seen := map[string]bool{}
	for _, e := range old {
		k := key(e)
		if seen[k] {
			continue
		}
		seen[k] = true
		if newKeys[k] {
			after = append(after, k)
		} else {
			d.Removed = append(d.Removed, e)
		}
	}
	for _, e := range d.Added {
		after = append(after, key(e))
	}
	if !slices.Equal(after, wantOrder) {
		d.Order = wantOrder
	}
	return d
}

func has[E any](m map[string]E, k string) bool {
	_, ok := m[k]
	return ok
}

// Set returns the items of new that old lacks and the items of old that new lacks, each in its
// list's order, ignoring repetitions.
func Set[S comparable](old, new []S) (added, removed []S) {
	for _, s := range new {
		if !slices.Contains(old, s) && !slices.Contains(added, s) {
			added = append(added, s)
		}
	}
	for _, s := range old {
		if !slices.Contains(new, s) && !slices.Contains(removed, s) {
			removed = append(removed, s)
		}
	}
	return added, removed
}

// SameSet reports whether two lists hold the same items, ignoring order and repetitions.
func SameSet[S comparable](a, b []S) bool {
	added, removed := Set(a, b)
	return len(added) == 0 && len(removed) == 0
}

// Map returns the keys whose value was added or changed, and the keys that were removed, both
// sorted, for maps of comparable values (custom fields, localized strings).
func Map[V comparable](old, new map[string]V) (changed, removed []string) {
	for _, k := range slices.Sorted(maps.Keys(new)) {
		if o, ok := old[k]; !ok || o != new[k] {
			changed = append(changed, k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(old)) {
		if _, ok := new[k]; !ok {
			removed = append(removed, k)
		}
	}
	return changed, removed
}

// Action is an update action as JSON: {"action": name, ...}. Families whose SDK types are
// incomplete send these.
type Action map[string]any

// Act builds an Action from name and key/value pairs; a nil value (or a nil pointer, map or
// slice) is left out, which for the API's set… actions means "remove".
func Act(name string, kv ...any) Action {
	a := Action{"action": name}
	for i := 0; i+1 < len(kv); i += 2 {
		k, _ := kv[i].(string)
		if !isNil(kv[i+1]) {
			a[k] = kv[i+1]
		}
	}
	return a
}

func isNil(v any) bool {
	if v == nil {
		return true
	}
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface:
		return r.IsNil()
	}
	return false
}

// MatchByKey matches the elements of two lists that the API addresses by an optional key (category
// assets, business unit addresses): by key, and elements without a key by position. For each
// element of "to" it gives the index of its counterpart in "from", -1 for none.
func MatchByKey[E any](from, to []E, key func(E) string) []int {
	byKey := map[string]int{}
	for i, e := range from {
		if k := key(e); k != "" {
			byKey[k] = i
		}
	}
	out := make([]int, len(to))
	for i, e := range to {
		out[i] = -1
		if k := key(e); k != "" {
			if j, ok := byKey[k]; ok {
				out[i] = j
			}
			continue
		}
		if i < len(from) && key(from[i]) == "" {
			out[i] = i
		}
	}
	return out
}

// SameJSON reports whether two values have the same JSON form (drafts of nested API objects,
// lists of ids): what the API would receive from either is the same.
func SameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}
