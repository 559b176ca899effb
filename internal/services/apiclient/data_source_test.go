package apiclient_test

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"testing"
	"time"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

// Fixture clients for the data source tests. Their creation times are in
// the past and out of id order, so sorting by creation time is observable;
// the bootstrap admin client, created when the emulator starts, comes last.
var (
	dsReporting = emulator.APIClient{
		ID: "dsreporting0000000000001", Name: "reporting", Secret: "dsreportingsecret000000000000001",
		Scope:     "manage_orders:my-ct-project-key view_products:my-ct-project-key",
		CreatedAt: mustTime("2025-01-01T10:00:00.123Z"), LastUsedAt: "2025-02-01",
		AccessTokenValiditySeconds: intp(3600), RefreshTokenValiditySeconds: intp(60),
	}
	dsDupFirst = emulator.APIClient{
		ID: "dsdup00000000000000000a2", Name: "dup", Scope: "view_orders:my-ct-project-key",
		CreatedAt: mustTime("2025-01-02T00:00:00Z"), DeleteAt: timep(mustTime("2099-01-01T00:00:00Z")),
	}
	dsDupSecond = emulator.APIClient{
		ID: "dsdup00000000000000000a1", Name: "dup", Scope: "view_products:my-ct-project-key",
		CreatedAt: mustTime("2025-01-03T00:00:00Z"),
	}
	dsReportingEU = emulator.APIClient{
		ID: "dsreportingeu00000000009", Name: `reporting-eu "quoted" \ é`, Scope: "view_orders:my-ct-project-key",
		CreatedAt: mustTime("2024-12-31T23:59:59.999Z"),
	}
)

// seedDataSourceClients starts an emulator holding the data source fixtures.
func seedDataSourceClients(t *testing.T) *emulator.TestServer {
	t.Helper()
	srv := acctest.NewEmulator(t)
	putClients(t, srv, dsReporting, dsDupFirst, dsDupSecond, dsReportingEU)
	return srv
}

func putClients(t *testing.T, srv *emulator.TestServer, clients ...emulator.APIClient) {
	t.Helper()
	for _, c := range clients {
		if err := srv.PutAPIClient(srv.Project.Key, c); err != nil {
			t.Fatal(err)
		}
	}
}

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

func timep(t time.Time) *time.Time { return &t }

// stringSet is a SetExact check of the given strings.
func stringSet(values ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(values))
	for i, v := range values {
		checks[i] = knownvalue.StringExact(v)
	}
	return knownvalue.SetExact(checks)
}

// idList checks a list of clients by their ids, in order.
func idList(ids ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(ids))
	for i, id := range ids {
		checks[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(id)})
	}
	return knownvalue.ListExact(checks)
}

func TestAccAPIClientDataSource_byIDAndName(t *testing.T) {
	acctest.PreCheck(t)
	srv := seedDataSourceClients(t)
	const byID, withDeleteAt, byName, ofResource = "data.commercetools_api_client.by_id", "data.commercetools_api_client.with_delete_at",
		"data.commercetools_api_client.by_name", "data.commercetools_api_client.of_resource"
	const made = "commercetools_api_client.made"
	cfg := acctest.ProviderBlock(srv) + fmt.Sprintf(`
data "commercetools_api_client" "by_id" {
  id = %q
}

data "commercetools_api_client" "with_delete_at" {
  id = %q
}

data "commercetools_api_client" "by_name" {
  name = %q
}

resource "commercetools_api_client" "made" {
  name                          = "made here"
  scope                         = ["manage_payments:my-ct-project-key"]
  access_token_validity_seconds = 7200
}

data "commercetools_api_client" "of_resource" {
  id = commercetools_api_client.made.id
}
`, dsReporting.ID, dsDupFirst.ID, dsReportingEU.Name)
	sameAsResource := func(attr string) statecheck.StateCheck {
		return statecheck.CompareValuePairs(made, tfjsonpath.New(attr), ofResource, tfjsonpath.New(attr), compare.ValuesSame())
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(byID, tfjsonpath.New("id"), knownvalue.StringExact(dsReporting.ID)),
				statecheck.ExpectKnownValue(byID, tfjsonpath.New("name"), knownvalue.StringExact("reporting")),
				statecheck.ExpectKnownValue(byID, tfjsonpath.New("scope"), stringSet("manage_orders:my-ct-project-key", "view_products:my-ct-project-key")),
				statecheck.ExpectKnownValue(byID, tfjsonpath.New("access_token_validity_seconds"), knownvalue.Int64Exact(3600)),
				statecheck.ExpectKnownValue(byID, tfjsonpath.New("refresh_token_validity_seconds"), knownvalue.Int64Exact(60)),
				statecheck.ExpectKnownValue(byID, tfjsonpath.New("created_at"), knownvalue.StringExact("2025-01-01T10:00:00.123Z")),
				statecheck.ExpectKnownValue(byID, tfjsonpath.New("delete_at"), knownvalue.Null()),
				statecheck.ExpectKnownValue(byID, tfjsonpath.New("last_used_at"), knownvalue.StringExact("2025-02-01")),

				statecheck.ExpectKnownValue(withDeleteAt, tfjsonpath.New("name"), knownvalue.StringExact("dup")),
				statecheck.ExpectKnownValue(withDeleteAt, tfjsonpath.New("scope"), stringSet("view_orders:my-ct-project-key")),
				statecheck.ExpectKnownValue(withDeleteAt, tfjsonpath.New("access_token_validity_seconds"), knownvalue.Null()),
				statecheck.ExpectKnownValue(withDeleteAt, tfjsonpath.New("refresh_token_validity_seconds"), knownvalue.Null()),
				statecheck.ExpectKnownValue(withDeleteAt, tfjsonpath.New("created_at"), knownvalue.StringExact("2025-01-02T00:00:00Z")),
				statecheck.ExpectKnownValue(withDeleteAt, tfjsonpath.New("delete_at"), knownvalue.StringExact("2099-01-01T00:00:00Z")),
				statecheck.ExpectKnownValue(withDeleteAt, tfjsonpath.New("last_used_at"), knownvalue.Null()),

				// The name has a quote, a backslash and a non-ASCII letter, which the where predicate must escape.
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("id"), knownvalue.StringExact(dsReportingEU.ID)),
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("name"), knownvalue.StringExact(dsReportingEU.Name)),
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("scope"), stringSet("view_orders:my-ct-project-key")),
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("created_at"), knownvalue.StringExact("2024-12-31T23:59:59.999Z")),

				// A client made in the same configuration is read once it exists.
				sameAsResource("id"),
				sameAsResource("name"),
				sameAsResource("created_at"),
				sameAsResource("access_token_validity_seconds"),
				statecheck.ExpectKnownValue(ofResource, tfjsonpath.New("scope"), stringSet("manage_payments:my-ct-project-key")),

				expectNoSecretAnywhere(),
			},
		}},
	})
}

