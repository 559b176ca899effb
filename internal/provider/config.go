package provider

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/scopes"
)

// Regions maps each commercetools region to its API and auth hosts.
var Regions = map[string]struct{ API, Auth string }{
	"us-central1.gcp":          {"https://api.us-central1.gcp.commercetools.com", "https://auth.us-central1.gcp.commercetools.com"},
	"us-east-2.aws":            {"https://api.us-east-2.aws.commercetools.com", "https://auth.us-east-2.aws.commercetools.com"},
	"europe-west1.gcp":         {"https://api.europe-west1.gcp.commercetools.com", "https://auth.europe-west1.gcp.commercetools.com"},
	"eu-central-1.aws":         {"https://api.eu-central-1.aws.commercetools.com", "https://auth.eu-central-1.aws.commercetools.com"},
	"australia-southeast1.gcp": {"https://api.australia-southeast1.gcp.commercetools.com", "https://auth.australia-southeast1.gcp.commercetools.com"},
}

// DefaultMaxRetries is used when max_retries is not set.
const DefaultMaxRetries = 8

// maxMaxRetries caps max_retries so one operation cannot retry for hours.
const maxMaxRetries = 50

func regionNames() []string {
	out := make([]string, 0, len(Regions))
	for k := range Regions {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// setting describes one provider attribute and the environment variable it falls back to.
type setting struct {
	attr, env string
}

var (
	settingClientID     = setting{"client_id", "CTP_CLIENT_ID"}
	settingClientSecret = setting{"client_secret", "CTP_CLIENT_SECRET"}
	settingProjectKey   = setting{"project_key", "CTP_PROJECT_KEY"}
	settingScopes       = setting{"scopes", "CTP_SCOPES"}
	settingAPIURL       = setting{"api_url", "CTP_API_URL"}
	settingTokenURL     = setting{"token_url", "CTP_AUTH_URL"}
	settingRegion       = setting{"region", "CTP_REGION"}
	settingMaxRetries   = setting{"max_retries", "CTP_MAX_RETRIES"}
)

func (s setting) where() string {
	return fmt.Sprintf("the provider attribute %q or the environment variable %s", s.attr, s.env)
}

func providerSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Manage a commercetools Composable Commerce project as code. " +
			"Every setting can also come from its `CTP_*` environment variable; a value in the configuration wins.",
		Attributes: map[string]schema.Attribute{
			"client_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The id of the API client the provider authenticates as. Environment variable: `CTP_CLIENT_ID`.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"client_secret": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "The secret of that API client. Environment variable: `CTP_CLIENT_SECRET`. Never logged.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"project_key": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "The key of the commercetools project (2 to 36 lowercase letters, digits and hyphens). " +
					"Environment variable: `CTP_PROJECT_KEY`.",
				Validators: []validator.String{stringvalidator.RegexMatches(scopes.ProjectKeyPattern,
					"must be 2 to 36 characters of lowercase letters, digits and hyphens, starting with a letter or digit")},
			},
			"scopes": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Space-separated scopes to request for the provider's access token, for example " +
					"`manage_api_clients:my-project manage_project:my-project`. When omitted the token gets every scope of the client. " +
					"Managing API clients needs `manage_api_clients:{projectKey}`; `manage_project` does not include it. " +
					"Environment variable: `CTP_SCOPES`.",
			},
			"api_url": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Base URL of the HTTP API, for example `https://api.europe-west1.gcp.commercetools.com`. " +
					"Must be `https://` unless the host is a loopback address. Environment variable: `CTP_API_URL`.",
			},
			"token_url": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Base URL of the authorization service, for example `https://auth.europe-west1.gcp.commercetools.com` " +
					"(`/oauth/token` is appended). Must be `https://` unless the host is a loopback address. Environment variable: `CTP_AUTH_URL`.",
			},
			"region": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Shortcut that fills `api_url` and `token_url` when they are not set. One of " +
					backtickList(regionNames()) + ". Environment variable: `CTP_REGION`.",
				Validators: []validator.String{stringvalidator.OneOf(regionNames()...)},
			},
			"max_retries": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("How many times a failed request (429, 5xx, network error) is retried, with "+
					"exponential backoff, within the operation's timeout. Between 0 and %d; defaults to %d. "+
					"Environment variable: `CTP_MAX_RETRIES`.", maxMaxRetries, DefaultMaxRetries),
				Validators: []validator.Int64{int64validator.Between(0, maxMaxRetries)},
			},
		},
	}
}

