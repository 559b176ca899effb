// Package customfields is the shared `custom` block of every customizable resource (channels,
// stores, customer groups, ...): the id of a Type plus field values written as strings, which are
// encoded for the API with the Type's field definitions. It also holds the Type resource as the
// API returns it, which the commercetools_type family manages.
package customfields

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/enums"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/unset"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
)

// FieldType is a FieldType of the API (types/type/FieldType.raml and its subtypes) in one
// struct: Values for Enum and LocalizedEnum (each label a string or a LocalizedString),
// ReferenceTypeID for Reference, ElementType for Set.
type FieldType struct {
	Name            string     `json:"name"`
	Values          EnumValues `json:"values,omitzero"`
	ReferenceTypeID string     `json:"referenceTypeId,omitempty"`
	ElementType     *FieldType `json:"elementType,omitempty"`
}

// EnumValues is a list of enum values; nil is left out of requests, an empty list is sent.
type EnumValues = enums.Values

// EnumValue is a CustomFieldEnumValue (Label is a JSON string) or CustomFieldLocalizedEnumValue
// (Label is a JSON object).
type EnumValue = enums.Value

// FieldDefinition is a FieldDefinition of a Type.
type FieldDefinition struct {
	Name      string            `json:"name"`
	Label     map[string]string `json:"label"`
	Required  bool              `json:"required"`
	InputHint string            `json:"inputHint,omitempty"`
	Type      FieldType         `json:"type"`
}

// Type is a Type as the API returns it.
type Type struct {
	ID               string            `json:"id"`
	Version          int64             `json:"version"`
	CreatedAt        time.Time         `json:"createdAt"`
	Key              string            `json:"key"`
	Name             map[string]string `json:"name"`
	Description      map[string]string `json:"description,omitempty"`
	ResourceTypeIDs  []string          `json:"resourceTypeIds"`
	FieldDefinitions []FieldDefinition `json:"fieldDefinitions"`
}

// Types is the types endpoint, shared by the commercetools_type family and the custom blocks of
// every other family (one listing per provider process serves both).
var Types = &client.Endpoint[Type, platform.TypeUpdateAction]{
	Path: "types", Noun: "type",
	Meta: func(t *Type) client.Meta {
		return client.Meta{ID: t.ID, Key: t.Key, Version: t.Version, CreatedAt: t.CreatedAt}
	},
}

// Field returns the definition of a field, or nil.
func (t *Type) Field(name string) *FieldDefinition {
	for i := range t.FieldDefinitions {
		if t.FieldDefinitions[i].Name == name {
			return &t.FieldDefinitions[i]
		}
	}
	return nil
}

// Model is one `custom` block.
type Model struct {
	TypeID types.String `tfsdk:"type_id"`
	Fields types.Map    `tfsdk:"fields"`
}

// Block is the `custom` block of a resource (a list of at most one block, as the incumbent
// stored it for the resources it built with SDKv2).
func Block(noun string) schema.ListNestedBlock {
	return schema.ListNestedBlock{
		MarkdownDescription: description(noun),
		Validators:          []validator.List{listvalidator.SizeAtMost(1)},
		NestedObject:        schema.NestedBlockObject{Attributes: attributes()},
	}
}

// SingleBlock is the `custom` block of the resources the incumbent built with the plugin
// framework (product selections, associate roles, business units): one block, stored as an
// object (null when absent). List and Single convert its model for Draft, Flatten and Actions.
func SingleBlock(noun string) schema.SingleNestedBlock {
	attrs := attributes()
	// Terraform checks a required attribute of a single block even when the block is absent,
	// so type_id is optional here and required by the block's validator.
	attrs["type_id"] = schema.StringAttribute{Optional: true,
		MarkdownDescription: "The id of the Type (for example `commercetools_type.example.id`); required in the block.",
		Validators: []validator.String{stringvalidator.LengthAtLeast(1),
			unset.ZeroIsValue("required in the block: \"\" is no type")}}
	return schema.SingleNestedBlock{MarkdownDescription: description(noun), Attributes: attrs,
		Validators: []validator.Object{typeRequired{}}}
}

// typeRequired requires type_id in a present single custom block.
type typeRequired struct{}

func (typeRequired) Description(context.Context) string { return "type_id is required in the block" }

