package acctest

import (
	"context"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

// Lifecycle describes the acceptance test every versioned family runs (see Run).
type Lifecycle struct {
	// Type is the resource type, "commercetools_channel"; Coll its emulator collection, "channels".
	Type, Coll string
	// Prelude is configuration the resource needs (a type for its custom fields, ...).
	Prelude string
	// Create is the body of the resource (inside `resource "<Type>" "test" { ... }`).
	Create string
	// Updates are bodies that each change the resource in place, in order.
	Updates []Update
	// Replaces are bodies that each must replace the resource.
	Replaces []string
	// Concurrent is the body applied while someone else changes the resource between plan and
	// apply; it must differ from the last update. Empty means the update before the last one
	// (or Create).
	Concurrent string
	// Many is a body whose update needs more than 500 actions (optional).
	Many *Update
	// ImportIgnore lists attributes that an import cannot restore.
	ImportIgnore []string
	// ImportPlansUpdate says that an import block plans an update rather than nothing: the API
	// masks a credential, so the imported state lacks it and the apply sends the configured one.
	ImportPlansUpdate bool
	// Checks are extra state checks after the create.
	Checks []statecheck.StateCheck
	// Others is the number of objects of Coll that the prelude creates (parents of a tree).
	Others int
}

// Update is one in-place change.
type Update struct {
	Body string
	// Requests is the number of update requests it takes (0 means 1).
	Requests int
	// Checks are extra state checks after the update.
	Checks []statecheck.StateCheck
}

// Address is the address of the resource under test.
func (l Lifecycle) Address() string { return l.Type + ".test" }

func (l Lifecycle) config(srv *emulator.TestServer, body string) string {
	return ProviderBlock(srv) + l.Prelude + fmt.Sprintf("\nresource %q \"test\" {\n%s\n}\n", l.Type, body)
}

// Run drives the lifecycle through the Terraform or OpenTofu binary of TF_ACC_TERRAFORM_PATH
// against a fresh emulator: create; an empty re-plan; import by id (the state the same as the
// apply's) and by key=<key> with an import block (nothing to change); every update in place (one version more on the
// emulator, the expected number of update requests); a change made by someone else between
// plan and apply, absorbed; more than 500 actions in ceil(n/500) requests; the resource deleted
// outside Terraform, planned again; every replacement; and a destroy that leaves nothing.
func Run(t *testing.T, l Lifecycle) {
	t.Helper()
	PreCheck(t)
	srv := NewEmulator(t)
	addr := l.Address()
	route := "/{projectKey}/" + l.Coll + "/{id}"
	updateRoute := "POST " + route
	var mu sync.Mutex
	before := map[string]int64{} // the emulator's versions before a step, by id
	var lastID string            // the resource's id after the last step that checked it
	recordID := StateFunc(func(s *tfjson.State) error {
		id, err := Attr(s, addr, "id")
		mu.Lock()
		lastID = id
		mu.Unlock()
		return err
	})

	captureVersion := func() {
		mu.Lock()
		defer mu.Unlock()
		clear(before)
		for _, d := range srv.Docs(srv.Project.Key, l.Coll) {
			id, _ := d["id"].(string)
			if v, ok := d["version"].(float64); ok {
				before[id] = int64(v)
			}
		}
		srv.ResetCounts()
	}
	updateStep := func(u Update) resource.TestStep {
		want := max(u.Requests, 1)
		checks := append([]statecheck.StateCheck{
			ExpectOnEmulator(srv, l.Coll, addr), recordID,
			StateFunc(func(s *tfjson.State) error {
				mu.Lock()
				defer mu.Unlock()
				v, err := AttrNumber(s, addr, "version")
				if err != nil {
					return err
				}
				id, err := Attr(s, addr, "id")
				if err != nil {
					return err
				}
				if int64(v) != before[id]+int64(want) {
					return fmt.Errorf("version %v after the update, want %d (one more per request); %d update requests, actions %v",
						v, before[id]+int64(want), srv.Counts().ByRoute[updateRoute], requestActions(srv, updateRoute))
				}
				if n := srv.Counts().ByRoute[updateRoute]; n != want {
					return fmt.Errorf("%d update requests, want %d", n, want)
				}
				return nil
			}),
		}, u.Checks...)
		return resource.TestStep{
			PreConfig: captureVersion,
			Config:    l.config(srv, u.Body),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
			}},
			ConfigStateChecks: checks,
		}
	}
	keyOf := func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return "", fmt.Errorf("%s is not in state", addr)
		}
		return "key=" + rs.Primary.Attributes["key"], nil
	}
	ignore := append([]string{"timeouts"}, l.ImportIgnore...)
	importAction := plancheck.ResourceActionNoop
	if l.ImportPlansUpdate {
		importAction = plancheck.ResourceActionUpdate
	}

	steps := []resource.TestStep{
		{
			Config: l.config(srv, l.Create),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
			}},
			ConfigStateChecks: append([]statecheck.StateCheck{ExpectOnEmulator(srv, l.Coll, addr), recordID}, l.Checks...),
		},
		{
			Config: l.config(srv, l.Create),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectEmptyPlan(),
			}},
		},
		{ResourceName: addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: ignore},
		// key=<key> with an import block (the generated configurations of internal/acctest/forms
		// import every form of every type by id and by key too).
		{
			Config: l.config(srv, l.Create), ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithID,
			ImportStateIdFunc:  keyOf,
			ExpectNonEmptyPlan: l.ImportPlansUpdate,
			ImportPlanChecks:   resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, importAction)}},
		},
	}
	last := l.Create
	for _, u := range l.Updates {
		steps = append(steps, updateStep(u))
		last = u.Body
	}
	// Someone else changes the resource between plan and apply: the update meets a 409, reads
	// the resource again, recomputes its actions and succeeds.
	if len(l.Updates) > 0 {
		back := l.Concurrent
		switch {
		case back != "":
		case len(l.Updates) >= 2:
			back = l.Updates[len(l.Updates)-2].Body
		default:
			back = l.Create
		}
		steps = append(steps, resource.TestStep{
			PreConfig: captureVersion,
			Config:    l.config(srv, back),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				PlanHook(func() {
					srv.Faults().ConcurrentEditNext(emulator.Match{Method: "POST", Route: route}, 1)
				}),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				ExpectOnEmulator(srv, l.Coll, addr), recordID,
				StateFunc(func(*tfjson.State) error {
					c := srv.Counts().ByRoute
					if c[updateRoute] != 2 || c["GET "+route] != 1 {
						return fmt.Errorf("after a concurrent change: %d update requests and %d GETs, want 2 and 1", c[updateRoute], c["GET "+route])
					}
					return nil
				}),
			},
		})
		last = back
	}
	if l.Many != nil {
		steps = append(steps, updateStep(*l.Many))
		last = l.Many.Body
	}
	// Deleted outside Terraform: planned again, with a warning.
	steps = append(steps, resource.TestStep{
		PreConfig: func() {
			mu.Lock()
			defer mu.Unlock()
			srv.DeleteDoc(srv.Project.Key, l.Coll, lastID)
		},
		Config: l.config(srv, last),
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
		}},
		ConfigStateChecks: []statecheck.StateCheck{ExpectOnEmulator(srv, l.Coll, addr)},
	})
	for _, body := range l.Replaces {
		steps = append(steps, resource.TestStep{
			Config: l.config(srv, body),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{ExpectOnEmulator(srv, l.Coll, addr), ExpectEmulatorCount(srv, l.Coll, 1+l.Others)},
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: ProviderFactories,
		Steps:                    steps,
		CheckDestroy: func(*terraform.State) error {
			if n := len(srv.Docs(srv.Project.Key, l.Coll)); n != 0 {
				return fmt.Errorf("%d %s left on the emulator after destroy", n, l.Coll)
			}
			return nil
		},
	})
}

