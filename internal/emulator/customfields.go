package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"time"
)

// Custom fields (types/type/CustomFieldsDraft.raml, CustomFields.raml, CustomFieldValue.raml),
// shared by every customizable resource: a draft's "custom" names a Type by id or key, which
// must exist and be defined for the resource's ResourceTypeId; each value must match its
// FieldDefinition, and required fields must be present. Stored as {type: {typeId, id}, fields}.

// readCustom reads a CustomFieldsDraft for a resource of the given ResourceTypeId.
func (x *vctx) readCustom(f *fields, resourceTypeID string) doc {
	if f == nil {
		return nil
	}
	tv, ok := f.get("type", true)
	var fieldsObj map[string]any
	if fv, given := f.get("fields", false); given {
		m, isObj := fv.(map[string]any)
		if !isObj {
			f.p.addShape("%s.fields: JSON object expected", f.at)
		}
		fieldsObj = m
	}
	f.done()
	if !ok {
		return nil
	}
	typeID, apiErr := x.resolve("type", tv, f.path("type"))
	if apiErr != nil {
		f.p.add(apiErr)
		return nil
	}
	t := x.lookup("type", typeID)
	if !typeAllows(t, resourceTypeID) {
		f.p.add(newError(http.StatusBadRequest, "InvalidField",
			fmt.Sprintf("The type with key '%v' does not define custom fields for resources of type '%s'.", t["key"], resourceTypeID),
			"field", f.path("type"), "invalidValue", tv))
		return nil
	}
	out := doc{}
	for name, v := range fieldsObj {
		if v == nil {
			continue
		}
		def := fieldDefinition(t, name)
		if def == nil {
			f.p.add(newError(http.StatusBadRequest, "InvalidField",
				fmt.Sprintf("The field '%s' is not defined in the type with key '%v'.", name, t["key"]),
				"field", name, "invalidValue", v))
			continue
		}
		norm, apiErr := checkFieldValue(x, name, def["type"], v)
		if apiErr != nil {
			f.p.add(apiErr)
			continue
		}
		out[name] = norm
	}
	for _, d := range definitions(t) {
		name, _ := d["name"].(string)
		if req, _ := d["required"].(bool); req {
			if _, ok := out[name]; !ok {
				f.p.add(newError(http.StatusBadRequest, "RequiredField", fmt.Sprintf("A value is required for field '%s'.", name), "field", name))
			}
		}
	}
	return doc{"type": doc{"typeId": "type", "id": typeID}, "fields": out}
}

func definitions(t doc) []map[string]any {
	l, _ := t["fieldDefinitions"].([]any)
	out := make([]map[string]any, 0, len(l))
	for _, e := range l {
		if m, ok := e.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

func fieldDefinition(t doc, name string) map[string]any {
	for _, d := range definitions(t) {
		if d["name"] == name {
			return d
		}
	}
	return nil
}

func typeAllows(t doc, resourceTypeID string) bool {
	l, _ := t["resourceTypeIds"].([]any)
	return slices.Contains(l, any(resourceTypeID))
}

// fractionDigits returns the default number of fraction digits of a currency (ISO 4217).
func fractionDigits(currency string) int {
	switch currency {
	case "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF":
		return 0
	case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND":
		return 3
	}
	return 2
}

func invalidFieldValue(name string, v any, why string) *apiError {
	return newError(http.StatusBadRequest, "InvalidField",
		fmt.Sprintf("The value '%s' is not valid for field '%s': %s.", compactJSON(v), name, why), "field", name, "invalidValue", v)
}

func compactJSON(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// checkFieldValue checks one custom field value against its FieldType and returns it as the API
// stores it.
func checkFieldValue(x *vctx, name string, fieldType any, v any) (any, *apiError) {
	ft, _ := fieldType.(map[string]any)
	kind, _ := ft["name"].(string)
	switch kind {
	case "Boolean":
		if _, ok := v.(bool); !ok {
			return nil, invalidFieldValue(name, v, "a boolean is expected")
		}
	case "String":
		if _, ok := v.(string); !ok {
			return nil, invalidFieldValue(name, v, "a string is expected")
		}
	case "Number":
		if _, ok := v.(float64); !ok {
			return nil, invalidFieldValue(name, v, "a number is expected")
		}
	case "LocalizedString":
		p := &problems{}
		if _, ok := checkLocalized(p, name, v); !ok || p.err() != nil {
			return nil, invalidFieldValue(name, v, "a localized string (an object of locale to text) is expected")
		}
	case "Enum", "LocalizedEnum":
		s, ok := v.(string)
		if !ok || !hasEnumKey(ft, s) {
			return nil, invalidFieldValue(name, v, "the key of one of the field's enum values is expected")
		}
	case "Date":
		if s, ok := v.(string); !ok || !datePattern.MatchString(s) || !validDate(s) {
			return nil, invalidFieldValue(name, v, "a date (YYYY-MM-DD) is expected")
		}
	case "Time":
		if s, ok := v.(string); !ok || !fieldTimePattern.MatchString(s) {
			return nil, invalidFieldValue(name, v, "a time (hh:mm:ss.sss) is expected")
		}
	case "DateTime":
		s, ok := v.(string)
		if !ok || !dateTimePattern.MatchString(s) {
			return nil, invalidFieldValue(name, v, "a date and time (RFC 3339) is expected")
		}
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return nil, invalidFieldValue(name, v, "a date and time (RFC 3339) is expected")
		}
		return formatTime(t), nil
	case "Money":
		return checkMoney(name, v)
	case "Reference":
		m, ok := v.(map[string]any)
		want, _ := ft["referenceTypeId"].(string)
		if !ok || m["typeId"] != want {
			return nil, invalidFieldValue(name, v, "a reference {typeId: '"+want+"', id} is expected")
		}
		id, _ := m["id"].(string)
		if id == "" {
			return nil, invalidFieldValue(name, v, "a reference by id is expected (references by key are not supported here)")
		}
		if f := versionedFamilies[want]; f != nil {
			if _, found := x.p.doc(f.coll, id); !found {
				return nil, errReferencedResourceNotFound(want, id, "")
			}
		}
		return doc{"typeId": want, "id": id}, nil
	case "Set":
		l, ok := v.([]any)
		if !ok {
			return nil, invalidFieldValue(name, v, "an array is expected")
		}
		out := make([]any, 0, len(l))
		for _, e := range l {
			n, apiErr := checkFieldValue(x, name, ft["elementType"], e)
			if apiErr != nil {
				return nil, apiErr
			}
			for _, o := range out {
				if compactJSON(o) == compactJSON(n) {
					return nil, invalidFieldValue(name, v, "the elements of a set must differ")
				}
			}
			out = append(out, n)
		}
		return out, nil
	default:
		return nil, invalidFieldValue(name, v, "the field has an unknown type")
	}
	return v, nil
}

func validDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

func hasEnumKey(ft map[string]any, key string) bool {
	l, _ := ft["values"].([]any)
	for _, e := range l {
		if m, ok := e.(map[string]any); ok && m["key"] == key {
			return true
		}
	}
	return false
}

// checkMoney reads a Money ({currencyCode, centAmount}) or CentPrecisionMoney value and returns
// the CentPrecisionMoney the API stores.
func checkMoney(name string, v any) (any, *apiError) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, invalidFieldValue(name, v, "a money value {currencyCode, centAmount} is expected")
	}
	cur, _ := m["currencyCode"].(string)
	cents, isNum := m["centAmount"].(float64)
	if !currencyPattern.MatchString(cur) || !isNum || cents != float64(int64(cents)) {
		return nil, invalidFieldValue(name, v, "a money value with a three-letter currencyCode and an integer centAmount is expected")
	}
	digits := float64(fractionDigits(cur))
	if fd, given := m["fractionDigits"]; given {
		if n, ok := fd.(float64); !ok || n != digits {
			return nil, invalidFieldValue(name, v, fmt.Sprintf("%s has %v fraction digits", cur, digits))
		}
	}
	if t, given := m["type"]; given && t != "centPrecision" {
		return nil, invalidFieldValue(name, v, "custom fields of type Money hold centPrecision money")
	}
	return doc{"type": "centPrecision", "currencyCode": cur, "centAmount": cents, "fractionDigits": digits}, nil
}

