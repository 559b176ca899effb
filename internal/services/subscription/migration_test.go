package subscription_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

// TestMigrationFromLabd switches the incumbent's subscriptions (SQS with credentials, Pub/Sub
// with CloudEvents, EventBridge with events) with an empty plan, and its import case too: the
// incumbent never read the SNS secret back, commercetools returns SQS and SNS credentials, so
// the first refresh fills it in.
func TestMigrationFromLabd(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "subscription", Types: []string{"commercetools_subscription"}})
}

// TestAccSubscription_dataSource reads a subscription by key.
func TestAccSubscription_dataSource(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	const ds = "data.commercetools_subscription.test"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(srv) + "resource \"commercetools_subscription\" \"test\" {\n" + create + "}\n" + `
data "commercetools_subscription" "test" {
  key = commercetools_subscription.test.key
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.CompareValuePairs(ds, tfjsonpath.New("id"), addr, tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("destination").AtSliceIndex(0).AtMapKey("queue_url"),
					knownvalue.StringExact("https://sqs.eu-west-1.amazonaws.com/123456789012/orders")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("message"), knownvalue.SetSizeExact(1)),
			},
		}},
	})
}
