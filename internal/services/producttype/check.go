package producttype

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/enums"
)

// check refuses at plan time, with the attribute named, what the API would refuse (a type block
// with fields of another type, a required set, a constraint where only None is allowed, a
// searchable nested attribute, repeated names and enum keys) and what it could only do by
// deleting product data without the attribute's opt-in. Values not known yet are checked once
// they are.
func check(_ context.Context, state, plan *model) diag.Diagnostics {
	var diags diag.Diagnostics
	root := path.Root("attribute")
	seen := map[string]bool{}
	for i, a := range plan.Attribute {
		at := root.AtListIndex(i)
		name := a.Name.ValueString()
		if !a.Name.IsUnknown() && seen[name] {
			diags.AddAttributeError(at.AtName("name"), "Duplicate attribute name",
				fmt.Sprintf("The product type declares the attribute %q more than once; attribute names are unique in a product type.", name))
		}
		seen[name] = true
		t := a.typeOf()
		checkType(&diags, at.AtName("type").AtListIndex(0), name, typeFields{t.Name, t.ReferenceTypeID, t.TypeReference, len(t.Value), len(t.LocalizedValue), len(t.ElementType)})
		for _, e := range t.ElementType {
			if e.Name.ValueString() == "set" {
				continue // refused by the schema
			}
			checkType(&diags, at.AtName("type").AtListIndex(0).AtName("element_type").AtListIndex(0), name,
				typeFields{e.Name, e.ReferenceTypeID, e.TypeReference, len(e.Value), len(e.LocalizedValue), 0})
		}
		if !enums.KnownKeys(t.Value, t.LocalizedValue) || len(t.ElementType) > 0 && !enums.KnownKeys(t.ElementType[0].Value, t.ElementType[0].LocalizedValue) {
			continue
		}
		d := a.definition()
		if values, _, _ := enumOf(d.Type); enums.Duplicate(values) != "" {
			diags.AddAttributeError(at.AtName("type"), "Duplicate enum value",
				fmt.Sprintf("Attribute %q lists the enum value %q more than once.", name, enums.Duplicate(values)))
		}
		nested := d.Type.Name == "nested" || d.Type.ElementType != nil && d.Type.ElementType.Name == "nested"
		switch {
		case d.Type.Name == "set" && a.Required.ValueBool():
			diags.AddAttributeError(at.AtName("required"), "A set cannot be required",
				fmt.Sprintf("Attribute %q is a set, and the API does not support required = true for sets.", name))
		case !a.Constraint.IsUnknown() && d.Constraint != "None" && d.Level == "Product":
			diags.AddAttributeError(at.AtName("constraint"), "Product-level attributes take no constraint",
				fmt.Sprintf("Attribute %q has level = \"Product\", which allows only constraint = \"None\", not %q.", name, d.Constraint))
		case !a.Constraint.IsUnknown() && d.Constraint != "None" && nested:
			diags.AddAttributeError(at.AtName("constraint"), "Nested attributes take no constraint",
				fmt.Sprintf("Attribute %q is of type %s, which allows only constraint = \"None\", not %q.", name, describe(d.Type), d.Constraint))
		case d.IsSearchable && nested:
			diags.AddAttributeError(at.AtName("searchable"), "Nested attributes cannot be searchable",
				fmt.Sprintf("Attribute %q is of type %s, which the API does not index: remove searchable = true.", name, describe(d.Type)))
		}
	}
	if state == nil {
		return diags
	}
	prior := make(map[string]attributeModel, len(state.Attribute))
	for _, a := range state.Attribute {
		prior[a.Name.ValueString()] = a
	}
	for i, a := range plan.Attribute {
		old, ok := prior[a.Name.ValueString()]
		if !ok || !known(a) {
			continue
		}
		why := recreation(old.definition(), a.definition())
		if why == "" || a.AllowRecreate.ValueBool() {
			continue
		}
		diags.AddAttributeError(root.AtListIndex(i), fmt.Sprintf("Attribute %q cannot be changed in place", a.Name.ValueString()),
			fmt.Sprintf("In attribute %q %s. commercetools can make this change only by removing the attribute and adding it again, and "+
				"removing it deletes its values on every product of this product type.\n\n"+
				"To accept that, add %s = true to the attribute block: the attribute is removed in one request and added in the next. "+
				"To keep the values, add an attribute with another name instead, or keep this one as it is.",
				a.Name.ValueString(), why, optInName))
	}
	return diags
}

// typeFields are the fields of a type block that depend on its name.
type typeFields struct {
	name, ref, nested                types.String
	values, localizedValues, element int
}

// checkType refuses a type block whose fields belong to another type, or that lacks one its
// type needs.
func checkType(diags *diag.Diagnostics, at path.Path, attr string, t typeFields) {
	if t.name.IsUnknown() {
		return
	}
	n := t.name.ValueString()
	need := func(ok bool, field, what string) {
		if !ok {
			diags.AddAttributeError(at.AtName(field), "Missing "+field,
				fmt.Sprintf("Attribute %q is of type %s, which needs %s.", attr, n, what))
		}
	}
	forbid := func(set bool, field, only string) {
		if set {
			diags.AddAttributeError(at.AtName(field), "Unexpected "+field,
				fmt.Sprintf("Attribute %q is of type %s; %s applies to type %s only.", attr, n, field, only))
		}
	}
	given := func(v types.String) bool { return v.IsUnknown() || !v.IsNull() && v.ValueString() != "" }
	switch n {
	case "reference":
		need(given(t.ref), "reference_type_id", "reference_type_id (the resource type referenced)")
	case "nested":
		need(given(t.nested), "type_reference", "type_reference (the id of the product type it nests)")
	case "set":
		need(t.element > 0, "element_type", "an element_type block")
	}
	forbid(n != "reference" && given(t.ref), "reference_type_id", "reference")
	forbid(n != "nested" && given(t.nested), "type_reference", "nested")
	forbid(n != "enum" && t.values > 0, "value", "enum")
	forbid(n != "lenum" && t.localizedValues > 0, "localized_value", "lenum")
	forbid(n != "set" && t.element > 0, "element_type", "set")
}

// known reports whether everything that decides whether an attribute must be recreated is known.
func known(a attributeModel) bool {
	if a.Name.IsUnknown() || a.Required.IsUnknown() || a.Level.IsUnknown() || a.Constraint.IsUnknown() || len(a.Type) == 0 {
		return false
	}
	t := a.Type[0]
	ok := !t.Name.IsUnknown() && !t.ReferenceTypeID.IsUnknown() && !t.TypeReference.IsUnknown()
	for _, e := range t.ElementType {
		ok = ok && !e.Name.IsUnknown() && !e.ReferenceTypeID.IsUnknown() && !e.TypeReference.IsUnknown()
	}
	return ok
}
