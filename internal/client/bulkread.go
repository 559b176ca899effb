package client

import (
	"context"
	"net/http"
	"sync"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/labd/commercetools-go-sdk/platform"
)

// alwaysListPages is the largest listing (in pages of 500) that ReadAPIClient always fetches
// completely: at most two round trips more than the first page.
//
// Beyond it the first page decides. Ids are opaque and the listing is sorted by id, so the first
// page is a uniform sample of the project: the share of the ids asked for so far that it holds
// estimates (conservatively: one hit fewer) how many of the project's clients this configuration
// manages. Paging on costs one
// round trip per page; reading the rest by id costs about one round trip per readParallelism
// clients (Terraform refreshes ten resources at a time by default). The cheaper one is chosen, so
// a small configuration in a huge project costs one GET per client after the first page, and a
// large one still costs ceil(total/500) requests.
const alwaysListPages = 3

// readParallelism is the number of concurrent reads assumed when pricing GETs against pages.
const readParallelism = 10

// bulkState is one Client's snapshot of the project's API clients, shared by all readers.
type bulkState struct {
	mu       sync.Mutex
	loaded   bool // the listing has been taken
	complete bool // the listing holds every client of the project
	byID     map[string]platform.ApiClient
	deleted  map[string]bool // ids forgotten by this Client, never re-added from a listing
	asked    map[string]bool // ids readers have asked for, the sample that prices the listing
	flight   *bulkFlight

	// When the listing stopped early: where to resume it and what the single GETs have cost.
	after      string
	remaining  int // clients the listing has not covered, from the first page's total
	gets       int
	restFlight *bulkFlight
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

// ask records that a reader wants id.
func (b *bulkState) ask(id string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.asked == nil {
		b.asked = map[string]bool{}
	}
	b.asked[id] = true
}

// worthPaging decides, from the first page, whether reading the remaining pages is cheaper than
// reading the wanted clients one by one.
func (b *bulkState) worthPaging(first []platform.ApiClient, total int) (bool, int) {
	pages := (total + pageLimit - 1) / pageLimit
	if pages <= alwaysListPages {
		return true, total
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.asked) == 0 {
		return false, 0
	}
	hits := 0
	for _, a := range first {
		if b.asked[a.ID] {
			hits++
		}
	}
	// A lower bound: one hit alone is weak evidence in a sample of ten.
	managed := 0
	if hits > 1 {
		managed = total * (hits - 1) / len(b.asked)
	}
	return pages-1 <= (managed+readParallelism-1)/readParallelism, managed
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
	c.bulk.ask(id)
	if err := c.ensureListing(ctx); err != nil {
		return nil, err
	}
	if a, ok := c.bulk.lookup(id); ok {
		return &a, nil
	}
	if c.bulk.shouldResume() {
		if err := c.finishListing(ctx); err != nil {
			return nil, err
		}
		if a, ok := c.bulk.lookup(id); ok {
			return &a, nil
		}
	}
	return c.GetAPIClient(ctx, id)
}

// shouldResume counts one more single GET and reports whether the GETs made so far have cost as
// much as the rest of the listing would (in round trips at readParallelism): then the rest of the
// listing is read after all. Like renting skis until renting has cost the price of buying, this
// never costs more than twice the better choice made in hindsight.
func (b *bulkState) shouldResume() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.complete || b.after == "" {
		return false
	}
	b.gets++
	pages := (b.remaining + pageLimit - 1) / pageLimit
	return b.gets > readParallelism*pages
}

// finishListing reads the pages after the first one once; concurrent callers wait for it.
func (c *Client) finishListing(ctx context.Context) error {
	b := &c.bulk
	b.mu.Lock()
	if b.complete {
		b.mu.Unlock()
		return nil
	}
	if f := b.restFlight; f != nil {
		b.mu.Unlock()
		select {
		case <-f.done:
			return f.err
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	f := &bulkFlight{done: make(chan struct{})}
	b.restFlight = f
	after, remaining := b.after, b.remaining
	b.mu.Unlock()

	var listed []platform.ApiClient
	err := c.pagesAfter(ctx, after, remaining, func(page []platform.ApiClient) { listed = append(listed, page...) })

	b.mu.Lock()
	if err == nil {
		for _, a := range listed {
			if _, known := b.byID[a.ID]; !known && !b.deleted[a.ID] {
				b.byID[a.ID] = a
			}
		}
		b.complete = true
		tflog.Debug(ctx, "commercetools API client listing resumed and completed", map[string]any{"listed": len(listed), "single_gets": b.gets})
	} else {
		b.restFlight = nil // a later reader may try again
	}
	f.err = err
	close(f.done)
	b.mu.Unlock()
	return err
}

// pagesAfter reads the pages after the cursor, sorted by id, until a short page or until
// expected clients (from the first page's total; 0 = unknown) have been read.
func (c *Client) pagesAfter(ctx context.Context, after string, expected int, each func([]platform.ApiClient)) error {
	read := 0
	for {
		page, err := c.queryPage(ctx, nil, after, false)
		if err != nil {
			return err
		}
		each(page.Results)
		read += len(page.Results)
		if len(page.Results) < pageLimit || (expected > 0 && read >= expected) {
			return nil
		}
		last := page.Results[len(page.Results)-1].ID
		if last == after {
			return invalidResponse(http.MethodGet, routeOf(c.collectionPath()), "the id cursor did not advance")
		}
		after = last
	}
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
// rest (see alwaysListPages) or to stop there.
func (c *Client) fetchListing(ctx context.Context) ([]platform.ApiClient, bool, error) {
	first, err := c.queryPage(ctx, nil, "", true)
	if err != nil {
		return nil, false, err
	}
	all := first.Results
	if len(first.Results) < pageLimit {
		return all, true, nil
	}
	if first.Total == nil {
		return all, false, nil
	}
	if len(all) >= *first.Total {
		return all, true, nil
	}
	after := first.Results[len(first.Results)-1].ID
	if ok, managed := c.bulk.worthPaging(first.Results, *first.Total); !ok {
		tflog.Debug(ctx, "commercetools API client listing kept to its first page; other clients are read by id",
			map[string]any{"total": *first.Total, "page_size": pageLimit, "estimated_managed": managed})
		c.bulk.mu.Lock()
		c.bulk.after, c.bulk.remaining = after, max(*first.Total-len(first.Results), 1)
		c.bulk.mu.Unlock()
		return all, false, nil
	}
	if err := c.pagesAfter(ctx, after, *first.Total-len(first.Results), func(page []platform.ApiClient) { all = append(all, page...) }); err != nil {
		return nil, false, err
	}
	return all, true, nil
}