func (v typeRequired) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (typeRequired) ValidateObject(_ context.Context, req validator.ObjectRequest, resp *validator.ObjectResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if t, ok := req.ConfigValue.Attributes()["type_id"]; ok && t.IsNull() {
		resp.Diagnostics.AddAttributeError(req.Path.AtName("type_id"), "Missing type_id",
			"The custom block needs type_id: the id of the Type that defines its fields.")
	}
}

// List is the list form of a single block's model (empty when the block is absent).
func List(m *Model) []Model {
	if m == nil {
		return nil
	}
	return []Model{*m}
}

// Single is the single-block form of a list (nil when it is empty).
func Single(l []Model) *Model {
	if len(l) == 0 {
		return nil
	}
	m := l[0]
	return &m
}

func description(noun string) string {
	return "Custom fields of the " + noun + ": a [Type](https://docs.commercetools.com/api/projects/types) " +
		"defined for it and values for the Type's fields."
}

func attributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"type_id": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The id of the Type (for example `commercetools_type.example.id`).",
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"fields": schema.MapAttribute{
			Optional:    true,
			ElementType: types.StringType,
			MarkdownDescription: "Field values by field name, each a string: text, enum keys, dates and times as they are; " +
				"numbers and booleans as `\"12000\"` or `\"true\"`; localized strings, money, references and sets JSON-encoded " +
				"(`jsonencode({ en = \"Hello\" })`). The provider encodes each value with the type's field definition, " +
				"so a value that does not fit its field is an error that names the field.",
		},
	}
}

// one returns the block's model, or nil when the block is absent.
func one(l []Model) *Model {
	if len(l) == 0 {
		return nil
	}
	return &l[0]
}

// lookup reads the Type of a custom block (from the shared listing of types).
func lookup(ctx context.Context, c *client.Client, typeID string) (*Type, diag.Diagnostics) {
	var diags diag.Diagnostics
	t, err := Types.Read(ctx, c, typeID)
	if client.IsNotFound(err) {
		diags.AddAttributeError(path.Root("custom").AtListIndex(0).AtName("type_id"), "Unknown custom type",
			fmt.Sprintf("No type with id %q exists in project %s.", typeID, c.ProjectKey()))
		return nil, diags
	}
	if err != nil {
		diags.AddError("Unable to read the custom type "+typeID, err.Error())
		return nil, diags
	}
	return t, diags
}

// encode turns the strings of the configuration into API values for the Type's fields.
func encode(t *Type, fields map[string]string) (platform.FieldContainer, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := platform.FieldContainer{}
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		def := t.Field(name)
		at := path.Root("custom").AtListIndex(0).AtName("fields").AtMapKey(name)
		if def == nil {
			var names []string
			for _, d := range t.FieldDefinitions {
				names = append(names, d.Name)
			}
			diags.AddAttributeError(at, "Unknown custom field",
				fmt.Sprintf("The type %q has no field named %q. Its fields are: %s.", t.Key, name, strings.Join(names, ", ")))
			continue
		}
		v, err := Encode(def.Type, fields[name])
		if err != nil {
			diags.AddAttributeError(at, "Invalid custom field value",
				fmt.Sprintf("The value %q of field %q (type %s): %s.", fields[name], name, describe(def.Type), err))
			continue
		}
		out[name] = v
	}
	return out, diags
}

func describe(t FieldType) string {
	if t.Name == "Set" && t.ElementType != nil {
		return "Set of " + describe(*t.ElementType)
	}
	return t.Name
}

// Encode turns one configured string into the API value for a field of type t.
func Encode(t FieldType, s string) (any, error) {
	switch t.Name {
	case "String", "Enum", "LocalizedEnum", "Date", "Time", "DateTime":
		return s, nil
	case "Boolean":
		b, err := strconv.ParseBool(s)
		if err != nil {
			return nil, fmt.Errorf(`a boolean field takes "true" or "false"`)
		}
		return b, nil
	case "Number":
		if _, err := strconv.ParseFloat(s, 64); err != nil {
			return nil, fmt.Errorf(`a number field takes a number such as "12000" or "1.5"`)
		}
		return json.Number(s), nil
	}
	var v any
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("a %s field takes JSON (use jsonencode): %w", describe(t), err)
	}
	return v, nil
}

