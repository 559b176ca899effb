package customtype_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

const addr = "commercetools_type.test"

// enumField renders the Enum field "size" with the given keys, in order.
func enumField(keys []string) string {
	const name = "size"
	var b strings.Builder
	fmt.Fprintf(&b, "  field {\n    name  = %q\n    label = { en = %q }\n    type {\n      name = \"Enum\"\n", name, name)
	for _, k := range keys {
		fmt.Fprintf(&b, "      value {\n        key   = %q\n        label = \"Label %s\"\n      }\n", k, k)
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

const head = `
  key               = "customer-profile"
  name              = { en = "Customer profile" }
  resource_type_ids = ["customer"]
`

const every = `
  field {
    name     = "loyalty_number"
    label    = { en = "Loyalty number" }
    required = true
    type { name = "String" }
  }
  field {
    name       = "notes"
    label      = { en = "Notes" }
    input_hint = "MultiLine"
    type { name = "String" }
  }
  field {
    name  = "opt_in"
    label = { en = "Opt-in" }
    type { name = "Boolean" }
  }
  field {
    name  = "shoe_size"
    label = { en = "Shoe size" }
    type { name = "Number" }
  }
  field {
    name  = "credit"
    label = { en = "Credit" }
    type { name = "Money" }
  }
  field {
    name  = "birthday"
    label = { en = "Birthday" }
    type { name = "Date" }
  }
  field {
    name  = "call_time"
    label = { en = "Call time" }
    type { name = "Time" }
  }
  field {
    name  = "contacted_at"
    label = { en = "Contacted at" }
    type { name = "DateTime" }
  }
  field {
    name  = "greeting"
    label = { en = "Greeting" }
    type { name = "LocalizedString" }
  }
  field {
    name  = "tier"
    label = { en = "Tier" }
    type {
      name = "LocalizedEnum"
      localized_value {
        key   = "silver"
        label = { en = "Silver", de = "Silber" }
      }
      localized_value {
        key   = "gold"
        label = { en = "Gold" }
      }
    }
  }
  field {
    name  = "home_store"
    label = { en = "Home store" }
    type {
      name              = "Reference"
      reference_type_id = "channel"
    }
  }
  field {
    name  = "interests"
    label = { en = "Interests" }
    type {
      name = "Set"
      element_type { name = "String" }
    }
  }
  field {
    name  = "days"
    label = { en = "Days" }
    type {
      name = "Set"
      element_type {
        name = "Enum"
        value {
          key   = "mon"
          label = "Monday"
        }
      }
    }
  }
`

func TestAccType_lifecycle(t *testing.T) {
	update1 := strings.NewReplacer(
		`key               = "customer-profile"`, `key               = "customer-profile-v2"`+"\n  description = { en = \"More\" }",
		`label = { en = "Opt-in" }`, `label = { en = "Newsletter" }`,
		"        key   = \"mon\"\n        label = \"Monday\"\n      }", "        key   = \"mon\"\n        label = \"Montag\"\n      }\n      value {\n        key   = \"fri\"\n        label = \"Friday\"\n      }",
		"      localized_value {\n        key   = \"silver\"", "      localized_value {\n        key   = \"bronze\"\n        label = { en = \"Bronze\" }\n      }\n      localized_value {\n        key   = \"silver\"",
		`input_hint = "MultiLine"`, `input_hint = "SingleLine"`,
		"  field {\n    name  = \"birthday\"\n    label = { en = \"Birthday\" }\n    type { name = \"Date\" }\n  }\n", "",
	).Replace(head + every)
	update2 := strings.Replace(update1, "description = { en = \"More\" }", "description = { en = \"More\" }\n"+enumField([]string{"l", "m", "s"}), 1)
	// Many adds 600 values to an enum: 600 addEnumValue actions in two requests.
	many := strings.Replace(update2, enumField([]string{"l", "m", "s"}), enumField(append([]string{"l", "m", "s"}, keys("v", 600)...)), 1)
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_type", Coll: "types",
		Create: head + every,
		Checks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("field"), knownvalue.ListSizeExact(13)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("field").AtSliceIndex(2).AtMapKey("required"), knownvalue.Bool(false)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("field").AtSliceIndex(2).AtMapKey("input_hint"), knownvalue.StringExact("SingleLine")),
		},
		Updates: []acctest.Update{
			// Rename, describe, relabel, new enum values (one in front: a reorder), a new field,
			// a removed field, a changed input hint: one request.
			{Body: update1 + enumField([]string{"s", "m", "l"})},
			// Reorder: the new field moves to the front, its values turn round (two order actions).
			{Body: update2},
		},
		Concurrent: strings.Replace(update2, `{ en = "Customer profile" }`, `{ en = "Customer profile (2)" }`, 1),
		Many:       &acctest.Update{Body: many, Requests: acctest.Batches(600)},
		// The API cannot change resource_type_ids: a new type.
		Replaces: []string{strings.Replace(many, `resource_type_ids = ["customer"]`, `resource_type_ids = ["customer", "order"]`, 1)},
	})
}

