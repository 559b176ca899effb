package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// fixtureState is the stored state of one managed resource of the incumbent's fixtures.
type fixtureState struct {
	typeName string
	version  int64
	attrs    []byte
	typ      tftypes.Type // the current state type of typeName
	file     string
}

// fixtureStates returns every managed resource instance of the incumbent's fixtures (every
// resource type it has, at the versions it wrote, and the states after import).
func fixtureStates(t testing.TB) []fixtureState {
	t.Helper()
	ps, err := shortcutServer(New("test")(), false)()
	if err != nil {
		t.Fatal(err)
	}
	s, ok := ps.(*server)
	if !ok {
		t.Fatalf("NewServer returned %T", ps)
	}
	types := s.stateTypes(context.Background())
	files, _ := filepath.Glob("../../testdata/labd-v1.22.2-families/*/labd-*.json")
	var out []fixtureState
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
				out = append(out, fixtureState{typeName: r.Type, version: in.SchemaVersion, attrs: in.Attributes, typ: types[r.Type].typ, file: f})
			}
		}
	}
	if len(out) < 25 {
		t.Fatalf("found %d fixture states", len(out))
	}
	return out
}

// TestDecodeStateMatchesTftypes: every stored state of the fixtures takes the fast decoder, with
// the value tftypes gives.
func TestDecodeStateMatchesTftypes(t *testing.T) {
	for i, fs := range fixtureStates(t) {
		b := fs.attrs
		want, err := tftypes.ValueFromJSONWithOpts(b, fs.typ, upgradeOpts.ValueFromJSONOpts)
		if err != nil {
			t.Fatalf("state %d: tftypes: %v", i, err)
		}
		got, err := decodeState(b, fs.typ)
		if err != nil {
			t.Fatalf("state %d: the fast decoder refused %s: %v", i, b, err)
		}
		if !got.Equal(want) {
			t.Fatalf("state %d: decoded %s, tftypes %s", i, got, want)
		}
	}
}

var hugeExponent = regexp.MustCompile(`[eE][+-]?0*[0-9]{4,}`)

// FuzzDecodeState: whatever the fast decoder accepts, tftypes decodes to the same value.
func FuzzDecodeState(f *testing.F) {
	states := fixtureStates(f)
	for i, fs := range states {
		f.Add(fs.attrs, uint8(i))
	}
	f.Add([]byte(`{"name":"a\u00e9\"b","scope":["x",null],"extra":{"a":[1,2,{"b":null}]},"version":-1.5e3}`), uint8(0))
	f.Add([]byte(`{"name":1,"key":true,"version":"2"}`), uint8(1))
	f.Fuzz(func(t *testing.T, b []byte, which uint8) {
		if hugeExponent.Match(b) {
			return // big.ParseFloat (both decoders use it) takes minutes for 1e99999999
		}
		typ := states[int(which)%len(states)].typ
		got, err := decodeState(b, typ)
		if err != nil {
			return // tftypes decides
		}
		want, err := tftypes.ValueFromJSONWithOpts(b, typ, upgradeOpts.ValueFromJSONOpts)
		if err != nil {
			t.Fatalf("the fast decoder accepted %q, tftypes refused it: %v", b, err)
		}
		if !got.Equal(want) {
			t.Fatalf("%q: decoded %s, tftypes %s", b, got, want)
		}
	})
}

// TestUpgradeShortcutMatchesFramework upgrades every stored state of the incumbent's fixtures
// with the shortcut server and with the framework's own, and requires the same answer: the
// shortcut is exactly as correct as the path it replaces.
func TestUpgradeShortcutMatchesFramework(t *testing.T) {
	ctx := context.Background()
	fast, err := shortcutServer(New("test")(), false)()
	if err != nil {
		t.Fatal(err)
	}
	slow, err := providerserver.NewProtocol6WithError(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	seen, sameBytes := map[string]bool{}, 0
	for _, fs := range fixtureStates(t) {
		req := func() *tfprotov6.UpgradeResourceStateRequest {
			return &tfprotov6.UpgradeResourceStateRequest{TypeName: fs.typeName, Version: fs.version,
				RawState: &tfprotov6.RawState{JSON: append([]byte(nil), fs.attrs...)}}
		}
		a, errA := fast.UpgradeResourceState(ctx, req())
		b, errB := slow.UpgradeResourceState(ctx, req())
		if errA != nil || errB != nil {
			t.Fatalf("%s: %v / %v", fs.typeName, errA, errB)
		}
		if len(a.Diagnostics) != len(b.Diagnostics) {
			t.Fatalf("%s (%s): diagnostics %v, framework %v", fs.typeName, fs.file, a.Diagnostics, b.Diagnostics)
		}
		if (a.UpgradedState == nil) != (b.UpgradedState == nil) {
			t.Fatalf("%s (%s): one upgrade has no state", fs.typeName, fs.file)
		}
		if a.UpgradedState != nil {
			if d := sameValue("upgraded state", fs.typ, a.UpgradedState, b.UpgradedState); d != "" {
				t.Fatalf("%s (%s): %s", fs.typeName, fs.file, d)
			}
			// Values, not bytes: msgpack writes the entries of maps in Go's map order, which
			// varies from one encoding to the next.
			if bytes.Equal(a.UpgradedState.MsgPack, b.UpgradedState.MsgPack) {
				sameBytes++
			}
		}
		seen[fs.typeName] = true
	}
	if len(seen) < 25 {
		t.Errorf("compared %d resource types, want every type of the fixtures", len(seen))
	}
	t.Logf("compared the upgrade of %d resource types; %d answers identical byte for byte", len(seen), sameBytes)
}
