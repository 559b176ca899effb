package planmod

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
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
