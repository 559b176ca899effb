package customobject_test

import (
	"fmt"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

const (
	addr  = "commercetools_custom_object.test"
	coll  = "custom-objects"
	write = "POST /{projectKey}/custom-objects"
)

func cfg(srv *emulator.TestServer, container, value string) string {
	return acctest.ProviderBlock(srv) + fmt.Sprintf(`
resource "commercetools_custom_object" "test" {
  container = %q
  key       = "checkout"
  value     = %s
}
`, container, value)
}

// stored returns the value the emulator holds for container/checkout.
func stored(srv *emulator.TestServer, container string) (map[string]any, bool) {
	for _, d := range srv.Docs(srv.Project.Key, coll) {
		if d["container"] == container && d["key"] == "checkout" {
			return d, true
		}
	}
	return nil, false
}

func expectStored(srv *emulator.TestServer, container, want string) statecheck.StateCheck {
	return acctest.StateFunc(func(_ *tfjson.State) error {
		d, ok := stored(srv, container)
		if !ok {
			return fmt.Errorf("no custom object %s/checkout on the emulator", container)
		}
		if got := fmt.Sprint(d["value"]); got != want {
			return fmt.Errorf("emulator value %s, want %s", got, want)
		}
		return nil
	})
}

// TestAccCustomObject_lifecycle: create (null fields warned about, not diffed), a reformatted
// value plans nothing, an update is one write with the version, a concurrent change is
// absorbed, import by container/key and by id, a container change replaces, an object deleted
// outside Terraform is planned again, destroy leaves nothing.
func TestAccCustomObject_lifecycle(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	v1 := `jsonencode({ newCheckout = true, rollout = 25, markets = ["DE", "NL"], legacy = null })`
	reformatted := `"{\"markets\": [\"DE\", \"NL\"],\n \"rollout\": 25.0, \"newCheckout\": true}"`
	v2 := `jsonencode({ newCheckout = false, rollout = 50, markets = ["DE"] })`
	idOf := func(s *terraform.State) (string, error) { return s.RootModule().Resources[addr].Primary.ID, nil }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: srv.ResetCounts,
				Config:    cfg(srv, "flags", v1),
				ConfigStateChecks: []statecheck.StateCheck{
					expectStored(srv, "flags", "map[markets:[DE NL] newCheckout:true rollout:25]"),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("version"), knownvalue.Int64Exact(1)),
					// One GET (is the key free?) and one write.
					acctest.ExpectRequests(srv, map[string]int{write: 1, "GET /{projectKey}/custom-objects/{container}/{key}": 1}),
				},
			},
			{
				Config:           cfg(srv, "flags", reformatted),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{ResourceName: addr, ImportState: true, ImportStateId: "flags/checkout", ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"timeouts", "value"}},
			{ResourceName: addr, ImportState: true, ImportStateIdFunc: idOf, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"timeouts", "value"}},
			{
				PreConfig: srv.ResetCounts,
				Config:    cfg(srv, "flags", v2),
				ConfigStateChecks: []statecheck.StateCheck{
					expectStored(srv, "flags", "map[markets:[DE] newCheckout:false rollout:50]"),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("version"), knownvalue.Int64Exact(2)),
					acctest.ExpectRequests(srv, map[string]int{write: 1}),
				},
			},
			{
				// Someone else writes the object between plan and apply: one 409, one GET, the write again.
				PreConfig: srv.ResetCounts,
				Config:    cfg(srv, "flags", v1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					acctest.PlanHook(func() {
						srv.Faults().ConcurrentEditNext(emulator.Match{Method: "POST", Route: "/{projectKey}/custom-objects"}, 1)
					}),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectStored(srv, "flags", "map[markets:[DE NL] newCheckout:true rollout:25]"),
					acctest.ExpectRequests(srv, map[string]int{write: 2}),
				},
			},
			{
				Config: cfg(srv, "feature-flags", v1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectStored(srv, "feature-flags", "map[markets:[DE NL] newCheckout:true rollout:25]"),
					acctest.ExpectEmulatorCount(srv, coll, 1),
				},
			},
			{
				PreConfig: func() {
					d, _ := stored(srv, "feature-flags")
					srv.DeleteDoc(srv.Project.Key, coll, fmt.Sprint(d["id"]))
				},
				Config: cfg(srv, "feature-flags", v1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
				}},
			},
		},
		CheckDestroy: func(*terraform.State) error {
			if n := len(srv.Docs(srv.Project.Key, coll)); n != 0 {
				return fmt.Errorf("%d custom objects left", n)
			}
			return nil
		},
	})
}

// TestAccCustomObject_refusals: a create never overwrites an existing object, and a value that
// is not JSON is refused at plan time.
func TestAccCustomObject_refusals(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					if err := srv.PutDoc(srv.Project.Key, coll, map[string]any{"id": "theirs", "version": 3, "container": "flags", "key": "checkout",
						"value": "keep me", "createdAt": "2026-01-01T00:00:00.000Z", "lastModifiedAt": "2026-01-01T00:00:00.000Z"}); err != nil {
						t.Fatal(err)
					}
				},
				Config:      cfg(srv, "flags", `jsonencode("mine")`),
				ExpectError: acctest.Words(`already has a custom object with container "flags" and key "checkout" (id theirs, version 3)`),
			},
			{
				Config:      cfg(srv, "other", `"{not json"`),
				PlanOnly:    true,
				ExpectError: acctest.Words(`The value is not a JSON document`),
			},
		},
	})
	if d, ok := stored(srv, "flags"); !ok || d["value"] != "keep me" {
		t.Errorf("the existing object was changed: %v", d)
	}
	if strings.Contains(fmt.Sprint(srv.Counts().ByRoute), write) {
		t.Errorf("a refused create wrote: %v", srv.Counts().ByRoute)
	}
}
