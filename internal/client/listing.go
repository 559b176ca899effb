package client

import (
	"context"
	"slices"
	"sync"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// alwaysListPages is the largest listing (in pages of 500) that a refresh always fetches
// completely: at most two round trips more than the first page.
//
// Beyond it the first page decides. Ids are opaque and the listing is sorted by id, so the first
// page is a uniform sample of the collection: the share of the ids asked for so far that it holds
// estimates (conservatively: one hit fewer) how many of the collection's resources this
// configuration manages. Paging on costs one round trip per page; reading the rest by id costs
// about one round trip per readParallelism resources (Terraform refreshes ten resources at a time
// by default). The cheaper one is chosen, so a small configuration in a huge project costs one GET
// per resource after the first page, and a large one still costs ceil(total/500) requests.
const alwaysListPages = 3

// readParallelism is the number of concurrent reads assumed when pricing GETs against pages.
const readParallelism = 10

// pageLimit is the largest page size commercetools accepts.
const pageLimit = 500

// listing is one Client's snapshot of one collection, shared by every reader of that collection
// (single flight, pages of 500 sorted by id with an id cursor). It learns from this process's own
// work: creates and updates are remembered, deletes and 404s forgotten. Nothing outlives the
// process.
type listing[T any] struct {
	noun string
	id   func(*T) string
	// strip removes what must not be kept (an API client's secret); may be nil.
	strip func(*T)
	// page fetches up to 500 resources sorted by id after the cursor ("" = from the start).
	page func(ctx context.Context, after string, withTotal bool) (results []T, total *int, err error)
	// get reads one resource with one GET; a 404 is an error for which IsNotFound holds.
	get func(ctx context.Context, id string) (*T, error)

	mu       sync.Mutex
	loaded   bool // the listing has been taken
	complete bool // the listing holds every resource of the collection
	byID     map[string]T
	deleted  map[string]bool // ids forgotten by this Client, never re-added from a listing
	asked    map[string]bool // ids readers have asked for, the sample that prices the listing
	flight   *listFlight

	// When the listing stopped early: where to resume it and what the single GETs have cost.
	after      string
	remaining  int // resources the listing has not covered, from the first page's total
	gets       int
	restFlight *listFlight
}

type listFlight struct {
	done chan struct{}
	err  error
}

// remember records a resource seen in a response.
func (b *listing[T]) remember(v T) {
	if b.strip != nil {
		b.strip(&v)
	}
	id := b.id(&v)
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.byID == nil {
		b.byID = map[string]T{}
	}
	b.byID[id] = v
	delete(b.deleted, id)
}

// forget records that a resource no longer exists.
func (b *listing[T]) forget(id string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.byID, id)
	if b.deleted == nil {
		b.deleted = map[string]bool{}
	}
	b.deleted[id] = true
}

func (b *listing[T]) ask(id string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.asked == nil {
		b.asked = map[string]bool{}
	}
	b.asked[id] = true
}

func (b *listing[T]) lookup(id string) (T, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	v, ok := b.byID[id]
	return v, ok
}

