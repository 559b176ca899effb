package apiclient_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

// unreliable makes the emulator fail a fifth of all requests with 503 or 429
// and drop a few create responses after the client was committed.
func unreliable(srv *emulator.TestServer, seed int64) func() {
	return func() {
		f := srv.Faults()
		f.Reset()
		f.SetRetryAfter("0")
		f.SetRandomFailures(emulator.Match{}, 0.2, []int{http.StatusServiceUnavailable, http.StatusTooManyRequests}, seed)
		f.SetRandomDrops(emulator.Match{Method: http.MethodPost, Route: "/{projectKey}/api-clients"}, 0.05, true, seed+1)
	}
}

// expectUsableSecrets checks, with faults switched off, that the emulator
// holds exactly the clients in state and that every secret in state obtains
// a token.
func expectUsableSecrets(srv *emulator.TestServer, want int, restore func()) statecheck.StateCheck {
	return acctest.StateCheckFunc(func(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
		srv.Faults().Reset()
		defer restore()
		if got := acctest.CountClients(srv); got != want {
			resp.Error = fmt.Errorf("emulator holds %d clients, want %d", got, want)
			return
		}
		n := 0
		for _, r := range req.State.Values.RootModule.Resources {
			if r.Type != "commercetools_api_client" {
				continue
			}
			id, _ := r.AttributeValues["id"].(string)
			secret, _ := r.AttributeValues["secret"].(string)
			if err := obtainToken(srv.URL, id, secret); err != nil {
				resp.Error = fmt.Errorf("%s: %w", r.Address, err)
				return
			}
			n++
		}
		if n != want {
			resp.Error = fmt.Errorf("state holds %d clients, want %d", n, want)
		}
	})
}

func obtainToken(base, id, secret string) error {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, base+"/oauth/token",
		strings.NewReader(url.Values{"grant_type": {"client_credentials"}}.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(url.QueryEscape(id), url.QueryEscape(secret))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("token request with the secret in state: status %d", resp.StatusCode)
	}
	return nil
}

// TestAccUnderFaults applies 100 clients while a fifth of the requests fail
// and some create responses are lost: the apply succeeds with exactly 100
// clients whose secrets work, the next plan is empty, and a destroy under the
// same faults leaves none.
func TestAccUnderFaults(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	faulty := unreliable(srv, 42)
	const n = 100
	cfg := acctest.ProviderBlock(srv, "max_retries = 10") + fmt.Sprintf(`
resource "commercetools_api_client" "many" {
  count = %d
  name  = "faulty-${count.index}"
  scope = ["view_products:my-ct-project-key"]
}
`, n)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig:         faulty,
				Config:            cfg,
				ConfigStateChecks: []statecheck.StateCheck{expectUsableSecrets(srv, n, faulty)},
			},
			{
				PreConfig: faulty,
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
			{
				PreConfig:         faulty,
				Config:            acctest.ProviderBlock(srv, "max_retries = 10"),
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectEmulatorClientCount(srv, 0)},
			},
		},
	})
	if failed := countStatus(srv, http.StatusServiceUnavailable) + countStatus(srv, http.StatusTooManyRequests); failed < 20 {
		t.Errorf("only %d requests failed on purpose; the faults were not exercised", failed)
	}
	if dropped := countStatus(srv, 0); dropped == 0 {
		t.Error("no create response was dropped; the lost-create path was not exercised")
	}
}

func countStatus(srv *emulator.TestServer, status int) int {
	n := 0
	for _, r := range srv.RequestLog() {
		if r.Status == status {
			n++
		}
	}
	return n
}
