package discount_test

import (
	"fmt"
	"regexp"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

const cartPrelude = `
resource "commercetools_store" "de" {
  key = "de-store"
}
resource "commercetools_store" "at" {
  key = "at-store"
}
resource "commercetools_type" "discount_fields" {
  key               = "discount-fields"
  name              = { en = "Discount fields" }
  resource_type_ids = ["cart-discount", "discount-code"]
  field {
    name  = "campaign"
    label = { en = "Campaign" }
    type { name = "String" }
  }
}
`

func TestAccCartDiscount_lifecycle(t *testing.T) {
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_cart_discount", Coll: "cart-discounts", Prelude: cartPrelude,
		Create: `
  key        = "summer"
  name       = { en = "Summer" }
  predicate  = "1 = 1"
  sort_order = "0.9"
  value {
    type      = "relative"
    permyriad = 1000
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }
`,
		Checks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("commercetools_cart_discount.test", tfjsonpath.New("stacking_mode"), knownvalue.StringExact("Stacking")),
			statecheck.ExpectKnownValue("commercetools_cart_discount.test", tfjsonpath.New("is_active"), knownvalue.Bool(true)),
		},
		Updates: []acctest.Update{
			{Body: `
  key                    = "summer"
  name                   = { en = "Summer", de = "Sommer" }
  description            = { en = "Ten percent off" }
  predicate              = "totalPrice > \"50.00 EUR\""
  sort_order             = "0.91"
  is_active              = false
  requires_discount_code = true
  stacking_mode          = "StopAfterThisDiscount"
  valid_from             = "2027-06-01T00:00:00.000Z"
  valid_until            = "2027-08-31T23:59:59Z"
  stores                 = [commercetools_store.de.key]
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
    money {
      currency_code = "JPY"
      cent_amount   = 700
    }
  }
  target {
    type      = "customLineItems"
    predicate = "1 = 1"
  }
  custom {
    type_id = commercetools_type.discount_fields.id
    fields  = { campaign = "SUMMER-27" }
  }
`},
			{Body: `
  key                    = "summer-27"
  name                   = { en = "Summer" }
  predicate              = "totalPrice > \"50.00 EUR\""
  sort_order             = "0.91"
  requires_discount_code = true
  valid_from             = "2027-06-01T02:00:00+02:00"
  stores                 = [commercetools_store.de.key, commercetools_store.at.key]
  value {
    type             = "fixed"
    application_mode = "EvenDistribution"
    money {
      currency_code   = "EUR"
      precise_amount  = 12345
      fraction_digits = 4
    }
  }
  target {
    type = "pattern"
    trigger_pattern {
      type      = "CountOnLineItemUnits"
      predicate = "sku = \"SHIRT\""
      min_count = 2
    }
    target_pattern {
      type      = "CountOnLineItemUnits"
      predicate = "sku = \"SOCKS\""
      max_count = 1
    }
    selection_mode = "MostExpensive"
  }
`, Checks: []statecheck.StateCheck{
				// The same instant in another spelling: no change of it, the state keeps the earlier text.
				statecheck.ExpectKnownValue("commercetools_cart_discount.test", tfjsonpath.New("valid_from"), knownvalue.StringExact("2027-06-01T00:00:00.000Z")),
				statecheck.ExpectKnownValue("commercetools_cart_discount.test", tfjsonpath.New("value").AtSliceIndex(0).AtMapKey("money").AtSliceIndex(0).AtMapKey("cent_amount"), knownvalue.Null()),
			}},
			{Body: `
  key        = "summer-27"
  name       = { en = "Summer" }
  predicate  = "1 = 1"
  sort_order = "0.91"
  value {
    type      = "relative"
    permyriad = 500
  }
  target {
    type = "shipping"
  }
`},
		},
	})
}

