package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"

	"github.com/labd/commercetools-go-sdk/platform"
)

// ErrOutcomeUnknown is wrapped by errors for non-idempotent requests (POST) whose outcome cannot be known:
// the request may or may not have been processed by commercetools.
var ErrOutcomeUnknown = errors.New("outcome of the request is unknown: it may or may not have been processed")

// ErrInvalidResponse is wrapped by errors for successful responses that cannot be decoded or lack required fields.
var ErrInvalidResponse = errors.New("invalid response from commercetools")

// ErrorObject is one entry of the "errors" array of a commercetools error response.
type ErrorObject struct {
	// Code is the error code, e.g. "InvalidInput" or "insufficient_scope".
	Code string
	// Message is the human readable message.
	Message string
	// DetailedErrorMessage is set for some codes such as InvalidJsonInput.
	DetailedErrorMessage string
	// Extra holds all further properties of the error object.
	Extra map[string]any
}

// APIError is returned when the commercetools API answers with a non-success status.
type APIError struct {
	// StatusCode is the HTTP status of the response.
	StatusCode int
	// Code is the code of the first error object (or the OAuth "error" field).
	Code string
	// Message is the top-level message of the response.
	Message string
	// CorrelationID is the X-Correlation-ID response header, useful for commercetools support.
	CorrelationID string
	// Method and Route identify the request; ids in Route are replaced by {id}.
	Method, Route string
	// Errors holds all error objects of the response.
	Errors []ErrorObject
}

// Error returns a one-line description of the error.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "commercetools API %s %s: status %d", e.Method, e.Route, e.StatusCode)
	if e.Code != "" {
		b.WriteString(" " + e.Code)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	for i, o := range e.Errors {
		if i == 0 && o.Message == e.Message && o.DetailedErrorMessage == "" {
			continue
		}
		switch {
		case o.DetailedErrorMessage != "":
			fmt.Fprintf(&b, "; %s: %s (%s)", o.Code, o.Message, o.DetailedErrorMessage)
		default:
			fmt.Fprintf(&b, "; %s: %s", o.Code, o.Message)
		}
	}
	if e.CorrelationID != "" {
		b.WriteString(" (correlation id " + e.CorrelationID + ")")
	}
	return oneLine(b.String())
}

// HasCode reports whether the response carried the given error code.
func (e *APIError) HasCode(code string) bool {
	if e.Code == code {
		return true
	}
	for _, o := range e.Errors {
		if o.Code == code {
			return true
		}
	}
	return false
}

// IsNotFound reports whether err is a 404 from the API.
func IsNotFound(err error) bool {
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.StatusCode == http.StatusNotFound
	}
	return errors.Is(err, platform.ErrNotFound)
}

// IsInsufficientScope reports whether err is a 403 insufficient_scope from the API.
func IsInsufficientScope(err error) bool {
	var ae *APIError
	return errors.As(err, &ae) && (ae.StatusCode == http.StatusForbidden || ae.HasCode("insufficient_scope"))
}

// IsConcurrentModification reports whether err is a 409 version conflict from the API.
func IsConcurrentModification(err error) bool {
	var ae *APIError
	return errors.As(err, &ae) && (ae.StatusCode == http.StatusConflict || ae.HasCode("ConcurrentModification"))
}

// IsInvalidToken reports whether err is a 401 invalid_token from the API.
func IsInvalidToken(err error) bool {
	var ae *APIError
	return errors.As(err, &ae) && ae.StatusCode == http.StatusUnauthorized && (ae.Code == "" || ae.HasCode("invalid_token"))
}

// AuthError is returned when the token endpoint refuses to issue a token.
type AuthError struct {
	// StatusCode is the HTTP status of the token response.
	StatusCode int
	// Code is the OAuth error code such as invalid_client or invalid_scope.
	Code string
	// Description is the OAuth error_description or message.
	Description string
	// CorrelationID is the X-Correlation-ID response header.
	CorrelationID string
	// TokenURL is the endpoint that was called.
	TokenURL string
}

// Error returns a one-line description including a hint on how to fix the problem.
func (e *AuthError) Error() string {
	msg := fmt.Sprintf("commercetools authentication failed at %s: status %d", e.TokenURL, e.StatusCode)
	if e.Code != "" {
		msg += " " + e.Code
	}
	if e.Description != "" {
		msg += ": " + strings.TrimRight(e.Description, ". ")
	}
	if h := e.hint(); h != "" {
		msg += ". " + h
	}
	if e.CorrelationID != "" {
		msg += " (correlation id " + e.CorrelationID + ")"
	}
	return oneLine(msg)
}

