package producttype_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
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
	addr        = "commercetools_product_type.test"
	updateRoute = "POST /{projectKey}/product-types/{id}"
)

// lenum renders the lenum attribute "size" with the given keys, in order; label says how
// each value is labelled.
func lenum(keys []string, label string) string {
	var b strings.Builder
	b.WriteString("  attribute {\n    name  = \"size\"\n    label = { en = \"Size\" }\n    type {\n      name = \"lenum\"\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "      localized_value {\n        key   = %q\n        label = { en = \"%s %s\", de = \"%s\" }\n      }\n", k, label, k, k)
	}
	b.WriteString("    }\n  }\n")
	return b.String()
}

func keys(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%04d", prefix, i)
	}
	return out
}

func reversed(l []string) []string {
	out := make([]string, len(l))
	for i, s := range l {
		out[len(l)-1-i] = s
	}
	return out
}

const head = `
  key         = "clothing"
  name        = "Clothing"
  description = "Shirts and trousers"
`

// every has an attribute of every type but nested (TestAccProductType_nested) and every option.
const every = `
  attribute {
    name       = "headline"
    label      = { en = "Headline", de = "Überschrift" }
    input_tip  = { en = "Shown above the title" }
    level      = "Product"
    searchable = true
    type { name = "text" }
  }
  attribute {
    name       = "care"
    label      = { en = "Care" }
    input_hint = "MultiLine"
    type { name = "ltext" }
  }
  attribute {
    name       = "organic"
    label      = { en = "Organic" }
    constraint = "SameForAll"
    type { name = "boolean" }
  }
  attribute {
    name     = "weight"
    label    = { en = "Weight" }
    required = true
    type { name = "number" }
  }
  attribute {
    name  = "rrp"
    label = { en = "RRP" }
    type { name = "money" }
  }
  attribute {
    name  = "launch"
    label = { en = "Launch" }
    type { name = "date" }
  }
  attribute {
    name  = "launch_time"
    label = { en = "Launch time" }
    type { name = "time" }
  }
  attribute {
    name  = "available"
    label = { en = "Available" }
    type { name = "datetime" }
  }
  attribute {
    name       = "color"
    label      = { en = "Color" }
    constraint = "CombinationUnique"
    type {
      name = "enum"
      value {
        key   = "black"
        label = "Black"
      }
      value {
        key   = "white"
        label = "White"
      }
    }
  }
  attribute {
    name  = "fit"
    label = { en = "Fit" }
    type {
      name = "lenum"
      localized_value {
        key   = "slim"
        label = { en = "Slim", de = "Schmal" }
      }
    }
  }
  attribute {
    name  = "matching"
    label = { en = "Matching product" }
    type {
      name              = "reference"
      reference_type_id = "product"
    }
  }
  attribute {
    name  = "tags"
    label = { en = "Tags" }
    type {
      name = "set"
      element_type { name = "text" }
    }
  }
  attribute {
    name       = "washing"
    label      = { en = "Washing" }
    constraint = "Unique"
    type {
      name = "set"
      element_type {
        name = "enum"
        value {
          key   = "30c"
          label = "30 °C"
        }
      }
    }
  }
  attribute {
    name  = "variant_ref"
    label = { en = "Variant" }
    type {
      name              = "reference"
      reference_type_id = "variant"
    }
  }
`

