package emulator

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/labd/commercetools-go-sdk/platform"
)

// TestRouteSpecificity checks that the most specific pattern wins whatever the registration
// order: a bare {id} route never swallows key= paths.
func TestRouteSpecificity(t *testing.T) {
	for _, order := range [][]string{{"/{projectKey}/things/{id}", "/{projectKey}/things/key={key}"}, {"/{projectKey}/things/key={key}", "/{projectKey}/things/{id}"}} {
		r := newRouter()
		for _, p := range order {
			r.handle(http.MethodGet, p, nil, func(*call) {})
		}
		got, params, ok := r.match(http.MethodGet, "/p/things/key=abc")
		if !ok || got.pattern != "/{projectKey}/things/key={key}" || params["key"] != "abc" {
			t.Errorf("order %v: key path matched %v %v", order, got.pattern, params)
		}
		got, params, ok = r.match(http.MethodGet, "/p/things/abc")
		if !ok || got.pattern != "/{projectKey}/things/{id}" || params["id"] != "abc" {
			t.Errorf("order %v: id path matched %v %v", order, got.pattern, params)
		}
	}
}

func TestErrorHelpersDecode(t *testing.T) {
	for _, e := range []*apiError{
		errDuplicateField("key", "k1"), errConcurrentModification("id", 1, 2), errInvalidToken(),
		errInsufficientScope([]string{"view_types"}), errTooLarge(1), errClosed(), faultError(418, ""),
		joinErrors([]*apiError{errInvalidInput("a"), errInvalidInput("b")}),
	} {
		b, _ := json.Marshal(e.body())
		var er platform.ErrorResponse
		if err := json.Unmarshal(b, &er); err != nil || er.StatusCode != e.status {
			t.Errorf("%s: %v", b, err)
		}
		if e.Error() == "" {
			t.Error("empty Error()")
		}
	}
	if joinErrors(nil) != nil {
		t.Error("joinErrors(nil)")
	}
}