func (e *AuthError) hint() string {
	switch e.Code {
	case "invalid_client":
		return "Check client_id and client_secret: they must belong to an existing API client of this region's auth host"
	case "invalid_scope":
		return "Check scopes: the requested scopes must exist, name this project key and not exceed the scopes of the API client (or leave scopes empty to get all of them)"
	case "invalid_request", "unsupported_grant_type":
		return "The token request was rejected; check token_url"
	case "invalid_grant":
		return "The grant is not valid for this client"
	}
	switch e.StatusCode {
	case http.StatusNotFound:
		return "Check token_url: it must be the auth host of your region, e.g. https://auth.europe-west1.gcp.commercetools.com"
	case http.StatusUnauthorized:
		return "Check client_id and client_secret"
	}
	return ""
}

// errorBody is the union of commercetools ErrorResponse and AuthErrorResponse.
type errorBody struct {
	StatusCode       int               `json:"statusCode"`
	Message          string            `json:"message"`
	Errors           []json.RawMessage `json:"errors"`
	Error            string            `json:"error"`
	ErrorDescription string            `json:"error_description"`
}

// parsedError is the result of parseErrorBody.
type parsedError struct {
	Code, Message, OAuthCode, OAuthDescription string
	Errors                                     []ErrorObject
}

// parseErrorBody turns a raw (already redacted or not) error body into its parts. It never fails:
// non-JSON bodies yield a message describing what was received.
func parseErrorBody(status int, contentType string, body []byte, secrets []string) parsedError {
	trimmed := strings.TrimSpace(string(body))
	if trimmed == "" {
		return parsedError{Message: emptyBodyMessage(status)}
	}
	var eb errorBody
	if err := json.Unmarshal(body, &eb); err != nil || !strings.HasPrefix(trimmed, "{") {
		return parsedError{Message: unexpectedBodyMessage(status, contentType, body, secrets)}
	}
	p := parsedError{Message: redactText(eb.Message, secrets), OAuthCode: eb.Error}
	p.OAuthDescription = redactText(eb.ErrorDescription, secrets)
	for _, raw := range eb.Errors {
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			continue
		}
		o := ErrorObject{Extra: map[string]any{}}
		for k, v := range m {
			s, isString := v.(string)
			switch {
			case k == "code" && isString:
				o.Code = s
			case k == "message" && isString:
				o.Message = redactText(s, secrets)
			case k == "detailedErrorMessage" && isString:
				o.DetailedErrorMessage = redactText(s, secrets)
			default:
				o.Extra[k] = redactValue(k, v)
			}
		}
		if len(o.Extra) == 0 {
			o.Extra = nil
		}
		p.Errors = append(p.Errors, o)
	}
	switch {
	case len(p.Errors) > 0 && p.Errors[0].Code != "":
		p.Code = p.Errors[0].Code
	case eb.Error != "":
		p.Code = eb.Error
	}
	if p.Message == "" {
		switch {
		case p.OAuthDescription != "":
			p.Message = p.OAuthDescription
		case len(p.Errors) > 0:
			p.Message = p.Errors[0].Message
		default:
			p.Message = unexpectedBodyMessage(status, contentType, body, secrets)
		}
	}
	return p
}

func emptyBodyMessage(status int) string {
	if t := http.StatusText(status); t != "" {
		return t + " (empty response body)"
	}
	return "empty response body"
}

// unexpectedBodyMessage describes a body that is not a commercetools error document.
func unexpectedBodyMessage(status int, contentType string, body []byte, secrets []string) string {
	ct := contentType
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		ct = mt
	}
	if len(ct) > 100 {
		ct = ct[:100]
	}
	ct = strings.ToValidUTF8(ct, "?")
	if ct == "" {
		ct = "none"
	}
	return fmt.Sprintf("unexpected response: status %d, content-type %s, body starts: %s",
		status, ct, snippet(body, contentType, secrets))
}

// oneLine collapses all whitespace runs (including newlines) into single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// DuplicateField returns the field of a DuplicateField error (a value another resource holds),
// "" for any other error.
func DuplicateField(err error) string {
	var ae *APIError
	if !errors.As(err, &ae) {
		return ""
	}
	for _, o := range ae.Errors {
		if o.Code == "DuplicateField" {
			if f, ok := o.Extra["field"].(string); ok {
				return f
			}
		}
	}
	return ""
}
