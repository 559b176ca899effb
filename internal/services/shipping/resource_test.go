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

// TestAccShippingMethod_stores: the stores a shipping method applies to are created with it,
// changed one store at a time, and removed all at once; a store that does not exist is refused
// with its key named.
func TestAccShippingMethod_stores(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	cfg := func(stores string) string {
		return acctest.ProviderBlock(srv) + taxCategory + `
resource "commercetools_store" "eu" {
  key = "eu"
}
resource "commercetools_store" "us" {
  key = "us"
}
resource "commercetools_store" "uk" {
  key = "uk"
}
resource "commercetools_shipping_method" "test" {
  key             = "express"
  name            = "Express"
  tax_category_id = commercetools_tax_category.standard.id
` + stores + `
}
`
	}
	stored := func() []string {
		var out []string
		for _, d := range srv.Docs(srv.Project.Key, "shipping-methods") {
			for _, s := range d["stores"].([]any) { //nolint:forcetypeassert // the emulator stores a list
				m, _ := s.(map[string]any)
				out = append(out, fmt.Sprint(m["key"]))
			}
		}
		return out
	}
	actions := func() []string {
		var out []string
		for _, l := range srv.RequestLog() {
			if l.Method == "POST" && l.Route == "/{projectKey}/shipping-methods/{id}" {
				out = append(out, l.Actions...)
			}
		}
		return out
	}
	check := func(wantStores, wantActions string) statecheck.StateCheck {
		return acctest.StateFunc(func(*tfjson.State) error {
			if got := fmt.Sprint(stored()); got != wantStores {
				return fmt.Errorf("the method applies to stores %s, want %s", got, wantStores)
			}
			if got := fmt.Sprint(actions()); got != wantActions {
				return fmt.Errorf("the update sent %s, want %s", got, wantActions)
			}
			return nil
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg(`  stores = [commercetools_store.eu.key, commercetools_store.us.key]`), ConfigStateChecks: []statecheck.StateCheck{check("[eu us]", "[]")}},
			{PreConfig: srv.ResetCounts, Config: cfg(`  stores = [commercetools_store.eu.key, commercetools_store.uk.key]`),
				ConfigStateChecks: []statecheck.StateCheck{check("[eu uk]", "[removeStore addStore]")}},
			{PreConfig: srv.ResetCounts, Config: cfg(""), ConfigStateChecks: []statecheck.StateCheck{check("[]", "[setStores]"),
				statecheck.ExpectKnownValue("commercetools_shipping_method.test", tfjsonpath.New("stores"), knownvalue.Null())}},
			{Config: cfg(`  stores = ["nowhere"]`), ExpectError: acctest.Words(`nowhere`)},
		},
	})
}
