package emulator

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Bodies written from types/category/*.raml and types/common/Asset*.raml.

func (h *harness) categories() string { return "/" + h.ts.Project.Key + "/categories" }

// newCategory creates a category with name and slug {en: slug} plus extra fields.
func (h *harness) newCategory(tok, slug string, extra map[string]any) map[string]any {
	h.t.Helper()
	d := map[string]any{"name": map[string]any{"en": slug}, "slug": map[string]any{"en": slug}}
	for k, v := range extra {
		d[k] = v
	}
	return mustDoc(h.t, h.do("POST", h.categories(), tok, d), 201)
}

// mustID returns d["id"], failing the test unless it is a string.
func mustID(t testing.TB, d map[string]any) string {
	t.Helper()
	id, ok := d["id"].(string)
	if !ok {
		t.Fatalf("id is %T, want string: %v", d["id"], d)
	}
	return id
}

func catRef(d map[string]any) string { return fmt.Sprintf("map[id:%s typeId:category]", d["id"]) }

func ancestorsOf(d map[string]any) string {
	l, _ := d["ancestors"].([]any)
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = fmt.Sprint(e)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func TestCategoryCreateEveryField(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	field := func(name string) map[string]any {
		return map[string]any{"name": name, "label": map[string]any{"en": name}, "required": false, "type": map[string]any{"name": "String"}}
	}
	catType := mustDoc(t, h.do("POST", h.typesPath(), tok, map[string]any{"key": "cat-fields", "name": map[string]any{"en": "C"},
		"resourceTypeIds": []any{"category"}, "fieldDefinitions": []any{field("colour")}}), 201)
	assetType := mustDoc(t, h.do("POST", h.typesPath(), tok, map[string]any{"key": "asset-fields", "name": map[string]any{"en": "A"},
		"resourceTypeIds": []any{"asset"}, "fieldDefinitions": []any{field("alt")}}), 201)
	root := h.newCategory(tok, "root", map[string]any{"key": "root"})
	if root["ancestors"] == nil || ancestorsOf(root) != "[]" || root["parent"] != nil || fmt.Sprint(root["assets"]) != "[]" {
		t.Fatalf("root: %v", root)
	}
	full := mustDoc(t, h.do("POST", h.categories(), tok, map[string]any{
		"key": "summer", "name": map[string]any{"en": "Summer", "de": "Sommer"}, "slug": map[string]any{"en": "summer", "de": "sommer"},
		"description": map[string]any{"en": "Hot"}, "metaTitle": map[string]any{"en": "T"}, "metaDescription": map[string]any{"en": "D"},
		"metaKeywords": map[string]any{"en": "K"}, "parent": map[string]any{"typeId": "category", "key": "root"}, "orderHint": "0.5",
		"externalId": "ext-1", "custom": map[string]any{"type": map[string]any{"key": "cat-fields"}, "fields": map[string]any{"colour": "red"}},
		"assets": []any{map[string]any{
			"key": "hero", "name": map[string]any{"en": "Hero"}, "description": map[string]any{"en": "Big"}, "tags": []any{"a", "b"},
			"sources": []any{map[string]any{"uri": "https://x.example/h.png", "key": "png", "dimensions": map[string]any{"w": 800, "h": 600}, "contentType": "image/png"}},
			"custom":  map[string]any{"type": map[string]any{"key": "asset-fields"}, "fields": map[string]any{"alt": "hero"}},
		}},
	}), 201)
	for k, want := range map[string]string{
		"key": "summer", "name": "map[de:Sommer en:Summer]", "slug": "map[de:sommer en:summer]", "description": "map[en:Hot]",
		"metaTitle": "map[en:T]", "metaDescription": "map[en:D]", "metaKeywords": "map[en:K]", "parent": catRef(root),
		"orderHint": "0.5", "externalId": "ext-1", "version": "1",
		"custom": fmt.Sprintf("map[fields:map[colour:red] type:map[id:%s typeId:type]]", catType["id"]),
	} {
		if got := fmt.Sprint(full[k]); got != want {
			t.Errorf("%s = %s, want %s", k, got, want)
		}
	}
	if ancestorsOf(full) != "["+catRef(root)+"]" || full["createdAt"] == nil || full["lastModifiedAt"] == nil {
		t.Fatalf("ancestors/timestamps: %v", full)
	}
	assets, _ := full["assets"].([]any)
	if len(assets) != 1 {
		t.Fatalf("assets: %v", full["assets"])
	}
	asset, _ := assets[0].(map[string]any)
	if id, _ := asset["id"].(string); len(id) != 36 {
		t.Fatalf("asset id: %v", asset)
	}
	want := fmt.Sprintf("map[custom:map[fields:map[alt:hero] type:map[id:%s typeId:type]] description:map[en:Big] id:%s key:hero name:map[en:Hero] "+
		"sources:[map[contentType:image/png dimensions:map[h:600 w:800] key:png uri:https://x.example/h.png]] tags:[a b]]", assetType["id"], asset["id"])
	if got := fmt.Sprint(asset); got != want {
		t.Fatalf("asset:\n got %s\nwant %s", got, want)
	}
	// Read back by key and id; query by slug and parent.
	if got := mustDoc(t, h.do("GET", h.categories()+"/key=summer", tok, nil), 200); fmt.Sprint(got) != fmt.Sprint(full) {
		t.Fatalf("get by key: %v", got)
	}
	mustDoc(t, h.do("GET", h.categories()+"/"+mustID(t, full), tok, nil), 200)
	q := url.Values{"where": {`slug(de = "sommer")`, fmt.Sprintf(`parent(id = "%s")`, root["id"])}}
	if page := mustDoc(t, h.do("GET", h.categories()+"?"+q.Encode(), tok, nil), 200); page["count"] != 1.0 {
		t.Fatalf("query: %v", page)
	}
	// Types in use by the category and by its asset cannot be deleted.
	_, _ = mustError(t, h.do("DELETE", h.typesPath()+"/key=cat-fields?version=1", tok, nil), 400, "ReferenceExists")
	_, _ = mustError(t, h.do("DELETE", h.typesPath()+"/key=asset-fields?version=1", tok, nil), 400, "ReferenceExists")
	// Bad drafts.
	for _, tc := range []struct {
		name  string
		draft map[string]any
		code  string
	}{
		{"no slug", map[string]any{"name": map[string]any{"en": "x"}}, "InvalidJsonInput"},
		{"no name", map[string]any{"slug": map[string]any{"en": "xx"}}, "InvalidJsonInput"},
		{"empty name", map[string]any{"name": map[string]any{}, "slug": map[string]any{"en": "xx"}}, "InvalidInput"},
		{"unknown parent", map[string]any{"name": map[string]any{"en": "x"}, "slug": map[string]any{"en": "xx"}, "parent": map[string]any{"key": "nope"}}, "ReferencedResourceNotFound"},
		{"duplicate key", map[string]any{"name": map[string]any{"en": "x"}, "slug": map[string]any{"en": "xx"}, "key": "root"}, "DuplicateField"},
		{"asset without sources", map[string]any{"name": map[string]any{"en": "x"}, "slug": map[string]any{"en": "xx"},
			"assets": []any{map[string]any{"name": map[string]any{"en": "a"}, "sources": []any{}}}}, "InvalidInput"},
		{"asset source without uri", map[string]any{"name": map[string]any{"en": "x"}, "slug": map[string]any{"en": "xx"},
			"assets": []any{map[string]any{"name": map[string]any{"en": "a"}, "sources": []any{map[string]any{"key": "k1"}}}}}, "InvalidJsonInput"},
		{"duplicate asset keys", map[string]any{"name": map[string]any{"en": "x"}, "slug": map[string]any{"en": "xx"}, "assets": []any{
			map[string]any{"key": "a1", "name": map[string]any{"en": "a"}, "sources": []any{map[string]any{"uri": "u"}}},
			map[string]any{"key": "a1", "name": map[string]any{"en": "b"}, "sources": []any{map[string]any{"uri": "v"}}}}}, "DuplicateField"},
		{"unknown field", map[string]any{"name": map[string]any{"en": "x"}, "slug": map[string]any{"en": "xx"}, "colour": "red"}, "InvalidJsonInput"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _ = mustError(t, h.do("POST", h.categories(), tok, tc.draft), 400, tc.code)
		})
	}
}

func TestCategorySlugs(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	h.newCategory(tok, "summer", map[string]any{"key": "aa"})
	for _, bad := range []string{"s", "has space", "umlaut-ä", strings.Repeat("x", 257)} {
		_, objs := mustError(t, h.do("POST", h.categories(), tok, map[string]any{"name": map[string]any{"en": "x"}, "slug": map[string]any{"en": bad}}), 400, "InvalidInput")
		if m, _ := objs[0]["message"].(string); !strings.Contains(m, "'slug.en'") {
			t.Errorf("slug %q: %v", bad, objs)
		}
	}
	_, _ = mustError(t, h.do("POST", h.categories(), tok, map[string]any{"name": map[string]any{"en": "x"}, "slug": map[string]any{}}), 400, "InvalidInput")
	_, objs := mustError(t, h.do("POST", h.categories(), tok, map[string]any{"name": map[string]any{"en": "x"}, "slug": map[string]any{"en": "summer"}}), 400, "DuplicateField")
	if objs[0]["message"] != `A duplicate value '"summer"' exists for field 'slug.en'.` || objs[0]["field"] != "slug" || objs[0]["duplicateValue"] != "summer" {
		t.Fatalf("duplicate slug: %v", objs)
	}
	// The same value in another locale is another slug; a category may use one value in two locales.
	b := h.newCategory(tok, "winter", map[string]any{"slug": map[string]any{"de": "summer", "en": "winter"}})
	bID := mustID(t, b)
	_, objs = mustError(t, h.do("POST", h.categories()+"/"+bID, tok, update(1, map[string]any{"action": "changeSlug", "slug": map[string]any{"en": "summer"}})), 400, "DuplicateField")
	if m, _ := objs[0]["message"].(string); !strings.Contains(m, "'slug.en'") {
		t.Fatalf("changeSlug duplicate: %v", objs)
	}
	_, _ = mustError(t, h.do("POST", h.categories()+"/"+bID, tok, update(1, map[string]any{"action": "changeSlug", "slug": map[string]any{"en": "x y"}})), 400, "InvalidInput")
	u := mustDoc(t, h.do("POST", h.categories()+"/"+bID, tok, update(1, map[string]any{"action": "changeSlug", "slug": map[string]any{"en": "winter", "fr": "winter"}})), 200)
	if fmt.Sprint(u["slug"]) != "map[en:winter fr:winter]" || u["version"] != 2.0 {
		t.Fatalf("changeSlug: %v", u)
	}
}

func TestCategoryTree(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	a := h.newCategory(tok, "a1", map[string]any{"key": "a1"})
	b := h.newCategory(tok, "b1", map[string]any{"key": "b1", "parent": map[string]any{"key": "a1"}})
	c := h.newCategory(tok, "c1", map[string]any{"key": "c1", "parent": map[string]any{"typeId": "category", "key": "b1"}})
	d := h.newCategory(tok, "d1", map[string]any{"key": "d1", "parent": map[string]any{"id": c["id"]}})
	if ancestorsOf(c) != "["+catRef(a)+" "+catRef(b)+"]" || fmt.Sprint(c["parent"]) != catRef(b) {
		t.Fatalf("c: %v", c)
	}
	if ancestorsOf(d) != "["+catRef(a)+" "+catRef(b)+" "+catRef(c)+"]" {
		t.Fatalf("d: %v", d)
	}
	r := h.newCategory(tok, "r1", map[string]any{"key": "r1"})
	// Cycles are refused: b under itself, b under its descendants.
	for _, target := range []string{"b1", "c1", "d1"} {
		_, objs := mustError(t, h.do("POST", h.categories()+"/key=b1", tok, update(1, map[string]any{"action": "changeParent", "parent": map[string]any{"key": target}})), 400, "InvalidOperation")
		if m, _ := objs[0]["message"].(string); !strings.Contains(m, "own ancestor") {
			t.Fatalf("cycle message: %v", objs)
		}
	}
	_, _ = mustError(t, h.do("POST", h.categories()+"/key=b1", tok, update(1, map[string]any{"action": "changeParent"})), 400, "InvalidJsonInput")
	_, _ = mustError(t, h.do("POST", h.categories()+"/key=b1", tok, update(1, map[string]any{"action": "changeParent", "parent": map[string]any{"key": "zz"}})), 400, "ReferencedResourceNotFound")
	// Re-parent b under r: b, c and d get new ancestors; c and d keep their versions.
	nb := mustDoc(t, h.do("POST", h.categories()+"/key=b1", tok, update(1, map[string]any{"action": "changeParent", "parent": map[string]any{"id": r["id"]}})), 200)
	if fmt.Sprint(nb["parent"]) != catRef(r) || ancestorsOf(nb) != "["+catRef(r)+"]" || nb["version"] != 2.0 {
		t.Fatalf("b after re-parent: %v", nb)
	}
	nc := mustDoc(t, h.do("GET", h.categories()+"/key=c1", tok, nil), 200)
	nd := mustDoc(t, h.do("GET", h.categories()+"/key=d1", tok, nil), 200)
	if ancestorsOf(nc) != "["+catRef(r)+" "+catRef(b)+"]" || nc["version"] != 1.0 {
		t.Fatalf("c after re-parent: %v", nc)
	}
	if ancestorsOf(nd) != "["+catRef(r)+" "+catRef(b)+" "+catRef(c)+"]" || nd["version"] != 1.0 {
		t.Fatalf("d after re-parent: %v", nd)
	}
	// a may now go under d (it is no longer an ancestor of d).
	na := mustDoc(t, h.do("POST", h.categories()+"/key=a1", tok, update(1, map[string]any{"action": "changeParent", "parent": map[string]any{"key": "d1"}})), 200)
	if ancestorsOf(na) != "["+catRef(r)+" "+catRef(b)+" "+catRef(c)+" "+catRef(d)+"]" {
		t.Fatalf("a: %v", na)
	}
	// Query by ancestor.
	q := url.Values{"where": {fmt.Sprintf(`ancestors(id = "%s")`, b["id"])}}
	if page := mustDoc(t, h.do("GET", h.categories()+"?"+q.Encode(), tok, nil), 200); page["count"] != 3.0 {
		t.Fatalf("query by ancestor: %v", page)
	}
	// A category with children cannot be deleted; leaves first.
	_, objs := mustError(t, h.do("DELETE", h.categories()+"/key=r1?version=1", tok, nil), 400, "ReferenceExists")
	if m, _ := objs[0]["message"].(string); !strings.Contains(m, mustID(t, b)) || !strings.Contains(m, "key 'b1'") || objs[0]["referencedBy"] != "category" {
		t.Fatalf("delete with children: %v", objs)
	}
	for _, k := range []string{"a1?version=2", "d1?version=1", "c1?version=1", "b1?version=2", "r1?version=1"} {
		mustDoc(t, h.do("DELETE", h.categories()+"/key="+k, tok, nil), 200)
	}
}

func TestCategoryOrderHint(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	random := regexp.MustCompile(`^0\.[0-9]+$`)
	for i, draft := range []map[string]any{{}, {"orderHint": ""}} {
		c := h.newCategory(tok, fmt.Sprintf("c%d", i), draft)
		hint, _ := c["orderHint"].(string)
		v, err := strconv.ParseFloat(hint, 64)
		if !random.MatchString(hint) || err != nil || v <= 0 || v >= 1 {
			t.Fatalf("random orderHint %q", hint)
		}
	}
	c := h.newCategory(tok, "set", map[string]any{"key": "set", "orderHint": ".25"})
	if c["orderHint"] != ".25" {
		t.Fatalf("orderHint: %v", c["orderHint"])
	}
	for _, bad := range []string{"0", "1", "0.0", "1.5", "abc", "-0.5", "0.5e1", " 0.5"} {
		_, _ = mustError(t, h.do("POST", h.categories(), tok, map[string]any{"name": map[string]any{"en": "x"}, "slug": map[string]any{"en": "xx"}, "orderHint": bad}), 400, "InvalidInput")
		_, _ = mustError(t, h.do("POST", h.categories()+"/key=set", tok, update(1, map[string]any{"action": "changeOrderHint", "orderHint": bad})), 400, "InvalidInput")
	}
	_, _ = mustError(t, h.do("POST", h.categories()+"/key=set", tok, update(1, map[string]any{"action": "changeOrderHint", "orderHint": ""})), 400, "InvalidInput")
	u := mustDoc(t, h.do("POST", h.categories()+"/key=set", tok, update(1,
		map[string]any{"action": "changeOrderHint", "orderHint": "0.9"},
		map[string]any{"action": "changeName", "name": map[string]any{"en": "Set"}},
		map[string]any{"action": "setKey", "key": "set-2"},
		map[string]any{"action": "setDescription", "description": map[string]any{"en": "D"}},
		map[string]any{"action": "setExternalId", "externalId": "e"},
		map[string]any{"action": "setMetaTitle", "metaTitle": map[string]any{"en": "T"}},
		map[string]any{"action": "setMetaDescription", "metaDescription": map[string]any{"en": "MD"}},
		map[string]any{"action": "setMetaKeywords", "metaKeywords": map[string]any{"en": "K"}},
	)), 200)
	if u["orderHint"] != "0.9" || u["key"] != "set-2" || u["externalId"] != "e" || fmt.Sprint(u["metaKeywords"]) != "map[en:K]" || u["version"] != 2.0 {
		t.Fatalf("update: %v", u)
	}
	u = mustDoc(t, h.do("POST", h.categories()+"/key=set-2", tok, update(2,
		map[string]any{"action": "setDescription"}, map[string]any{"action": "setExternalId"}, map[string]any{"action": "setMetaTitle"},
		map[string]any{"action": "setKey"})), 200)
	if u["description"] != nil || u["externalId"] != nil || u["metaTitle"] != nil || u["key"] != nil {
		t.Fatalf("unset: %v", u)
	}
	_, _ = mustError(t, h.do("POST", h.categories()+"/"+mustID(t, u), tok, update(3, map[string]any{"action": "changeName", "name": map[string]any{}})), 400, "InvalidInput")
}

func TestCategoryAssets(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	mustDoc(t, h.do("POST", h.typesPath(), tok, map[string]any{"key": "asset-fields", "name": map[string]any{"en": "A"}, "resourceTypeIds": []any{"asset"},
		"fieldDefinitions": []any{map[string]any{"name": "alt", "label": map[string]any{"en": "alt"}, "required": false, "type": map[string]any{"name": "String"}}}}), 201)
	src := func(uri string) []any { return []any{map[string]any{"uri": uri}} }
	c := h.newCategory(tok, "cat", map[string]any{"key": "cat", "assets": []any{
		map[string]any{"key": "hero", "name": map[string]any{"en": "Hero"}, "sources": src("https://x.example/1")},
		map[string]any{"name": map[string]any{"en": "Keyless"}, "sources": src("https://x.example/2")},
	}})
	path := h.categories() + "/key=cat"
	version := 1.0
	apply := func(actions ...map[string]any) map[string]any {
		t.Helper()
		u := mustDoc(t, h.do("POST", path, tok, update(version, actions...)), 200)
		v, ok := u["version"].(float64)
		if !ok {
			t.Fatalf("version is %T: %v", u["version"], u)
		}
		version = v
		return u
	}
	assetAt := func(d map[string]any, i int) map[string]any {
		l, _ := d["assets"].([]any)
		if i >= len(l) {
			t.Fatalf("no asset %d: %v", i, d["assets"])
		}
		a, _ := l[i].(map[string]any)
		return a
	}
	hero := assetAt(c, 0)
	heroID := mustID(t, hero)
	if fmt.Sprint(hero["tags"]) != "[]" || assetAt(c, 1)["id"] == heroID {
		t.Fatalf("assets: %v", c["assets"])
	}
	// Every action that addresses an asset, by id and then by key.
	for _, by := range []map[string]any{{"assetId": heroID}, {"assetKey": "hero"}} {
		with := func(action string, fields map[string]any) map[string]any {
			a := map[string]any{"action": action}
			for k, v := range by {
				a[k] = v
			}
			for k, v := range fields {
				a[k] = v
			}
			return a
		}
		name := fmt.Sprint(by)
		u := apply(
			with("changeAssetName", map[string]any{"name": map[string]any{"en": name}}),
			with("setAssetDescription", map[string]any{"description": map[string]any{"en": "desc " + name}}),
			with("setAssetSources", map[string]any{"sources": []any{map[string]any{"uri": "https://x.example/" + name, "dimensions": map[string]any{"w": 1, "h": 2}}}}),
			with("setAssetTags", map[string]any{"tags": []any{name}}),
			with("setAssetCustomType", map[string]any{"type": map[string]any{"key": "asset-fields"}}),
			with("setAssetCustomField", map[string]any{"name": "alt", "value": name}),
		)
		a := assetAt(u, 0)
		if fmt.Sprint(a["name"]) != "map[en:"+name+"]" || fmt.Sprint(a["description"]) != "map[en:desc "+name+"]" ||
			fmt.Sprint(a["tags"]) != "["+name+"]" || !strings.Contains(fmt.Sprint(a["sources"]), "dimensions:map[h:2 w:1]") ||
			!strings.Contains(fmt.Sprint(a["custom"]), "alt:"+name) {
			t.Fatalf("asset after actions by %s: %v", name, a)
		}
		u = apply(with("setAssetDescription", nil), with("setAssetTags", nil), with("setAssetCustomField", map[string]any{"name": "alt"}))
		if a = assetAt(u, 0); a["description"] != nil || fmt.Sprint(a["tags"]) != "[]" || strings.Contains(fmt.Sprint(a["custom"]), "alt:") {
			t.Fatalf("asset after removals by %s: %v", name, a)
		}
		u = apply(with("setAssetCustomType", nil))
		if assetAt(u, 0)["custom"] != nil {
			t.Fatalf("custom type not removed by %s", name)
		}
	}
	// setAssetKey addresses by assetId; the new key then addresses the asset.
	keyless := mustID(t, assetAt(c, 1))
	_, _ = mustError(t, h.do("POST", path, tok, update(version, map[string]any{"action": "setAssetKey", "assetId": keyless, "assetKey": "hero"})), 400, "DuplicateField")
	_, _ = mustError(t, h.do("POST", path, tok, update(version, map[string]any{"action": "setAssetKey", "assetKey": "x1"})), 400, "InvalidJsonInput")
	_, _ = mustError(t, h.do("POST", path, tok, update(version, map[string]any{"action": "setAssetKey", "assetId": keyless, "assetKey": "a b"})), 400, "InvalidInput")
	u := apply(map[string]any{"action": "setAssetKey", "assetId": keyless, "assetKey": "second"},
		map[string]any{"action": "changeAssetName", "assetKey": "second", "name": map[string]any{"en": "Second"}},
		map[string]any{"action": "setAssetKey", "assetId": heroID})
	if assetAt(u, 1)["key"] != "second" || fmt.Sprint(assetAt(u, 1)["name"]) != "map[en:Second]" || assetAt(u, 0)["key"] != nil {
		t.Fatalf("setAssetKey: %v", u["assets"])
	}
	apply(map[string]any{"action": "setAssetKey", "assetId": heroID, "assetKey": "hero"})
	// Addressing errors.
	for _, tc := range []struct {
		action map[string]any
		code   string
	}{
		{map[string]any{"action": "removeAsset", "assetId": "nope"}, "InvalidOperation"},
		{map[string]any{"action": "removeAsset", "assetKey": "nope"}, "InvalidOperation"},
		{map[string]any{"action": "removeAsset"}, "InvalidJsonInput"},
		{map[string]any{"action": "removeAsset", "assetId": heroID, "assetKey": "hero"}, "InvalidJsonInput"},
		{map[string]any{"action": "setAssetCustomField", "assetKey": "nope", "name": "alt", "value": "x"}, "InvalidOperation"},
		{map[string]any{"action": "setAssetSources", "assetKey": "hero", "sources": []any{}}, "InvalidInput"},
		{map[string]any{"action": "changeAssetName", "assetKey": "hero", "name": map[string]any{}}, "InvalidInput"},
		{map[string]any{"action": "addAsset", "asset": map[string]any{"key": "hero", "name": map[string]any{"en": "x"}, "sources": src("u")}}, "DuplicateField"},
		{map[string]any{"action": "addAsset", "position": 3, "asset": map[string]any{"name": map[string]any{"en": "x"}, "sources": src("u")}}, "InvalidInput"},
		{map[string]any{"action": "changeAssetOrder", "assetOrder": []any{heroID}}, "InvalidOperation"},
		{map[string]any{"action": "changeAssetOrder", "assetOrder": []any{heroID, heroID}}, "InvalidOperation"},
		{map[string]any{"action": "changeAssetOrder", "assetOrder": []any{heroID, keyless, "nope"}}, "InvalidOperation"},
	} {
		t.Run(fmt.Sprint(tc.action), func(t *testing.T) {
			_, _ = mustError(t, h.do("POST", path, tok, update(version, tc.action)), 400, tc.code)
		})
	}
	// addAsset at a position and at the end, changeAssetOrder, removeAsset by id and by key.
	u = apply(map[string]any{"action": "addAsset", "position": 0, "asset": map[string]any{"key": "first", "name": map[string]any{"en": "F"}, "sources": src("f")}},
		map[string]any{"action": "addAsset", "asset": map[string]any{"key": "last", "name": map[string]any{"en": "L"}, "sources": src("l")}})
	order := func(d map[string]any) string {
		var keys []string
		t.Helper()
		l, ok := d["assets"].([]any)
		if !ok {
			t.Fatalf("assets is %T: %v", d["assets"], d)
		}
		for _, e := range l {
			a, ok := e.(map[string]any)
			if !ok {
				t.Fatalf("asset is %T: %v", e, e)
			}
			keys = append(keys, fmt.Sprint(a["key"]))
		}
		return strings.Join(keys, ",")
	}
	if order(u) != "first,hero,second,last" {
		t.Fatalf("addAsset order: %s", order(u))
	}
	var ids []any
	for i := 3; i >= 0; i-- {
		ids = append(ids, assetAt(u, i)["id"])
	}
	u = apply(map[string]any{"action": "changeAssetOrder", "assetOrder": ids})
	if order(u) != "last,second,hero,first" {
		t.Fatalf("changeAssetOrder: %s", order(u))
	}
	u = apply(map[string]any{"action": "removeAsset", "assetId": heroID}, map[string]any{"action": "removeAsset", "assetKey": "last"})
	if order(u) != "second,first" {
		t.Fatalf("removeAsset: %s", order(u))
	}
}

func TestCategoryVersionsAndCustom(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	mustDoc(t, h.do("POST", h.typesPath(), tok, map[string]any{"key": "cat-fields", "name": map[string]any{"en": "C"}, "resourceTypeIds": []any{"category"},
		"fieldDefinitions": []any{map[string]any{"name": "colour", "label": map[string]any{"en": "c"}, "required": false, "type": map[string]any{"name": "String"}}}}), 201)
	h.newCategory(tok, "vv", map[string]any{"key": "vv"})
	path := h.categories() + "/key=vv"
	_, objs := mustError(t, h.do("POST", path, tok, update(7, map[string]any{"action": "setExternalId", "externalId": "x"})), 409, "ConcurrentModification")
	if objs[0]["currentVersion"] != 1.0 {
		t.Fatalf("409: %v", objs)
	}
	_, _ = mustError(t, h.do("DELETE", path+"?version=7", tok, nil), 409, "ConcurrentModification")
	u := mustDoc(t, h.do("POST", path, tok, update(1,
		map[string]any{"action": "setCustomType", "type": map[string]any{"key": "cat-fields"}, "fields": map[string]any{"colour": "red"}},
		map[string]any{"action": "setCustomField", "name": "colour", "value": "blue"})), 200)
	if !strings.Contains(fmt.Sprint(u["custom"]), "colour:blue") || u["version"] != 2.0 {
		t.Fatalf("custom: %v", u)
	}
	_, _ = mustError(t, h.do("DELETE", h.typesPath()+"/key=cat-fields?version=1", tok, nil), 400, "ReferenceExists")
	u = mustDoc(t, h.do("POST", path, tok, update(2, map[string]any{"action": "setCustomType"})), 200)
	if u["custom"] != nil {
		t.Fatalf("custom type not removed: %v", u)
	}
	mustDoc(t, h.do("DELETE", h.typesPath()+"/key=cat-fields?version=1", tok, nil), 200)
	mustDoc(t, h.do("DELETE", path+"?version=3", tok, nil), 200)
}

func TestCategoryScopes(t *testing.T) {
	h := newHarness(t, Options{})
	admin := h.admin()
	tokenFor := func(scope string) string {
		c := h.create(admin, map[string]any{"name": scope, "scope": scope})
		return h.token(c.ID, *c.Secret)
	}
	draft := map[string]any{"name": map[string]any{"en": "x"}, "slug": map[string]any{"en": "s1"}}
	viewer := tokenFor("view_categories:" + pk)
	mustDoc(t, h.do("GET", h.categories(), viewer, nil), 200)
	_ = mustAuthError(t, h.do("POST", h.categories(), viewer, draft), 403, "insufficient_scope")
	mustDoc(t, h.do("POST", h.categories(), tokenFor("manage_products:"+pk), draft), 201)
	mustDoc(t, h.do("GET", h.categories()+"?where="+url.QueryEscape(`slug(en = "s1")`), tokenFor("view_products:"+pk), nil), 200)
	draft["slug"] = map[string]any{"en": "s2"}
	mustDoc(t, h.do("POST", h.categories(), tokenFor("manage_categories:"+pk), draft), 201)
}
