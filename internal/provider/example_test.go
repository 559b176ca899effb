package provider_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// TestAccTypicalProject applies examples/typical-project with the real binary against the
// emulator, plans again (empty) and destroys it, leaving nothing behind.
func TestAccTypicalProject(t *testing.T) {
	acctest.PreCheck(t)
	t.Parallel()
	srv := acctest.NewEmulator(t)
	body, err := os.ReadFile(filepath.Join(acctest.RepoRoot(t), "examples", "typical-project", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	wd := acctest.NewWorkDir(t)
	wd.Write("versions.tf", fmt.Sprintf(`terraform {
  required_providers {
    commercetools = { source = %q }
  }
}
provider "commercetools" {
  client_id     = %q
  client_secret = %q
  project_key   = %q
  api_url       = %q
  token_url     = %q
}
`, provider.RegistryAddress, srv.Project.AdminClientID, srv.Project.AdminClientSecret, srv.Project.Key, srv.URL, srv.URL))
	wd.Write("main.tf", string(body))
	wd.MustRun("init", "-no-color", "-input=false", "-plugin-dir", acctest.BuildProvider(t))
	wd.MustRun("apply", "-no-color", "-input=false", "-auto-approve")
	if out, code := wd.Run("plan", "-no-color", "-input=false", "-detailed-exitcode"); code != 0 {
		t.Fatalf("the plan after the apply must be empty, got exit code %d:\n%s", code, out)
	}
	for coll, want := range map[string]int{"tax-categories": 1, "zones": 1, "shipping-methods": 1, "types": 1, "channels": 1, "product-types": 1, "attribute-groups": 1} {
		if n := len(srv.Docs(srv.Project.Key, coll)); n != want {
			t.Errorf("%d %s on the emulator, want %d", n, coll, want)
		}
	}
	wd.MustRun("destroy", "-no-color", "-input=false", "-auto-approve")
	for _, coll := range []string{"tax-categories", "zones", "shipping-methods", "types", "channels", "product-types", "attribute-groups"} {
		if n := len(srv.Docs(srv.Project.Key, coll)); n != 0 {
			t.Errorf("%d %s left after destroy", n, coll)
		}
	}
}
