package emulator

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
)

// Types (commercetools-api-reference: resources/types.raml, types/type/*.raml).
//
// The reference is silent on deleting a Type that customized resources still use; the emulator
// answers ReferenceExists, because removing it would leave their custom fields without a schema.
func init() { registerFamily(typesFamily) }

// resourceTypeIDs is ResourceTypeId.
var resourceTypeIDs = []string{
	"address", "asset", "approval-flow", "approval-rule", "associate-role", "business-unit", "cart-discount", "category",
	"channel", "customer", "customer-group", "custom-line-item", "discount-code", "inventory-entry", "line-item", "order",
	"order-edit", "order-delivery", "order-parcel", "order-return-item", "payment", "payment-interface-interaction",
	"payment-method", "payment-method-info", "product-price", "product-selection", "product-tailoring", "quote",
	"reservation", "review", "recurring-order", "shipping", "shipping-method", "shopping-list",
	"shopping-list-text-line-item", "standalone-price", "store", "transaction",
}

// customFieldReferenceValues is CustomFieldReferenceValue.
var customFieldReferenceValues = []string{
	"approval-flow", "approval-rule", "associate-role", "business-unit", "cart", "cart-discount", "category", "channel",
	"customer", "customer-group", "key-value-document", "order", "product", "product-type", "review", "state",
	"shipping-method", "variant", "zone",
}

// fieldTypeNames are the discriminator values of FieldType.
var fieldTypeNames = []string{"Boolean", "Number", "String", "LocalizedString", "Enum", "LocalizedEnum", "Money", "Date", "Time", "DateTime", "Reference", "Set"}

var inputHints = []string{"SingleLine", "MultiLine"}

// fieldNamePattern is FieldDefinition.name (2 to 36 characters).
var fieldNamePattern = regexp.MustCompile(`^[A-Za-z0-9_-]{2,36}$`)

var typesFamily = &family{
	coll: "types", typeID: "type", noun: "Type",
	view:        []string{"view_types", "manage_project"},
	manage:      []string{"manage_types", "manage_project"},
	keyRequired: true,
	query: querySpec{
		whereFields: setOf("id", "key", "version", "name", "description", "resourceTypeIds", "fieldDefinitions", "createdAt", "lastModifiedAt"),
		sortFields:  setOf("id", "key", "createdAt", "lastModifiedAt", "version"),
	},
	create: createType,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"changeKey":                     setRequiredKey,
		"changeName":                    typeChangeName,
		"setDescription":                typeSetDescription,
		"addFieldDefinition":            typeAddFieldDefinition,
		"removeFieldDefinition":         typeRemoveFieldDefinition,
		"changeLabel":                   typeChangeLabel,
		"changeFieldDefinitionLabel":    typeChangeLabel,
		"changeInputHint":               typeChangeInputHint,
		"changeFieldDefinitionOrder":    typeChangeFieldOrder,
		"addEnumValue":                  typeAddEnumValue(false),
		"addLocalizedEnumValue":         typeAddEnumValue(true),
		"changeEnumValueLabel":          typeChangeEnumLabel(false),
		"changeLocalizedEnumValueLabel": typeChangeEnumLabel(true),
		"changeEnumValueOrder":          typeChangeEnumOrder(false),
		"changeLocalizedEnumValueOrder": typeChangeEnumOrder(true),
	},
}

