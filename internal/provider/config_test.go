package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestResolveFromEnvironment(t *testing.T) {
	cfg, diags := providerModel{}.resolve(env(map[string]string{
		"CTP_CLIENT_ID": "id", "CTP_CLIENT_SECRET": "secret", "CTP_PROJECT_KEY": "my-project",
		"CTP_SCOPES": "manage_api_clients:my-project  view_products:my-project", "CTP_REGION": "eu-central-1.aws",
		"CTP_MAX_RETRIES": "3",
	}))
	if diags.HasError() {
		t.Fatalf("unexpected errors: %v", diags)
	}
	if cfg.APIURL != "https://api.eu-central-1.aws.commercetools.com" || cfg.TokenURL != "https://auth.eu-central-1.aws.commercetools.com" {
		t.Errorf("region did not fill the URLs: %q %q", cfg.APIURL, cfg.TokenURL)
	}
	if len(cfg.Scopes) != 2 || cfg.MaxRetries != 3 || cfg.ClientSecret != "secret" {
		t.Errorf("unexpected config %+v", cfg)
	}
}

func TestResolveConfigurationWinsAndExplicitURLsWinOverRegion(t *testing.T) {
	m := providerModel{
		ClientID: types.StringValue("cfg-id"), ClientSecret: types.StringValue("cfg-secret"),
		ProjectKey: types.StringValue("p1-x"), Region: types.StringValue("us-east-2.aws"),
		APIURL: types.StringValue("http://127.0.0.1:9999/"), MaxRetries: types.Int64Value(0),
	}
	cfg, diags := m.resolve(env(map[string]string{"CTP_CLIENT_ID": "env-id", "CTP_API_URL": "https://ignored.example"}))
	if diags.HasError() {
		t.Fatalf("unexpected errors: %v", diags)
	}
	if cfg.ClientID != "cfg-id" || cfg.APIURL != "http://127.0.0.1:9999" || cfg.TokenURL != "https://auth.us-east-2.aws.commercetools.com" {
		t.Errorf("unexpected config %+v", cfg)
	}
	if cfg.MaxRetries != -1 {
		t.Errorf("max_retries = 0 must mean no retries, got %d", cfg.MaxRetries)
	}
}

func TestResolveErrorsNameAttributeAndVariable(t *testing.T) {
	base := map[string]string{
		"CTP_CLIENT_ID": "id", "CTP_CLIENT_SECRET": "s3cr3t-value", "CTP_PROJECT_KEY": "my-project",
		"CTP_API_URL": "https://api.example.com", "CTP_AUTH_URL": "https://auth.example.com",
	}
	cases := []struct {
		name  string
		set   map[string]string
		wants []string
	}{
		{"missing client id", map[string]string{"CTP_CLIENT_ID": ""}, []string{"client_id", "CTP_CLIENT_ID"}},
		{"missing secret", map[string]string{"CTP_CLIENT_SECRET": ""}, []string{"client_secret", "CTP_CLIENT_SECRET"}},
		{"missing project", map[string]string{"CTP_PROJECT_KEY": ""}, []string{"project_key", "CTP_PROJECT_KEY"}},
		{"bad project", map[string]string{"CTP_PROJECT_KEY": "My_Project"}, []string{"project_key", "My_Project", "2 to 36"}},
		{"missing api url", map[string]string{"CTP_API_URL": ""}, []string{"api_url", "CTP_API_URL", "CTP_REGION"}},
		{"missing token url", map[string]string{"CTP_AUTH_URL": ""}, []string{"token_url", "CTP_AUTH_URL"}},
		{"http remote", map[string]string{"CTP_API_URL": "http://api.example.com"}, []string{"api_url", "plain http", "loopback"}},
		{"relative url", map[string]string{"CTP_AUTH_URL": "auth.example.com"}, []string{"token_url", "absolute"}},
		{"ftp url", map[string]string{"CTP_API_URL": "ftp://api.example.com"}, []string{"api_url", "https"}},
		{"url with credentials", map[string]string{"CTP_API_URL": "https://u:pw@api.example.com"}, []string{"api_url", "must not contain credentials"}},
		{"unknown region", map[string]string{"CTP_API_URL": "", "CTP_REGION": "mars-1.gcp"}, []string{"region", "mars-1.gcp", "europe-west1.gcp"}},
		{"malformed scopes", map[string]string{"CTP_SCOPES": "manage_api_clients"}, []string{"scopes", "CTP_SCOPES", "malformed"}},
		{"bad retries", map[string]string{"CTP_MAX_RETRIES": "lots"}, []string{"CTP_MAX_RETRIES", "between 0 and 50"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := map[string]string{}
			for k, v := range base {
				e[k] = v
			}
			for k, v := range c.set {
				e[k] = v
			}
			_, diags := providerModel{}.resolve(env(e))
			if !diags.HasError() {
				t.Fatal("expected an error")
			}
			var all string
			for _, d := range diags.Errors() {
				all += d.Summary() + " " + d.Detail() + "\n"
			}
			for _, w := range c.wants {
				if !strings.Contains(all, w) {
					t.Errorf("error %q does not mention %q", all, w)
				}
			}
			if strings.Contains(all, "s3cr3t-value") || strings.Contains(all, ":pw@") {
				t.Errorf("error leaks a secret: %q", all)
			}
		})
	}
}

func TestCheckURLLoopback(t *testing.T) {
	for _, ok := range []string{"http://127.0.0.1:8080", "http://localhost", "http://[::1]:1", "https://api.example.com/"} {
		if _, err := checkURL(ok); err != nil {
			t.Errorf("checkURL(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"http://10.0.0.1", "http://example.com", "//x", "https://", "mailto:a@b"} {
		if _, err := checkURL(bad); err == nil {
			t.Errorf("checkURL(%q) accepted", bad)
		}
	}
}
