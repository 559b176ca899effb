package store_test

import (
	"fmt"
	"slices"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

const channels = `
resource "commercetools_channel" "web" {
  key   = "web"
  roles = ["ProductDistribution"]
}
resource "commercetools_channel" "outlet" {
  key   = "outlet"
  roles = ["ProductDistribution"]
}
resource "commercetools_channel" "warehouse" {
  key   = "warehouse"
  roles = ["InventorySupply"]
}
`

func TestAccStore_lifecycle(t *testing.T) {
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_store", Coll: "stores", Prelude: channels,
		Create: `
  key       = "de-store"
  name      = { en = "German web shop" }
  languages = ["en"]
  countries = ["DE"]
  distribution_channels = [commercetools_channel.web.key]
`,
		Updates: []acctest.Update{
			{Body: `
  key       = "de-store"
  name      = { en = "German web shop", de = "Deutscher Webshop" }
  languages = ["en"]
  countries = ["DE", "AT"]
  distribution_channels = [commercetools_channel.web.key, commercetools_channel.outlet.key]
  supply_channels       = [commercetools_channel.warehouse.key]
`},
			{Body: `
  key       = "de-store"
  countries = ["AT"]
  supply_channels = [commercetools_channel.warehouse.key]
`},
		},
		Replaces: []string{`
  key = "at-store"
`},
	})
}

// TestAccStore_onlyWhatChanged: channels and product selections changed in one apply go out as
// the actions for what changed, and nothing else (the emulator's request log).
func TestAccStore_onlyWhatChanged(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	for _, key := range []string{"summer", "winter", "outlet"} {
		if err := srv.PutDoc(srv.Project.Key, "product-selections", map[string]any{"id": "ps-" + key, "version": 1, "key": key,
			"name": map[string]any{"en": key}, "mode": "Individual", "productCount": 0}); err != nil {
			t.Fatal(err)
		}
	}
	cfg := func(dist, selections string) string {
		return acctest.ProviderBlock(srv) + channels + `
resource "commercetools_store" "test" {
  key                   = "de-store"
  languages             = ["en"]
  distribution_channels = ` + dist + `
` + selections + `
}
`
	}
	sel := func(id string, active bool) string {
		return fmt.Sprintf("  product_selection {\n    product_selection_id = %q\n    active = %t\n  }\n", id, active)
	}
	var actions []string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg(`[commercetools_channel.web.key]`, sel("ps-summer", true)+sel("ps-winter", false)+sel("ps-outlet", false))},
			{
				PreConfig: srv.ResetCounts,
				Config:    cfg(`[commercetools_channel.web.key, commercetools_channel.outlet.key]`, sel("ps-summer", true)+sel("ps-winter", true)),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateFunc(func(*tfjson.State) error {
						for _, l := range srv.RequestLog() {
							if l.Method == "POST" && l.Route == "/{projectKey}/stores/{id}" {
								actions = append(actions, l.Actions...)
							}
						}
						slices.Sort(actions)
						want := []string{"addDistributionChannel", "changeProductSelectionActive", "removeProductSelection"}
						if !slices.Equal(actions, want) {
							return fmt.Errorf("the update sent %v, want exactly %v", actions, want)
						}
						return nil
					}),
					statecheck.ExpectKnownValue("commercetools_store.test", tfjsonpath.New("product_selection"), knownvalue.SetSizeExact(2)),
				},
			},
		},
	})
}

// TestAccStore_refusals: a language the project lacks and a channel without the role a store
// needs are refused with the language or channel named.
func TestAccStore_refusals(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: acctest.ProviderBlock(srv) + `
resource "commercetools_store" "test" {
  key       = "fr-store"
  languages = ["fr"]
}`, ExpectError: acctest.Words(`not configured for given languages: ["fr"]`)},
			{Config: acctest.ProviderBlock(srv) + channels + `
resource "commercetools_store" "test" {
  key             = "x-store"
  supply_channels = [commercetools_channel.web.key]
}`, ExpectError: acctest.Words(`channel with key 'web' does not have the required role InventorySupply`)},
		},
	})
	if n := len(srv.Docs(srv.Project.Key, "stores")); n != 0 {
		t.Errorf("%d stores created", n)
	}
}

