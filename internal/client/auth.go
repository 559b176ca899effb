package client

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Token is an OAuth access token issued by the commercetools auth service.
type Token struct {
	// AccessToken is the bearer token.
	AccessToken string
	// ExpiresAt is when the token stops being valid.
	ExpiresAt time.Time
	// Scopes are the scopes granted to the token (may include implied view_* scopes).
	Scopes []string
}

const (
	// tokenRefreshMargin is how long before expiry a cached token is replaced.
	tokenRefreshMargin = 60 * time.Second
	// defaultTokenLifetime is assumed when the token response has no usable expires_in.
	defaultTokenLifetime = time.Hour
)

// tokenEntry caches the token of one (token URL, client id, secret, scopes) combination and makes
// concurrent callers share one fetch.
type tokenEntry struct {
	mu        sync.Mutex
	tok       *Token
	refreshAt time.Time
	retired   []string // previous tokens, still masked in logs
	flight    *tokenFlight
}

type tokenFlight struct {
	done chan struct{}
	tok  *Token
	err  error
}

// tokenCache is shared by every Client of the process, so that all Clients built from the same
// credentials share one token.
var tokenCache = struct {
	mu sync.Mutex
	m  map[string]*tokenEntry
}{m: map[string]*tokenEntry{}}

func sharedTokenEntry(tokenURL, clientID, secret string, scopes []string) *tokenEntry {
	sum := sha256.Sum256([]byte(secret))
	sorted := slices.Clone(scopes)
	slices.Sort(sorted)
	key := strings.Join([]string{tokenURL, clientID, hex.EncodeToString(sum[:]), strings.Join(sorted, " ")}, "\x00")
	tokenCache.mu.Lock()
	defer tokenCache.mu.Unlock()
	e, ok := tokenCache.m[key]
	if !ok {
		e = &tokenEntry{}
		tokenCache.m[key] = e
	}
	return e
}

// get returns a valid token, fetching one if needed; concurrent callers wait for a single fetch.
func (e *tokenEntry) get(ctx context.Context, fetch func(context.Context) (*Token, error)) (*Token, error) {
	for {
		e.mu.Lock()
		if e.tok != nil && time.Now().Before(e.refreshAt) {
			tok := e.tok
			e.mu.Unlock()
			return tok, nil
		}
		if f := e.flight; f != nil {
			e.mu.Unlock()
			select {
			case <-f.done:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			if f.err == nil {
				return f.tok, nil
			}
			if isContextError(f.err) && ctx.Err() == nil {
				continue // the fetching caller gave up; try again ourselves
			}
			return nil, f.err
		}
		f := &tokenFlight{done: make(chan struct{})}
		e.flight = f
		e.mu.Unlock()

		tok, err := fetch(ctx)

		e.mu.Lock()
		if err == nil {
			if e.tok != nil {
				e.retired = append(e.retired, e.tok.AccessToken)
			}
			e.tok = tok
			e.refreshAt = refreshTime(time.Now(), tok.ExpiresAt)
		}
		e.flight = nil
		f.tok, f.err = tok, err
		close(f.done)
		e.mu.Unlock()
		return tok, err
	}
}

// invalidate drops the cached token if it is still the given one.
func (e *tokenEntry) invalidate(access string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.tok != nil && e.tok.AccessToken == access {
		e.retired = append(e.retired, access)
		e.tok = nil
	}
}

// known returns all tokens this entry has handed out, for masking.
func (e *tokenEntry) known() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := slices.Clone(e.retired)
	if e.tok != nil {
		out = append(out, e.tok.AccessToken)
	}
	return out
}

// refreshTime is 60s before expiry, or half the lifetime when that is shorter.
func refreshTime(now, expires time.Time) time.Time {
	life := expires.Sub(now)
	margin := min(tokenRefreshMargin, life/2)
	return expires.Add(-margin)
}