// worthPaging decides, from the first page, whether reading the remaining pages is cheaper than
// reading the wanted resources one by one.
func (b *listing[T]) worthPaging(first []T, total int) (bool, int) {
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
	for i := range first {
		if b.asked[b.id(&first[i])] {
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

// read returns one resource from the shared listing. Resources not in the listing are read with
// one GET, which also confirms a 404 before it is returned.
func (b *listing[T]) read(ctx context.Context, id string) (*T, error) {
	if v, ok := b.lookup(id); ok {
		return &v, nil
	}
	b.ask(id)
	if err := b.ensure(ctx); err != nil {
		return nil, err
	}
	if v, ok := b.lookup(id); ok {
		return &v, nil
	}
	if b.shouldResume() {
		if err := b.finish(ctx); err != nil {
			return nil, err
		}
		if v, ok := b.lookup(id); ok {
			return &v, nil
		}
	}
	v, err := b.get(ctx, id)
	if err != nil {
		if IsNotFound(err) {
			b.forget(id)
		}
		return nil, err
	}
	b.remember(*v)
	return v, nil
}

// shouldResume counts one more single GET and reports whether the GETs made so far have cost as
// much as the rest of the listing would (in round trips at readParallelism): then the rest of the
// listing is read after all. Like renting skis until renting has cost the price of buying, this
// never costs more than twice the better choice made in hindsight.
func (b *listing[T]) shouldResume() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.complete || b.after == "" {
		return false
	}
	b.gets++
	pages := (b.remaining + pageLimit - 1) / pageLimit
	return b.gets > readParallelism*pages
}

// merge adds listed resources that this process has not learnt better about. The caller holds b.mu.
func (b *listing[T]) mergeLocked(listed []T) {
	if b.byID == nil {
		b.byID = make(map[string]T, len(listed))
	}
	for i := range listed {
		v := listed[i]
		id := b.id(&v)
		if _, known := b.byID[id]; !known && !b.deleted[id] {
			if b.strip != nil {
				b.strip(&v)
			}
			b.byID[id] = v
		}
	}
}

// finish reads the pages after the first one once; concurrent callers wait for it.
func (b *listing[T]) finish(ctx context.Context) error {
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
	f := &listFlight{done: make(chan struct{})}
	b.restFlight = f
	after, remaining := b.after, b.remaining
	b.mu.Unlock()

	var listed []T
	err := b.pagesAfter(ctx, after, remaining, func(page []T) { listed = append(listed, page...) })

	b.mu.Lock()
	if err == nil {
		b.mergeLocked(listed)
		b.complete = true
		tflog.Debug(ctx, "commercetools listing resumed and completed", map[string]any{"resource": b.noun, "listed": len(listed), "single_gets": b.gets})
	} else {
		b.restFlight = nil // a later reader may try again
	}
	f.err = err
	close(f.done)
	b.mu.Unlock()
	return err
}

// pagesAfter reads the pages after the cursor until a short page or until expected resources
// (from the first page's total; 0 = unknown) have been read.
func (b *listing[T]) pagesAfter(ctx context.Context, after string, expected int, each func([]T)) error {
	read := 0
	for {
		page, _, err := b.page(ctx, after, false)
		if err != nil {
			return err
		}
		each(page)
		read += len(page)
		if len(page) < pageLimit || (expected > 0 && read >= expected) {
			return nil
		}
		last := b.id(&page[len(page)-1])
		if last == after {
			return invalidResponse("GET", b.noun+" listing", "the id cursor did not advance")
		}
		after = last
	}
}

// ensure takes the listing once; concurrent callers wait for the same one.
func (b *listing[T]) ensure(ctx context.Context) error {
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
		f := &listFlight{done: make(chan struct{})}
		b.flight = f
		b.mu.Unlock()

		listed, complete, err := b.fetch(ctx)

		b.mu.Lock()
		if err == nil {
			b.mergeLocked(listed)
			b.loaded, b.complete = true, complete
		}
		b.flight = nil
		f.err = err
		close(f.done)
		b.mu.Unlock()
		return err
	}
}

// fetch reads page 1 with withTotal=true and decides from its total whether to read the rest
// (see alwaysListPages) or to stop there.
func (b *listing[T]) fetch(ctx context.Context) ([]T, bool, error) {
	first, total, err := b.page(ctx, "", true)
	if err != nil {
		return nil, false, err
	}
	all := first
	if len(first) < pageLimit {
		return all, true, nil
	}
	if total == nil {
		return all, false, nil
	}
	if len(all) >= *total {
		return all, true, nil
	}
	after := b.id(&first[len(first)-1])
	if ok, managed := b.worthPaging(first, *total); !ok {
		tflog.Debug(ctx, "commercetools listing kept to its first page; other resources are read by id",
			map[string]any{"resource": b.noun, "total": *total, "page_size": pageLimit, "estimated_managed": managed})
		b.mu.Lock()
		b.after, b.remaining = after, max(*total-len(first), 1)
		b.mu.Unlock()
		return all, false, nil
	}
	if err := b.pagesAfter(ctx, after, *total-len(first), func(page []T) { all = append(all, page...) }); err != nil {
		return nil, false, err
	}
	return all, true, nil
}

// all returns every resource of the collection, sorted by the listing's id: the whole listing,
// read once (pages of 500) and kept for the reads that follow, which then cost no request. An
// export or a `terraform query` of a collection costs one request per 500 of its resources.
func (b *listing[T]) all(ctx context.Context) ([]T, error) {
	if err := b.ensure(ctx); err != nil {
		return nil, err
	}
	b.mu.Lock()
	complete := b.complete
	b.mu.Unlock()
	if !complete {
		if err := b.finish(ctx); err != nil {
			return nil, err
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	ids := make([]string, 0, len(b.byID))
	for id := range b.byID {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	out := make([]T, len(ids))
	for i, id := range ids {
		out[i] = b.byID[id]
	}
	return out, nil
}
