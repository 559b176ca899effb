package apiclient_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

const (
	routeList   = "GET /{projectKey}/api-clients"
	routeGet    = "GET /{projectKey}/api-clients/{id}"
	routeCreate = "POST /{projectKey}/api-clients"
	routeDelete = "DELETE /{projectKey}/api-clients/{id}"
)

// phaseBudget is a plan check used as a hook between Terraform commands: it
// checks the requests the emulator saw since the previous hook, then resets
// the counters for the next phase.
type phaseBudget struct {
	srv   *emulator.TestServer
	phase string
	// want maps a route to its exact count; "api" is the total of API
	// requests, "token" the most token requests allowed.
	want map[string]int
}

func (b phaseBudget) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	got := b.srv.Counts()
	b.srv.ResetCounts()
	for k, want := range b.want {
		var n int
		switch k {
		case "api":
			n = got.API
		case "token":
			if got.Token > want {
				resp.Error = fmt.Errorf("%s: %d token requests, want at most %d (all: %v)", b.phase, got.Token, want, got.ByRoute)
				return
			}
			continue
		default:
			n = got.ByRoute[k]
		}
		if n != want {
			resp.Error = fmt.Errorf("%s: %d requests for %q, want exactly %d (all: %v)", b.phase, n, k, want, got.ByRoute)
			return
		}
	}
}

func manyClients(srv *emulator.TestServer, n int) string {
	if n == 0 {
		return acctest.ProviderBlock(srv)
	}
	return acctest.ProviderBlock(srv) + fmt.Sprintf(`
resource "commercetools_api_client" "many" {
  count = %d
  name  = "budget-${count.index}"
  scope = ["view_products:my-ct-project-key"]
}
`, n)
}

// TestAccRequestBudget asserts the exact number of API requests of each
// phase: create costs one request per client and no read-back; a refresh
// costs one paged listing of the project (ceil(clients/500) requests, the
// emulator's admin client included) and no GET per resource; delete costs
// one request per client; the token is fetched once and reused.
func TestAccRequestBudget(t *testing.T) {
	acctest.PreCheck(t)
	sizes := []int{1, 100, 1000}
	if testing.Short() {
		sizes = []int{1, 100}
	}
	for _, n := range sizes {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			srv := acctest.NewEmulator(t)
			listPages := (n + 1 + 499) / 500 // the admin client is listed too
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{
					{
						Config: manyClients(srv, n),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{phaseBudget{srv, "plan of new clients", map[string]int{"api": 0, "token": 0}}},
							PostApplyPreRefresh: []plancheck.PlanCheck{phaseBudget{srv, "apply", map[string]int{
								"api": n, routeCreate: n, routeGet: 0, "token": 1,
							}}},
							PostApplyPostRefresh: []plancheck.PlanCheck{
								phaseBudget{srv, "refresh", map[string]int{"api": listPages, routeList: listPages, routeGet: 0, "token": 1}},
								plancheck.ExpectEmptyPlan(),
							},
						},
						ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectEmulatorClientCount(srv, n)},
					},
					{
						Config: manyClients(srv, 0),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{
								phaseBudget{srv, "refresh before destroy", map[string]int{"api": listPages, routeList: listPages, routeGet: 0, "token": 1}},
							},
							PostApplyPreRefresh: []plancheck.PlanCheck{phaseBudget{srv, "destroy", map[string]int{
								"api": n, routeDelete: n, "token": 1,
							}}},
						},
						ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectEmulatorClientCount(srv, 0)},
					},
				},
			})
		})
	}
}
