package unset

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

type zeroKind int

const (
	zeroString zeroKind = iota
	zeroMap
	zeroList
	zeroSet
	zeroInt64
	zeroFloat64
)

// skipZero wraps validators so that they pass the zero value, which means "unset" for the
// attribute: a minimum length or size, a pattern or an enumeration is about values, not about
// the absence of one.
func skipZero[V any](vs []V, _ zeroKind) []V {
	if len(vs) == 0 {
		return vs
	}
	out := make([]V, len(vs))
	for i, v := range vs {
		var w any
		switch x := any(v).(type) {
		case Marker:
			w = x
		case validator.String:
			w = skipString{x}
		case validator.Map:
			w = skipMap{x}
		case validator.List:
			w = skipList{x}
		case validator.Set:
			w = skipSet{x}
		case validator.Int64:
			w = skipInt64{x}
		case validator.Float64:
			w = skipFloat64{x}
		default:
			w = v
		}
		if wv, ok := w.(V); ok {
			out[i] = wv
		} else {
			out[i] = v
		}
	}
	return out
}

type described interface {
	Description(context.Context) string
	MarkdownDescription(context.Context) string
}

type skipString struct{ validator.String }
type skipMap struct{ validator.Map }
type skipList struct{ validator.List }
type skipSet struct{ validator.Set }
type skipInt64 struct{ validator.Int64 }
type skipFloat64 struct{ validator.Float64 }

// Unwrapped returns the validator that was wrapped.
func (s skipString) Unwrapped() described { return s.String }

func (s skipString) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !req.ConfigValue.IsNull() && !req.ConfigValue.IsUnknown() && req.ConfigValue.ValueString() == "" {
		return
	}
	s.String.ValidateString(ctx, req, resp)
}

func (s skipMap) ValidateMap(ctx context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if !req.ConfigValue.IsNull() && !req.ConfigValue.IsUnknown() && len(req.ConfigValue.Elements()) == 0 {
		return
	}
	s.Map.ValidateMap(ctx, req, resp)
}

func (s skipList) ValidateList(ctx context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if !req.ConfigValue.IsNull() && !req.ConfigValue.IsUnknown() && len(req.ConfigValue.Elements()) == 0 {
		return
	}
	s.List.ValidateList(ctx, req, resp)
}

func (s skipSet) ValidateSet(ctx context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if !req.ConfigValue.IsNull() && !req.ConfigValue.IsUnknown() && len(req.ConfigValue.Elements()) == 0 {
		return
	}
	s.Set.ValidateSet(ctx, req, resp)
}

func (s skipInt64) ValidateInt64(ctx context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if !req.ConfigValue.IsNull() && !req.ConfigValue.IsUnknown() && req.ConfigValue.ValueInt64() == 0 {
		return
	}
	s.Int64.ValidateInt64(ctx, req, resp)
}

func (s skipFloat64) ValidateFloat64(ctx context.Context, req validator.Float64Request, resp *validator.Float64Response) {
	if !req.ConfigValue.IsNull() && !req.ConfigValue.IsUnknown() && req.ConfigValue.ValueFloat64() == 0 {
		return
	}
	s.Float64.ValidateFloat64(ctx, req, resp)
}

// guideInt64 runs the validators of a number whose zero value the rule does not cover; when they
// refuse 0, it says instead that 0 is no value commercetools takes there and what to write.
type guideInt64 struct{ inner []validator.Int64 }

func (g guideInt64) Description(ctx context.Context) string {
	var parts []string
	for _, v := range g.inner {
		parts = append(parts, v.Description(ctx))
	}
	return strings.Join(parts, "; ")
}

func (g guideInt64) MarkdownDescription(ctx context.Context) string { return g.Description(ctx) }

// Validators returns the wrapped validators (for the configuration generator and the docs).
func (g guideInt64) Validators() []validator.Int64 { return g.inner }

func (g guideInt64) ValidateInt64(ctx context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	var inner validator.Int64Response
	for _, v := range g.inner {
		v.ValidateInt64(ctx, req, &inner)
	}
	if !inner.Diagnostics.HasError() || req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.ValueInt64() != 0 {
		resp.Diagnostics.Append(inner.Diagnostics...)
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Zero is not a value here",
		fmt.Sprintf("%s = 0 is not a value commercetools accepts (%s). Leave %s out of the configuration (or set it to null) "+
			"for the API's default.", req.Path, g.Description(ctx), req.Path))
}

func guideZeroInt64(vs []validator.Int64) []validator.Int64 {
	var keep, wrap []validator.Int64
	for _, v := range vs {
		if _, ok := v.(Marker); ok {
			keep = append(keep, v)
			continue
		}
		wrap = append(wrap, v)
	}
	if len(wrap) == 0 {
		return vs
	}
	return append(keep, guideInt64{inner: wrap})
}