// applySetCustomType implements setCustomType (every customizable resource): type absent removes
// the custom fields, otherwise the fields are checked against the new type.
func applySetCustomType(resourceTypeID string) func(x *vctx, cur doc, a doc) *apiError {
	return func(x *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		if !f.has("type") {
			f.get("type", false)
			if f.has("fields") {
				p.addShape("fields: not allowed without type")
			}
			f.used["fields"] = true
			f.done()
			if apiErr := p.err(); apiErr != nil {
				return apiErr
			}
			delete(cur, "custom")
			return nil
		}
		custom := x.readCustom(f, resourceTypeID)
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		cur["custom"] = custom
		return nil
	}
}

// applySetCustomField implements setCustomField: value absent or null removes the field
// (removing a field that is not set is an InvalidOperation).
func applySetCustomField(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	name, _ := f.str("name", true)
	f.get("value", false)
	v := a["value"]
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	custom, _ := cur["custom"].(map[string]any)
	if custom == nil {
		return errInvalidOperation("The resource has no custom type, so custom field '%s' cannot be set.", name)
	}
	typeRef, _ := custom["type"].(map[string]any)
	id, _ := typeRef["id"].(string)
	t := x.lookup("type", id)
	fieldsMap, _ := custom["fields"].(map[string]any)
	if fieldsMap == nil {
		fieldsMap = doc{}
		custom["fields"] = fieldsMap
	}
	if v == nil {
		if _, ok := fieldsMap[name]; !ok {
			return errInvalidOperation("Cannot remove custom field '%s': it is not set.", name)
		}
		if def := fieldDefinition(t, name); def != nil {
			if req, _ := def["required"].(bool); req {
				return newError(http.StatusBadRequest, "RequiredField", fmt.Sprintf("A value is required for field '%s'.", name), "field", name)
			}
		}
		delete(fieldsMap, name)
		return nil
	}
	def := fieldDefinition(t, name)
	if def == nil {
		return newError(http.StatusBadRequest, "InvalidField",
			fmt.Sprintf("The field '%s' is not defined in the type with key '%v'.", name, t["key"]), "field", name, "invalidValue", v)
	}
	norm, apiErr := checkFieldValue(x, name, def["type"], v)
	if apiErr != nil {
		return apiErr
	}
	fieldsMap[name] = norm
	return nil
}

// customRefs returns the Type a resource's custom fields use, for ReferenceExists on the Type.
func customRefs(d doc) []ref {
	custom, _ := d["custom"].(map[string]any)
	t, _ := custom["type"].(map[string]any)
	if id, _ := t["id"].(string); id != "" {
		return []ref{{typeID: "type", id: id}}
	}
	return nil
}