func backtickList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = "`" + s + "`"
	}
	return strings.Join(q, ", ")
}

// providerModel maps the provider block.
type providerModel struct {
	ClientID     types.String `tfsdk:"client_id"`
	ClientSecret types.String `tfsdk:"client_secret"`
	ProjectKey   types.String `tfsdk:"project_key"`
	Scopes       types.String `tfsdk:"scopes"`
	APIURL       types.String `tfsdk:"api_url"`
	TokenURL     types.String `tfsdk:"token_url"`
	Region       types.String `tfsdk:"region"`
	MaxRetries   types.Int64  `tfsdk:"max_retries"`
}

func lookupEnv(k string) string { return strings.TrimSpace(os.Getenv(k)) }

// validateStatic checks the values written in the configuration that the
// schema validators cannot check alone. Unknown and null values are skipped.
func (m providerModel) validateStatic() diag.Diagnostics {
	var diags diag.Diagnostics
	for _, u := range []struct {
		s setting
		v types.String
	}{{settingAPIURL, m.APIURL}, {settingTokenURL, m.TokenURL}} {
		if u.v.IsNull() || u.v.IsUnknown() {
			continue
		}
		if _, err := checkURL(u.v.ValueString()); err != nil {
			diags.AddAttributeError(path.Root(u.s.attr), "Invalid "+u.s.attr, fmt.Sprintf("%s: %s", u.s.attr, err))
		}
	}
	if !m.Scopes.IsNull() && !m.Scopes.IsUnknown() {
		diags.Append(checkScopes(m.Scopes.ValueString(), m.ProjectKey.ValueString())...)
	}
	return diags
}

