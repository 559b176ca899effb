package client

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/labd/commercetools-go-sdk/platform"
)

func (c *Client) collectionPath() string { return "/" + c.cfg.ProjectKey + "/api-clients" }

func (c *Client) itemPath(id string) string { return c.collectionPath() + "/" + id }

// GetAPIClient reads one API client with one GET. A missing client yields an *APIError with
// status 404 (see IsNotFound).
func (c *Client) GetAPIClient(ctx context.Context, id string) (*platform.ApiClient, error) {
	res, err := c.byID(ctx, http.MethodGet, id, func(ctx context.Context) (*platform.ApiClient, error) {
		return c.api.ApiClients().WithId(id).Get().Execute(ctx)
	})
	if err == nil {
		c.bulk.remember(*res)
	}
	return res, err
}

// DeleteAPIClient deletes one API client with one DELETE and returns it as it was. A missing
// client yields an *APIError with status 404, which callers may treat as already deleted.
func (c *Client) DeleteAPIClient(ctx context.Context, id string) (*platform.ApiClient, error) {
	res, err := c.byID(ctx, http.MethodDelete, id, func(ctx context.Context) (*platform.ApiClient, error) {
		return c.api.ApiClients().WithId(id).Delete().Execute(ctx)
	})
	if err == nil {
		c.bulk.forget(id)
	}
	return res, err
}

// byID sends one request addressed to a client id and checks the client in the response. A 404
// drops the id from the bulk-read snapshot.
func (c *Client) byID(ctx context.Context, method, id string, exec func(context.Context) (*platform.ApiClient, error)) (*platform.ApiClient, error) {
	if err := checkID("API client", id); err != nil {
		return nil, err
	}
	var res *platform.ApiClient
	err := c.call(ctx, method, c.itemPath(id), func(ctx context.Context) error {
		r, err := exec(ctx)
		res = r
		return err
	})
	if err != nil {
		if IsNotFound(err) {
			c.bulk.forget(id)
		}
		return nil, err
	}
	if problem := checkAPIClient(res, false); problem != "" {
		return nil, invalidResponse(method, routeOf(c.itemPath(id)), problem)
	}
	return res, nil
}

// QueryAPIClients returns every API client matching all where predicates, paging with an id
// cursor (so more than 10,000 results work), sorted by createdAt then id.
func (c *Client) QueryAPIClients(ctx context.Context, where []string) ([]platform.ApiClient, error) {
	var all []platform.ApiClient
	seen := map[string]bool{}
	after := ""
	for {
		page, err := c.queryPage(ctx, where, after, false)
		if err != nil {
			return nil, err
		}
		for _, r := range page.Results {
			if !seen[r.ID] {
				seen[r.ID] = true
				all = append(all, r)
			}
		}
		if len(page.Results) < pageLimit {
			break
		}
		last := page.Results[len(page.Results)-1].ID
		if last == after {
			return nil, invalidResponse(http.MethodGet, routeOf(c.collectionPath()), "the id cursor did not advance")
		}
		after = last
	}
	slices.SortFunc(all, func(a, b platform.ApiClient) int {
		if d := compareCreatedAt(a, b); d != 0 {
			return d
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return all, nil
}

func compareCreatedAt(a, b platform.ApiClient) int {
	switch {
	case a.CreatedAt == nil && b.CreatedAt == nil:
		return 0
	case a.CreatedAt == nil:
		return -1
	case b.CreatedAt == nil:
		return 1
	}
	return a.CreatedAt.Compare(*b.CreatedAt)
}

// queryPage fetches one page of up to 500 clients sorted by id, starting after the given id.
func (c *Client) queryPage(ctx context.Context, where []string, after string, withTotal bool) (*platform.ApiClientPagedQueryResponse, error) {
	preds := slices.Clone(where)
	if after != "" {
		preds = append(preds, "id > "+QuotePredicate(after))
	}
	limit := pageLimit
	input := platform.ByProjectKeyApiClientsRequestMethodGetInput{
		Sort: []string{"id asc"}, Limit: &limit, WithTotal: &withTotal, Where: preds,
	}
	var res *platform.ApiClientPagedQueryResponse
	err := c.call(ctx, http.MethodGet, c.collectionPath(), func(ctx context.Context) error {
		r, err := c.api.ApiClients().Get().WithQueryParams(input).Execute(ctx)
		res = r
		return err
	})
	if err != nil {
		return nil, err
	}
	route := routeOf(c.collectionPath())
	if res == nil {
		return nil, invalidResponse(http.MethodGet, route, "empty query response")
	}
	for i := range res.Results {
		if problem := checkAPIClient(&res.Results[i], false); problem != "" {
			return nil, invalidResponse(http.MethodGet, route, fmt.Sprintf("result %d: %s", i, problem))
		}
	}
	return res, nil
}

// QuotePredicate renders s as a string literal of the commercetools query predicate language.
func QuotePredicate(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// checkAPIClient returns a description of what is wrong with a decoded API client, or "".
func checkAPIClient(a *platform.ApiClient, wantSecret bool) string {
	switch {
	case a == nil:
		return "empty response body"
	case a.ID == "":
		return "API client without id"
	case wantSecret && (a.Secret == nil || *a.Secret == ""):
		return "created API client " + a.ID + " has no secret in the response"
	}
	return ""
}

// ExchangeToken obtains a token for arbitrary credentials at the configured token URL (for an
// ephemeral access-token resource). It uses the same retries and redacting logs and is never cached.
func (c *Client) ExchangeToken(ctx context.Context, clientID, clientSecret string, scopes []string) (*Token, error) {
	if clientID == "" || clientSecret == "" {
		return nil, fmt.Errorf("exchanging a token needs a client id and a client secret")
	}
	return fetchToken(ctx, c.tokenHTTP, c.cfg.TokenURL, c.userAgent, clientID, clientSecret, cleanScopes(scopes))
}
