package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"time"
)

// CustomObject is a CustomObject as the API returns it: a JSON value addressed by container and
// key.
type CustomObject struct {
	ID        string          `json:"id"`
	Version   int64           `json:"version"`
	CreatedAt time.Time       `json:"createdAt"`
	Container string          `json:"container"`
	Key       string          `json:"key"`
	Value     json.RawMessage `json:"value"`
}

var (
	// containerPattern and objectKeyPattern are CustomObjectDraft's container and key.
	containerPattern = regexp.MustCompile(`^[-_~.a-zA-Z0-9]+$`)
	objectKeyPattern = regexp.MustCompile(`^[-_~.a-zA-Z0-9]{1,256}$`)
)

// CheckCustomObjectAddress reports a container or key the API does not accept (and that could
// change the request path).
func CheckCustomObjectAddress(container, key string) error {
	if !containerPattern.MatchString(container) {
		return fmt.Errorf("invalid custom object container %q: it has the characters A-Z, a-z, 0-9, '-', '_', '~' and '.'", container)
	}
	if !objectKeyPattern.MatchString(key) {
		return fmt.Errorf("invalid custom object key %q: it has 1 to 256 characters of A-Z, a-z, 0-9, '-', '_', '~' and '.'", key)
	}
	return nil
}

func (c *Client) customObjectPath(container, key string) (string, error) {
	if err := CheckCustomObjectAddress(container, key); err != nil {
		return "", err
	}
	return "/" + c.cfg.ProjectKey + "/custom-objects/" + container + "/" + key, nil
}

// GetCustomObject reads one custom object; a missing one is an error for which IsNotFound holds.
func (c *Client) GetCustomObject(ctx context.Context, container, key string) (*CustomObject, error) {
	p, err := c.customObjectPath(container, key)
	if err != nil {
		return nil, err
	}
	var o CustomObject
	if _, err := c.do(ctx, http.MethodGet, p, nil, nil, &o); err != nil {
		if IsNotFound(err) {
			c.containerListing(container).forget(key)
		}
		return nil, err
	}
	c.containerListing(container).remember(o)
	return &o, nil
}

// ReadCustomObject returns one custom object for a refresh. Reads of one container share one
// listing per Client (the container's query, pages of 500 sorted by key), so refreshing the
// objects of a container costs one request per 500 of them; an object missing from the listing
// is read with one GET, which confirms a 404. The API has no project-wide listing that is not
// deprecated: the container is its collection.
func (c *Client) ReadCustomObject(ctx context.Context, container, key string) (*CustomObject, error) {
	if _, err := c.customObjectPath(container, key); err != nil {
		return nil, err
	}
	return c.containerListing(container).read(ctx, key)
}

// containerListing is this Client's shared listing of one container, by key.
func (c *Client) containerListing(container string) *listing[CustomObject] {
	name := "custom-objects/" + container
	c.listingsMu.Lock()
	defer c.listingsMu.Unlock()
	if l, ok := c.listings[name].(*listing[CustomObject]); ok {
		return l
	}
	l := &listing[CustomObject]{
		noun: "custom object",
		id:   func(o *CustomObject) string { return o.Key },
		page: func(ctx context.Context, after string, withTotal bool) ([]CustomObject, *int, error) {
			q := url.Values{"limit": {strconv.Itoa(pageLimit)}, "sort": {"key asc"}, "withTotal": {strconv.FormatBool(withTotal)}}
			if after != "" {
				q.Add("where", "key > "+QuotePredicate(after))
			}
			var res pagedResponse[CustomObject]
			if _, err := c.do(ctx, http.MethodGet, "/"+c.cfg.ProjectKey+"/custom-objects/"+container, q, nil, &res); err != nil {
				return nil, nil, err
			}
			return res.Results, res.Total, nil
		},
		get: func(ctx context.Context, key string) (*CustomObject, error) {
			return c.GetCustomObject(ctx, container, key)
		},
	}
	c.listings[name] = l
	return l
}

