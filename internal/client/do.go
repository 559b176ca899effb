package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

// do sends one JSON request to the API through the client's transport stack (token, retries,
// redacting logs) and decodes a 2xx body into out (when out is not nil). It returns the raw body
// of a 2xx response. Any other status is an *APIError; transport failures keep the typed errors
// of the retry transport (ErrOutcomeUnknown for a POST that may have been processed).
//
// path is absolute below the API host, e.g. "/my-project/channels/key=abc"; query may be nil.
func (c *Client) do(ctx context.Context, method, path string, query url.Values, body, out any) ([]byte, error) {
	route := routeOf(path)
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return nil, fmt.Errorf("encoding the %s %s request body: %w", method, route, err)
		}
	}
	target := c.cfg.APIURL + path
	if len(query) > 0 {
		target += "?" + query.Encode()
	}
	ctx, ci := withCallInfo(ctx)
	req, err := http.NewRequestWithContext(ctx, method, target, nil)
	if err != nil {
		return nil, fmt.Errorf("building the %s %s request: %w", method, route, err)
	}
	if payload != nil {
		req.Body = io.NopCloser(bytes.NewReader(payload))
		req.ContentLength = int64(len(payload))
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(payload)), nil }
		req.Header.Set("Content-Type", "application/json; charset=utf-8")
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)

	resp, err := c.apiHTTP.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) && ue.Err != nil {
			err = ue.Err // the URL may hold a key; the route in our message is enough
		}
		return nil, c.translate(ctx, err, ci.snapshot(), method, route)
	}
	data, err := bufferBody(resp)
	drainClose(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("commercetools API %s %s: reading the response: %w", method, route, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		snap := ci.snapshot()
		if snap.status != resp.StatusCode { // a response the transport did not record (should not happen)
			snap = callSnapshot{status: resp.StatusCode, contentType: resp.Header.Get("Content-Type"),
				correlationID: resp.Header.Get("X-Correlation-ID"), body: data}
		}
		return nil, apiErrorFrom(method, route, snap, c.secrets(ctx))
	}
	if out != nil {
		if len(bytes.TrimSpace(data)) == 0 {
			return nil, invalidResponse(method, route, "empty response body")
		}
		if err := json.Unmarshal(data, out); err != nil {
			return nil, fmt.Errorf("%w: %s %s returned status %d with a body that cannot be decoded (%s): %s",
				ErrInvalidResponse, method, route, resp.StatusCode, redactText(err.Error(), c.secrets(ctx)),
				snippet(data, resp.Header.Get("Content-Type"), c.secrets(ctx)))
		}
	}
	return data, nil
}
