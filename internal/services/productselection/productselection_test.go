package productselection_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

const selectionFields = `
resource "commercetools_type" "selection_fields" {
  key               = "selection-fields"
  name              = { en = "Selection fields" }
  resource_type_ids = ["product-selection"]
  field {
    name  = "season"
    label = { en = "Season" }
    type { name = "String" }
  }
  field {
    name  = "priority"
    label = { en = "Priority" }
    type { name = "Number" }
  }
}
`

func TestAccProductSelection_lifecycle(t *testing.T) {
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_product_selection", Coll: "product-selections", Prelude: selectionFields,
		Create: `
  key  = "summer"
  name = { en = "Summer" }
`,
		Checks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("commercetools_product_selection.test", tfjsonpath.New("mode"), knownvalue.StringExact("Individual")),
			statecheck.ExpectKnownValue("commercetools_product_selection.test", tfjsonpath.New("custom"), knownvalue.Null()),
		},
		Updates: []acctest.Update{
			{Body: `
  key  = "summer"
  name = { en = "Summer", de = "Sommer" }
  custom {
    type_id = commercetools_type.selection_fields.id
    fields  = { season = "2027", priority = "1" }
  }
`},
			{Body: `
  key  = "summer-2027"
  name = { en = "Summer", de = "Sommer" }
  custom {
    type_id = commercetools_type.selection_fields.id
    fields  = { priority = "2.0" }
  }
`, Checks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("commercetools_product_selection.test", tfjsonpath.New("custom").AtMapKey("fields"),
					knownvalue.MapExact(map[string]knownvalue.Check{"priority": knownvalue.StringExact("2.0")})),
			}},
			{Body: `
  key  = "summer-2027"
  name = { en = "Summer" }
`},
		},
		Replaces: []string{`
  key  = "summer-2027"
  name = { en = "Summer" }
  mode = "IndividualExclusion"
`},
	})
}

func TestMigrationFromLabd(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "product_selection", Types: []string{"commercetools_product_selection"}})
}

func TestAccDataSource(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(srv) + `
resource "commercetools_product_selection" "outlet" {
  key  = "outlet"
  name = { en = "Outlet" }
  mode = "IndividualExclusion"
}
data "commercetools_product_selection" "outlet" {
  key = commercetools_product_selection.outlet.key
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.commercetools_product_selection.outlet", tfjsonpath.New("mode"), knownvalue.StringExact("IndividualExclusion")),
				statecheck.ExpectKnownValue("data.commercetools_product_selection.outlet", tfjsonpath.New("name"),
					knownvalue.MapExact(map[string]knownvalue.Check{"en": knownvalue.StringExact("Outlet")})),
			},
		}},
	})
}
