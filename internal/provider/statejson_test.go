package provider

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// fixtureStates returns the stored attributes of every managed resource in the incumbent's
// fixtures, with the state type of its resource type.
func fixtureStates(t testing.TB) (states [][]byte, typs []tftypes.Type) {
	t.Helper()
	ps, err := NewServer(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	s, ok := ps.(*server)
	if !ok {
		t.Fatalf("NewServer returned %T", ps)
	}
	types := s.stateTypes(context.Background())
	files, _ := filepath.Glob("../../testdata/labd-v1.22.2-families/*/labd-*.json")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var st struct {
			Resources []struct {
				Mode, Type string
				Instances  []struct {
					Attributes json.RawMessage `json:"attributes"`
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
				states = append(states, in.Attributes)
				typs = append(typs, types[r.Type].typ)
			}
		}
	}
	if len(states) < 25 {
		t.Fatalf("found %d fixture states", len(states))
	}
	return states, typs
}

// TestDecodeStateMatchesTftypes: every stored state of the fixtures takes the fast decoder, with
// the value tftypes gives.
func TestDecodeStateMatchesTftypes(t *testing.T) {
	states, typs := fixtureStates(t)
	for i, b := range states {
		want, err := tftypes.ValueFromJSONWithOpts(b, typs[i], upgradeOpts.ValueFromJSONOpts)
		if err != nil {
			t.Fatalf("state %d: tftypes: %v", i, err)
		}
		got, err := decodeState(b, typs[i])
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
	states, typs := fixtureStates(f)
	for i, b := range states {
		f.Add(b, uint8(i))
	}
	f.Add([]byte(`{"name":"a\u00e9\"b","scope":["x",null],"extra":{"a":[1,2,{"b":null}]},"version":-1.5e3}`), uint8(0))
	f.Add([]byte(`{"name":1,"key":true,"version":"2"}`), uint8(1))
	f.Fuzz(func(t *testing.T, b []byte, which uint8) {
		if hugeExponent.Match(b) {
			return // big.ParseFloat (both decoders use it) takes minutes for 1e99999999
		}
		typ := typs[int(which)%len(typs)]
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
