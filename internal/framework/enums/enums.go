// Package enums holds what the enum values of custom field types (commercetools_type) and of
// attribute types (commercetools_product_type) share: their blocks, their models, their API
// form and the difference between two ordered lists of them, which each family turns into its
// own update actions.
package enums

import (
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
)

// Value is an enum value as the API writes it: Label is a JSON string for a plain enum and a
// JSON object (a LocalizedString) for a localized one.
type Value struct {
	Key   string          `json:"key"`
	Label json.RawMessage `json:"label"`
}

// Values is a list of enum values; nil is left out of requests, an empty list is sent.
type Values []Value

// Plain is one `value` block: a plain enum value.
type Plain struct {
	Key   types.String `tfsdk:"key"`
	Label types.String `tfsdk:"label"`
}

// Localized is one `localized_value` block: an enum value with a label by locale.
type Localized struct {
	Key   types.String `tfsdk:"key"`
	Label types.Map    `tfsdk:"label"`
}

// PlainBlock is the `value` block; what says which type it belongs to ("For `Enum`").
func PlainBlock(what string) schema.ListNestedBlock {
	return schema.ListNestedBlock{
		MarkdownDescription: what + ": the allowed values, in order.",
		NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{Required: true, MarkdownDescription: "Key of the enum value, as stored in the value.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
			"label": schema.StringAttribute{Required: true, MarkdownDescription: "Label of the enum value."},
		}},
	}
}

// LocalizedBlock is the `localized_value` block.
func LocalizedBlock(what string) schema.ListNestedBlock {
	return schema.ListNestedBlock{
		MarkdownDescription: what + ": the allowed values, in order, each with a label by locale.",
		NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{Required: true, MarkdownDescription: "Key of the localized enum value, as stored in the value.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
			"label": schema.MapAttribute{Required: true, ElementType: types.StringType, MarkdownDescription: "Label of the value by locale.",
				Validators: []validator.Map{mapvalidator.SizeAtLeast(1)}},
		}},
	}
}

// FromPlain converts `value` blocks to API values (never nil).
func FromPlain(l []Plain) Values {
	out := make(Values, 0, len(l))
	for _, v := range l {
		label, _ := json.Marshal(v.Label.ValueString())
		out = append(out, Value{Key: v.Key.ValueString(), Label: label})
	}
	return out
}

// FromLocalized converts `localized_value` blocks to API values (never nil).
func FromLocalized(l []Localized) Values {
	out := make(Values, 0, len(l))
	for _, v := range l {
		label, _ := json.Marshal(flex.Localized(v.Label))
		out = append(out, Value{Key: v.Key.ValueString(), Label: label})
	}
	return out
}

// ToPlain converts API values to `value` blocks; an error names a label that is not text.
func ToPlain(vs Values) ([]Plain, error) {
	out := make([]Plain, 0, len(vs))
	var err error
	for _, v := range vs {
		var label string
		if e := json.Unmarshal(v.Label, &label); e != nil && err == nil {
			err = fmt.Errorf("enum value %q has a label that is not text", v.Key)
		}
		out = append(out, Plain{Key: types.StringValue(v.Key), Label: types.StringValue(label)})
	}
	return out, err
}

// ToLocalized converts API values to `localized_value` blocks.
func ToLocalized(vs Values) ([]Localized, error) {
	out := make([]Localized, 0, len(vs))
	var err error
	for _, v := range vs {
		var label map[string]string
		if e := json.Unmarshal(v.Label, &label); e != nil && err == nil {
			err = fmt.Errorf("localized enum value %q has a label that is not a localized string", v.Key)
		}
		out = append(out, Localized{Key: types.StringValue(v.Key), Label: flex.LocalizedValue(label)})
	}
	return out, err
}

// PlainLabel is the label of a plain value.
func (v Value) PlainLabel() string {
	var s string
	_ = json.Unmarshal(v.Label, &s)
	return s
}

// LocalizedLabel is the label of a localized value.
func (v Value) LocalizedLabel() map[string]string {
	var m map[string]string
	_ = json.Unmarshal(v.Label, &m)
	return m
}

// sameLabel compares labels as the API does: a localized label without regard to key order.
func sameLabel(a, b Value, localized bool) bool {
	if string(a.Label) == string(b.Label) {
		return true
	}
	if localized {
		return flex.SameLocalized(a.LocalizedLabel(), b.LocalizedLabel())
	}
	return a.PlainLabel() == b.PlainLabel()
}

// Changes is what turns one list of enum values into another.
type Changes struct {
	// Removed holds the keys that are gone, in the old order.
	Removed []string
	// Added holds the new values, in the new order (the API appends them).
	Added Values
	// Relabelled holds the kept values whose label changed, with the new label.
	Relabelled Values
	// Order is the new list, when removing, appending and relabelling leave another order;
	// nil when no reorder is needed.
	Order Values
}

// Empty reports whether nothing changes.
func (c Changes) Empty() bool {
	return len(c.Removed) == 0 && len(c.Added) == 0 && len(c.Relabelled) == 0 && c.Order == nil
}

// Diff compares two lists of enum values by key.
func Diff(old, next Values, localized bool) Changes {
	d := updates.Diff(old, next, func(v Value) string { return v.Key })
	var c Changes
	for _, v := range d.Removed {
		c.Removed = append(c.Removed, v.Key)
	}
	c.Added = d.Added
	for _, p := range d.Kept {
		if !sameLabel(p.Old, p.New, localized) {
			c.Relabelled = append(c.Relabelled, p.New)
		}
	}
	if d.Order != nil {
		c.Order = next
	}
	return c
}

// Duplicate returns a key that occurs more than once, or "".
func Duplicate(vs Values) string {
	seen := make(map[string]bool, len(vs))
	for _, v := range vs {
		if v.Key != "" && seen[v.Key] {
			return v.Key
		}
		seen[v.Key] = true
	}
	return ""
}

// KnownKeys reports whether every key of the blocks is known (plan-time checks skip lists
// whose keys come from values not known yet).
func KnownKeys(plain []Plain, localized []Localized) bool {
	for _, v := range plain {
		if v.Key.IsUnknown() {
			return false
		}
	}
	for _, v := range localized {
		if v.Key.IsUnknown() {
			return false
		}
	}
	return true
}
