package apiclient_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

const okResource = `
resource "commercetools_api_client" "test" {
  name  = "bad input"
  scope = ["view_products:my-ct-project-key"]
}
`

// providerWith renders a provider block pointing at srv where some settings
// are replaced (a value of "-" drops the setting).
func providerWith(srv *emulator.TestServer, over map[string]string) string {
	settings := [][2]string{
		{"client_id", fmt.Sprintf("%q", srv.Project.AdminClientID)},
		{"client_secret", fmt.Sprintf("%q", srv.Project.AdminClientSecret)},
		{"project_key", fmt.Sprintf("%q", srv.Project.Key)},
		{"api_url", fmt.Sprintf("%q", srv.URL)},
		{"token_url", fmt.Sprintf("%q", srv.URL)},
		{"max_retries", "2"},
	}
	var b strings.Builder
	b.WriteString(acctest.RequiredProviders)
	b.WriteString("provider \"commercetools\" {\n")
	seen := map[string]bool{}
	for _, kv := range settings {
		seen[kv[0]] = true
		v := kv[1]
		if o, ok := over[kv[0]]; ok {
			v = o
		}
		if v != "-" {
			fmt.Fprintf(&b, "  %s = %s\n", kv[0], v)
		}
	}
	for k, v := range over {
		if !seen[k] {
			fmt.Fprintf(&b, "  %s = %s\n", k, v)
		}
	}
	b.WriteString("}\n")
	return b.String()
}

func resourceWith(body string) string {
	return "resource \"commercetools_api_client\" \"test\" {\n" + body + "\n}\n"
}

type badInput struct {
	name string
	// config builds the configuration from the test's emulator.
	config func(srv *emulator.TestServer) string
	// wrap, when set, puts a handler of the test's in front of the emulator.
	wrap func(next http.Handler) http.Handler
	// env is set for the test (the provider runs in-process).
	env map[string]string
	// atPlan is true when the error must come before any API request.
	atPlan bool
	want   *regexp.Regexp
}

func withProvider(over map[string]string) func(*emulator.TestServer) string {
	return func(srv *emulator.TestServer) string { return providerWith(srv, over) + okResource }
}

func withResource(body string) func(*emulator.TestServer) string {
	return func(srv *emulator.TestServer) string { return providerWith(srv, nil) + resourceWith(body) }
}

