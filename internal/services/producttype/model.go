package producttype

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/enums"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// productType is a ProductType as the API returns it. The SDK's type decodes attribute types
// through interfaces; this one decodes a product type with a thousand enum values directly,
// and knows the reference type ids the SDK lacks.
type productType struct {
	ID          string       `json:"id"`
	Version     int64        `json:"version"`
	CreatedAt   time.Time    `json:"createdAt"`
	Key         string       `json:"key,omitempty"`
	Name        string       `json:"name"`
	Description string       `json:"description"`
	Attributes  []definition `json:"attributes"`
}

// definition is an AttributeDefinition, and (with every field set) the AttributeDefinitionDraft
// the provider sends.
type definition struct {
	Type         attributeType     `json:"type"`
	Name         string            `json:"name"`
	Label        map[string]string `json:"label"`
	IsRequired   bool              `json:"isRequired"`
	Level        string            `json:"level,omitempty"`
	Constraint   string            `json:"attributeConstraint,omitempty"`
	InputTip     map[string]string `json:"inputTip,omitempty"`
	InputHint    string            `json:"inputHint,omitempty"`
	IsSearchable bool              `json:"isSearchable"`
}

// attributeType is an AttributeType, discriminated by Name.
type attributeType struct {
	Name            string         `json:"name"`
	Values          enums.Values   `json:"values,omitzero"`
	ReferenceTypeID string         `json:"referenceTypeId,omitempty"`
	TypeReference   *typeReference `json:"typeReference,omitempty"`
	ElementType     *attributeType `json:"elementType,omitempty"`
}

// typeReference is the ProductTypeReference of a nested type.
type typeReference struct {
	TypeID string `json:"typeId"`
	ID     string `json:"id"`
}

// productTypeDraft is ProductTypeDraft; the API requires description, so "" stands for none.
type productTypeDraft struct {
	Key         string       `json:"key,omitempty"`
	Name        string       `json:"name"`
	Description string       `json:"description"`
	Attributes  []definition `json:"attributes"`
}

type action = updates.Action

// model is the state of commercetools_product_type, with the incumbent's names.
type model struct {
	versioned.Common
	Name        types.String     `tfsdk:"name"`
	Description types.String     `tfsdk:"description"`
	Attribute   []attributeModel `tfsdk:"attribute"`
}

type attributeModel struct {
	Name          types.String `tfsdk:"name"`
	Label         types.Map    `tfsdk:"label"`
	Required      types.Bool   `tfsdk:"required"`
	Level         types.String `tfsdk:"level"`
	Constraint    types.String `tfsdk:"constraint"`
	InputTip      types.Map    `tfsdk:"input_tip"`
	InputHint     types.String `tfsdk:"input_hint"`
	Searchable    types.Bool   `tfsdk:"searchable"`
	AllowRecreate types.Bool   `tfsdk:"allow_recreate_deleting_values"`
	Type          []typeModel  `tfsdk:"type"`
}

type typeModel struct {
	Name            types.String       `tfsdk:"name"`
	ReferenceTypeID types.String       `tfsdk:"reference_type_id"`
	TypeReference   types.String       `tfsdk:"type_reference"`
	Value           []enums.Plain      `tfsdk:"value"`
	LocalizedValue  []enums.Localized  `tfsdk:"localized_value"`
	ElementType     []elementTypeModel `tfsdk:"element_type"`
}

type elementTypeModel struct {
	Name            types.String      `tfsdk:"name"`
	ReferenceTypeID types.String      `tfsdk:"reference_type_id"`
	TypeReference   types.String      `tfsdk:"type_reference"`
	Value           []enums.Plain     `tfsdk:"value"`
	LocalizedValue  []enums.Localized `tfsdk:"localized_value"`
}