func createType(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{}
	if key, ok := f.key(true); ok {
		out["key"] = key
	}
	if name, ok := f.localized("name", true); ok {
		out["name"] = name
	}
	if desc, ok := f.localized("description", false); ok {
		out["description"] = desc
	}
	if ids, ok := f.strings("resourceTypeIds", true); ok {
		l := make([]any, 0, len(ids))
		for i, id := range ids {
			if !slices.Contains(resourceTypeIDs, id) {
				p.addShape("resourceTypeIds[%d]: Invalid enum value '%s'", i, id)
				continue
			}
			l = append(l, id)
		}
		out["resourceTypeIds"] = l
	}
	defs := []any{}
	if l, ok := f.list("fieldDefinitions", false); ok {
		for i, e := range l {
			if def := readFieldDefinition(f.child(fmt.Sprintf("fieldDefinitions[%d]", i), e)); def != nil {
				if fieldDefinition(doc{"fieldDefinitions": defs}, str(def["name"])) != nil {
					p.add(errDuplicateField("fieldDefinitions.name", def["name"]))
					continue
				}
				defs = append(defs, def)
			}
		}
	}
	out["fieldDefinitions"] = defs
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	for _, def := range defs {
		m, _ := def.(map[string]any)
		if apiErr := checkSameFieldType(x, "", out, m); apiErr != nil {
			return nil, apiErr
		}
	}
	return out, nil
}

// readFieldDefinition reads a FieldDefinition.
func readFieldDefinition(f *fields) doc {
	if f == nil {
		return nil
	}
	out := doc{}
	name, ok := f.str("name", true)
	if ok && !fieldNamePattern.MatchString(name) {
		f.p.add(errInvalidInput("Invalid field name '%s' in '%s': a field name has 2 to 36 characters of A-Z, a-z, 0-9, '_' and '-'.", name, f.at))
	}
	out["name"] = name
	if label, ok := f.localized("label", true); ok {
		out["label"] = label
	}
	req, _ := f.boolean("required", true)
	out["required"] = req
	hint, ok := f.enum("inputHint", false, inputHints)
	if !ok {
		hint = "SingleLine"
	}
	out["inputHint"] = hint
	if t := readFieldType(f.object("type", true)); t != nil {
		out["type"] = t
	}
	f.done()
	return out
}

// readFieldType reads a FieldType (discriminated by name).
func readFieldType(f *fields) doc {
	if f == nil {
		return nil
	}
	name, ok := f.enum("name", true, fieldTypeNames)
	if !ok {
		f.done()
		return nil
	}
	out := doc{"name": name}
	switch name {
	case "Enum", "LocalizedEnum":
		values := []any{}
		l, _ := f.list("values", true)
		for i, e := range l {
			v := readEnumValue(f.child(fmt.Sprintf("%s.values[%d]", f.at, i), e), name == "LocalizedEnum")
			if v == nil {
				continue
			}
			if hasEnumKey(doc{"values": values}, str(v["key"])) {
				f.p.add(newError(http.StatusBadRequest, "DuplicateEnumValues",
					fmt.Sprintf("The enum values of '%s' contain the key '%v' more than once.", f.at, v["key"]), "duplicates", []any{v["key"]}))
				continue
			}
			values = append(values, v)
		}
		out["values"] = values
	case "Reference":
		if r, ok := f.enum("referenceTypeId", true, customFieldReferenceValues); ok {
			out["referenceTypeId"] = r
		}
	case "Set":
		if et := readFieldType(f.object("elementType", true)); et != nil {
			out["elementType"] = et
		}
	}
	f.done()
	return out
}

// readEnumValue reads a CustomFieldEnumValue or CustomFieldLocalizedEnumValue.
func readEnumValue(f *fields, localized bool) doc {
	if f == nil {
		return nil
	}
	key, _ := f.str("key", true)
	out := doc{"key": key}
	if localized {
		if l, ok := f.localized("label", true); ok {
			out["label"] = l
		}
	} else if l, ok := f.str("label", true); ok {
		out["label"] = l
	}
	f.done()
	if key == "" {
		f.p.add(errInvalidInput("The key of an enum value in '%s' must not be empty.", f.at))
	}
	return out
}

