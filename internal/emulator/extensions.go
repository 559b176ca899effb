package emulator

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// API extensions (commercetools-api-reference: resources/extensions.raml, types/extension/*.raml).
//
// Secrets (the HTTP authorization header value, the Azure Functions key, the AWS Lambda access
// key and secret) are "partially hidden on retrieval"; the reference does not give the form. The
// emulator shows the last four characters of a secret longer than eight and stars for the rest
// ("************oken"), and eight stars for a shorter one. Responses to create and update are
// masked the same way.
//
// The emulator calls no destination: the reference documents no test call for extensions.
// Dependencies: at most 5, each an existing extension, chains at most 3 deep
// (ExtensionChainTooDeep); deleting an extension others depend on is ExtensionDependencyExists.
func init() { registerFamily(extensionsFamily) }

// maxExtensions is the per-project limit (https://docs.commercetools.com/api/limits).
const maxExtensions = 25

var extensionResourceTypeIDs = []string{"cart", "order", "payment", "payment-method", "customer", "customer-group",
	"quote-request", "staged-quote", "quote", "business-unit", "shopping-list"}

var extensionsFamily = &family{
	coll: "extensions", typeID: "extension", noun: "Extension",
	view:     []string{"manage_extensions", "manage_project"},
	manage:   []string{"manage_extensions", "manage_project"},
	maxCount: maxExtensions,
	query: querySpec{
		whereFields: setOf("id", "key", "version", "destination", "triggers", "timeoutInMs", "createdAt", "lastModifiedAt"),
		sortFields:  setOf("id", "key", "createdAt", "lastModifiedAt", "version"),
	},
	create:      createExtension,
	onRead:      func(_ *call, d doc) doc { return maskExtension(d) },
	deleteCheck: extensionDeleteCheck,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"changeDestination": func(_ *vctx, cur doc, a doc) *apiError {
			f, p := readFields(a)
			d := readExtensionDestination(f.object("destination", true))
			f.done()
			if apiErr := p.err(); apiErr != nil {
				return apiErr
			}
			cur["destination"] = d
			return nil
		},
		"changeTriggers": func(_ *vctx, cur doc, a doc) *apiError {
			f, p := readFields(a)
			t := readExtensionTriggers(f)
			f.done()
			if apiErr := p.err(); apiErr != nil {
				return apiErr
			}
			cur["triggers"] = t
			return nil
		},
		"setKey": setOptionalKey,
		"setTimeoutInMs": func(_ *vctx, cur doc, a doc) *apiError {
			f, p := readFields(a)
			ms, ok := readTimeout(f)
			f.done()
			if apiErr := p.err(); apiErr != nil {
				return apiErr
			}
			if !ok {
				delete(cur, "timeoutInMs")
				return nil
			}
			cur["timeoutInMs"] = ms
			return nil
		},
		"setDependencies": func(x *vctx, cur doc, a doc) *apiError {
			f, p := readFields(a)
			deps := x.readDependencies(f, true)
			f.done()
			if apiErr := p.err(); apiErr != nil {
				return apiErr
			}
			if slices.ContainsFunc(deps, func(e any) bool { return mapOf(e)["id"] == cur["id"] }) {
				return errInvalidOperation("An extension cannot depend on itself.")
			}
			if len(deps) == 0 {
				delete(cur, "dependencies")
				return nil
			}
			cur["dependencies"] = deps
			return x.checkChainDepth(cur)
		},
		"setExpansionPaths": func(_ *vctx, cur doc, a doc) *apiError {
			f, p := readFields(a)
			paths := readExpansionPaths(f, true)
			f.done()
			if apiErr := p.err(); apiErr != nil {
				return apiErr
			}
			if len(paths) == 0 {
				delete(cur, "expansionPaths")
				return nil
			}
			cur["expansionPaths"] = paths
			return nil
		},
		"setAdditionalContext": func(_ *vctx, cur doc, a doc) *apiError {
			f, p := readFields(a)
			c := readAdditionalContext(f.object("additionalContext", true))
			f.done()
			if apiErr := p.err(); apiErr != nil {
				return apiErr
			}
			cur["additionalContext"] = c
			return nil
		},
	},
}