func TestAccProductType_lifecycle(t *testing.T) {
	update1 := strings.NewReplacer(
		`key         = "clothing"`, `key         = "apparel"`,
		`description = "Shirts and trousers"`, `description = "Shirts, trousers and more"`,
		`label = { en = "Care" }`, `label = { en = "Care instructions" }`,
		`input_hint = "MultiLine"`, `input_hint = "SingleLine"`,
		`constraint = "SameForAll"`, `constraint = "None"`,
		`input_tip  = { en = "Shown above the title" }`, `input_tip  = { en = "Shown above the product title" }`,
		"    searchable = true\n    type { name = \"text\" }", "    type { name = \"text\" }",
		"        key   = \"white\"\n        label = \"White\"\n      }", "        key   = \"white\"\n        label = \"Weiß\"\n      }\n      value {\n        key   = \"red\"\n        label = \"Red\"\n      }",
		"      localized_value {\n        key   = \"slim\"", "      localized_value {\n        key   = \"wide\"\n        label = { en = \"Wide\" }\n      }\n      localized_value {\n        key   = \"slim\"",
		"  attribute {\n    name  = \"launch_time\"\n    label = { en = \"Launch time\" }\n    type { name = \"time\" }\n  }\n", "",
		"        key   = \"30c\"\n        label = \"30 °C\"\n      }", "        key   = \"40c\"\n        label = \"40 °C\"\n      }",
	).Replace(head+every) + lenum([]string{"s", "m"}, "Size")
	// The new attribute moves to the front: one order action.
	update2 := strings.Replace(update1, lenum([]string{"s", "m"}, "Size"), "", 1)
	update2 = strings.Replace(update2, `description = "Shirts, trousers and more"`, "description = \"Shirts, trousers and more\"\n"+lenum([]string{"s", "m"}, "Size"), 1)
	many := strings.Replace(update2, lenum([]string{"s", "m"}, "Size"), lenum(append([]string{"s", "m"}, keys("v", 600)...), "Size"), 1)
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_product_type", Coll: "product-types",
		Create: head + every,
		Checks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("attribute"), knownvalue.ListSizeExact(14)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("attribute").AtSliceIndex(1).AtMapKey("searchable"), knownvalue.Bool(false)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("attribute").AtSliceIndex(1).AtMapKey("level"), knownvalue.StringExact("Variant")),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("attribute").AtSliceIndex(1).AtMapKey("constraint"), knownvalue.StringExact("None")),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("attribute").AtSliceIndex(1).AtMapKey("input_tip"), knownvalue.Null()),
		},
		Updates: []acctest.Update{
			{Body: update1},
			{Body: update2},
		},
		Concurrent: strings.Replace(update2, `name        = "Clothing"`, `name        = "Clothing (2)"`, 1),
		Many:       &acctest.Update{Body: many, Requests: acctest.Batches(600)},
	})
}

func config(srv *emulator.TestServer, body string) string {
	return acctest.ProviderBlock(srv) + "resource \"commercetools_product_type\" \"test\" {\n" + head + body + "}\n"
}

// TestAccProductType_largeEnum: a localized enum of 600 values (more than one request's 500
// actions) is created with one request, reordered with one action, grown by 100 values in one
// request and relabelled (700 actions) in two; after each apply the plan is empty. make bench
// runs the same at 1,200 values and checks the same request counts.
func TestAccProductType_largeEnum(t *testing.T) {
	acctest.PreCheck(t)
	if testing.Short() {
		t.Skip("a scale test: make test runs it in the Terraform pass (the OpenTofu pass is -short)")
	}
	srv := acctest.NewEmulator(t)
	v600 := keys("v", 600)
	v700 := append(reversed(v600), keys("w", 100)...)
	step := func(body string, checks ...statecheck.StateCheck) resource.TestStep {
		return resource.TestStep{
			PreConfig:         srv.ResetCounts,
			Config:            config(srv, body),
			ConfigStateChecks: append([]statecheck.StateCheck{acctest.ExpectOnEmulator(srv, "product-types", addr)}, checks...),
		}
	}
	label := func(i int) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New("attribute").AtSliceIndex(0).AtMapKey("type").AtSliceIndex(0).
			AtMapKey("localized_value").AtSliceIndex(i).AtMapKey("key"), knownvalue.StringExact(v700[i]))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			step(lenum(v600, "Size"), acctest.ExpectRequests(srv, map[string]int{"POST /{projectKey}/product-types": 1, updateRoute: 0})),
			step(lenum(reversed(v600), "Size"), acctest.ExpectActions(srv, updateRoute, "changeLocalizedEnumValueOrder"), label(0)),
			step(lenum(v700, "Size"), acctest.ExpectActions(srv, updateRoute, "addLocalizedEnumValue×100"), label(699)),
			step(lenum(v700, "Label"), acctest.ExpectActions(srv, updateRoute,
				"changeLocalizedEnumValueLabel×500", "changeLocalizedEnumValueLabel×200")),
		},
	})
}