// replacePost answers POSTs to one route with a canned response and lets the rest through.
func replacePost(suffix string, status int, contentType, body string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, suffix) {
				w.Header().Set("Content-Type", contentType)
				w.WriteHeader(status)
				_, _ = w.Write([]byte(body))
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

func badInputs() []badInput {
	scope := `scope = ["view_products:my-ct-project-key"]`
	return []badInput{
		// Provider settings.
		{name: "missing client_id", config: withProvider(map[string]string{"client_id": "-"}), atPlan: true,
			want: acctest.Words(`The provider needs client_id. Set the provider attribute "client_id" or the environment variable CTP_CLIENT_ID`)},
		{name: "missing client_secret", config: withProvider(map[string]string{"client_secret": "-"}), atPlan: true,
			want: acctest.Words(`CTP_CLIENT_SECRET`)},
		{name: "missing project_key", config: withProvider(map[string]string{"project_key": "-"}), atPlan: true,
			want: acctest.Words(`The provider needs project_key`)},
		{name: "empty client_id", config: withProvider(map[string]string{"client_id": `""`}), atPlan: true,
			want: acctest.Words(`client_id string length must be at least 1`)},
		{name: "project_key too long", config: withProvider(map[string]string{"project_key": `"` + strings.Repeat("p", 37) + `"`}), atPlan: true,
			want: acctest.Words(`project_key must be 2 to 36 characters`)},
		{name: "project_key upper case", config: withProvider(map[string]string{"project_key": `"My-Project"`}), atPlan: true,
			want: acctest.Words(`project_key must be 2 to 36 characters`)},
		{name: "unknown region", config: withProvider(map[string]string{"api_url": "-", "token_url": "-", "region": `"eu-west-9.gcp"`}), atPlan: true,
			want: acctest.Words(`region value must be one of`)},
		{name: "http to a remote host", config: withProvider(map[string]string{"api_url": `"http://api.example.com"`}), atPlan: true,
			want: acctest.Words(`uses plain http to a host that is not a loopback address`)},
		{name: "relative token_url", config: withProvider(map[string]string{"token_url": `"auth.example.com"`}), atPlan: true,
			want: acctest.Words(`must be an absolute URL`)},
		{name: "ftp api_url", config: withProvider(map[string]string{"api_url": `"ftp://api.example.com"`}), atPlan: true,
			want: acctest.Words(`must use https`)},
		{name: "no api_url and no region", config: withProvider(map[string]string{"api_url": "-"}), atPlan: true,
			want: acctest.Words(`The provider needs api_url. Set the provider attribute "api_url" or the environment variable CTP_API_URL, or set region`)},
		{name: "malformed provider scopes", config: withProvider(map[string]string{"scopes": `"manage_api_clients"`}), atPlan: true,
			want: acctest.Words(`scope "manage_api_clients" is malformed`)},
		{name: "blank provider scopes", config: withProvider(map[string]string{"scopes": `"   "`}), atPlan: true,
			want: acctest.Words(`scopes (CTP_SCOPES) is set but empty`)},
		{name: "max_retries out of range", config: withProvider(map[string]string{"max_retries": "51"}), atPlan: true,
			want: acctest.Words(`max_retries value must be between 0 and 50, got: 51`)},
		{name: "max_retries from a bad variable", config: withProvider(map[string]string{"max_retries": "-"}), atPlan: true,
			env:  map[string]string{"CTP_MAX_RETRIES": "lots"},
			want: acctest.Words(`CTP_MAX_RETRIES="lots" must be a whole number between 0 and 50`)},
		{name: "camelCase attribute from the seed page", atPlan: true,
			config: withResource(`name = "x"` + "\n" + scope + "\naccessTokenValiditySeconds = 3600"),
			want:   acctest.Words(`An argument named "accessTokenValiditySeconds" is not expected here`)},
		// Resource arguments.
		{name: "empty name", config: withResource(`name = ""` + "\n" + scope), atPlan: true,
			want: acctest.Words(`name string length must be at least 1, got: 0`)},
		{name: "empty scope", config: withResource(`name = "x"` + "\nscope = []"), atPlan: true,
			want: acctest.Words(`scope set must contain at least 1 elements, got: 0`)},
		{name: "scope without project", config: withResource(`name = "x"` + "\nscope = [\"manage_orders\"]"), atPlan: true,
			want: acctest.Words(`scope "manage_orders" is malformed: it must have the form name:projectKey or name:projectKey:storeKey`)},
		{name: "scope with a bad project key", config: withResource(`name = "x"` + "\nscope = [\"manage_orders:My Project\"]"), atPlan: true,
			want: acctest.Words(`the project key "My Project" must be 2 to 36 lowercase letters`)},
		{name: "store key too long", config: withResource(`name = "x"` + "\nscope = [\"manage_orders:my-ct-project-key:" + strings.Repeat("s", 257) + "\"]"), atPlan: true,
			want: acctest.Words(`must be 2 to 256 letters, digits, underscores and hyphens`)},
		{name: "access validity too low", config: withResource(`name = "x"` + "\n" + scope + "\naccess_token_validity_seconds = 60"), atPlan: true,
			want: acctest.Words(`access_token_validity_seconds value must be between 3600 and 604800, got: 60`)},
		{name: "refresh validity too high", config: withResource(`name = "x"` + "\n" + scope + "\nrefresh_token_validity_seconds = 99999999"), atPlan: true,
			want: acctest.Words(`refresh_token_validity_seconds value must be between 30 and 31536000, got: 99999999`)},
		{name: "delete days zero", config: withResource(`name = "x"` + "\n" + scope + "\ndelete_days_after_creation = 0"), atPlan: true,
			want: acctest.Words(`delete_days_after_creation = 0 is not a value commercetools accepts (value must be at least 1). Leave delete_days_after_creation out`)},
		{name: "validity of the wrong type", config: withResource(`name = "x"` + "\n" + scope + "\naccess_token_validity_seconds = \"an hour\""), atPlan: true,
			want: acctest.Words(`Inappropriate value for attribute "access_token_validity_seconds"`)},
		{name: "scope as a string", config: withResource(`name = "x"` + "\nscope = \"manage_orders:my-ct-project-key\""), atPlan: true,
			want: acctest.Words(`Inappropriate value for attribute "scope"`)},
		// Credentials and reachability.
		{name: "wrong client secret", config: withProvider(map[string]string{"client_secret": `"not-the-secret"`}),
			want: acctest.Words(`invalid_client`)},
		{name: "unknown client id", config: withProvider(map[string]string{"client_id": `"nobody"`}),
			want: acctest.Words(`invalid_client`)},
		{name: "unreachable api", config: withProvider(map[string]string{"api_url": `"http://127.0.0.1:1"`, "token_url": `"http://127.0.0.1:1"`, "max_retries": "1"}),
			want: regexp.MustCompile(`(?s)connection\s+refused`)},
		{name: "requested scope the client lacks", config: withProvider(map[string]string{"scopes": `"manage_api_clients:my-ct-project-key manage_orders:my-ct-project-key"`}),
			want: acctest.Words(`invalid_scope`)},
		// Broken servers.
		{name: "create answers HTML", config: withResource(`name = "x"` + "\n" + scope),
			wrap: replacePost("/api-clients", http.StatusOK, "text/html", "<html><body>Bad gateway</body></html>"),
			want: acctest.Words(`returned status 200 with a body that cannot be decoded`)},
		{name: "create answers garbage JSON", config: withResource(`name = "x"` + "\n" + scope),
			wrap: replacePost("/api-clients", http.StatusCreated, "application/json", `{"id": 12, "name": [}`),
			want: regexp.MustCompile(`(?s)invalid\s+response`)},
		{name: "create answers without an id", config: withResource(`name = "x"` + "\n" + scope),
			wrap: replacePost("/api-clients", http.StatusCreated, "application/json", `{"name":"x","scope":"view_products:my-ct-project-key","secret":"leaked-if-shown-0123456789abcdef"}`),
			want: acctest.Words(`API client without id`)},
		{name: "token endpoint answers HTML", config: withResource(`name = "x"` + "\n" + scope),
			wrap: replacePost("/oauth/token", http.StatusBadGateway, "text/html", "<html>upstream down</html>"),
			want: regexp.MustCompile(`(?s)502`)},
	}
}

func TestAccBadInputs(t *testing.T) {
	acctest.PreCheck(t)
	for _, c := range badInputs() {
		t.Run(c.name, func(t *testing.T) {
			var srv *emulator.TestServer
			if c.wrap != nil {
				srv = acctest.NewWrappedEmulator(t, c.wrap)
			} else {
				srv = acctest.NewEmulator(t)
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(c.env),
				Steps: []resource.TestStep{{
					Config:      c.config(srv),
					ExpectError: c.want,
				}},
			})
			counts := srv.Counts()
			if c.atPlan && counts.API+counts.Token != 0 {
				t.Errorf("the error should come at plan time, but %d API and %d token requests were made", counts.API, counts.Token)
			}
			// Nothing is lost and nothing is left behind: the failed apply
			// created nothing, and state (destroyed by the harness) held nothing.
			if n := acctest.CountClients(srv); n != 0 {
				t.Errorf("the emulator holds %d clients after a failed apply, want 0", n)
			}
		})
	}
}
