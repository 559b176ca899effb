package jsonvalue

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestSame(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{`{"a":1,"b":[1,2]}`, "{\n  \"b\": [1, 2],\n  \"a\": 1.0\n}", true},
		{`{"a":1,"n":null}`, `{"a":1}`, true},
		{`{"a":{"n":null,"x":[{"y":null}]}}`, `{"a":{"x":[{}]}}`, true},
		{`[null]`, `[]`, false}, // nulls in arrays are kept
		{`{"a":1}`, `{"a":2}`, false},
		{`"text"`, `"text"`, true},
		{`"1"`, `1`, false},
		{`not json`, `not json`, true},
		{`not json`, `"not json"`, false},
	} {
		if got := Same(tc.a, tc.b); got != tc.same {
			t.Errorf("Same(%s, %s) = %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}

func TestNullFieldsAndCompact(t *testing.T) {
	v, err := Decode(`{"a":null,"b":{"c":null},"l":[{"d":null}]}`)
	if err != nil {
		t.Fatal(err)
	}
	if got := NullFields(v); !slices.Equal(got, []string{"a", "b.c", "l[0].d"}) {
		t.Errorf("NullFields = %v", got)
	}
	if got := Compact(json.RawMessage("{ \"b\": 2, \"a\": [1, 2] }")); got != `{"a":[1,2],"b":2}` {
		t.Errorf("Compact = %s", got)
	}
	if _, err := Decode(`{} {}`); err == nil {
		t.Error("trailing data must be an error")
	}
}

// TestKeepStateIfSameKeepsEqualPlans: a planned value equal to the prior one stays (the modifier
// declares KeepsUnchangedPlan).
func TestKeepStateIfSameKeepsEqualPlans(t *testing.T) {
	for _, v := range []types.String{types.StringValue(`{"a": 1}`), types.StringValue("not json"), types.StringNull()} {
		req := planmodifier.StringRequest{PlanValue: v, StateValue: v, ConfigValue: v}
		resp := planmodifier.StringResponse{PlanValue: v}
		KeepStateIfSame{}.PlanModifyString(context.Background(), req, &resp)
		if !resp.PlanValue.Equal(v) || resp.Diagnostics.HasError() || resp.RequiresReplace {
			t.Errorf("planned %v for %v", resp.PlanValue, v)
		}
	}
}
