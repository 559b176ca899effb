package forms_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest/forms"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/export"
)

// TestRecipesCoverEveryType checks, without Terraform, that every resource type has a recipe and
// that every optional attribute and block of every type is put in each of its forms, or the
// recipe says why it cannot be.
func TestRecipesCoverEveryType(t *testing.T) {
	p, err := forms.Build(forms.Recipes())
	if err != nil {
		t.Fatal(err)
	}
	for typ := range p.Schemas {
		if _, ok := p.Instances[typ]; !ok {
			t.Errorf("no recipe for %s", typ)
		}
	}
	t.Logf("forms covered:\n%s", forms.Table(p.Coverage))
	for _, c := range p.Coverage {
		for k, why := range c.Missing {
			if why == "" {
				t.Errorf("%s %s: not covered and the recipe gives no reason", c.Type, k)
			}
		}
	}
}

// TestAccForms drives every generated configuration through the engine: apply, an empty plan,
// import by id and by key with an empty plan after each, destroy, nothing left.
func TestAccForms(t *testing.T) {
	acctest.PreCheck(t)
	p, err := forms.Build(forms.Selected(forms.Recipes()))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, in := range p.Instances {
		n += len(in)
	}
	t.Logf("%d instances of %d types on %s", n, len(p.Instances), acctest.Engine())
	if out := os.Getenv("FORMS_CONFIG_OUT"); out != "" {
		_ = os.WriteFile(out, []byte(p.Config(acctest.NewEmulator(t), "", false)), 0o600)
	}
	for i, lane := range p.Lanes() {
		t.Run(fmt.Sprintf("lane-%d", i), func(t *testing.T) {
			t.Parallel()
			if fs := lane.Run(t); len(fs) > 0 {
				t.Errorf("%d failures:\n%s", len(fs), strings.TrimSpace(forms.Report(fs)))
			}
		})
	}
}

// labdFixtures is where RecordLabd writes and Switch reads the incumbent's states of the
// generated configurations, one folder per lane.
func labdFixtures(t *testing.T) string {
	return filepath.Join(acctest.RepoRoot(t), "testdata", "labd-forms")
}

// TestLabdRecord regenerates the switch fixtures with the incumbent's binary, when LABD_BIN
// names it (make labd-fixtures): the generated configurations, cut to the incumbent's schema,
// applied by labd/commercetools v1.22.2 against the emulator.
func TestLabdRecord(t *testing.T) {
	bin := os.Getenv("LABD_BIN")
	if bin == "" {
		t.Skip("LABD_BIN is not set: the committed fixtures are replayed by TestAccFormsSwitch")
	}
	acctest.PreCheck(t)
	p, err := forms.Build(forms.Recipes())
	if err != nil {
		t.Fatal(err)
	}
	lp := p.ForLabd(forms.ReadLabdSchema(t))
	dir := labdFixtures(t)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	var skipped []string
	for i, lane := range lp.Lanes() {
		fs := lane.RecordLabd(t, bin, filepath.Join(dir, fmt.Sprintf("lane-%d", i)))
		t.Logf("lane %d: what the incumbent could not apply:\n%s", i, forms.Report(fs))
		for _, f := range fs {
			skipped = append(skipped, fmt.Sprintf("- lane %d, `%s.%s` (%s): %s", i, f.Type, f.Instance, f.Phase, strings.SplitN(f.What, "\n", 2)[0]))
		}
	}
	sort.Strings(skipped)
	readme := "# The incumbent's states of the generated configurations\n\n" +
		"Written by `make labd-fixtures LABD_BIN=<labd/commercetools v1.22.2 binary>` (TestLabdRecord in\n" +
		"`internal/acctest/forms`): the configurations the generator writes, cut to the incumbent's schema, applied by the\n" +
		"incumbent against the emulator. `TestAccFormsSwitch` replays them in `make test`: the state moved to this provider\n" +
		"plans nothing. One folder per lane (the API limits extensions and subscriptions per project).\n\n" +
		"Instances the incumbent could not apply, and so are not in the fixtures:\n\n" + strings.Join(skipped, "\n") + "\n"
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte(readme), 0o644); err != nil { //nolint:gosec // fixtures
		t.Fatal(err)
	}
}

// TestAccFormsSwitch replays the incumbent's states of the generated configurations: after
// `state replace-provider`, the plan changes nothing.
func TestAccFormsSwitch(t *testing.T) {
	acctest.PreCheck(t)
	p, err := forms.Build(forms.Recipes())
	if err != nil {
		t.Fatal(err)
	}
	lanes := p.ForLabd(forms.ReadLabdSchema(t)).Lanes()
	for i, lane := range lanes {
		dir := filepath.Join(labdFixtures(t), fmt.Sprintf("lane-%d", i))
		if _, err := os.Stat(dir); err != nil {
			t.Fatalf("no fixtures in %s: run make labd-fixtures LABD_BIN=…", dir)
		}
		t.Run(fmt.Sprintf("lane-%d", i), func(t *testing.T) {
			t.Parallel()
			if fs := lane.Switch(t, dir); len(fs) > 0 {
				t.Errorf("%d failures:\n%s", len(fs), strings.TrimSpace(forms.Report(fs)))
			}
		})
	}
}