func createExtension(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{}
	if key, ok := f.key(false); ok {
		out["key"] = key
	}
	if dest := readExtensionDestination(f.object("destination", true)); dest != nil {
		out["destination"] = dest
	}
	out["triggers"] = readExtensionTriggers(f)
	if ms, ok := readTimeout(f); ok {
		out["timeoutInMs"] = ms
	}
	if deps := x.readDependencies(f, false); len(deps) > 0 {
		out["dependencies"] = deps
	}
	if paths := readExpansionPaths(f, false); len(paths) > 0 {
		out["expansionPaths"] = paths
	}
	if f.has("additionalContext") {
		out["additionalContext"] = readAdditionalContext(f.object("additionalContext", false))
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	if apiErr := x.checkChainDepth(out); apiErr != nil {
		return nil, apiErr
	}
	return out, nil
}

// readExtensionDestination reads an ExtensionDestination (discriminated by type).
func readExtensionDestination(f *fields) doc {
	if f == nil {
		return nil
	}
	kind, ok := f.enum("type", true, []string{"HTTP", "AWSLambda", "GoogleCloudFunction"})
	if !ok {
		f.done()
		return nil
	}
	out := doc{"type": kind}
	nonEmpty := func(k string) {
		if v, ok := f.str(k, true); ok {
			if strings.TrimSpace(v) == "" {
				f.p.add(errInvalidInput("'%s' must not be empty.", f.path(k)))
			}
			out[k] = v
		}
	}
	switch kind {
	case "HTTP":
		nonEmpty("url")
		if a := f.object("authentication", false); a != nil {
			auth := doc{}
			t, ok := a.enum("type", true, []string{"AuthorizationHeader", "AzureFunctions"})
			if ok {
				auth["type"] = t
				k := "headerValue"
				if t == "AzureFunctions" {
					k = "key"
				}
				if v, ok := a.str(k, true); ok {
					auth[k] = v
				}
			}
			a.done()
			out["authentication"] = auth
		}
	case "AWSLambda":
		nonEmpty("arn")
		nonEmpty("accessKey")
		nonEmpty("accessSecret")
	case "GoogleCloudFunction":
		nonEmpty("url")
	}
	f.done()
	return out
}

// readExtensionTriggers reads the required, non-empty triggers of a draft or changeTriggers.
func readExtensionTriggers(f *fields) []any {
	l, _ := f.list("triggers", true)
	if l != nil && len(l) == 0 {
		f.p.add(errInvalidInput("'triggers' must not be empty."))
	}
	out := []any{}
	for i, e := range l {
		t := f.child(fmt.Sprintf("triggers[%d]", i), e)
		if t == nil {
			continue
		}
		tr := doc{}
		if rt, ok := t.enum("resourceTypeId", true, extensionResourceTypeIDs); ok {
			tr["resourceTypeId"] = rt
		}
		actions, _ := t.strings("actions", true)
		if actions != nil && len(actions) == 0 {
			f.p.add(errInvalidInput("'triggers[%d].actions' must not be empty.", i))
		}
		acts := []any{}
		for j, a := range actions {
			if a != "Create" && a != "Update" {
				f.p.addShape("triggers[%d].actions[%d]: Invalid enum value '%s', expected one of Create, Update", i, j, a)
				continue
			}
			acts = append(acts, a)
		}
		tr["actions"] = acts
		if c, ok := t.str("condition", false); ok {
			tr["condition"] = c
		}
		t.done()
		out = append(out, tr)
	}
	return out
}

func readTimeout(f *fields) (float64, bool) {
	v, ok := f.get("timeoutInMs", false)
	if !ok {
		return 0, false
	}
	n, isNum := v.(float64)
	if !isNum || n != float64(int64(n)) {
		f.p.addShape("timeoutInMs: an integer is expected")
		return 0, false
	}
	if n < 1 || n > 10000 {
		f.p.add(errInvalidInput("'timeoutInMs' must be >0 and at most 10000, got %v.", n))
	}
	return n, true
}

// readDependencies reads ExtensionResourceIdentifiers (at most 5) and returns references.
func (x *vctx) readDependencies(f *fields, required bool) []any {
	l, ok := f.list("dependencies", required)
	if !ok {
		return nil
	}
	if len(l) > 5 {
		f.p.add(newError(http.StatusBadRequest, "ExtensionChainTooWide", fmt.Sprintf("An extension can have at most 5 dependencies, got %d.", len(l))))
		return nil
	}
	out := []any{}
	for i, e := range l {
		id, apiErr := x.resolve("extension", e, fmt.Sprintf("dependencies[%d]", i))
		if apiErr != nil {
			f.p.add(apiErr)
			continue
		}
		out = append(out, doc{"typeId": "extension", "id": id})
	}
	return out
}

// checkChainDepth refuses dependency chains deeper than 3 extensions.
func (x *vctx) checkChainDepth(d doc) *apiError {
	var depth func(d doc, seen map[string]bool) int
	depth = func(d doc, seen map[string]bool) int {
		deps, _ := d["dependencies"].([]any)
		most := 0
		for _, e := range deps {
			id := str(mapOf(e)["id"])
			if seen[id] {
				continue
			}
			seen[id] = true
			if next := x.lookup("extension", id); next != nil {
				most = max(most, depth(next, seen))
			}
		}
		return 1 + most
	}
	if depth(d, map[string]bool{str(d["id"]): true}) > 3 {
		return newError(http.StatusBadRequest, "ExtensionChainTooDeep", "The dependencies of an extension can be at most 3 layers deep.")
	}
	return nil
}

func readExpansionPaths(f *fields, required bool) []any {
	paths, ok := f.strings("expansionPaths", required)
	if !ok {
		return nil
	}
	if len(paths) > 3 {
		f.p.add(errInvalidInput("'expansionPaths' can hold at most 3 paths, got %d.", len(paths)))
	}
	out := make([]any, len(paths))
	for i, s := range paths {
		out[i] = s
	}
	return out
}

func readAdditionalContext(f *fields) doc {
	out := doc{"includeOldResource": false}
	if f == nil {
		return out
	}
	if b, ok := f.boolean("includeOldResource", false); ok {
		out["includeOldResource"] = b
	}
	f.done()
	return out
}

func extensionDeleteCheck(x *vctx, d doc) *apiError {
	for _, other := range versionedFamilies["extension"].rows(x.p) {
		if other["id"] == d["id"] {
			continue
		}
		deps, _ := other["dependencies"].([]any)
		for _, e := range deps {
			if mapOf(e)["id"] == d["id"] {
				return newError(http.StatusBadRequest, "ExtensionDependencyExists",
					fmt.Sprintf("The extension is a dependency of extension '%v' and cannot be deleted.", other["id"]))
			}
		}
	}
	return nil
}

// mask hides all of a secret but its last four characters.
func mask(s string) string {
	if len(s) <= 8 {
		return "********"
	}
	return strings.Repeat("*", len(s)-4) + s[len(s)-4:]
}

// maskExtension returns a copy of an extension with its secrets masked.
func maskExtension(d doc) doc {
	out := deepCopy(d)
	dest := mapOf(out["destination"])
	for _, k := range []string{"accessKey", "accessSecret"} {
		if s, ok := dest[k].(string); ok {
			dest[k] = mask(s)
		}
	}
	if auth := mapOf(dest["authentication"]); auth != nil {
		for _, k := range []string{"headerValue", "key"} {
			if s, ok := auth[k].(string); ok {
				auth[k] = mask(s)
			}
		}
	}
	return out
}
