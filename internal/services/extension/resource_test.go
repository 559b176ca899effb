package extension_test

import (
	"fmt"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

const (
	addr  = "commercetools_api_extension.test"
	route = "POST /{projectKey}/extensions/{id}"
)

const create = `
  key           = "cart-check"
  timeout_in_ms = 1500

  destination {
    type                 = "HTTP"
    url                  = "https://ext.example/cart"
    authorization_header = "Bearer first-token-123456"
  }

  trigger {
    resource_type_id = "cart"
    actions          = ["Create", "Update"]
    condition        = "lineItems is defined"
  }
`

// stored returns the emulator's copy of the extension with the given key (secrets unmasked).
func stored(srv *emulator.TestServer, key string) map[string]any {
	for _, d := range srv.StoredDocs(srv.Project.Key, "extensions") {
		if d["key"] == key {
			return d
		}
	}
	return nil
}

func expectSecret(srv *emulator.TestServer, key string, path []string, want string) statecheck.StateCheck {
	return acctest.StateFunc(func(*tfjson.State) error {
		d := stored(srv, key)
		var v any = d
		for _, p := range path {
			m, _ := v.(map[string]any)
			v = m[p]
		}
		if v != want {
			return fmt.Errorf("the emulator holds %v at %s of %s, want the configured secret", v, strings.Join(path, "."), key)
		}
		return nil
	})
}

func TestAccExtension_lifecycle(t *testing.T) {
	update1 := strings.NewReplacer(
		`key           = "cart-check"`, `key           = "cart-validation"`,
		"  timeout_in_ms = 1500\n", "",
		`url                  = "https://ext.example/cart"`, `url                  = "https://ext.example/v2/cart"`,
		`actions          = ["Create", "Update"]`, `actions          = ["Create"]`,
	).Replace(create) + `
  trigger {
    resource_type_id = "payment-method"
    actions          = ["Update"]
  }
`
	update2 := strings.Replace(update1, `authorization_header = "Bearer first-token-123456"`, `azure_authentication = "azure-function-key-0001"`, 1) + `
  expansion_paths      = ["customer"]
  include_old_resource = true
`
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_api_extension", Coll: "extensions",
		Create: create,
		Checks: []statecheck.StateCheck{
			statecheck.ExpectSensitiveValue(addr, tfjsonpath.New("destination").AtSliceIndex(0).AtMapKey("authorization_header")),
		},
		Updates: []acctest.Update{
			// Removing the timeout sends the API's default (one setTimeoutInMs of 2000); the state keeps it
			// unset, as the configuration has it (package unset).
			{Body: update1, Checks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("timeout_in_ms"), knownvalue.Null()),
			}},
			{Body: update2},
		},
		Concurrent:        strings.Replace(update2, `https://ext.example/v2/cart`, `https://ext.example/v3/cart`, 1),
		ImportIgnore:      []string{"destination.0.authorization_header", "destination.0.azure_authentication"},
		ImportPlansUpdate: true,
	})
}

