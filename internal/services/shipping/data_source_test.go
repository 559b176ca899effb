package shipping_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

// TestAccDataSources reads a tax category, a zone and a shipping method by key.
func TestAccDataSources(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(srv) + taxCategory + `
resource "commercetools_shipping_zone" "dach" {
  key  = "dach"
  name = "DACH"
  location {
    country = "DE"
  }
}
resource "commercetools_shipping_method" "standard" {
  key             = "standard"
  name            = "Standard"
  tax_category_id = commercetools_tax_category.standard.id
}
data "commercetools_tax_category" "standard" {
  key = commercetools_tax_category.standard.key
}
data "commercetools_shipping_zone" "dach" {
  key = commercetools_shipping_zone.dach.key
}
data "commercetools_shipping_method" "standard" {
  key = commercetools_shipping_method.standard.key
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.CompareValuePairs("data.commercetools_tax_category.standard", tfjsonpath.New("id"), "commercetools_tax_category.standard", tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.ExpectKnownValue("data.commercetools_shipping_zone.dach", tfjsonpath.New("location"), knownvalue.SetExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{"country": knownvalue.StringExact("DE"), "state": knownvalue.Null()})})),
				statecheck.CompareValuePairs("data.commercetools_shipping_method.standard", tfjsonpath.New("tax_category_id"), "commercetools_tax_category.standard", tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.ExpectKnownValue("data.commercetools_shipping_method.standard", tfjsonpath.New("active"), knownvalue.Bool(true)),
			},
		}},
	})
}
