package apiclient_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-version"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

const echoAddr = "echo.test"

// echoConfig renders the provider block, the given body and the echo
// provider that stores data in echo.test, where the test can read it.
// OpenTofu accepts one required_providers block per module, so the echo
// provider is added to the one acctest.ProviderBlock renders.
func echoConfig(srv *emulator.TestServer, body, data string) string {
	const anchor = "  required_providers {\n"
	head := acctest.ProviderBlock(srv)
	if !strings.Contains(head, anchor) {
		panic("acctest.ProviderBlock no longer renders a required_providers block")
	}
	head = strings.Replace(head, anchor, anchor+`    echo = {
      source = "registry.terraform.io/hashicorp/echo"
    }
`, 1)
	return head + body + `
provider "echo" {
  data = ` + data + `
}

resource "echo" "test" {}
`
}

// echoData is the path of one value the echo resource stored.
func echoData(keys ...string) tfjsonpath.Path {
	p := tfjsonpath.New("data")
	for _, k := range keys {
		p = p.AtMapKey(k)
	}
	return p
}

// ephemeralVersionChecks skips the test on engines without ephemeral
// resources: Terraform before 1.10 and OpenTofu before 1.11 (OpenTofu 1.10
// reports a version tfversion.SkipBelow(1.10) lets through).
func ephemeralVersionChecks() []tfversion.TerraformVersionCheck {
	return []tfversion.TerraformVersionCheck{
		tfversion.SkipBelow(tfversion.Version1_10_0),
		openTofuSkipBelow{tfversion.Version1_11_0},
	}
}

// openTofuSkipBelow is tfversion.SkipBelow for OpenTofu only.
type openTofuSkipBelow struct{ min *version.Version }

func (s openTofuSkipBelow) CheckTerraformVersion(_ context.Context, req tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	if acctest.IsOpenTofu() && req.TerraformVersion.Core().LessThan(s.min) {
		resp.Skip = fmt.Sprintf("OpenTofu %s has no ephemeral resources (needs %s): skipping test", req.TerraformVersion, s.min)
	}
}

