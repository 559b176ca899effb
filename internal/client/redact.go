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

// SensitiveField names a JSON property (or form field) whose value is never logged and never
// shown in an error. Parent, when set, limits the rule to properties of an object held under that
// property: {"key", "authentication"} hides an Azure Functions key without hiding every resource's
// key. Names are compared after lower-casing and removing '_' and '-'.
type SensitiveField struct {
	Name, Parent string
}

// SensitiveFields is the one table behind every redaction (log bodies, error bodies, the regular
// expressions that clean free text). A family whose API carries credentials adds them here, and
// the leak tests check them.
var SensitiveFields = []SensitiveField{
	// OAuth and API clients.
	{Name: "secret"}, {Name: "client_secret"}, {Name: "access_token"}, {Name: "refresh_token"}, {Name: "password"},
	// Subscriptions: SQS/SNS/EventBridge credentials, Azure Service Bus, Event Grid, Confluent Cloud.
	{Name: "accessSecret"}, {Name: "connectionString"}, {Name: "accessKey", Parent: "destination"}, {Name: "apiSecret"},
	{Name: "apiKey", Parent: "destination"},
	// API extensions: authorization header, AWS Lambda secret, Azure Functions key.
	{Name: "headerValue"}, {Name: "key", Parent: "authentication"},
	// Project settings: the external OAuth authorization header.
	{Name: "authorizationHeader"},
}

// normKey lower-cases a property name and drops '_' and '-'.
func normKey(k string) string {
	return strings.NewReplacer("_", "", "-", "").Replace(strings.ToLower(k))
}

// sensitive indexes SensitiveFields: name -> parents ("" = anywhere).
var sensitive = func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for _, f := range SensitiveFields {
		n := normKey(f.Name)
		if m[n] == nil {
			m[n] = map[string]bool{}
		}
		m[n][normKey(f.Parent)] = true
	}
	return m
}()

// isSensitiveField reports whether property key inside an object held under parent is secret.
func isSensitiveField(parent, key string) bool {
	ps := sensitive[normKey(key)]
	return ps != nil && (ps[""] || ps[normKey(parent)])
}

// isSensitiveKey reports whether a top-level property or form field is secret.
func isSensitiveKey(k string) bool { return isSensitiveField("", k) }

// spellings returns the snake_case, camelCase and as-written forms of a name for the regexes.
func spellings(name string) []string {
	out := []string{regexp.QuoteMeta(name)}
	if strings.Contains(name, "_") {
		parts := strings.Split(name, "_")
		for i := 1; i < len(parts); i++ {
			if parts[i] != "" {
				parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
			}
		}
		out = append(out, regexp.QuoteMeta(strings.Join(parts, "")))
	} else {
		var b strings.Builder
		for _, r := range name {
			if r >= 'A' && r <= 'Z' {
				b.WriteByte('_')
				r += 'a' - 'A'
			}
			b.WriteRune(r)
		}
		if b.String() != name {
			out = append(out, regexp.QuoteMeta(b.String()))
		}
	}
	return out
}

// buildSecretRes builds, from SensitiveFields, the expressions that clean free text (a truncated
// body, a message that quotes JSON): one for "name": "value" pairs, one for name=value pairs.
func buildSecretRes() (jsonRe, scopedRe, formRe *regexp.Regexp) {
	var bare, scoped, form []string
	for _, f := range SensitiveFields {
		for _, sp := range spellings(f.Name) {
			if f.Parent == "" {
				bare = append(bare, sp)
				form = append(form, sp)
			} else {
				for _, pp := range spellings(f.Parent) {
					scoped = append(scoped, `"`+pp+`"\s*:\s*\{[^{}]*?"`+sp+`"`)
				}
			}
		}
	}
	jsonRe = regexp.MustCompile(`(?i)("(?:` + strings.Join(bare, "|") + `)"\s*:\s*)"(?:[^"\\]|\\.)*"?`)
	scopedRe = regexp.MustCompile(`(?i)((?:` + strings.Join(scoped, "|") + `)\s*:\s*)"(?:[^"\\]|\\.)*"?`)
	formRe = regexp.MustCompile(`(?i)((?:^|[&?\s;,])(?:` + strings.Join(form, "|") + `)=)[^&\s;,]*`)
	return jsonRe, scopedRe, formRe
}

var (
	// jsonSecretRe matches "key": "value" pairs of sensitive keys, also when the value is cut off;
	// scopedSecretRe the same for keys that are secret only under a parent; formSecretRe
	// key=value pairs of sensitive form fields.
	jsonSecretRe, scopedSecretRe, formSecretRe = buildSecretRes()
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
	s = scopedSecretRe.ReplaceAllString(s, `${1}"`+redacted+`"`)
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

// redactValue returns v with the values of sensitive keys replaced, recursively. key is the
// property that holds v ("" at the top or inside arrays).
func redactValue(key string, v any) any { return redactIn("", key, v) }

func redactIn(parent, key string, v any) any {
	if key != "" && isSensitiveField(parent, key) {
		return redacted
	}
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			out[k] = redactIn(key, k, e)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = redactIn(parent, "", e)
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

// snippetLen is how many characters of a body an error message quotes.
const snippetLen = 200

// snippet returns the first snippetLen characters of the redacted body on one line.
func snippet(body []byte, contentType string, secrets []string) string {
	n := snippetLen
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
