package category_test

import (
	"fmt"
	"regexp"
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

const fields = `
resource "commercetools_type" "category_fields" {
  key               = "category-fields"
  name              = { en = "Category fields" }
  resource_type_ids = ["category"]
  field {
    name  = "show_in_menu"
    label = { en = "Show in menu" }
    type { name = "Boolean" }
  }
}
resource "commercetools_category" "root" {
  key  = "root"
  name = { en = "Root" }
  slug = { en = "root" }
}
resource "commercetools_category" "other_root" {
  key  = "other-root"
  name = { en = "Other root" }
  slug = { en = "other-root" }
}
`

func hero(name string) string {
	return fmt.Sprintf(`
  assets {
    key  = "hero"
    name = { en = %q }
    tags = ["hero"]
    sources {
      key          = "desktop"
      uri          = "https://img.example/hero-1920.jpg"
      content_type = "image/jpeg"
      dimensions {
        w = 1920
        h = 600
      }
    }
  }`, name)
}

const icon = `
  assets {
    key  = "icon"
    name = { en = "Icon" }
    sources {
      uri = "https://img.example/icon.svg"
    }
  }`

func TestAccCategory_lifecycle(t *testing.T) {
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_category", Coll: "categories", Prelude: fields, Others: 2,
		Create: `
  key  = "shirts"
  name = { en = "Shirts" }
  slug = { en = "shirts" }
`,
		Checks: []statecheck.StateCheck{
			// Left out, commercetools assigns a random order hint, which the state keeps.
			statecheck.ExpectKnownValue("commercetools_category.test", tfjsonpath.New("order_hint"), knownvalue.StringRegexp(regexp.MustCompile(`^0\.[0-9]+$`))),
			statecheck.ExpectKnownValue("commercetools_category.test", tfjsonpath.New("parent"), knownvalue.Null()),
		},
		Updates: []acctest.Update{
			{Body: `
  key              = "shirts"
  name             = { en = "Shirts", de = "Hemden" }
  slug             = { en = "shirts", de = "hemden" }
  description      = { en = "All shirts" }
  meta_title       = { en = "Shirts | ACME" }
  meta_description = { en = "Shop shirts" }
  meta_keywords    = { en = "shirts" }
  parent           = commercetools_category.root.id
  order_hint       = "0.5"
  external_id      = "ERP-1"
  custom {
    type_id = commercetools_type.category_fields.id
    fields  = { show_in_menu = "true" }
  }
` + hero("Hero") + icon},
			// Only the changed asset is touched; the other keeps its id.
			{Body: `
  key         = "shirts"
  name        = { en = "Shirts", de = "Hemden" }
  slug        = { en = "shirts", de = "hemden" }
  parent_key  = "other-root"
  order_hint  = "0.5"
  external_id = "ERP-1"
` + icon + hero("Hero image")},
			{Body: `
  key    = "shirts-2"
  name   = { en = "Shirts" }
  slug   = { en = "shirts" }
  parent = commercetools_category.root.id
` + hero("Hero image")},
		},
		Replaces: []string{`
  key  = "shirts-2"
  name = { en = "Shirts" }
  slug = { en = "shirts" }
`},
	})
}

