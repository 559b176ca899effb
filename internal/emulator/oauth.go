package emulator

import (
	"crypto/subtle"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// The OAuth family: POST /oauth/token (client credentials flow).
func init() { families = append(families, registerOAuth) }

func registerOAuth(r *router) {
	r.handle(http.MethodPost, tokenRoute, nil, issueToken)
}

// maxTokens triggers a sweep of expired tokens when exceeded.
const maxTokens = 10000

// token is an issued access token.
type token struct {
	project  string
	clientID string
	scopes   map[string]bool // granted scopes incl. implied view_*
	expires  time.Time
	epoch    int // Faults.ExpireTokens generation
}

// tokenResponse is the TokenResponse body.
type tokenResponse struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
	Scope       string `json:"scope"`
}

const invalidClientMsg = "Please provide valid client credentials using HTTP Basic Authentication."

// tokenParams merges form-body and query parameters; the body wins.
func tokenParams(c *call) (url.Values, *apiError) {
	body, apiErr := c.readBody()
	if apiErr != nil {
		return nil, apiErr
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, authError(http.StatusBadRequest, "invalid_request", "Malformed request body: expected application/x-www-form-urlencoded parameters.")
	}
	for k, v := range c.r.URL.Query() {
		if _, ok := form[k]; !ok {
			form[k] = v
		}
	}
	return form, nil
}

// clientCredentials returns the credentials from HTTP Basic (percent-decoded)
// or, failing that, from the client_id/client_secret form fields.
func clientCredentials(r *http.Request, form url.Values) (id, secret string, ok bool) {
	if user, pass, found := r.BasicAuth(); found {
		return unescape(user), unescape(pass), true
	}
	if form.Get("client_id") != "" {
		return form.Get("client_id"), form.Get("client_secret"), true
	}
	return "", "", false
}

func unescape(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}

func issueToken(c *call) {
	c.w.Header().Set("Cache-Control", "no-store")
	form, apiErr := tokenParams(c)
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	switch g := form.Get("grant_type"); g {
	case "":
		c.fail(authError(http.StatusBadRequest, "invalid_request", "Missing required parameter: grant_type."))
		return
	case "client_credentials":
	default:
		c.fail(authError(http.StatusBadRequest, "unsupported_grant_type", fmt.Sprintf("Unsupported grant type: '%s'.", g)))
		return
	}
	id, secret, ok := clientCredentials(c.r, form)
	if !ok {
		c.fail(errInvalidClient())
		return
	}
	e := c.e
	epoch := e.faults.epoch()
	var resp tokenResponse
	apiErr = e.withClient(id, scopeProject(form.Get("scope")), func(p *projectStore, rec *clientRecord) *apiError {
		if subtle.ConstantTimeCompare([]byte(rec.Secret), []byte(secret)) != 1 {
			return errInvalidClient()
		}
		held := splitScopes(rec.Scope)
		granted, apiErr := grantScopes(p.key, held, form.Get("scope"))
		if apiErr != nil {
			return apiErr
		}
		now := e.now()
		ttl := defaultAccessTokenValidity
		if rec.AccessTokenValiditySeconds != nil {
			ttl = *rec.AccessTokenValiditySeconds
		}
		t := &token{project: p.key, clientID: rec.ID, scopes: map[string]bool{}, expires: now.Add(time.Duration(ttl) * time.Second), epoch: epoch}
		for _, s := range granted {
			t.scopes[s] = true
		}
		raw := newAccessToken()
		e.storeTokenLocked(raw, t, now)
		resp = tokenResponse{AccessToken: raw, TokenType: "Bearer", ExpiresIn: ttl, Scope: strings.Join(granted, " ")}
		if day := now.UTC().Format(dateLayout); rec.LastUsedAt != day {
			rec.LastUsedAt = day
			if err := p.put(apiClientsColl, rec.ID, rec); err != nil {
				return errGeneral(err.Error())
			}
		}
		c.resourceID = rec.ID
		return nil
	})
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	c.json(http.StatusOK, resp)
}

func errInvalidClient() *apiError {
	e := authError(http.StatusUnauthorized, "invalid_client", invalidClientMsg)
	e.header = map[string]string{"WWW-Authenticate": `Basic realm="commercetools"`}
	return e
}

