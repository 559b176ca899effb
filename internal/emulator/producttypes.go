package emulator

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
)

// Product types (commercetools-api-reference: resources/product-types.raml,
// types/product-type/*.raml) and attribute groups (types/attribute-group/*.raml).
//
// Where the reference is silent the emulator chooses, and says so here:
//   - An AttributeNestedType "does not support isSearchable": a nested attribute (or a set of
//     them) that omits isSearchable is stored as not searchable, and one that asks for true is
//     an InvalidOperation, so that a configuration that cannot work fails in tests.
//   - "A set iteration that terminates with a nested type can have 5 steps at maximum" is read as
//     at most 5 sets above the nested type.
//   - removeAttributeDefinition and addAttributeDefinition of the same name in one request are
//     an InvalidOperation: the reference says not to do it, because the removal is eventually
//     consistent.
//   - EnumValueIsUsed needs products using the value; the emulator holds no products, so
//     removeEnumValues never meets it. Removing a key the attribute lacks is EnumKeyDoesNotExist.
//   - A label change to the label a value already has is an InvalidOperation ("must be
//     different from the existing value").
//   - Deleting a product type that another one's nested attribute points to is ReferenceExists.
//   - An attribute group's attributes are not checked against product types (the API does not
//     check them either); adding one it holds, or removing one it lacks, is an InvalidOperation.
func init() {
	registerFamily(productTypesFamily)
	registerFamily(attributeGroupsFamily)
}

// attributeTypeNames are the discriminator values of AttributeType.
var attributeTypeNames = []string{"boolean", "text", "ltext", "enum", "lenum", "number", "money", "date", "time", "datetime", "reference", "set", "nested"}

// attributeReferenceTypeIDs is AttributeReferenceTypeId.
var attributeReferenceTypeIDs = []string{
	"associate-role", "business-unit", "cart", "cart-discount", "category", "channel", "customer", "customer-group",
	"key-value-document", "order", "product", "product-type", "review", "shipping-method", "state", "variant", "zone",
}

var (
	attributeLevels      = []string{"Product", "Variant"}
	attributeConstraints = []string{"None", "Unique", "CombinationUnique", "SameForAll"}
	// attributeNamePattern is AttributeDefinition.name (2 to 256 characters).
	attributeNamePattern = regexp.MustCompile(`^[A-Za-z0-9_-]{2,256}$`)
)

// maxNestedSetDepth is how many sets may stand above a nested type.
const maxNestedSetDepth = 5

var productTypesFamily = &family{
	coll: "product-types", typeID: "product-type", noun: "ProductType",
	view:   []string{"view_product_types", "view_products", "manage_project"},
	manage: []string{"manage_product_types", "manage_products", "manage_project"},
	query: querySpec{
		whereFields: setOf("id", "key", "version", "name", "description", "attributes", "createdAt", "lastModifiedAt"),
		sortFields:  setOf("id", "key", "name", "createdAt", "lastModifiedAt", "version"),
	},
	create: createProductType,
	refs:   productTypeRefs,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"setKey":                        setOptionalKey,
		"changeName":                    changeRequiredName,
		"changeDescription":             ptChangeString("description"),
		"addAttributeDefinition":        ptAddAttribute,
		"removeAttributeDefinition":     ptRemoveAttribute,
		"changeAttributeName":           ptChangeAttributeName,
		"changeLabel":                   ptChangeLabel,
		"setInputTip":                   ptSetInputTip,
		"changeInputHint":               ptChangeInputHint,
		"changeIsSearchable":            ptChangeIsSearchable,
		"changeAttributeConstraint":     ptChangeConstraint,
		"changeAttributeOrderByName":    ptChangeOrderByName,
		"changeAttributeOrder":          ptChangeOrder,
		"addPlainEnumValue":             ptAddEnumValue(false),
		"addLocalizedEnumValue":         ptAddEnumValue(true),
		"changePlainEnumValueLabel":     ptChangeEnumLabel(false),
		"changeLocalizedEnumValueLabel": ptChangeEnumLabel(true),
		"changePlainEnumValueOrder":     ptChangeEnumOrder(false),
		"changeLocalizedEnumValueOrder": ptChangeEnumOrder(true),
		"removeEnumValues":              ptRemoveEnumValues,
		"changeEnumKey":                 ptChangeEnumKey,
	},
}