// simple builds a non-set attribute type from the fields its blocks share.
func simple(name, ref, nested types.String, values []enums.Plain, lvalues []enums.Localized) attributeType {
	out := attributeType{Name: name.ValueString()}
	switch out.Name {
	case "enum":
		out.Values = enums.FromPlain(values)
	case "lenum":
		out.Values = enums.FromLocalized(lvalues)
	case "reference":
		out.ReferenceTypeID = ref.ValueString()
	case "nested":
		out.TypeReference = &typeReference{TypeID: "product-type", ID: nested.ValueString()}
	}
	return out
}

func (t typeModel) api() attributeType {
	out := simple(t.Name, t.ReferenceTypeID, t.TypeReference, t.Value, t.LocalizedValue)
	if out.Name == "set" && len(t.ElementType) > 0 {
		e := t.ElementType[0]
		et := simple(e.Name, e.ReferenceTypeID, e.TypeReference, e.Value, e.LocalizedValue)
		out.ElementType = &et
	}
	return out
}

func (a attributeModel) typeOf() typeModel {
	if len(a.Type) == 0 {
		return typeModel{}
	}
	return a.Type[0]
}

// definition is the attribute as the API writes it; every default is sent explicitly (the
// API's default for isSearchable is true, the configuration's false).
func (a attributeModel) definition() definition {
	return definition{
		Type: a.typeOf().api(), Name: a.Name.ValueString(), Label: flex.Localized(a.Label), IsRequired: a.Required.ValueBool(),
		Level: a.Level.ValueString(), Constraint: a.Constraint.ValueString(), InputTip: flex.Localized(a.InputTip),
		InputHint: a.InputHint.ValueString(), IsSearchable: a.Searchable.ValueBool(),
	}
}

func draft(_ context.Context, _ *client.Client, m *model) (any, diag.Diagnostics) {
	d := productTypeDraft{Key: m.Key.ValueString(), Name: m.Name.ValueString(), Description: m.Description.ValueString(),
		Attributes: make([]definition, 0, len(m.Attribute))}
	for _, a := range m.Attribute {
		d.Attributes = append(d.Attributes, a.definition())
	}
	return d, nil
}

