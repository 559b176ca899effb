package associaterole_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

const roleFields = `
resource "commercetools_type" "role_fields" {
  key               = "role-fields"
  name              = { en = "Role fields" }
  resource_type_ids = ["associate-role"]
  field {
    name  = "description"
    label = { en = "Description" }
    type { name = "String" }
  }
}
`

func TestAccAssociateRole_lifecycle(t *testing.T) {
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_associate_role", Coll: "associate-roles", Prelude: roleFields,
		// In commercetools' order, which an import brings (a reordered list is TestAccAssociateRole_order).
		Create: `
  key         = "buyer"
  permissions = ["ViewMyCarts", "UpdateMyCarts", "CreateMyCarts"]
`,
		Checks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("commercetools_associate_role.test", tfjsonpath.New("buyer_assignable"), knownvalue.Bool(true)),
		},
		Updates: []acctest.Update{
			{Body: `
  key              = "buyer"
  name             = "Buyer"
  buyer_assignable = false
  permissions      = ["ViewMyCarts", "CreateMyCarts", "UpdateMyCarts", "CreateMyOrdersFromMyCarts"]
  custom {
    type_id = commercetools_type.role_fields.id
    fields  = { description = "Buys for the company" }
  }
`},
			{Body: `
  key              = "buyer"
  name             = "Buyer"
  buyer_assignable = false
  permissions      = ["ViewMyOrders", "ViewMyCarts", "CreateMyCarts", "UpdateMyCarts", "CreateMyOrdersFromMyCarts", "ViewOthersOrders", "AddChildUnits", "UpdateAssociates"]
`},
		},
		Replaces: []string{`
  key         = "purchaser"
  permissions = ["ViewMyCarts"]
`},
	})
}

// TestAccAssociateRole_order: a reordered permission list, and commercetools' own order, never
// plan a change.
func TestAccAssociateRole_order(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	config := func(perms string) string {
		return acctest.ProviderBlock(srv) + `
resource "commercetools_associate_role" "r" {
  key         = "approver"
  permissions = ` + perms + `
}
`
	}
	empty := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config(`["ViewOthersQuotes", "ViewMyOrders", "AcceptOthersQuotes"]`),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("commercetools_associate_role.r", tfjsonpath.New("permissions"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("ViewOthersQuotes"), knownvalue.StringExact("ViewMyOrders"), knownvalue.StringExact("AcceptOthersQuotes")}))}},
			{Config: config(`["ViewOthersQuotes", "ViewMyOrders", "AcceptOthersQuotes"]`), ConfigPlanChecks: empty},
			{Config: config(`["AcceptOthersQuotes", "ViewOthersQuotes", "ViewMyOrders"]`), ConfigPlanChecks: empty},
			{Config: config(`["AcceptOthersQuotes", "ViewOthersQuotes", "ViewMyOrders", "FlyToTheMoon"]`), PlanOnly: true, ExpectNonEmptyPlan: true},
		},
	})
}

func TestMigrationFromLabd(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "associate_role", Types: []string{"commercetools_associate_role"}})
}

func TestAccDataSource(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(srv) + `
resource "commercetools_associate_role" "r" {
  key         = "viewer"
  name        = "Viewer"
  permissions = ["ViewMyOrders"]
}
data "commercetools_associate_role" "r" {
  key = commercetools_associate_role.r.key
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.commercetools_associate_role.r", tfjsonpath.New("name"), knownvalue.StringExact("Viewer")),
			},
		}},
	})
}