// everyKind is one cart discount per value kind and per target kind.
func everyKind(changed bool) string {
	p := func(a, b int) int {
		if changed {
			return b
		}
		return a
	}
	out := `
resource "commercetools_channel" "dist" {
  key   = "dist"
  roles = ["ProductDistribution"]
}
`
	targets := []string{
		`target {
    type      = "lineItems"
    predicate = "1 = 1"
  }`,
		`target {
    type      = "customLineItems"
    predicate = "1 = 1"
  }`,
		`target {
    type                = "multiBuyLineItems"
    predicate           = "1 = 1"
    trigger_quantity    = 3
    discounted_quantity = 1
    selection_mode      = "Cheapest"
  }`,
		`target {
    type                = "multiBuyCustomLineItems"
    predicate           = "1 = 1"
    trigger_quantity    = 2
    discounted_quantity = 1
    selection_mode      = "MostExpensive"
  }`,
		`target {
    type = "shipping"
  }`,
		`target {
    type = "totalPrice"
  }`,
		`target {
    type           = "pattern"
    selection_mode = "Cheapest"
    target_pattern {
      type      = "CountOnCustomLineItemUnits"
      predicate = "1 = 1"
    }
  }`,
	}
	for i, target := range targets {
		out += fmt.Sprintf(`
resource "commercetools_cart_discount" "t%d" {
  name       = { en = "Target %d" }
  predicate  = "1 = 1"
  sort_order = "0.%d1"
  value {
    type      = "relative"
    permyriad = %d
  }
  %s
}
`, i, i, i+1, p(100, 200)+i, target)
	}
	out += fmt.Sprintf(`
resource "commercetools_cart_discount" "absolute" {
  name       = { en = "Absolute" }
  predicate  = "1 = 1"
  sort_order = "0.81"
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = %d
    }
    money {
      currency_code = "KWD"
      cent_amount   = 1500
    }
  }
  target {
    type = "totalPrice"
  }
}
resource "commercetools_cart_discount" "fixed" {
  name       = { en = "Fixed" }
  predicate  = "1 = 1"
  sort_order = "0.82"
  value {
    type = "fixed"
    money {
      currency_code = "EUR"
      cent_amount   = %d
    }
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }
}
resource "commercetools_cart_discount" "gift" {
  name       = { en = "Gift" }
  predicate  = "1 = 1"
  sort_order = "0.83"
  value {
    type                    = "giftLineItem"
    product_id              = "9f2a1b3c-4d5e-4f60-8a7b-1c2d3e4f5a6b"
    variant_id              = 1
    distribution_channel_id = commercetools_channel.dist.id
  }
}
`, p(500, 600), p(999, 899))
	return out
}

