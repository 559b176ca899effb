package unset

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func testSchema() schema.Schema {
	return Schema(schema.Schema{
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{Optional: true},
			"tags": schema.ListAttribute{Optional: true, ElementType: types.StringType},
		},
		Blocks: map[string]schema.Block{
			"format": schema.ListNestedBlock{NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
				"type":    schema.StringAttribute{Required: true},
				"version": schema.StringAttribute{Optional: true, Validators: []validator.String{APIDefault("1.0")}},
			}}},
		},
	})
}

func TestReadFromKeepsUnsetFormOfDefault(t *testing.T) {
	s := testSchema()
	typ := s.Type().TerraformType(context.Background())
	obj := func(name tftypes.Value, version tftypes.Value) tftypes.Value {
		ot, _ := typ.(tftypes.Object)
		lt, _ := ot.AttributeTypes["format"].(tftypes.List)
		ft := lt.ElementType
		return tftypes.NewValue(typ, map[string]tftypes.Value{
			"name": name, "tags": tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, nil),
			"format": tftypes.NewValue(tftypes.List{ElementType: ft}, []tftypes.Value{
				tftypes.NewValue(ft, map[string]tftypes.Value{"type": tftypes.NewValue(tftypes.String, "CloudEvents"), "version": version}),
			}),
		})
	}
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	prior := tfsdk.State{Schema: s, Raw: obj(str(""), str(""))}
	st := tfsdk.State{Schema: s, Raw: obj(tftypes.NewValue(tftypes.String, nil), str("1.0"))}
	ReadFrom("test_read_from", prior, &st)
	want := obj(str(""), str(""))
	if !st.Raw.Equal(want) && !equalButTags(st.Raw, want) {
		t.Fatalf("got %v\nwant %v", st.Raw, want)
	}
	// An import (no prior) reads the default as the API reports it, and unset as "".
	st = tfsdk.State{Schema: s, Raw: obj(tftypes.NewValue(tftypes.String, nil), str("1.0"))}
	Read("test_read_from", &st)
	if want := obj(str(""), str("1.0")); !equalButTags(st.Raw, want) {
		t.Fatalf("import: got %v\nwant %v", st.Raw, want)
	}
}

// equalButTags compares two test objects except their tags (an unset list reads as []).
func equalButTags(a, b tftypes.Value) bool {
	var am, bm map[string]tftypes.Value
	if a.As(&am) != nil || b.As(&bm) != nil {
		return false
	}
	for k := range am {
		if k != "tags" && !am[k].Equal(bm[k]) {
			return false
		}
	}
	return IsZero(am["tags"]) && IsZero(bm["tags"])
}
