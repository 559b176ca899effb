package acctest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// LabdAddress is the incumbent provider's address in state.
const LabdAddress = "registry.terraform.io/labd/commercetools"

// labdFamilies is the folder of the incumbent's state files, per resource type (see its README).
const labdFamilies = "testdata/labd-v1.22.2-families"

// fixtureObject is one entry of a fixture's api-objects.json.
type fixtureObject struct {
	ProjectKey  string         `json:"project_key"`
	Endpoint    string         `json:"endpoint"`
	ID          string         `json:"id"`
	TFAddresses []string       `json:"tf_addresses"`
	Object      map[string]any `json:"object"`
}

// Migration tells MigrateFromLabd what to expect of a fixture folder.
type Migration struct {
	// Folder is the fixture folder: "channel", "type", ...
	Folder string
	// Types are the resource and data source types of the folder that must be in state after
	// the switch ("commercetools_channel", "data.commercetools_type"); every instance of them is
	// checked to belong to this provider.
	Types []string
	// SkipImport leaves out the import case (labd-after-import.json with import.tf).
	SkipImport bool
	// Projects are the project keys the folder uses besides the default one.
	Projects []string
}

// MigrateFromLabd runs, with the real binary of TF_ACC_TERRAFORM_PATH, what a user of
// labd/commercetools v1.22.2 does to switch, on the state the incumbent wrote for one resource
// type: the API objects of the folder are loaded into an emulator; the state goes next to the
// configuration (source commerce-iac/commercetools); `state replace-provider`, `init` and a plan
// that must be empty. The same again for the import case. Nothing is created, changed or deleted.
func MigrateFromLabd(t *testing.T, m Migration) {
	t.Helper()
	PreCheck(t)
	t.Parallel()
	dir := filepath.Join(RepoRoot(t), labdFamilies, m.Folder)
	cases := []struct{ name, state string }{{"apply", "labd-state.json"}}
	if !m.SkipImport {
		if _, err := os.Stat(filepath.Join(dir, "labd-after-import.json")); err == nil {
			cases = append(cases, struct{ name, state string }{"import", "labd-after-import.json"})
		}
	}
	plugins := BuildProvider(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			srv := labdEmulator(t, m.Projects)
			loadObjects(t, srv, filepath.Join(dir, "api-objects.json"))
			wd := NewWorkDir(t)
			cfg := readFile(t, filepath.Join(dir, "main.tf"))
			if c.name == "import" {
				cfg += "\n" + readFile(t, filepath.Join(dir, "import.tf"))
			}
			for old, repl := range map[string]string{
				`source = "labd/commercetools"`: `source = "` + provider.RegistryAddress + `"`,
				"http://127.0.0.1:PORT":         srv.URL,
			} {
				if !strings.Contains(cfg, old) {
					t.Fatalf("main.tf of %s has no %q", m.Folder, old)
				}
				cfg = strings.ReplaceAll(cfg, old, repl)
			}
			wd.Write("main.tf", cfg)
			wd.Write("terraform.tfstate", readFile(t, filepath.Join(dir, c.state)))
			wd.MustRun("state", "replace-provider", "-no-color", "-auto-approve", LabdAddress, provider.RegistryAddress)
			wd.MustRun("init", "-no-color", "-input=false", "-plugin-dir", plugins)
			srv.ResetCounts()
			if out, code := wd.Run("plan", "-no-color", "-input=false", "-detailed-exitcode"); code != 0 {
				t.Fatalf("the plan after the switch must be empty (exit code 0), got exit code %d:\n%s", code, out)
			}
			for route, n := range srv.Counts().ByRoute {
				if n > 0 && !strings.HasPrefix(route, "GET ") && route != "POST /oauth/token" {
					t.Errorf("the plan sent %d %s requests; a plan only reads", n, route)
				}
			}
			// A refresh writes the state in this provider's form; the plan stays empty.
			wd.MustRun("apply", "-no-color", "-input=false", "-refresh-only", "-auto-approve")
			if out, code := wd.Run("plan", "-no-color", "-input=false", "-detailed-exitcode"); code != 0 {
				t.Fatalf("the plan after a refresh must be empty, got exit code %d:\n%s", code, out)
			}
			var state tfjson.State
			if err := json.Unmarshal([]byte(wd.MustRun("show", "-json")), &state); err != nil {
				t.Fatal(err)
			}
			found := map[string]int{}
			for _, r := range state.Values.RootModule.Resources {
				typ := r.Type
				if r.Mode == tfjson.DataResourceMode {
					typ = "data." + typ
				}
				found[typ]++
				if r.ProviderName != provider.RegistryAddress {
					t.Errorf("%s belongs to %s, want %s", r.Address, r.ProviderName, provider.RegistryAddress)
				}
			}
			for _, typ := range m.Types {
				if found[typ] == 0 {
					t.Errorf("no %s in state after the switch", typ)
				}
			}
		})
	}
}

// labdEmulator starts an emulator that accepts the fixtures' credentials, in the default
// project and the extra ones.
func labdEmulator(t *testing.T, extra []string) *emulator.TestServer {
	var projects []emulator.Project
	for _, key := range append([]string{emulator.DefaultProjectKey}, extra...) {
		projects = append(projects, emulator.Project{Key: key, AdminClientID: "adminid", AdminClientSecret: "adminsecret",
			AdminScopes: []string{"manage_project:" + key}})
	}
	return NewEmulator(t, WithProjects(projects...))
}

// loadObjects puts the objects of api-objects.json into the emulator as they are.
func loadObjects(t *testing.T, srv *emulator.TestServer, file string) {
	t.Helper()
	var f struct {
		Objects []fixtureObject `json:"objects"`
	}
	if err := json.Unmarshal([]byte(readFile(t, file)), &f); err != nil {
		t.Fatal(err)
	}
	for _, o := range f.Objects {
		if err := srv.PutDoc(o.ProjectKey, o.Endpoint, o.Object); err != nil {
			t.Fatalf("loading %s %s: %v", o.Endpoint, o.ID, err)
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
