package customtype_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

// TestAccTypeDataSource reads a type by key; its id feeds a channel's custom block.
func TestAccTypeDataSource(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	const ds = "data.commercetools_type.fields"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(srv) + acctest.ChannelFieldsType + `
data "commercetools_type" "fields" {
  key = commercetools_type.fields.key
}
resource "commercetools_channel" "store" {
  key   = "store"
  roles = ["InventorySupply"]
  custom {
    type_id = data.commercetools_type.fields.id
    fields  = { opening_hours = "9-5" }
  }
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.CompareValuePairs(ds, tfjsonpath.New("id"), "commercetools_type.fields", tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("field").AtSliceIndex(0).AtMapKey("type").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("String")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("resource_type_ids"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("channel")})),
			},
		}},
	})
}
