package emulator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A seed file's objects are created through the API, in order; a draft the API refuses stops the
// seed with the API's error; the seed's requests are not counted.
func TestSeed(t *testing.T) {
	e, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	path := filepath.Join(t.TempDir(), "seed.json")
	if err := os.WriteFile(path, []byte(`{"objects": [
		{"collection": "channels", "draft": {"key": "warehouse", "roles": ["InventorySupply"]}},
		{"collection": "tax-categories", "draft": {"key": "standard", "name": "Standard", "rates": [{"name": "DE", "amount": 0.19, "includedInPrice": true, "country": "DE"}]}}
	]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := ReadSeed(path)
	if err != nil {
		t.Fatal(err)
	}
	counts, err := e.Seed(s)
	if err != nil {
		t.Fatal(err)
	}
	if counts["channels"] != 1 || counts["tax-categories"] != 1 {
		t.Errorf("created %v", counts)
	}
	if c := e.Counts(); c.API != 0 || c.Token != 0 {
		t.Errorf("the seed's requests were counted: %+v", c)
	}
	_, err = e.Seed(&Seed{Objects: []SeedObject{{Collection: "channels", Draft: map[string]any{"key": "warehouse", "roles": []string{"InventorySupply"}}}}})
	if err == nil || !strings.Contains(err.Error(), "DuplicateField") {
		t.Errorf("a duplicate key was seeded: %v", err)
	}
	if _, err := ReadSeed(writeFile(t, `{"objects": [], "nope": 1}`)); err == nil {
		t.Error("a seed file with an unknown field was read")
	}
}

// The sample project is valid for the API at every scale.
func TestSampleProjectSeeds(t *testing.T) {
	for _, scale := range []int{1, 3} {
		e, err := New(Options{})
		if err != nil {
			t.Fatal(err)
		}
		objs := SampleProject(scale)
		counts, err := e.Seed(&Seed{Objects: objs})
		_ = e.Close()
		if err != nil {
			t.Fatalf("scale %d: %v", scale, err)
		}
		n := 0
		for _, c := range counts {
			n += c
		}
		if n != len(objs) {
			t.Errorf("scale %d: created %d of %d", scale, n, len(objs))
		}
	}
}

func writeFile(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "f.json")
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
