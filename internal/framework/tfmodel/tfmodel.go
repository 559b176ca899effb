// Package tfmodel reads and writes the models of resources and data sources (structs whose
// fields carry tfsdk tags) as terraform-plugin-framework's tfsdk.State.Get and Set do, without
// its reflection's cost on every call.
//
// The framework works out a model's fields from its struct tags on every Get and Set, and checks
// each tag with a regular expression it compiles each time: for a resource of a dozen attributes
// that was a third of the memory allocated by reading it. This package works that out once per
// model type and schema type, then converts each field with the same calls the framework makes
// (ValueFromTerraform, ToTerraformValue and the same validations). It handles the field kinds
// the provider's models use: framework values (types.String, custom types), structs, embedded
// structs, slices of structs and pointers to structs. Anything else, and any value that would
// give a diagnostic, goes to the framework itself, which then answers exactly as always.
// Verify (for tests) runs both and reports any difference.
package tfmodel

import (
	"context"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Verify makes every Get and Set also run the framework's conversion and compare: a difference
// is an error diagnostic. Tests set it (internal/acctest) before any test runs; it is never
// changed while conversions run.
var Verify bool

// Off sends every Get and Set to the framework (the provider's shortcuts are turned off: see
// provider.ShortcutsEnabled). It is set before any conversion runs and never changed after.
var Off bool

// typer is the part of a framework schema this package needs.
type typer interface{ Type() attr.Type }

// GetState reads the state into target (a pointer to a model), as s.Get does.
func GetState(ctx context.Context, s tfsdk.State, target any) diag.Diagnostics {
	return get(ctx, s.Raw, s.Schema, target, s.Get)
}

// GetPlan reads the plan into target, as p.Get does.
func GetPlan(ctx context.Context, p tfsdk.Plan, target any) diag.Diagnostics {
	return get(ctx, p.Raw, p.Schema, target, p.Get)
}

// GetConfig reads the configuration into target, as c.Get does.
func GetConfig(ctx context.Context, c tfsdk.Config, target any) diag.Diagnostics {
	return get(ctx, c.Raw, c.Schema, target, c.Get)
}

// SetState writes src (a model or a pointer to one) into the state, as s.Set does.
func SetState(ctx context.Context, s *tfsdk.State, src any) diag.Diagnostics {
	return set(ctx, &s.Raw, s.Schema, src, s.Set)
}

// SetPlan writes src into the plan, as p.Set does.
func SetPlan(ctx context.Context, p *tfsdk.Plan, src any) diag.Diagnostics {
	return set(ctx, &p.Raw, p.Schema, src, p.Set)
}

func get(ctx context.Context, raw tftypes.Value, s typer, target any, framework func(context.Context, any) diag.Diagnostics) diag.Diagnostics {
	if Off {
		return framework(ctx, target)
	}
	tv := reflect.ValueOf(target)
	if s == nil || tv.Kind() != reflect.Pointer || tv.IsNil() || tv.Elem().Kind() != reflect.Struct || raw.Type() == nil {
		return framework(ctx, target)
	}
	c := codecOf(ctx, tv.Elem().Type(), raw.Type(), s)
	if c == nil {
		return framework(ctx, target)
	}
	if Verify {
		return verifyGet(ctx, c, raw, tv, framework)
	}
	out, ok := c.decode(ctx, raw)
	if !ok {
		return framework(ctx, target)
	}
	tv.Elem().Set(out)
	return nil
}

func set(ctx context.Context, raw *tftypes.Value, s typer, src any, framework func(context.Context, any) diag.Diagnostics) diag.Diagnostics {
	if Off {
		return framework(ctx, src)
	}
	sv := reflect.ValueOf(src)
	if sv.Kind() == reflect.Pointer {
		if sv.IsNil() {
			return framework(ctx, src)
		}
		sv = sv.Elem()
	}
	if s == nil || sv.Kind() != reflect.Struct || raw.Type() == nil {
		return framework(ctx, src)
	}
	c := codecOf(ctx, sv.Type(), raw.Type(), s)
	if c == nil {
		return framework(ctx, src)
	}
	v, ok := c.encode(ctx, sv)
	if Verify {
		return verifySet(ctx, raw, src, v, ok, framework)
	}
	if !ok {
		return framework(ctx, src)
	}
	*raw = v
	return nil
}

func verifyGet(ctx context.Context, c *codec, raw tftypes.Value, tv reflect.Value, framework func(context.Context, any) diag.Diagnostics) diag.Diagnostics {
	out, ok := c.decode(ctx, raw)
	diags := framework(ctx, tv.Interface())
	if !ok {
		return diags // the framework answers
	}
	if len(diags) > 0 {
		return append(diags, differs("read", "the framework reported diagnostics the codec did not"))
	}
	if fields := c.differing(out, tv.Elem()); len(fields) > 0 {
		return append(diags, differs("read", "fields "+strings.Join(fields, ", ")+" differ"))
	}
	return diags
}

// differing names the fields in which two models differ (not their values: models hold secrets).
func (c *codec) differing(a, b reflect.Value) []string {
	var out []string
	for _, f := range c.fields {
		if !reflect.DeepEqual(a.FieldByIndex(f.index).Interface(), b.FieldByIndex(f.index).Interface()) {
			out = append(out, f.name)
		}
	}
	return out
}

func verifySet(ctx context.Context, raw *tftypes.Value, src any, v tftypes.Value, ok bool, framework func(context.Context, any) diag.Diagnostics) diag.Diagnostics {
	diags := framework(ctx, src)
	if !ok {
		return diags
	}
	if len(diags) > 0 {
		return append(diags, differs("write", "the framework reported diagnostics the codec did not"))
	}
	if !raw.Equal(v) {
		return append(diags, differs("write", "attributes "+strings.Join(DifferingAttributes(*raw, v), ", ")+" differ"))
	}
	return diags
}

// DifferingAttributes names the top-level attributes in which two object values differ, sorted:
// for messages about a difference, which must not show values (states hold secrets).
func DifferingAttributes(a, b tftypes.Value) []string {
	diffs, err := a.Diff(b)
	if err != nil {
		return []string{"(the whole value)"}
	}
	seen := map[string]bool{}
	var names []string
	for _, d := range diffs {
		if st := d.Path.Steps(); len(st) > 0 {
			if n, ok := st[0].(tftypes.AttributeName); ok && !seen[string(n)] {
				seen[string(n)] = true
				names = append(names, string(n))
			}
		}
	}
	sort.Strings(names)
	return names
}

func differs(what, detail string) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Model conversion differs from the framework",
		"The provider's model "+what+" differs from terraform-plugin-framework's: "+detail+". This is a bug in the provider.")
}

