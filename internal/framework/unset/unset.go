// Package unset makes absent, null and the zero value ("" for a string, {} for a map, [] for a
// list or set, and 0 or false where a family says so) one value to the user, for every optional
// attribute of every resource, once, instead of per attribute.
//
// A configuration may write any of the three; the state must then hold what it wrote (Terraform
// refuses a result that differs from the plan), and a later plan must find nothing to change
// whichever of the three the configuration writes, after an apply, a refresh, an import or a
// switch from the incumbent's state. The API knows one "unset", so the provider does this:
//
//   - Schema makes such attributes optional and computed, with the Keep plan modifier: an
//     attribute the configuration leaves out (or sets to null) plans its prior value while that
//     is unset (null or zero), and null when it held a value (the value is removed). A value the
//     configuration writes is planned as written.
//   - Validators of such attributes skip the zero value: "" or [] is "unset", not a value of the
//     wrong shape. Where a string attribute has a default, the zero value is refused at plan time
//     with a message that says to leave the attribute out.
//   - Read (refresh and import) stores an unset attribute as its zero value: a configuration that
//     writes the zero value then plans nothing, and one that leaves it out plans the prior value.
//   - Applied (after a create or an update) keeps the plan's form of an unset attribute: the
//     state holds what the configuration wrote.
//
// Families keep writing null for what the API does not hold (flex returns null), and flex reads
// "" as unset when it builds requests. Attributes inside set blocks are left alone: Terraform
// matches set elements by value, so an element whose attribute was planned from the prior one
// would not find its prior element.
package unset

