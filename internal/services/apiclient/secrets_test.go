package apiclient_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// TestSecretsNeverLogged runs the whole lifecycle with the real provider
// binary at TF_LOG=trace (core and provider) and checks that no secret, no
// access token and no Authorization header value reaches the log file or the
// command output, while the log does hold the provider's request lines.
func TestSecretsNeverLogged(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	wd := acctest.NewWorkDir(t)
	plugins := acctest.BuildProvider(t)
	logFile := filepath.Join(t.TempDir(), "trace.log")
	wd.Env = append(wd.Env, "TF_LOG=trace", "TF_LOG_PROVIDER=trace", "TF_LOG_SDK=trace", "TF_LOG_PATH="+logFile)

	wd.Write("main.tf", `
terraform {
  required_providers {
    commercetools = { source = "`+provider.RegistryAddress+`" }
  }
}
provider "commercetools" {
  client_id     = "`+srv.Project.AdminClientID+`"
  client_secret = "`+srv.Project.AdminClientSecret+`"
  project_key   = "`+srv.Project.Key+`"
  api_url       = "`+srv.URL+`"
  token_url     = "`+srv.URL+`"
}
resource "commercetools_api_client" "logged" {
  count = 3
  name  = "logged-${count.index}"
  scope = ["manage_orders:my-ct-project-key"]
}
`)
	var output strings.Builder
	run := func(args ...string) {
		output.WriteString(wd.MustRun(args...))
	}
	run("init", "-no-color", "-input=false", "-plugin-dir", plugins)
	run("apply", "-no-color", "-input=false", "-auto-approve")

	var state tfjson.State
	if err := json.Unmarshal([]byte(wd.MustRun("show", "-json")), &state); err != nil {
		t.Fatal(err)
	}
	secrets := map[string]string{"the provider's client_secret": srv.Project.AdminClientSecret}
	for _, r := range stateResources(&state) {
		s, _ := r.AttributeValues["secret"].(string)
		if s == "" {
			t.Fatalf("%s has no secret in state", r.Address)
		}
		secrets["the secret of "+r.Address] = s
	}
	if len(secrets) != 4 {
		t.Fatalf("expected 3 clients in state, found %d", len(secrets)-1)
	}
	run("plan", "-no-color", "-input=false")
	run("destroy", "-no-color", "-input=false", "-auto-approve")

	for _, tok := range srv.IssuedTokens() {
		secrets["an access token"] = tok
		checkAbsent(t, logFile, output.String(), "an access token", tok)
	}
	if len(srv.IssuedTokens()) == 0 {
		t.Fatal("the emulator issued no token; the test exercised nothing")
	}
	for what, s := range secrets {
		checkAbsent(t, logFile, output.String(), what, s)
	}
	raw, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	log := string(raw)
	for _, marker := range []string{"Basic ", "Bearer "} {
		for _, line := range strings.Split(log, "\n") {
			if i := strings.Index(line, marker); i >= 0 {
				rest := strings.TrimSpace(line[i+len(marker):])
				if rest != "" && !strings.HasPrefix(rest, "***") && !strings.HasPrefix(rest, "<") {
					t.Errorf("a %scredential may be in the log: %.200s", marker, line)
				}
			}
		}
	}
	// The log must show the provider's HTTP traffic, or the test proves nothing.
	for _, want := range []string{"/my-ct-project-key/api-clients", "/oauth/token", "POST"} {
		if !strings.Contains(log, want) {
			t.Errorf("the trace log has no %q: the provider's request lines are missing", want)
		}
	}
}

func checkAbsent(t *testing.T, logFile, output, what, value string) {
	t.Helper()
	raw, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), value) {
		t.Errorf("%s appears in the TF_LOG=trace log", what)
	}
	if strings.Contains(output, value) {
		t.Errorf("%s appears in the command output", what)
	}
}
