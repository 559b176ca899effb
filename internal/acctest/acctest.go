// Package acctest holds what the Terraform-driven tests share: provider
// factories, a per-test emulator and its provider block, the engine checks
// and custom state checks.
package acctest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/echoprovider"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/tfmodel"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// The provider runs in the test process here; collect garbage as the provider binary does
// (main.go), unless GOGC says otherwise. Every model conversion is checked against the
// framework's (tfmodel.Verify), as every protocol shortcut is (Factories).
func init() {
	tfmodel.Verify = provider.ShortcutsEnabled()
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(128 << 20)
	}
}

// Factories serves this provider in-process to the Terraform binary. The provider reads its
// CTP_* settings from env instead of the process environment, so tests neither see a
// developer's variables nor change the environment, and can run in parallel.
func Factories(env map[string]string) map[string]func() (tfprotov6.ProviderServer, error) {
	getenv := func(k string) string { return strings.TrimSpace(env[k]) }
	return map[string]func() (tfprotov6.ProviderServer, error){
		"commercetools": provider.NewVerifyingServer(provider.NewWithEnv("test", getenv)()),
	}
}

// ProviderFactories serves this provider with an empty environment.
var ProviderFactories = Factories(nil)

// ProviderFactoriesWithEcho adds the echo provider used to observe ephemeral values.
var ProviderFactoriesWithEcho = map[string]func() (tfprotov6.ProviderServer, error){
	"commercetools": ProviderFactories["commercetools"],
	"echo":          echoprovider.NewProviderServer(),
}

// PreCheck makes sure a Terraform or OpenTofu binary is configured. Outside
// CI a missing binary skips the test; in CI (CI=true) it fails it, so a
// misconfigured pipeline cannot pass by running nothing. It leaves the
// environment alone (the provider factories do not read it), so tests may
// call t.Parallel.
func PreCheck(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC_TERRAFORM_PATH") == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("TF_ACC_TERRAFORM_PATH is not set; run the tests with `make test`")
		}
		t.Skip("TF_ACC_TERRAFORM_PATH is not set; run `make test` to drive Terraform and OpenTofu")
	}
}

// IsOpenTofu reports whether the tests drive OpenTofu rather than Terraform.
func IsOpenTofu() bool {
	return strings.Contains(filepath.Base(os.Getenv("TF_ACC_TERRAFORM_PATH")), "tofu")
}

// Engine names the binary under test, for messages.
func Engine() string {
	if IsOpenTofu() {
		return "opentofu"
	}
	return "terraform"
}

// NewEmulator starts a fresh emulator for one test.
func NewEmulator(t *testing.T, opts ...func(*emulator.Options)) *emulator.TestServer {
	t.Helper()
	var o emulator.Options
	for _, f := range opts {
		f(&o)
	}
	return emulator.NewTestServer(t, o)
}

// WithProjects replaces the emulator's default project list.
func WithProjects(p ...emulator.Project) func(*emulator.Options) {
	return func(o *emulator.Options) { o.Projects = p }
}

// RequiredProviders pins the provider's full address, so that Terraform and
// OpenTofu (whose default registry differs) resolve the in-process provider
// the same way in every kind of step, imports included.
const RequiredProviders = `terraform {
  required_providers {
    commercetools = {
      source = "registry.terraform.io/hashicorp/commercetools"
    }
  }
}
`

// ProviderBlock renders a provider block that points at the emulator with
// its bootstrap admin client. Extra lines are added inside the block.
func ProviderBlock(srv *emulator.TestServer, extra ...string) string {
	var b strings.Builder
	b.WriteString(RequiredProviders)
	fmt.Fprintf(&b, "provider \"commercetools\" {\n")
	fmt.Fprintf(&b, "  client_id     = %q\n", srv.Project.AdminClientID)
	fmt.Fprintf(&b, "  client_secret = %q\n", srv.Project.AdminClientSecret)
	fmt.Fprintf(&b, "  project_key   = %q\n", srv.Project.Key)
	fmt.Fprintf(&b, "  api_url       = %q\n", srv.URL)
	fmt.Fprintf(&b, "  token_url     = %q\n", srv.URL)
	if !strings.Contains(strings.Join(extra, "\n"), "max_retries") {
		fmt.Fprintf(&b, "  max_retries   = 4\n")
	}
	for _, l := range extra {
		fmt.Fprintf(&b, "  %s\n", l)
	}
	b.WriteString("}\n")
	return b.String()
}

// NewWrappedEmulator starts an emulator behind a handler of the test's own,
// to simulate a proxy or a broken server in front of the API.
func NewWrappedEmulator(t *testing.T, wrap func(next http.Handler) http.Handler) *emulator.TestServer {
	t.Helper()
	e, err := emulator.New(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(wrap(e))
	t.Cleanup(func() {
		srv.CloseClientConnections()
		srv.Close()
		_ = e.Close()
	})
	return &emulator.TestServer{Emulator: e, URL: srv.URL, Project: emulator.DefaultProject()}
}

// Words builds a pattern that matches the words in order, whatever the line
// wrapping Terraform applies to diagnostics.
func Words(s string) *regexp.Regexp {
	parts := strings.Fields(s)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, `\s+`))
}

// ChannelFieldsType is a commercetools_type ("fields") for the custom fields of channels, for
// tests of the families that use it.
const ChannelFieldsType = `
resource "commercetools_type" "fields" {
  key               = "channel-fields"
  name              = { en = "Channel fields" }
  resource_type_ids = ["channel"]
  field {
    name  = "opening_hours"
    label = { en = "Opening hours" }
    type { name = "String" }
  }
  field {
    name  = "capacity"
    label = { en = "Capacity" }
    type { name = "Number" }
  }
  field {
    name  = "display_name"
    label = { en = "Display name" }
    type { name = "LocalizedString" }
  }
}
`

// TerraformBlock is a configuration head for the real binary (WorkDir): the provider by its
// registry address (BuildProvider's plugin directory serves it) and a provider block for srv.
func TerraformBlock(srv *emulator.TestServer) string {
	return fmt.Sprintf(`terraform {
  required_providers {
    commercetools = { source = %q }
  }
}
`, provider.RegistryAddress) + strings.TrimPrefix(ProviderBlock(srv), RequiredProviders)
}
