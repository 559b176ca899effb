package forms

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	tfjson "github.com/hashicorp/terraform-json"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// Adoption: a project that Terraform does not manage yet becomes configuration.
//
// Adopt builds every instance of the plan on an emulator (an apply), then forgets how: the state
// and the configuration are deleted, so what is left is a project of objects of every resource
// type, in every form the generator puts them, that no Terraform configuration describes. A
// producer (`terraform query -generate-config-out`, or commercetools-export) writes a
// configuration for it; the first plan must import every object with nothing to add, change or
// destroy, the apply imports them, and the plan after it is empty.

// AdoptDir is what a producer gets: the working directory, with the provider block already
// written (main.tf), and the emulator.
type AdoptDir struct {
	WD  *acctest.WorkDir
	Srv *emulator.TestServer
	// Head is the terraform block (required_providers); Provider the provider block.
	Head, Provider string
	// Objects holds the ids of the objects built, by resource type (the default project's).
	Objects map[string][]string
	// Skipped are resource types the producer could not adopt, with the reason; their objects
	// are not expected in the plan.
	Skipped map[string]string
}

// Adopt runs the adoption with the producer; it returns the failures.
func (p *Plan) Adopt(t *testing.T, produce func(t *testing.T, a *AdoptDir)) []Failure {
	t.Helper()
	head := fmt.Sprintf("terraform {\n  required_providers {\n    commercetools = { source = %q }\n  }\n}\n", provider.RegistryAddress)
	d := p.prepare(t, head, acctest.BuildProvider(t), false)
	d.apply("apply")
	built := d.instanceIDs()
	objects := map[string][]string{}
	for addr, attrs := range built {
		r, in := d.instance(addr)
		if r == nil || in == nil || in.Project != "" || d.broken[addr] {
			continue
		}
		if id, _ := attrs["id"].(string); id != "" {
			objects[r.Type] = append(objects[r.Type], id)
		}
	}
	// Forget how the objects were made.
	for _, f := range []string{"terraform.tfstate", "terraform.tfstate.backup", "main.tf", "forms.tfplan"} {
		_ = os.Remove(filepath.Join(d.wd.Dir, f))
	}
	a := &AdoptDir{WD: d.wd, Srv: d.srv, Head: head, Provider: providerBlock(d.srv, "", d.srv.Project.Key, false), Objects: objects,
		Skipped: map[string]string{}}
	d.wd.Write("main.tf", head+a.Provider)
	produce(t, a)
	if t.Failed() {
		return d.failures
	}
	plan := d.savedPlan("plan of the adoption")
	if plan == nil {
		return d.failures
	}
	imported := map[string]map[string]bool{}
	for _, rc := range plan.ResourceChanges {
		if rc.Mode != tfjson.ManagedResourceMode {
			continue
		}
		if rc.Change.Importing == nil {
			d.fail(rc.Type, rc.Name, "plan of the adoption", fmt.Sprintf("plans %v without an import", rc.Change.Actions))
			continue
		}
		if !rc.Change.Actions.NoOp() {
			changed := changedPaths(rc.Change.Before, rc.Change.After, rc.Change.AfterUnknown)
			if r := d.recipe(rc.Type); r == nil || !rc.Change.Actions.Update() || !onlyMasked(changed, r.Masked) {
				d.fail(rc.Type, rc.Name, "plan of the adoption", fmt.Sprintf("imports and plans %v: %s", rc.Change.Actions,
					strings.Join(describe(changed, rc.Change.Before, rc.Change.After, rc.Change.BeforeSensitive, rc.Change.AfterSensitive), "; ")))
			}
		}
		if imported[rc.Type] == nil {
			imported[rc.Type] = map[string]bool{}
		}
		if m, ok := rc.Change.After.(map[string]any); ok {
			if id, _ := m["id"].(string); id != "" {
				imported[rc.Type][id] = true
			}
		}
	}
	var missing []string
	for typ, ids := range objects {
		if _, skip := a.Skipped[typ]; skip {
			continue
		}
		for _, id := range ids {
			if !imported[typ][id] {
				missing = append(missing, typ+" "+id)
			}
		}
	}
	sort.Strings(missing)
	n := 0
	for _, ids := range imported {
		n += len(ids)
	}
	t.Logf("the plan of the adoption imports %d objects of %d types", n, len(imported))
	if n == 0 {
		d.fail("", "", "plan of the adoption", "imports nothing")
	}
	if len(missing) > 0 {
		d.fail("", "", "plan of the adoption", fmt.Sprintf("%d objects not imported: %s", len(missing), strings.Join(missing, ", ")))
	}
	d.apply("apply of the adoption", "forms.tfplan")
	d.expectEmptyPlan("plan after the adoption", nil)
	return d.failures
}

// recipe returns the recipe of a resource type.
func (d *driver) recipe(typ string) *Recipe {
	for _, r := range d.p.Recipes {
		if r.Type == typ {
			return r
		}
	}
	return nil
}

// Types returns the resource types of the plan, sorted.
func (p *Plan) Types() []string {
	out := make([]string, 0, len(p.Schemas))
	for typ := range p.Schemas {
		out = append(out, typ)
	}
	sort.Strings(out)
	return out
}

// StateResources reads `show -json` of a working directory: the managed resources by address.
func StateResources(t *testing.T, wd *acctest.WorkDir) map[string]*tfjson.StateResource {
	t.Helper()
	var st tfjson.State
	if err := json.Unmarshal([]byte(wd.MustRun("show", "-json")), &st); err != nil {
		t.Fatalf("reading the state: %v", err)
	}
	out := map[string]*tfjson.StateResource{}
	if st.Values != nil {
		for _, r := range st.Values.RootModule.Resources {
			if r.Mode == tfjson.ManagedResourceMode {
				out[r.Address] = r
			}
		}
	}
	return out
}

// DropTypes removes the resource and import blocks of the given resource types from a
// configuration file of the working directory; it returns how many resource blocks it removed.
func (a *AdoptDir) DropTypes(t *testing.T, file string, types map[string]string) int {
	t.Helper()
	path := filepath.Join(a.WD.Dir, file)
	src, err := os.ReadFile(path) //nolint:gosec // a file of the test's own working directory
	if err != nil {
		t.Fatal(err)
	}
	f, diags := hclwrite.ParseConfig(src, file, hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("%s: %s", file, diags.Error())
	}
	removed := 0
	for _, b := range f.Body().Blocks() {
		switch b.Type() {
		case "resource":
			if _, drop := types[b.Labels()[0]]; drop {
				f.Body().RemoveBlock(b)
				removed++
			}
		case "import":
			to := b.Body().GetAttribute("to")
			if to == nil {
				continue
			}
			target := strings.TrimSpace(string(to.Expr().BuildTokens(nil).Bytes()))
			if typ, _, ok := strings.Cut(target, "."); ok {
				if _, drop := types[typ]; drop {
					f.Body().RemoveBlock(b)
				}
			}
		}
	}
	if err := os.WriteFile(path, f.Bytes(), 0o600); err != nil { //nolint:gosec // a file of the test's own working directory
		t.Fatal(err)
	}
	for typ, why := range types {
		a.Skipped[typ] = why
	}
	return removed
}
