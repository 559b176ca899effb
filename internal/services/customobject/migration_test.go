package customobject_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

// TestMigrationFromLabd switches the incumbent's custom objects (an object, a string and a
// nested object in a second container) to this provider with an empty plan. The incumbent could
// not import a custom object, so its fixture has no import case; TestAccCustomObject_dataSource
// and the lifecycle test import them here.
func TestMigrationFromLabd(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "custom_object", Types: []string{"commercetools_custom_object"}, SkipImport: true})
}

// TestAccCustomObject_dataSource reads an object by container and key; its value decodes.
func TestAccCustomObject_dataSource(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	const ds = "data.commercetools_custom_object.flags"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(srv) + `
resource "commercetools_custom_object" "flags" {
  container = "feature-flags"
  key       = "checkout"
  value     = jsonencode({ newCheckout = true, markets = ["DE"] })
}

data "commercetools_custom_object" "flags" {
  container = commercetools_custom_object.flags.container
  key       = commercetools_custom_object.flags.key
}

output "markets" {
  value = jsondecode(data.commercetools_custom_object.flags.value).markets
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("value"), knownvalue.StringExact(`{"markets":["DE"],"newCheckout":true}`)),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("version"), knownvalue.Int64Exact(1)),
				statecheck.ExpectKnownOutputValue("markets", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("DE")})),
			},
		}},
	})
}