func createProductType(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{}
	if key, ok := f.key(false); ok {
		out["key"] = key
	}
	name, _ := f.str("name", true)
	out["name"] = name
	desc, _ := f.str("description", true)
	out["description"] = desc
	attrs := []any{}
	if l, ok := f.list("attributes", false); ok {
		for i, e := range l {
			def := x.readAttributeDefinition(f.child(fmt.Sprintf("attributes[%d]", i), e))
			if def == nil {
				continue
			}
			if attributeOf(attrs, str(def["name"])) != nil {
				p.add(errAttributeExists(str(def["name"]), "", name))
				continue
			}
			attrs = append(attrs, def)
		}
	}
	out["attributes"] = attrs
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	for _, def := range attrs {
		if apiErr := x.checkAttributeType(nil, mapOf(def)); apiErr != nil {
			return nil, apiErr
		}
	}
	return out, nil
}

// readAttributeDefinition reads an AttributeDefinitionDraft and returns the AttributeDefinition
// it makes, with the API's defaults.
func (x *vctx) readAttributeDefinition(f *fields) doc {
	if f == nil {
		return nil
	}
	out := doc{}
	name, ok := f.str("name", true)
	if ok && !attributeNamePattern.MatchString(name) {
		f.p.add(errInvalidInput("Invalid attribute name '%s' in '%s': an attribute name has 2 to 256 characters of A-Z, a-z, 0-9, '_' and '-'.", name, f.at))
	}
	out["name"] = name
	if label, ok := f.localized("label", true); ok {
		out["label"] = label
	}
	req, _ := f.boolean("isRequired", true)
	out["isRequired"] = req
	level, ok := f.enum("level", false, attributeLevels)
	if !ok {
		level = "Variant"
	}
	out["level"] = level
	constraint, ok := f.enum("attributeConstraint", false, attributeConstraints)
	if !ok {
		constraint = "None"
	}
	out["attributeConstraint"] = constraint
	if tip, ok := f.localized("inputTip", false); ok && len(tip) > 0 {
		out["inputTip"] = tip
	}
	hint, ok := f.enum("inputHint", false, inputHints)
	if !ok {
		hint = "SingleLine"
	}
	out["inputHint"] = hint
	t := x.readAttributeType(f.object("type", true), 0)
	searchable, given := f.boolean("isSearchable", false)
	if !given {
		searchable = !endsNested(t)
	}
	out["isSearchable"] = searchable
	f.done()
	if t == nil {
		return out
	}
	out["type"] = t
	switch {
	case t["name"] == "set" && req:
		f.p.add(errInvalidOperation("Attribute '%s' is a set, and sets do not support isRequired.", name))
	case level == "Product" && constraint != "None":
		f.p.add(errInvalidOperation("Attribute '%s' is defined at Product level, so its attributeConstraint must be None, not %s.", name, constraint))
	case endsNested(t) && constraint != "None":
		f.p.add(errInvalidOperation("Attribute '%s' is of a nested type, which supports only the attributeConstraint None, not %s.", name, constraint))
	case endsNested(t) && searchable:
		f.p.add(errInvalidOperation("Attribute '%s' is of a nested type, which does not support isSearchable.", name))
	}
	return out
}

