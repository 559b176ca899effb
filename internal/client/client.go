// Package client is the only place that talks HTTP to commercetools. It wraps the commercetools
// Go SDK with our own transport stack (user agent, OAuth token, retries, redacting logs), typed
// errors, lost-create recovery and a bulk read of API clients.
package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/labd/commercetools-go-sdk/platform"
)

// Client talks to one commercetools project. It is safe for concurrent use.
type Client struct {
	cfg       Config
	userAgent string
	sdk       *platform.Client
	api       *platform.ByProjectKeyRequestBuilder
	tokenHTTP *http.Client // retry -> logging -> base, used for the token endpoint
	apiHTTP   *http.Client // auth -> retry -> logging -> base, used for every API request
	tokens    *tokenEntry

	bulk *listing[platform.ApiClient]

	listingsMu sync.Mutex
	listings   map[string]any // collection path -> *listing[T], one shared listing per family
	locksMu    sync.Mutex
	locks      map[string]*sync.Mutex // per-resource locks (see Lock)

	mu          sync.Mutex
	created     map[string]bool        // ids of API clients this Client created successfully
	createLocks map[string]*sync.Mutex // serialises creates of identical drafts

	claims claims // unique values planned by resources of the configuration (see Claim)
}

// New builds a Client. It validates the configuration but never touches the network: the token
// is fetched on first use.
func New(cfg Config) (*Client, error) {
	cfg, err := cfg.normalize()
	if err != nil {
		return nil, err
	}
	c := &Client{
		cfg:         cfg,
		tokens:      sharedTokenEntry(cfg.TokenURL, cfg.ClientID, cfg.ClientSecret, cfg.Scopes),
		created:     map[string]bool{},
		createLocks: map[string]*sync.Mutex{},
		listings:    map[string]any{},
		locks:       map[string]*sync.Mutex{},
	}
	c.userAgent = strings.TrimSpace(strings.TrimSpace(cfg.UserAgent) + " " + platform.GetUserAgent())
	logging := &loggingTransport{next: cfg.Transport, secrets: c.secrets}
	retry := &retryTransport{
		next: logging, maxRetries: cfg.MaxRetries, attemptTimeout: cfg.AttemptTimeout,
		minBackoff: cfg.MinBackoff, maxBackoff: cfg.MaxBackoff, secrets: c.secrets,
	}
	c.tokenHTTP = &http.Client{Transport: retry}
	c.apiHTTP = &http.Client{Transport: &authTransport{c: c, next: retry}}
	c.bulk = c.apiClientListing()
	sdk, err := platform.NewClient(&platform.ClientConfig{
		URL:        cfg.APIURL,
		HTTPClient: c.apiHTTP,
		UserAgent:  c.userAgent,
	})
	if err != nil {
		return nil, fmt.Errorf("creating commercetools SDK client: %w", err)
	}
	c.sdk = sdk
	c.api = sdk.WithProjectKey(cfg.ProjectKey)
	return c, nil
}

// Lock serialises work on one resource within this Client (one provider process), for example
// child resources that change their parent's version. It returns the unlock function.
func (c *Client) Lock(name string) func() {
	c.locksMu.Lock()
	l, ok := c.locks[name]
	if !ok {
		l = &sync.Mutex{}
		c.locks[name] = l
	}
	c.locksMu.Unlock()
	l.Lock()
	return l.Unlock
}

// ProjectKey returns the key of the project this Client works on.
func (c *Client) ProjectKey() string { return c.cfg.ProjectKey }

// UserAgent returns the User-Agent header sent with every request.
func (c *Client) UserAgent() string { return c.userAgent }

// GrantedScopes returns the scopes of the provider's access token, fetching a token if needed.
func (c *Client) GrantedScopes(ctx context.Context) ([]string, error) {
	tok, err := c.token(ctx)
	if err != nil {
		return nil, err
	}
	return slices.Clone(tok.Scopes), nil
}

// token returns the shared, cached token for this Client's credentials.
func (c *Client) token(ctx context.Context) (*Token, error) {
	return c.tokens.get(ctx, func(ctx context.Context) (*Token, error) {
		return fetchToken(ctx, c.tokenHTTP, c.cfg.TokenURL, c.userAgent, c.cfg.ClientID, c.cfg.ClientSecret, c.cfg.Scopes)
	})
}

// secrets lists every value that must never appear in logs or errors for requests made with ctx.
func (c *Client) secrets(ctx context.Context) []string {
	out := append([]string{c.cfg.ClientSecret}, c.tokens.known()...)
	return append(out, extraSecretsFrom(ctx)...)
}

// call runs one SDK request with a fresh callInfo and converts its error into our typed errors.
func (c *Client) call(ctx context.Context, method, path string, fn func(context.Context) error) error {
	ctx, ci := withCallInfo(ctx)
	err := fn(ctx)
	if err == nil {
		return nil
	}
	return c.translate(ctx, err, ci.snapshot(), method, routeOf(path))
}

// translate maps an SDK/transport error plus what the transport recorded to a typed error.
func (c *Client) translate(ctx context.Context, err error, snap callSnapshot, method, route string) error {
	var authErr *AuthError
	if errors.As(err, &authErr) {
		return authErr
	}
	secrets := c.secrets(ctx)
	var re *requestError
	if errors.As(err, &re) {
		out := *re
		if out.Status != 0 && snap.status == out.Status {
			out.Cause = apiErrorFrom(method, route, snap, secrets)
		}
		if isContextError(out.Cause) && snap.lastErrClass != "" && !strings.Contains(snap.lastErrClass, "cancel") {
			out.Last = snap.lastErrClass
		}
		return &out
	}
	switch {
	case snap.status >= 300 || (snap.status > 0 && snap.status < 200):
		return apiErrorFrom(method, route, snap, secrets)
	case snap.status >= 200:
		return fmt.Errorf("%w: %s %s returned status %d with a body that cannot be decoded (%s): %s",
			ErrInvalidResponse, method, route, snap.status, redactText(err.Error(), secrets),
			snippet(snap.body, snap.contentType, secrets))
	}
	return fmt.Errorf("commercetools API %s %s: %w", method, route, err)
}

// apiErrorFrom builds an APIError from the recorded response.
func apiErrorFrom(method, route string, snap callSnapshot, secrets []string) *APIError {
	p := parseErrorBody(snap.status, snap.contentType, snap.body, secrets)
	return &APIError{
		StatusCode: snap.status, Code: p.Code, Message: p.Message, CorrelationID: snap.correlationID,
		Method: method, Route: route, Errors: p.Errors,
	}
}

// invalidResponse reports a decodable 2xx response that lacks required fields.
func invalidResponse(method, route, problem string) error {
	return fmt.Errorf("%w: %s %s: %s", ErrInvalidResponse, method, route, problem)
}
