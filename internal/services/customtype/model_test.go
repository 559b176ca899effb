package customtype

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/enums"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
)

func enumType(keys ...string) []typeModel {
	v := make([]enums.Plain, len(keys))
	for i, k := range keys {
		v[i] = enums.Plain{Key: types.StringValue(k), Label: types.StringValue(strings.ToUpper(k))}
	}
	return []typeModel{{Name: types.StringValue("Enum"), Value: v}}
}

func field(name string, t []typeModel) fieldModel {
	return fieldModel{Name: types.StringValue(name), Label: flex.LocalizedValue(map[string]string{"en": name}),
		Required: types.BoolValue(false), InputHint: types.StringValue("SingleLine"), Type: t}
}

func str(name string) []typeModel { return []typeModel{{Name: types.StringValue(name)}} }

func typeOf(fields ...fieldModel) *model {
	m := &model{Name: flex.LocalizedValue(map[string]string{"en": "T"}), Field: fields}
	m.Key = types.StringValue("t")
	return m
}

// names renders the action names in order.
func names(t *testing.T, actions []any) string {
	var out []string
	for _, a := range actions {
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		_ = json.Unmarshal(b, &m)
		name, _ := m["action"].(string)
		out = append(out, name)
	}
	return strings.Join(out, ",")
}

func run(t *testing.T, from, to *model) string {
	t.Helper()
	acts, diags := actions(context.Background(), nil, from, to)
	if diags.HasError() {
		t.Fatal(diags)
	}
	l := make([]any, len(acts))
	for i, a := range acts {
		l[i] = a
	}
	return names(t, l)
}

func TestActions(t *testing.T) {
	base := typeOf(field("a", str("String")), field("e", enumType("x", "y")))
	for _, tc := range []struct {
		name string
		to   *model
		want string
	}{
		{"nothing", typeOf(field("a", str("String")), field("e", enumType("x", "y"))), ""},
		{"append enum value: no reorder", typeOf(field("a", str("String")), field("e", enumType("x", "y", "z"))), "addEnumValue"},
		{"enum value in front: reorder", typeOf(field("a", str("String")), field("e", enumType("z", "x", "y"))), "addEnumValue,changeEnumValueOrder"},
		{"swap fields: one order action", typeOf(field("e", enumType("x", "y")), field("a", str("String"))), "changeFieldDefinitionOrder"},
		{"remove and add", typeOf(field("e", enumType("x", "y")), field("b", str("Number"))), "removeFieldDefinition,addFieldDefinition"},
		{"input hint of text only", func() *model {
			m := typeOf(field("a", str("String")), field("e", enumType("x", "y")))
			m.Field[0].InputHint = types.StringValue("MultiLine")
			return m
		}(), "changeInputHint"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := run(t, base, tc.to); got != tc.want {
				t.Errorf("actions %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	state := typeOf(field("a", str("String")), field("e", enumType("x", "y")))
	for _, tc := range []struct {
		name string
		plan *model
		want string
	}{
		{"fine", typeOf(field("a", str("String")), field("e", enumType("x", "y", "z"))), ""},
		{"type change", typeOf(field("a", str("Number")), field("e", enumType("x", "y"))), `Field "a" is of type String`},
		{"enum removed", typeOf(field("a", str("String")), field("e", enumType("y"))), `would lose the enum value "x"`},
		{"duplicate", typeOf(field("a", str("String")), field("a", str("String"))), `more than once`},
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
