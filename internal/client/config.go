package client

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Default values applied by New when the corresponding Config field is zero.
const (
	DefaultMaxRetries     = 8
	DefaultAttemptTimeout = 30 * time.Second
	DefaultMinBackoff     = 200 * time.Millisecond
	DefaultMaxBackoff     = 10 * time.Second
)

// Config holds everything needed to talk to one commercetools project.
type Config struct {
	// ClientID and ClientSecret are the credentials of the API client used by the provider.
	ClientID, ClientSecret string
	// ProjectKey is the key of the project every request is made against.
	ProjectKey string
	// Scopes are requested when fetching a token; empty requests all scopes of the client.
	Scopes []string
	// APIURL is the API host, e.g. https://api.europe-west1.gcp.commercetools.com.
	APIURL string
	// TokenURL is the auth host base; "/oauth/token" is appended unless already present.
	TokenURL string
	// UserAgent is our product token, e.g. "terraform-provider-commercetools/1.0.0".
	UserAgent string
	// MaxRetries is the number of retries after the first attempt (0 means the default 8, -1 means none).
	MaxRetries int
	// AttemptTimeout bounds one HTTP attempt (default 30s).
	AttemptTimeout time.Duration
	// MinBackoff and MaxBackoff bound the exponential backoff between retries (defaults 200ms and 10s).
	MinBackoff, MaxBackoff time.Duration
	// Transport is the base transport; nil means a clone of http.DefaultTransport.
	Transport http.RoundTripper
}

// normalize validates the configuration and returns a copy with defaults applied.
func (cfg Config) normalize() (Config, error) {
	var problems []string
	if strings.TrimSpace(cfg.ClientID) == "" {
		problems = append(problems, "client_id is empty")
	}
	if cfg.ClientSecret == "" {
		problems = append(problems, "client_secret is empty")
	}
	if strings.TrimSpace(cfg.ProjectKey) == "" {
		problems = append(problems, "project_key is empty")
	}
	apiURL, err := checkURL("api_url", cfg.APIURL)
	if err != nil {
		problems = append(problems, err.Error())
	}
	tokenURL, err := checkURL("token_url", cfg.TokenURL)
	if err != nil {
		problems = append(problems, err.Error())
	}
	if len(problems) > 0 {
		return cfg, errors.New("invalid commercetools client configuration: " + strings.Join(problems, "; "))
	}
	cfg.APIURL = apiURL
	cfg.TokenURL = tokenEndpoint(tokenURL)
	switch {
	case cfg.MaxRetries == 0:
		cfg.MaxRetries = DefaultMaxRetries
	case cfg.MaxRetries < 0:
		cfg.MaxRetries = 0
	}
	if cfg.AttemptTimeout <= 0 {
		cfg.AttemptTimeout = DefaultAttemptTimeout
	}
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = DefaultMinBackoff
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = DefaultMaxBackoff
	}
	if cfg.MaxBackoff < cfg.MinBackoff {
		cfg.MaxBackoff = cfg.MinBackoff
	}
	cfg.Scopes = cleanScopes(cfg.Scopes)
	if cfg.Transport == nil {
		if dt, ok := http.DefaultTransport.(*http.Transport); ok {
			cfg.Transport = dt.Clone()
		} else {
			cfg.Transport = http.DefaultTransport
		}
	}
	return cfg, nil
}

// checkURL verifies that raw is an absolute http(s) URL and strips a trailing slash.
func checkURL(name, raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", fmt.Errorf("%s is empty", name)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("%s is not a valid URL", name)
	}
	// Redacted: a URL with user:password@ must not carry them into an error.
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%s %q must be an absolute http(s) URL", name, u.Redacted())
	}
	return strings.TrimRight(raw, "/"), nil
}

// tokenEndpoint appends "/oauth/token" to the auth host base unless it is already there.
func tokenEndpoint(base string) string {
	if strings.HasSuffix(base, "/oauth/token") {
		return base
	}
	return base + "/oauth/token"
}

// cleanScopes splits every entry on whitespace and drops empty ones, keeping order.
func cleanScopes(in []string) []string {
	var out []string
	for _, s := range in {
		out = append(out, strings.Fields(s)...)
	}
	return out
}
