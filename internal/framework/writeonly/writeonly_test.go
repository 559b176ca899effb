package writeonly

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheck(t *testing.T) {
	null, val := types.StringNull(), types.StringValue("s3cr3t-value")
	unknown := types.StringUnknown()
	noVer, ver := types.Int64Null(), types.Int64Value(1)
	cases := []struct {
		name        string
		stored, wo  types.String
		version     types.Int64
		wantSummary string
	}{
		{"stored only", val, null, noVer, ""},
		{"write-only with version", null, val, ver, ""},
		{"unknown write-only with version", null, unknown, ver, ""},
		{"nothing", null, null, noVer, ""},
		{"write-only without version", null, val, noVer, "secret_wo needs secret_wo_version"},
		{"stored with version", val, null, ver, "secret_wo_version goes with secret_wo"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var diags diag.Diagnostics
			Check(&diags, path.Root("destination").AtListIndex(0), "secret", c.stored, c.wo, c.version)
			if c.wantSummary == "" {
				if diags.HasError() {
					t.Fatalf("unexpected error: %v", diags)
				}
				return
			}
			if diags.ErrorsCount() != 1 || diags.Errors()[0].Summary() != c.wantSummary {
				t.Fatalf("got %v, want one error %q", diags, c.wantSummary)
			}
			if strings.Contains(diags.Errors()[0].Detail(), "s3cr3t") {
				t.Fatal("the secret appears in the diagnostic")
			}
		})
	}
}

func TestKept(t *testing.T) {
	prior := types.StringValue("abcdefgh1234")
	if got := Kept(prior, "********1234"); !got.Equal(prior) {
		t.Fatalf("masked value replaced the prior one: %v", got)
	}
	if got := Kept(prior, "rotated-elsewhere"); got.ValueString() != "rotated-elsewhere" {
		t.Fatalf("clear-text remote value not taken: %v", got)
	}
	if got := Kept(types.StringValue(""), "****"); !got.IsNull() {
		t.Fatalf("empty prior should become null, got %v", got)
	}
	if !InUse(types.StringNull(), types.Int64Value(2)) || InUse(types.StringNull(), types.Int64Null()) {
		t.Fatal("InUse")
	}
	if !SameVersion(types.Int64Null(), types.Int64Null()) || SameVersion(types.Int64Null(), types.Int64Value(0)) {
		t.Fatal("SameVersion")
	}
	if Value(types.StringValue("a"), types.StringValue("b")) != "b" || Value(types.StringValue("a"), types.StringNull()) != "a" {
		t.Fatal("Value")
	}
}