func TestAccAPIClientDataSource_errors(t *testing.T) {
	acctest.PreCheck(t)
	cases := []struct {
		name   string
		body   string
		atPlan bool
		want   *regexp.Regexp
	}{
		{name: "name of several clients", body: `name = "dup"`,
			want: acctest.Words(fmt.Sprintf(`2 API clients are named "dup": %s, %s. Look the client up by id instead.`, dsDupFirst.ID, dsDupSecond.ID))},
		{name: "neither id nor name", body: ``, atPlan: true,
			want: acctest.Words(`No attribute specified when one (and only one) of [id,name] is required`)},
		{name: "both id and name", body: fmt.Sprintf("id = %q\nname = %q", dsReporting.ID, dsReporting.Name), atPlan: true,
			want: acctest.Words(`2 attributes specified when one (and only one) of [id,name] is required`)},
		{name: "empty id", body: `id = ""`, atPlan: true,
			want: acctest.Words(`id string length must be at least 1, got: 0`)},
		{name: "unknown id", body: `id = "nosuchclient000000000000"`,
			want: acctest.Words(`No API client with id "nosuchclient000000000000" exists in project "my-ct-project-key".`)},
		{name: "unknown name", body: `name = "nobody"`,
			want: acctest.Words(`No API client named "nobody" exists in project "my-ct-project-key".`)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := seedDataSourceClients(t)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      acctest.ProviderBlock(srv) + "data \"commercetools_api_client\" \"x\" {\n" + c.body + "\n}\n",
					ExpectError: c.want,
				}},
			})
			if counts := srv.Counts(); c.atPlan && counts.API+counts.Token != 0 {
				t.Errorf("the error should come from validation, but %d API and %d token requests were made", counts.API, counts.Token)
			}
		})
	}
}

