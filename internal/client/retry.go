package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptrace"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// maxRetryAfter is the longest Retry-After we are willing to sleep for; longer waits give up at once.
const maxRetryAfter = 5 * time.Minute

// retryTransport retries failed attempts according to the policy documented in DESIGN.md:
// 429 and 503 always; 500/502/504 and transport errors only for idempotent requests or when the
// request provably never reached the server. Every attempt has its own timeout and a buffered body.
type retryTransport struct {
	next           http.RoundTripper
	maxRetries     int
	attemptTimeout time.Duration
	minBackoff     time.Duration
	maxBackoff     time.Duration
	secrets        func(context.Context) []string
}

// requestError is returned by the retry transport when no usable response could be obtained.
type requestError struct {
	Method, Route string
	Attempts      int
	Status        int
	Last          string // class of the last failed attempt, when the context ended the call
	Cause         error
	Unknown       bool
}

func (e *requestError) Error() string {
	msg := fmt.Sprintf("commercetools API %s %s failed after %d attempt(s)", e.Method, e.Route, e.Attempts)
	if e.Status != 0 {
		msg += fmt.Sprintf(": status %d", e.Status)
	}
	if e.Cause != nil {
		msg += ": " + e.Cause.Error()
	}
	if e.Last != "" {
		msg += " (last attempt: " + e.Last + ")"
	}
	if e.Unknown {
		msg += "; " + ErrOutcomeUnknown.Error()
	}
	return oneLine(msg)
}

func (e *requestError) Unwrap() []error {
	var errs []error
	if e.Cause != nil {
		errs = append(errs, e.Cause)
	}
	if e.Unknown {
		errs = append(errs, ErrOutcomeUnknown)
	}
	return errs
}

// RoundTrip implements http.RoundTripper.
func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	ci := callInfoFrom(ctx)
	route := routeOf(req.URL.Path)
	idempotent := isIdempotentCtx(ctx) || req.Method == http.MethodGet || req.Method == http.MethodHead ||
		req.Method == http.MethodDelete || req.Method == http.MethodOptions
	for attempt := 1; ; attempt++ {
		body := req.Body
		if attempt > 1 && req.Body != nil && req.Body != http.NoBody {
			if req.GetBody == nil {
				return nil, &requestError{Method: req.Method, Route: route, Attempts: attempt - 1,
					Cause: errors.New("request body cannot be replayed")}
			}
			b, err := req.GetBody()
			if err != nil {
				return nil, fmt.Errorf("replaying request body: %w", err)
			}
			body = b
		}
		resp, gotConn, err := t.attempt(ctx, req, body, attempt)
		last := attempt > t.maxRetries
		if err != nil {
			if ctx.Err() != nil { // keep the previous attempt's class as the informative one
				return nil, &requestError{Method: req.Method, Route: route, Attempts: attempt,
					Cause: ctx.Err(), Unknown: !idempotent && gotConn}
			}
			class := errorClass(err)
			ci.recordAttempt(class)
			notSent := !gotConn || class == "dial" || class == "dns" || class == "connection refused"
			if !idempotent && !notSent {
				return nil, &requestError{Method: req.Method, Route: route, Attempts: attempt, Cause: err, Unknown: true}
			}
			if last || !t.wait(ctx, req.Method, route, attempt, class, t.backoff(attempt)) {
				return nil, &requestError{Method: req.Method, Route: route, Attempts: attempt, Cause: err}
			}
			continue
		}
		class := strconv.Itoa(resp.StatusCode)
		ci.recordAttempt(class)
		switch resp.StatusCode {
		case http.StatusTooManyRequests, http.StatusServiceUnavailable:
			wait := t.backoff(attempt)
			if ra, ok := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
				wait = ra
			}
			if last || wait > maxRetryAfter || !t.wait(ctx, req.Method, route, attempt, class, wait) {
				return resp, nil
			}
			drainClose(resp.Body)
		case http.StatusInternalServerError, http.StatusBadGateway, http.StatusGatewayTimeout:
			if !idempotent {
				return nil, &requestError{Method: req.Method, Route: route, Attempts: attempt,
					Status: resp.StatusCode, Unknown: true}
			}
			if last || !t.wait(ctx, req.Method, route, attempt, class, t.backoff(attempt)) {
				return resp, nil
			}
			drainClose(resp.Body)
		default:
			return resp, nil
		}
	}
}