// checkSameFieldType enforces that a field with the same name on another Type for one of the
// same resource type ids has the same type (FieldDefinition.name). skipID is the Type itself.
func checkSameFieldType(x *vctx, skipID string, t doc, def map[string]any) *apiError {
	ids, _ := t["resourceTypeIds"].([]any)
	for _, other := range versionedFamilies["type"].rows(x.p) {
		if other["id"] == skipID {
			continue
		}
		od := fieldDefinition(other, str(def["name"]))
		if od == nil {
			continue
		}
		ors, _ := other["resourceTypeIds"].([]any)
		shared := false
		for _, r := range ids {
			shared = shared || slices.Contains(ors, r)
		}
		if shared && compactJSON(od["type"]) != compactJSON(def["type"]) {
			return newError(http.StatusBadRequest, "FieldDefinitionAlreadyExists",
				fmt.Sprintf("A field named '%v' with another type is defined in Type '%v' for the same resource type.", def["name"], other["key"]),
				"field", def["name"])
		}
	}
	return nil
}

func typeChangeName(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	name, _ := f.localized("name", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if len(name) == 0 {
		return errInvalidInput("The name of a Type must not be empty.")
	}
	cur["name"] = name
	return nil
}

func typeSetDescription(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	desc, ok := f.localized("description", false)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if !ok {
		delete(cur, "description")
		return nil
	}
	cur["description"] = desc
	return nil
}

func defsOf(cur doc) []any {
	l, _ := cur["fieldDefinitions"].([]any)
	return l
}

// field returns the definition of a field of cur, or an error naming the missing field.
func typeField(cur doc, name string) (map[string]any, *apiError) {
	if def := fieldDefinition(cur, name); def != nil {
		return def, nil
	}
	return nil, errInvalidInput("The Type has no field definition named '%s'.", name)
}

func typeAddFieldDefinition(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	def := readFieldDefinition(f.object("fieldDefinition", true))
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if fieldDefinition(cur, str(def["name"])) != nil {
		return errDuplicateField("fieldDefinitions.name", def["name"])
	}
	id, _ := cur["id"].(string)
	if apiErr := checkSameFieldType(x, id, cur, def); apiErr != nil {
		return apiErr
	}
	cur["fieldDefinitions"] = append(defsOf(cur), def)
	return nil
}

func typeRemoveFieldDefinition(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	name, _ := f.str("fieldName", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if _, apiErr := typeField(cur, name); apiErr != nil {
		return apiErr
	}
	var keep []any
	for _, d := range defsOf(cur) {
		if m, _ := d.(map[string]any); m["name"] != name {
			keep = append(keep, d)
		}
	}
	if keep == nil {
		keep = []any{}
	}
	cur["fieldDefinitions"] = keep
	return nil
}

func typeChangeLabel(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	name, _ := f.str("fieldName", true)
	label, _ := f.localized("label", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	def, apiErr := typeField(cur, name)
	if apiErr != nil {
		return apiErr
	}
	if len(label) == 0 {
		return errInvalidInput("The label of field '%s' must not be empty.", name)
	}
	def["label"] = label
	return nil
}

// stringBased reports whether inputHint applies to a field type (String, LocalizedString or a
// Set of them).
func stringBased(t map[string]any) bool {
	switch t["name"] {
	case "String", "LocalizedString":
		return true
	case "Set":
		et, _ := t["elementType"].(map[string]any)
		return stringBased(et)
	}
	return false
}

func typeChangeInputHint(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	name, _ := f.str("fieldName", true)
	hint, _ := f.enum("inputHint", true, inputHints)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	def, apiErr := typeField(cur, name)
	if apiErr != nil {
		return apiErr
	}
	if t, _ := def["type"].(map[string]any); !stringBased(t) {
		return errInvalidOperation("The input hint of field '%s' cannot be changed: it applies to string fields only.", name)
	}
	def["inputHint"] = hint
	return nil
}

// sameKeySet reports whether keys holds exactly the given names, in any order, once each.
func sameKeySet(keys []string, have []string) bool {
	if len(keys) != len(have) {
		return false
	}
	seen := map[string]bool{}
	for _, k := range keys {
		if seen[k] || !slices.Contains(have, k) {
			return false
		}
		seen[k] = true
	}
	return true
}

func typeChangeFieldOrder(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	names, _ := f.strings("fieldNames", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	var have []string
	byName := map[string]any{}
	for _, d := range defsOf(cur) {
		m, _ := d.(map[string]any)
		n, _ := m["name"].(string)
		have = append(have, n)
		byName[n] = d
	}
	if !sameKeySet(names, have) {
		return errInvalidOperation("The field names %s must match the Type's field definitions %s (up to order).", compactJSON(names), compactJSON(have))
	}
	out := make([]any, len(names))
	for i, n := range names {
		out[i] = byName[n]
	}
	cur["fieldDefinitions"] = out
	return nil
}

// enumType returns the type that holds a field's enum values: the field's own type, or the
// element type of a Set. localized selects LocalizedEnum over Enum.
func enumType(def map[string]any, localized bool) map[string]any {
	want := "Enum"
	if localized {
		want = "LocalizedEnum"
	}
	t, _ := def["type"].(map[string]any)
	if t["name"] == "Set" {
		t, _ = t["elementType"].(map[string]any)
	}
	if t["name"] != want {
		return nil
	}
	return t
}

func enumField(cur doc, name string, localized bool) (map[string]any, *apiError) {
	def, apiErr := typeField(cur, name)
	if apiErr != nil {
		return nil, apiErr
	}
	t := enumType(def, localized)
	if t == nil {
		kind := "Enum"
		if localized {
			kind = "LocalizedEnum"
		}
		return nil, errInvalidOperation("Field '%s' is not of type %s (or a Set of %s).", name, kind, kind)
	}
	return t, nil
}

func typeAddEnumValue(localized bool) func(*vctx, doc, doc) *apiError {
	return func(_ *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		name, _ := f.str("fieldName", true)
		v := readEnumValue(f.object("value", true), localized)
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		t, apiErr := enumField(cur, name, localized)
		if apiErr != nil {
			return apiErr
		}
		if hasEnumKey(t, str(v["key"])) {
			return newError(http.StatusBadRequest, "DuplicateEnumValues",
				fmt.Sprintf("Field '%s' already has an enum value with the key '%v'.", name, v["key"]), "duplicates", []any{v["key"]})
		}
		values, _ := t["values"].([]any)
		t["values"] = append(values, v)
		return nil
	}
}

func typeChangeEnumLabel(localized bool) func(*vctx, doc, doc) *apiError {
	return func(_ *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		name, _ := f.str("fieldName", true)
		v := readEnumValue(f.object("value", true), localized)
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		t, apiErr := enumField(cur, name, localized)
		if apiErr != nil {
			return apiErr
		}
		values, _ := t["values"].([]any)
		for _, e := range values {
			if m, _ := e.(map[string]any); m["key"] == v["key"] {
				m["label"] = v["label"]
				return nil
			}
		}
		return errInvalidOperation("Field '%s' has no enum value with the key '%v'.", name, v["key"])
	}
}

func typeChangeEnumOrder(localized bool) func(*vctx, doc, doc) *apiError {
	return func(_ *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		name, _ := f.str("fieldName", true)
		keys, _ := f.strings("keys", true)
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		t, apiErr := enumField(cur, name, localized)
		if apiErr != nil {
			return apiErr
		}
		values, _ := t["values"].([]any)
		var have []string
		byKey := map[string]any{}
		for _, e := range values {
			m, _ := e.(map[string]any)
			k, _ := m["key"].(string)
			have = append(have, k)
			byKey[k] = e
		}
		if !sameKeySet(keys, have) {
			return errInvalidOperation("The keys %s must match the enum values of field '%s' %s (up to order).", compactJSON(keys), name, compactJSON(have))
		}
		out := make([]any, len(keys))
		for i, k := range keys {
			out[i] = byKey[k]
		}
		t["values"] = out
		return nil
	}
}

// str returns v when it is a string, else "".
func str(v any) string {
	s, _ := v.(string)
	return s
}
