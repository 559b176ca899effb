package client

import (
	"context"

	"github.com/labd/commercetools-go-sdk/platform"
)

// apiClientListing is the shared listing behind ReadAPIClient. API clients are read through the
// SDK (they are not versioned and their secret must never be kept in the listing).
func (c *Client) apiClientListing() *listing[platform.ApiClient] {
	return &listing[platform.ApiClient]{
		noun:  "API client",
		id:    func(a *platform.ApiClient) string { return a.ID },
		strip: func(a *platform.ApiClient) { a.Secret = nil },
		page: func(ctx context.Context, after string, withTotal bool) ([]platform.ApiClient, *int, error) {
			res, err := c.queryPage(ctx, nil, after, withTotal)
			if err != nil {
				return nil, nil, err
			}
			return res.Results, res.Total, nil
		},
		get: c.GetAPIClient,
	}
}

// ReadAPIClient returns one API client from a listing shared by every reader of this Client
// (single-flight, pages of 500 with an id cursor). Clients not in the listing are read with one
// GET, which also confirms a 404 before it is returned.
func (c *Client) ReadAPIClient(ctx context.Context, id string) (*platform.ApiClient, error) {
	if err := checkID("API client", id); err != nil {
		return nil, err
	}
	return c.bulk.read(ctx, id)
}

// AllAPIClients returns every API client of the project, sorted by id, from the shared listing
// (secrets are never part of a listing).
func (c *Client) AllAPIClients(ctx context.Context) ([]platform.ApiClient, error) {
	return c.bulk.all(ctx)
}
