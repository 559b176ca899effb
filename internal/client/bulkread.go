package client

import (
	"context"
	"net/http"
	"sync"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/labd/commercetools-go-sdk/platform"
)

// maxListingPages is the largest listing (in pages of 500) that ReadAPIClient fetches completely.
// When the first page's total says more pages are needed, only page 1 is kept and readers whose
// id is not on it do one GET each, so a small configuration in a huge project costs at most one
// extra round trip per client instead of paging through the whole project.
const maxListingPages = 2

// bulkState is one Client's snapshot of the project's API clients, shared by all readers.
type bulkState struct {
	mu       sync.Mutex
	loaded   bool // the listing has been taken
	complete bool // the listing holds every client of the project
	byID     map[string]platform.ApiClient
	deleted  map[string]bool // ids forgotten by this Client, never re-added from a listing
	flight   *bulkFlight
}

type bulkFlight struct {
	done chan struct{}
	err  error
}

// remember records a client seen in a response (without its secret).
func (b *bulkState) remember(a platform.ApiClient) {
	a.Secret = nil
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.byID == nil {
		b.byID = map[string]platform.ApiClient{}
	}
	b.byID[a.ID] = a
	delete(b.deleted, a.ID)
}

// forget records that a client no longer exists.
func (b *bulkState) forget(id string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.byID, id)
	if b.deleted == nil {
		b.deleted = map[string]bool{}
	}
	b.deleted[id] = true
}

func (b *bulkState) lookup(id string) (platform.ApiClient, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	a, ok := b.byID[id]
	return a, ok
}

// ReadAPIClient returns one API client from a listing shared by every reader of this Client
// (single-flight, pages of 500 with an id cursor). Clients not in the listing are read with one
// GET, which also confirms a 404 before it is returned.
func (c *Client) ReadAPIClient(ctx context.Context, id string) (*platform.ApiClient, error) {
	if err := checkID(id); err != nil {
		return nil, err
	}
	if a, ok := c.bulk.lookup(id); ok {
		return &a, nil
	}
	if err := c.ensureListing(ctx); err != nil {
		return nil, err
	}
	if a, ok := c.bulk.lookup(id); ok {
		return &a, nil
	}
	return c.GetAPIClient(ctx, id)
}

// ensureListing takes the listing once; concurrent callers wait for the same one.
func (c *Client) ensureListing(ctx context.Context) error {
	b := &c.bulk
	for {
		b.mu.Lock()
		if b.loaded {
			b.mu.Unlock()
			return nil
		}
		if f := b.flight; f != nil {
			b.mu.Unlock()
			select {
			case <-f.done:
			case <-ctx.Done():
				return ctx.Err()
			}
			if f.err == nil {
				return nil
			}
			if isContextError(f.err) && ctx.Err() == nil {
				continue
			}
			return f.err
		}
		f := &bulkFlight{done: make(chan struct{})}
		b.flight = f
		b.mu.Unlock()

		listed, complete, err := c.fetchListing(ctx)

		b.mu.Lock()
		if err == nil {
			if b.byID == nil {
				b.byID = map[string]platform.ApiClient{}
			}
			for _, a := range listed {
				if _, known := b.byID[a.ID]; !known && !b.deleted[a.ID] {
					b.byID[a.ID] = a
				}
			}
			b.loaded, b.complete = true, complete
		}
		b.flight = nil
		f.err = err
		close(f.done)
		b.mu.Unlock()
		return err
	}
}

// fetchListing reads page 1 with withTotal=true and decides from its total whether to read the
// rest (at most maxListingPages pages) or to stop there.
func (c *Client) fetchListing(ctx context.Context) ([]platform.ApiClient, bool, error) {
	first, err := c.queryPage(ctx, nil, "", true)
	if err != nil {
		return nil, false, err
	}
	all := first.Results
	if len(first.Results) < pageLimit {
		return all, true, nil
	}
	if first.Total == nil || (*first.Total+pageLimit-1)/pageLimit > maxListingPages {
		total := -1
		if first.Total != nil {
			total = *first.Total
		}
		tflog.Debug(ctx, "commercetools API client listing kept to its first page; other clients are read by id",
			map[string]any{"total": total, "page_size": pageLimit, "max_pages": maxListingPages})
		return all, false, nil
	}
	total := *first.Total
	after := first.Results[len(first.Results)-1].ID
	for len(all) < total {
		page, err := c.queryPage(ctx, nil, after, false)
		if err != nil {
			return nil, false, err
		}
		all = append(all, page.Results...)
		if len(page.Results) < pageLimit {
			break
		}
		last := page.Results[len(page.Results)-1].ID
		if last == after {
			return nil, false, invalidResponse(http.MethodGet, routeOf(c.collectionPath()), "the id cursor did not advance")
		}
		after = last
	}
	return all, true, nil
}
