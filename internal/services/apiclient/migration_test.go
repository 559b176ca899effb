package apiclient_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// labdFixture holds the state, configuration and API clients written by the
// incumbent labd/commercetools v1.22.2 (see its README.md).
const labdFixture = "testdata/labd-v1.22.2-state"

const (
	labdAddress    = "registry.terraform.io/labd/commercetools"
	labdAdminID    = "adminid"
	labdAdminToken = "adminsecret"
)

// fixtureClient is one client of emulator-clients.json.
type fixtureClient struct {
	ID                          string    `json:"id"`
	Name                        string    `json:"name"`
	Scope                       string    `json:"scope"`
	CreatedAt                   time.Time `json:"createdAt"`
	AccessTokenValiditySeconds  *int      `json:"accessTokenValiditySeconds"`
	RefreshTokenValiditySeconds *int      `json:"refreshTokenValiditySeconds"`
	Secret                      string    `json:"secret"`
}

// TestMigrationFromLabd runs, with the real Terraform or OpenTofu binary, what
// a user of labd/commercetools does to switch to this provider, on the state
// the incumbent wrote: replace the provider in state, init, plan (empty),
// refresh; the secrets are kept and the state moves to schema version 1.
func TestMigrationFromLabd(t *testing.T) {
	acctest.PreCheck(t)

	project := emulator.DefaultProject()
	project.AdminClientID, project.AdminClientSecret = labdAdminID, labdAdminToken
	project.AdminScopes = []string{"manage_api_clients:" + project.Key}
	srv := acctest.NewEmulator(t, acctest.WithProjects(project))
	fixtures := loadFixtureClients(t, srv)

	wd := acctest.NewWorkDir(t)
	plugins := acctest.BuildProvider(t)
	mainTF := readFixture(t, "main.tf")
	for old, repl := range map[string]string{
		`source = "labd/commercetools"`: `source = "` + provider.RegistryAddress + `"`,
		"http://127.0.0.1:PORT":         srv.URL,
	} {
		if !strings.Contains(mainTF, old) {
			t.Fatalf("main.tf of the fixture has no %q", old)
		}
		mainTF = strings.ReplaceAll(mainTF, old, repl)
	}
	wd.Write("main.tf", mainTF)
	wd.Write("terraform.tfstate", readFixture(t, "labd-state.json"))

	wd.MustRun("state", "replace-provider", "-no-color", "-auto-approve", labdAddress, provider.RegistryAddress)
	wd.MustRun("init", "-no-color", "-input=false", "-plugin-dir", plugins)
	// Without a refresh, the upgraded state alone must match the configuration.
	wd.MustRun("plan", "-no-color", "-input=false", "-refresh=false", "-out=norefresh.tfplan")
	var noRefresh tfjson.Plan
	if err := json.Unmarshal([]byte(wd.MustRun("show", "-json", "norefresh.tfplan")), &noRefresh); err != nil {
		t.Fatal(err)
	}
	for _, rc := range noRefresh.ResourceChanges {
		switch {
		case rc.Change.Actions.NoOp():
		case acctest.IsOpenTofu() && rc.Change.Actions.Update() && reflect.DeepEqual(rc.Change.Before, rc.Change.After):
			// OpenTofu plans an update that only records that secret is
			// sensitive: the incumbent's state has no sensitive_attributes.
			// The refreshed state has them, so the plan below is empty.
		default:
			t.Errorf("a plan without refresh after the switch plans %v for %s", rc.Change.Actions, rc.Address)
		}
	}
	if out, code := wd.Run("plan", "-no-color", "-input=false", "-detailed-exitcode", "-out=migration.tfplan"); code != 0 {
		t.Fatalf("the first plan after the switch must be empty (exit code 0), got exit code %d:\n%s", code, out)
	}
	wd.MustRun("apply", "-no-color", "-input=false", "-refresh-only", "-auto-approve")
	if out, code := wd.Run("plan", "-no-color", "-input=false", "-detailed-exitcode"); code != 0 {
		t.Fatalf("the plan after the refresh must be empty (exit code 0), got exit code %d:\n%s", code, out)
	}

	var state tfjson.State
	if err := json.Unmarshal([]byte(wd.MustRun("show", "-json")), &state); err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		secret          any
		access, refresh any
	}{
		"commercetools_api_client.my-api-client": {secret: "natUgkzkCxRqdfJEK1-d1WcOI5b90FOb", access: 3600.0, refresh: 60.0},
		"commercetools_api_client.plain":         {secret: "Il1hRdfYGZAmCKrVZi0MdtJ_QB5Frc6C", access: nil, refresh: nil},
		"commercetools_api_client.imported":      {secret: nil, access: 7200.0, refresh: nil},
	}
	resources := stateResources(&state)
	if len(resources) != len(want) {
		t.Errorf("state holds %d resources, want %d", len(resources), len(want))
	}
	for _, r := range resources {
		w, ok := want[r.Address]
		if !ok {
			t.Errorf("unexpected %s in state", r.Address)
			continue
		}
		a := r.AttributeValues
		id, _ := a["id"].(string)
		f, ok := fixtures[id]
		if !ok {
			t.Errorf("%s has id %q, which is not a fixture client", r.Address, id)
			continue
		}
		// An unset lifetime reads as 0, the incumbent's "not set" (package unset).
		zeroIfNil := func(v any) any {
			if v == nil {
				return 0.0
			}
			return v
		}
		for attr, v := range map[string]any{
			"secret": w.secret, "access_token_validity_seconds": zeroIfNil(w.access), "refresh_token_validity_seconds": zeroIfNil(w.refresh),
			"name": f.Name, "created_at": f.CreatedAt.UTC().Format(time.RFC3339Nano),
			"delete_at": nil, "delete_days_after_creation": nil,
		} {
			if a[attr] != v {
				t.Errorf("%s.%s = %v, want %v", r.Address, attr, a[attr], v)
			}
		}
		if k, _ := a["keepers"].(map[string]any); len(k) > 0 {
			t.Errorf("%s.keepers = %v, want none", r.Address, k)
		}
		if got, want := stringsOf(a["granted_scope"]), strings.Fields(f.Scope); !equalStrings(got, want) {
			t.Errorf("%s.granted_scope = %v, want %v", r.Address, got, want)
		}
		if r.SchemaVersion != 1 {
			t.Errorf("%s has schema version %d, want 1", r.Address, r.SchemaVersion)
		}
		if r.ProviderName != provider.RegistryAddress {
			t.Errorf("%s belongs to %s, want %s", r.Address, r.ProviderName, provider.RegistryAddress)
		}
	}

	// Nothing was replaced: the emulator holds the three fixture clients, with their secrets.
	got := map[string]string{}
	for _, c := range srv.APIClients(srv.Project.Key) {
		if c.ID != project.AdminClientID {
			got[c.ID] = c.Secret
		}
	}
	if len(got) != len(fixtures) {
		t.Errorf("the emulator holds %d clients, want the %d of the fixture", len(got), len(fixtures))
	}
	for id, f := range fixtures {
		if secret, ok := got[id]; !ok || secret != f.Secret {
			t.Errorf("fixture client %s is gone or has another secret", id)
		}
	}
	if n := srv.Counts().ByRoute["POST /{projectKey}/api-clients"] + srv.Counts().ByRoute["DELETE /{projectKey}/api-clients/{id}"]; n != 0 {
		t.Errorf("the migration created or deleted %d clients, want none", n)
	}
}

// loadFixtureClients puts the incumbent's clients into the emulator.
func loadFixtureClients(t *testing.T, srv *emulator.TestServer) map[string]fixtureClient {
	t.Helper()
	var list []fixtureClient
	if err := json.Unmarshal([]byte(readFixture(t, "emulator-clients.json")), &list); err != nil {
		t.Fatal(err)
	}
	out := map[string]fixtureClient{}
	for _, f := range list {
		putClients(t, srv, emulator.APIClient{
			ID: f.ID, Name: f.Name, Scope: f.Scope, Secret: f.Secret, CreatedAt: f.CreatedAt,
			AccessTokenValiditySeconds: f.AccessTokenValiditySeconds, RefreshTokenValiditySeconds: f.RefreshTokenValiditySeconds,
		})
		out[f.ID] = f
	}
	return out
}

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(labdFixture, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func stringsOf(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, e := range list {
		s, _ := e.(string)
		out = append(out, s)
	}
	return out
}

// equalStrings compares two lists as sets.
func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, s := range a {
		seen[s]++
	}
	for _, s := range b {
		if seen[s] == 0 {
			return false
		}
		seen[s]--
	}
	return true
}
