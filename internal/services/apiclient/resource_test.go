package apiclient_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

const seedAddr = "commercetools_api_client.my-api-client"

// seedConfig is the example of the seed page with snake_case names.
func seedConfig(srv *emulator.TestServer) string {
	return acctest.ProviderBlock(srv) + `
resource "commercetools_api_client" "my-api-client" {
  name                           = "My API Client"
  scope                          = ["manage_orders:my-ct-project-key", "manage_payments:my-ct-project-key"]
  access_token_validity_seconds  = 3600
  refresh_token_validity_seconds = 60
}
`
}

func TestAccAPIClient_seedExample(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: seedConfig(srv),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(seedAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectUnknownValue(seedAddr, tfjsonpath.New("secret")),
					plancheck.ExpectSensitiveValue(seedAddr, tfjsonpath.New("secret")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(seedAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^\S{10,}$`))),
					statecheck.ExpectKnownValue(seedAddr, tfjsonpath.New("secret"), knownvalue.StringRegexp(regexp.MustCompile(`^\S{16,}$`))),
					statecheck.ExpectKnownValue(seedAddr, tfjsonpath.New("name"), knownvalue.StringExact("My API Client")),
					statecheck.ExpectKnownValue(seedAddr, tfjsonpath.New("access_token_validity_seconds"), knownvalue.Int64Exact(3600)),
					statecheck.ExpectKnownValue(seedAddr, tfjsonpath.New("refresh_token_validity_seconds"), knownvalue.Int64Exact(60)),
					statecheck.ExpectKnownValue(seedAddr, tfjsonpath.New("delete_days_after_creation"), knownvalue.Null()),
					statecheck.ExpectKnownValue(seedAddr, tfjsonpath.New("delete_at"), knownvalue.Null()),
					statecheck.ExpectKnownValue(seedAddr, tfjsonpath.New("last_used_at"), knownvalue.Null()),
					statecheck.ExpectKnownValue(seedAddr, tfjsonpath.New("created_at"), knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT`))),
					statecheck.ExpectKnownValue(seedAddr, tfjsonpath.New("scope"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("manage_orders:my-ct-project-key"),
						knownvalue.StringExact("manage_payments:my-ct-project-key"),
					})),
					acctest.ExpectClientOnEmulator(srv, seedAddr, true),
					acctest.ExpectEmulatorClientCount(srv, 1),
				},
			},
			{
				Config: seedConfig(srv),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectClientOnEmulator(srv, seedAddr, true),
				},
			},
		},
	})
}

func clientConfig(srv *emulator.TestServer, body string) string {
	return acctest.ProviderBlock(srv) + fmt.Sprintf(`
resource "commercetools_api_client" "test" {
%s
}
`, body)
}

const testAddr = "commercetools_api_client.test"

func TestAccAPIClient_everyArgumentReplaces(t *testing.T) {
	acctest.PreCheck(t)
	base := map[string]string{
		"name":  `"replace me"`,
		"scope": `["view_products:my-ct-project-key"]`,
	}
	changes := []struct{ attr, value string }{
		{"name", `"replaced"`},
		{"scope", `["view_products:my-ct-project-key", "view_orders:my-ct-project-key"]`},
		{"access_token_validity_seconds", `7200`},
		{"refresh_token_validity_seconds", `120`},
		{"delete_days_after_creation", `30`},
		{"keepers", `{ rotation = "2026-12" }`},
	}
	for _, ch := range changes {
		t.Run(ch.attr, func(t *testing.T) {
			srv := acctest.NewEmulator(t)
			changed := map[string]string{}
			for k, v := range base {
				changed[k] = v
			}
			changed[ch.attr] = ch.value
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{
					{Config: clientConfig(srv, hcl(base))},
					{
						Config: clientConfig(srv, hcl(changed)),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(testAddr, plancheck.ResourceActionDestroyBeforeCreate),
						}},
						ConfigStateChecks: []statecheck.StateCheck{
							acctest.ExpectClientOnEmulator(srv, testAddr, true),
							acctest.ExpectEmulatorClientCount(srv, 1),
						},
					},
				},
			})
		})
	}
}

