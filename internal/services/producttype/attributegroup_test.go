package producttype_test

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

const group = `
  key  = "technical"
  name = { en = "Technical", de = "Technisch" }
  attribute {
    key = "weight"
  }
  attribute {
    key = "material"
  }
`

func TestAccAttributeGroup_lifecycle(t *testing.T) {
	update1 := strings.NewReplacer(
		`key  = "technical"`, `key  = "tech-specs"`+"\n  description = { en = \"Specifications\" }",
		`de = "Technisch"`, `de = "Technische Daten"`,
		"  attribute {\n    key = \"material\"\n  }\n", "  attribute {\n    key = \"material\"\n  }\n  attribute {\n    key = \"size\"\n  }\n",
	).Replace(group)
	// Reordered and one attribute less: one setAttributes action.
	update2 := strings.Replace(update1, "  attribute {\n    key = \"weight\"\n  }\n", "", 1)
	update2 = strings.Replace(update2, "  attribute {\n    key = \"size\"\n  }\n", "  attribute {\n    key = \"size\"\n  }\n  attribute {\n    key = \"weight\"\n  }\n", 1)
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_attribute_group", Coll: "attribute-groups",
		Create: group,
		Checks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("commercetools_attribute_group.test", tfjsonpath.New("description"), knownvalue.Null()),
		},
		Updates: []acctest.Update{
			{Body: update1},
			{Body: update2, Checks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("commercetools_attribute_group.test", tfjsonpath.New("attribute").AtSliceIndex(2).AtMapKey("key"), knownvalue.StringExact("weight")),
			}},
		},
		Concurrent: strings.Replace(update2, `en = "Technical"`, `en = "Technical (2)"`, 1),
	})
}

// TestAccAttributeGroup_refusedAtPlan: an attribute listed twice is refused before any request.
func TestAccAttributeGroup_refusedAtPlan(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      acctest.ProviderBlock(srv) + "resource \"commercetools_attribute_group\" \"test\" {\n" + group + "  attribute {\n    key = \"weight\"\n  }\n}\n",
			PlanOnly:    true,
			ExpectError: acctest.Words(`The attribute group lists "weight" more than once`),
		}},
	})
	if n := srv.Counts().API; n != 0 {
		t.Errorf("%d requests for a refused plan, want 0", n)
	}
}

// TestAccDataSources reads a product type and an attribute group by key; the group lists the
// product type's attributes by reference, so Terraform orders them.
func TestAccDataSources(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	const ptds, agds = "data.commercetools_product_type.shirt", "data.commercetools_attribute_group.shirt"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(srv) + `
resource "commercetools_product_type" "shirt" {
  key  = "shirt"
  name = "Shirt"
  attribute {
    name  = "color"
    label = { en = "Color" }
    type {
      name = "lenum"
      localized_value {
        key   = "red"
        label = { en = "Red" }
      }
    }
  }
}

resource "commercetools_attribute_group" "shirt" {
  key  = "shirt-attributes"
  name = { en = "Shirt" }
  attribute {
    key = commercetools_product_type.shirt.attribute[0].name
  }
}

data "commercetools_product_type" "shirt" {
  key = commercetools_product_type.shirt.key
}

data "commercetools_attribute_group" "shirt" {
  key = commercetools_attribute_group.shirt.key
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.CompareValuePairs(ptds, tfjsonpath.New("id"), "commercetools_product_type.shirt", tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.ExpectKnownValue(ptds, tfjsonpath.New("attribute").AtSliceIndex(0).AtMapKey("type").AtSliceIndex(0).AtMapKey("localized_value").
					AtSliceIndex(0).AtMapKey("label"), knownvalue.MapExact(map[string]knownvalue.Check{"en": knownvalue.StringExact("Red")})),
				statecheck.ExpectKnownValue(ptds, tfjsonpath.New("attribute").AtSliceIndex(0).AtMapKey("searchable"), knownvalue.Bool(false)),
				statecheck.CompareValuePairs(agds, tfjsonpath.New("id"), "commercetools_attribute_group.shirt", tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.ExpectKnownValue(agds, tfjsonpath.New("attribute").AtSliceIndex(0).AtMapKey("key"), knownvalue.StringExact("color")),
			},
		}},
	})
}