// attempt performs one try with its own timeout; the response body is fully buffered before the
// attempt's context is released. gotConn reports whether a connection was obtained.
func (t *retryTransport) attempt(ctx context.Context, req *http.Request, body io.ReadCloser, attempt int) (*http.Response, bool, error) {
	actx, cancel := context.WithTimeout(ctx, t.attemptTimeout)
	defer cancel()
	var gotConn atomic.Bool
	trace := &httptrace.ClientTrace{GotConn: func(httptrace.GotConnInfo) { gotConn.Store(true) }}
	actx = httptrace.WithClientTrace(context.WithValue(actx, attemptKey, attempt), trace)
	r := req.Clone(actx)
	r.Body = body
	resp, err := t.next.RoundTrip(r)
	if err != nil {
		if actx.Err() != nil && ctx.Err() == nil {
			err = fmt.Errorf("attempt timed out after %s: %w", t.attemptTimeout, err)
		}
		return nil, gotConn.Load(), err
	}
	data, err := bufferBody(resp)
	if err != nil {
		if actx.Err() != nil && ctx.Err() == nil {
			err = fmt.Errorf("attempt timed out after %s while reading the response: %w", t.attemptTimeout, err)
		}
		return nil, true, fmt.Errorf("reading response body: %w", err)
	}
	callInfoFrom(ctx).record(resp, data)
	return resp, true, nil
}

// wait sleeps before the next attempt. It returns false without sleeping when the context
// deadline would pass first, and false when the context ends while sleeping.
func (t *retryTransport) wait(ctx context.Context, method, route string, attempt int, class string, d time.Duration) bool {
	fields := map[string]any{"method": method, "route": route, "attempt": attempt, "wait": d.String()}
	if status, err := strconv.Atoi(class); err == nil {
		fields["status"] = status
	} else {
		fields["error"] = class
	}
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) <= d {
		tflog.Debug(maskContext(ctx, t.secrets(ctx)), "commercetools request not retried: the deadline would pass first", fields)
		return false
	}
	tflog.Debug(maskContext(ctx, t.secrets(ctx)), "retrying commercetools request", fields)
	if d <= 0 {
		return ctx.Err() == nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-timer.C:
		return true
	}
}

// backoff returns a capped exponential delay with full jitter for the given attempt (1-based).
func (t *retryTransport) backoff(attempt int) time.Duration {
	ceiling := t.minBackoff
	for i := 1; i < attempt && ceiling < t.maxBackoff; i++ {
		ceiling *= 2
	}
	ceiling = min(ceiling, t.maxBackoff)
	if ceiling <= 0 {
		return 0
	}
	return rand.N(ceiling + 1) //nolint:gosec // jitter needs no cryptographic randomness
}

// parseRetryAfter understands delay-seconds and HTTP-date values.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.Atoi(v); err == nil {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(secs) * time.Second, true
	}
	if at, err := http.ParseTime(v); err == nil {
		return max(at.Sub(now), 0), true
	}
	return 0, false
}

// errorClass gives a short, secret-free description of a transport error for logs.
func errorClass(err error) string {
	var dnsErr *net.DNSError
	var opErr *net.OpError
	switch {
	case errors.As(err, &dnsErr):
		return "dns"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return "dial"
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		return "timeout"
	case errors.Is(err, syscall.ECONNRESET):
		return "connection reset"
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return "eof"
	case errors.Is(err, context.Canceled):
		return "canceled"
	}
	return "transport error"
}

func isTimeout(err error) bool {
	var te interface{ Timeout() bool }
	return errors.As(err, &te) && te.Timeout()
}