// TestAccExtension_everyDestination creates one extension of each destination kind, rotates
// their credentials (one changeDestination each) and destroys them; the emulator holds the
// configured secrets, the state keeps them although the API masks them on read, and nothing
// plans a change in between.
func TestAccExtension_everyDestination(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	cfg := func(n int) string {
		return acctest.ProviderBlock(srv) + fmt.Sprintf(`
resource "commercetools_api_extension" "header" {
  key = "header"
  destination {
    type                 = "http"
    url                  = "https://ext.example/header"
    authorization_header = "Bearer header-token-%[1]d"
  }
  trigger {
    resource_type_id = "order"
    actions          = ["Create"]
  }
}

resource "commercetools_api_extension" "azure" {
  key = "azure"
  destination {
    type                 = "HTTP"
    url                  = "https://acme.azurewebsites.net/api/enrich"
    azure_authentication = "azure-function-key-%[1]d"
  }
  trigger {
    resource_type_id = "customer"
    actions          = ["Create"]
  }
}

resource "commercetools_api_extension" "lambda" {
  key = "lambda"
  destination {
    type          = "awslambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:export"
    access_key    = "AKIAFIXTURE%[1]d"
    access_secret = "lambda-secret-%[1]d"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Create", "Update"]
  }
}

resource "commercetools_api_extension" "gcf" {
  key = "gcf"
  destination {
    type = "GoogleCloudFunction"
    url  = "https://europe-west1-acme.cloudfunctions.net/fraud-%[1]d"
  }
  trigger {
    resource_type_id = "quote"
    actions          = ["Create"]
  }
}
`, n)
	}
	checks := func(n int) []statecheck.StateCheck {
		return []statecheck.StateCheck{
			expectSecret(srv, "header", []string{"destination", "authentication", "headerValue"}, fmt.Sprintf("Bearer header-token-%d", n)),
			expectSecret(srv, "azure", []string{"destination", "authentication", "key"}, fmt.Sprintf("azure-function-key-%d", n)),
			expectSecret(srv, "lambda", []string{"destination", "accessSecret"}, fmt.Sprintf("lambda-secret-%d", n)),
			expectSecret(srv, "lambda", []string{"destination", "accessKey"}, fmt.Sprintf("AKIAFIXTURE%d", n)),
			statecheck.ExpectKnownValue("commercetools_api_extension.lambda", tfjsonpath.New("destination").AtSliceIndex(0).AtMapKey("type"), knownvalue.StringExact("awslambda")),
			acctest.ExpectEmulatorCount(srv, "extensions", 4),
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg(1), ConfigStateChecks: checks(1)},
			{
				PreConfig:         srv.ResetCounts,
				Config:            cfg(2),
				ConfigStateChecks: append(checks(2), acctest.ExpectRequests(srv, map[string]int{route: 4})),
			},
		},
	})
}

// TestAccExtension_refusedAtPlan: a destination that lacks what its kind needs, or has fields of
// another kind, is refused before any request.
func TestAccExtension_refusedAtPlan(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	cfg := func(dest string) string {
		return acctest.ProviderBlock(srv) + "resource \"commercetools_api_extension\" \"test\" {\n  destination {\n" + dest +
			"  }\n  trigger {\n    resource_type_id = \"cart\"\n    actions = [\"Create\"]\n  }\n}\n"
	}
	var steps []resource.TestStep
	for _, tc := range []struct{ dest, want string }{
		{`    type = "HTTP"` + "\n", `A destination of type HTTP needs url`},
		{"    type = \"AWSLambda\"\n    arn = \"arn:x\"\n    access_key = \"AKIA\"\n", `needs access_secret (or access_secret_wo)`},
		{"    type = \"HTTP\"\n    url = \"https://x\"\n    authorization_header = \"a\"\n    azure_authentication = \"b\"\n", `not both`},
		{"    type = \"GoogleCloudFunction\"\n    url = \"https://x\"\n    arn = \"arn:x\"\n", `arn does not apply to a destination of type GoogleCloudFunction`},
		{"    type = \"FTP\"\n    url = \"ftp://x\"\n", `value must be one of`},
	} {
		steps = append(steps, resource.TestStep{Config: cfg(tc.dest), PlanOnly: true, ExpectError: acctest.Words(tc.want)})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories, Steps: steps})
	if n := srv.Counts().API; n != 0 {
		t.Errorf("%d requests for refused plans, want 0", n)
	}
}

