// Package jsonvalue is a string attribute type holding JSON, for values commercetools stores as
// JSON documents (custom objects): two values are equal when they mean the same document as
// commercetools keeps it, whatever their whitespace, key order or number spelling, and with
// null fields left out (the API does not save them).
package jsonvalue

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Type is the attribute type.
type Type struct {
	basetypes.StringType
}

var (
	_ basetypes.StringTypable                    = Type{}
	_ basetypes.StringValuableWithSemanticEquals = Value{}
	_ attr.Value                                 = Value{}
)

// String describes the type.
func (t Type) String() string { return "jsonvalue.Type" }

// ValueType returns a Value.
func (t Type) ValueType(context.Context) attr.Value { return Value{} }

// Equal reports whether o is this type.
func (t Type) Equal(o attr.Type) bool {
	_, ok := o.(Type)
	return ok
}

// ValueFromString wraps a string value.
func (t Type) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return Value{StringValue: in}, nil
}

// ValueFromTerraform decodes a value from the protocol.
func (t Type) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return Value{StringValue: s}, nil
}

// Value is a JSON document as a string.
type Value struct {
	basetypes.StringValue
}

// New returns a known value.
func New(s string) Value { return Value{StringValue: basetypes.NewStringValue(s)} }

// Null returns a null value.
func Null() Value { return Value{StringValue: basetypes.NewStringNull()} }

// Type returns the value's type.
func (v Value) Type(context.Context) attr.Type { return Type{} }

// Equal reports whether o is the same string (not the same document: see StringSemanticEquals).
func (v Value) Equal(o attr.Value) bool {
	other, ok := o.(Value)
	return ok && v.StringValue.Equal(other.StringValue)
}

// StringSemanticEquals reports whether two values are the same document as commercetools keeps
// it; the framework then keeps the prior value, so a reformatted configuration plans nothing.
func (v Value) StringSemanticEquals(_ context.Context, o basetypes.StringValuable) (bool, diag.Diagnostics) {
	other, ok := o.(Value)
	if !ok {
		return false, nil
	}
	return Same(v.ValueString(), other.ValueString()), nil
}

// Decode parses a JSON document, keeping numbers as written.
func Decode(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("unexpected data after the JSON value")
	}
	return out, nil
}

// Stored returns the document as commercetools stores it: null fields of objects left out, at
// every depth, and numbers compared by value.
func Stored(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			if e != nil {
				out[k] = Stored(e)
			}
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = Stored(e)
		}
		return out
	case json.Number:
		if f, err := t.Float64(); err == nil {
			return f
		}
		return t.String()
	}
	return v
}

// Same reports whether two JSON texts are the same document as commercetools keeps it. Text
// that is not JSON is the same only as identical text.
func Same(a, b string) bool {
	if a == b {
		return true
	}
	da, err1 := Decode(a)
	db, err2 := Decode(b)
	if err1 != nil || err2 != nil {
		return false
	}
	return reflect.DeepEqual(Stored(da), Stored(db))
}

// NullFields lists the paths of the null fields of a document ("a.b", "list[2].c"), sorted.
func NullFields(v any) []string {
	var out []string
	var walk func(v any, at string)
	walk = func(v any, at string) {
		switch t := v.(type) {
		case map[string]any:
			for k, e := range t {
				p := k
				if at != "" {
					p = at + "." + k
				}
				if e == nil {
					out = append(out, p)
					continue
				}
				walk(e, p)
			}
		case []any:
			for i, e := range t {
				walk(e, fmt.Sprintf("%s[%d]", at, i))
			}
		}
	}
	walk(v, "")
	slices.Sort(out)
	return out
}

// Compact returns the JSON text of a decoded API value, compact and with sorted keys (what
// Terraform's jsonencode writes).
func Compact(raw json.RawMessage) string {
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return string(raw)
	}
	v, err := Decode(buf.String())
	if err != nil {
		return buf.String()
	}
	out, err := json.Marshal(v)
	if err != nil {
		return buf.String()
	}
	return string(out)
}

// Validator refuses a value that is not JSON, at plan time, and warns about null fields.
type Validator struct{}

// Description describes the validator.
func (Validator) Description(context.Context) string { return "must be a JSON document" }

// MarkdownDescription describes the validator.
func (v Validator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

// ValidateString checks the value.
func (Validator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	validate(req.Path, req.ConfigValue, &resp.Diagnostics)
}

func validate(at path.Path, v basetypes.StringValue, diags *diag.Diagnostics) {
	if v.IsNull() || v.IsUnknown() {
		return
	}
	doc, err := Decode(v.ValueString())
	if err != nil {
		diags.AddAttributeError(at, "Invalid JSON", fmt.Sprintf("The value is not a JSON document: %s. Write it with jsonencode(...).", err))
		return
	}
	if nulls := NullFields(doc); len(nulls) > 0 {
		diags.AddAttributeWarning(at, "Null fields are not stored",
			fmt.Sprintf("commercetools does not save fields whose value is null (%s). The provider treats them as absent, so "+
				"they never plan a change; leave them out to make the configuration say what is stored.", strings.Join(nulls, ", ")))
	}
}

// KeepStateIfSame plans the state's text when the configuration's is the same document, so that
// a reformatted value (or one with null fields) plans no change. Terraform accepts a planned
// value that equals the prior one for a configured attribute.
type KeepStateIfSame struct{}

// Description describes the plan modifier.
func (KeepStateIfSame) Description(context.Context) string {
	return "keeps the prior value when the configured JSON is the same document"
}

// KeepsUnchangedPlan (planmod.Unchanging): a value equal to the prior one plans the prior one.
func (KeepStateIfSame) KeepsUnchangedPlan() {}

// MarkdownDescription describes the plan modifier.
func (m KeepStateIfSame) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

// PlanModifyString keeps the state's value when it is the same document as the plan's.
func (KeepStateIfSame) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || req.StateValue.IsUnknown() || req.PlanValue.IsNull() || req.PlanValue.IsUnknown() {
		return
	}
	if Same(req.StateValue.ValueString(), req.PlanValue.ValueString()) {
		resp.PlanValue = req.StateValue
	}
}
