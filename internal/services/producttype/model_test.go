package producttype

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/enums"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
)

func plain(name string) []typeModel { return []typeModel{{Name: types.StringValue(name)}} }

func enumOfKeys(keys ...string) []typeModel {
	v := make([]enums.Plain, len(keys))
	for i, k := range keys {
		v[i] = enums.Plain{Key: types.StringValue(k), Label: types.StringValue(strings.ToUpper(k))}
	}
	return []typeModel{{Name: types.StringValue("enum"), Value: v}}
}

func attr(name string, t []typeModel, opts ...func(*attributeModel)) attributeModel {
	a := attributeModel{Name: types.StringValue(name), Label: flex.LocalizedValue(map[string]string{"en": name}),
		Required: types.BoolValue(false), Level: types.StringValue("Variant"), Constraint: types.StringValue("None"),
		InputTip: types.MapNull(types.StringType), InputHint: types.StringValue("SingleLine"), Searchable: types.BoolValue(false),
		AllowRecreate: types.BoolNull(), Type: t}
	for _, o := range opts {
		o(&a)
	}
	return a
}

func pt(attrs ...attributeModel) *model {
	m := &model{Name: types.StringValue("P"), Description: types.StringNull(), Attribute: attrs}
	m.Key = types.StringValue("p")
	return m
}

func summary(acts []action) string {
	var out []string
	for _, a := range acts {
		out = append(out, fmt.Sprint(a["action"]))
	}
	return strings.Join(out, ",")
}

func TestActions(t *testing.T) {
	base := pt(attr("a", plain("text")), attr("e", enumOfKeys("x", "y")))
	optIn := func(a *attributeModel) { a.AllowRecreate = types.BoolValue(true) }
	for _, tc := range []struct {
		name   string
		to     *model
		want   string
		stages int
	}{
		{"nothing", pt(attr("a", plain("text")), attr("e", enumOfKeys("x", "y"))), "", 1},
		{"append enum value", pt(attr("a", plain("text")), attr("e", enumOfKeys("x", "y", "z"))), "addPlainEnumValue", 1},
		{"enum value in front", pt(attr("a", plain("text")), attr("e", enumOfKeys("z", "x", "y"))), "addPlainEnumValue,changePlainEnumValueOrder", 1},
		{"enum value removed", pt(attr("a", plain("text")), attr("e", enumOfKeys("y"))), "removeEnumValues", 1},
		{"swap attributes", pt(attr("e", enumOfKeys("x", "y")), attr("a", plain("text"))), "changeAttributeOrderByName", 1},
		{"remove and add", pt(attr("e", enumOfKeys("x", "y")), attr("b", plain("number"))), "removeAttributeDefinition,addAttributeDefinition", 1},
		{"searchable, hint, tip, relaxed constraint", pt(attr("a", plain("text"), func(a *attributeModel) {
			a.Searchable = types.BoolValue(true)
			a.InputHint = types.StringValue("MultiLine")
			a.InputTip = flex.LocalizedValue(map[string]string{"en": "tip"})
		}), attr("e", enumOfKeys("x", "y"))), "setInputTip,changeInputHint,changeIsSearchable", 1},
		// The type of a changes: removed, then (in a later request) added at the end and moved back.
		{"recreate", pt(attr("a", plain("ltext"), optIn), attr("e", enumOfKeys("x", "y"))),
			"removeAttributeDefinition,addAttributeDefinition,changeAttributeOrderByName", 2},
		{"recreate last", pt(attr("a", plain("text")), attr("e", enumOfKeys("x", "y"), optIn, func(a *attributeModel) { a.Level = types.StringValue("Product") })),
			"removeAttributeDefinition,addAttributeDefinition", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			acts, diags := actions(context.Background(), nil, base, tc.to)
			if diags.HasError() {
				t.Fatal(diags)
			}
			if got := summary(acts); got != tc.want {
				t.Errorf("actions %q, want %q", got, tc.want)
			}
			if n := len(stages(acts)); len(acts) > 0 && n != tc.stages {
				t.Errorf("%d stages, want %d", n, tc.stages)
			}
		})
	}
}

func TestConstraintActions(t *testing.T) {
	with := func(c string) *model {
		return pt(attr("a", plain("text"), func(a *attributeModel) { a.Constraint = types.StringValue(c) }))
	}
	if got := summary(must(actions(context.Background(), nil, with("SameForAll"), with("None")))); got != "changeAttributeConstraint" {
		t.Errorf("SameForAll to None: %q", got)
	}
	// Anything else is a recreation (refused by check without the opt-in).
	if got := recreation(with("CombinationUnique").Attribute[0].definition(), with("None").Attribute[0].definition()); got == "" {
		t.Error("CombinationUnique to None must be a recreation")
	}
	if got := recreation(with("None").Attribute[0].definition(), with("Unique").Attribute[0].definition()); got == "" {
		t.Error("None to Unique must be a recreation")
	}
}