const notes = `
  attribute {
    name  = "notes"
    label = { en = "Notes" }
    type { name = "text" }
  }
`

const color = `
  attribute {
    name       = "color"
    label      = { en = "Color" }
    constraint = "CombinationUnique"
    type {
      name = "enum"
      value {
        key   = "red"
        label = "Red"
      }
    }
  }
`

// TestAccProductType_reorder: moving attributes sends one order action and nothing else.
func TestAccProductType_reorder(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config(srv, notes+color+lenum([]string{"s"}, "Size"))},
			{
				PreConfig: srv.ResetCounts,
				Config:    config(srv, lenum([]string{"s"}, "Size")+notes+color),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectActions(srv, updateRoute, "changeAttributeOrderByName"),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("attribute").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("size")),
				},
			},
		},
	})
}

// TestAccProductType_recreate: a change the API makes only by removing the attribute and
// adding it again is refused at plan time, before any request, with the attribute named; with
// the opt-in the removal and the new attribute go out in two requests.
func TestAccProductType_recreate(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	base := notes + color
	var before int
	steps := []resource.TestStep{{Config: config(srv, base)}}
	for _, tc := range []struct{ name, body, want string }{
		{"type", strings.Replace(base, `type { name = "text" }`, `type { name = "ltext" }`, 1),
			`In attribute "notes" its type would change from text to ltext`},
		{"level", strings.Replace(base, `label = { en = "Notes" }`, "label = { en = \"Notes\" }\n    level = \"Product\"", 1),
			`In attribute "notes" its level would change from Variant to Product`},
		{"required", strings.Replace(base, `label = { en = "Notes" }`, "label = { en = \"Notes\" }\n    required = true", 1),
			`In attribute "notes" required would change from false to true`},
		{"constraint", strings.Replace(base, `constraint = "CombinationUnique"`, `constraint = "None"`, 1),
			`its constraint would change from CombinationUnique to None (in place, only Unique and SameForAll can become None)`},
		{"set required", strings.Replace(base, `type { name = "text" }`, "required = true\n    type {\n      name = \"set\"\n      element_type { name = \"text\" }\n    }", 1),
			`Attribute "notes" is a set, and the API does not support required = true for sets`},
		{"enum fields on text", strings.Replace(base, `type { name = "text" }`, "type {\n      name = \"text\"\n      value {\n        key = \"a\"\n        label = \"A\"\n      }\n    }", 1),
			`Attribute "notes" is of type text; value applies to type enum only`},
		{"reference without target", strings.Replace(base, `type { name = "text" }`, `type { name = "reference" }`, 1),
			`Attribute "notes" is of type reference, which needs reference_type_id`},
		{"duplicate", base + notes, `declares the attribute "notes" more than once`},
	} {
		steps = append(steps, resource.TestStep{
			PreConfig:   func() { before = srv.Counts().API },
			Config:      config(srv, tc.body),
			PlanOnly:    true,
			ExpectError: acctest.Words(tc.want),
		}, resource.TestStep{
			Config: config(srv, base),
			PreConfig: func() {
				if n := srv.Counts().API - before; n > 1 {
					t.Errorf("%s: %d requests before the refusal, want at most the refresh", tc.name, n)
				}
			},
		})
	}
	optIn := strings.Replace(base, `type { name = "text" }`, "allow_recreate_deleting_values = true\n    type { name = \"ltext\" }", 1)
	optIn = strings.Replace(optIn, `label = "Red"`, `label = "Rot"`, 1)
	steps = append(steps, resource.TestStep{
		PreConfig: srv.ResetCounts,
		Config:    config(srv, optIn),
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
		}},
		ConfigStateChecks: []statecheck.StateCheck{
			// notes goes, color is relabelled; then notes comes back (at the end) and moves to the front.
			acctest.ExpectActions(srv, updateRoute, "removeAttributeDefinition,changePlainEnumValueLabel", "addAttributeDefinition,changeAttributeOrderByName"),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("attribute").AtSliceIndex(0).AtMapKey("type").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("ltext")),
			acctest.ExpectOnEmulator(srv, "product-types", addr),
		},
	})
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories, Steps: steps})
}

