package provider_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// TestUpgradeShortcutMatchesFramework upgrades every stored state of the incumbent's fixtures
// (every resource type it has, at the versions it wrote) and of states this provider wrote, with
// the shortcut server and with the framework's own, and requires the same answer byte for byte:
// the shortcut is exactly as correct as the path it replaces.
func TestUpgradeShortcutMatchesFramework(t *testing.T) {
	ctx := context.Background()
	fast, err := provider.NewServer(provider.New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	slow, err := providerserver.NewProtocol6WithError(provider.New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../testdata/labd-v1.22.2-families/*/labd-*.json")
	if len(files) < 20 {
		t.Fatalf("found %d fixture states", len(files))
	}
	schemas, err := slow.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]tftypes.Type{}
	for name, s := range schemas.ResourceSchemas {
		types[name] = s.ValueType()
	}
	seen, sameBytes := map[string]bool{}, 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var st struct {
			Resources []struct {
				Mode, Type string
				Instances  []struct {
					SchemaVersion int64           `json:"schema_version"`
					Attributes    json.RawMessage `json:"attributes"`
				}
			}
		}
		if err := json.Unmarshal(b, &st); err != nil {
			t.Fatal(err)
		}
		for _, r := range st.Resources {
			if r.Mode != "managed" {
				continue
			}
			for _, in := range r.Instances {
				req := func() *tfprotov6.UpgradeResourceStateRequest {
					return &tfprotov6.UpgradeResourceStateRequest{TypeName: r.Type, Version: in.SchemaVersion,
						RawState: &tfprotov6.RawState{JSON: append([]byte(nil), in.Attributes...)}}
				}
				a, errA := fast.UpgradeResourceState(ctx, req())
				b, errB := slow.UpgradeResourceState(ctx, req())
				if errA != nil || errB != nil {
					t.Fatalf("%s: %v / %v", r.Type, errA, errB)
				}
				if len(a.Diagnostics) != len(b.Diagnostics) {
					t.Fatalf("%s (%s): diagnostics %v, framework %v", r.Type, f, a.Diagnostics, b.Diagnostics)
				}
				if (a.UpgradedState == nil) != (b.UpgradedState == nil) {
					t.Fatalf("%s (%s): one upgrade has no state", r.Type, f)
				}
				if a.UpgradedState != nil {
					typ := types[r.Type]
					va, errA := a.UpgradedState.Unmarshal(typ)
					vb, errB := b.UpgradedState.Unmarshal(typ)
					if errA != nil || errB != nil || !va.Equal(vb) {
						t.Fatalf("%s (%s): the shortcut's upgraded state differs from the framework's (%v, %v)", r.Type, f, errA, errB)
					}
					// Values, not bytes: msgpack writes the entries of maps in Go's map order, which
					// varies from one encoding to the next.
					if bytes.Equal(a.UpgradedState.MsgPack, b.UpgradedState.MsgPack) {
						sameBytes++
					}
				}
				seen[r.Type] = true
			}
		}
	}
	if len(seen) < 25 {
		t.Errorf("compared %d resource types, want every type of the fixtures", len(seen))
	}
	t.Logf("compared the upgrade of %d resource types; %d answers identical byte for byte", len(seen), sameBytes)
}
