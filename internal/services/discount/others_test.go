package discount_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

func TestAccDiscountGroup_lifecycle(t *testing.T) {
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_discount_group", Coll: "discount-groups",
		Create: `
  key        = "best-of"
  sort_order = "0.6"
`,
		Checks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("commercetools_discount_group.test", tfjsonpath.New("is_active"), knownvalue.Bool(true)),
		},
		Updates: []acctest.Update{
			{Body: `
  key         = "best-of"
  name        = { en = "Best of" }
  description = { en = "The best discount of the group applies" }
  sort_order  = "0.61"
  is_active   = false
`},
			{Body: `
  key        = "best-of-2027"
  name       = { en = "Best of 2027" }
  sort_order = "0.61"
`},
		},
	})
}

// TestAccDiscountGroup_members: cart discounts join a group (taking its sort order), leave it
// (with one of their own) and move between groups.
func TestAccDiscountGroup_members(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	config := func(member string) string {
		return acctest.ProviderBlock(srv) + `
resource "commercetools_discount_group" "g" {
  key        = "gg"
  sort_order = "0.6"
}
resource "commercetools_discount_group" "h" {
  key        = "hh"
  sort_order = "0.65"
}
resource "commercetools_cart_discount" "m" {
  key       = "mm"
  name      = { en = "Member" }
  predicate = "1 = 1"
  value {
    type      = "relative"
    permyriad = 1000
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }
` + member + "\n}\n"
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config(`discount_group_id = commercetools_discount_group.g.id`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("commercetools_cart_discount.m", tfjsonpath.New("sort_order"), knownvalue.Null()),
				}},
			{Config: config(`discount_group_id = commercetools_discount_group.g.id`), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{Config: config(`discount_group_id = commercetools_discount_group.h.id`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("commercetools_cart_discount.m", plancheck.ResourceActionUpdate)}}},
			{Config: config(`sort_order = "0.3"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("commercetools_cart_discount.m", tfjsonpath.New("sort_order"), knownvalue.StringExact("0.3")),
					statecheck.ExpectKnownValue("commercetools_cart_discount.m", tfjsonpath.New("discount_group_id"), knownvalue.Null()),
				}},
			{Config: config(`sort_order = "0.3"`), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{Config: config(`discount_group_id = commercetools_discount_group.g.id
  sort_order = "0.3"`), PlanOnly: true, ExpectError: regexp.MustCompile(`takes the group's sort order`)},
		},
	})
}

func TestAccProductDiscount_lifecycle(t *testing.T) {
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_product_discount", Coll: "product-discounts",
		Create: `
  key        = "clearance"
  name       = { en = "Clearance" }
  predicate  = "1 = 1"
  sort_order = "0.95"
  value {
    type      = "relative"
    permyriad = 2000
  }
`,
		Updates: []acctest.Update{
			{Body: `
  key         = "clearance"
  name        = { en = "Clearance", de = "Ausverkauf" }
  description = { en = "Five off" }
  predicate   = "sku = \"JKT-001\""
  sort_order  = "0.96"
  is_active   = false
  valid_from  = "2027-01-15T00:00:00.000Z"
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
    money {
      currency_code = "JPY"
      cent_amount   = 800
    }
  }
`, Checks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("commercetools_product_discount.test", tfjsonpath.New("value").AtSliceIndex(0).AtMapKey("money").AtSliceIndex(1).AtMapKey("fraction_digits"), knownvalue.Int64Exact(0)),
			}},
			{Body: `
  key         = "pricing-engine"
  name        = { en = "Pricing engine" }
  predicate   = "1 = 1"
  sort_order  = "0.96"
  valid_until = "2027-12-31T23:59:59Z"
  value {
    type = "external"
  }
`},
		},
	})
}

