// Package flex converts between Terraform framework values and the Go values of API requests
// and responses. Every family uses the same helpers, so that null, unknown and empty values are
// treated alike everywhere: a null or unknown value becomes a nil pointer (the field is left out
// of a request), and an absent API value becomes null.
//
// The helpers iterate framework values directly instead of using ElementsAs, which goes through
// reflection: they run for every resource on every plan.
package flex

import (
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Known reports whether v is neither null nor unknown.
func Known(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }

// String returns a pointer to the value, nil when it is null, unknown or "" ("" is unset: see
// package unset).
func String(v types.String) *string {
	if !Known(v) || v.ValueString() == "" {
		return nil
	}
	s := v.ValueString()
	return &s
}

// StringValue returns the string, or null for nil.
func StringValue(p *string) types.String {
	if p == nil {
		return types.StringNull()
	}
	return types.StringValue(*p)
}

// NonEmpty returns the string, or null when it is empty (API fields that are absent or "").
func NonEmpty(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// Int returns a pointer to the value as an int, nil when it is null or unknown.
func Int(v types.Int64) *int {
	if !Known(v) {
		return nil
	}
	n := int(v.ValueInt64())
	return &n
}

// IntValue returns the number, or null for nil.
func IntValue(p *int) types.Int64 {
	if p == nil {
		return types.Int64Null()
	}
	return types.Int64Value(int64(*p))
}

// Bool returns a pointer to the value, nil when it is null or unknown.
func Bool(v types.Bool) *bool {
	if !Known(v) {
		return nil
	}
	b := v.ValueBool()
	return &b
}

// Time renders a time as RFC 3339 (UTC), or null for nil.
func Time(t *time.Time) types.String {
	if t == nil {
		return types.StringNull()
	}
	return types.StringValue(t.UTC().Format(time.RFC3339Nano))
}

// Strings returns the string elements of a list or set, nil when it is null or unknown.
// Unknown elements are skipped.
func Strings(v interface {
	attr.Value
	Elements() []attr.Value
}) []string {
	if !Known(v) {
		return nil
	}
	elems := v.Elements()
	out := make([]string, 0, len(elems))
	for _, e := range elems {
		if s, ok := e.(types.String); ok && Known(s) {
			out = append(out, s.ValueString())
		}
	}
	return out
}

func stringValues(items []string) []attr.Value {
	out := make([]attr.Value, len(items))
	for i, s := range items {
		out[i] = types.StringValue(s)
	}
	return out
}

// StringList builds a list of strings (an empty list for no items).
func StringList(items []string) types.List {
	return types.ListValueMust(types.StringType, stringValues(items))
}

// StringSet builds a set of strings (an empty set for no items).
func StringSet(items []string) types.Set {
	return types.SetValueMust(types.StringType, stringValues(Dedupe(items)))
}

// Dedupe returns the items without repetitions, in their first order.
func Dedupe(items []string) []string {
	out := make([]string, 0, len(items))
	for _, s := range items {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// Localized returns a LocalizedString (locale to text) from a map, nil when it is null,
// unknown or empty.
func Localized(v types.Map) map[string]string {
	if !Known(v) {
		return nil
	}
	elems := v.Elements()
	if len(elems) == 0 {
		return nil
	}
	out := make(map[string]string, len(elems))
	for k, e := range elems {
		if s, ok := e.(types.String); ok && Known(s) {
			out[k] = s.ValueString()
		}
	}
	return out
}

// LocalizedValue builds a map from a LocalizedString; nil or empty gives null, as the
// incumbent's state holds an unset localized string (its imports wrote {}).
func LocalizedValue(m map[string]string) types.Map {
	if len(m) == 0 {
		return types.MapNull(types.StringType)
	}
	elems := make(map[string]attr.Value, len(m))
	for k, s := range m {
		elems[k] = types.StringValue(s)
	}
	return types.MapValueMust(types.StringType, elems)
}

// StringMap returns the elements of a map of strings, nil when it is null or unknown.
func StringMap(v types.Map) map[string]string {
	if !Known(v) {
		return nil
	}
	out := make(map[string]string, len(v.Elements()))
	for k, e := range v.Elements() {
		if s, ok := e.(types.String); ok && Known(s) {
			out[k] = s.ValueString()
		}
	}
	return out
}

// StringMapValue builds a map of strings; nil gives null, empty an empty map.
func StringMapValue(m map[string]string) types.Map {
	if m == nil {
		return types.MapNull(types.StringType)
	}
	elems := make(map[string]attr.Value, len(m))
	for k, s := range m {
		elems[k] = types.StringValue(s)
	}
	return types.MapValueMust(types.StringType, elems)
}

// SameLocalized reports whether two localized strings hold the same texts.
func SameLocalized(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// Optional renders an optional API string: null when it is absent or empty. An empty string
// counts as unset everywhere (the incumbent's state holds "" for unset values, and the API
// stores the "" it sent), so schemas refuse "" in the configuration.
func Optional(api *string) types.String {
	if api != nil && *api != "" {
		return types.StringValue(*api)
	}
	return types.StringNull()
}

// Float64 returns a pointer to the value, nil when it is null or unknown.
func Float64(v types.Float64) *float64 {
	if !Known(v) {
		return nil
	}
	f := v.ValueFloat64()
	return &f
}

// Int64 returns a pointer to a known int64 value, nil for null or unknown.
func Int64(v types.Int64) *int64 {
	if !Known(v) {
		return nil
	}
	n := v.ValueInt64()
	return &n
}

// Int64Value is the value of an optional int64 from the API (null for nil).
func Int64Value(p *int64) types.Int64 {
	if p == nil {
		return types.Int64Null()
	}
	return types.Int64Value(*p)
}

// Int64NonZero returns a pointer to a known, non-zero value: nil for null, unknown or 0, for
// numbers whose 0 means unset (see package unset).
func Int64NonZero(v types.Int64) *int64 {
	if !Known(v) || v.ValueInt64() == 0 {
		return nil
	}
	n := v.ValueInt64()
	return &n
}
