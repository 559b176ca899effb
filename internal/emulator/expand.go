package emulator

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// Reference expansion (commercetools-api-reference, general concepts "Reference Expansion"):
// every GET, query and update of a resource accepts `expand` parameters, each an expansion path
// such as `taxCategory`, `distributionChannels[*]`, `productSelections[*].productSelection` or
// `parent.obj.parent`. The Reference at the end of the path (and at any Reference the path passes
// through) gets an `obj` with the referenced resource. Expansion applies to each result of a paged
// query. Where a path leads to no Reference, or the referenced resource is gone, the reference
// says nothing this emulator relies on; it answers without that expansion and without an error,
// so that a client asking for an optional reference (a store without supply channels) is served
// as the API serves it, and a client that needs the obj sees it missing rather than a 400 the API
// may not send.

// expand returns v with the references the expansion paths name expanded. It takes the
// emulator's lock: it is called when the handler has released it.
func (c *call) expand(v any, paths []string) any {
	raw, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var tree any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if dec.Decode(&tree) != nil {
		return v
	}
	targets := []any{tree}
	if m, ok := tree.(map[string]any); ok {
		if results, ok := m["results"].([]any); ok {
			if _, paged := m["count"]; paged {
				targets = results
			}
		}
	}
	c.e.view(c.projectKey, func(p *projectStore) {
		if p == nil {
			return
		}
		for _, t := range targets {
			for _, path := range paths {
				expandPath(p, t, strings.Split(path, "."))
			}
		}
	})
	return tree
}

// expandPath follows segs from node, expanding the references on the way and at the end.
func expandPath(p *projectStore, node any, segs []string) {
	m, ok := node.(map[string]any)
	if !ok || len(segs) == 0 {
		return
	}
	name, index := segs[0], ""
	if i := strings.IndexByte(name, '['); i > 0 && strings.HasSuffix(name, "]") {
		name, index = name[:i], name[i+1:len(name)-1]
	}
	child, ok := m[name]
	if !ok {
		return
	}
	items := []any{child}
	if index != "" {
		arr, ok := child.([]any)
		if !ok {
			return
		}
		if index == "*" {
			items = arr
		} else if n, err := strconv.Atoi(index); err == nil && n >= 0 && n < len(arr) {
			items = []any{arr[n]}
		} else {
			return
		}
	}
	for _, it := range items {
		resolveReference(p, it)
		expandPath(p, it, segs[1:])
	}
}

// resolveReference sets the obj of a Reference to the resource it references, if it exists.
func resolveReference(p *projectStore, v any) {
	ref, ok := v.(map[string]any)
	if !ok {
		return
	}
	typeID, _ := ref["typeId"].(string)
	id, _ := ref["id"].(string)
	f := versionedFamilies[typeID]
	if f == nil || id == "" {
		return
	}
	if _, done := ref["obj"]; done {
		return
	}
	d, ok := p.doc(f.coll, id)
	if !ok {
		return
	}
	raw, err := json.Marshal(d)
	if err != nil {
		return
	}
	var obj any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if dec.Decode(&obj) == nil {
		ref["obj"] = obj
	}
}