// readAttributeType reads an AttributeType (discriminated by name); sets counts the sets above.
func (x *vctx) readAttributeType(f *fields, sets int) doc {
	if f == nil {
		return nil
	}
	name, ok := f.enum("name", true, attributeTypeNames)
	if !ok {
		f.done()
		return nil
	}
	out := doc{"name": name}
	switch name {
	case "enum", "lenum":
		values := []any{}
		l, _ := f.list("values", true)
		for i, e := range l {
			v := readEnumValue(f.child(fmt.Sprintf("%s.values[%d]", f.at, i), e), name == "lenum")
			if v == nil {
				continue
			}
			if hasEnumKey(doc{"values": values}, str(v["key"])) {
				f.p.add(errDuplicateEnumValues(f.at, str(v["key"])))
				continue
			}
			values = append(values, v)
		}
		out["values"] = values
	case "reference":
		if r, ok := f.enum("referenceTypeId", true, attributeReferenceTypeIDs); ok {
			out["referenceTypeId"] = r
		}
	case "nested":
		if ref := f.object("typeReference", true); ref != nil {
			t, _ := ref.str("typeId", true)
			id, _ := ref.str("id", true)
			ref.done()
			switch {
			case t != "" && t != "product-type":
				f.p.addShape("%s.typeReference.typeId: 'product-type' expected", f.at)
			case id != "" && x.lookup("product-type", id) == nil:
				f.p.add(errReferencedResourceNotFound("product-type", id, ""))
			}
			out["typeReference"] = doc{"typeId": "product-type", "id": id}
		}
		if sets > maxNestedSetDepth {
			f.p.add(errInvalidInput("'%s': a set of nested types can have at most %d set levels.", f.at, maxNestedSetDepth))
		}
	case "set":
		if et := x.readAttributeType(f.object("elementType", true), sets+1); et != nil {
			out["elementType"] = et
		}
	}
	f.done()
	return out
}

// endsNested reports whether an attribute type is nested, or a set (of sets) of nested.
func endsNested(t map[string]any) bool {
	for t != nil && t["name"] == "set" {
		t, _ = t["elementType"].(map[string]any)
	}
	return t != nil && t["name"] == "nested"
}

// shapeOf is an attribute type without its enum values: what must be the same for attributes of
// one name across product types.
func shapeOf(t map[string]any) string {
	var walk func(t map[string]any) any
	walk = func(t map[string]any) any {
		out := map[string]any{}
		for k, v := range t {
			switch k {
			case "values":
			case "elementType":
				et, _ := v.(map[string]any)
				out[k] = walk(et)
			default:
				out[k] = v
			}
		}
		return out
	}
	return compactJSON(walk(t))
}

// checkAttributeType enforces that attributes of one name have one type in every product type
// (AttributeDefinitionTypeConflict); self is the product type that holds def (nil on create).
func (x *vctx) checkAttributeType(self doc, def map[string]any) *apiError {
	want := shapeOf(mapOf(def["type"]))
	for _, other := range versionedFamilies["product-type"].rows(x.p) {
		if self != nil && other["id"] == self["id"] {
			continue
		}
		od := attributeOf(attributesOf(other), str(def["name"]))
		if od != nil && shapeOf(mapOf(od["type"])) != want {
			return newError(http.StatusBadRequest, "AttributeDefinitionTypeConflict",
				fmt.Sprintf("The attribute with name %s has a different type on product type %s.", def["name"], other["name"]),
				"conflictingProductTypeId", other["id"], "conflictingProductTypeName", other["name"], "conflictingAttributeName", def["name"])
		}
	}
	return nil
}

func productTypeRefs(d doc) []ref {
	var out []ref
	for _, a := range attributesOf(d) {
		t := mapOf(mapOf(a)["type"])
		for t != nil && t["name"] == "set" {
			t = mapOf(t["elementType"])
		}
		if t != nil && t["name"] == "nested" {
			out = append(out, ref{typeID: "product-type", id: str(mapOf(t["typeReference"])["id"])})
		}
	}
	return out
}

