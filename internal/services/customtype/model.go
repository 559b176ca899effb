package customtype

import (
	"context"
	"fmt"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/enums"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/customfields"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// model is the state of commercetools_type, with the incumbent's attribute and block names.
type model struct {
	versioned.Common
	Name            types.Map    `tfsdk:"name"`
	Description     types.Map    `tfsdk:"description"`
	ResourceTypeIDs types.List   `tfsdk:"resource_type_ids"`
	Field           []fieldModel `tfsdk:"field"`
}

type fieldModel struct {
	Name      types.String `tfsdk:"name"`
	Label     types.Map    `tfsdk:"label"`
	Required  types.Bool   `tfsdk:"required"`
	InputHint types.String `tfsdk:"input_hint"`
	Type      []typeModel  `tfsdk:"type"`
}

type typeModel struct {
	Name            types.String       `tfsdk:"name"`
	ReferenceTypeID types.String       `tfsdk:"reference_type_id"`
	Value           []enums.Plain      `tfsdk:"value"`
	LocalizedValue  []enums.Localized  `tfsdk:"localized_value"`
	ElementType     []elementTypeModel `tfsdk:"element_type"`
}

type elementTypeModel struct {
	Name            types.String      `tfsdk:"name"`
	ReferenceTypeID types.String      `tfsdk:"reference_type_id"`
	Value           []enums.Plain     `tfsdk:"value"`
	LocalizedValue  []enums.Localized `tfsdk:"localized_value"`
}

// typeDraft is TypeDraft; fieldDefinitions is always sent, as an array.
type typeDraft struct {
	Key              string                         `json:"key"`
	Name             map[string]string              `json:"name"`
	Description      map[string]string              `json:"description,omitempty"`
	ResourceTypeIDs  []string                       `json:"resourceTypeIds"`
	FieldDefinitions []customfields.FieldDefinition `json:"fieldDefinitions"`
}

// apiType is the field type of the model as the API writes it.
func (t typeModel) apiType() customfields.FieldType {
	out := simpleType(t.Name, t.ReferenceTypeID, t.Value, t.LocalizedValue)
	if out.Name == "Set" && len(t.ElementType) > 0 {
		e := t.ElementType[0]
		et := simpleType(e.Name, e.ReferenceTypeID, e.Value, e.LocalizedValue)
		out.ElementType = &et
	}
	return out
}

func simpleType(name, ref types.String, values []enums.Plain, lvalues []enums.Localized) customfields.FieldType {
	out := customfields.FieldType{Name: name.ValueString()}
	switch out.Name {
	case "Enum":
		out.Values = enums.FromPlain(values)
	case "LocalizedEnum":
		out.Values = enums.FromLocalized(lvalues)
	case "Reference":
		out.ReferenceTypeID = ref.ValueString()
	}
	return out
}

func (f fieldModel) typeOf() typeModel {
	if len(f.Type) == 0 {
		return typeModel{}
	}
	return f.Type[0]
}

func (f fieldModel) definition() customfields.FieldDefinition {
	return customfields.FieldDefinition{
		Name: f.Name.ValueString(), Label: flex.Localized(f.Label), Required: f.Required.ValueBool(),
		InputHint: f.InputHint.ValueString(), Type: f.typeOf().apiType(),
	}
}

func draft(_ context.Context, _ *client.Client, m *model) (any, diag.Diagnostics) {
	d := typeDraft{
		Key: m.Key.ValueString(), Name: flex.Localized(m.Name), Description: flex.Localized(m.Description),
		ResourceTypeIDs: flex.Strings(m.ResourceTypeIDs), FieldDefinitions: []customfields.FieldDefinition{},
	}
	for _, f := range m.Field {
		d.FieldDefinitions = append(d.FieldDefinitions, f.definition())
	}
	return d, nil
}

func flatten(_ context.Context, _ *client.Client, t *customfields.Type, m *model) diag.Diagnostics {
	var diags diag.Diagnostics
	m.Key = types.StringValue(t.Key)
	m.Name = flex.LocalizedValue(t.Name)
	m.Description = flex.LocalizedValue(t.Description)
	m.ResourceTypeIDs = flex.StringList(t.ResourceTypeIDs)
	m.Field = make([]fieldModel, 0, len(t.FieldDefinitions))
	for _, d := range t.FieldDefinitions {
		hint := d.InputHint
		if hint == "" {
			hint = "SingleLine"
		}
		tm, err := flattenType(d.Type)
		if err != nil {
			diags.AddError("Unexpected field type from commercetools",
				fmt.Sprintf("Field %q of type %q: %s. This provider version may predate the field type; please report it.", d.Name, t.Key, err))
		}
		m.Field = append(m.Field, fieldModel{
			Name: types.StringValue(d.Name), Label: flex.LocalizedValue(d.Label), Required: types.BoolValue(d.Required),
			InputHint: types.StringValue(hint), Type: []typeModel{tm},
		})
	}
	return diags
}

func flattenType(t customfields.FieldType) (typeModel, error) {
	name, ref, values, lvalues, err := flattenSimple(t)
	out := typeModel{Name: name, ReferenceTypeID: ref, Value: values, LocalizedValue: lvalues, ElementType: []elementTypeModel{}}
	if t.Name == "Set" && t.ElementType != nil {
		en, eref, ev, elv, eerr := flattenSimple(*t.ElementType)
		if err == nil {
			err = eerr
		}
		out.ElementType = []elementTypeModel{{Name: en, ReferenceTypeID: eref, Value: ev, LocalizedValue: elv}}
	}
	return out, err
}

func flattenSimple(t customfields.FieldType) (types.String, types.String, []enums.Plain, []enums.Localized, error) {
	values, lvalues := []enums.Plain{}, []enums.Localized{}
	var err error
	switch t.Name {
	case "Enum":
		values, err = enums.ToPlain(t.Values)
	case "LocalizedEnum":
		lvalues, err = enums.ToLocalized(t.Values)
	}
	return types.StringValue(t.Name), flex.NonEmpty(t.ReferenceTypeID), values, lvalues, err
}

func fieldKey(f fieldModel) string { return f.Name.ValueString() }

// sameType reports whether two field types are the same for the API (enum values aside).
func sameType(a, b customfields.FieldType) bool {
	if a.Name != b.Name || a.ReferenceTypeID != b.ReferenceTypeID {
		return false
	}
	if a.ElementType == nil || b.ElementType == nil {
		return a.ElementType == nil && b.ElementType == nil
	}
	return sameType(*a.ElementType, *b.ElementType)
}

// enumOf returns the enum values of a field (its own, or its set elements'); localized says
// which kind they are, ok whether the field has enum values at all.
func enumOf(t customfields.FieldType) (values customfields.EnumValues, localized, ok bool) {
	if t.Name == "Set" && t.ElementType != nil {
		t = *t.ElementType
	}
	switch t.Name {
	case "Enum":
		return t.Values, false, true
	case "LocalizedEnum":
		return t.Values, true, true
	}
	return nil, false, false
}

// stringBased reports whether input_hint means anything for a type.
func stringBased(t customfields.FieldType) bool {
	switch t.Name {
	case "String", "LocalizedString":
		return true
	case "Set":
		return t.ElementType != nil && stringBased(*t.ElementType)
	}
	return false
}

// actions computes the update actions: removed fields, added fields, label and input hint
// changes, new enum values, relabelled ones and their order, and the order of the fields.
// Changes the API cannot make are refused by check before they get here.
func actions(_ context.Context, _ *client.Client, from, to *model) ([]platform.TypeUpdateAction, diag.Diagnostics) {
	var out []platform.TypeUpdateAction
	if k := to.Key.ValueString(); k != from.Key.ValueString() {
		out = append(out, platform.TypeChangeKeyAction{Key: k})
	}
	if n := flex.Localized(to.Name); n != nil && !flex.SameLocalized(n, flex.Localized(from.Name)) {
		out = append(out, platform.TypeChangeNameAction{Name: n})
	}
	if d := flex.Localized(to.Description); !flex.SameLocalized(d, flex.Localized(from.Description)) {
		a := platform.TypeSetDescriptionAction{}
		if d != nil {
			ls := platform.LocalizedString(d)
			a.Description = &ls
		}
		out = append(out, a)
	}
	diff := updates.Diff(from.Field, to.Field, fieldKey)
	for _, f := range diff.Removed {
		out = append(out, platform.TypeRemoveFieldDefinitionAction{FieldName: f.Name.ValueString()})
	}
	for _, f := range diff.Added {
		d := f.definition()
		hint := platform.TypeTextInputHint(d.InputHint)
		out = append(out, platform.TypeAddFieldDefinitionAction{FieldDefinition: platform.FieldDefinition{
			Type: d.Type, Name: d.Name, Label: d.Label, Required: d.Required, InputHint: &hint,
		}})
	}
	for _, p := range diff.Kept {
		out = append(out, fieldActions(p.Old.definition(), p.New.definition())...)
	}
	if diff.Order != nil {
		out = append(out, platform.TypeChangeFieldDefinitionOrderAction{FieldNames: diff.Order})
	}
	return out, nil
}

func fieldActions(old, next customfields.FieldDefinition) []platform.TypeUpdateAction {
	var out []platform.TypeUpdateAction
	name := next.Name
	if !flex.SameLocalized(old.Label, next.Label) {
		out = append(out, platform.TypeChangeLabelAction{FieldName: name, Label: next.Label})
	}
	if old.InputHint != next.InputHint && stringBased(next.Type) {
		out = append(out, platform.TypeChangeInputHintAction{FieldName: name, InputHint: platform.TypeTextInputHint(next.InputHint)})
	}
	if !sameType(old.Type, next.Type) {
		return out // refused at plan time
	}
	ov, _, _ := enumOf(old.Type)
	nv, localized, ok := enumOf(next.Type)
	if !ok {
		return out
	}
	c := enums.Diff(ov, nv, localized)
	for _, v := range c.Added {
		if localized {
			out = append(out, platform.TypeAddLocalizedEnumValueAction{FieldName: name, Value: localizedValue(v)})
		} else {
			out = append(out, platform.TypeAddEnumValueAction{FieldName: name, Value: plainValue(v)})
		}
	}
	for _, v := range c.Relabelled {
		if localized {
			out = append(out, platform.TypeChangeLocalizedEnumValueLabelAction{FieldName: name, Value: localizedValue(v)})
		} else {
			out = append(out, platform.TypeChangeEnumValueLabelAction{FieldName: name, Value: plainValue(v)})
		}
	}
	if c.Order != nil && len(c.Removed) == 0 {
		keys := make([]string, len(c.Order))
		for i, v := range c.Order {
			keys[i] = v.Key
		}
		if localized {
			out = append(out, platform.TypeChangeLocalizedEnumValueOrderAction{FieldName: name, Keys: keys})
		} else {
			out = append(out, platform.TypeChangeEnumValueOrderAction{FieldName: name, Keys: keys})
		}
	}
	return out
}

func plainValue(v customfields.EnumValue) platform.CustomFieldEnumValue {
	return platform.CustomFieldEnumValue{Key: v.Key, Label: v.PlainLabel()}
}

func localizedValue(v customfields.EnumValue) platform.CustomFieldLocalizedEnumValue {
	return platform.CustomFieldLocalizedEnumValue{Key: v.Key, Label: v.LocalizedLabel()}
}

// check refuses, at plan time and with the field named, the changes the API has no action
// for: a field's type, its required flag, the removal of an enum value, and an input hint on a
// field that is not text. Unknown values are skipped (they are checked once known).
func check(_ context.Context, state, plan *model) diag.Diagnostics {
	var diags diag.Diagnostics
	fieldsAt := path.Root("field")
	seen := map[string]bool{}
	for i, f := range plan.Field {
		n := f.Name.ValueString()
		if !f.Name.IsUnknown() && seen[n] {
			diags.AddAttributeError(fieldsAt.AtListIndex(i).AtName("name"), "Duplicate field name",
				fmt.Sprintf("The type declares the field %q more than once; field names are unique in a type.", n))
		}
		seen[n] = true
		if keys := duplicateEnumKeys(f); keys != "" {
			diags.AddAttributeError(fieldsAt.AtListIndex(i).AtName("type"), "Duplicate enum value",
				fmt.Sprintf("Field %q lists the enum value %q more than once.", n, keys))
		}
	}
	if state == nil {
		return diags
	}
	prior := map[string]fieldModel{}
	for _, f := range state.Field {
		prior[f.Name.ValueString()] = f
	}
	for i, f := range plan.Field {
		old, ok := prior[f.Name.ValueString()]
		if !ok || f.Name.IsUnknown() {
			continue
		}
		at := fieldsAt.AtListIndex(i)
		name := f.Name.ValueString()
		od, nd := old.definition(), f.definition()
		if !sameType(od.Type, nd.Type) {
			diags.AddAttributeError(at.AtName("type"), "The type of a field cannot be changed",
				fmt.Sprintf("Field %q is of type %s; the API cannot change it to %s. Remove the field in one apply (commercetools then "+
					"deletes its values on every resource that uses the type) and add it back in a later apply, or add a field "+
					"with another name.", name, describe(od.Type), describe(nd.Type)))
			continue
		}
		if !f.Required.IsUnknown() && od.Required != nd.Required {
			diags.AddAttributeError(at.AtName("required"), "Whether a field is required cannot be changed",
				fmt.Sprintf("Field %q has required = %t; the API cannot change that. Remove the field in one apply (its values are "+
					"deleted) and add it back in a later apply, or add a field with another name.", name, od.Required))
		}
		if !f.InputHint.IsUnknown() && od.InputHint != nd.InputHint && !stringBased(nd.Type) {
			diags.AddAttributeError(at.AtName("input_hint"), "The input hint of this field cannot be changed",
				fmt.Sprintf("Field %q is of type %s; input_hint applies to String and LocalizedString fields (and sets of them), "+
					"and the API cannot change it for other types. Keep %q.", name, describe(nd.Type), od.InputHint))
		}
		ov, _, _ := enumOf(od.Type)
		nv, _, _ := enumOf(nd.Type)
		if removed := enums.Diff(ov, nv, false).Removed; len(removed) > 0 && enumsKnown(f) {
			diags.AddAttributeError(at.AtName("type"), "Enum values cannot be removed",
				fmt.Sprintf("Field %q would lose the enum value %q, and the API cannot remove enum values. Keep it (you can "+
					"change its label or move it to the end), or remove the whole field in one apply and add it back in a later one "+
					"(its values are deleted).", name, removed[0]))
		}
	}
	return diags
}

func describe(t customfields.FieldType) string {
	s := t.Name
	if t.Name == "Reference" {
		s += " (" + t.ReferenceTypeID + ")"
	}
	if t.ElementType != nil {
		s += " of " + describe(*t.ElementType)
	}
	return s
}

// enumsKnown reports whether every enum key of a planned field is known.
func enumsKnown(f fieldModel) bool {
	t := f.typeOf()
	for _, e := range t.ElementType {
		if !enums.KnownKeys(e.Value, e.LocalizedValue) {
			return false
		}
	}
	return enums.KnownKeys(t.Value, t.LocalizedValue)
}

func duplicateEnumKeys(f fieldModel) string {
	values, _, _ := enumOf(f.typeOf().apiType())
	return enums.Duplicate(values)
}
