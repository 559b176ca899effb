package client

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"
)

// redacted replaces every secret value in logs and errors.
const redacted = "***"

// sensitiveKeys are JSON keys and form fields whose values are never logged, compared after
// lower-casing and removing '_' and '-'.
var sensitiveKeys = map[string]bool{
	"secret": true, "clientsecret": true, "accesstoken": true, "refreshtoken": true, "password": true,
}

func isSensitiveKey(k string) bool {
	k = strings.ToLower(k)
	k = strings.NewReplacer("_", "", "-", "").Replace(k)
	return sensitiveKeys[k]
}

var (
	// jsonSecretRe matches "key": "value" pairs of sensitive keys, also when the value is cut off.
	jsonSecretRe = regexp.MustCompile(`(?i)("(?:secret|client_secret|clientSecret|access_token|accessToken|refresh_token|refreshToken|password)"\s*:\s*)"(?:[^"\\]|\\.)*"?`)
	// formSecretRe matches key=value pairs of sensitive form fields.
	formSecretRe = regexp.MustCompile(`(?i)((?:^|[&?\s;,])(?:secret|client_secret|access_token|refresh_token|password)=)[^&\s;,]*`)
	// authHeaderRe matches credentials following an authorization scheme.
	authHeaderRe = regexp.MustCompile(`(?i)\b(Bearer|Basic)(\s+)([A-Za-z0-9._~+/=\-]+)`)
	// plainWordRe matches ordinary words that follow "Basic"/"Bearer" in prose ("Basic Authentication").
	plainWordRe = regexp.MustCompile(`^[A-Za-z]{1,19}$`)
)

// redactText removes known secrets and anything that looks like a credential from free text.
func redactText(s string, secrets []string) string {
	if s == "" {
		return s
	}
	for _, sec := range secrets {
		if len(sec) >= 4 {
			s = strings.ReplaceAll(s, sec, redacted)
		}
	}
	s = jsonSecretRe.ReplaceAllString(s, `${1}"`+redacted+`"`)
	s = formSecretRe.ReplaceAllString(s, "${1}"+redacted)
	s = authHeaderRe.ReplaceAllStringFunc(s, func(m string) string {
		parts := authHeaderRe.FindStringSubmatch(m)
		if plainWordRe.MatchString(parts[3]) {
			return m
		}
		return parts[1] + parts[2] + redacted
	})
	return s
}

// redactValue returns v with the values of sensitive keys replaced, recursively.
func redactValue(key string, v any) any {
	if isSensitiveKey(key) {
		return redacted
	}
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			out[k] = redactValue(k, e)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = redactValue("", e)
		}
		return out
	}
	return v
}

// redactBody returns a printable, redacted form of an HTTP body.
func redactBody(body []byte, contentType string, secrets []string) string {
	if len(bytes.TrimSpace(body)) == 0 {
		return ""
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	if mt == "application/x-www-form-urlencoded" {
		if vals, err := url.ParseQuery(string(body)); err == nil {
			for k := range vals {
				if isSensitiveKey(k) {
					vals[k] = []string{redacted}
				}
			}
			return redactText(vals.Encode(), secrets)
		}
	}
	trimmed := bytes.TrimSpace(body)
	if trimmed[0] == '{' || trimmed[0] == '[' {
		dec := json.NewDecoder(bytes.NewReader(trimmed))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err == nil && !dec.More() {
			if out, err := json.Marshal(redactValue("", v)); err == nil {
				return redactText(string(out), secrets)
			}
		}
	}
	if !utf8.Valid(body) {
		body = bytes.ToValidUTF8(body, []byte("\uFFFD"))
	}
	return redactText(string(body), secrets)
}

// snippet returns the first n characters of the redacted body on one line.
func snippet(body []byte, contentType string, secrets []string, n int) string {
	s := oneLine(redactBody(body, contentType, secrets))
	if s == "" {
		return "(empty)"
	}
	if utf8.RuneCountInString(s) > n {
		r := []rune(s)
		s = string(r[:n]) + "…"
	}
	return s
}