// Decode renders an API value as the string the configuration holds: text as it is, anything
// else as compact JSON (object keys sorted, like jsonencode).
func Decode(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// equivalent reports whether two configured strings mean the same API value: equal text, or
// equal JSON (numbers compared by value, whitespace and key order ignored).
func equivalent(a, b string) bool {
	if a == b {
		return true
	}
	var va, vb any
	if json.Unmarshal([]byte(a), &va) != nil || json.Unmarshal([]byte(b), &vb) != nil {
		return false
	}
	return reflect.DeepEqual(va, vb)
}

// Draft returns the CustomFieldsDraft of a block, nil when it is absent.
func Draft(ctx context.Context, c *client.Client, l []Model) (*platform.CustomFieldsDraft, diag.Diagnostics) {
	m := one(l)
	if m == nil || !flex.Known(m.TypeID) {
		return nil, nil
	}
	t, diags := lookup(ctx, c, m.TypeID.ValueString())
	if diags.HasError() {
		return nil, diags
	}
	fields, d := encode(t, flex.StringMap(m.Fields))
	diags.Append(d...)
	id := t.ID
	out := &platform.CustomFieldsDraft{Type: platform.TypeResourceIdentifier{ID: &id}}
	if len(fields) > 0 {
		out.Fields = &fields
	}
	return out, diags
}

// Flatten renders the API's custom fields as a block. A prior value that means the same as the
// API's (a number written "12000.0", JSON with other spacing) is kept, so it plans nothing.
func Flatten(remote *platform.CustomFields, prior []Model) []Model {
	if remote == nil || remote.Type.ID == "" {
		return []Model{}
	}
	old := map[string]string{}
	if p := one(prior); p != nil {
		old = flex.StringMap(p.Fields)
	}
	fields := make(map[string]string, len(remote.Fields))
	for k, v := range remote.Fields {
		s := Decode(v)
		if o, ok := old[k]; ok && equivalent(o, s) {
			s = o
		}
		fields[k] = s
	}
	m := Model{TypeID: types.StringValue(remote.Type.ID), Fields: flex.StringMapValue(fields)}
	if p := one(prior); p != nil && len(fields) == 0 && p.Fields.IsNull() {
		m.Fields = p.Fields
	}
	return []Model{m}
}

// Actions returns the update actions that take a resource's custom fields from "from" to "to":
// setType (type nil removes them) when the type changes or the block appears or goes, else one
// setField per changed field (value nil removes it).
func Actions[A any](ctx context.Context, c *client.Client, from, to []Model,
	setType func(t *platform.TypeResourceIdentifier, fields *platform.FieldContainer) A,
	setField func(name string, value any) A,
) ([]A, diag.Diagnostics) {
	f, t := one(from), one(to)
	switch {
	case f == nil && t == nil:
		return nil, nil
	case t == nil:
		return []A{setType(nil, nil)}, nil
	case f == nil || f.TypeID.ValueString() != t.TypeID.ValueString():
		d, diags := Draft(ctx, c, to)
		if diags.HasError() || d == nil {
			return nil, diags
		}
		return []A{setType(&d.Type, d.Fields)}, diags
	}
	old, next := flex.StringMap(f.Fields), flex.StringMap(t.Fields)
	var changed, removed []string
	for _, k := range slices.Sorted(maps.Keys(next)) {
		if o, ok := old[k]; !ok || !equivalent(o, next[k]) {
			changed = append(changed, k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(old)) {
		if _, ok := next[k]; !ok {
			removed = append(removed, k)
		}
	}
	if len(changed) == 0 && len(removed) == 0 {
		return nil, nil
	}
	var out []A
	var diags diag.Diagnostics
	if len(changed) > 0 {
		typ, d := lookup(ctx, c, t.TypeID.ValueString())
		if d.HasError() {
			return nil, d
		}
		sub := make(map[string]string, len(changed))
		for _, k := range changed {
			sub[k] = next[k]
		}
		values, d := encode(typ, sub)
		diags.Append(d...)
		for _, k := range changed {
			if v, ok := values[k]; ok {
				out = append(out, setField(k, v))
			}
		}
	}
	for _, k := range removed {
		out = append(out, setField(k, nil))
	}
	return out, diags
}

// JSONActions is Actions for families that send updates.Action values: setCustomType and
// setCustomField as the API names them.
func JSONActions(ctx context.Context, c *client.Client, from, to []Model) ([]updates.Action, diag.Diagnostics) {
	return Actions(ctx, c, from, to,
		func(t *platform.TypeResourceIdentifier, f *platform.FieldContainer) updates.Action {
			return updates.Act("setCustomType", "type", t, "fields", f)
		},
		func(name string, v any) updates.Action {
			return updates.Act("setCustomField", "name", name, "value", v)
		})
}
