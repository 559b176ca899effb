package recurrencepolicy_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

func TestAccRecurrencePolicy_lifecycle(t *testing.T) {
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_recurrence_policy", Coll: "recurrence-policies",
		Create: `
  key = "monthly"
  schedule {
    type          = "standard"
    value         = 1
    interval_unit = "Months"
  }
`,
		Updates: []acctest.Update{
			{Body: `
  key         = "monthly"
  name        = { en = "Every two weeks" }
  description = { en = "Coffee subscription" }
  schedule {
    type          = "standard"
    value         = 2
    interval_unit = "Weeks"
  }
`},
			{Body: `
  key  = "first-of-month"
  name = { en = "First of the month" }
  schedule {
    type = "dayOfMonth"
    day  = 1
  }
`},
		},
	})
}

func TestAccRecurrencePolicy_refusedAtPlan(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{PlanOnly: true, ExpectError: regexp.MustCompile(`A standard schedule needs interval_unit`), Config: acctest.ProviderBlock(srv) + `
resource "commercetools_recurrence_policy" "p" {
  key = "pp"
  schedule {
    type  = "standard"
    value = 2
  }
}
`},
			{PlanOnly: true, ExpectError: regexp.MustCompile(`A dayOfMonth schedule has no value`), Config: acctest.ProviderBlock(srv) + `
resource "commercetools_recurrence_policy" "p" {
  key = "pp"
  schedule {
    type  = "dayOfMonth"
    day   = 3
    value = 2
  }
}
`},
		},
	})
}

func TestAccDataSource(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(srv) + `
resource "commercetools_recurrence_policy" "p" {
  key = "weekly"
  schedule {
    type          = "standard"
    value         = 1
    interval_unit = "Weeks"
  }
}
data "commercetools_recurrence_policy" "p" {
  key = commercetools_recurrence_policy.p.key
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.commercetools_recurrence_policy.p", tfjsonpath.New("schedule").AtSliceIndex(0).AtMapKey("interval_unit"), knownvalue.StringExact("Weeks")),
			},
		}},
	})
}