func isContextError(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// tokenResponse is the success body of the token endpoint.
type tokenResponse struct {
	AccessToken string          `json:"access_token"`
	TokenType   string          `json:"token_type"`
	ExpiresIn   json.RawMessage `json:"expires_in"`
	Scope       string          `json:"scope"`
	Error       string          `json:"error"`
}

// fetchToken performs a client-credentials grant with HTTP Basic authentication.
func fetchToken(ctx context.Context, hc *http.Client, tokenURL, userAgent, clientID, secret string, scopes []string) (*Token, error) {
	form := url.Values{"grant_type": {"client_credentials"}}
	if len(scopes) > 0 {
		form.Set("scope", strings.Join(scopes, " "))
	}
	ctx = withExtraSecrets(withIdempotent(ctx), secret)
	ctx, ci := withCallInfo(ctx)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, tokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, fmt.Errorf("building token request: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)
	req.SetBasicAuth(url.QueryEscape(clientID), url.QueryEscape(secret))
	resp, err := hc.Do(req)
	if err != nil {
		var re *requestError
		if errors.As(err, &re) {
			return nil, fmt.Errorf("fetching commercetools access token from %s: %w", tokenURL, re)
		}
		return nil, fmt.Errorf("fetching commercetools access token from %s: %w", tokenURL, err)
	}
	defer func() { _ = resp.Body.Close() }()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBodyBytes))
	if err != nil {
		return nil, fmt.Errorf("reading commercetools token response: %w", err)
	}
	secrets := []string{secret}
	snap := ci.snapshot()
	if resp.StatusCode != http.StatusOK {
		p := parseErrorBody(resp.StatusCode, resp.Header.Get("Content-Type"), data, secrets)
		ae := &AuthError{StatusCode: resp.StatusCode, Code: p.OAuthCode, Description: p.Message,
			CorrelationID: snap.correlationID, TokenURL: tokenURL}
		if ae.Code == "" {
			ae.Code = p.Code
		}
		if p.OAuthDescription != "" {
			ae.Description = p.OAuthDescription
		}
		return nil, ae
	}
	var tr tokenResponse
	if err := json.Unmarshal(data, &tr); err != nil || tr.AccessToken == "" || tr.Error != "" {
		return nil, fmt.Errorf("%w: token endpoint %s returned status 200 without an access token: %s",
			ErrInvalidResponse, tokenURL, snippet(data, resp.Header.Get("Content-Type"), secrets))
	}
	if tr.TokenType != "" && !strings.EqualFold(tr.TokenType, "bearer") {
		return nil, fmt.Errorf("%w: token endpoint %s returned token type %q, expected Bearer",
			ErrInvalidResponse, tokenURL, tr.TokenType)
	}
	return &Token{
		AccessToken: tr.AccessToken,
		ExpiresAt:   time.Now().Add(parseExpiresIn(tr.ExpiresIn)),
		Scopes:      strings.Fields(tr.Scope),
	}, nil
}

// parseExpiresIn accepts a JSON number or a numeric string.
func parseExpiresIn(raw json.RawMessage) time.Duration {
	s := strings.Trim(strings.TrimSpace(string(raw)), `"`)
	secs, err := strconv.ParseFloat(s, 64)
	if err != nil || secs <= 0 {
		return defaultTokenLifetime
	}
	return time.Duration(secs * float64(time.Second))
}

// authTransport adds the bearer token and, when the API rejects it with 401 invalid_token,
// fetches a new token once and repeats the request once.
type authTransport struct {
	c    *Client
	next http.RoundTripper
}

// RoundTrip implements http.RoundTripper.
func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	tok, err := t.c.token(ctx)
	if err != nil {
		return nil, err
	}
	resp, err := t.send(req, tok.AccessToken, req.Body)
	if err != nil || resp.StatusCode != http.StatusUnauthorized || !isInvalidTokenBody(resp) {
		return resp, err
	}
	t.c.tokens.invalidate(tok.AccessToken)
	tflog.Debug(maskContext(ctx, t.c.secrets(ctx)), "commercetools rejected the access token; fetching a new one and repeating the request once",
		map[string]any{"method": req.Method, "route": routeOf(req.URL.Path)})
	tok2, err := t.c.token(ctx)
	if err != nil {
		return nil, err
	}
	body := req.Body
	if req.Body != nil && req.Body != http.NoBody {
		if req.GetBody == nil {
			return resp, nil
		}
		if body, err = req.GetBody(); err != nil {
			return nil, fmt.Errorf("replaying request body: %w", err)
		}
	}
	drainClose(resp.Body)
	return t.send(req, tok2.AccessToken, body)
}

func (t *authTransport) send(req *http.Request, token string, body io.ReadCloser) (*http.Response, error) {
	r := req.Clone(req.Context())
	r.Body = body
	r.Header.Set("Authorization", "Bearer "+token)
	return t.next.RoundTrip(r)
}

// isInvalidTokenBody reports whether a 401 response says invalid_token.
func isInvalidTokenBody(resp *http.Response) bool {
	if strings.Contains(resp.Header.Get("WWW-Authenticate"), "invalid_token") {
		return true
	}
	data, err := bufferBody(resp)
	if err != nil {
		return false
	}
	p := parseErrorBody(resp.StatusCode, resp.Header.Get("Content-Type"), data, nil)
	if p.OAuthCode == "invalid_token" || p.Code == "invalid_token" {
		return true
	}
	for _, o := range p.Errors {
		if o.Code == "invalid_token" {
			return true
		}
	}
	return false
}
