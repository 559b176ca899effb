// Package timestamp is a string attribute type for the API's date-time values (validFrom,
// validUntil, ...): two values are equal when they name the same instant, so
// "2024-06-01T00:00:00.000Z", "2024-06-01T00:00:00Z" and "2024-06-01T02:00:00+02:00" never plan a
// change against each other, and the configured spelling is kept in the state.
package timestamp

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
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
)

// String describes the type.
func (Type) String() string { return "timestamp.Type" }

// ValueType returns a Value.
func (Type) ValueType(context.Context) attr.Value { return Value{} }

// Equal reports whether o is this type.
func (Type) Equal(o attr.Type) bool {
	_, ok := o.(Type)
	return ok
}

// ValueFromString wraps a string value.
func (Type) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
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

// Value is a date and time as an RFC 3339 string.
type Value struct {
	basetypes.StringValue
}

// New returns a known value.
func New(s string) Value { return Value{StringValue: basetypes.NewStringValue(s)} }

// Null returns a null value.
func Null() Value { return Value{StringValue: basetypes.NewStringNull()} }

// Type returns the value's type.
func (Value) Type(context.Context) attr.Type { return Type{} }

// Equal reports whether o is the same string (the same instant is StringSemanticEquals).
func (v Value) Equal(o attr.Value) bool {
	other, ok := o.(Value)
	return ok && v.StringValue.Equal(other.StringValue)
}

// StringSemanticEquals reports whether both values name the same instant.
func (v Value) StringSemanticEquals(_ context.Context, o basetypes.StringValuable) (bool, diag.Diagnostics) {
	other, ok := o.(Value)
	if !ok {
		return false, nil
	}
	return Same(v.ValueString(), other.ValueString()), nil
}

// Parse reads an RFC 3339 date and time (fractional seconds allowed).
func Parse(s string) (time.Time, error) { return time.Parse(time.RFC3339Nano, s) }

// Same reports whether a and b name the same instant (or are the same text).
func Same(a, b string) bool {
	if a == b {
		return true
	}
	ta, errA := Parse(a)
	tb, errB := Parse(b)
	return errA == nil && errB == nil && ta.Equal(tb)
}

// Kept is the value to hold after a read: the prior text when it names the instant the API
// reports, else the API's (null when the API reports none; the incumbent stored "" for none).
func Kept(prior Value, remote *string) Value {
	if remote == nil || *remote == "" {
		return Null()
	}
	if !prior.IsNull() && !prior.IsUnknown() && Same(prior.ValueString(), *remote) {
		return prior
	}
	return New(*remote)
}

// Pointer is the value to send (nil when null, unknown or "", which is unset).
func Pointer(v Value) *string {
	if v.IsNull() || v.IsUnknown() || v.ValueString() == "" {
		return nil
	}
	s := v.ValueString()
	return &s
}

// Validator requires an RFC 3339 date and time.
type Validator struct{}

// Description describes the validator.
func (Validator) Description(context.Context) string {
	return "must be an RFC 3339 date and time, such as 2027-06-01T00:00:00Z"
}

// MarkdownDescription describes the validator.
func (v Validator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

// ValidateString checks the value.
func (v Validator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := Parse(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid date and time",
			fmt.Sprintf("%q is not a date and time: it %s.", req.ConfigValue.ValueString(), v.Description(ctx)))
	}
}

// KeepStateIfSame plans the state's text when the configuration names the same instant, so that
// another spelling ("…00.000Z" for "…00Z") plans no change.
type KeepStateIfSame struct{}

// Description describes the plan modifier.
func (KeepStateIfSame) Description(context.Context) string {
	return "keeps the prior value when the configured date and time is the same instant"
}

// KeepsUnchangedPlan (planmod.Unchanging): a value equal to the prior one plans the prior one.
func (KeepStateIfSame) KeepsUnchangedPlan() {}

// MarkdownDescription describes the plan modifier.
func (m KeepStateIfSame) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

// PlanModifyString keeps the state's value when it names the plan's instant.
func (KeepStateIfSame) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || req.StateValue.IsUnknown() || req.PlanValue.IsNull() || req.PlanValue.IsUnknown() {
		return
	}
	if Same(req.StateValue.ValueString(), req.PlanValue.ValueString()) {
		resp.PlanValue = req.StateValue
	}
}

// Attribute is an optional date-time argument: RFC 3339 checked at plan time, the same instant
// in another spelling never planned as a change.
func Attribute(desc string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, CustomType: Type{},
		MarkdownDescription: desc + " An RFC 3339 date and time, such as `2027-06-01T00:00:00Z`; another spelling of the same instant plans nothing.",
		Validators:          []validator.String{Validator{}},
		PlanModifiers:       []planmodifier.String{KeepStateIfSame{}}}
}
