package planmod

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestSameElements(t *testing.T) {
	s := func(v ...string) []attr.Value {
		out := make([]attr.Value, len(v))
		for i, x := range v {
			out[i] = types.StringValue(x)
		}
		return out
	}
	if !sameElements(s("a", "b", "c"), s("c", "a", "b")) {
		t.Fatal("a reordered list is the same")
	}
	if sameElements(s("a", "b"), s("a", "c")) || sameElements(s("a", "a"), s("a", "b")) || sameElements(s("a"), s("a", "a")) {
		t.Fatal("different lists are the same")
	}
	if sameElements([]attr.Value{types.StringUnknown()}, []attr.Value{types.StringUnknown()}) {
		t.Fatal("unknown values are never the same")
	}
}

// TestUnchangingModifiersKeepEqualPlans: the modifiers that declare KeepsUnchangedPlan plan the
// prior value, without diagnostics or replacement, when the planned value equals it (the
// provider's server relies on it to plan unchanged resources without the framework).
func TestUnchangingModifiersKeepEqualPlans(t *testing.T) {
	ctx := context.Background()
	for _, m := range []planmodifier.String{UseStateIfParentUnchanged(), UseStateOfSameKey("key")} {
		if _, ok := m.(Unchanging); !ok {
			t.Fatalf("%T is not Unchanging", m)
		}
		for _, v := range []types.String{types.StringValue("id-1"), types.StringNull()} {
			req := planmodifier.StringRequest{Path: path.Root("asset").AtListIndex(0).AtName("id"), PlanValue: v, StateValue: v, ConfigValue: types.StringNull()}
			resp := planmodifier.StringResponse{PlanValue: req.PlanValue}
			m.PlanModifyString(ctx, req, &resp)
			if !resp.PlanValue.Equal(v) || resp.Diagnostics.HasError() || resp.RequiresReplace {
				t.Errorf("%T planned %v for %v", m, resp.PlanValue, v)
			}
		}
	}
	list := types.ListValueMust(types.StringType, []attr.Value{types.StringValue("b"), types.StringValue("a")})
	m := SameSetKeepsState()
	if _, ok := m.(Unchanging); !ok {
		t.Fatalf("%T is not Unchanging", m)
	}
	req := planmodifier.ListRequest{PlanValue: list, StateValue: list, ConfigValue: list}
	resp := planmodifier.ListResponse{PlanValue: list}
	m.PlanModifyList(ctx, req, &resp)
	if !resp.PlanValue.Equal(list) || resp.Diagnostics.HasError() || resp.RequiresReplace {
		t.Errorf("SameSetKeepsState planned %v", resp.PlanValue)
	}
}
