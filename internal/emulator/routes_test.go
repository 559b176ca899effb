package emulator

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/labd/commercetools-go-sdk/platform"
)

// TestFamilySlotIn registers a toy versioned family the way a new file
// would and exercises key= paths, storage, queries and 409 bodies.
func TestFamilySlotIn(t *testing.T) {
	type widget struct {
		ID      string `json:"id"`
		Key     string `json:"key"`
		Version int64  `json:"version"`
	}
	register := func(r *router) {
		scopes := []string{"manage_types", "manage_project"}
		r.handle(http.MethodPost, "/{projectKey}/widgets", scopes, func(c *call) {
			w := widget{ID: newUUID(), Key: "k1", Version: 1}
			if err := c.e.update(c.projectKey, func(p *projectStore) *apiError {
				if err := p.put("widgets", w.ID, w); err != nil {
					return errGeneral(err.Error())
				}
				return nil
			}); err != nil {
				c.fail(err)
				return
			}
			c.json(http.StatusCreated, w)
		})
		r.handle(http.MethodPost, "/{projectKey}/widgets/key={key}", scopes, func(c *call) {
			var found *widget
			c.e.view(c.projectKey, func(p *projectStore) {
				for _, id := range p.ids("widgets") {
					var w widget
					if p.get("widgets", id, &w) && w.Key == c.param("key") {
						found = &w
					}
				}
			})
			if found == nil {
				c.fail(errNotFound(c.param("key")))
				return
			}
			c.fail(errConcurrentModification(found.ID, 7, found.Version))
		})
	}
	families = append(families, register)
	defer func() { families = families[:len(families)-1] }()
	h := newHarness(t, Options{})
	tok := h.admin()
	if r := h.do("POST", "/"+pk+"/widgets", tok, "{}"); r.status != 201 {
		t.Fatalf("create widget: %d %s", r.status, r.body)
	}
	r := h.do("POST", "/"+pk+"/widgets/key=k1", tok, "{}")
	er, _ := mustError(t, r, 409, "ConcurrentModification")
	var cm platform.ConcurrentModificationError
	b, _ := json.Marshal(er.Errors[0])
	if err := json.Unmarshal(b, &cm); err != nil || cm.CurrentVersion == nil || *cm.CurrentVersion != 1 {
		t.Fatalf("currentVersion: %v %s", err, r.body)
	}
	_, _ = mustError(t, h.do("POST", "/"+pk+"/widgets/key=nope", tok, "{}"), 404, "ResourceNotFound")
	_, _ = mustError(t, h.do("POST", "/"+pk+"/widgets/key=", tok, "{}"), 404, "ResourceNotFound")
	if c := h.ts.Counts(); c.ByRoute["POST /{projectKey}/widgets/key={key}"] != 2 {
		t.Fatalf("counts %+v", c.ByRoute)
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
