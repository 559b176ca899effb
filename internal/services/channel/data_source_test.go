package channel_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

// TestAccChannelDataSource reads a channel by key with one GET, and names a missing key.
func TestAccChannelDataSource(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	if err := srv.PutDoc(srv.Project.Key, "channels", map[string]any{
		"id": "c-1", "version": 3, "key": "store-hamburg", "roles": []any{"InventorySupply", "ProductDistribution"},
		"name": map[string]any{"en": "Store Hamburg"}, "geoLocation": map[string]any{"type": "Point", "coordinates": []any{10.0, 53.5}},
		"address": map[string]any{"id": "a1", "country": "DE", "city": "Hamburg"},
	}); err != nil {
		t.Fatal(err)
	}
	const ds = "data.commercetools_channel.hamburg"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.ProviderBlock(srv) + `data "commercetools_channel" "hamburg" { key = "store-hamburg" }`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("id"), knownvalue.StringExact("c-1")),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("version"), knownvalue.Int64Exact(3)),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("roles"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("InventorySupply"), knownvalue.StringExact("ProductDistribution")})),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("name").AtMapKey("en"), knownvalue.StringExact("Store Hamburg")),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("address").AtSliceIndex(0).AtMapKey("city"), knownvalue.StringExact("Hamburg")),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("geolocation").AtSliceIndex(0).AtMapKey("coordinates"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.Float64Exact(10), knownvalue.Float64Exact(53.5)})),
				},
			},
			{
				Config:      acctest.ProviderBlock(srv) + `data "commercetools_channel" "nope" { key = "nope" }`,
				ExpectError: acctest.Words(`Project my-ct-project-key has no channel with the key "nope"`),
			},
		},
	})
	if n := srv.Counts().ByRoute["GET /{projectKey}/channels/key={key}"]; n < 2 {
		t.Errorf("%d GETs by key, want one per read", n)
	}
}
