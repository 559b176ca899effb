package channel_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

// TestAccChannel_requestBudget: creating 120 channels costs one POST each and no read; a
// refresh of all of them costs one listing page and no GET; destroying them costs one DELETE
// each after one listing page.
func TestAccChannel_requestBudget(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	const (
		list = "GET /{projectKey}/channels"
		get  = "GET /{projectKey}/channels/{id}"
		post = "POST /{projectKey}/channels"
		upd  = "POST /{projectKey}/channels/{id}"
		del  = "DELETE /{projectKey}/channels/{id}"
	)
	cfg := acctest.ProviderBlock(srv) + `
resource "commercetools_channel" "many" {
  count = 120
  key   = "channel-${count.index}"
  roles = ["InventorySupply"]
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: srv.ResetCounts,
				Config:    cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectRequests(srv, map[string]int{post: 120, list: 0, get: 0, upd: 0}),
				},
			},
			{
				PreConfig: srv.ResetCounts,
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
					acctest.ExpectRequests(srv, map[string]int{list: 1, get: 0, post: 0, upd: 0}),
				}},
			},
			{
				PreConfig: srv.ResetCounts,
				Config:    acctest.ProviderBlock(srv),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectRequests(srv, map[string]int{list: 1, get: 0, del: 120}),
					acctest.ExpectEmulatorCount(srv, "channels", 0),
				},
			},
		},
	})
}