func TestAccCartDiscount_everyKind(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	var updates []plancheck.PlanCheck
	for i := 0; i < 7; i++ {
		updates = append(updates, plancheck.ExpectResourceAction(fmt.Sprintf("commercetools_cart_discount.t%d", i), plancheck.ResourceActionUpdate))
	}
	updates = append(updates,
		plancheck.ExpectResourceAction("commercetools_cart_discount.absolute", plancheck.ResourceActionUpdate),
		plancheck.ExpectResourceAction("commercetools_cart_discount.fixed", plancheck.ResourceActionUpdate),
		plancheck.ExpectResourceAction("commercetools_cart_discount.gift", plancheck.ResourceActionNoop))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: acctest.ProviderBlock(srv) + everyKind(false),
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectEmulatorCount(srv, "cart-discounts", 10)}},
			{Config: acctest.ProviderBlock(srv) + everyKind(false), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{Config: acctest.ProviderBlock(srv) + everyKind(true), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: updates},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("commercetools_cart_discount.t3", tfjsonpath.New("value").AtSliceIndex(0).AtMapKey("permyriad"), knownvalue.Int64Exact(203)),
					statecheck.ExpectKnownValue("commercetools_cart_discount.fixed", tfjsonpath.New("value").AtSliceIndex(0).AtMapKey("money").AtSliceIndex(0).AtMapKey("cent_amount"), knownvalue.Int64Exact(899)),
				}},
			{Config: acctest.ProviderBlock(srv) + everyKind(true), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

func swap(a, b, g string) string {
	out := ""
	for _, d := range []struct{ key, order string }{{"aa", a}, {"bb", b}} {
		out += fmt.Sprintf(`
resource "commercetools_cart_discount" %q {
  key        = %q
  name       = { en = %q }
  predicate  = "1 = 1"
  sort_order = %q
  value {
    type      = "relative"
    permyriad = 100
  }
  target {
    type = "shipping"
  }
}
`, d.key, d.key, d.key, d.order)
	}
	return out + fmt.Sprintf(`
resource "commercetools_discount_group" "gg" {
  key        = "gg"
  sort_order = %q
}
`, g)
}

// TestAccCartDiscount_swapSortOrders trades the sort orders of two cart discounts in one apply,
// then rotates them with a discount group's (they share one pool of unique values).
func TestAccCartDiscount_swapSortOrders(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	updated := func(addrs ...string) []plancheck.PlanCheck {
		var out []plancheck.PlanCheck
		for _, a := range addrs {
			out = append(out, plancheck.ExpectResourceAction(a, plancheck.ResourceActionUpdate))
		}
		return out
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: acctest.ProviderBlock(srv) + swap("0.7", "0.8", "0.9")},
			{Config: acctest.ProviderBlock(srv) + swap("0.8", "0.7", "0.9"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: updated("commercetools_cart_discount.aa", "commercetools_cart_discount.bb")},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("commercetools_cart_discount.aa", tfjsonpath.New("sort_order"), knownvalue.StringExact("0.8")),
					acctest.StateFunc(func(*tfjson.State) error {
						return expectSortOrders(srv, map[string]string{"aa": "0.8", "bb": "0.7", "gg": "0.9"})
					}),
				}},
			{Config: acctest.ProviderBlock(srv) + swap("0.9", "0.8", "0.7"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: updated("commercetools_cart_discount.aa", "commercetools_discount_group.gg")},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("commercetools_discount_group.gg", tfjsonpath.New("sort_order"), knownvalue.StringExact("0.7")),
					acctest.StateFunc(func(*tfjson.State) error {
						return expectSortOrders(srv, map[string]string{"aa": "0.9", "bb": "0.8", "gg": "0.7"})
					}),
				}},
			{Config: acctest.ProviderBlock(srv) + swap("0.9", "0.8", "0.7"), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

func expectSortOrders(srv *emulator.TestServer, want map[string]string) error {
	got := map[string]string{}
	for _, coll := range []string{"cart-discounts", "discount-groups"} {
		for _, d := range srv.Docs(srv.Project.Key, coll) {
			k, _ := d["key"].(string)
			got[k], _ = d["sortOrder"].(string)
		}
	}
	for k, v := range want {
		if got[k] != v {
			return fmt.Errorf("the emulator holds sort order %q for %s, want %q (all: %v)", got[k], k, v, got)
		}
	}
	return nil
}

// TestAccCartDiscount_refusedAtPlan: what the API would refuse is an error at plan time.
func TestAccCartDiscount_refusedAtPlan(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	one := func(body string) string {
		return acctest.ProviderBlock(srv) + `resource "commercetools_cart_discount" "x" {
  name      = { en = "X" }
  predicate = "1 = 1"
` + body + "\n}\n"
	}
	steps := []resource.TestStep{}
	for _, c := range []struct{ body, want string }{
		{`sort_order = "0.5"
  value {
    type = "relative"
  }
  target {
    type = "shipping"
  }`, `A relative value needs permyriad`},
		{`sort_order = "0.5"
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 1
    }
    money {
      currency_code = "EUR"
      cent_amount   = 2
    }
  }
  target {
    type = "shipping"
  }`, `EUR has more than one money block`},
		{`sort_order = "0.5"
  value {
    type = "absolute"
    money {
      currency_code = "EURO"
      cent_amount   = 1
    }
  }
  target {
    type = "shipping"
  }`, `"EURO" is not a currency`},
		{`sort_order = "0.5"
  value {
    type = "fixed"
    money {
      currency_code   = "EUR"
      precise_amount  = 1234
      fraction_digits = 2
    }
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }`, `A precise_amount needs fraction_digits above the 2 of EUR`},
		{`sort_order = "0.5"
  value {
    type      = "relative"
    permyriad = 10
  }`, `A relative value needs a target block`},
		{`sort_order = "0.50"
  value {
    type      = "relative"
    permyriad = 10
  }
  target {
    type = "shipping"
  }`, `without a trailing zero`},
		{`value {
    type      = "relative"
    permyriad = 10
  }
  target {
    type = "shipping"
  }`, `A cart discount needs sort_order unless it belongs to a discount group`},
		{`sort_order = "0.5"
  value {
    type      = "relative"
    permyriad = 10
  }
  target {
    type                = "multiBuyLineItems"
    predicate           = "1 = 1"
    trigger_quantity    = 2
    discounted_quantity = 3
    selection_mode      = "Cheapest"
  }`, `discounted_quantity \(3\) must be at most trigger_quantity \(2\)`},
		{`sort_order = "0.5"
  valid_from  = "2027-01-02T00:00:00Z"
  valid_until = "2027-01-01T00:00:00Z"
  value {
    type      = "relative"
    permyriad = 10
  }
  target {
    type = "shipping"
  }`, `must be later than valid_from`},
	} {
		steps = append(steps, resource.TestStep{Config: one(c.body), PlanOnly: true, ExpectError: regexp.MustCompile(c.want)})
	}
	// Two resources of the configuration with one sort order.
	steps = append(steps, resource.TestStep{PlanOnly: true, ExpectError: regexp.MustCompile(`Value used twice`),
		Config: acctest.ProviderBlock(srv) + `
resource "commercetools_cart_discount" "x" {
  name       = { en = "X" }
  predicate  = "1 = 1"
  sort_order = "0.42"
  value {
    type      = "relative"
    permyriad = 10
  }
  target {
    type = "shipping"
  }
}
resource "commercetools_discount_group" "y" {
  key        = "yy"
  sort_order = "0.42"
}
`})
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories, Steps: steps})
}