// Batches returns ceil(n/500), the requests n update actions take.
func Batches(n int) int { return int(math.Ceil(float64(n) / 500)) }

// PlanHook runs fn between the plan and the apply of a step.
func PlanHook(fn func()) plancheck.PlanCheck { return planHook(fn) }

type planHook func()

func (h planHook) CheckPlan(context.Context, plancheck.CheckPlanRequest, *plancheck.CheckPlanResponse) {
	h()
}

// StateFunc turns a function of the state into a state check.
func StateFunc(f func(*tfjson.State) error) statecheck.StateCheck {
	return StateCheckFunc(func(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
		resp.Error = f(req.State)
	})
}

// Attr returns a top-level string attribute of a resource in state.
func Attr(s *tfjson.State, address, name string) (string, error) {
	attrs, err := findResource(s, address)
	if err != nil {
		return "", err
	}
	v, _ := attrs[name].(string)
	return v, nil
}

// AttrNumber returns a top-level number attribute of a resource in state.
func AttrNumber(s *tfjson.State, address, name string) (float64, error) {
	attrs, err := findResource(s, address)
	if err != nil {
		return 0, err
	}
	switch v := attrs[name].(type) {
	case float64:
		return v, nil
	case interface{ Float64() (float64, error) }:
		return v.Float64()
	}
	return 0, fmt.Errorf("%s.%s is not a number: %v", address, name, attrs[name])
}