import (
	"context"
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/defaults"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Marker is a validator that validates nothing: it tells Schema how to treat an attribute.
type Marker struct {
	kind int
	note string
	def  any // markDefault: the API's default (string, int64 or bool)
}

const (
	markValue   = iota + 1 // the zero value has a meaning of its own
	markUnset              // the zero value (0, false) means unset: opt-in for numbers and bools
	markDefault            // the API applies a default when the attribute is left out
	markRefuse             // the API refuses the zero value: refused at plan time, with guidance
)

// ZeroRefused marks an attribute whose zero value the API refuses ("" for a name the API always
// holds, [] for the languages of a project): the configuration may leave it out (the API's value
// stays), but "" or [] is a plan-time error that says so.
func ZeroRefused() Marker { return Marker{kind: markRefuse} }

// APIDefault marks an attribute that commercetools fills with a default when a request leaves
// it out and reports afterwards (a string, an int64 or a bool). Leaving the attribute out and
// writing the default out are then one value: neither plans against the other, after an apply,
// a refresh or an import. Use it where the schema cannot hold the default (it depends on other
// attributes, or the incumbent stored it as unset).
func APIDefault[T string | int64 | bool](v T) Marker { return Marker{kind: markDefault, def: v} }

// ZeroIsValue marks an attribute whose zero value has a meaning of its own (a 0 % rate, an
// empty list that the API keeps apart from no list): the rule does not apply. why says what
// the zero value means, for the documentation.
func ZeroIsValue(why string) Marker { return Marker{kind: markValue, note: why} }

// ZeroIsUnset marks a number or bool whose zero value means unset (the incumbent sent nothing
// for it): 0 or false plans like an absent attribute.
func ZeroIsUnset() Marker { return Marker{kind: markUnset} }

// Description implements the validator interfaces.
func (m Marker) Description(context.Context) string { return "" }

// MarkdownDescription implements the validator interfaces.
func (m Marker) MarkdownDescription(context.Context) string { return "" }

// ValidateString implements validator.String (it validates nothing).
func (Marker) ValidateString(context.Context, validator.StringRequest, *validator.StringResponse) {}

// ValidateInt64 implements validator.Int64 (it validates nothing).
func (Marker) ValidateInt64(context.Context, validator.Int64Request, *validator.Int64Response) {}

// ValidateFloat64 implements validator.Float64 (it validates nothing).
func (Marker) ValidateFloat64(context.Context, validator.Float64Request, *validator.Float64Response) {
}

// ValidateBool implements validator.Bool (it validates nothing).
func (Marker) ValidateBool(context.Context, validator.BoolRequest, *validator.BoolResponse) {}

// ValidateMap implements validator.Map (it validates nothing).
func (Marker) ValidateMap(context.Context, validator.MapRequest, *validator.MapResponse) {}

// ValidateList implements validator.List (it validates nothing).
func (Marker) ValidateList(context.Context, validator.ListRequest, *validator.ListResponse) {}

// ValidateSet implements validator.Set (it validates nothing).
func (Marker) ValidateSet(context.Context, validator.SetRequest, *validator.SetResponse) {}

func markerOf[V any](vs []V) int {
	for _, v := range vs {
		if m, ok := any(v).(Marker); ok {
			return m.kind
		}
	}
	return 0
}

// defaultOf returns the API default a marker declares, as a Terraform value of type t.
func defaultOf[V any](vs []V, t tftypes.Type) (tftypes.Value, bool) {
	for _, v := range vs {
		m, ok := any(v).(Marker)
		if !ok || m.kind != markDefault {
			continue
		}
		switch d := m.def.(type) {
		case string:
			return tftypes.NewValue(t, d), true
		case int64:
			return tftypes.NewValue(t, new(big.Float).SetInt64(d)), true
		case bool:
			return tftypes.NewValue(t, d), true
		}
	}
	return tftypes.Value{}, false
}

// Schema applies the rule to every optional attribute of a resource schema, in its blocks too,
// and says in the resource's description what the defaults are.
func Schema(s schema.Schema) schema.Schema {
	s.Attributes = attributes(s.Attributes)
	s.Blocks = blocks(s.Blocks)
	var defs []string
	collectDefaults(context.Background(), "", s.Attributes, s.Blocks, &defs)
	note := "\n\n**Unset values.** Leaving an optional attribute out, writing `null` and writing its empty value (`\"\"`, `{}`, `[]`) " +
		"are one value: none plans a change against another, after an apply, a refresh, an import or a switch from " +
		"labd/commercetools (the migration guide lists what each `\"\"`, `0` and `false` of the incumbent means)."
	if len(defs) > 0 {
		sort.Strings(defs)
		note += " Left out, these take commercetools' defaults, and writing a default out plans nothing different: " +
			strings.Join(defs, ", ") + "."
	}
	s.MarkdownDescription += note
	return s
}

// collectDefaults lists the defaults of the attributes of a schema, as `path` = `value`.
func collectDefaults(ctx context.Context, at string, as map[string]schema.Attribute, bs map[string]schema.Block, out *[]string) {
	for name, a := range as {
		if d := DefaultOf(ctx, a); d != "" {
			*out = append(*out, fmt.Sprintf("`%s%s` = `%s`", at, name, d))
		}
	}
	for name, b := range bs {
		if u, ok := b.(unwrapper); ok {
			b = u.Unwrapped()
		}
		switch x := b.(type) {
		case schema.ListNestedBlock:
			collectDefaults(ctx, at+name+".", x.NestedObject.Attributes, x.NestedObject.Blocks, out)
		case schema.SetNestedBlock:
			collectDefaults(ctx, at+name+".", x.NestedObject.Attributes, x.NestedObject.Blocks, out)
		case schema.SingleNestedBlock:
			collectDefaults(ctx, at+name+".", x.Attributes, x.Blocks, out)
		}
	}
}

type unwrapper interface{ Unwrapped() schema.Block }

func blocks(bs map[string]schema.Block) map[string]schema.Block {
	if len(bs) == 0 {
		return bs
	}
	out := make(map[string]schema.Block, len(bs))
	for name, b := range bs {
		switch x := b.(type) {
		case schema.ListNestedBlock:
			x.NestedObject.Attributes = attributes(x.NestedObject.Attributes)
			x.NestedObject.Blocks = blocks(x.NestedObject.Blocks)
			out[name] = x
		case schema.SingleNestedBlock:
			x.Attributes = attributes(x.Attributes)
			x.Blocks = blocks(x.Blocks)
			out[name] = x
		case schema.SetNestedBlock:
			// Terraform matches set elements by value: an attribute of an element cannot plan from
			// "its" prior value, so the block plans them (keepSet), matching elements by the
			// attributes the rule does not cover.
			attrs, covered := setAttributes(x.NestedObject.Attributes)
			x.NestedObject.Attributes = attrs
			if len(covered) > 0 && len(x.NestedObject.Blocks) == 0 {
				x.PlanModifiers = append([]planmodifier.Set{keepSet{covered: covered}}, x.PlanModifiers...)
			}
			out[name] = x
		default:
			out[name] = b
		}
	}
	return out
}

func attributes(as map[string]schema.Attribute) map[string]schema.Attribute {
	if len(as) == 0 {
		return as
	}
	out := make(map[string]schema.Attribute, len(as))
	for name, a := range as {
		out[name] = attribute(name, a)
	}
	return out
}

// setAttributes applies the rule to the attributes of a set block whose elements keepSet can
// plan: optional strings, maps, lists and sets, made computed with validators that pass the zero
// value, without the Keep modifier. It returns their names, or none when the block has a computed
// attribute the rule does not cover (keepSet could not plan it).
func setAttributes(as map[string]schema.Attribute) (map[string]schema.Attribute, []string) {
	for _, a := range as {
		if a.IsComputed() {
			return as, nil
		}
	}
	out := make(map[string]schema.Attribute, len(as))
	var names []string
	for name, a := range as {
		out[name] = a
		switch x := a.(type) {
		case schema.StringAttribute:
			if m := markerOf(x.Validators); applies(x, m) && m != markDefault && m != markRefuse && x.Default == nil {
				x.Validators, x.Computed = append(skipZero(x.Validators, zeroString), covered{}), true
				out[name], names = x, append(names, name)
			}
		case schema.ListAttribute:
			if m := markerOf(x.Validators); applies(x, m) && m != markRefuse {
				x.Validators, x.Computed = append(skipZero(x.Validators, zeroList), covered{}), true
				out[name], names = x, append(names, name)
			}
		case schema.SetAttribute:
			if m := markerOf(x.Validators); applies(x, m) {
				x.Validators, x.Computed = append(skipZero(x.Validators, zeroSet), covered{}), true
				out[name], names = x, append(names, name)
			}
		case schema.MapAttribute:
			if m := markerOf(x.Validators); applies(x, m) {
				x.Validators, x.Computed = append(skipZero(x.Validators, zeroMap), covered{}), true
				out[name], names = x, append(names, name)
			}
		}
	}
	sort.Strings(names)
	return out, names
}

// keepSet plans the elements of a set block: an attribute the rule covers that an element's
// configuration leaves out plans the value of the matching prior element while that is unset,
// and null when it held a value. Elements match on the attributes the rule does not cover.
type keepSet struct{ covered []string }

func (keepSet) Description(context.Context) string {
	return "Absent, null and the empty value are one value in each element: unset."
}

func (k keepSet) MarkdownDescription(ctx context.Context) string { return k.Description(ctx) }

// KeepsUnchangedPlan (planmod.Unchanging): an unchanged resource plans its prior elements.
func (keepSet) KeepsUnchangedPlan() {}

func (k keepSet) PlanModifySet(ctx context.Context, req planmodifier.SetRequest, resp *planmodifier.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.PlanValue.IsUnknown() {
		return
	}
	cfg, err := req.ConfigValue.ToTerraformValue(ctx)
	if err != nil {
		return
	}
	var cfgElems, priorElems []tftypes.Value
	if cfg.As(&cfgElems) != nil {
		return
	}
	if !req.StateValue.IsNull() && !req.StateValue.IsUnknown() {
		if st, err := req.StateValue.ToTerraformValue(ctx); err == nil {
			_ = st.As(&priorElems)
		}
	}
	cov := map[string]bool{}
	for _, c := range k.covered {
		cov[c] = true
	}
	out := make([]tftypes.Value, 0, len(cfgElems))
	for _, e := range cfgElems {
		var attrs map[string]tftypes.Value
		if !e.IsFullyKnown() || e.As(&attrs) != nil {
			return // unknown values: the framework's plan stands
		}
		match := matchElem(attrs, priorElems, cov)
		planned := make(map[string]tftypes.Value, len(attrs))
		for name, v := range attrs {
			planned[name] = v
			if !cov[name] || !v.IsNull() {
				continue
			}
			if pv, ok := match[name]; ok && IsZero(pv) {
				planned[name] = pv
			}
		}
		out = append(out, tftypes.NewValue(e.Type(), planned))
	}
	v, err := req.PlanValue.Type(ctx).ValueFromTerraform(ctx, tftypes.NewValue(cfg.Type(), out))
	if err != nil {
		return
	}
	if sv, ok := v.(types.Set); ok {
		resp.PlanValue = sv
	}
}

// matchElem returns the attributes of the prior element with the same values in the attributes
// the rule does not cover (nil when there is none).
func matchElem(attrs map[string]tftypes.Value, prior []tftypes.Value, cov map[string]bool) map[string]tftypes.Value {
	for _, p := range prior {
		var pa map[string]tftypes.Value
		if p.As(&pa) != nil {
			continue
		}
		same := true
		for name, v := range attrs {
			if !cov[name] && !v.Equal(pa[name]) {
				same = false
				break
			}
		}
		if same {
			return pa
		}
	}
	return nil
}

// applies reports whether the rule applies to an optional attribute.
func applies(a schema.Attribute, marker int) bool {
	return a.IsOptional() && !a.IsRequired() && !a.IsWriteOnly() && marker != markValue
}

func attribute(name string, a schema.Attribute) schema.Attribute {
	switch x := a.(type) {
	case schema.StringAttribute:
		m := markerOf(x.Validators)
		if m == markRefuse {
			x.Validators = append(skipZero(x.Validators, zeroString), refuseEmpty{name: name})
			return x
		}
		if !applies(x, m) {
			return x
		}
		if x.Default != nil {
			// "" is not the default spelled differently: refuse it, and say what to write.
			x.Validators = append(skipZero(x.Validators, zeroString), refuseEmpty{name: name})
			return x
		}
		x.Validators = append(skipZero(x.Validators, zeroString), covered{})
		if !x.Computed || m == markDefault {
			x.Computed = true
			x.PlanModifiers = append([]planmodifier.String{keepFor(x.Validators, tftypes.String)}, x.PlanModifiers...)
		}
		return x
	case schema.MapAttribute:
		if m := markerOf(x.Validators); applies(x, m) {
			x.Validators = append(skipZero(x.Validators, zeroMap), covered{})
			if !x.Computed {
				x.Computed = true
				x.PlanModifiers = append([]planmodifier.Map{Keep()}, x.PlanModifiers...)
			}
		}
		return x
	case schema.ListAttribute:
		if m := markerOf(x.Validators); m == markRefuse {
			x.Validators = append(skipZero(x.Validators, zeroList), refuseEmptyList{})
		} else if applies(x, m) {
			x.Validators = append(skipZero(x.Validators, zeroList), covered{})
			if !x.Computed {
				x.Computed = true
				x.PlanModifiers = append([]planmodifier.List{Keep()}, x.PlanModifiers...)
			}
		}
		return x
	case schema.SetAttribute:
		if m := markerOf(x.Validators); applies(x, m) {
			x.Validators = append(skipZero(x.Validators, zeroSet), covered{})
			if !x.Computed {
				x.Computed = true
				x.PlanModifiers = append([]planmodifier.Set{Keep()}, x.PlanModifiers...)
			}
		}
		return x
	case schema.Int64Attribute:
		m := markerOf(x.Validators)
		if m != markUnset && m != markValue && x.IsOptional() {
			x.Validators = guideZeroInt64(x.Validators)
		}
		if (m == markUnset || m == markDefault) && applies(x, m) && x.Default == nil {
			x.Validators = append(skipZero(x.Validators, zeroInt64), covered{})
			if !x.Computed || m == markDefault {
				x.Computed = true
				x.PlanModifiers = append([]planmodifier.Int64{keepFor(x.Validators, tftypes.Number)}, x.PlanModifiers...)
			}
		}
		return x
	case schema.Float64Attribute:
		if m := markerOf(x.Validators); m == markUnset && applies(x, m) && x.Default == nil {
			x.Validators = append(skipZero(x.Validators, zeroFloat64), covered{})
			if !x.Computed {
				x.Computed = true
				x.PlanModifiers = append([]planmodifier.Float64{Keep()}, x.PlanModifiers...)
			}
		}
		return x
	case schema.BoolAttribute:
		if m := markerOf(x.Validators); (m == markUnset || m == markDefault) && applies(x, m) && x.Default == nil {
			x.Validators = append(x.Validators, covered{})
			if !x.Computed || m == markDefault {
				x.Computed = true
				x.PlanModifiers = append([]planmodifier.Bool{keepFor(x.Validators, tftypes.Bool)}, x.PlanModifiers...)
			}
		}
		return x
	}
	return a
}

// IsZero reports whether a value is null or the zero value of its type: what "unset" is.
func IsZero(v tftypes.Value) bool {
	if v.IsNull() {
		return true
	}
	if !v.IsKnown() {
		return false
	}
	switch t := v.Type(); {
	case t.Is(tftypes.String):
		var s string
		return v.As(&s) == nil && s == ""
	case t.Is(tftypes.Number):
		var f big.Float
		return v.As(&f) == nil && f.Sign() == 0
	case t.Is(tftypes.Bool):
		var b bool
		return v.As(&b) == nil && !b
	case t.Is(tftypes.Map{}):
		var m map[string]tftypes.Value
		return v.As(&m) == nil && len(m) == 0
	case t.Is(tftypes.List{}), t.Is(tftypes.Set{}):
		var l []tftypes.Value
		return v.As(&l) == nil && len(l) == 0
	}
	return false
}

// zeroOf is the zero value of a primitive or collection type.
func zeroOf(t tftypes.Type) (tftypes.Value, bool) {
	switch {
	case t.Is(tftypes.String):
		return tftypes.NewValue(t, ""), true
	case t.Is(tftypes.Number):
		return tftypes.NewValue(t, new(big.Float)), true
	case t.Is(tftypes.Bool):
		return tftypes.NewValue(t, false), true
	case t.Is(tftypes.Map{}):
		return tftypes.NewValue(t, map[string]tftypes.Value{}), true
	case t.Is(tftypes.List{}), t.Is(tftypes.Set{}):
		return tftypes.NewValue(t, []tftypes.Value{}), true
	}
	return tftypes.Value{}, false
}

// rules is where the rule applies in one object type: attributes, and blocks to descend into.
type rules struct {
	floats   map[string]bool // float attributes and lists of floats (see decimal)
	attrs    map[string]bool
	defaults map[string]tftypes.Value // the API defaults of attributes that declare one
	lists    map[string]*rules        // list blocks
	single   map[string]*rules        // single blocks
	sets     map[string]*rules        // set blocks (elements matched by the attributes the rule does not cover)
}

func (r *rules) empty() bool {
	return r == nil || len(r.attrs) == 0 && len(r.floats) == 0 && len(r.lists) == 0 && len(r.single) == 0 && len(r.sets) == 0
}

// decimal rewrites a number read from the API (a float64) as Terraform reads its shortest
// decimal spelling: with 512 bits of precision, as in a configuration or a state file. Else
// 13.3777 from the API and 13.3777 in the configuration are two numbers, and a plan after an
// import finds a change in what looks the same.
func decimal(v tftypes.Value) (tftypes.Value, bool) {
	if v.IsNull() || !v.IsKnown() {
		return v, false
	}
	if v.Type().Is(tftypes.Number) {
		var f big.Float
		if v.As(&f) != nil {
			return v, false
		}
		f64, _ := f.Float64()
		d, _, err := big.ParseFloat(strconv.FormatFloat(f64, 'g', -1, 64), 10, 512, big.ToNearestEven)
		if err != nil || d.Cmp(&f) == 0 && d.Prec() == f.Prec() {
			return v, false
		}
		return tftypes.NewValue(v.Type(), d), true
	}
	var elems []tftypes.Value
	if !v.Type().Is(tftypes.List{}) && !v.Type().Is(tftypes.Set{}) || v.As(&elems) != nil {
		return v, false
	}
	changed := false
	for i, e := range elems {
		if ne, ch := decimal(e); ch {
			elems[i], changed = ne, true
		}
	}
	if !changed {
		return v, false
	}
	return tftypes.NewValue(v.Type(), elems), true
}

var cache sync.Map // resource type name → *rules

// rulesOf works out, once per resource type, where the rule applies: the attributes Schema
// marked covered.
func rulesOf(typeName string, s schema.Schema) *rules {
	if r, ok := cache.Load(typeName); ok {
		if rs, ok := r.(*rules); ok {
			return rs
		}
	}
	r := collect(s.Attributes, s.Blocks)
	cache.Store(typeName, r)
	return r
}

// isCovered reports whether Schema applied the rule to an attribute (its covered marker).
func isCovered[V any](vs []V) bool {
	for _, v := range vs {
		if _, ok := any(v).(covered); ok {
			return true
		}
	}
	return false
}

// covered marks an attribute the rule applies to; it validates nothing.
type covered struct{ Marker }

func collect(as map[string]schema.Attribute, bs map[string]schema.Block) *rules {
	r := &rules{floats: map[string]bool{}, attrs: map[string]bool{}, defaults: map[string]tftypes.Value{}, lists: map[string]*rules{},
		sets: map[string]*rules{}, single: map[string]*rules{}}
	for name, a := range as {
		switch x := a.(type) {
		case schema.StringAttribute:
			r.attrs[name] = isCovered(x.Validators)
			if d, ok := defaultOf(x.Validators, tftypes.String); ok {
				r.defaults[name] = d
			}
		case schema.MapAttribute:
			r.attrs[name] = isCovered(x.Validators)
		case schema.ListAttribute:
			r.attrs[name] = isCovered(x.Validators)
			if x.ElementType != nil && x.ElementType.Equal(types.Float64Type) {
				r.floats[name] = true
			}
		case schema.SetAttribute:
			r.attrs[name] = isCovered(x.Validators)
		case schema.Int64Attribute:
			r.attrs[name] = isCovered(x.Validators)
			if d, ok := defaultOf(x.Validators, tftypes.Number); ok {
				r.defaults[name] = d
			}
		case schema.Float64Attribute:
			r.floats[name] = true
			r.attrs[name] = isCovered(x.Validators)
		case schema.BoolAttribute:
			r.attrs[name] = isCovered(x.Validators)
			if d, ok := defaultOf(x.Validators, tftypes.Bool); ok {
				r.defaults[name] = d
			}
		}
		if !r.attrs[name] {
			delete(r.attrs, name)
		}
	}
	for name, b := range bs {
		if u, ok := b.(unwrapper); ok {
			b = u.Unwrapped()
		}
		switch x := b.(type) {
		case schema.ListNestedBlock:
			if c := collect(x.NestedObject.Attributes, x.NestedObject.Blocks); !c.empty() {
				r.lists[name] = c
			}
		case schema.SingleNestedBlock:
			if c := collect(x.Attributes, x.Blocks); !c.empty() {
				r.single[name] = c
			}
		case schema.SetNestedBlock:
			if c := collect(x.NestedObject.Attributes, x.NestedObject.Blocks); !c.empty() {
				r.sets[name] = c
			}
		}
	}
	return r
}

// Read stores every unset attribute the rule covers as its zero value, after a refresh or an
// import: the form a configuration can write and the form the incumbent stored.
func Read(typeName string, st *tfsdk.State) {
	if st.Raw.IsNull() || !st.Raw.IsKnown() {
		return
	}
	sch, ok := st.Schema.(schema.Schema)
	if !ok {
		return
	}
	r := rulesOf(typeName, sch)
	if r.empty() {
		return
	}
	if v, changed := normalize(st.Raw, r, nil, nil); changed {
		st.Raw = v
	}
}

// ReadFrom is Read after a refresh of a resource the state held (not an import): an attribute
// whose prior value was unset stays in that form while the API reports its default.
func ReadFrom(typeName string, prior tfsdk.State, st *tfsdk.State) {
	if prior.Raw.IsNull() || !prior.Raw.IsKnown() {
		Read(typeName, st)
		return
	}
	if st.Raw.IsNull() || !st.Raw.IsKnown() {
		return
	}
	sch, ok := st.Schema.(schema.Schema)
	if !ok {
		return
	}
	r := rulesOf(typeName, sch)
	if r.empty() {
		return
	}
	p := prior.Raw
	if v, changed := normalize(st.Raw, r, nil, &p); changed {
		st.Raw = v
	}
}

// Applied keeps, after a create or an update, the plan's form of every unset attribute the rule
// covers: the state holds what the configuration wrote, null or the zero value.
func Applied(typeName string, plan tfsdk.Plan, st *tfsdk.State) {
	if st.Raw.IsNull() || !st.Raw.IsKnown() || plan.Raw.IsNull() {
		return
	}
	sch, ok := st.Schema.(schema.Schema)
	if !ok {
		return
	}
	r := rulesOf(typeName, sch)
	if r.empty() {
		return
	}
	p := plan.Raw
	if v, changed := normalize(st.Raw, r, &p, nil); changed {
		st.Raw = v
	}
}

// normalize rewrites the unset attributes of an object: with no plan, to their zero value (or,
// with a prior state, to the prior unset form while the API reports the default); with a plan,
// to the plan's form when the plan has them unset too.
func normalize(v tftypes.Value, r *rules, plan, prior *tftypes.Value) (tftypes.Value, bool) {
	if v.IsNull() || !v.IsKnown() {
		return v, false
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		return v, false
	}
	var planned, previous map[string]tftypes.Value
	if plan != nil {
		if plan.IsNull() || !plan.IsKnown() || plan.As(&planned) != nil {
			return v, false
		}
	}
	if prior != nil && !prior.IsNull() && prior.IsKnown() {
		_ = prior.As(&previous)
	}
	changed := false
	set := func(name string, nv tftypes.Value) {
		if !changed {
			cp := make(map[string]tftypes.Value, len(attrs))
			for k, x := range attrs {
				cp[k] = x
			}
			attrs, changed = cp, true
		}
		attrs[name] = nv
	}
	for name := range r.floats {
		if cur, ok := attrs[name]; ok {
			if nv, ch := decimal(cur); ch {
				set(name, nv)
			}
		}
	}
	for name := range r.attrs {
		cur, ok := attrs[name]
		if !ok || !cur.IsKnown() {
			continue
		}
		if def, ok := r.defaults[name]; ok && cur.Equal(def) {
			// The API reports its default for an attribute that was unset before (a refresh) or
			// that the plan leaves unset (an apply): it stays in that unset form.
			was := previous
			if planned != nil {
				was = planned
			}
			if pv, ok := was[name]; ok && pv.IsKnown() && IsZero(pv) {
				set(name, pv)
			}
			continue
		}
		if !IsZero(cur) {
			continue
		}
		if planned == nil {
			if cur.IsNull() {
				if z, ok := zeroOf(cur.Type()); ok {
					set(name, z)
				}
			}
			continue
		}
		if pv, ok := planned[name]; ok && pv.IsKnown() && IsZero(pv) && !pv.Equal(cur) {
			set(name, pv)
		}
	}
	for name, sub := range r.single {
		cur, ok := attrs[name]
		if !ok {
			continue
		}
		var pp, prev *tftypes.Value
		if planned != nil {
			pv, ok := planned[name]
			if !ok {
				continue
			}
			pp = &pv
		}
		if pv, ok := previous[name]; ok {
			prev = &pv
		}
		if nv, ch := normalize(cur, sub, pp, prev); ch {
			set(name, nv)
		}
	}
	for name, sub := range r.lists {
		cur, ok := attrs[name]
		if !ok || cur.IsNull() || !cur.IsKnown() {
			continue
		}
		var elems []tftypes.Value
		if cur.As(&elems) != nil {
			continue
		}
		var pelems, prevElems []tftypes.Value
		if planned != nil {
			pv, ok := planned[name]
			if !ok || pv.IsNull() || !pv.IsKnown() || pv.As(&pelems) != nil {
				continue
			}
		}
		if pv, ok := previous[name]; ok && !pv.IsNull() && pv.IsKnown() {
			_ = pv.As(&prevElems)
		}
		var out []tftypes.Value
		for i, e := range elems {
			var pp, prev *tftypes.Value
			if planned != nil {
				if i >= len(pelems) {
					break
				}
				pp = &pelems[i]
			}
			if i < len(prevElems) {
				prev = &prevElems[i]
			}
			if ne, ch := normalize(e, sub, pp, prev); ch {
				if out == nil {
					out = append([]tftypes.Value{}, elems...)
				}
				out[i] = ne
			}
		}
		if out != nil {
			set(name, tftypes.NewValue(cur.Type(), out))
		}
	}
	for name, sub := range r.sets {
		cur, ok := attrs[name]
		if !ok || cur.IsNull() || !cur.IsKnown() {
			continue
		}
		var elems, pelems []tftypes.Value
		if cur.As(&elems) != nil {
			continue
		}
		if planned != nil {
			pv, ok := planned[name]
			if !ok || pv.IsNull() || !pv.IsKnown() || pv.As(&pelems) != nil {
				continue
			}
		}
		var out []tftypes.Value
		for i, e := range elems {
			var pp *tftypes.Value
			if planned != nil {
				var ea map[string]tftypes.Value
				if e.As(&ea) != nil {
					continue
				}
				for j := range pelems {
					if matchElem(ea, pelems[j:j+1], sub.attrs) != nil {
						pp = &pelems[j]
						break
					}
				}
				if pp == nil {
					continue
				}
			}
			if ne, ch := normalize(e, sub, pp, nil); ch {
				if out == nil {
					out = append([]tftypes.Value{}, elems...)
				}
				out[i] = ne
			}
		}
		if out != nil {
			set(name, tftypes.NewValue(cur.Type(), out))
		}
	}
	if !changed {
		return v, false
	}
	return tftypes.NewValue(v.Type(), attrs), true
}

// Keep is the plan modifier of the rule: a value left out of the configuration plans the prior
// value while that is unset, and null (the value is removed) when it held one.
func Keep() keep { return keep{} }

// keepFor is Keep, which also keeps a prior value equal to the API default an attribute's
// marker declares.
func keepFor[V any](vs []V, t tftypes.Type) keep {
	if d, ok := defaultOf(vs, t); ok {
		return keep{def: &d}
	}
	return keep{}
}

type keep struct {
	def *tftypes.Value // the API's default, which counts as unset
}

// keeps reports whether a prior value is kept for a configuration that leaves it out.
func (k keep) keeps(ctx context.Context, state interface {
	IsNull() bool
	ToTerraformValue(context.Context) (tftypes.Value, error)
}) bool {
	if state.IsNull() {
		return true
	}
	v, err := state.ToTerraformValue(ctx)
	if err != nil {
		return false
	}
	return IsZero(v) || k.def != nil && v.Equal(*k.def)
}

func (keep) Description(context.Context) string {
	return "Absent, null and the empty value are one value: unset."
}

func (k keep) MarkdownDescription(ctx context.Context) string { return k.Description(ctx) }

// KeepsUnchangedPlan (planmod.Unchanging): an unchanged resource plans its prior values.
func (keep) KeepsUnchangedPlan() {}

// RemovesWhenLeftOut (planmod.Removing): a value left out of the configuration is removed.
func (keep) RemovesWhenLeftOut() {}

func (k keep) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if !req.ConfigValue.IsNull() {
		return
	}
	if !req.State.Raw.IsNull() && k.keeps(ctx, req.StateValue) {
		resp.PlanValue = req.StateValue
		return
	}
	resp.PlanValue = types.StringNull()
}