// customObjectDraft is CustomObjectDraft.
type customObjectDraft struct {
	Container string          `json:"container"`
	Key       string          `json:"key"`
	Value     json.RawMessage `json:"value"`
	Version   *int64          `json:"version,omitempty"`
}

// PutCustomObject creates the object or replaces its value (the API's create-or-update). With a
// version, the API refuses the write (409) unless the object has that version. The request
// writes a whole value, so sending it again after a lost response writes the same document: it
// is retried like a GET.
func (c *Client) PutCustomObject(ctx context.Context, container, key string, value json.RawMessage, version *int64) (*CustomObject, error) {
	if _, err := c.customObjectPath(container, key); err != nil {
		return nil, err
	}
	var o CustomObject
	body := customObjectDraft{Container: container, Key: key, Value: value, Version: version}
	if _, err := c.do(withIdempotent(ctx), http.MethodPost, "/"+c.cfg.ProjectKey+"/custom-objects", nil, body, &o); err != nil {
		return nil, err
	}
	c.containerListing(container).remember(o)
	return &o, nil
}

// DeleteCustomObject deletes the object at version (its values are not erased for data
// protection purposes: dataErasure is false).
func (c *Client) DeleteCustomObject(ctx context.Context, container, key string, version int64) error {
	p, err := c.customObjectPath(container, key)
	if err != nil {
		return err
	}
	_, err = c.do(ctx, http.MethodDelete, p, url.Values{"version": {strconv.FormatInt(version, 10)}}, nil, nil)
	if err == nil || IsNotFound(err) {
		c.containerListing(container).forget(key)
	}
	return err
}

// CustomObjectByID finds a custom object by its id (for an import by id: the API addresses
// custom objects by container and key only), with the project-wide query.
func (c *Client) CustomObjectByID(ctx context.Context, id string) (*CustomObject, error) {
	if err := checkID("custom object", id); err != nil {
		return nil, err
	}
	var page pagedResponse[CustomObject]
	q := url.Values{"where": {fmt.Sprintf("id = %q", id)}, "limit": {"1"}}
	if _, err := c.do(ctx, http.MethodGet, "/"+c.cfg.ProjectKey+"/custom-objects", q, nil, &page); err != nil {
		return nil, err
	}
	if len(page.Results) == 0 {
		return nil, &APIError{StatusCode: http.StatusNotFound, Code: "ResourceNotFound",
			Message: fmt.Sprintf("no custom object with id %q", id)}
	}
	return &page.Results[0], nil
}

// AllCustomObjects returns every custom object of one container (sorted by key, from the
// container's shared listing), or of the project when container is "" (the project-wide query,
// which the API keeps although it calls it deprecated: nothing else lists every container;
// sorted by id, pages of 500 with an id cursor). Objects listed project-wide are remembered in
// their container's listing, so reading them afterwards costs no request.
func (c *Client) AllCustomObjects(ctx context.Context, container string) ([]CustomObject, error) {
	if container != "" {
		if !containerPattern.MatchString(container) {
			return nil, fmt.Errorf("invalid custom object container %q: %s", container, "it must match "+containerPattern.String())
		}
		return c.containerListing(container).all(ctx)
	}
	var all []CustomObject
	after := ""
	for {
		q := url.Values{"limit": {strconv.Itoa(pageLimit)}, "sort": {"id asc"}, "withTotal": {"false"}}
		if after != "" {
			q.Add("where", "id > "+QuotePredicate(after))
		}
		var page pagedResponse[CustomObject]
		if _, err := c.do(ctx, http.MethodGet, "/"+c.cfg.ProjectKey+"/custom-objects", q, nil, &page); err != nil {
			return nil, err
		}
		for _, o := range page.Results {
			c.containerListing(o.Container).remember(o)
		}
		all = append(all, page.Results...)
		if len(page.Results) < pageLimit {
			return all, nil
		}
		last := page.Results[len(page.Results)-1].ID
		if last == after {
			return nil, invalidResponse(http.MethodGet, "custom object listing", "the id cursor did not advance")
		}
		after = last
	}
}
