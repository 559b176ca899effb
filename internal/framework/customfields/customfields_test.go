package customfields

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
)

func TestEncode(t *testing.T) {
	set := FieldType{Name: "Set", ElementType: &FieldType{Name: "String"}}
	for _, tc := range []struct {
		t    FieldType
		in   string
		want string // JSON of the encoded value; "" = error
	}{
		{FieldType{Name: "String"}, "12000", `"12000"`},
		{FieldType{Name: "Number"}, "12000", `12000`},
		{FieldType{Name: "Number"}, "1.5", `1.5`},
		{FieldType{Name: "Number"}, "many", ""},
		{FieldType{Name: "Boolean"}, "true", `true`},
		{FieldType{Name: "Boolean"}, "yes", ""},
		{FieldType{Name: "Enum"}, "gold", `"gold"`},
		{FieldType{Name: "LocalizedString"}, `{"en":"Hi"}`, `{"en":"Hi"}`},
		{FieldType{Name: "LocalizedString"}, `Hi`, ""},
		{FieldType{Name: "Money"}, `{"centAmount":100,"currencyCode":"EUR"}`, `{"centAmount":100,"currencyCode":"EUR"}`},
		{set, `["a","b"]`, `["a","b"]`},
	} {
		v, err := Encode(tc.t, tc.in)
		if tc.want == "" {
			if err == nil {
				t.Errorf("Encode(%s, %q) = %v, want an error", tc.t.Name, tc.in, v)
			}
			continue
		}
		b, _ := json.Marshal(v)
		if err != nil || string(b) != tc.want {
			t.Errorf("Encode(%s, %q) = %s, %v; want %s", tc.t.Name, tc.in, b, err, tc.want)
		}
	}
}

func TestDecodeAndFlattenKeepEquivalentPrior(t *testing.T) {
	for _, tc := range []struct {
		in   any
		want string
	}{{"x", "x"}, {12000.0, "12000"}, {1.5, "1.5"}, {false, "false"}, {map[string]any{"en": "A", "de": "B"}, `{"de":"B","en":"A"}`}} {
		if got := Decode(tc.in); got != tc.want {
			t.Errorf("Decode(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
	prior := []Model{{TypeID: types.StringValue("t1"), Fields: flex.StringMapValue(map[string]string{
		"n": "12000.0", "j": `{ "en" : "A" }`, "s": "old"})}}
	remote := &platform.CustomFields{Type: platform.TypeReference{ID: "t1"}, Fields: platform.FieldContainer{
		"n": 12000.0, "j": map[string]any{"en": "A"}, "s": "new", "extra": true}}
	got := flex.StringMap(Flatten(remote, prior)[0].Fields)
	want := map[string]string{"n": "12000.0", "j": `{ "en" : "A" }`, "s": "new", "extra": "true"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("field %s = %q, want %q", k, got[k], v)
		}
	}
	if l := Flatten(nil, prior); len(l) != 0 || l == nil {
		t.Errorf("no custom fields must flatten to an empty block list, got %#v", l)
	}
}

func TestSingleBlockRequiresType(t *testing.T) {
	attrTypes := map[string]attr.Type{"type_id": types.StringType, "fields": types.MapType{ElemType: types.StringType}}
	for name, c := range map[string]struct {
		v       types.Object
		wantErr bool
	}{
		"absent":  {types.ObjectNull(attrTypes), false},
		"unknown": {types.ObjectUnknown(attrTypes), false},
		"with type": {types.ObjectValueMust(attrTypes, map[string]attr.Value{
			"type_id": types.StringValue("t"), "fields": types.MapNull(types.StringType)}), false},
		"without type": {types.ObjectValueMust(attrTypes, map[string]attr.Value{
			"type_id": types.StringNull(), "fields": types.MapNull(types.StringType)}), true},
	} {
		var resp validator.ObjectResponse
		typeRequired{}.ValidateObject(context.Background(), validator.ObjectRequest{Path: path.Root("custom"), ConfigValue: c.v}, &resp)
		if resp.Diagnostics.HasError() != c.wantErr {
			t.Errorf("%s: error %v, want %v (%v)", name, resp.Diagnostics.HasError(), c.wantErr, resp.Diagnostics)
		}
	}
	if l := List(nil); l != nil {
		t.Fatal("List(nil) should be nil")
	}
	m := &Model{TypeID: types.StringValue("t")}
	if got := Single(List(m)); got == m || !got.TypeID.Equal(m.TypeID) {
		t.Fatal("Single(List(m)) should be an equal copy")
	}
}
