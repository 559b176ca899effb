package emulator

import (
	"fmt"
	"net/http"
	"strings"
)

// errorObject is one entry of ErrorResponse.errors. Code is always set
// (the Go SDK refuses error objects without a code).
type errorObject map[string]any

// apiError is an error answer: an HTTP status plus an ErrorResponse (or
// AuthErrorResponse when oauth is set) body.
type apiError struct {
	status int
	errors []errorObject
	oauth  string            // OAuth error code for AuthErrorResponse bodies; "" = plain ErrorResponse
	header map[string]string // extra response headers
}

func (e *apiError) Error() string {
	return fmt.Sprintf("%d %s", e.status, e.message())
}

func (e *apiError) message() string {
	if len(e.errors) == 0 {
		return http.StatusText(e.status)
	}
	m, _ := e.errors[0]["message"].(string)
	return m
}

// body returns the JSON body of the error.
func (e *apiError) body() map[string]any {
	b := map[string]any{"statusCode": e.status, "message": e.message(), "errors": e.errors}
	if e.oauth != "" {
		b["error"] = e.oauth
		if msg := e.message(); msg != e.oauth {
			b["error_description"] = msg
		}
	}
	return b
}

// newError builds an ErrorResponse error with one error object.
func newError(status int, code, msg string, extra ...any) *apiError {
	obj := errorObject{"code": code, "message": msg}
	for i := 0; i+1 < len(extra); i += 2 {
		key, ok := extra[i].(string)
		if !ok {
			panic(fmt.Sprintf("emulator: newError extra key %v is a %T, not a string", extra[i], extra[i]))
		}
		obj[key] = extra[i+1]
	}
	return &apiError{status: status, errors: []errorObject{obj}}
}

// join merges several errors with the same status into one response.
func joinErrors(errs []*apiError) *apiError {
	if len(errs) == 0 {
		return nil
	}
	out := &apiError{status: errs[0].status, oauth: errs[0].oauth}
	for _, e := range errs {
		out.errors = append(out.errors, e.errors...)
	}
	return out
}

// authError builds an AuthErrorResponse error (auth service, 401/403).
func authError(status int, code, msg string) *apiError {
	e := newError(status, code, msg)
	e.oauth = code
	return e
}

func errInvalidInput(format string, args ...any) *apiError {
	return newError(http.StatusBadRequest, "InvalidInput", fmt.Sprintf(format, args...))
}

func errInvalidJSON(detail string) *apiError {
	return newError(http.StatusBadRequest, "InvalidJsonInput", "Request body does not contain valid JSON.",
		"detailedErrorMessage", detail)
}

func errNotFound(id string) *apiError {
	return newError(http.StatusNotFound, "ResourceNotFound", fmt.Sprintf("The Resource with ID '%s' was not found.", id))
}

func errRouteNotFound(path string) *apiError {
	return newError(http.StatusNotFound, "ResourceNotFound", fmt.Sprintf("The requested path '%s' was not found.", path))
}

// errConcurrentModification is the 409 answer for a version mismatch on a
// versioned resource.
func errConcurrentModification(id string, expected, current int64) *apiError {
	msg := fmt.Sprintf("Object %s has a different version than expected. Expected: %d - Actual: %d.", id, expected, current)
	return newError(http.StatusConflict, "ConcurrentModification", msg, "currentVersion", current)
}

// errDuplicateField is the 400 answer for a unique-constraint violation.
func errDuplicateField(field string, value any) *apiError {
	msg := fmt.Sprintf("A duplicate value '%v' exists for field '%s'.", value, field)
	return newError(http.StatusBadRequest, "DuplicateField", msg, "field", field, "duplicateValue", value)
}

func errInvalidToken() *apiError {
	e := authError(http.StatusUnauthorized, "invalid_token", "invalid_token")
	e.header = map[string]string{"WWW-Authenticate": `Bearer error="invalid_token"`}
	return e
}

// errInsufficientScope lists scope names without the project key.
func errInsufficientScope(names []string) *apiError {
	msg := "Insufficient scope. One of the following scopes is missing: " + strings.Join(names, ", ") + "."
	return authError(http.StatusForbidden, "insufficient_scope", msg)
}

func errTooLarge(limit int64) *apiError {
	return newError(http.StatusRequestEntityTooLarge, "RequestEntityTooLarge",
		fmt.Sprintf("The request body exceeds the limit of %d bytes.", limit))
}

func errGeneral(msg string) *apiError {
	return newError(http.StatusInternalServerError, "General", msg)
}

func errClosed() *apiError {
	return newError(http.StatusServiceUnavailable, "OverCapacity", "The emulator is shut down.")
}

// faultError is the body of an injected failure with the given status.
func faultError(status int, retryAfter string) *apiError {
	var e *apiError
	switch status {
	case http.StatusTooManyRequests:
		e = newError(status, "TooManyRequests", "Too many requests. Retry later.")
		if retryAfter != "" {
			e.header = map[string]string{"Retry-After": retryAfter}
		}
	case http.StatusBadGateway:
		e = newError(status, "BadGateway", "Bad gateway. Retry with exponential backoff.")
	case http.StatusServiceUnavailable:
		e = newError(status, "OverCapacity", "The service is over capacity. Retry with exponential backoff.")
	case http.StatusGatewayTimeout:
		e = newError(status, "GatewayTimeout", "The gateway timed out.")
	case http.StatusInternalServerError:
		e = errGeneral("Internal server error (injected fault). The operation may have been executed.")
	default:
		e = newError(status, "General", "Injected failure: "+http.StatusText(status)+".")
	}
	return e
}
