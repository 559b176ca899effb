package client

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"sync"
)

// maxBodyBytes bounds how much of a response body is buffered (a page of 500 API clients is ~200 KB).
const maxBodyBytes = 64 << 20

type ctxKey int

const (
	callInfoKey ctxKey = iota
	attemptKey
	idempotentKey
	extraSecretsKey
)

// callInfo records what the transport saw for the last response of one client call, so that
// errors can carry the status, headers and raw body that the SDK does not expose.
type callInfo struct {
	mu            sync.Mutex
	status        int
	contentType   string
	correlationID string
	body          []byte
	attempts      int
	lastErrClass  string
}

func (ci *callInfo) record(resp *http.Response, body []byte) {
	if ci == nil {
		return
	}
	ci.mu.Lock()
	defer ci.mu.Unlock()
	ci.status = resp.StatusCode
	ci.contentType = resp.Header.Get("Content-Type")
	ci.correlationID = resp.Header.Get("X-Correlation-ID")
	ci.body = body
}

func (ci *callInfo) recordAttempt(errClass string) {
	if ci == nil {
		return
	}
	ci.mu.Lock()
	defer ci.mu.Unlock()
	ci.attempts++
	ci.lastErrClass = errClass
}

type callSnapshot struct {
	status                     int
	contentType, correlationID string
	body                       []byte
	attempts                   int
	lastErrClass               string
}

func (ci *callInfo) snapshot() callSnapshot {
	ci.mu.Lock()
	defer ci.mu.Unlock()
	return callSnapshot{ci.status, ci.contentType, ci.correlationID, ci.body, ci.attempts, ci.lastErrClass}
}

func withCallInfo(ctx context.Context) (context.Context, *callInfo) {
	ci := &callInfo{}
	return context.WithValue(ctx, callInfoKey, ci), ci
}

func callInfoFrom(ctx context.Context) *callInfo {
	ci, _ := ctx.Value(callInfoKey).(*callInfo)
	return ci
}

// withIdempotent marks requests made with ctx as safe to retry like GETs (used for token requests).
func withIdempotent(ctx context.Context) context.Context {
	return context.WithValue(ctx, idempotentKey, true)
}

func isIdempotentCtx(ctx context.Context) bool {
	v, _ := ctx.Value(idempotentKey).(bool)
	return v
}

// withExtraSecrets adds values that must be masked in logs and errors for requests made with ctx.
func withExtraSecrets(ctx context.Context, secrets ...string) context.Context {
	prev := extraSecretsFrom(ctx)
	all := append(append([]string(nil), prev...), secrets...)
	return context.WithValue(ctx, extraSecretsKey, all)
}

func extraSecretsFrom(ctx context.Context) []string {
	s, _ := ctx.Value(extraSecretsKey).([]string)
	return s
}

func attemptFrom(ctx context.Context) int {
	a, _ := ctx.Value(attemptKey).(int)
	return a
}

// bufferBody reads the whole response body into memory and replaces it with a re-readable copy.
func bufferBody(resp *http.Response) ([]byte, error) {
	if resp.Body == nil || resp.Body == http.NoBody {
		resp.Body = http.NoBody
		return nil, nil
	}
	if br, ok := resp.Body.(*bufferedBody); ok {
		resp.Body = &bufferedBody{Reader: bytes.NewReader(br.data), data: br.data}
		return br.data, nil
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBodyBytes))
	closeErr := resp.Body.Close()
	if err == nil {
		err = closeErr
	}
	resp.Body = &bufferedBody{Reader: bytes.NewReader(data), data: data}
	return data, err
}

// bufferedBody is an in-memory response body that remembers its bytes.
type bufferedBody struct {
	*bytes.Reader
	data []byte
}

// Close implements io.Closer.
func (*bufferedBody) Close() error { return nil }

// drainClose discards what is left of a body and closes it.
func drainClose(body io.ReadCloser) {
	if body == nil {
		return
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(body, 1<<20))
	_ = body.Close()
}