// codec converts one model type for one object type.
type codec struct {
	typ    reflect.Type
	obj    tftypes.Object
	fields []field
}

// field is one tagged field of a model.
type field struct {
	name  string
	index []int
	kind  kind
	attr  attr.Type    // the schema's type of the attribute
	tf    tftypes.Type // its Terraform type
	elem  *codec       // struct, slice of structs, pointer to struct
	// check is the attribute type's validation, which the framework runs on conversion; a value
	// it reports on takes the framework's way (which reports it with the attribute's path).
	check xattr.TypeWithValidate //nolint:staticcheck // deprecated, but the framework still runs it, so must this
}

type kind int

const (
	attrValue kind = iota
	structValue
	sliceOfStructs
	pointerToStruct
)

var (
	attrValueType = reflect.TypeFor[attr.Value]()
	validName     = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

type cacheEntry struct {
	tf    tftypes.Type
	codec *codec // nil: the framework converts this model
}

var (
	mu    sync.RWMutex
	cache = map[reflect.Type][]cacheEntry{} // by model type
)

// codecOf returns the codec of a model type for an object type, built on first use; nil when
// the model has a field this package does not convert.
func codecOf(ctx context.Context, model reflect.Type, tf tftypes.Type, s typer) *codec {
	mu.RLock()
	for _, e := range cache[model] {
		if e.tf.Equal(tf) {
			mu.RUnlock()
			return e.codec
		}
	}
	mu.RUnlock()
	c, err := build(ctx, model, s.Type())
	if err != nil || !c.obj.Equal(tf) {
		c = nil
	}
	mu.Lock()
	cache[model] = append(cache[model], cacheEntry{tf: tf, codec: c})
	mu.Unlock()
	return c
}

// build works out the codec of a struct type for an object type.
func build(ctx context.Context, model reflect.Type, t attr.Type) (*codec, error) {
	ot, ok := t.(attr.TypeWithAttributeTypes)
	if !ok {
		return nil, fmt.Errorf("%T has no attribute types", t)
	}
	obj, ok := t.TerraformType(ctx).(tftypes.Object)
	if !ok || len(obj.OptionalAttributes) > 0 {
		return nil, fmt.Errorf("%T is no plain object type", t)
	}
	if validates(ctx, t) {
		return nil, fmt.Errorf("%T validates", t)
	}
	c := &codec{typ: model, obj: obj}
	tags := map[string][]int{}
	if err := tagsOf(model, nil, tags); err != nil {
		return nil, err
	}
	types := ot.AttributeTypes()
	if len(types) != len(tags) {
		return nil, fmt.Errorf("%s has %d fields for %d attributes", model, len(tags), len(types))
	}
	for name, index := range tags {
		at, ok := types[name]
		if !ok || at == nil {
			return nil, fmt.Errorf("no attribute %s", name)
		}
		f := field{name: name, index: index, attr: at, tf: at.TerraformType(ctx)}
		f.check, _ = at.(xattr.TypeWithValidate) //nolint:staticcheck // as the framework does
		if f.tf.Is(tftypes.DynamicPseudoType) {
			return nil, fmt.Errorf("%s is dynamic", name)
		}
		ft := model.FieldByIndex(index).Type
		switch {
		case ft.Implements(attrValueType):
			f.kind = attrValue
		case ft.Kind() == reflect.Struct:
			f.kind = structValue
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct && !ft.Elem().Implements(attrValueType):
			f.kind = sliceOfStructs
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct && !ft.Implements(attrValueType) && !ft.Elem().Implements(attrValueType):
			f.kind = pointerToStruct
		default:
			return nil, fmt.Errorf("%s: field kind %s", name, ft)
		}
		var err error
		switch f.kind {
		case structValue:
			f.elem, err = build(ctx, ft, at)
		case pointerToStruct:
			f.elem, err = build(ctx, ft.Elem(), at)
		case sliceOfStructs:
			et, ok := at.(attr.TypeWithElementType)
			if _, vv := at.ValueType(ctx).(xattr.ValidateableAttribute); !ok || vv || (!f.tf.Is(tftypes.List{}) && !f.tf.Is(tftypes.Set{})) {
				return nil, fmt.Errorf("%s: %T is no list or set type", name, at)
			}
			f.elem, err = build(ctx, ft.Elem(), et.ElementType())
		}
		if err != nil {
			return nil, err
		}
		c.fields = append(c.fields, f)
	}
	return c, nil
}

// valid runs the validation the framework runs when it converts the value: the value's own, or
// else its type's. Any diagnostic means the framework must convert it (and report that).
func (f *field) valid(ctx context.Context, v attr.Value, tv tftypes.Value) bool {
	if va, ok := v.(xattr.ValidateableAttribute); ok {
		var resp xattr.ValidateAttributeResponse
		va.ValidateAttribute(ctx, xattr.ValidateAttributeRequest{Path: path.Empty()}, &resp)
		return len(resp.Diagnostics) == 0
	}
	return f.check == nil || len(f.check.Validate(ctx, tv, path.Empty())) == 0
}

// validates reports whether converting values of t runs a validation: the type's own, or its
// values'.
func validates(ctx context.Context, t attr.Type) bool {
	if _, ok := t.(xattr.TypeWithValidate); ok { //nolint:staticcheck // as the framework does
		return true
	}
	_, ok := t.ValueType(ctx).(xattr.ValidateableAttribute)
	return ok
}

// tagsOf collects the tfsdk tags of a struct as the framework does (embedded structs promote
// theirs); an error for anything the framework refuses or this package leaves to it.
func tagsOf(t reflect.Type, prefix []int, tags map[string][]int) error {
	if t.Kind() != reflect.Struct {
		return fmt.Errorf("%s is not a struct", t)
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() && !f.Anonymous {
			continue
		}
		tag, has := f.Tag.Lookup("tfsdk")
		if tag == "-" {
			continue
		}
		index := append(append([]int(nil), prefix...), i)
		if f.Anonymous {
			if has || f.Type.Kind() != reflect.Struct {
				return fmt.Errorf("embedded %s", f.Name)
			}
			if err := tagsOf(f.Type, index, tags); err != nil {
				return err
			}
			continue
		}
		if !has || !validName.MatchString(tag) {
			return fmt.Errorf("field %s: tag %q", f.Name, tag)
		}
		if _, dup := tags[tag]; dup {
			return fmt.Errorf("tag %q twice", tag)
		}
		tags[tag] = index
	}
	return nil
}

// decode converts an object value into a new struct; false when the framework must (a value it
// would refuse or report on).
func (c *codec) decode(ctx context.Context, v tftypes.Value) (reflect.Value, bool) {
	if !v.IsKnown() || v.IsNull() {
		return reflect.Value{}, false
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil || len(attrs) != len(c.fields) {
		return reflect.Value{}, false
	}
	out := reflect.New(c.typ).Elem()
	for i := range c.fields {
		f := &c.fields[i]
		fv, ok := attrs[f.name]
		if !ok {
			return reflect.Value{}, false
		}
		dst := out.FieldByIndex(f.index)
		switch f.kind {
		case attrValue:
			res, err := f.attr.ValueFromTerraform(ctx, fv)
			if err != nil || reflect.TypeOf(res) != dst.Type() || !f.valid(ctx, res, fv) {
				return reflect.Value{}, false
			}
			dst.Set(reflect.ValueOf(res))
		case structValue:
			sv, ok := f.elem.decode(ctx, fv)
			if !ok {
				return reflect.Value{}, false
			}
			dst.Set(sv)
		case pointerToStruct:
			if !fv.IsKnown() {
				return reflect.Value{}, false
			}
			if fv.IsNull() {
				continue // nil
			}
			sv, ok := f.elem.decode(ctx, fv)
			if !ok {
				return reflect.Value{}, false
			}
			p := reflect.New(f.elem.typ)
			p.Elem().Set(sv)
			dst.Set(p)
		case sliceOfStructs:
			if !fv.IsKnown() {
				return reflect.Value{}, false
			}
			if fv.IsNull() {
				continue // nil
			}
			var elems []tftypes.Value
			if err := fv.As(&elems); err != nil {
				return reflect.Value{}, false
			}
			s := reflect.MakeSlice(dst.Type(), 0, len(elems))
			for _, e := range elems {
				ev, ok := f.elem.decode(ctx, e)
				if !ok {
					return reflect.Value{}, false
				}
				s = reflect.Append(s, ev)
			}
			dst.Set(s)
		}
	}
	return out, true
}

// encode converts a struct into an object value; false when the framework must.
func (c *codec) encode(ctx context.Context, sv reflect.Value) (tftypes.Value, bool) {
	vals := make(map[string]tftypes.Value, len(c.fields))
	for i := range c.fields {
		f := &c.fields[i]
		src := sv.FieldByIndex(f.index)
		switch f.kind {
		case attrValue:
			av, ok := src.Interface().(attr.Value)
			if !ok || av == nil {
				return tftypes.Value{}, false
			}
			tv, err := av.ToTerraformValue(ctx)
			if err != nil || tv.Type() == nil || !tv.Type().Equal(f.tf) || !f.valid(ctx, av, tv) {
				return tftypes.Value{}, false
			}
			vals[f.name] = tv
		case structValue:
			tv, ok := f.elem.encode(ctx, src)
			if !ok {
				return tftypes.Value{}, false
			}
			vals[f.name] = tv
		case pointerToStruct:
			if src.IsNil() {
				vals[f.name] = tftypes.NewValue(f.tf, nil)
				continue
			}
			tv, ok := f.elem.encode(ctx, src.Elem())
			if !ok {
				return tftypes.Value{}, false
			}
			vals[f.name] = tv
		case sliceOfStructs:
			var tv tftypes.Value
			if src.IsNil() {
				tv = tftypes.NewValue(f.tf, nil)
			} else {
				elems := make([]tftypes.Value, src.Len())
				for j := range elems {
					ev, ok := f.elem.encode(ctx, src.Index(j))
					if !ok {
						return tftypes.Value{}, false
					}
					elems[j] = ev
				}
				tv = tftypes.NewValue(f.tf, elems)
			}
			if f.check != nil && len(f.check.Validate(ctx, tv, path.Empty())) > 0 {
				return tftypes.Value{}, false
			}
			vals[f.name] = tv
		}
	}
	return tftypes.NewValue(c.obj, vals), true
}