func TestMigrationFromLabd(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "store", Types: []string{"commercetools_store", "commercetools_channel"}})
}

// TestAccDataSources reads a store and a customer group by key.
func TestAccDataSources(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(srv) + channels + `
resource "commercetools_store" "de" {
  key                   = "de-store"
  languages             = ["en"]
  distribution_channels = [commercetools_channel.web.key]
}
resource "commercetools_customer_group" "b2b" {
  key  = "b2b"
  name = "B2B"
}
data "commercetools_store" "de" {
  key = commercetools_store.de.key
}
data "commercetools_customer_group" "b2b" {
  key = commercetools_customer_group.b2b.key
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.commercetools_store.de", tfjsonpath.New("distribution_channels"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("web")})),
				statecheck.ExpectKnownValue("data.commercetools_customer_group.b2b", tfjsonpath.New("name"), knownvalue.StringExact("B2B")),
			},
		}},
	})
}

// TestAccStore_storefront: the storefront URLs are created with the store, changed one action per
// URL, removed one by one; without the block they are not managed (a change made outside stays);
// an import reads them; a template without its variable is refused by the API with the field named.
func TestAccStore_storefront(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	cfg := func(block string) string {
		return acctest.ProviderBlock(srv) + `
resource "commercetools_store" "test" {
  key       = "web-store"
` + block + `
}
`
	}
	front := func() map[string]any {
		for _, d := range srv.Docs(srv.Project.Key, "stores") {
			f, _ := d["storefront"].(map[string]any)
			return f
		}
		return nil
	}
	const addr = "commercetools_store.test"
	var actions []string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg(`  storefront {
    checkout_url_template = "https://shop.example/checkout/{checkoutId}"
    order_url_template    = "https://shop.example/orders/{orderId}"
    privacy_policy_url    = "https://shop.example/privacy"
  }`),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateFunc(func(*tfjson.State) error {
						if f := front(); len(f) != 3 || f["privacyPolicyUrl"] != "https://shop.example/privacy" {
							return fmt.Errorf("the store's storefront is %v", f)
						}
						return nil
					}),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("storefront").AtSliceIndex(0).AtMapKey("faq_url"), knownvalue.Null()),
				}},
			{
				PreConfig: srv.ResetCounts,
				Config: cfg(`  storefront {
    checkout_url_template = "https://shop.example/checkout/{checkoutId}"
    privacy_policy_url    = "https://shop.example/legal/privacy"
    faq_url               = "https://shop.example/faq"
  }`),
				ConfigStateChecks: []statecheck.StateCheck{acctest.StateFunc(func(*tfjson.State) error {
					for _, l := range srv.RequestLog() {
						if l.Method == "POST" && l.Route == "/{projectKey}/stores/{id}" {
							actions = append(actions, l.Actions...)
						}
					}
					slices.Sort(actions)
					if want := []string{"setFaqUrl", "setOrderUrlTemplate", "setPrivacyPolicyUrl"}; !slices.Equal(actions, want) {
						return fmt.Errorf("the update sent %v, want %v", actions, want)
					}
					if f := front(); len(f) != 3 || f["orderUrlTemplate"] != nil {
						return fmt.Errorf("the store's storefront is %v", f)
					}
					return nil
				})},
			},
			{RefreshState: true}, // an import reads unset URLs as "", as a refresh stores them
			{Config: cfg(`  storefront {
    checkout_url_template = "https://shop.example/checkout/{checkoutId}"
    privacy_policy_url    = "https://shop.example/legal/privacy"
    faq_url               = "https://shop.example/faq"
  }`), ResourceName: addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			// Without the block the URLs are not managed: they stay.
			{Config: cfg(""), ConfigStateChecks: []statecheck.StateCheck{acctest.StateFunc(func(*tfjson.State) error {
				if f := front(); len(f) != 3 {
					return fmt.Errorf("leaving the block out changed the storefront: %v", f)
				}
				return nil
			})}},
			{Config: cfg(`  storefront {
    order_url_template = "https://shop.example/orders"
  }`), ExpectError: acctest.Words(`the template must contain {orderId}`)},
		},
	})
}
