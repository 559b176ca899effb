package client

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/labd/commercetools-go-sdk/platform"
)

func TestParseErrorBody(t *testing.T) {
	p := parseErrorBody(400, "application/json", []byte(`{"statusCode":400,"message":"Request body does not contain valid JSON.",
		"errors":[{"code":"InvalidJsonInput","message":"Request body does not contain valid JSON.","detailedErrorMessage":"scope: Missing required value"},
		{"code":"InvalidInput","message":"bad limit","field":"limit"}]}`), nil)
	if p.Code != "InvalidJsonInput" || len(p.Errors) != 2 || p.Errors[0].DetailedErrorMessage != "scope: Missing required value" ||
		p.Errors[1].Extra["field"] != "limit" {
		t.Errorf("parsed = %+v", p)
	}
	p = parseErrorBody(401, "application/json", []byte(`{"statusCode":401,"message":"Please provide valid client credentials.","errors":[{"code":"invalid_client","message":"x"}],"error":"invalid_client","error_description":"Please provide valid client credentials."}`), nil)
	if p.Code != "invalid_client" || p.OAuthCode != "invalid_client" || p.OAuthDescription == "" {
		t.Errorf("oauth parsed = %+v", p)
	}
	p = parseErrorBody(404, "", nil, nil)
	if p.Message != "Not Found (empty response body)" {
		t.Errorf("empty = %+v", p)
	}
	p = parseErrorBody(502, "text/html; charset=utf-8", []byte("<html><body>Bad gateway\n token=abc secret</body></html>"), nil)
	if !strings.HasPrefix(p.Message, "unexpected response: status 502, content-type text/html, body starts: <html><body>Bad gateway") {
		t.Errorf("html = %q", p.Message)
	}
	p = parseErrorBody(500, "application/json", []byte(`{"statusCode":500,"errors":[{"code":"General","message":"boom"}]}`), nil)
	if p.Message != "boom" {
		t.Errorf("message fallback = %q", p.Message)
	}
}

func TestAPIErrorFromServer(t *testing.T) {
	bodies := map[string]struct {
		status      int
		contentType string
		body        string
		want        []string
	}{
		"json":  {400, "application/json", `{"statusCode":400,"message":"Invalid scope.","errors":[{"code":"InvalidInput","message":"Invalid scope."}]}`, []string{"status 400 InvalidInput: Invalid scope.", "correlation id corr-1"}},
		"empty": {404, "", ``, []string{"status 404: Not Found (empty response body)"}},
		"html":  {403, "text/html", "<html>\n<h1>Forbidden</h1>\n</html>", []string{"status 403: unexpected response: status 403, content-type text/html, body starts: <html> <h1>Forbidden</h1> </html>"}},
		"409":   {409, "application/json", `{"statusCode":409,"message":"Version mismatch.","errors":[{"code":"ConcurrentModification","message":"Version mismatch.","currentVersion":3}]}`, []string{"ConcurrentModification"}},
	}
	for name, tc := range bodies {
		t.Run(name, func(t *testing.T) {
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/oauth/token" {
					tokenHandler(w)
					return
				}
				w.Header().Set("X-Correlation-ID", "corr-1")
				if tc.contentType != "" {
					w.Header().Set("Content-Type", tc.contentType)
				}
				w.WriteHeader(tc.status)
				_, _ = w.Write([]byte(tc.body))
			}))
			defer ts.Close()
			c := newTestClient(t, ts.URL)
			_, err := c.GetAPIClient(testCtx(t), "abc123")
			var ae *APIError
			if !errors.As(err, &ae) || ae.StatusCode != tc.status || ae.CorrelationID != "corr-1" || ae.Route != "/my-ct-project-key/api-clients/{id}" {
				t.Fatalf("err = %#v", err)
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") {
				t.Errorf("multi-line error: %q", msg)
			}
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q lacks %q", msg, w)
				}
			}
			if IsNotFound(err) != (tc.status == 404) || IsInsufficientScope(err) != (tc.status == 403) ||
				IsConcurrentModification(err) != (tc.status == 409) {
				t.Errorf("helpers disagree for %d", tc.status)
			}
		})
	}
}

func TestInvalidSuccessResponses(t *testing.T) {
	for name, body := range map[string]string{
		"garbage": `<html>not json`,
		"no id":   `{"name":"x","scope":"y"}`,
		"empty":   ``,
	} {
		t.Run(name, func(t *testing.T) {
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/oauth/token" {
					tokenHandler(w)
					return
				}
				_, _ = w.Write([]byte(body))
			}))
			defer ts.Close()
			_, err := newTestClient(t, ts.URL).GetAPIClient(testCtx(t), "abc")
			if !errors.Is(err, ErrInvalidResponse) {
				t.Fatalf("err = %v", err)
			}
		})
	}
}

func TestIsNotFoundAcceptsSDKError(t *testing.T) {
	if !IsNotFound(fmt.Errorf("wrapped: %w", platform.ErrNotFound)) || IsNotFound(errors.New("x")) {
		t.Error("IsNotFound")
	}
}

func FuzzParseErrorBody(f *testing.F) {
	for _, seed := range []string{
		``, `{}`, `null`, `[]`, `{"statusCode":400,"message":"m","errors":[{"code":"InvalidInput","message":"m"}]}`,
		`{"errors":[{"code":1},{"message":{}},null,"x"]}`, `{"error":"invalid_token"}`,
		`{"statusCode":401,"message":"invalid_token","errors":[{"code":"invalid_token","message":"invalid_token"}],"error":"invalid_token"}`,
		`<html>{"secret":"abc"`, "grant_type=client_credentials&client_secret=x", "\xff\xfe\x00", `{"errors":[{"code":"x","detailedErrorMessage":"Bearer abc123"}]}`,
	} {
		f.Add(500, "application/json", []byte(seed))
	}
	f.Fuzz(func(t *testing.T, status int, contentType string, body []byte) {
		secret := "fuzz-secret-value"
		p := parseErrorBody(status, contentType, append(append([]byte{}, body...), secret...), []string{secret})
		msg := (&APIError{StatusCode: status, Code: p.Code, Message: p.Message, Errors: p.Errors}).Error()
		if strings.Contains(msg, secret) || strings.Contains(p.Message, secret) {
			t.Fatalf("secret leaked: %q", msg)
		}
		if strings.ContainsAny(msg, "\n\r") {
			t.Fatalf("multi-line error: %q", msg)
		}
		if p.Message == "" {
			t.Fatalf("empty message for %q", body)
		}
		if !utf8.ValidString(p.Message) && utf8.Valid(body) {
			t.Fatalf("invalid utf-8 message")
		}
	})
}
