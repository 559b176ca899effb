package emulator

import (
	"fmt"
	"net/http"
	"regexp"
)

// Custom objects (commercetools-api-reference: resources/custom-objects.raml,
// types/custom-object/*.raml): JSON documents addressed by container and key.
//
//   - POST /custom-objects creates or replaces: an object with the draft's container and key gets
//     the new value and one version more (200); a new one is created (201). A draft version must
//     match an existing object's. The reference does not say what a version does for an object
//     that does not exist yet; the emulator creates it (and ignores the version), which is what
//     a client that read "not found" and then creates expects.
//   - Fields with null values are not saved, at any depth of the value.
//   - DELETE takes an optional version (it must match when given) and dataErasure.
//   - GET /custom-objects/{container} queries one container (where, sort, limit, offset,
//     withTotal); the project-wide query is deprecated but answered.
//   - Nothing references custom objects for ReferenceExists: references inside values are not
//     checked by the API.
func init() { registerFamily(customObjectsFamily) }

var (
	containerPattern       = regexp.MustCompile(`^[-_~.a-zA-Z0-9]+$`)
	customObjectKeyPattern = regexp.MustCompile(`^[-_~.a-zA-Z0-9]{1,256}$`)
)

var customObjectsFamily = &family{
	coll: "custom-objects", typeID: "key-value-document", noun: "CustomObject",
	view:   []string{"view_products", "view_orders", "view_customers", "view_key_value_documents", "manage_project"},
	manage: []string{"manage_products", "manage_orders", "manage_customers", "manage_key_value_documents", "manage_project"},
	query: querySpec{
		whereFields: setOf("id", "container", "key", "version", "value", "createdAt", "lastModifiedAt"),
		sortFields:  setOf("id", "key", "container", "createdAt", "lastModifiedAt", "version"),
	},
	routes: customObjectRoutes,
}

func customObjectRoutes(f *family, r *router) {
	coll := "/{projectKey}/custom-objects"
	view := append(append([]string{}, f.view...), f.manage...)
	r.handle(http.MethodGet, coll, view, f.handleQuery)
	r.handle(http.MethodHead, coll, view, f.handleExists)
	r.handle(http.MethodPost, coll, f.manage, func(c *call) { upsertCustomObject(f, c) })
	r.handle(http.MethodGet, coll+"/{container}", view, func(c *call) { queryContainer(f, c) })
	item := coll + "/{container}/{key}"
	r.handle(http.MethodGet, item, view, func(c *call) { getCustomObject(f, c) })
	r.handle(http.MethodHead, item, view, func(c *call) { getCustomObject(f, c) })
	r.handle(http.MethodDelete, item, f.manage, func(c *call) { deleteCustomObject(f, c) })
}

// findCustomObject returns the id and the stored object of container/key. It scans the
// collection: objects written out of band (tests, the admin API) are found like any other.
func findCustomObject(f *family, p *projectStore, container, key string) (string, doc, bool) {
	if p == nil {
		return "", nil, false
	}
	for _, id := range p.ids(f.coll) {
		if d, ok := p.doc(f.coll, id); ok && d["container"] == container && d["key"] == key {
			return id, d, true
		}
	}
	return "", nil, false
}

func customObjectNotFound(container, key string) *apiError {
	return newError(http.StatusNotFound, "ResourceNotFound",
		fmt.Sprintf("The CustomObject with container '%s' and key '%s' was not found.", container, key))
}

func readCustomObjectDraft(d doc) (container, key string, value any, version int64, hasVersion bool, apiErr *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	container, ok := f.str("container", true)
	if ok && !containerPattern.MatchString(container) {
		p.add(errInvalidInput("Invalid container '%s': a container has the characters A-Z, a-z, 0-9, '-', '_', '~' and '.'.", container))
	}
	key, ok = f.str("key", true)
	if ok && !customObjectKeyPattern.MatchString(key) {
		p.add(errInvalidInput("Invalid key '%s': a custom object key has 1 to 256 characters of A-Z, a-z, 0-9, '-', '_', '~' and '.'.", key))
	}
	value, ok = f.get("value", true)
	if raw, given := f.get("version", false); given {
		if version, hasVersion = requestVersion(raw); !hasVersion {
			p.addShape("version: a non-negative integer is expected")
		}
	}
	_ = ok
	f.done()
	return container, key, value, version, hasVersion, p.err()
}

