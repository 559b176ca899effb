package timestamp

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestSameAndKept(t *testing.T) {
	if !Same("2024-06-01T00:00:00.000Z", "2024-06-01T00:00:00Z") || !Same("2024-06-01T02:00:00+02:00", "2024-06-01T00:00:00Z") {
		t.Fatal("same instants differ")
	}
	if Same("2024-06-01T00:00:01Z", "2024-06-01T00:00:00Z") || Same("soon", "later") {
		t.Fatal("different values are the same")
	}
	prior := New("2024-06-01T00:00:00.000Z")
	api := "2024-06-01T00:00:00Z"
	if got := Kept(prior, &api); !got.Equal(prior) {
		t.Fatalf("prior spelling not kept: %v", got)
	}
	other := "2025-01-01T00:00:00.000Z"
	if got := Kept(prior, &other); got.ValueString() != other {
		t.Fatalf("API value not taken: %v", got)
	}
	empty := ""
	if !Kept(New(""), &empty).IsNull() || !Kept(prior, nil).IsNull() {
		t.Fatal("none should be null")
	}
	eq, _ := prior.StringSemanticEquals(context.Background(), New(api))
	if !eq {
		t.Fatal("semantic equality")
	}
}

func TestValidator(t *testing.T) {
	for s, ok := range map[string]bool{"2024-06-01T00:00:00Z": true, "2024-06-01T00:00:00.123+01:00": true, "2024-06-01": false, "tomorrow": false} {
		var resp validator.StringResponse
		Validator{}.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("valid_from"), ConfigValue: types.StringValue(s)}, &resp)
		if resp.Diagnostics.HasError() == ok {
			t.Errorf("%q: error %v", s, resp.Diagnostics)
		}
	}
}

// TestKeepStateIfSameKeepsEqualPlans: a planned value equal to the prior one stays (the modifier
// declares KeepsUnchangedPlan).
func TestKeepStateIfSameKeepsEqualPlans(t *testing.T) {
	for _, v := range []types.String{types.StringValue("2024-06-01T00:00:00Z"), types.StringValue("soon"), types.StringNull()} {
		req := planmodifier.StringRequest{PlanValue: v, StateValue: v, ConfigValue: v}
		resp := planmodifier.StringResponse{PlanValue: v}
		KeepStateIfSame{}.PlanModifyString(context.Background(), req, &resp)
		if !resp.PlanValue.Equal(v) || resp.Diagnostics.HasError() || resp.RequiresReplace {
			t.Errorf("planned %v for %v", resp.PlanValue, v)
		}
	}
}
