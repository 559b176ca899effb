package export_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/export"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// TestAccExportLarge exports a project of more than 1,000 objects built through the API alone
// (emulator.SampleProject): the export costs one listing request per 500 objects of a collection
// (plus one per singleton and per empty collection), the folder validates and is formatted, the
// first plan imports every object and changes nothing, and after the apply the plan is empty.
func TestAccExportLarge(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	pr := srv.ProjectDoc(srv.Project.Key)
	pr["languages"] = []any{"en", "de"}
	pr["currencies"] = []any{"EUR", "USD"}
	pr["countries"] = []any{"DE", "AT", "US"}
	if err := srv.PutDoc(srv.Project.Key, "project", pr); err != nil {
		t.Fatal(err)
	}
	scale := 7 // about 1,030 resources
	seed, counts := acctest.SeedSample(t, srv, scale)
	drafts := seed.Objects
	objects := len(drafts)
	for _, d := range drafts {
		if rates, ok := d.Draft["rates"].([]any); ok {
			objects += len(rates) // each rate is a resource of its own
		}
		if zr, ok := d.Draft["zoneRates"].([]any); ok {
			objects += len(zr)
		}
		if a, ok := d.Draft["associates"].([]any); ok {
			objects += len(a) // business unit associates
		}
		if _, ok := d.Draft["transitions"]; ok {
			objects++ // the state's transitions
		}
		if d.Collection == "customers" {
			objects-- // not a resource type of the provider
		}
	}
	objects++ // project settings
	t.Logf("seeded %d drafts through the API (%v), %d resources to adopt", len(drafts), counts, objects)

	srv.ResetCounts()
	out := filepath.Join(t.TempDir(), "exported")
	res, err := export.Read(t.Context(), export.Options{NoWriteOnly: !acctest.SupportsWriteOnlyEngine(),
		Provider: map[string]string{"client_id": srv.Project.AdminClientID, "client_secret": srv.Project.AdminClientSecret,
			"project_key": srv.Project.Key, "api_url": srv.URL, "token_url": srv.URL}})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := export.Write(t.Context(), res, out)
	if err != nil {
		t.Fatal(err)
	}
	c := srv.Counts()
	// Budget: one page per 500 objects of each collection read (at least one each), one GET of
	// the project, the project-wide custom object query.
	budget := 1 // the project
	for _, coll := range []string{"api-clients", "associate-roles", "business-units", "cart-discounts", "categories", "channels",
		"customer-groups", "discount-codes", "product-discounts", "discount-groups", "extensions", "product-selections",
		"product-types", "attribute-groups", "recurrence-policies", "shipping-methods", "zones", "states", "stores",
		"subscriptions", "tax-categories", "types", "custom-objects"} {
		budget += max(1, (counts[coll]+499)/500)
	}
	t.Logf("exported %d resources (%d references, %d literals, %d variables) with %d API requests (budget %d): %v",
		sum.Resources, sum.References, sum.Literals, len(sum.Variables), c.API, budget, c.ByRoute)
	if c.API > budget {
		t.Errorf("the export made %d API requests, more than the %d pages of the listings: %v", c.API, budget, c.ByRoute)
	}
	// The project's own API clients (the admin client the test uses) are exported too.
	objects += sum.ByType["commercetools_api_client"]
	if sum.Resources != objects {
		t.Errorf("exported %d resources, want %d (%v)", sum.Resources, objects, sum.ByType)
	}

	wd := acctest.NewWorkDir(t)
	wd.Write("main.tf", fmt.Sprintf("terraform {\n  required_providers {\n    commercetools = { source = %q }\n  }\n}\n\n"+
		"provider \"commercetools\" {\n  client_id     = %q\n  client_secret = %q\n  project_key   = %q\n  api_url       = %q\n  token_url     = %q\n}\n",
		provider.RegistryAddress, srv.Project.AdminClientID, srv.Project.AdminClientSecret, srv.Project.Key, srv.URL, srv.URL))
	for _, f := range sum.Files {
		b, err := os.ReadFile(filepath.Join(out, f)) //nolint:gosec // the test's own folder
		if err != nil {
			t.Fatal(err)
		}
		wd.Write(f, string(b))
	}
	tfvars := acctest.ExportSecrets(sum.Variables)
	if len(sum.Variables) < 2 {
		t.Errorf("the extension's and the subscription's secrets were not made variables: %+v", sum.Variables)
	}
	wd.MustRun("init", "-no-color", "-input=false", "-plugin-dir", acctest.BuildProvider(t))
	if o, code := wd.Run("fmt", "-check", "-no-color"); code != 0 {
		t.Errorf("the exported folder is not formatted as terraform fmt would:\n%s", o)
	}
	wd.Write("secrets.auto.tfvars", tfvars)
	wd.MustRun("validate", "-no-color")
	// References, not literals: a sample.
	for file, want := range map[string]string{
		"tax_category_rate.tf":  `tax_category_id\s+=\s+commercetools_tax_category\.seed_tax_0\.id`,
		"shipping_zone_rate.tf": `shipping_zone_id\s+=\s+commercetools_shipping_zone\.seed_zone_\d+\.id`,
		"shipping_method.tf":    `tax_category_id\s+=\s+commercetools_tax_category\.seed_tax_\d+\.id`,
	} {
		b, err := os.ReadFile(filepath.Join(out, file)) //nolint:gosec // the test's own folder
		if err != nil || !regexp.MustCompile(want).Match(b) {
			t.Errorf("%s: no reference matching %s (%v)", file, want, err)
		}
	}
	wd.MustRun("plan", "-no-color", "-input=false", "-parallelism=10", "-out=adopt.tfplan")
	var plan tfjson.Plan
	if err := json.Unmarshal([]byte(wd.MustRun("show", "-json", "adopt.tfplan")), &plan); err != nil {
		t.Fatal(err)
	}
	imports := 0
	for _, rc := range plan.ResourceChanges {
		// The secrets the API keeps are written by the apply: an update of the destination alone.
		secretsOnly := rc.Change.Actions.Update() && onlyUnder(rc.Change.Before, rc.Change.After, "destination", "version")
		if rc.Change.Importing == nil || !rc.Change.Actions.NoOp() && !secretsOnly {
			t.Errorf("%s: plans %v (importing: %v), want an import and nothing else", rc.Address, rc.Change.Actions, rc.Change.Importing != nil)
			continue
		}
		imports++
	}
	if imports != objects {
		t.Errorf("the plan imports %d objects, want %d", imports, objects)
	}
	wd.MustRun("apply", "-no-color", "-input=false", "-parallelism=10", "adopt.tfplan")
	if o := wd.MustRun("plan", "-no-color", "-input=false", "-parallelism=10", "-detailed-exitcode"); !strings.Contains(o, "No changes") {
		t.Errorf("the plan after the adoption is not empty:\n%s", o)
	}
}

// onlyUnder reports whether two objects differ only in the given top-level attributes.
func onlyUnder(before, after any, attrs ...string) bool {
	b, ok1 := before.(map[string]any)
	a, ok2 := after.(map[string]any)
	if !ok1 || !ok2 {
		return false
	}
	for k := range a {
		if slices.Contains(attrs, k) {
			continue
		}
		bj, _ := json.Marshal(b[k])
		aj, _ := json.Marshal(a[k])
		if string(aj) != string(bj) {
			return false
		}
	}
	return true
}