// TestAccCartDiscount_unknownMoney: money the provider does not model, read from the API, is a
// warning that keeps the state, never a crash.
func TestAccCartDiscount_unknownMoney(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	config := acctest.ProviderBlock(srv) + `
resource "commercetools_cart_discount" "x" {
  key        = "xx"
  name       = { en = "X" }
  predicate  = "1 = 1"
  sort_order = "0.5"
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 100
    }
  }
  target {
    type = "shipping"
  }
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config},
			{PreConfig: func() {
				for _, d := range srv.Docs(srv.Project.Key, "cart-discounts") {
					v, _ := d["value"].(map[string]any)
					if v == nil {
						t.Fatal("no value on the emulator")
					}
					v["money"] = []any{map[string]any{"type": "quantumPrecision", "currencyCode": "EUR", "centAmount": 100, "qubits": 3}}
					if err := srv.PutDoc(srv.Project.Key, "cart-discounts", d); err != nil {
						t.Fatal(err)
					}
				}
			}, Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{PreConfig: func() {
				for _, d := range srv.Docs(srv.Project.Key, "cart-discounts") {
					d["value"] = map[string]any{"type": "loyaltyPoints", "points": 10}
					if err := srv.PutDoc(srv.Project.Key, "cart-discounts", d); err != nil {
						t.Fatal(err)
					}
				}
			}, Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

func TestMigrationFromLabd_cartDiscount(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "cart_discount", Types: []string{"commercetools_cart_discount"}})
}