func hcl(attrs map[string]string) string {
	var lines []string
	for _, k := range []string{"name", "scope", "access_token_validity_seconds", "refresh_token_validity_seconds", "delete_days_after_creation", "keepers"} {
		if v, ok := attrs[k]; ok {
			lines = append(lines, fmt.Sprintf("  %s = %s", k, v))
		}
	}
	return strings.Join(lines, "\n")
}

func TestAccAPIClient_import(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	cfg := clientConfig(srv, `
  name                          = "imported"
  scope                         = ["manage_orders:my-ct-project-key", "view_products:my-ct-project-key"]
  access_token_validity_seconds = 7200
  delete_days_after_creation    = 10`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				Config:            cfg,
				ResourceName:      testAddr,
				ImportState:       true,
				ImportStateVerify: true,
				// An unset lifetime reads back as 0 (package unset); the state of the create, not refreshed
				// yet, holds null.
				ImportStateVerifyIgnore: []string{"secret", "timeouts", "refresh_token_validity_seconds"},
			},
			{
				Config:          cfg,
				ResourceName:    testAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAddr, plancheck.ResourceActionNoop),
				}},
			},
		},
	})
}

// TestAccAPIClient_importThenEmptyPlan imports into a fresh state and checks
// that the next plan is empty and the secret stays null.
func TestAccAPIClient_importThenEmptyPlan(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	if err := srv.PutAPIClient(srv.Project.Key, emulator.APIClient{
		ID: "preexistingclient0000001", Name: "made by hand", Scope: "manage_orders:my-ct-project-key view_orders:my-ct-project-key",
		Secret: "handmadesecret00000000000000000", AccessTokenValiditySeconds: intp(3600),
	}); err != nil {
		t.Fatal(err)
	}
	cfg := clientConfig(srv, `
  name                          = "made by hand"
  scope                         = ["manage_orders:my-ct-project-key"]
  access_token_validity_seconds = 3600`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:             cfg,
				ResourceName:       testAddr,
				ImportState:        true,
				ImportStateId:      "preexistingclient0000001",
				ImportStatePersist: true,
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAddr, tfjsonpath.New("secret"), knownvalue.Null()),
					statecheck.ExpectKnownValue(testAddr, tfjsonpath.New("id"), knownvalue.StringExact("preexistingclient0000001")),
					acctest.ExpectEmulatorClientCount(srv, 1),
				},
			},
		},
	})
}

func intp(n int) *int { return &n }

func TestAccAPIClient_deletedOutsideTerraform(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	cfg := clientConfig(srv, `
  name  = "will vanish"
  scope = ["view_products:my-ct-project-key"]`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectEmulatorClientCount(srv, 1)}},
			{
				PreConfig: func() {
					for _, c := range srv.APIClients(srv.Project.Key) {
						if c.Name == "will vanish" && !srv.DeleteAPIClient(srv.Project.Key, c.ID) {
							t.Fatalf("client %s was not on the emulator", c.ID)
						}
					}
				},
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectClientOnEmulator(srv, testAddr, true),
					acctest.ExpectEmulatorClientCount(srv, 1),
				},
			},
		},
	})
}

func TestAccAPIClient_validityRangesAtPlan(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	cases := []struct {
		attr  string
		value int
		ok    bool
	}{
		{"access_token_validity_seconds", 3599, false},
		{"access_token_validity_seconds", 3600, true},
		{"access_token_validity_seconds", 604800, true},
		{"access_token_validity_seconds", 604801, false},
		{"refresh_token_validity_seconds", 29, false},
		{"refresh_token_validity_seconds", 30, true},
		{"refresh_token_validity_seconds", 31536000, true},
		{"refresh_token_validity_seconds", 31536001, false},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		step := resource.TestStep{
			Config: clientConfig(srv, fmt.Sprintf(`
  name  = "edge"
  scope = ["view_products:my-ct-project-key"]
  %s = %d`, c.attr, c.value)),
			PlanOnly: true,
		}
		if c.ok {
			step.ExpectNonEmptyPlan = true
		} else {
			step.ExpectError = regexp.MustCompile(fmt.Sprintf(`(?s)%s.*value must be between.*got: %d`, c.attr, c.value))
		}
		steps = append(steps, step)
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories, Steps: steps})
	if n := srv.Counts().API; n != 0 {
		t.Errorf("plans of invalid values made %d API requests, want 0", n)
	}
}