func (keep) PlanModifyMap(ctx context.Context, req planmodifier.MapRequest, resp *planmodifier.MapResponse) {
	if !req.ConfigValue.IsNull() {
		return
	}
	if !req.State.Raw.IsNull() && (req.StateValue.IsNull() || len(req.StateValue.Elements()) == 0) {
		resp.PlanValue = req.StateValue
		return
	}
	resp.PlanValue = types.MapNull(req.PlanValue.ElementType(ctx))
}

func (keep) PlanModifyList(ctx context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	if !req.ConfigValue.IsNull() {
		return
	}
	if !req.State.Raw.IsNull() && (req.StateValue.IsNull() || len(req.StateValue.Elements()) == 0) {
		resp.PlanValue = req.StateValue
		return
	}
	resp.PlanValue = types.ListNull(req.PlanValue.ElementType(ctx))
}

func (keep) PlanModifySet(ctx context.Context, req planmodifier.SetRequest, resp *planmodifier.SetResponse) {
	if !req.ConfigValue.IsNull() {
		return
	}
	if !req.State.Raw.IsNull() && (req.StateValue.IsNull() || len(req.StateValue.Elements()) == 0) {
		resp.PlanValue = req.StateValue
		return
	}
	resp.PlanValue = types.SetNull(req.PlanValue.ElementType(ctx))
}