func mapOf(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func attributesOf(d doc) []any {
	l, _ := d["attributes"].([]any)
	return l
}

func attributeOf(attrs []any, name string) map[string]any {
	for _, a := range attrs {
		if m := mapOf(a); m["name"] == name {
			return m
		}
	}
	return nil
}

func errAttributeExists(name, typeID, typeName string) *apiError {
	return newError(http.StatusBadRequest, "AttributeDefinitionAlreadyExists",
		fmt.Sprintf("An attribute definition with name %s already exists on product type %s.", name, typeName),
		"conflictingProductTypeId", typeID, "conflictingProductTypeName", typeName, "conflictingAttributeName", name)
}

func errDuplicateEnumValues(at, key string) *apiError {
	return newError(http.StatusBadRequest, "DuplicateEnumValues",
		fmt.Sprintf("The enum values of '%s' contain duplicate keys: %s.", at, key), "duplicates", []any{key})
}

// attribute returns the named attribute of cur, or AttributeNameDoesNotExist.
func attribute(cur doc, name string) (map[string]any, *apiError) {
	if def := attributeOf(attributesOf(cur), name); def != nil {
		return def, nil
	}
	return nil, newError(http.StatusBadRequest, "AttributeNameDoesNotExist",
		fmt.Sprintf("Attribute definition for %s does not exist on type %v.", name, cur["name"]), "invalidAttributeName", name)
}

// ptChangeString is changeName and changeDescription: a required string.
func ptChangeString(field string) func(*vctx, doc, doc) *apiError {
	return func(_ *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		v, _ := f.str(field, true)
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		cur[field] = v
		return nil
	}
}

func ptAddAttribute(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	def := x.readAttributeDefinition(f.object("attribute", true))
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	name := str(def["name"])
	if x.marks["removed:"+name] {
		return errInvalidOperation("Attribute '%s' was removed earlier in this request; the removal is eventually consistent, "+
			"so add an attribute of the same name in a later request.", name)
	}
	if attributeOf(attributesOf(cur), name) != nil {
		return errAttributeExists(name, str(cur["id"]), str(cur["name"]))
	}
	if apiErr := x.checkAttributeType(cur, def); apiErr != nil {
		return apiErr
	}
	cur["attributes"] = append(attributesOf(cur), def)
	return nil
}

func ptRemoveAttribute(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	name, _ := f.str("name", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if _, apiErr := attribute(cur, name); apiErr != nil {
		return apiErr
	}
	keep := []any{}
	for _, d := range attributesOf(cur) {
		if mapOf(d)["name"] != name {
			keep = append(keep, d)
		}
	}
	cur["attributes"] = keep
	x.marks["removed:"+name] = true
	return nil
}

func ptChangeAttributeName(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	name, _ := f.str("attributeName", true)
	next, ok := f.str("newAttributeName", true)
	if ok && !attributeNamePattern.MatchString(next) {
		p.add(errInvalidInput("Invalid attribute name '%s': an attribute name has 2 to 256 characters of A-Z, a-z, 0-9, '_' and '-'.", next))
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	def, apiErr := attribute(cur, name)
	if apiErr != nil {
		return apiErr
	}
	if attributeOf(attributesOf(cur), next) != nil {
		return errAttributeExists(next, str(cur["id"]), str(cur["name"]))
	}
	renamed := map[string]any{"name": next, "type": def["type"]}
	if apiErr := x.checkAttributeType(cur, renamed); apiErr != nil {
		return apiErr
	}
	def["name"] = next
	return nil
}

// attributeAction reads the attributeName of an action plus the fields read by more, and
// returns the attribute it names.
func attributeAction(cur doc, a doc, more func(f *fields)) (map[string]any, *apiError) {
	f, p := readFields(a)
	name, _ := f.str("attributeName", true)
	more(f)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	return attribute(cur, name)
}

func ptChangeLabel(_ *vctx, cur doc, a doc) *apiError {
	var label doc
	def, apiErr := attributeAction(cur, a, func(f *fields) { label, _ = f.localized("label", true) })
	if apiErr != nil {
		return apiErr
	}
	if emptyLocalized(label) {
		return errInvalidInput("The label of attribute '%v' must not be empty.", def["name"])
	}
	def["label"] = label
	return nil
}

func ptSetInputTip(_ *vctx, cur doc, a doc) *apiError {
	var tip doc
	var given bool
	def, apiErr := attributeAction(cur, a, func(f *fields) { tip, given = f.localized("inputTip", false) })
	if apiErr != nil {
		return apiErr
	}
	if !given || len(tip) == 0 {
		delete(def, "inputTip")
		return nil
	}
	def["inputTip"] = tip
	return nil
}

func ptChangeInputHint(_ *vctx, cur doc, a doc) *apiError {
	var hint string
	def, apiErr := attributeAction(cur, a, func(f *fields) { hint, _ = f.enum("newValue", true, inputHints) })
	if apiErr != nil {
		return apiErr
	}
	def["inputHint"] = hint
	return nil
}

func ptChangeIsSearchable(_ *vctx, cur doc, a doc) *apiError {
	var on bool
	def, apiErr := attributeAction(cur, a, func(f *fields) { on, _ = f.boolean("isSearchable", true) })
	if apiErr != nil {
		return apiErr
	}
	if on && endsNested(mapOf(def["type"])) {
		return errInvalidOperation("Attribute '%v' is of a nested type, which does not support isSearchable.", def["name"])
	}
	def["isSearchable"] = on
	return nil
}

func ptChangeConstraint(_ *vctx, cur doc, a doc) *apiError {
	def, apiErr := attributeAction(cur, a, func(f *fields) { f.enum("newValue", true, []string{"None"}) })
	if apiErr != nil {
		return apiErr
	}
	switch def["attributeConstraint"] {
	case "None", "SameForAll", "Unique":
		def["attributeConstraint"] = "None"
		return nil
	}
	return errInvalidOperation("The attributeConstraint of attribute '%v' cannot be changed from %v to None; only SameForAll and Unique can.",
		def["name"], def["attributeConstraint"])
}

func ptChangeOrderByName(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	names, _ := f.strings("attributeNames", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	return reorderAttributes(cur, names)
}

// ptChangeOrder is the deprecated changeAttributeOrder: the full definitions in the new order.
func ptChangeOrder(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	l, _ := f.list("attributes", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	names := make([]string, 0, len(l))
	for _, e := range l {
		names = append(names, str(mapOf(e)["name"]))
	}
	return reorderAttributes(cur, names)
}

func reorderAttributes(cur doc, names []string) *apiError {
	var have []string
	for _, d := range attributesOf(cur) {
		have = append(have, str(mapOf(d)["name"]))
	}
	if !sameKeySet(names, have) {
		return errInvalidOperation("The attribute names %s must be the product type's attributes %s in another order.", compactJSON(names), compactJSON(have))
	}
	out := make([]any, len(names))
	for i, n := range names {
		out[i] = attributeOf(attributesOf(cur), n)
	}
	cur["attributes"] = out
	return nil
}

// enumAttribute returns the type that holds the enum values of an attribute (its own type or
// its set's element type), or an InvalidOperation when it has none of the kind asked for
// (localized: lenum; otherwise enum; either: both).
func enumAttribute(def map[string]any, localized, either bool) (map[string]any, *apiError) {
	t := mapOf(def["type"])
	for t != nil && t["name"] == "set" {
		t = mapOf(t["elementType"])
	}
	switch {
	case t != nil && (t["name"] == "lenum" && (localized || either) || t["name"] == "enum" && (!localized || either)):
		return t, nil
	case either:
		return nil, errInvalidOperation("Attribute '%v' is not of an enum type (or a set of one).", def["name"])
	case localized:
		return nil, errInvalidOperation("Attribute '%v' is not of type lenum (or a set of lenum).", def["name"])
	}
	return nil, errInvalidOperation("Attribute '%v' is not of type enum (or a set of enum).", def["name"])
}

func ptAddEnumValue(localized bool) func(*vctx, doc, doc) *apiError {
	return func(_ *vctx, cur doc, a doc) *apiError {
		var v doc
		def, apiErr := attributeAction(cur, a, func(f *fields) { v = readEnumValue(f.object("value", true), localized) })
		if apiErr != nil {
			return apiErr
		}
		t, apiErr := enumAttribute(def, localized, false)
		if apiErr != nil {
			return apiErr
		}
		if hasEnumKey(t, str(v["key"])) {
			return errDuplicateEnumValues(str(def["name"]), str(v["key"]))
		}
		values, _ := t["values"].([]any)
		t["values"] = append(values, v)
		return nil
	}
}

func errEnumKeyMissing(attr any, key string) *apiError {
	return newError(http.StatusBadRequest, "EnumKeyDoesNotExist",
		fmt.Sprintf("The %v field definition does not contain an enum value with the key %s.", attr, key),
		"conflictingEnumKey", key, "conflictingAttributeName", attr)
}

func ptChangeEnumLabel(localized bool) func(*vctx, doc, doc) *apiError {
	return func(_ *vctx, cur doc, a doc) *apiError {
		var v doc
		def, apiErr := attributeAction(cur, a, func(f *fields) { v = readEnumValue(f.object("newValue", true), localized) })
		if apiErr != nil {
			return apiErr
		}
		t, apiErr := enumAttribute(def, localized, false)
		if apiErr != nil {
			return apiErr
		}
		values, _ := t["values"].([]any)
		for _, e := range values {
			if m := mapOf(e); m["key"] == v["key"] {
				if compactJSON(m["label"]) == compactJSON(v["label"]) {
					return errInvalidOperation("The enum value '%v' of attribute '%v' already has this label.", v["key"], def["name"])
				}
				m["label"] = v["label"]
				return nil
			}
		}
		return errEnumKeyMissing(def["name"], str(v["key"]))
	}
}

func ptChangeEnumOrder(localized bool) func(*vctx, doc, doc) *apiError {
	return func(_ *vctx, cur doc, a doc) *apiError {
		var given []any
		def, apiErr := attributeAction(cur, a, func(f *fields) {
			l, _ := f.list("values", true)
			for i, e := range l {
				if v := readEnumValue(f.child(fmt.Sprintf("values[%d]", i), e), localized); v != nil {
					given = append(given, v)
				}
			}
		})
		if apiErr != nil {
			return apiErr
		}
		t, apiErr := enumAttribute(def, localized, false)
		if apiErr != nil {
			return apiErr
		}
		values, _ := t["values"].([]any)
		have := make(map[string]string, len(values))
		for _, e := range values {
			have[compactJSON(mapOf(e)["key"])] = compactJSON(mapOf(e)["label"])
		}
		seen := map[string]bool{}
		match := len(given) == len(values)
		for _, e := range given {
			k := compactJSON(mapOf(e)["key"])
			label, ok := have[k]
			match = match && ok && !seen[k] && label == compactJSON(mapOf(e)["label"])
			seen[k] = true
		}
		if !match {
			return newError(http.StatusBadRequest, "EnumValuesMustMatch", "The given values must be equal to the existing enum values.")
		}
		t["values"] = given
		return nil
	}
}

func ptRemoveEnumValues(_ *vctx, cur doc, a doc) *apiError {
	var keys []string
	def, apiErr := attributeAction(cur, a, func(f *fields) { keys, _ = f.strings("keys", true) })
	if apiErr != nil {
		return apiErr
	}
	t, apiErr := enumAttribute(def, false, true)
	if apiErr != nil {
		return apiErr
	}
	for _, k := range keys {
		if !hasEnumKey(t, k) {
			return errEnumKeyMissing(def["name"], k)
		}
	}
	values, _ := t["values"].([]any)
	keep := []any{}
	for _, e := range values {
		if !slices.Contains(keys, str(mapOf(e)["key"])) {
			keep = append(keep, e)
		}
	}
	t["values"] = keep
	return nil
}

func ptChangeEnumKey(_ *vctx, cur doc, a doc) *apiError {
	var key, next string
	def, apiErr := attributeAction(cur, a, func(f *fields) {
		key, _ = f.str("key", true)
		next, _ = f.str("newKey", true)
	})
	if apiErr != nil {
		return apiErr
	}
	t, apiErr := enumAttribute(def, false, true)
	if apiErr != nil {
		return apiErr
	}
	if next == "" {
		return errInvalidInput("The new key of an enum value of attribute '%v' must not be empty.", def["name"])
	}
	if hasEnumKey(t, next) {
		return newError(http.StatusBadRequest, "EnumKeyAlreadyExists",
			fmt.Sprintf("The %v attribute definition already contains an enum value with the key %s.", def["name"], next),
			"conflictingEnumKey", next, "conflictingAttributeName", def["name"])
	}
	values, _ := t["values"].([]any)
	for _, e := range values {
		if m := mapOf(e); m["key"] == key {
			m["key"] = next
			return nil
		}
	}
	return errEnumKeyMissing(def["name"], key)
}

var attributeGroupsFamily = &family{
	coll: "attribute-groups", typeID: "attribute-group", noun: "AttributeGroup",
	view:   []string{"view_attribute_groups", "manage_project"},
	manage: []string{"manage_attribute_groups", "manage_project"},
	query: querySpec{
		whereFields: setOf("id", "key", "version", "name", "description", "attributes", "createdAt", "lastModifiedAt"),
		sortFields:  setOf("id", "key", "createdAt", "lastModifiedAt", "version"),
	},
	create: createAttributeGroup,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"changeName":      agChangeName,
		"setDescription":  setOptionalLocalized("description"),
		"setKey":          setOptionalKey,
		"setAttributes":   agSetAttributes,
		"addAttribute":    agAddAttribute,
		"removeAttribute": agRemoveAttribute,
	},
}

func createAttributeGroup(_ *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{}
	if key, ok := f.key(false); ok {
		out["key"] = key
	}
	if name, ok := f.localized("name", true); ok {
		out["name"] = name
	}
	if desc, ok := f.localized("description", false); ok {
		out["description"] = desc
	}
	out["attributes"] = readAttributeReferences(f, "attributes")
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	return out, nil
}

// readAttributeReferences reads a required AttributeReference[] with unique keys.
func readAttributeReferences(f *fields, k string) []any {
	l, _ := f.list(k, true)
	out := []any{}
	seen := map[string]bool{}
	for i, e := range l {
		if r := readAttributeReference(f.child(fmt.Sprintf("%s[%d]", k, i), e)); r != nil {
			if key := str(r["key"]); seen[key] {
				f.p.add(errInvalidInput("'%s' lists the attribute '%s' more than once; its attributes are unique.", k, key))
				continue
			}
			seen[str(r["key"])] = true
			out = append(out, r)
		}
	}
	return out
}

func readAttributeReference(f *fields) doc {
	if f == nil {
		return nil
	}
	key, ok := f.str("key", true)
	f.done()
	if !ok {
		return nil
	}
	if key == "" {
		f.p.add(errInvalidInput("'%s.key' must not be empty.", f.at))
	}
	return doc{"key": key}
}

func agChangeName(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	name, _ := f.localized("name", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if emptyLocalized(name) {
		return errInvalidInput("The name of an AttributeGroup must not be empty.")
	}
	cur["name"] = name
	return nil
}

func agSetAttributes(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	l := readAttributeReferences(f, "attributes")
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	cur["attributes"] = l
	return nil
}

func agAttributeAction(cur doc, a doc) (string, []any, int, *apiError) {
	f, p := readFields(a)
	r := readAttributeReference(f.object("attribute", true))
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return "", nil, 0, apiErr
	}
	key := str(r["key"])
	l := attributesOf(cur)
	at := slices.IndexFunc(l, func(e any) bool { return mapOf(e)["key"] == key })
	return key, l, at, nil
}

func agAddAttribute(_ *vctx, cur doc, a doc) *apiError {
	key, l, at, apiErr := agAttributeAction(cur, a)
	if apiErr != nil {
		return apiErr
	}
	if at >= 0 {
		return errInvalidOperation("The attribute group already holds the attribute '%s'.", key)
	}
	cur["attributes"] = append(l, doc{"key": key})
	return nil
}

func agRemoveAttribute(_ *vctx, cur doc, a doc) *apiError {
	key, l, at, apiErr := agAttributeAction(cur, a)
	if apiErr != nil {
		return apiErr
	}
	if at < 0 {
		return errInvalidOperation("The attribute group does not hold the attribute '%s'.", key)
	}
	cur["attributes"] = slices.Delete(slices.Clone(l), at, at+1)
	return nil
}
