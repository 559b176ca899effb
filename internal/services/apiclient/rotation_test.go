package apiclient_test

import (
	"fmt"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

// Routes of the emulator's request log.
const (
	clientsRoute = "/{projectKey}/api-clients"
	clientRoute  = "/{projectKey}/api-clients/{id}"
	tokenRoute   = "/oauth/token"
)

// loggedRequest returns the only successful request of the emulator's log
// with the given method and route about the given id.
func loggedRequest(srv *emulator.TestServer, method, route, id string) (emulator.LoggedRequest, error) {
	var found []emulator.LoggedRequest
	for _, r := range srv.RequestLog() {
		if r.Method == method && r.Route == route && r.ResourceID == id && r.Status < 300 {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		return emulator.LoggedRequest{}, fmt.Errorf("the emulator logged %d successful %s %s for %s, want 1", len(found), method, route, id)
	}
	return found[0], nil
}

// captureAttr stores a string attribute of a resource for a later step.
func captureAttr(address, attr string, into *string) statecheck.StateCheck {
	return checkState(func(state *tfjson.State) (err error) {
		*into, err = stateAttr(state, address, attr)
		return err
	})
}

func TestAccAPIClient_rotationByKeepers(t *testing.T) {
	acctest.PreCheck(t)
	const addr = "commercetools_api_client.rotated"
	cases := []struct {
		name string
		// lifecycle is added to the resource.
		lifecycle string
		action    plancheck.ResourceActionType
		// newFirst is true when the new client must be created before the old one is deleted.
		newFirst bool
	}{
		{name: "create_before_destroy", lifecycle: "lifecycle {\n    create_before_destroy = true\n  }",
			action: plancheck.ResourceActionCreateBeforeDestroy, newFirst: true},
		{name: "default", action: plancheck.ResourceActionDestroyBeforeCreate},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := acctest.NewEmulator(t)
			config := func(rotation string) string {
				return acctest.ProviderBlock(srv) + fmt.Sprintf(`
resource "commercetools_api_client" "rotated" {
  name    = "rotated"
  scope   = ["view_products:my-ct-project-key"]
  keepers = { rotation = %q }
  %s
}
`, rotation, c.lifecycle)
			}
			var oldID string
			ids := statecheck.CompareValue(compare.ValuesDiffer())
			secrets := statecheck.CompareValue(compare.ValuesDiffer())
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{
					{
						Config: config("2026-01"),
						ConfigStateChecks: []statecheck.StateCheck{
							captureAttr(addr, "id", &oldID),
							ids.AddStateValue(addr, tfjsonpath.New("id")),
							secrets.AddStateValue(addr, tfjsonpath.New("secret")),
							acctest.ExpectClientOnEmulator(srv, addr, true),
						},
					},
					{
						// The same keepers plan nothing.
						Config: config("2026-01"),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectEmptyPlan(),
						}},
					},
					{
						Config: config("2026-02"),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(addr, plancheck.ResourceActionReplace),
							plancheck.ExpectResourceAction(addr, c.action),
							plancheck.ExpectUnknownValue(addr, tfjsonpath.New("secret")),
						}},
						ConfigStateChecks: []statecheck.StateCheck{
							ids.AddStateValue(addr, tfjsonpath.New("id")),
							secrets.AddStateValue(addr, tfjsonpath.New("secret")),
							acctest.ExpectClientOnEmulator(srv, addr, true),
							acctest.ExpectEmulatorClientCount(srv, 1),
							expectReplacementOrder(srv, addr, &oldID, c.newFirst),
						},
					},
				},
			})
		})
	}
}

// expectReplacementOrder checks in the emulator's request log that the
// resource's new client was created before (newFirst) or after the old
// client was deleted.
func expectReplacementOrder(srv *emulator.TestServer, address string, oldID *string, newFirst bool) statecheck.StateCheck {
	return checkState(func(state *tfjson.State) error {
		newID, err := stateAttr(state, address, "id")
		if err != nil {
			return err
		}
		created, err := loggedRequest(srv, "POST", clientsRoute, newID)
		if err != nil {
			return err
		}
		deleted, err := loggedRequest(srv, "DELETE", clientRoute, *oldID)
		if err != nil {
			return err
		}
		if got := created.Seq < deleted.Seq; got != newFirst {
			return fmt.Errorf("new client %s created at #%d, old client %s deleted at #%d: want the creation first = %v",
				newID, created.Seq, *oldID, deleted.Seq, newFirst)
		}
		return nil
	})
}
