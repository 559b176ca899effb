package client

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// maxLoggedBody bounds the size of a body written to the TRACE log.
const maxLoggedBody = 16 << 10

// loggingTransport writes one TRACE line per request and per response. Bodies are redacted
// (sensitive JSON keys and form fields become "***"), headers are never logged, and the logging
// context additionally masks the configured secret and current tokens.
type loggingTransport struct {
	next    http.RoundTripper
	secrets func(context.Context) []string
}

// RoundTrip implements http.RoundTripper.
func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if !tflog.IsTrace(ctx) {
		return t.next.RoundTrip(req)
	}
	secrets := t.secrets(ctx)
	lctx := maskContext(ctx, secrets)
	target := req.URL.EscapedPath()
	if req.URL.RawQuery != "" {
		target += "?" + req.URL.RawQuery
	}
	fields := map[string]any{
		"method":  req.Method,
		"url":     redactText(target, secrets),
		"attempt": attemptFrom(ctx),
	}
	if req.GetBody != nil {
		if b, err := req.GetBody(); err == nil {
			data, readErr := readAllClose(b)
			if readErr == nil && len(data) > 0 {
				fields["body"] = truncate(redactBody(data, req.Header.Get("Content-Type"), secrets), maxLoggedBody)
			}
		}
	}
	tflog.Trace(lctx, "commercetools HTTP request", fields)
	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	rfields := map[string]any{
		"method":      req.Method,
		"route":       routeOf(req.URL.Path),
		"attempt":     attemptFrom(ctx),
		"duration_ms": time.Since(start).Milliseconds(),
	}
	if err != nil {
		rfields["error"] = errorClass(err)
		tflog.Trace(lctx, "commercetools HTTP request failed", rfields)
		return nil, err
	}
	rfields["status"] = resp.StatusCode
	if id := resp.Header.Get("X-Correlation-ID"); id != "" {
		rfields["correlation_id"] = id
	}
	data, err := bufferBody(resp)
	if err != nil {
		rfields["error"] = errorClass(err)
		tflog.Trace(lctx, "commercetools HTTP response body could not be read", rfields)
		return nil, fmt.Errorf("reading response body: %w", err)
	}
	if len(data) > 0 {
		rfields["body"] = truncate(redactBody(data, resp.Header.Get("Content-Type"), secrets), maxLoggedBody)
	}
	tflog.Trace(lctx, "commercetools HTTP response", rfields)
	return resp, nil
}

// maskContext adds the given secrets to the tflog masking options of ctx.
func maskContext(ctx context.Context, secrets []string) context.Context {
	var use []string
	for _, s := range secrets {
		if len(s) >= 4 {
			use = append(use, s)
		}
	}
	if len(use) == 0 {
		return ctx
	}
	ctx = tflog.MaskAllFieldValuesStrings(ctx, use...)
	return tflog.MaskMessageStrings(ctx, use...)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…(truncated)"
}

func readAllClose(rc io.ReadCloser) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(rc, maxBodyBytes))
	if cerr := rc.Close(); err == nil {
		err = cerr
	}
	return data, err
}
