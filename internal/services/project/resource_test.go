package project_test

import (
	"fmt"
	"testing"
	"time"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

const addr = "commercetools_project_settings.project"

const full = `
resource "commercetools_project_settings" "project" {
  name       = "ACME Commerce"
  countries  = ["DE", "AT", "NL"]
  currencies = ["EUR", "GBP"]
  languages  = ["en", "de", "nl"]

  messages {
    enabled                    = true
    delete_days_after_creation = 30
  }
  carts {
    country_tax_rate_fallback_enabled   = true
    delete_days_after_last_modification = 30
    price_rounding_mode                 = "HalfUp"
  }
  shopping_lists {
    delete_days_after_last_modification = 180
  }
  shipping_rate_input_type = "CartClassification"
  shipping_rate_cart_classification_value {
    key   = "small"
    label = { en = "Small parcel" }
  }
  shipping_rate_cart_classification_value {
    key   = "bulky"
    label = { en = "Bulky goods" }
  }
  enable_search_index_products       = true
  enable_search_index_product_search = true
  enable_search_index_customers      = true
  business_units {
    my_business_unit_status_on_creation = "Active"
  }
  external_oauth {
    url                  = "https://auth.acme.example/oauth/introspect"
    authorization_header = "Bearer sekrit-introspection-token"
  }
  discounts {
    discount_combination_mode = "BestDeal"
  }
  inventory {
    reservation_expiration_in_minutes = 60
  }
}
`

func project(srv interface {
	Doc(string, string, string) (map[string]any, bool)
}, key string) map[string]any {
	d, _ := srv.Doc(key, "project", key)
	return d
}

// TestAccProjectSettings: create adopts the project and applies every setting; the masked OAuth
// header never plans a change; a setting the API shows late (StaleProjectReads) is waited for;
// import by project key plans nothing; destroy leaves the project.
func TestAccProjectSettings(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	cfg := acctest.ProviderBlock(srv) + full
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectSensitiveValue(addr, tfjsonpath.New("external_oauth").AtSliceIndex(0).AtMapKey("authorization_header")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact(srv.Project.Key)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("enable_search_index_orders"), knownvalue.Bool(false)),
					acctest.StateFunc(func(*tfjson.State) error {
						p := project(srv, srv.Project.Key)
						oauth, _ := p["externalOAuth"].(map[string]any)
						carts, _ := p["carts"].(map[string]any)
						if p["name"] != "ACME Commerce" || carts["priceRoundingMode"] != "HalfUp" || oauth["authorizationHeader"] != "****" {
							return fmt.Errorf("project on the emulator: %v", p)
						}
						return nil
					}),
				},
			},
			{Config: cfg, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{
				// commercetools shows the new value late: the apply waits for it.
				PreConfig: func() { srv.Faults().StaleProjectReads(1500 * time.Millisecond) },
				Config:    acctest.ProviderBlock(srv) + replace(full, "country_tax_rate_fallback_enabled   = true", "country_tax_rate_fallback_enabled   = false"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("carts").AtSliceIndex(0).AtMapKey("country_tax_rate_fallback_enabled"), knownvalue.Bool(false)),
				},
			},
			{
				PreConfig:        func() { srv.Faults().StaleProjectReads(0) },
				Config:           acctest.ProviderBlock(srv) + replace(full, "country_tax_rate_fallback_enabled   = true", "country_tax_rate_fallback_enabled   = false"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{ResourceName: addr, ImportState: true, ImportStateId: srv.Project.Key, ImportStateVerify: true,
				// The API masks the header and a block that is not configured is not managed.
				ImportStateVerifyIgnore: []string{"timeouts", "external_oauth", "messages", "carts", "shopping_lists", "business_units", "discounts", "inventory"}},
			{Config: acctest.ProviderBlock(srv) + full, ResourceName: addr, ImportState: true, ImportStateId: "another-project",
				ExpectError: acctest.Words(`Import commercetools_project_settings by the key of the project the provider manages`)},
			{
				// Destroy leaves the project as it is.
				Config: acctest.ProviderBlock(srv),
				ConfigStateChecks: []statecheck.StateCheck{acctest.StateFunc(func(*tfjson.State) error {
					if p := project(srv, srv.Project.Key); p["name"] != "ACME Commerce" {
						return fmt.Errorf("the project changed on destroy: %v", p["name"])
					}
					return nil
				})},
			},
		},
	})
}

func replace(s, old, repl string) string {
	out := ""
	for i := 0; i+len(old) <= len(s); {
		if s[i:i+len(old)] == old {
			return out + repl + s[i+len(old):]
		}
		out += s[i : i+1]
		i++
	}
	return s
}
