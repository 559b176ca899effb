package extension_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

// TestMigrationFromLabd switches the incumbent's extensions (HTTP with an authorization header,
// HTTP to an Azure Function, AWS Lambda written "awslambda", Google Cloud Function) with an empty
// plan: the credentials in its state are kept although the API masks them. Its import case holds
// no credential (the API never returns one), so its plan sends the configured one:
// TestAccExtension_importWithoutSecret covers that.
func TestMigrationFromLabd(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "api_extension", Types: []string{"commercetools_api_extension"}, SkipImport: true})
}

// TestAccExtension_dataSource reads an extension by key; its credential is not exposed.
func TestAccExtension_dataSource(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	const ds = "data.commercetools_api_extension.test"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(srv) + "resource \"commercetools_api_extension\" \"test\" {\n" + create + "}\n" + `
data "commercetools_api_extension" "test" {
  key = commercetools_api_extension.test.key
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.CompareValuePairs(ds, tfjsonpath.New("id"), addr, tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("destination").AtSliceIndex(0).AtMapKey("url"), knownvalue.StringExact("https://ext.example/cart")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("destination").AtSliceIndex(0).AtMapKey("authorization_header"), knownvalue.Null()),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("timeout_in_ms"), knownvalue.Int64Exact(1500)),
			},
		}},
	})
}