func TestAccDiscountCode_lifecycle(t *testing.T) {
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_discount_code", Coll: "discount-codes", Prelude: cartPrelude + `
resource "commercetools_cart_discount" "ten" {
  key                    = "ten"
  name                   = { en = "Ten" }
  predicate              = "1 = 1"
  sort_order             = "0.5"
  requires_discount_code = true
  value {
    type      = "relative"
    permyriad = 1000
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }
}
resource "commercetools_cart_discount" "ship" {
  key                    = "ship"
  name                   = { en = "Free shipping" }
  predicate              = "1 = 1"
  sort_order             = "0.4"
  requires_discount_code = true
  value {
    type      = "relative"
    permyriad = 10000
  }
  target {
    type = "shipping"
  }
}
`,
		Create: `
  key            = "welcome"
  code           = "WELCOME10"
  cart_discounts = [commercetools_cart_discount.ten.id]
`,
		Checks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("commercetools_discount_code.test", tfjsonpath.New("is_active"), knownvalue.Bool(true)),
		},
		Updates: []acctest.Update{
			{Body: `
  key                           = "welcome"
  code                          = "WELCOME10"
  name                          = { en = "Welcome" }
  description                   = { en = "Ten percent and free shipping" }
  cart_discounts                = [commercetools_cart_discount.ten.id, commercetools_cart_discount.ship.id]
  predicate                     = "lineItemCount(1 = 1) > 0"
  is_active                     = false
  max_applications              = 10000
  max_applications_per_customer = 1
  groups                        = ["newsletter", "onboarding"]
  valid_from                    = "2027-01-01T00:00:00.000Z"
  valid_until                   = "2027-12-31T23:59:59Z"
  custom {
    type_id = commercetools_type.discount_fields.id
    fields  = { campaign = "CRM" }
  }
`},
			{Body: `
  key            = "welcome-2027"
  code           = "WELCOME10"
  cart_discounts = [commercetools_cart_discount.ship.id]
  groups         = ["newsletter"]
`},
		},
		Replaces: []string{`
  key            = "welcome-2027"
  code           = "WELCOME15"
  cart_discounts = [commercetools_cart_discount.ship.id]
`},
	})
}

func TestMigrationFromLabd_discountCode(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "discount_code", Types: []string{"commercetools_discount_code", "commercetools_cart_discount"}})
}

func TestMigrationFromLabd_productDiscount(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "product_discount", Types: []string{"commercetools_product_discount"}})
}

// TestAccDataSources reads one of each of the four by key.
func TestAccDataSources(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(srv) + `
resource "commercetools_discount_group" "g" {
  key        = "gg"
  sort_order = "0.6"
}
resource "commercetools_cart_discount" "c" {
  key                    = "cc"
  name                   = { en = "C" }
  predicate              = "1 = 1"
  requires_discount_code = true
  discount_group_id      = commercetools_discount_group.g.id
  value {
    type      = "relative"
    permyriad = 1000
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }
}
resource "commercetools_discount_code" "d" {
  key            = "dd"
  code           = "D10"
  cart_discounts = [commercetools_cart_discount.c.id]
}
resource "commercetools_product_discount" "p" {
  key        = "pp"
  name       = { en = "P" }
  predicate  = "1 = 1"
  sort_order = "0.5"
  value {
    type = "external"
  }
}
data "commercetools_discount_group" "g" {
  key = commercetools_discount_group.g.key
}
data "commercetools_cart_discount" "c" {
  key = commercetools_cart_discount.c.key
}
data "commercetools_discount_code" "d" {
  key = commercetools_discount_code.d.key
}
data "commercetools_product_discount" "p" {
  key = commercetools_product_discount.p.key
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.commercetools_discount_group.g", tfjsonpath.New("sort_order"), knownvalue.StringExact("0.6")),
				statecheck.ExpectKnownValue("data.commercetools_cart_discount.c", tfjsonpath.New("value").AtSliceIndex(0).AtMapKey("permyriad"), knownvalue.Int64Exact(1000)),
				statecheck.ExpectKnownValue("data.commercetools_discount_code.d", tfjsonpath.New("code"), knownvalue.StringExact("D10")),
				statecheck.ExpectKnownValue("data.commercetools_product_discount.p", tfjsonpath.New("value").AtSliceIndex(0).AtMapKey("type"), knownvalue.StringExact("external")),
			},
		}},
	})
}

// TestAccCartDiscount_recurringScope limits a cart discount to the orders of a recurrence policy,
// then to any order.
func TestAccCartDiscount_recurringScope(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	config := func(scope string) string {
		return acctest.ProviderBlock(srv) + `
resource "commercetools_recurrence_policy" "monthly" {
  key = "monthly"
  schedule {
    type          = "standard"
    value         = 1
    interval_unit = "Months"
  }
}
resource "commercetools_cart_discount" "subscribers" {
  key        = "subscribers"
  name       = { en = "Subscribers" }
  predicate  = "1 = 1"
  sort_order = "0.33"
  value {
    type      = "relative"
    permyriad = 500
  }
  target {
    type = "shipping"
  }
` + scope + "\n}\n"
	}
	addr := "commercetools_cart_discount.subscribers"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config(""), ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("recurring_order_scope"), knownvalue.StringExact("NonRecurringOrdersOnly")),
			}},
			{Config: config(`recurrence_policy_ids = [commercetools_recurrence_policy.monthly.id]`), PlanOnly: true,
				ExpectError: regexp.MustCompile(`recurrence_policy_ids needs recurring_order_scope`)},
			{Config: config(`recurring_order_scope = "ApplicableRecurrencePolicies"
  recurrence_policy_ids = [commercetools_recurrence_policy.monthly.id]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)}}},
			{Config: config(`recurring_order_scope = "ApplicableRecurrencePolicies"
  recurrence_policy_ids = [commercetools_recurrence_policy.monthly.id]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{Config: config(`recurring_order_scope = "AnyOrder"`), ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("recurrence_policy_ids"), knownvalue.Null()),
			}},
		},
	})
}