func (k keep) PlanModifyInt64(ctx context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	if !req.ConfigValue.IsNull() {
		return
	}
	if !req.State.Raw.IsNull() && k.keeps(ctx, req.StateValue) {
		resp.PlanValue = req.StateValue
		return
	}
	resp.PlanValue = types.Int64Null()
}

func (keep) PlanModifyFloat64(ctx context.Context, req planmodifier.Float64Request, resp *planmodifier.Float64Response) {
	if !req.ConfigValue.IsNull() {
		return
	}
	if !req.State.Raw.IsNull() && (req.StateValue.IsNull() || req.StateValue.ValueFloat64() == 0) {
		resp.PlanValue = req.StateValue
		return
	}
	resp.PlanValue = types.Float64Null()
}

func (k keep) PlanModifyBool(ctx context.Context, req planmodifier.BoolRequest, resp *planmodifier.BoolResponse) {
	if !req.ConfigValue.IsNull() {
		return
	}
	if !req.State.Raw.IsNull() && k.keeps(ctx, req.StateValue) {
		resp.PlanValue = req.StateValue
		return
	}
	resp.PlanValue = types.BoolNull()
}

// refuseEmpty refuses "" for a string attribute with a default: the value is not the default
// written differently, and the API would refuse it.
type refuseEmpty struct{ name string }

