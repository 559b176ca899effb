package customfields

import (
	"encoding/json"
	"testing"

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