// TestAccProductType_recreateFailsMidway: the attribute is removed, but adding it back is
// refused (another product type holds an attribute of that name with the old type). The state
// saved is what exists, without the attribute; once the conflict is gone, the next apply adds it.
func TestAccProductType_recreateFailsMidway(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	optIn := strings.Replace(notes, `type { name = "text" }`, "allow_recreate_deleting_values = true\n    type { name = \"ltext\" }", 1)
	other := func() {
		if err := srv.PutDoc(srv.Project.Key, "product-types", map[string]any{"id": "other", "version": 1, "name": "Other", "description": "",
			"createdAt": "2026-01-01T00:00:00.000Z", "lastModifiedAt": "2026-01-01T00:00:00.000Z",
			"attributes": []any{map[string]any{"name": "notes", "label": map[string]any{"en": "N"}, "isRequired": false, "level": "Variant",
				"attributeConstraint": "None", "inputHint": "SingleLine", "isSearchable": true, "type": map[string]any{"name": "text"}}}}); err != nil {
			t.Error(err)
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config(srv, notes+color)},
			{
				Config:           config(srv, optIn+color),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{acctest.PlanHook(other)}},
				ExpectError:      acctest.Words(`1 of 3 update actions were applied (1 request(s))`),
			},
			{
				PreConfig: func() { srv.DeleteDoc(srv.Project.Key, "product-types", "other") },
				Config:    config(srv, optIn+color),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("attribute"), knownvalue.ListSizeExact(2)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectOnEmulator(srv, "product-types", addr)},
			},
		},
	})
}

// TestAccProductType_nested: a nested attribute points at another product type by id; the two
// are created and destroyed in the order the reference gives.
func TestAccProductType_nested(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	cfg := acctest.ProviderBlock(srv) + `
resource "commercetools_product_type" "chart" {
  key  = "size-chart"
  name = "Size chart"
  attribute {
    name  = "chest_cm"
    label = { en = "Chest (cm)" }
    type { name = "number" }
  }
}

resource "commercetools_product_type" "test" {
  key  = "shirt"
  name = "Shirt"
  attribute {
    name  = "chart"
    label = { en = "Size chart" }
    type {
      name           = "nested"
      type_reference = commercetools_product_type.chart.id
    }
  }
  attribute {
    name  = "charts"
    label = { en = "Size charts" }
    type {
      name = "set"
      element_type {
        name           = "nested"
        type_reference = commercetools_product_type.chart.id
      }
    }
  }
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(addr, tfjsonpath.New("attribute").AtSliceIndex(0).AtMapKey("type").AtSliceIndex(0).AtMapKey("type_reference"),
						"commercetools_product_type.chart", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("attribute").AtSliceIndex(1).AtMapKey("searchable"), knownvalue.Bool(false)),
					acctest.ExpectOnEmulator(srv, "product-types", addr),
				},
			},
			{
				Config:      strings.Replace(cfg, "    name  = \"chart\"\n", "    name  = \"chart\"\n    searchable = true\n", 1),
				PlanOnly:    true,
				ExpectError: acctest.Words(`Attribute "chart" is of type nested (product type`),
			},
		},
		CheckDestroy: func(*terraform.State) error {
			if n := len(srv.Docs(srv.Project.Key, "product-types")); n != 0 {
				return fmt.Errorf("%d product types left", n)
			}
			return nil
		},
	})
}
