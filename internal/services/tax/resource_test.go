package tax_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

func TestAccTaxCategory_lifecycle(t *testing.T) {
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_tax_category", Coll: "tax-categories",
		Create: `
  key  = "standard"
  name = "Standard"
`,
		Updates: []acctest.Update{
			{Body: `
  key         = "standard"
  name        = "Standard rates"
  description = "VAT at the standard rate"
`},
			{Body: `
  key  = "standard-2"
  name = "Standard rates"
`},
		},
	})
}

// rates renders n rates of one category, for the countries of the EU in order.
var countries = []string{"DE", "AT", "FR", "NL", "BE", "IT", "ES", "PT", "PL", "CZ"}

func ratesConfig(n int, amount string, keyed bool) string {
	var b strings.Builder
	b.WriteString(`
resource "commercetools_tax_category" "standard" {
  key  = "standard"
  name = "Standard"
}
`)
	for i := range n {
		key := ""
		if keyed {
			key = fmt.Sprintf("  key = %q\n", "std-"+strings.ToLower(countries[i]))
		}
		fmt.Fprintf(&b, `
resource "commercetools_tax_category_rate" "r%d" {
  tax_category_id   = commercetools_tax_category.standard.id
%s  name              = "%s"
  amount            = %s
  included_in_price = true
  country           = %q
}
`, i, key, countries[i]+" standard", amount, countries[i])
	}
	return b.String()
}

// TestAccTaxRates_parallel creates, changes and destroys ten rates of one category with
// -parallelism=10 (the test runner's default): every write of the category is serialised in the
// provider and sent with its current version, so no 409 reaches the user and no rate is lost.
func TestAccTaxRates_parallel(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	count := func(want int) statecheck.StateCheck {
		return acctest.StateFunc(func(*tfjson.State) error {
			docs := srv.Docs(srv.Project.Key, "tax-categories")
			if len(docs) != 1 {
				return fmt.Errorf("%d tax categories", len(docs))
			}
			if rates, _ := docs[0]["rates"].([]any); len(rates) != want {
				return fmt.Errorf("the category holds %d rates, want %d", len(rates), want)
			}
			return nil
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: acctest.ProviderBlock(srv) + ratesConfig(10, "0.2", true), ConfigStateChecks: []statecheck.StateCheck{count(10)}},
			{Config: acctest.ProviderBlock(srv) + ratesConfig(10, "0.2", true), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				// A change replaces each rate in the API (a new id); the key finds it again.
				Config: acctest.ProviderBlock(srv) + ratesConfig(10, "0.21", true),
				ConfigStateChecks: []statecheck.StateCheck{count(10),
					statecheck.ExpectKnownValue("commercetools_tax_category_rate.r3", tfjsonpath.New("amount"), knownvalue.Float64Exact(0.21))},
			},
			{Config: acctest.ProviderBlock(srv) + ratesConfig(4, "0.21", true), ConfigStateChecks: []statecheck.StateCheck{count(4)}},
		},
	})
}

// TestAccTaxRate_withoutKey: a rate without a key is found by its id, and after a change (a new
// id) by its country and state. Importing by id and by <category id>@<key> plans nothing.
func TestAccTaxRate_withoutKeyAndImport(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	const addr = "commercetools_tax_category_rate.r0"
	var firstID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: acctest.ProviderBlock(srv) + ratesConfig(1, "0.19", false), Check: func(s *terraform.State) error {
				firstID = s.RootModule().Resources[addr].Primary.ID
				return nil
			}},
			{Config: acctest.ProviderBlock(srv) + ratesConfig(1, "0.16", false), Check: func(s *terraform.State) error {
				if id := s.RootModule().Resources[addr].Primary.ID; id == firstID || id == "" {
					return fmt.Errorf("the rate's id should be the new one, got %q (was %q)", id, firstID)
				}
				return nil
			}},
			{Config: acctest.ProviderBlock(srv) + ratesConfig(1, "0.16", false), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{ResourceName: addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{Config: acctest.ProviderBlock(srv) + ratesConfig(1, "0.16", true)},
			{ResourceName: addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					return s.RootModule().Resources["commercetools_tax_category.standard"].Primary.ID + "@std-de", nil
				}},
			{Config: acctest.ProviderBlock(srv) + ratesConfig(1, "0.16", true), ResourceName: addr, ImportState: true, ImportStateId: "nope@x@y",
				ExpectError: regexp.MustCompile(`Invalid import id`)},
		},
	})
}