// ExpectOnEmulator checks that the resource's id exists in the emulator's collection with the
// version and key the state holds.
func ExpectOnEmulator(srv *emulator.TestServer, coll, address string) statecheck.StateCheck {
	return StateFunc(func(s *tfjson.State) error {
		attrs, err := findResource(s, address)
		if err != nil {
			return err
		}
		id, _ := attrs["id"].(string)
		d, ok := srv.Doc(srv.Project.Key, coll, id)
		if !ok {
			return fmt.Errorf("%s: %s %q is in state but not on the emulator", address, coll, id)
		}
		v, _ := AttrNumber(s, address, "version")
		if d["version"] != v {
			return fmt.Errorf("%s: version %v in state, %v on the emulator", address, v, d["version"])
		}
		if k, ok := attrs["key"].(string); ok && d["key"] != nil && d["key"] != k {
			return fmt.Errorf("%s: key %q in state, %v on the emulator", address, k, d["key"])
		}
		return nil
	})
}

// ExpectEmulatorCount checks how many resources an emulator collection holds.
func ExpectEmulatorCount(srv *emulator.TestServer, coll string, want int) statecheck.StateCheck {
	return StateFunc(func(*tfjson.State) error {
		if n := len(srv.Docs(srv.Project.Key, coll)); n != want {
			return fmt.Errorf("the emulator holds %d %s, want %d", n, coll, want)
		}
		return nil
	})
}

// HCLList renders strings as an HCL list.
func HCLList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// RequestCheck compares the emulator's request counts by route with what a phase may cost; it
// is both a plan check and a state check.
type RequestCheck struct {
	srv  *emulator.TestServer
	want map[string]int
}

// ExpectRequests checks the requests counted since the last ResetCounts, by route key
// ("GET /{projectKey}/channels"); routes not named are not checked.
func ExpectRequests(srv *emulator.TestServer, want map[string]int) RequestCheck {
	return RequestCheck{srv: srv, want: want}
}

func (c RequestCheck) err() error {
	got := c.srv.Counts().ByRoute
	var bad []string
	for route, n := range c.want {
		if got[route] != n {
			bad = append(bad, fmt.Sprintf("%d %s (want %d)", got[route], route, n))
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("requests: %s", strings.Join(bad, ", "))
	}
	return nil
}

// CheckPlan implements plancheck.PlanCheck.
func (c RequestCheck) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = c.err()
}

// CheckState implements statecheck.StateCheck.
func (c RequestCheck) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = c.err()
}

// ExpectActions checks the update requests logged on route ("POST /{projectKey}/product-types/{id}")
// since the last ResetCounts: one entry per request, in order, each the request's actions with
// runs of one name folded, "addLocalizedEnumValue×300,changeLocalizedEnumValueOrder". It is
// both a plan check and a state check.
func ExpectActions(srv *emulator.TestServer, route string, want ...string) ActionCheck {
	return ActionCheck{srv: srv, route: route, want: want}
}

// ActionCheck is what ExpectActions returns.
type ActionCheck struct {
	srv   *emulator.TestServer
	route string
	want  []string
}

// SummarizeActions folds runs of one action name: [a a b] is "a×2,b".
func SummarizeActions(names []string) string {
	var parts []string
	for i := 0; i < len(names); {
		j := i
		for j < len(names) && names[j] == names[i] {
			j++
		}
		if j-i > 1 {
			parts = append(parts, fmt.Sprintf("%s×%d", names[i], j-i))
		} else {
			parts = append(parts, names[i])
		}
		i = j
	}
	return strings.Join(parts, ",")
}

// requestActions summarizes the actions of each request on a route ("POST /{projectKey}/x/{id}").
func requestActions(srv *emulator.TestServer, methodRoute string) []string {
	method, route, _ := strings.Cut(methodRoute, " ")
	var got []string
	for _, r := range srv.RequestLog() {
		if r.Method == method && r.Route == route {
			got = append(got, SummarizeActions(r.Actions))
		}
	}
	return got
}

func (c ActionCheck) err() error {
	got := requestActions(c.srv, c.route)
	if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
		return fmt.Errorf("update requests on %s:\n  got  %q\n  want %q", c.route, got, c.want)
	}
	return nil
}

// CheckPlan implements plancheck.PlanCheck.
func (c ActionCheck) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = c.err()
}

// CheckState implements statecheck.StateCheck.
func (c ActionCheck) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = c.err()
}