func (r refuseEmpty) Description(context.Context) string {
	return "an empty string is refused: leave the attribute out for its default"
}

func (r refuseEmpty) MarkdownDescription(ctx context.Context) string { return r.Description(ctx) }

func (r refuseEmpty) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.ValueString() != "" {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Empty value",
		fmt.Sprintf("%s = \"\" is not a value commercetools accepts. Leave %s out of the configuration (or set it to null) for "+
			"its default or the value commercetools holds, or write a value the documentation lists.", attrName(req.Path), attrName(req.Path)))
}

func attrName(p path.Path) string { return strings.TrimSpace(p.String()) }

// refuseEmptyList refuses [] for a list the API never holds empty.
type refuseEmptyList struct{}

func (refuseEmptyList) Description(context.Context) string {
	return "an empty list is refused: leave the attribute out to keep what the API holds"
}

func (r refuseEmptyList) MarkdownDescription(ctx context.Context) string { return r.Description(ctx) }

func (refuseEmptyList) ValidateList(_ context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || len(req.ConfigValue.Elements()) > 0 {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Empty list",
		fmt.Sprintf("%s = [] is not a value commercetools accepts. Leave %s out of the configuration (or set it to null) to keep "+
			"what the project holds, or list at least one value.", attrName(req.Path), attrName(req.Path)))
}