// TestAccCategory_assets checks that a keyed asset change is one action on that asset and a
// reorder one changeAssetOrder.
func TestAccCategory_assets(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	config := func(assets string) string {
		return acctest.ProviderBlock(srv) + `
resource "commercetools_category" "c" {
  key  = "cc"
  name = { en = "C" }
  slug = { en = "cc" }
` + assets + "\n}\n"
	}
	route := "POST /{projectKey}/categories/{id}"
	var heroID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config(hero("Hero") + icon), ConfigStateChecks: []statecheck.StateCheck{acctest.StateFunc(func(s *tfjson.State) error {
				var err error
				heroID, err = acctest.Attr(s, "commercetools_category.c", "assets.0.id")
				return err
			})}},
			{PreConfig: srv.ResetCounts, Config: config(hero("Hero image") + icon),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectActions(srv, route, "changeAssetName"),
					acctest.StateFunc(func(s *tfjson.State) error { return sameID(s, "assets.0.id", heroID) }),
				}},
			{PreConfig: srv.ResetCounts, Config: config(icon + hero("Hero image")),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectActions(srv, route, "changeAssetOrder"),
					acctest.StateFunc(func(s *tfjson.State) error { return sameID(s, "assets.1.id", heroID) }),
				}},
			{PreConfig: srv.ResetCounts, Config: config(hero("Hero image")),
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectActions(srv, route, "removeAsset")}},
			{Config: config(hero("Hero image")), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

func sameID(s *tfjson.State, attr, want string) error {
	got, err := acctest.Attr(s, "commercetools_category.c", attr)
	if err != nil {
		return err
	}
	if got != want {
		return fmt.Errorf("%s is %s, want %s (the asset's id must not change)", attr, got, want)
	}
	return nil
}

func tree(shape map[string]string) string {
	out := ""
	for _, name := range []string{"women", "men", "tops", "shirts"} {
		parent := ""
		if p := shape[name]; p != "" {
			parent = fmt.Sprintf("  parent = commercetools_category.%s.id\n", p)
		}
		out += fmt.Sprintf(`
resource "commercetools_category" %q {
  key  = %q
  name = { en = %q }
  slug = { en = %q }
%s}
`, name, name, name, name, parent)
	}
	return out
}

// TestAccCategory_tree creates a tree of three levels, moves a subtree to another parent and
// destroys it, each in one apply.
func TestAccCategory_tree(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	first := map[string]string{"tops": "women", "shirts": "tops"}
	moved := map[string]string{"tops": "men", "shirts": "tops"}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: acctest.ProviderBlock(srv) + tree(first), ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateFunc(func(*tfjson.State) error { return ancestors(srv, "shirts", "women", "tops") }),
			}},
			{Config: acctest.ProviderBlock(srv) + tree(moved),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("commercetools_category.tops", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("commercetools_category.shirts", plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateFunc(func(*tfjson.State) error { return ancestors(srv, "shirts", "men", "tops") }),
				}},
			{Config: acctest.ProviderBlock(srv) + tree(moved), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
		CheckDestroy: func(*terraform.State) error {
			if n := len(srv.Docs(srv.Project.Key, "categories")); n != 0 {
				return fmt.Errorf("%d categories left", n)
			}
			return nil
		},
	})
}

// ancestors checks the emulator's ancestors of a category (root first), by key.
func ancestors(srv *emulator.TestServer, key string, want ...string) error {
	keys := map[string]string{}
	var target map[string]any
	for _, d := range srv.Docs(srv.Project.Key, "categories") {
		id, _ := d["id"].(string)
		keys[id], _ = d["key"].(string)
		if d["key"] == key {
			target = d
		}
	}
	if target == nil {
		return fmt.Errorf("no category %q on the emulator", key)
	}
	var got []string
	l, _ := target["ancestors"].([]any)
	for _, a := range l {
		r, _ := a.(map[string]any)
		id, _ := r["id"].(string)
		got = append(got, keys[id])
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		return fmt.Errorf("ancestors of %s: %v, want %v", key, got, want)
	}
	return nil
}

func TestAccCategory_duplicateSlug(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(srv) + `
resource "commercetools_category" "a" {
  key  = "aa"
  name = { en = "A" }
  slug = { en = "summer" }
}
resource "commercetools_category" "b" {
  key  = "bb"
  name = { en = "B" }
  slug = { en = "summer" }
  depends_on = [commercetools_category.a]
}
`,
			ExpectError: regexp.MustCompile(`(?s)summer.*slug\.en`),
		}},
	})
}

func TestMigrationFromLabd(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "category", Types: []string{"commercetools_category"}})
}

func TestAccDataSource(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(srv) + fields + `
data "commercetools_category" "root" {
  key = commercetools_category.root.key
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.commercetools_category.root", tfjsonpath.New("slug"),
					knownvalue.MapExact(map[string]knownvalue.Check{"en": knownvalue.StringExact("root")})),
			},
		}},
	})
}