func flatten(_ context.Context, _ *client.Client, pt *productType, m *model) diag.Diagnostics {
	var diags diag.Diagnostics
	optIn := make(map[string]types.Bool, len(m.Attribute))
	for _, a := range m.Attribute {
		optIn[a.Name.ValueString()] = a.AllowRecreate
	}
	m.Key = flex.NonEmpty(pt.Key)
	m.Name = types.StringValue(pt.Name)
	m.Description = flex.NonEmpty(pt.Description)
	attrs := make([]attributeModel, 0, len(pt.Attributes))
	for _, d := range pt.Attributes {
		t, err := flattenType(d.Type)
		if err != nil {
			diags.AddError("Unexpected attribute type from commercetools",
				fmt.Sprintf("Attribute %q of product type %q: %s.", d.Name, pt.Name, err))
		}
		allow, ok := optIn[d.Name]
		if !ok {
			allow = types.BoolNull()
		}
		attrs = append(attrs, attributeModel{
			Name: types.StringValue(d.Name), Label: flex.LocalizedValue(d.Label), Required: types.BoolValue(d.IsRequired),
			Level: types.StringValue(orDefault(d.Level, "Variant")), Constraint: types.StringValue(orDefault(d.Constraint, "None")),
			InputTip: flex.LocalizedValue(d.InputTip), InputHint: types.StringValue(orDefault(d.InputHint, "SingleLine")),
			Searchable: types.BoolValue(d.IsSearchable), AllowRecreate: allow, Type: []typeModel{t},
		})
	}
	m.Attribute = attrs
	return diags
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func flattenType(t attributeType) (typeModel, error) {
	e, err := flattenSimple(t)
	out := typeModel{Name: e.Name, ReferenceTypeID: e.ReferenceTypeID, TypeReference: e.TypeReference, Value: e.Value,
		LocalizedValue: e.LocalizedValue, ElementType: []elementTypeModel{}}
	if t.Name == "set" && t.ElementType != nil {
		if t.ElementType.Name == "set" {
			return out, fmt.Errorf("it is a set of sets, which this provider version cannot manage yet")
		}
		et, eerr := flattenSimple(*t.ElementType)
		if err == nil {
			err = eerr
		}
		out.ElementType = []elementTypeModel{et}
	}
	return out, err
}

func flattenSimple(t attributeType) (elementTypeModel, error) {
	out := elementTypeModel{Name: types.StringValue(t.Name), ReferenceTypeID: flex.NonEmpty(t.ReferenceTypeID),
		TypeReference: types.StringNull(), Value: []enums.Plain{}, LocalizedValue: []enums.Localized{}}
	if t.TypeReference != nil {
		out.TypeReference = flex.NonEmpty(t.TypeReference.ID)
	}
	var err error
	switch t.Name {
	case "enum":
		out.Value, err = enums.ToPlain(t.Values)
	case "lenum":
		out.LocalizedValue, err = enums.ToLocalized(t.Values)
	}
	return out, err
}

func attributeName(a attributeModel) string { return a.Name.ValueString() }

// enumOf returns the enum values of an attribute type (its own, or its set elements'); localized
// says which kind, ok whether it has enum values at all.
func enumOf(t attributeType) (values enums.Values, localized, ok bool) {
	if t.Name == "set" && t.ElementType != nil {
		t = *t.ElementType
	}
	switch t.Name {
	case "enum":
		return t.Values, false, true
	case "lenum":
		return t.Values, true, true
	}
	return nil, false, false
}

// sameShape reports whether two attribute types are the same for the API, enum values aside.
func sameShape(a, b attributeType) bool {
	if a.Name != b.Name || a.ReferenceTypeID != b.ReferenceTypeID || (a.TypeReference == nil) != (b.TypeReference == nil) ||
		a.TypeReference != nil && a.TypeReference.ID != b.TypeReference.ID {
		return false
	}
	if a.ElementType == nil || b.ElementType == nil {
		return a.ElementType == nil && b.ElementType == nil
	}
	return sameShape(*a.ElementType, *b.ElementType)
}

// describe names an attribute type in messages: "set of enum", "reference (product)".
func describe(t attributeType) string {
	s := t.Name
	if t.Name == "reference" {
		s += " (" + t.ReferenceTypeID + ")"
	}
	if t.TypeReference != nil {
		s += " (product type " + t.TypeReference.ID + ")"
	}
	if t.ElementType != nil {
		s += " of " + describe(*t.ElementType)
	}
	return s
}

// recreation says why the API can change an attribute only by removing it and adding it again,
// or "" when it can change it in place.
func recreation(old, next definition) string {
	switch {
	case !sameShape(old.Type, next.Type):
		return fmt.Sprintf("its type would change from %s to %s", describe(old.Type), describe(next.Type))
	case old.Level != next.Level:
		return fmt.Sprintf("its level would change from %s to %s", old.Level, next.Level)
	case old.IsRequired != next.IsRequired:
		return fmt.Sprintf("required would change from %t to %t", old.IsRequired, next.IsRequired)
	case old.Constraint != next.Constraint && !relaxable(old.Constraint, next.Constraint):
		return fmt.Sprintf("its constraint would change from %s to %s (in place, only Unique and SameForAll can become None)", old.Constraint, next.Constraint)
	}
	return ""
}

// relaxable reports whether the API can change a constraint in place: only Unique and SameForAll
// to None.
func relaxable(from, to string) bool {
	return to == "None" && (from == "SameForAll" || from == "Unique")
}

// actions computes the update actions from one product type to another: key, name and
// description; removed attributes (and those recreated); the in-place changes of the others;
// added attributes (and the recreated ones again, which stages puts in a later request); and
// one order action when the order differs from what removing and appending leave.
func actions(_ context.Context, _ *client.Client, from, to *model) ([]action, diag.Diagnostics) {
	var out []action
	if k := to.Key.ValueString(); k != from.Key.ValueString() {
		out = append(out, updates.Act("setKey", "key", flex.String(to.Key)))
	}
	if n := to.Name.ValueString(); n != from.Name.ValueString() {
		out = append(out, updates.Act("changeName", "name", n))
	}
	if d := to.Description.ValueString(); d != from.Description.ValueString() {
		out = append(out, updates.Act("changeDescription", "description", d))
	}
	planned := make(map[string]attributeModel, len(to.Attribute))
	for _, a := range to.Attribute {
		planned[a.Name.ValueString()] = a
	}
	var kept []attributeModel // the state's attributes that are not recreated
	var recreated []string
	for _, a := range from.Attribute {
		if p, ok := planned[a.Name.ValueString()]; ok && recreation(a.definition(), p.definition()) != "" {
			recreated = append(recreated, a.Name.ValueString())
			continue
		}
		kept = append(kept, a)
	}
	diff := updates.Diff(kept, to.Attribute, attributeName)
	for _, a := range diff.Removed {
		out = append(out, updates.Act("removeAttributeDefinition", "name", a.Name.ValueString()))
	}
	for _, name := range recreated {
		out = append(out, updates.Act("removeAttributeDefinition", "name", name))
	}
	for _, p := range diff.Kept {
		out = append(out, attributeActions(p.Old.definition(), p.New.definition())...)
	}
	for _, a := range diff.Added {
		out = append(out, updates.Act("addAttributeDefinition", "attribute", a.definition()))
	}
	if diff.Order != nil {
		out = append(out, updates.Act("changeAttributeOrderByName", "attributeNames", diff.Order))
	}
	return out, nil
}

// attributeActions are the in-place changes of one attribute.
func attributeActions(old, next definition) []action {
	var out []action
	name := next.Name
	if !flex.SameLocalized(old.Label, next.Label) {
		out = append(out, updates.Act("changeLabel", "attributeName", name, "label", next.Label))
	}
	if !flex.SameLocalized(old.InputTip, next.InputTip) {
		out = append(out, updates.Act("setInputTip", "attributeName", name, "inputTip", next.InputTip))
	}
	if old.InputHint != next.InputHint {
		out = append(out, updates.Act("changeInputHint", "attributeName", name, "newValue", next.InputHint))
	}
	if old.IsSearchable != next.IsSearchable {
		out = append(out, updates.Act("changeIsSearchable", "attributeName", name, "isSearchable", next.IsSearchable))
	}
	if old.Constraint != next.Constraint {
		out = append(out, updates.Act("changeAttributeConstraint", "attributeName", name, "newValue", next.Constraint))
	}
	ov, _, _ := enumOf(old.Type)
	nv, localized, ok := enumOf(next.Type)
	if !ok {
		return out
	}
	kind := "Plain"
	if localized {
		kind = "Localized"
	}
	c := enums.Diff(ov, nv, localized)
	if len(c.Removed) > 0 {
		out = append(out, updates.Act("removeEnumValues", "attributeName", name, "keys", c.Removed))
	}
	for _, v := range c.Added {
		out = append(out, updates.Act("add"+kind+"EnumValue", "attributeName", name, "value", v))
	}
	for _, v := range c.Relabelled {
		out = append(out, updates.Act("change"+kind+"EnumValueLabel", "attributeName", name, "newValue", v))
	}
	if c.Order != nil {
		out = append(out, updates.Act("change"+kind+"EnumValueOrder", "attributeName", name, "values", c.Order))
	}
	return out
}

// stages puts everything from the first attribute added again after its removal into a later
// request: the API removes an attribute's values eventually and asks for the two to be apart.
func stages(actions []action) [][]action {
	removed := map[string]bool{}
	for i, a := range actions {
		switch a["action"] {
		case "removeAttributeDefinition":
			removed[fmt.Sprint(a["name"])] = true
		case "addAttributeDefinition":
			if d, ok := a["attribute"].(definition); ok && removed[d.Name] {
				return [][]action{actions[:i], actions[i:]}
			}
		}
	}
	return [][]action{actions}
}
