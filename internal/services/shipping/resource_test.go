package shipping_test

import (
	"fmt"
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

const taxCategory = `
resource "commercetools_tax_category" "standard" {
  key  = "standard"
  name = "Standard"
}
`

func TestAccShippingZone_lifecycle(t *testing.T) {
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_shipping_zone", Coll: "zones",
		Create: `
  key  = "dach"
  name = "DACH"
  location {
    country = "DE"
  }
  location {
    country = "AT"
  }
`,
		Updates: []acctest.Update{
			{Body: `
  key         = "dach"
  name        = "DACH region"
  description = "Germany, Austria, Switzerland"
  location {
    country = "CH"
  }
  location {
    country = "AT"
  }
  location {
    country = "DE"
  }
`},
			{Body: `
  key  = "dach-us"
  name = "DACH region"
  location {
    country = "DE"
  }
  location {
    country = "US"
    state   = "NY"
  }
`},
		},
	})
}

func TestAccShippingMethod_lifecycle(t *testing.T) {
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_shipping_method", Coll: "shipping-methods",
		Prelude: taxCategory + `
resource "commercetools_tax_category" "reduced" {
  key  = "reduced"
  name = "Reduced"
}
` + acctest.ChannelFieldsType,
		Create: `
  key             = "standard"
  name            = "Standard delivery"
  tax_category_id = commercetools_tax_category.standard.id
`,
		Checks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("commercetools_shipping_method.test", tfjsonpath.New("active"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue("commercetools_shipping_method.test", tfjsonpath.New("is_default"), knownvalue.Bool(false)),
		},
		Updates: []acctest.Update{
			{Body: `
  key                   = "standard"
  name                  = "Standard"
  description           = "2-3 days"
  localized_name        = { en = "Standard", de = "Standard" }
  localized_description = { en = "2-3 days" }
  tax_category_id       = commercetools_tax_category.reduced.id
  is_default            = true
  active                = false
  predicate             = "lineItemCount() > 0"
  carrier               = "DHL"
`},
			{Body: `
  key             = "standard-2"
  name            = "Standard"
  tax_category_id = commercetools_tax_category.reduced.id
  predicate       = "lineItemCount() > 1"
`},
		},
	})
}

func rateConfig(price int, currency string, tiers bool) string {
	tier := ""
	if tiers {
		tier = `
  shipping_rate_price_tier {
    type                = "CartValue"
    minimum_cent_amount = 2500
    price {
      cent_amount   = 295
      currency_code = "` + currency + `"
    }
  }`
	}
	return taxCategory + `
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
resource "commercetools_shipping_zone_rate" "eur" {
  shipping_method_id = commercetools_shipping_method.standard.id
  shipping_zone_id   = commercetools_shipping_zone.dach.id
  price {
    cent_amount   = ` + fmt.Sprint(price) + `
    currency_code = "` + currency + `"
  }
  free_above {
    cent_amount   = 5000
    currency_code = "` + currency + `"
  }` + tier + `
}
resource "commercetools_shipping_zone_rate" "chf" {
  shipping_method_id = commercetools_shipping_method.standard.id
  shipping_zone_id   = commercetools_shipping_zone.dach.id
  price {
    cent_amount   = 900
    currency_code = "CHF"
  }
}
`
}

// TestAccShippingZoneRate adds the zone with the first rate, changes a rate with one request
// (remove and add), replaces it for a new currency, imports it by method@zone@currency, refuses a
// malformed import id, and removes the zone with the last rate.
func TestAccShippingZoneRate(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	const addr = "commercetools_shipping_zone_rate.eur"
	zoneRates := func(want int) statecheck.StateCheck {
		return acctest.StateFunc(func(*tfjson.State) error {
			for _, d := range srv.Docs(srv.Project.Key, "shipping-methods") {
				zr, _ := d["zoneRates"].([]any)
				if len(zr) != want {
					return fmt.Errorf("the method has %d zone rate entries, want %d: %v", len(zr), want, zr)
				}
			}
			return nil
		})
	}
	cfg := func(price int, currency string, tiers bool) string {
		return acctest.ProviderBlock(srv) + rateConfig(price, currency, tiers)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg(495, "EUR", true), ConfigStateChecks: []statecheck.StateCheck{zoneRates(1),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("shipping_rate_price_tier").AtSliceIndex(0).AtMapKey("minimum_cent_amount"), knownvalue.Int64Exact(2500))}},
			{Config: cfg(495, "EUR", true), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				PreConfig: srv.ResetCounts,
				Config:    cfg(595, "EUR", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectRequests(srv, map[string]int{"POST /{projectKey}/shipping-methods/{id}": 1}),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("price").AtSliceIndex(0).AtMapKey("cent_amount"), knownvalue.Int64Exact(595)),
				},
			},
			{ResourceName: addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{Config: cfg(595, "EUR", false), ResourceName: addr, ImportState: true, ImportStateId: "a@b",
				ExpectError: acctest.Words(`"a@b" is not <shipping method id>@<shipping zone id>@<currency>`)},
			{Config: cfg(595, "EUR", false), ResourceName: addr, ImportState: true, ImportStateId: "a@b@euro",
				ExpectError: acctest.Words(`is not <shipping method id>@<shipping zone id>@<currency>`)},
			{Config: cfg(595, "GBP", false), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate)}},
				Check: func(s *terraform.State) error {
					if id := s.RootModule().Resources[addr].Primary.ID; len(id) < 5 || id[len(id)-4:] != "@GBP" {
						return fmt.Errorf("id %q", id)
					}
					return nil
				}},
			{Config: acctest.ProviderBlock(srv) + taxCategory + `
resource "commercetools_shipping_method" "standard" {
  key             = "standard"
  name            = "Standard"
  tax_category_id = commercetools_tax_category.standard.id
}
resource "commercetools_shipping_zone" "dach" {
  key  = "dach"
  name = "DACH"
  location {
    country = "DE"
  }
}
`, ConfigStateChecks: []statecheck.StateCheck{zoneRates(0)}},
		},
	})
}

// TestAccTaxCategory_usedByShippingMethod: deleting a tax category a shipping method uses fails
// with the API's error, named.
func TestAccTaxCategory_usedByShippingMethod(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	if err := srv.PutDoc(srv.Project.Key, "shipping-methods", map[string]any{"id": "m1", "version": 1, "name": "Outside", "isDefault": false,
		"active": true, "zoneRates": []any{}, "taxCategory": map[string]any{"typeId": "tax-category", "id": "will-be-replaced"}}); err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: acctest.ProviderBlock(srv) + taxCategory, Check: func(s *terraform.State) error {
				id := s.RootModule().Resources["commercetools_tax_category.standard"].Primary.ID
				m, _ := srv.Doc(srv.Project.Key, "shipping-methods", "m1")
				m["taxCategory"] = map[string]any{"typeId": "tax-category", "id": id}
				return srv.PutDoc(srv.Project.Key, "shipping-methods", m)
			}},
			{Config: acctest.ProviderBlock(srv), ExpectError: acctest.Words(`Unable to delete tax category "standard"`)},
			{Config: acctest.ProviderBlock(srv), PreConfig: func() { srv.DeleteDoc(srv.Project.Key, "shipping-methods", "m1") }},
		},
	})
}
