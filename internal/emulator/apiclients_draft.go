package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Validity and lifetime limits of ApiClientDraft fields.
const (
	minAccessTokenValidity  = 3600
	maxAccessTokenValidity  = 604800
	minRefreshTokenValidity = 30
	maxRefreshTokenValidity = 31536000
	minDeleteDays           = 1
	maxDeleteDays           = 36500 // emulator limit (100 years) keeping deleteAt a valid timestamp
)

// clientDraft is a decoded and validated ApiClientDraft.
type clientDraft struct {
	name, scope                       string
	deleteDays, accessTTL, refreshTTL *int
}

// decodeClientDraft parses an ApiClientDraft body for the given project.
// Shape problems yield InvalidJsonInput; constraint violations InvalidInput
// (all of them, in one 400 response).
func decodeClientDraft(body []byte, projectKey string) (clientDraft, *apiError) {
	var d clientDraft
	obj, apiErr := decodeObject(body)
	if apiErr != nil {
		return d, apiErr
	}
	var shape []string
	d.name = draftString(obj, "name", &shape)
	d.scope = draftString(obj, "scope", &shape)
	d.deleteDays = draftInt(obj, "deleteDaysAfterCreation", &shape)
	d.accessTTL = draftInt(obj, "accessTokenValiditySeconds", &shape)
	d.refreshTTL = draftInt(obj, "refreshTokenValiditySeconds", &shape)
	if len(shape) > 0 {
		return d, errInvalidJSON(strings.Join(shape, "; "))
	}
	var errs []*apiError
	if strings.TrimSpace(d.name) == "" {
		errs = append(errs, errInvalidInput("Invalid value %s for field 'name': the name must not be empty.", strconv.Quote(d.name)))
	}
	scopes := splitScopes(d.scope)
	if len(scopes) == 0 {
		errs = append(errs, errInvalidInput("Invalid value %s for field 'scope': at least one scope is required.", strconv.Quote(d.scope)))
	}
	for _, s := range scopes {
		sc, err := parseScope(s)
		switch {
		case err != nil:
			errs = append(errs, errInvalidInput("Invalid value '%s' for field 'scope': %v.", s, err))
		case sc.project != projectKey:
			errs = append(errs, errInvalidInput("Invalid value '%s' for field 'scope': the scope names project '%s', but only project '%s' is allowed.", s, sc.project, projectKey))
		}
	}
	d.scope = strings.Join(scopes, " ")
	errs = appendRange(errs, "accessTokenValiditySeconds", d.accessTTL, minAccessTokenValidity, maxAccessTokenValidity)
	errs = appendRange(errs, "refreshTokenValiditySeconds", d.refreshTTL, minRefreshTokenValidity, maxRefreshTokenValidity)
	errs = appendRange(errs, "deleteDaysAfterCreation", d.deleteDays, minDeleteDays, maxDeleteDays)
	if len(errs) > 0 {
		return d, joinErrors(errs)
	}
	return d, nil
}

func appendRange(errs []*apiError, field string, v *int, lo, hi int) []*apiError {
	if v == nil || (*v >= lo && *v <= hi) {
		return errs
	}
	return append(errs, errInvalidInput("Invalid value '%d' for field '%s': the value must be between %d and %d.", *v, field, lo, hi))
}

// jsonKind names the JSON type of a raw value for error messages.
func jsonKind(raw json.RawMessage) string {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 {
		return "nothing"
	}
	switch t[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

func isNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }

// draftString reads a required string field.
func draftString(obj map[string]json.RawMessage, field string, problems *[]string) string {
	raw, ok := obj[field]
	if !ok || isNull(raw) {
		*problems = append(*problems, field+": Missing required value")
		return ""
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		*problems = append(*problems, fmt.Sprintf("%s: expected a string, got %s", field, jsonKind(raw)))
	}
	return s
}

// draftInt reads an optional integer field (absent or null = unset).
func draftInt(obj map[string]json.RawMessage, field string, problems *[]string) *int {
	raw, ok := obj[field]
	if !ok || isNull(raw) {
		return nil
	}
	if jsonKind(raw) != "a number" {
		*problems = append(*problems, fmt.Sprintf("%s: expected an integer, got %s", field, jsonKind(raw)))
		return nil
	}
	n, err := strconv.ParseInt(string(bytes.TrimSpace(raw)), 10, 64)
	if err != nil {
		*problems = append(*problems, fmt.Sprintf("%s: expected an integer, got %s", field, bytes.TrimSpace(raw)))
		return nil
	}
	v := int(n)
	return &v
}