func TestAccAPIClientsDataSource_filters(t *testing.T) {
	acctest.PreCheck(t)
	srv := seedDataSourceClients(t)
	const all, byPrefix, byView, byManage, none = "data.commercetools_api_clients.all", "data.commercetools_api_clients.by_prefix",
		"data.commercetools_api_clients.by_view", "data.commercetools_api_clients.by_manage", "data.commercetools_api_clients.none"
	cfg := acctest.ProviderBlock(srv) + `
data "commercetools_api_clients" "all" {}

data "commercetools_api_clients" "by_prefix" {
  name_prefix = "reporting"
}

data "commercetools_api_clients" "by_view" {
  scope = "view_orders:my-ct-project-key"
}

data "commercetools_api_clients" "by_manage" {
  scope = "manage_orders:my-ct-project-key"
}

data "commercetools_api_clients" "none" {
  name_prefix = "reporting"
  scope       = "view_payments:my-ct-project-key"
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				// Sorted by creation time, not by id or name; the admin client is the newest.
				statecheck.ExpectKnownValue(all, tfjsonpath.New("clients"),
					idList(dsReportingEU.ID, dsReporting.ID, dsDupFirst.ID, dsDupSecond.ID, srv.Project.AdminClientID)),
				statecheck.ExpectKnownValue(all, tfjsonpath.New("clients").AtSliceIndex(1), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id":                             knownvalue.StringExact(dsReporting.ID),
					"name":                           knownvalue.StringExact("reporting"),
					"scope":                          stringSet("manage_orders:my-ct-project-key", "view_products:my-ct-project-key"),
					"access_token_validity_seconds":  knownvalue.Int64Exact(3600),
					"refresh_token_validity_seconds": knownvalue.Int64Exact(60),
					"created_at":                     knownvalue.StringExact("2025-01-01T10:00:00.123Z"),
					"delete_at":                      knownvalue.Null(),
					"last_used_at":                   knownvalue.StringExact("2025-02-01"),
				})),
				statecheck.ExpectKnownValue(all, tfjsonpath.New("clients").AtSliceIndex(2).AtMapKey("delete_at"), knownvalue.StringExact("2099-01-01T00:00:00Z")),
				statecheck.ExpectKnownValue(byPrefix, tfjsonpath.New("clients"), idList(dsReportingEU.ID, dsReporting.ID)),
				// manage_orders counts for view_orders.
				statecheck.ExpectKnownValue(byView, tfjsonpath.New("clients"), idList(dsReportingEU.ID, dsReporting.ID, dsDupFirst.ID)),
				// view_orders does not count for manage_orders.
				statecheck.ExpectKnownValue(byManage, tfjsonpath.New("clients"), idList(dsReporting.ID)),
				statecheck.ExpectKnownValue(none, tfjsonpath.New("clients"), knownvalue.ListSizeExact(0)),
				expectNoSecretAnywhere(),
			},
		}},
	})
}

func TestAccAPIClientsDataSource_paging(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	const seeded = 1203
	base := time.Now().Add(-48 * time.Hour).UTC().Truncate(time.Second)
	// Ids descend while creation times ascend, so the id-ordered pages must
	// be re-sorted to list the clients by creation time.
	want := make([]string, 0, seeded+1)
	for i := range seeded {
		c := emulator.APIClient{
			ID:        fmt.Sprintf("paged%06d", seeded-i),
			Name:      fmt.Sprintf("paged client %d", i),
			Scope:     "view_products:my-ct-project-key",
			CreatedAt: base.Add(time.Duration(i) * time.Second),
		}
		putClients(t, srv, c)
		want = append(want, c.ID)
	}
	want = append(want, srv.Project.AdminClientID)
	const addr = "data.commercetools_api_clients.all"
	pages := int(math.Ceil(float64(len(want)) / 500))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(srv) + `data "commercetools_api_clients" "all" {}` + "\n",
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("clients"), knownvalue.ListSizeExact(len(want))),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("clients"), idList(want...)),
				// The data source is read once, at plan; the saved plan is applied as is.
				expectRouteCount(srv, "GET /{projectKey}/api-clients", pages),
			},
		}},
	})
}

// expectRouteCount checks how many requests the emulator received on a route.
func expectRouteCount(srv *emulator.TestServer, route string, want int) statecheck.StateCheck {
	return checkState(func(*tfjson.State) error {
		if got := srv.Counts().ByRoute[route]; got != want {
			return fmt.Errorf("%s was requested %d times, want %d", route, got, want)
		}
		return nil
	})
}

// expectNoSecretAnywhere checks that no data source in state has a secret
// attribute, at the top level or in a nested client.
func expectNoSecretAnywhere() statecheck.StateCheck {
	return checkState(func(state *tfjson.State) error {
		resources := stateResources(state)
		n := 0
		for _, r := range resources {
			if r.Mode != tfjson.DataResourceMode {
				continue
			}
			n++
			if hasKey(r.AttributeValues, "secret") {
				return fmt.Errorf("%s has a secret attribute", r.Address)
			}
		}
		if n == 0 {
			return fmt.Errorf("no data source in state")
		}
		return nil
	})
}

func hasKey(v any, key string) bool {
	switch v := v.(type) {
	case map[string]any:
		if _, ok := v[key]; ok {
			return true
		}
		for _, e := range v {
			if hasKey(e, key) {
				return true
			}
		}
	case []any:
		for _, e := range v {
			if hasKey(e, key) {
				return true
			}
		}
	}
	return false
}

// checkState adapts a function of the state to a statecheck.StateCheck.
type checkState func(state *tfjson.State) error

func (f checkState) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f(req.State)
}

// stateResources returns the resources and data sources of the root module.
func stateResources(state *tfjson.State) []*tfjson.StateResource {
	if state == nil || state.Values == nil || state.Values.RootModule == nil {
		return nil
	}
	return state.Values.RootModule.Resources
}

// stateAttr returns one string attribute of a resource in state.
func stateAttr(state *tfjson.State, address, attr string) (string, error) {
	for _, r := range stateResources(state) {
		if r.Address == address {
			s, _ := r.AttributeValues[attr].(string)
			if s == "" {
				return "", fmt.Errorf("%s.%s is empty", address, attr)
			}
			return s, nil
		}
	}
	return "", fmt.Errorf("%s is not in state", address)
}