// DefaultHCL renders the API default a marker declares as HCL ("" for other markers): the
// configuration generator writes it out.
func (m Marker) DefaultHCL() string {
	switch d := m.def.(type) {
	case string:
		return fmt.Sprintf("%q", d)
	case int64:
		return fmt.Sprint(d)
	case bool:
		return fmt.Sprint(d)
	}
	return ""
}

// Covers reports whether Schema applied the rule to an attribute: absent, null and its zero value
// are one value for it.
func Covers(a schema.Attribute) bool {
	switch x := a.(type) {
	case schema.StringAttribute:
		return isCovered(x.Validators)
	case schema.MapAttribute:
		return isCovered(x.Validators)
	case schema.ListAttribute:
		return isCovered(x.Validators)
	case schema.SetAttribute:
		return isCovered(x.Validators)
	case schema.Int64Attribute:
		return isCovered(x.Validators)
	case schema.Float64Attribute:
		return isCovered(x.Validators)
	case schema.BoolAttribute:
		return isCovered(x.Validators)
	}
	return false
}

// DefaultOf returns the default of an attribute as HCL: the schema's static default, or the API
// default a marker declares ("" for none).
func DefaultOf(ctx context.Context, a schema.Attribute) string {
	switch x := a.(type) {
	case schema.StringAttribute:
		if x.Default != nil {
			var resp defaults.StringResponse
			x.Default.DefaultString(ctx, defaults.StringRequest{}, &resp)
			return fmt.Sprintf("%q", resp.PlanValue.ValueString())
		}
		return markerDefault(x.Validators)
	case schema.Int64Attribute:
		if x.Default != nil {
			var resp defaults.Int64Response
			x.Default.DefaultInt64(ctx, defaults.Int64Request{}, &resp)
			return fmt.Sprint(resp.PlanValue.ValueInt64())
		}
		return markerDefault(x.Validators)
	case schema.BoolAttribute:
		if x.Default != nil {
			var resp defaults.BoolResponse
			x.Default.DefaultBool(ctx, defaults.BoolRequest{}, &resp)
			return fmt.Sprint(resp.PlanValue.ValueBool())
		}
		return markerDefault(x.Validators)
	}
	return ""
}

func markerDefault[V any](vs []V) string {
	for _, v := range vs {
		if m, ok := any(v).(Marker); ok && m.kind == markDefault {
			return m.DefaultHCL()
		}
	}
	return ""
}