// dropNulls removes null fields from the objects of a value, at every depth.
func dropNulls(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			if e == nil {
				delete(t, k)
				continue
			}
			t[k] = dropNulls(e)
		}
	case []any:
		for i, e := range t {
			t[i] = dropNulls(e)
		}
	}
	return v
}

func upsertCustomObject(f *family, c *call) {
	body, apiErr := c.readBody()
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	draft, apiErr := decodeDoc(body)
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	container, key, value, version, hasVersion, apiErr := readCustomObjectDraft(draft)
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	var out doc
	status := http.StatusCreated
	apiErr = c.e.update(c.projectKey, func(p *projectStore) *apiError {
		now := formatTime(apiTime(c.e.now()))
		id, cur, exists := findCustomObject(f, p, container, key)
		if exists {
			cur = f.bumpForFault(c, p, id, cur)
			if have := docVersion(cur); hasVersion && have != version {
				return errConcurrentModification(id, version, have)
			}
			next := deepCopy(cur)
			next["value"] = dropNulls(value)
			next["version"] = float64(docVersion(cur) + 1)
			next["lastModifiedAt"], next["lastModifiedBy"] = now, c.by()
			if err := p.put(f.coll, id, next); err != nil {
				return errGeneral(err.Error())
			}
			c.resourceID, out, status = id, next, http.StatusOK
			return nil
		}
		id = newUUID()
		d := doc{"id": id, "version": float64(1), "container": container, "key": key, "value": dropNulls(value),
			"createdAt": now, "lastModifiedAt": now, "createdBy": c.by(), "lastModifiedBy": c.by()}
		if err := p.put(f.coll, id, d); err != nil {
			return errGeneral(err.Error())
		}
		c.resourceID, out = id, d
		return nil
	})
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	c.json(status, out)
}

func getCustomObject(f *family, c *call) {
	container, key := c.param("container"), c.param("key")
	var out doc
	c.e.view(c.projectKey, func(p *projectStore) {
		var id string
		if id, out, _ = findCustomObject(f, p, container, key); out != nil {
			c.resourceID = id
		}
	})
	if out == nil {
		c.fail(customObjectNotFound(container, key))
		return
	}
	if c.r.Method == http.MethodHead {
		c.empty(http.StatusOK)
		return
	}
	c.json(http.StatusOK, out)
}

func deleteCustomObject(f *family, c *call) {
	container, key := c.param("container"), c.param("key")
	q := c.r.URL.Query()
	version, hasVersion := int64(0), false
	if raw, given := q["version"]; given {
		if version, hasVersion = requestVersion(raw[0]); !hasVersion {
			c.fail(errInvalidInput("Invalid query parameter 'version': a non-negative integer is expected."))
			return
		}
	}
	var out doc
	apiErr := c.e.update(c.projectKey, func(p *projectStore) *apiError {
		id, cur, ok := findCustomObject(f, p, container, key)
		if !ok {
			return customObjectNotFound(container, key)
		}
		cur = f.bumpForFault(c, p, id, cur)
		if have := docVersion(cur); hasVersion && have != version {
			return errConcurrentModification(id, version, have)
		}
		p.remove(f.coll, id)
		c.resourceID, out = id, cur
		return nil
	})
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	c.json(http.StatusOK, out)
}

// queryContainer is Query CustomObjects in Container.
func queryContainer(f *family, c *call) {
	q, apiErr := parseQuery(c.r.URL.Query(), f.query, false)
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	container := c.param("container")
	var page pagedResponse
	c.e.view(c.projectKey, func(p *projectStore) {
		var docs []doc
		for _, d := range f.rows(p) {
			if d["container"] == container {
				docs = append(docs, d)
			}
		}
		idx, total := q.apply(docs)
		results := make([]doc, len(idx))
		for i, j := range idx {
			results[i] = docs[j]
		}
		page = q.page(results, len(results), total)
	})
	c.json(http.StatusOK, page)
}