// TestAccExtension_importWithoutSecret: an extension imported by key has no credential in
// state (the API masks it); the next plan says exactly that it sends the configured one, and
// after that apply the plan is empty.
func TestAccExtension_importWithoutSecret(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	if err := srv.PutDoc(srv.Project.Key, "extensions", map[string]any{"id": "ext-1", "version": 1, "key": "cart-check",
		"createdAt": "2026-01-01T00:00:00.000Z", "lastModifiedAt": "2026-01-01T00:00:00.000Z", "timeoutInMs": 1500,
		"destination": map[string]any{"type": "HTTP", "url": "https://ext.example/cart",
			"authentication": map[string]any{"type": "AuthorizationHeader", "headerValue": "Bearer someone-elses-token"}},
		"triggers": []any{map[string]any{"resourceTypeId": "cart", "actions": []any{"Create", "Update"}, "condition": "lineItems is defined"}}}); err != nil {
		t.Fatal(err)
	}
	cfg := acctest.ProviderBlock(srv) + "resource \"commercetools_api_extension\" \"test\" {\n" + create + "}\n"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, ResourceName: addr, ImportState: true, ImportStateId: "key=cart-check", ImportStatePersist: true},
			{
				PreConfig: srv.ResetCounts,
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					plancheck.ExpectSensitiveValue(addr, tfjsonpath.New("destination").AtSliceIndex(0).AtMapKey("authorization_header")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectActions(srv, route, "changeDestination"),
					expectSecret(srv, "cart-check", []string{"destination", "authentication", "headerValue"}, "Bearer first-token-123456"),
				},
			},
		},
	})
}

// TestAccExtension_writeOnly: the credential given write-only is sent on create and again when
// its version changes, and appears nowhere: not in the state, not in the plan output, not in a
// TF_LOG=trace log of the whole cycle.
func TestAccExtension_writeOnly(t *testing.T) {
	bin := acctest.WriteOnlyEngine(t)
	t.Parallel()
	srv := acctest.NewEmulator(t)
	acctest.RunWriteOnlyRotation(t, srv, bin, acctest.WriteOnlyRotation{
		Route: route, Updates: 3,
		Secrets: []string{"wo-header-secret-v1", "wo-header-secret-v2", "wo-lambda-secret-v1", "wo-lambda-secret-v2", "wo-azure-key-v1", "wo-azure-key-v2"},
		Config: func(v int) string {
			return fmt.Sprintf(`
resource "commercetools_api_extension" "header" {
  key = "header"
  destination {
    type                            = "HTTP"
    url                             = "https://ext.example/header"
    authorization_header_wo         = "wo-header-secret-v%[1]d"
    authorization_header_wo_version = %[1]d
  }
  trigger {
    resource_type_id = "order"
    actions          = ["Create"]
  }
}

resource "commercetools_api_extension" "azure" {
  key = "azure"
  destination {
    type                            = "HTTP"
    url                             = "https://acme.azurewebsites.net/api/enrich"
    azure_authentication_wo         = "wo-azure-key-v%[1]d"
    azure_authentication_wo_version = %[1]d
  }
  trigger {
    resource_type_id = "customer"
    actions          = ["Create"]
  }
}

resource "commercetools_api_extension" "lambda" {
  key = "lambda"
  destination {
    type                     = "AWSLambda"
    arn                      = "arn:aws:lambda:eu-central-1:123456789012:function:export"
    access_key               = "AKIAWRITEONLY"
    access_secret_wo         = "wo-lambda-secret-v%[1]d"
    access_secret_wo_version = %[1]d
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Create"]
  }
}
`, v)
		},
		Check: func(t *testing.T, v int) {
			header, _ := stored(srv, "header")["destination"].(map[string]any)
			auth, _ := header["authentication"].(map[string]any)
			if got := auth["headerValue"]; got != fmt.Sprintf("wo-header-secret-v%d", v) {
				t.Errorf("header secret on the emulator: %v", got)
			}
			azure, _ := stored(srv, "azure")["destination"].(map[string]any)
			azureAuth, _ := azure["authentication"].(map[string]any)
			if got := azureAuth["key"]; got != fmt.Sprintf("wo-azure-key-v%d", v) {
				t.Errorf("azure key on the emulator: %v", got)
			}
			lambda, _ := stored(srv, "lambda")["destination"].(map[string]any)
			if got := lambda["accessSecret"]; got != fmt.Sprintf("wo-lambda-secret-v%d", v) {
				t.Errorf("lambda secret on the emulator: %v", got)
			}
		},
	})
}