// withClient finds the live client with the given id and runs fn under the lock, persisting
// changes. Unknown ids yield invalid_client. In the real API a client id belongs to one project;
// an emulator configured with the same admin client in several projects picks the project the
// requested scopes name (prefer), else the first in key order.
func (e *Emulator) withClient(id, prefer string, fn func(p *projectStore, rec *clientRecord) *apiError) *apiError {
	e.mu.Lock()
	defer e.mu.Unlock()
	apiErr := errInvalidClient()
	keys := make([]string, 0, len(e.projects))
	for k := range e.projects {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if prefer != "" {
		keys = append([]string{prefer}, keys...)
	}
	for _, k := range keys {
		p := e.projects[k]
		if p == nil {
			continue
		}
		if rec, ok := e.clientLocked(p, id); ok {
			apiErr = fn(p, &rec)
			break
		}
	}
	if err := e.saveLocked(); err != nil && apiErr == nil {
		return errGeneral("Persisting the change failed: " + err.Error())
	}
	return apiErr
}

// scopeProject returns the project key of the first well-formed scope of a scope parameter.
func scopeProject(requested string) string {
	for _, s := range splitScopes(requested) {
		if sc, err := parseScope(s); err == nil {
			return sc.project
		}
	}
	return ""
}

// grantScopes checks a requested scope parameter against the scopes a client
// holds and returns the granted scopes including implied view_* scopes.
func grantScopes(projectKey string, held []string, requested string) ([]string, *apiError) {
	req := splitScopes(requested)
	if len(req) == 0 {
		return impliedScopes(held), nil
	}
	holds := map[string]bool{}
	for _, s := range held {
		holds[s] = true
	}
	for _, s := range req {
		if _, err := parseScope(s); err != nil {
			return nil, authError(http.StatusBadRequest, "invalid_scope", "Malformed parameter: scope: Invalid scope.")
		}
	}
	for _, s := range req {
		if !holds[s] {
			return nil, authError(http.StatusBadRequest, "invalid_scope",
				"Permissions exceeded. Only the following permissions can be requested: "+strings.Join(scopeNames(held), ", "))
		}
	}
	if mp := "manage_project:" + projectKey; holds[mp] {
		asked := map[string]bool{}
		for _, s := range req {
			asked[s] = true
		}
		if len(asked) != len(holds) {
			return nil, authError(http.StatusBadRequest, "invalid_scope",
				fmt.Sprintf("Malformed parameter: scope: a client holding %s must request all of its scopes (%s) or omit the scope parameter.", mp, strings.Join(held, " ")))
		}
	}
	return impliedScopes(req), nil
}

// scopeNames strips the project (and store) part of scopes.
func scopeNames(scopes []string) []string {
	out := make([]string, 0, len(scopes))
	for _, s := range scopes {
		name, _, _ := strings.Cut(s, ":")
		out = append(out, name)
	}
	return out
}

// storeTokenLocked remembers a token, sweeping expired ones when the table
// grows large. The caller holds e.mu.
func (e *Emulator) storeTokenLocked(raw string, t *token, now time.Time) {
	if len(e.tokens) >= maxTokens {
		epoch := t.epoch
		for k, old := range e.tokens {
			if !now.Before(old.expires) || old.epoch != epoch {
				delete(e.tokens, k)
			}
		}
	}
	e.tokens[raw] = t
}

// authorize checks the bearer token of an API request against the project
// in the path and the route's scopes.
func (e *Emulator) authorize(c *call) *apiError {
	h := c.r.Header.Get("Authorization")
	const prefix = "bearer "
	if len(h) <= len(prefix) || !strings.EqualFold(h[:len(prefix)], prefix) {
		return errInvalidToken()
	}
	raw := strings.TrimSpace(h[len(prefix):])
	epoch := e.faults.epoch()
	e.mu.Lock()
	defer e.mu.Unlock()
	t := e.tokens[raw]
	if t == nil || t.epoch != epoch || !e.now().Before(t.expires) {
		return errInvalidToken()
	}
	if _, ok := e.clientLocked(e.projects[t.project], t.clientID); !ok {
		delete(e.tokens, raw) // the client was deleted or expired
		_ = e.saveLocked()
		return errInvalidToken()
	}
	_ = e.saveLocked()
	c.tok = t
	if t.project == c.projectKey {
		for _, s := range c.route.scopes {
			if t.scopes[s+":"+c.projectKey] {
				return nil
			}
		}
	}
	return errInsufficientScope(c.route.scopes)
}