func must[T any](v T, _ any) T { return v }

// TestDraftDefaults: every default goes out explicitly, isSearchable false included (the
// API's own default is true); an empty description is sent as "".
func TestDraftDefaults(t *testing.T) {
	d, _ := draft(context.Background(), nil, pt(attr("a", plain("text"))))
	b, _ := json.Marshal(d)
	want := `{"key":"p","name":"P","description":"","attributes":[{"type":{"name":"text"},"name":"a","label":{"en":"a"},"isRequired":false,` +
		`"level":"Variant","attributeConstraint":"None","inputHint":"SingleLine","isSearchable":false}]}`
	if string(b) != want {
		t.Errorf("draft\n got %s\nwant %s", b, want)
	}
}

func TestCheck(t *testing.T) {
	state := pt(attr("a", plain("text")), attr("e", enumOfKeys("x", "y")))
	for _, tc := range []struct {
		name string
		plan *model
		want string
	}{
		{"fine", pt(attr("a", plain("text")), attr("e", enumOfKeys("x", "z"))), ""},
		{"type change", pt(attr("a", plain("number")), attr("e", enumOfKeys("x", "y"))), `its type would change from text to number`},
		{"type change with opt-in", pt(attr("a", plain("number"), func(a *attributeModel) { a.AllowRecreate = types.BoolValue(true) }),
			attr("e", enumOfKeys("x", "y"))), ""},
		{"required change", pt(attr("a", plain("text"), func(a *attributeModel) { a.Required = types.BoolValue(true) })), `required would change from false to true`},
		{"duplicate", pt(attr("a", plain("text")), attr("a", plain("text"))), `more than once`},
		{"duplicate enum key", pt(attr("a", plain("text")), attr("e", enumOfKeys("x", "x"))), `lists the enum value "x" more than once`},
		{"nested searchable", pt(attr("n", []typeModel{{Name: types.StringValue("nested"), TypeReference: types.StringValue("id")}},
			func(a *attributeModel) { a.Searchable = types.BoolValue(true) })), `which the API does not index`},
		{"nested without type", pt(attr("n", plain("nested"))), `needs type_reference`},
		{"unknown type reference", pt(attr("n", []typeModel{{Name: types.StringValue("nested"), TypeReference: types.StringUnknown()}})), ""},
		{"product level constraint", pt(attr("p", plain("text"), func(a *attributeModel) {
			a.Level = types.StringValue("Product")
			a.Constraint = types.StringValue("Unique")
		})), `allows only constraint = "None"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := check(context.Background(), state, tc.plan)
			got := ""
			for _, e := range d.Errors() {
				got += e.Detail()
			}
			if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
				t.Errorf("check: %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFlattenKeepsOptIn: the opt-in is not an API value; a refresh keeps what the state holds.
func TestFlattenKeepsOptIn(t *testing.T) {
	m := pt(attr("a", plain("text"), func(a *attributeModel) { a.AllowRecreate = types.BoolValue(true) }))
	remote := &productType{Name: "P", Attributes: []definition{{Name: "a", Type: attributeType{Name: "text"}, Label: map[string]string{"en": "a"}}, {Name: "b", Type: attributeType{Name: "text"}}}}
	if d := flatten(context.Background(), nil, remote, m); d.HasError() {
		t.Fatal(d)
	}
	if !m.Attribute[0].AllowRecreate.ValueBool() || !m.Attribute[1].AllowRecreate.IsNull() {
		t.Errorf("opt-in after flatten: %v, %v", m.Attribute[0].AllowRecreate, m.Attribute[1].AllowRecreate)
	}
	if m.Description.IsNull() != true || m.Attribute[1].Level.ValueString() != "Variant" {
		t.Errorf("defaults after flatten: %v %v", m.Description, m.Attribute[1].Level)
	}
	remote.Attributes[0].Type = attributeType{Name: "set", ElementType: &attributeType{Name: "set", ElementType: &attributeType{Name: "text"}}}
	if d := flatten(context.Background(), nil, remote, m); !d.HasError() || !strings.Contains(d.Errors()[0].Detail(), "set of sets") {
		t.Errorf("a set of sets must be reported: %v", d)
	}
}