func TestAccAPIClientEphemeral_openedThenDeleted(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	// The access token proves that the client and its secret were usable
	// while the ephemeral client was open.
	cfg := echoConfig(srv, `
ephemeral "commercetools_api_client" "temp" {
  name                          = "temporary"
  scope                         = ["manage_orders:my-ct-project-key"]
  access_token_validity_seconds = 3600
}

ephemeral "commercetools_access_token" "temp" {
  client_id     = ephemeral.commercetools_api_client.temp.id
  client_secret = ephemeral.commercetools_api_client.temp.secret
}
`, `{
    client = ephemeral.commercetools_api_client.temp
    scope  = ephemeral.commercetools_access_token.temp.scope
  }`)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   ephemeralVersionChecks(),
		ProtoV6ProviderFactories: acctest.ProviderFactoriesWithEcho,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(echoAddr, echoData("client", "id"), knownvalue.StringRegexp(regexp.MustCompile(`^\S{10,}$`))),
				statecheck.ExpectKnownValue(echoAddr, echoData("client", "secret"), knownvalue.StringRegexp(regexp.MustCompile(`^\S{16,}$`))),
				statecheck.ExpectKnownValue(echoAddr, echoData("client", "name"), knownvalue.StringExact("temporary")),
				statecheck.ExpectKnownValue(echoAddr, echoData("client", "access_token_validity_seconds"), knownvalue.Int64Exact(3600)),
				statecheck.ExpectKnownValue(echoAddr, echoData("client", "created_at"), knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT`))),
				statecheck.ExpectKnownValue(echoAddr, echoData("scope"), stringSet("manage_orders:my-ct-project-key", "view_orders:my-ct-project-key")),
				expectEphemeralClientLifecycle(srv),
				expectOnlyEcho(),
				acctest.ExpectEmulatorClientCount(srv, 0),
			},
		}},
	})
}

// expectEphemeralClientLifecycle checks, for the client whose id echo.test
// stored, that the emulator saw its creation, then a token exchange with its
// secret, then its deletion, and no longer holds it; and that every other
// temporary client (Terraform opens the ephemeral resource at plan too) was
// deleted after its creation.
func expectEphemeralClientLifecycle(srv *emulator.TestServer) statecheck.StateCheck {
	return checkState(func(state *tfjson.State) error {
		id, err := echoedString(state, "client", "id")
		if err != nil {
			return err
		}
		created, err := loggedRequest(srv, "POST", clientsRoute, id)
		if err != nil {
			return err
		}
		token, err := loggedRequest(srv, "POST", tokenRoute, id)
		if err != nil {
			return err
		}
		deleted, err := loggedRequest(srv, "DELETE", clientRoute, id)
		if err != nil {
			return err
		}
		if created.Seq >= token.Seq || token.Seq >= deleted.Seq {
			return fmt.Errorf("client %s: create #%d, token #%d, delete #%d are not in that order", id, created.Seq, token.Seq, deleted.Seq)
		}
		for _, c := range srv.APIClients(srv.Project.Key) {
			if c.ID == id {
				return fmt.Errorf("client %s is still on the emulator after close", id)
			}
		}
		n := 0
		for _, r := range srv.RequestLog() {
			if r.Method != "POST" || r.Route != clientsRoute {
				continue
			}
			n++
			d, err := loggedRequest(srv, "DELETE", clientRoute, r.ResourceID)
			if err != nil {
				return fmt.Errorf("temporary client %s was never closed: %w", r.ResourceID, err)
			}
			if d.Seq < r.Seq {
				return fmt.Errorf("temporary client %s deleted (#%d) before its creation (#%d)", r.ResourceID, d.Seq, r.Seq)
			}
		}
		if n < 2 {
			return fmt.Errorf("the ephemeral client was opened %d times, want at least 2 (plan and apply)", n)
		}
		return nil
	})
}

// expectOnlyEcho checks that state holds nothing but echo.test: the ephemeral
// client, its secret and the token were never written as a resource.
func expectOnlyEcho() statecheck.StateCheck {
	return checkState(func(state *tfjson.State) error {
		for _, r := range stateResources(state) {
			if r.Address != echoAddr {
				return fmt.Errorf("state holds %s", r.Address)
			}
		}
		return nil
	})
}

// echoedString returns a string that echo.test stored.
func echoedString(state *tfjson.State, keys ...string) (string, error) {
	for _, r := range stateResources(state) {
		if r.Address != echoAddr {
			continue
		}
		v := r.AttributeValues["data"]
		for _, k := range keys {
			m, ok := v.(map[string]any)
			if !ok {
				return "", fmt.Errorf("%s data has no %v", echoAddr, keys)
			}
			v = m[k]
		}
		if s, ok := v.(string); ok && s != "" {
			return s, nil
		}
		return "", fmt.Errorf("%s data %v is not a string: %v", echoAddr, keys, v)
	}
	return "", fmt.Errorf("%s is not in state", echoAddr)
}

func TestAccAccessTokenEphemeral_fromResource(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	const src = "commercetools_api_client.source"
	cfg := echoConfig(srv, `
resource "commercetools_api_client" "source" {
  name                          = "token source"
  scope                         = ["manage_orders:my-ct-project-key", "view_products:my-ct-project-key"]
  access_token_validity_seconds = 3600
}

ephemeral "commercetools_access_token" "t" {
  client_id     = commercetools_api_client.source.id
  client_secret = commercetools_api_client.source.secret
}
`, `{
    expires_at = ephemeral.commercetools_access_token.t.expires_at
    scope      = ephemeral.commercetools_access_token.t.scope
    has_token  = length(ephemeral.commercetools_access_token.t.access_token) > 0
  }`)
	start := time.Now()
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   ephemeralVersionChecks(),
		ProtoV6ProviderFactories: acctest.ProviderFactoriesWithEcho,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(echoAddr, echoData("expires_at"), expiresIn(start, time.Hour)),
				statecheck.ExpectKnownValue(echoAddr, echoData("scope"), stringSet(
					"manage_orders:my-ct-project-key", "view_orders:my-ct-project-key", "view_products:my-ct-project-key")),
				statecheck.ExpectKnownValue(echoAddr, echoData("has_token"), knownvalue.Bool(true)),
				acctest.ExpectClientOnEmulator(srv, src, true),
				expectTokenFor(srv, src),
			},
		}},
	})
}

// expiresIn checks an RFC 3339 time is ttl after a moment between start
// and now.
func expiresIn(start time.Time, ttl time.Duration) knownvalue.Check {
	return knownvalue.StringFunc(func(v string) error {
		at, err := time.Parse(time.RFC3339, v)
		if err != nil {
			return err
		}
		lo, hi := start.Add(ttl).Add(-time.Second), time.Now().Add(ttl).Add(time.Second)
		if at.Before(lo) || at.After(hi) {
			return fmt.Errorf("expires_at %s is not between %s and %s", v, lo.UTC().Format(time.RFC3339), hi.UTC().Format(time.RFC3339))
		}
		return nil
	})
}

// expectTokenFor checks that the emulator issued a token to the resource's client.
func expectTokenFor(srv *emulator.TestServer, address string) statecheck.StateCheck {
	return checkState(func(state *tfjson.State) error {
		id, err := stateAttr(state, address, "id")
		if err != nil {
			return err
		}
		_, err = loggedRequest(srv, "POST", tokenRoute, id)
		return err
	})
}

func TestAccAccessTokenEphemeral_badSecret(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	c := emulator.APIClient{ID: "tokenclient0000000000001", Name: "holder", Scope: "view_orders:my-ct-project-key", Secret: "therightsecret00000000000000000000"}
	putClients(t, srv, c)
	cfg := echoConfig(srv, fmt.Sprintf(`
ephemeral "commercetools_access_token" "t" {
  client_id     = %q
  client_secret = "not-the-secret"
}
`, c.ID), `ephemeral.commercetools_access_token.t.expires_at`)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   ephemeralVersionChecks(),
		ProtoV6ProviderFactories: acctest.ProviderFactoriesWithEcho,
		Steps: []resource.TestStep{{
			Config:      cfg,
			ExpectError: regexp.MustCompile(`(?s)Unable to obtain an access token for client\s+` + c.ID + `.*invalid_client`),
		}},
	})
}
