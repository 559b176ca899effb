package emulator

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Categories (commercetools-api-reference: resources/categories.raml, types/category/*.raml and
// types/common/Asset*.raml).
//
// Representation: the stored doc is the Category as returned. ancestors (CategoryReference[],
// root first) is stored with the category and kept right by changeParent: after a re-parent the
// ancestors of every descendant are recomputed from the parent chain.
//
// Choices where the reference is silent, written down:
//   - Slugs are unique per locale: a value that another category uses for the same locale is
//     DuplicateField (field "slug", duplicateValue the value, the locale in the message:
//     "A duplicate value '"summer"' exists for field 'slug.en'."). The same value in another
//     locale, or in two locales of one category, is allowed. Comparison is case-sensitive.
//   - A slug value that does not match ^[A-Za-z0-9_-]{2,256}$ is InvalidInput; so is an empty
//     slug or name ({} or only empty texts).
//   - orderHint must be a decimal strictly between 0 and 1 written as "0.<digits>" or
//     ".<digits>" (not all zeros); anything else is InvalidInput. When the draft has no orderHint
//     or an empty one (the incumbent provider sends ""), a random value "0.0000<15 digits>" is
//     assigned. changeOrderHint requires a valid value ("" is InvalidInput).
//   - changeParent requires a parent (the spec marks it required): there is no action that makes a
//     category a root again. A parent that is the category itself or one of its descendants is
//     InvalidOperation. Re-parenting rewrites the ancestors of the descendants without changing
//     their version or lastModifiedAt.
//   - A category that has children cannot be deleted: 400 ReferenceExists (referencedBy
//     "category") whose message names the children. Delete the children first (Terraform does so
//     when children reference the parent). The parent reference is therefore not in refs; the
//     custom Type of the category and of its assets is, so a Type in use cannot be deleted.
//   - assets is always present ([] when there are none); an asset's tags are always present ([]
//     when none were given; setAssetTags without tags sets []). Each asset gets a new UUID id.
//   - Asset actions address the asset by exactly one of assetId and assetKey (both or neither is
//     InvalidJsonInput); an unknown asset is InvalidOperation. setAssetKey addresses by assetId
//     (required by the spec) and takes the new key in assetKey (absent removes the key).
//   - Asset keys are unique within the category: DuplicateField with field "assets.key". Source
//     keys are unique within the asset: DuplicateField with field "assets.sources.key". An asset
//     needs at least one source (InvalidInput), each with a non-empty uri; dimensions w and h are
//     non-negative integers.
//   - addAsset's position may be 0 to the number of assets before the action (appending at the
//     end is allowed); otherwise InvalidInput. Without position the asset is appended.
//   - changeAssetOrder must list every asset id exactly once, else InvalidOperation.
//   - externalId is stored as sent (also "").
func init() { registerFamily(categoriesFamily) }

const categoryColl = "categories"

// slugPattern is the slug of CategoryDraft ("^[A-Za-z0-9_-]{2,256}+$"; the possessive + changes
// nothing for this character class).
var (
	slugPattern      = regexp.MustCompile(`^[A-Za-z0-9_-]{2,256}$`)
	orderHintPattern = regexp.MustCompile(`^0?\.[0-9]+$`)
)

var categoriesFamily = &family{
	coll: categoryColl, typeID: "category", noun: "Category",
	view:     []string{"view_categories", "view_products", "manage_project"},
	manage:   []string{"manage_categories", "manage_products", "manage_project"},
	maxCount: 10000,
	query: querySpec{
		whereFields: setOf("id", "key", "version", "name", "slug", "description", "parent", "ancestors", "orderHint", "externalId",
			"metaTitle", "metaDescription", "metaKeywords", "custom", "assets", "createdAt", "lastModifiedAt"),
		sortFields: setOf("id", "key", "orderHint", "externalId", "createdAt", "lastModifiedAt", "version"),
	},
	create: createCategory,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"changeName":          categoryChangeName,
		"changeSlug":          categoryChangeSlug,
		"changeOrderHint":     categoryChangeOrderHint,
		"changeParent":        categoryChangeParent,
		"setKey":              setOptionalKey,
		"setDescription":      setOptionalLocalized("description"),
		"setExternalId":       setOptionalString("externalId"),
		"setMetaTitle":        setOptionalLocalized("metaTitle"),
		"setMetaDescription":  setOptionalLocalized("metaDescription"),
		"setMetaKeywords":     setOptionalLocalized("metaKeywords"),
		"setCustomType":       applySetCustomType("category"),
		"setCustomField":      applySetCustomField,
		"addAsset":            categoryAddAsset,
		"removeAsset":         categoryRemoveAsset,
		"changeAssetName":     categoryChangeAssetName,
		"changeAssetOrder":    categoryChangeAssetOrder,
		"setAssetKey":         categorySetAssetKey,
		"setAssetDescription": categorySetAssetDescription,
		"setAssetSources":     categorySetAssetSources,
		"setAssetTags":        categorySetAssetTags,
		"setAssetCustomType":  categoryAssetCustom(applySetCustomType("asset")),
		"setAssetCustomField": categoryAssetCustom(applySetCustomField),
	},
	refs: func(d doc) []ref {
		out := customRefs(d)
		for _, e := range assetsOf(d) {
			a, _ := e.(map[string]any)
			out = append(out, customRefs(a)...)
		}
		return out
	},
	updated:     categoryUpdated,
	deleteCheck: categoryDeleteCheck,
}

func createCategory(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{"ancestors": []any{}, "assets": []any{}}
	if name, ok := f.localized("name", true); ok {
		p.add(checkCategoryName(name))
		out["name"] = name
	}
	if slug, ok := f.localized("slug", true); ok {
		p.add(checkSlug(x, slug, ""))
		out["slug"] = slug
	}
	if key, ok := f.key(false); ok {
		out["key"] = key
	}
	for _, k := range []string{"description", "metaTitle", "metaDescription", "metaKeywords"} {
		if v, ok := f.localized(k, false); ok {
			out[k] = v
		}
	}
	if ri, ok := f.get("parent", false); ok {
		id, apiErr := x.resolve("category", ri, "parent")
		if apiErr != nil {
			p.add(apiErr)
		} else {
			out["parent"] = categoryRef(id)
			out["ancestors"] = categoryAncestors(x.p, id)
		}
	}
	if hint, ok := f.str("orderHint", false); ok && hint != "" {
		p.add(checkOrderHint(hint))
		out["orderHint"] = hint
	} else {
		out["orderHint"] = randomOrderHint()
	}
	if ext, ok := f.str("externalId", false); ok {
		out["externalId"] = ext
	}
	if c := x.readCustom(f.object("custom", false), "category"); c != nil {
		out["custom"] = c
	}
	if l, ok := f.list("assets", false); ok {
		assets := []any{}
		for i, e := range l {
			if a := x.readAsset(f.child(fmt.Sprintf("assets[%d]", i), e)); a != nil {
				assets = append(assets, a)
			}
		}
		p.add(checkAssetKeys(assets))
		out["assets"] = assets
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	return out, nil
}

func categoryRef(id string) doc { return doc{"typeId": "category", "id": id} }

// parentID returns the id of a category's parent ("" for a root).
func parentID(d doc) string {
	pr, _ := d["parent"].(map[string]any)
	return str(pr["id"])
}

// categoryAncestors returns the ancestors of a category whose parent is parent: the parent's
// chain of parents, root first, ending with the parent itself.
func categoryAncestors(p *projectStore, parent string) []any {
	var chain []string
	seen := map[string]bool{}
	for id := parent; id != "" && !seen[id]; {
		seen[id] = true
		chain = append(chain, id)
		d, ok := p.doc(categoryColl, id)
		if !ok {
			break
		}
		id = parentID(d)
	}
	out := make([]any, 0, len(chain))
	for i := len(chain) - 1; i >= 0; i-- {
		out = append(out, categoryRef(chain[i]))
	}
	return out
}

func checkCategoryName(name doc) *apiError {
	if emptyLocalized(name) {
		return errInvalidInput("The name of a category must not be empty.")
	}
	return nil
}

// checkSlug checks the values of a slug and their uniqueness per locale among the categories
// other than except.
func checkSlug(x *vctx, slug doc, except string) *apiError {
	if len(slug) == 0 {
		return errInvalidInput("The slug of a category must not be empty.")
	}
	locales := sortedKeys(boolSet(slug))
	var errs []*apiError
	for _, loc := range locales {
		v := str(slug[loc])
		if !slugPattern.MatchString(v) {
			errs = append(errs, newError(http.StatusBadRequest, "InvalidInput",
				fmt.Sprintf("Invalid value '%s' for field 'slug.%s': a slug has 2 to 256 characters of A-Z, a-z, 0-9, '_' and '-'.", v, loc),
				"field", "slug."+loc))
		}
	}
	if len(errs) > 0 {
		return joinErrors(errs)
	}
	for _, other := range categoryRows(x.p) {
		if other["id"] == except {
			continue
		}
		theirs, _ := other["slug"].(map[string]any)
		for _, loc := range locales {
			if v := str(slug[loc]); theirs[loc] == v {
				quoted, _ := json.Marshal(v)
				errs = append(errs, newError(http.StatusBadRequest, "DuplicateField",
					fmt.Sprintf("A duplicate value '%s' exists for field 'slug.%s'.", quoted, loc),
					"field", "slug", "duplicateValue", v))
			}
		}
		if len(errs) > 0 {
			return joinErrors(errs)
		}
	}
	return nil
}

func checkOrderHint(hint string) *apiError {
	if !orderHintPattern.MatchString(hint) || strings.Trim(hint, "0.") == "" {
		return newError(http.StatusBadRequest, "InvalidInput",
			fmt.Sprintf("Invalid value '%s' for field 'orderHint': a decimal strictly between 0 and 1, such as '0.5', is expected.", hint),
			"field", "orderHint")
	}
	return nil
}

// randomOrderHint returns the random orderHint the API assigns when a draft has none.
func randomOrderHint() string {
	var b strings.Builder
	b.WriteString("0.0000")
	b.WriteByte("123456789"[rand.IntN(9)])
	for range 14 {
		b.WriteByte("0123456789"[rand.IntN(10)])
	}
	return b.String()
}

// readAsset reads an AssetDraft and returns the Asset with a new id.
func (x *vctx) readAsset(f *fields) doc {
	if f == nil {
		return nil
	}
	out := doc{"id": newUUID(), "tags": []any{}}
	if sources, ok := readAssetSources(f, "sources"); ok {
		out["sources"] = sources
	}
	if name, ok := f.localized("name", true); ok {
		if emptyLocalized(name) {
			f.p.add(errInvalidInput("The name of an asset must not be empty (field '%s').", f.path("name")))
		}
		out["name"] = name
	}
	if desc, ok := f.localized("description", false); ok {
		out["description"] = desc
	}
	if tags, ok := f.strings("tags", false); ok {
		out["tags"] = anyList(tags)
	}
	if c := x.readCustom(f.object("custom", false), "asset"); c != nil {
		out["custom"] = c
	}
	if key, ok := f.key(false); ok {
		out["key"] = key
	}
	f.done()
	return out
}

// readAssetSources reads a non-empty AssetSource array.
func readAssetSources(f *fields, k string) ([]any, bool) {
	l, ok := f.list(k, true)
	if !ok {
		return nil, false
	}
	if len(l) == 0 {
		f.p.add(errInvalidInput("An asset needs at least one source (field '%s').", f.path(k)))
		return nil, false
	}
	out := make([]any, 0, len(l))
	keys := map[string]bool{}
	for i, e := range l {
		sf := f.child(fmt.Sprintf("%s[%d]", f.path(k), i), e)
		if sf == nil {
			continue
		}
		s := doc{}
		if uri, ok := sf.str("uri", true); ok {
			if uri == "" {
				f.p.add(errInvalidInput("The uri of an asset source must not be empty (field '%s').", sf.path("uri")))
			}
			s["uri"] = uri
		}
		if key, ok := sf.key(false); ok {
			if keys[key] {
				f.p.add(errDuplicateField("assets.sources.key", key))
			}
			keys[key] = true
			s["key"] = key
		}
		if df := sf.object("dimensions", false); df != nil {
			w, okW := intIn(df, "w", 0, 1<<31-1, true)
			h, okH := intIn(df, "h", 0, 1<<31-1, true)
			df.done()
			if okW && okH {
				s["dimensions"] = doc{"w": w, "h": h}
			}
		}
		if ct, ok := sf.str("contentType", false); ok {
			s["contentType"] = ct
		}
		sf.done()
		out = append(out, s)
	}
	return out, true
}

func assetsOf(d doc) []any {
	l, _ := d["assets"].([]any)
	return l
}

// checkAssetKeys refuses two assets with the same key.
func checkAssetKeys(assets []any) *apiError {
	seen := map[string]bool{}
	for _, e := range assets {
		a, _ := e.(map[string]any)
		if k := str(a["key"]); k != "" {
			if seen[k] {
				return errDuplicateField("assets.key", k)
			}
			seen[k] = true
		}
	}
	return nil
}

// assetRef is how an update action addresses an asset: by assetId or by assetKey.
type assetRef struct {
	id, key string
	byID    bool
}

// readAssetRef reads assetId and assetKey, exactly one of which must be given.
func readAssetRef(f *fields) assetRef {
	id, hasID := f.str("assetId", false)
	key, hasKey := f.str("assetKey", false)
	if hasID == hasKey {
		f.p.addShape("exactly one of 'assetId' and 'assetKey' is required")
	}
	return assetRef{id: id, key: key, byID: hasID}
}

// find returns the index and the asset (a map inside cur, to change in place).
func (r assetRef) find(cur doc) (int, map[string]any, *apiError) {
	for i, e := range assetsOf(cur) {
		a, _ := e.(map[string]any)
		if (r.byID && a["id"] == r.id) || (!r.byID && a["key"] == r.key) {
			return i, a, nil
		}
	}
	if r.byID {
		return -1, nil, errInvalidOperation("The category has no asset with the id '%s'.", r.id)
	}
	return -1, nil, errInvalidOperation("The category has no asset with the key '%s'.", r.key)
}

// assetAction reads an action that addresses one asset; more reads the action's other fields.
func assetAction(cur doc, a doc, more func(f *fields)) (int, map[string]any, *apiError) {
	f, p := readFields(a)
	r := readAssetRef(f)
	if more != nil {
		more(f)
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return -1, nil, apiErr
	}
	return r.find(cur)
}

func categoryChangeName(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	name, ok := f.localized("name", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if ok {
		if apiErr := checkCategoryName(name); apiErr != nil {
			return apiErr
		}
	}
	cur["name"] = name
	return nil
}

func categoryChangeSlug(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	slug, _ := f.localized("slug", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if apiErr := checkSlug(x, slug, str(cur["id"])); apiErr != nil {
		return apiErr
	}
	cur["slug"] = slug
	return nil
}

func categoryChangeOrderHint(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	hint, _ := f.str("orderHint", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if apiErr := checkOrderHint(hint); apiErr != nil {
		return apiErr
	}
	cur["orderHint"] = hint
	return nil
}

func categoryChangeParent(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	ri, _ := f.get("parent", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	id, apiErr := x.resolve("category", ri, "parent")
	if apiErr != nil {
		return apiErr
	}
	self := str(cur["id"])
	ancestors := categoryAncestors(x.p, id)
	for _, e := range ancestors {
		if r, _ := e.(map[string]any); r["id"] == self {
			return errInvalidOperation("Category '%s' cannot get the parent '%s': the new parent is the category itself or one of its descendants, and a category cannot be its own ancestor.", self, id)
		}
	}
	cur["parent"] = categoryRef(id)
	cur["ancestors"] = ancestors
	return nil
}

// categoryUpdated recomputes the ancestors of the descendants of a category whose parent changed.
func categoryUpdated(x *vctx, old, next doc) {
	if sameValue(old["ancestors"], next["ancestors"]) {
		return
	}
	children := map[string][]string{}
	for _, d := range categoryRows(x.p) {
		if pid := parentID(d); pid != "" {
			children[pid] = append(children[pid], str(d["id"]))
		}
	}
	queue := slices.Clone(children[str(next["id"])])
	seen := map[string]bool{str(next["id"]): true}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if seen[id] {
			continue
		}
		seen[id] = true
		d, ok := x.p.doc(categoryColl, id)
		if !ok {
			continue
		}
		if anc := categoryAncestors(x.p, parentID(d)); !sameValue(anc, d["ancestors"]) {
			d = deepCopy(d)
			d["ancestors"] = anc
			_ = x.p.put(categoryColl, id, d)
		}
		queue = append(queue, children[id]...)
	}
}

// categoryDeleteCheck refuses to delete a category that has children.
func categoryDeleteCheck(x *vctx, d doc) *apiError {
	var kids []string
	for _, other := range categoryRows(x.p) {
		if parentID(other) == d["id"] {
			name := "'" + str(other["id"]) + "'"
			if k := str(other["key"]); k != "" {
				name += " (key '" + k + "')"
			}
			kids = append(kids, name)
		}
	}
	if len(kids) == 0 {
		return nil
	}
	sort.Strings(kids)
	return newError(http.StatusBadRequest, "ReferenceExists",
		fmt.Sprintf("Can not delete a Category while it is referenced by at least one category. The category is the parent of %s; delete or re-parent the child categories first.", strings.Join(kids, ", ")),
		"referencedBy", "category")
}

func categoryAddAsset(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	asset := x.readAsset(f.object("asset", true))
	pos, hasPos := intIn(f, "position", 0, float64(len(assetsOf(cur))), false)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	l := slices.Clone(assetsOf(cur))
	if hasPos {
		l = slices.Insert(l, int(pos), any(asset))
	} else {
		l = append(l, asset)
	}
	if apiErr := checkAssetKeys(l); apiErr != nil {
		return apiErr
	}
	cur["assets"] = l
	return nil
}

func categoryRemoveAsset(_ *vctx, cur doc, a doc) *apiError {
	i, _, apiErr := assetAction(cur, a, nil)
	if apiErr != nil {
		return apiErr
	}
	cur["assets"] = slices.Delete(slices.Clone(assetsOf(cur)), i, i+1)
	return nil
}

func categoryChangeAssetName(_ *vctx, cur doc, a doc) *apiError {
	var name doc
	_, asset, apiErr := assetAction(cur, a, func(f *fields) {
		var ok bool
		if name, ok = f.localized("name", true); ok && emptyLocalized(name) {
			f.p.add(errInvalidInput("The name of an asset must not be empty."))
		}
	})
	if apiErr != nil {
		return apiErr
	}
	asset["name"] = name
	return nil
}

func categoryChangeAssetOrder(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	order, _ := f.strings("assetOrder", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	byID := map[string]any{}
	for _, e := range assetsOf(cur) {
		m, _ := e.(map[string]any)
		byID[str(m["id"])] = e
	}
	out := make([]any, 0, len(order))
	for _, id := range order {
		e, ok := byID[id]
		if !ok {
			return errInvalidOperation("assetOrder must list every asset id of the category exactly once; '%s' is not an asset of the category or is listed twice.", id)
		}
		delete(byID, id)
		out = append(out, e)
	}
	if len(byID) > 0 {
		missing := sortedKeys(boolSet(byID))
		return errInvalidOperation("assetOrder must list every asset id of the category exactly once; missing: %s.", strings.Join(missing, ", "))
	}
	cur["assets"] = out
	return nil
}

func categorySetAssetKey(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	id, _ := f.str("assetId", true)
	key, hasKey := f.str("assetKey", false)
	if hasKey && (len(key) < 2 || len(key) > 256 || !keyPattern.MatchString(key)) {
		p.add(newError(http.StatusBadRequest, "InvalidInput",
			fmt.Sprintf("Invalid value '%s' for field 'assetKey': a key has 2 to 256 characters of A-Z, a-z, 0-9, '_' and '-'.", key),
			"field", "assetKey"))
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	_, asset, apiErr := assetRef{id: id, byID: true}.find(cur)
	if apiErr != nil {
		return apiErr
	}
	if !hasKey {
		delete(asset, "key")
		return nil
	}
	for _, e := range assetsOf(cur) {
		if m, _ := e.(map[string]any); m["id"] != id && m["key"] == key {
			return errDuplicateField("assets.key", key)
		}
	}
	asset["key"] = key
	return nil
}

func categorySetAssetDescription(_ *vctx, cur doc, a doc) *apiError {
	var desc doc
	var has bool
	_, asset, apiErr := assetAction(cur, a, func(f *fields) { desc, has = f.localized("description", false) })
	if apiErr != nil {
		return apiErr
	}
	if !has {
		delete(asset, "description")
		return nil
	}
	asset["description"] = desc
	return nil
}

func categorySetAssetSources(_ *vctx, cur doc, a doc) *apiError {
	var sources []any
	_, asset, apiErr := assetAction(cur, a, func(f *fields) { sources, _ = readAssetSources(f, "sources") })
	if apiErr != nil {
		return apiErr
	}
	asset["sources"] = sources
	return nil
}

func categorySetAssetTags(_ *vctx, cur doc, a doc) *apiError {
	var tags []string
	_, asset, apiErr := assetAction(cur, a, func(f *fields) { tags, _ = f.strings("tags", false) })
	if apiErr != nil {
		return apiErr
	}
	asset["tags"] = anyList(tags)
	return nil
}

// categoryAssetCustom applies setCustomType or setCustomField to the addressed asset.
func categoryAssetCustom(apply func(x *vctx, cur doc, a doc) *apiError) func(x *vctx, cur doc, a doc) *apiError {
	return func(x *vctx, cur doc, a doc) *apiError {
		addr, rest := doc{}, doc{}
		for k, v := range a {
			if k == "assetId" || k == "assetKey" {
				addr[k] = v
			} else {
				rest[k] = v
			}
		}
		_, asset, apiErr := assetAction(cur, addr, nil)
		if apiErr != nil {
			return apiErr
		}
		return apply(x, asset, rest)
	}
}

// categoryRows returns the stored categories in id order (through the registry, as the family's
// own callbacks cannot name categoriesFamily without an initialization cycle).
func categoryRows(p *projectStore) []doc { return versionedFamilies["category"].rows(p) }