func TestAccAPIClient_scopeNormalisationPlansNothing(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	cfg := clientConfig(srv, `
  name  = "normalised"
  scope = ["manage_products:my-ct-project-key", "manage_orders:my-ct-project-key"]`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				PreConfig: func() { srv.Faults().NormalizeScopesOnRead(true) },
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAddr, tfjsonpath.New("scope"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("manage_orders:my-ct-project-key"),
						knownvalue.StringExact("manage_products:my-ct-project-key"),
					})),
					statecheck.ExpectKnownValue(testAddr, tfjsonpath.New("granted_scope"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("manage_orders:my-ct-project-key"),
						knownvalue.StringExact("manage_products:my-ct-project-key"),
						knownvalue.StringExact("view_orders:my-ct-project-key"),
						knownvalue.StringExact("view_products:my-ct-project-key"),
					})),
				},
			},
			{
				// Re-ordering and duplicates in the configuration plan nothing either.
				Config: clientConfig(srv, `
  name  = "normalised"
  scope = ["manage_orders:my-ct-project-key", "manage_products:my-ct-project-key", "manage_orders:my-ct-project-key"]`),
				PlanOnly: true,
			},
		},
	})
}

func TestAccAPIClient_missingManageAPIClients(t *testing.T) {
	acctest.PreCheck(t)
	p := emulator.DefaultProject()
	p.AdminScopes = []string{"manage_project:" + p.Key, "view_api_clients:" + p.Key}
	srv := acctest.NewEmulator(t, acctest.WithProjects(p))
	body := `
  name  = "not allowed"
  scope = ["view_products:my-ct-project-key"]`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				// Without a scopes setting the API refuses at apply.
				Config:      clientConfig(srv, body),
				ExpectError: regexp.MustCompile(`(?s)manage_api_clients:my-ct-project-key.*manage_project:my-ct-project-key\s+does\s+not\s+include`),
			},
			{
				// With a scopes setting that lacks it, the plan already says so.
				Config: acctest.ProviderBlock(srv, `scopes = "manage_project:my-ct-project-key view_api_clients:my-ct-project-key"`) +
					`resource "commercetools_api_client" "test" {` + body + "\n}\n",
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Missing scope manage_api_clients.*manage_project:my-ct-project-key\s+does\s+not\s+include`),
			},
		},
	})
	if n := acctest.CountClients(srv); n != 0 {
		t.Errorf("emulator holds %d clients, want 0", n)
	}
}

// deleteBehindBack is a plan check used as a hook: between the plan and the
// apply it deletes every client of the default project except the admin.
type deleteBehindBack struct{ srv *emulator.TestServer }

func (d deleteBehindBack) CheckPlan(context.Context, plancheck.CheckPlanRequest, *plancheck.CheckPlanResponse) {
	for _, c := range d.srv.APIClients(d.srv.Project.Key) {
		if c.ID != d.srv.Project.AdminClientID {
			d.srv.DeleteAPIClient(d.srv.Project.Key, c.ID)
		}
	}
}

// TestAccAPIClient_deleteOfAMissingClientSucceeds removes the client after
// the destroy was planned: the DELETE answers 404, which counts as deleted.
func TestAccAPIClient_deleteOfAMissingClientSucceeds(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: clientConfig(srv, `
  name  = "gone before delete"
  scope = ["view_products:my-ct-project-key"]`)},
			{
				Config: acctest.ProviderBlock(srv),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAddr, plancheck.ResourceActionDestroy),
					deleteBehindBack{srv},
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectEmulatorClientCount(srv, 0)},
			},
		},
	})
	if n := srv.Counts().ByRoute["DELETE /{projectKey}/api-clients/{id}"]; n != 1 {
		t.Errorf("want exactly one DELETE (answered 404), got %d", n)
	}
}