// TestAccQuery adopts a project with Terraform 1.14's own tools: `terraform query` with a list
// block for every resource type writes, with -generate-config-out, resource and import blocks
// for every object; the plan imports them all with nothing else to do, and after the apply the
// plan is empty. Extensions and subscriptions are left out of the plan: their destinations'
// secrets cannot be read back, so the configuration Terraform writes lacks them (the export
// writes them as variables: TestAccExport); the query must still list every one of them.
func TestAccQuery(t *testing.T) {
	acctest.PreCheck(t)
	if !acctest.SupportsQuery() {
		t.Skipf("%s has no terraform query (Terraform 1.14 or later has)", acctest.Engine())
	}
	p, err := forms.Build(forms.Selected(forms.Recipes()))
	if err != nil {
		t.Fatal(err)
	}
	secrets := map[string]string{
		"commercetools_api_extension": "destination secrets cannot be read back",
		"commercetools_subscription":  "destination secrets cannot be read back",
	}
	for i, lane := range p.Lanes() {
		t.Run(fmt.Sprintf("lane-%d", i), func(t *testing.T) {
			t.Parallel()
			fs := lane.Adopt(t, func(t *testing.T, a *forms.AdoptDir) {
				var q strings.Builder
				for _, typ := range lane.Types() {
					fmt.Fprintf(&q, "list %q \"all\" {\n  provider         = commercetools\n  include_resource = true\n  limit            = 10000\n}\n\n", typ)
				}
				a.WD.Write("all.tfquery.hcl", q.String())
				out := a.WD.MustRun("query", "-no-color", "-generate-config-out=generated.tf")
				for typ, ids := range a.Objects {
					if n := strings.Count(out, "list."+typ+".all"); n < len(ids) {
						t.Errorf("terraform query listed %d %s objects, want at least %d:\n%s", n, typ, len(ids), out)
					}
				}
				if _, err := os.Stat(filepath.Join(a.WD.Dir, "generated.tf")); err != nil {
					t.Fatalf("terraform query wrote no configuration: %v\n%s", err, out)
				}
				a.WD.Write("all.tfquery.hcl", "")
				a.DropTypes(t, "generated.tf", secrets)
			})
			if len(fs) > 0 {
				t.Errorf("%d failures:\n%s", len(fs), strings.TrimSpace(forms.Report(fs)))
			}
		})
	}
}

// TestAccExport adopts a project with commercetools-export: the folder it writes for every
// object of every resource type, with the provider block beside it and a value for each secret
// variable, validates and is formatted; the plan imports every object with nothing else to do
// but write the secrets the API masks; after the apply the plan is empty. A sample of the
// references must be references, not literals.
func TestAccExport(t *testing.T) {
	acctest.PreCheck(t)
	if os.Getenv("FORMS_EXPORT") == "" {
		// make forms runs it; make test adopts the sample project of every type through the export
		// on every engine (internal/export's TestAccExportLarge), which costs a third of this.
		t.Skip("set FORMS_EXPORT=1 (make forms) to export every generated configuration form")
	}
	p, err := forms.Build(forms.Selected(forms.Recipes()))
	if err != nil {
		t.Fatal(err)
	}
	for i, lane := range p.Lanes() {
		t.Run(fmt.Sprintf("lane-%d", i), func(t *testing.T) {
			t.Parallel()
			fs := lane.Adopt(t, func(t *testing.T, a *forms.AdoptDir) {
				out := filepath.Join(t.TempDir(), "exported")
				res, err := export.Read(t.Context(), export.Options{NoWriteOnly: !acctest.SupportsWriteOnlyEngine(),
					Provider: map[string]string{"client_id": "forms-admin-" + a.Srv.Project.Key, "client_secret": "forms-secret",
						"project_key": a.Srv.Project.Key, "api_url": a.Srv.URL, "token_url": a.Srv.URL}})
				if err != nil {
					t.Fatal(err)
				}
				sum, err := export.Write(t.Context(), res, out)
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("exported %d resources, %d references, %d literals, %d variables", sum.Resources, sum.References, sum.Literals, len(sum.Variables))
				var tfvars strings.Builder
				for _, f := range sum.Files {
					b, err := os.ReadFile(filepath.Join(out, f)) //nolint:gosec // the test's own folder
					if err != nil {
						t.Fatal(err)
					}
					a.WD.Write(f, string(b))
				}
				tfvars.WriteString(acctest.ExportSecrets(sum.Variables))
				if out, code := a.WD.Run("fmt", "-check", "-no-color"); code != 0 {
					t.Errorf("the exported folder is not formatted as terraform fmt would:\n%s", out)
				}
				a.WD.Write("secrets.auto.tfvars", tfvars.String())
				a.WD.MustRun("validate", "-no-color")
				if sum.References == 0 && len(a.Objects) > 3 {
					t.Errorf("no reference between the exported objects")
				}
				// A sample: a tax rate refers to its tax category, a shipping zone rate to its method.
				for _, c := range []struct{ file, want string }{
					{"tax_category_rate.tf", `tax_category_id\s+=\s+commercetools_tax_category\.`},
					{"shipping_zone_rate.tf", `shipping_method_id\s+=\s+commercetools_shipping_method\.`},
				} {
					b, err := os.ReadFile(filepath.Join(out, c.file)) //nolint:gosec // the test's own folder
					if err == nil && !regexp.MustCompile(c.want).Match(b) {
						t.Errorf("%s has no %q: the reference was written as a literal:\n%s", c.file, c.want, firstLines(string(b), 40))
					}
				}
			})
			if len(fs) > 0 {
				t.Errorf("%d failures:\n%s", len(fs), strings.TrimSpace(forms.Report(fs)))
			}
		})
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