// TestAccType_refusedAtPlan: what the API cannot do is refused before any request.
func TestAccType_refusedAtPlan(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	cfg := func(body string) string {
		return acctest.ProviderBlock(srv) + "resource \"commercetools_type\" \"test\" {\n" + head + body + "}\n"
	}
	base := enumField([]string{"s", "m", "l"}) + `
  field {
    name  = "notes"
    label = { en = "Notes" }
    type { name = "String" }
  }
`
	var before int
	steps := []resource.TestStep{{Config: cfg(base)}}
	for _, tc := range []struct {
		name, body string
		want       *regexp.Regexp
	}{
		{"type change", strings.Replace(base, `type { name = "String" }`, `type { name = "Number" }`, 1),
			acctest.Words(`Field "notes" is of type String; the API cannot change it to Number`)},
		{"required change", strings.Replace(base, `label = { en = "Notes" }`, "label = { en = \"Notes\" }\n    required = true", 1),
			acctest.Words(`Field "notes" has required = false; the API cannot change that`)},
		{"enum value removed", enumField([]string{"s", "l"}) + base[len(enumField([]string{"s", "m", "l"})):],
			acctest.Words(`Field "size" would lose the enum value "m"`)},
		{"input hint on an enum", strings.Replace(base, "    label = { en = \"size\" }", "    label = { en = \"size\" }\n    input_hint = \"MultiLine\"", 1),
			acctest.Words(`input_hint applies to String and LocalizedString fields`)},
		{"duplicate field", base + enumField([]string{"x"}), acctest.Words(`declares the field "size" more than once`)},
	} {
		steps = append(steps, resource.TestStep{
			PreConfig:   func() { before = srv.Counts().API },
			Config:      cfg(tc.body),
			PlanOnly:    true,
			ExpectError: tc.want,
		}, resource.TestStep{
			// The refusal sent no request (the refresh of the plan aside: one listing page).
			Config: cfg(base),
			PreConfig: func() {
				if n := srv.Counts().API - before; n > 1 {
					t.Errorf("%s: %d requests before the refusal, want at most the refresh", tc.name, n)
				}
			},
			ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectEmulatorCount(srv, "types", 1)},
		})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories, Steps: steps})
}

// TestAccType_failureMidway: an update of 600 actions fails in its second request (someone
// added one of the new enum values in between, without a version change the provider could
// see). The first 500 actions are applied and saved in state; the next plan shows only what is
// left, and an apply finishes it.
func TestAccType_failureMidway(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	cfg := func(body string) string {
		return acctest.ProviderBlock(srv) + "resource \"commercetools_type\" \"test\" {\n" + head + body + "}\n"
	}
	values := keys("v", 600)
	sneak := func() {
		for _, d := range srv.Docs(srv.Project.Key, "types") {
			defs, _ := d["fieldDefinitions"].([]any)
			f, _ := defs[0].(map[string]any)
			ft, _ := f["type"].(map[string]any)
			vals, _ := ft["values"].([]any)
			ft["values"] = append(vals, map[string]any{"key": values[550], "label": "sneaked in"})
			if err := srv.PutDoc(srv.Project.Key, "types", d); err != nil {
				t.Error(err)
			}
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg(enumField([]string{"s"}))},
			{
				Config:           cfg(enumField(append([]string{"s"}, values...))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{acctest.PlanHook(sneak)}},
				ExpectError:      acctest.Words(`500 of 600 update actions were applied (1 request(s))`),
			},
			{
				// The state holds what exists: 501 values, then the next apply adds the rest
				// (all but the one that was sneaked in, which it only relabels).
				Config: cfg(enumField(append([]string{"s"}, values...))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("field").AtSliceIndex(0).AtMapKey("type").AtSliceIndex(0).AtMapKey("value"), knownvalue.ListSizeExact(601)),
					acctest.ExpectOnEmulator(srv, "types", addr),
				},
			},
		},
	})
}
