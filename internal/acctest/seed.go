package acctest

import (
	"testing"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

// SeedSample builds emulator.SampleProject(scale) in the emulator's first project through its
// API (not through Terraform, as a team builds a project by hand) and returns the seed and how
// many objects of each collection it created.
func SeedSample(t testing.TB, srv *emulator.TestServer, scale int) (*emulator.Seed, map[string]int) {
	t.Helper()
	s := &emulator.Seed{Objects: emulator.SampleProject(scale)}
	counts, err := srv.Seed(s)
	if err != nil {
		t.Fatal(err)
	}
	return s, counts
}
