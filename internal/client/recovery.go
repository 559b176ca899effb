package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/scopes"
)

const (
	// clockSkew widens the "created since the attempt began" window of lost-create recovery.
	clockSkew = 5 * time.Minute
	// Defaults commercetools applies when the draft leaves the validity fields unset.
	defaultAccessTokenValidity  = 172800
	defaultRefreshTokenValidity = 17280000
)

// CreateAPIClient creates an API client. Normally this is exactly one POST: the 201 response has
// everything, including the secret. When the outcome of a POST is unknown (dropped connection,
// 500/502/504, undecodable 201) it looks for the client that may have been created, deletes it
// (its secret is lost) and creates again, so one call never leaves two clients or an orphan.
func (c *Client) CreateAPIClient(ctx context.Context, d platform.ApiClientDraft) (*platform.ApiClient, error) {
	lock := c.createLock(draftKey(d))
	lock.Lock()
	defer lock.Unlock()

	start := time.Now()
	for try := 0; ; try++ {
		created, err := c.postAPIClient(ctx, d)
		if err == nil {
			c.mu.Lock()
			c.created[created.ID] = true
			c.mu.Unlock()
			c.bulk.remember(*created)
			return created, nil
		}
		if !errors.Is(err, ErrOutcomeUnknown) && !errors.Is(err, ErrInvalidResponse) {
			return nil, err
		}
		tflog.Debug(maskContext(ctx, c.secrets(ctx)), "outcome of API client create unknown; looking for a lost client",
			map[string]any{"name": d.Name, "attempt": try + 1})
		if rerr := c.removeLostClient(ctx, d, start); rerr != nil {
			return nil, fmt.Errorf("creating API client %q: %w; the first error was: %w", d.Name, rerr, err)
		}
		if try >= c.cfg.MaxRetries || ctx.Err() != nil {
			return nil, fmt.Errorf("creating API client %q failed after %d attempt(s) (no client was left behind): %w",
				d.Name, try+1, err)
		}
	}
}

// postAPIClient sends one create request and checks the response.
func (c *Client) postAPIClient(ctx context.Context, d platform.ApiClientDraft) (*platform.ApiClient, error) {
	var res *platform.ApiClient
	err := c.call(ctx, http.MethodPost, c.collectionPath(), func(ctx context.Context) error {
		r, err := c.api.ApiClients().Post(d).Execute(ctx)
		res = r
		return err
	})
	if err != nil {
		return nil, err
	}
	if problem := checkAPIClient(res, true); problem != "" {
		return nil, invalidResponse(http.MethodPost, routeOf(c.collectionPath()), problem)
	}
	return res, nil
}

// removeLostClient finds clients with the draft's name, scopes and validity created since
// start-clockSkew that this Client did not create successfully. One is deleted (it is the lost
// one, its secret is unknown); several are reported to the user; none means nothing was created.
func (c *Client) removeLostClient(ctx context.Context, d platform.ApiClientDraft, start time.Time) error {
	found, err := c.QueryAPIClients(ctx, []string{"name = " + QuotePredicate(d.Name)})
	if err != nil {
		return fmt.Errorf("could not check whether the failed request created a client (look for an API client named %q and delete it if it is unused): %w", d.Name, err)
	}
	c.mu.Lock()
	var cands []platform.ApiClient
	for _, a := range found {
		if c.created[a.ID] || !matchesDraft(a, d) {
			continue
		}
		if a.CreatedAt != nil && a.CreatedAt.Before(start.Add(-clockSkew)) {
			continue
		}
		cands = append(cands, a)
	}
	c.mu.Unlock()
	switch len(cands) {
	case 0:
		return nil
	case 1:
		id := cands[0].ID
		tflog.Debug(ctx, "deleting API client lost by a failed create request", map[string]any{"id": id, "name": d.Name})
		if _, err := c.DeleteAPIClient(ctx, id); err != nil && !IsNotFound(err) {
			return fmt.Errorf("could not delete API client %s that a failed request created (delete it yourself, its secret is lost): %w", id, err)
		}
		return nil
	}
	ids := make([]string, len(cands))
	for i, a := range cands {
		ids[i] = a.ID
	}
	return fmt.Errorf("a create request failed with an unknown outcome and %d API clients named %q with the same scopes were created recently: %s; "+
		"delete the ones that are not in use (their secrets cannot be read) and retry", len(ids), d.Name, strings.Join(ids, ", "))
}

// matchesDraft reports whether a listed client has the draft's scope set and validity settings.
func matchesDraft(a platform.ApiClient, d platform.ApiClientDraft) bool {
	if !slices.Equal(expandedScopes(a.Scope), expandedScopes(d.Scope)) {
		return false
	}
	if !sameValidity(a.AccessTokenValiditySeconds, d.AccessTokenValiditySeconds, defaultAccessTokenValidity) ||
		!sameValidity(a.RefreshTokenValiditySeconds, d.RefreshTokenValiditySeconds, defaultRefreshTokenValidity) {
		return false
	}
	return (a.DeleteAt != nil) == (d.DeleteDaysAfterCreation != nil)
}

func sameValidity(got, want *int, def int) bool {
	g, w := def, def
	if got != nil {
		g = *got
	}
	if want != nil {
		w = *want
	}
	return g == w
}

// expandedScopes returns the sorted scope set with the view_ scopes implied by manage_ scopes,
// so that a server that adds implied scopes or reorders them still matches.
func expandedScopes(s string) []string { return scopes.Normalize(strings.Fields(s)) }

// draftKey identifies drafts that recovery could confuse with each other.
func draftKey(d platform.ApiClientDraft) string {
	opt := func(p *int) string {
		if p == nil {
			return "-"
		}
		return strconv.Itoa(*p)
	}
	return strings.Join([]string{d.Name, strings.Join(expandedScopes(d.Scope), " "),
		opt(d.AccessTokenValiditySeconds), opt(d.RefreshTokenValiditySeconds), opt(d.DeleteDaysAfterCreation)}, "\x00")
}

// createLock serialises creates of identical drafts within this Client, so that recovery never
// mistakes a sibling's in-flight client for a lost one.
func (c *Client) createLock(key string) *sync.Mutex {
	c.mu.Lock()
	defer c.mu.Unlock()
	l, ok := c.createLocks[key]
	if !ok {
		l = &sync.Mutex{}
		c.createLocks[key] = l
	}
	return l
}