// resolve merges configuration and environment into a client configuration.
// Every problem names the attribute and its environment variable.
func (m providerModel) resolve(getenv func(string) string) (client.Config, diag.Diagnostics) {
	var diags diag.Diagnostics
	str := func(s setting, v types.String) string {
		if v.IsUnknown() {
			diags.AddAttributeError(path.Root(s.attr), "Unknown "+s.attr,
				fmt.Sprintf("The value of %q is not known until apply. The provider needs it to plan; set it to a known value or use %s.", s.attr, s.env))
			return ""
		}
		if !v.IsNull() {
			return strings.TrimSpace(v.ValueString())
		}
		return getenv(s.env)
	}
	required := func(s setting, v types.String) string {
		out := str(s, v)
		if out == "" && !v.IsUnknown() {
			diags.AddAttributeError(path.Root(s.attr), "Missing "+s.attr,
				fmt.Sprintf("The provider needs %s. Set %s.", s.attr, s.where()))
		}
		return out
	}

	cfg := client.Config{
		ClientID:     required(settingClientID, m.ClientID),
		ClientSecret: required(settingClientSecret, m.ClientSecret),
		ProjectKey:   required(settingProjectKey, m.ProjectKey),
		MaxRetries:   DefaultMaxRetries,
	}
	if cfg.ProjectKey != "" && !scopes.ProjectKeyPattern.MatchString(cfg.ProjectKey) {
		diags.AddAttributeError(path.Root("project_key"), "Invalid project_key",
			fmt.Sprintf("project_key %q (from %s) must be 2 to 36 characters of lowercase letters, digits and hyphens.", cfg.ProjectKey, settingProjectKey.where()))
	}

	if raw := str(settingScopes, m.Scopes); raw != "" {
		d := checkScopes(raw, cfg.ProjectKey)
		diags.Append(d...)
		cfg.Scopes = strings.Fields(raw)
	}

	region := str(settingRegion, m.Region)
	var regionHosts struct{ API, Auth string }
	if region != "" {
		h, ok := Regions[region]
		if !ok {
			diags.AddAttributeError(path.Root("region"), "Unknown region",
				fmt.Sprintf("region %q (from %s) is not a commercetools region; use one of %s.", region, settingRegion.where(), strings.Join(regionNames(), ", ")))
		}
		regionHosts = h
	}
	urlSetting := func(s setting, v types.String, fromRegion string) string {
		raw := str(s, v)
		if raw == "" {
			raw = fromRegion
		}
		if raw == "" {
			if !v.IsUnknown() {
				diags.AddAttributeError(path.Root(s.attr), "Missing "+s.attr,
					fmt.Sprintf("The provider needs %s. Set %s, or set region (CTP_REGION) to one of %s.", s.attr, s.where(), strings.Join(regionNames(), ", ")))
			}
			return ""
		}
		u, err := checkURL(raw)
		if err != nil {
			diags.AddAttributeError(path.Root(s.attr), "Invalid "+s.attr, fmt.Sprintf("%s (from %s): %s", s.attr, s.where(), err))
			return ""
		}
		return u
	}
	cfg.APIURL = urlSetting(settingAPIURL, m.APIURL, regionHosts.API)
	cfg.TokenURL = urlSetting(settingTokenURL, m.TokenURL, regionHosts.Auth)

	switch {
	case m.MaxRetries.IsUnknown():
		diags.AddAttributeError(path.Root("max_retries"), "Unknown max_retries", "max_retries must be known at plan time.")
	case !m.MaxRetries.IsNull():
		cfg.MaxRetries = int(m.MaxRetries.ValueInt64())
	default:
		if raw := getenv(settingMaxRetries.env); raw != "" {
			n, err := strconv.Atoi(raw)
			if err != nil || n < 0 || n > maxMaxRetries {
				diags.AddAttributeError(path.Root("max_retries"), "Invalid max_retries",
					fmt.Sprintf("CTP_MAX_RETRIES=%q must be a whole number between 0 and %d.", raw, maxMaxRetries))
			} else {
				cfg.MaxRetries = n
			}
		}
	}
	if cfg.MaxRetries == 0 {
		cfg.MaxRetries = -1 // the client reads 0 as "default"; the user asked for no retries
	}
	return cfg, diags
}

// checkScopes validates the provider's scopes setting.
func checkScopes(raw, projectKey string) diag.Diagnostics {
	var diags diag.Diagnostics
	fields := strings.Fields(raw)
	if len(fields) == 0 {
		diags.AddAttributeError(path.Root("scopes"), "Invalid scopes",
			"scopes (CTP_SCOPES) is set but empty; remove it to request every scope of the client, or list scopes separated by spaces.")
		return diags
	}
	for _, f := range fields {
		sc, err := scopes.Parse(f)
		if err != nil {
			diags.AddAttributeError(path.Root("scopes"), "Invalid scopes", fmt.Sprintf("scopes (CTP_SCOPES): %s", err))
			continue
		}
		if projectKey != "" && sc.ProjectKey != projectKey {
			diags.AddAttributeWarning(path.Root("scopes"), "Scope for another project",
				fmt.Sprintf("The scope %q is for project %q, but project_key is %q. The token request will fail unless the client holds it.", f, sc.ProjectKey, projectKey))
		}
	}
	return diags
}

// checkURL accepts absolute http(s) URLs; plain http only for loopback hosts,
// so credentials never travel in clear text.
func checkURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("the value is not a valid URL: %w", err)
	}
	if u.User != nil {
		return "", fmt.Errorf("the URL must not contain credentials; use client_id and client_secret")
	}
	if !u.IsAbs() || u.Host == "" {
		return "", fmt.Errorf("%q must be an absolute URL such as https://api.europe-west1.gcp.commercetools.com", raw)
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !isLoopback(u.Hostname()) {
			return "", fmt.Errorf("%q uses plain http to a host that is not a loopback address; use https so the client credentials are not sent in clear text (http is allowed only for 127.0.0.0/8, ::1 and localhost)", raw)
		}
	default:
		return "", fmt.Errorf("%q must use https (or http to a loopback address), not %q", raw, u.Scheme)
	}
	return strings.TrimRight(u.String(), "/"), nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
