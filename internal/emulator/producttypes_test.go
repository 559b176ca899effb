package emulator

import (
	"fmt"
	"testing"
)

// Bodies written from types/product-type and types/attribute-group.

func attr(name, typ string, more ...any) map[string]any {
	a := map[string]any{"name": name, "label": map[string]any{"en": name}, "isRequired": false, "type": map[string]any{"name": typ}}
	for i := 0; i+1 < len(more); i += 2 {
		a[fmt.Sprint(more[i])] = more[i+1]
	}
	return a
}

func act(name string, kv ...any) map[string]any {
	a := map[string]any{"action": name}
	for i := 0; i+1 < len(kv); i += 2 {
		a[fmt.Sprint(kv[i])] = kv[i+1]
	}
	return a
}

func TestProductTypes(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	coll := "/" + pk + "/product-types"
	size := mustDoc(t, h.do("POST", coll, tok, map[string]any{"key": "size", "name": "Size", "description": "",
		"attributes": []any{attr("cm", "number")}}), 201)
	color := map[string]any{"name": "enum", "values": []any{map[string]any{"key": "red", "label": "Red"}, map[string]any{"key": "blue", "label": "Blue"}}}
	pt := mustDoc(t, h.do("POST", coll, tok, map[string]any{"key": "shirt", "name": "Shirt", "description": "Shirts", "attributes": []any{
		attr("color", "enum", "type", color, "attributeConstraint", "CombinationUnique"),
		attr("chart", "nested", "type", map[string]any{"name": "nested", "typeReference": map[string]any{"typeId": "product-type", "id": size["id"]}}),
		attr("tags", "set", "type", map[string]any{"name": "set", "elementType": map[string]any{"name": "text"}}, "inputTip", map[string]any{}),
	}}), 201)
	attrs, _ := pt["attributes"].([]any)
	first, nested, tags := mapOf(attrs[0]), mapOf(attrs[1]), mapOf(attrs[2])
	// Defaults: level Variant, constraint None, input hint SingleLine, searchable true (but not
	// for nested types); an empty input tip is dropped.
	if first["level"] != "Variant" || first["inputHint"] != "SingleLine" || first["isSearchable"] != true ||
		nested["isSearchable"] != false || nested["attributeConstraint"] != "None" || tags["inputTip"] != nil {
		t.Fatalf("defaults: %v", attrs)
	}
	for _, tc := range []struct {
		draft map[string]any
		code  string
	}{
		{map[string]any{"name": "x"}, "InvalidJsonInput"}, // description is required
		{map[string]any{"name": "x", "description": "", "attributes": []any{attr("a", "text")}}, "InvalidInput"},
		{map[string]any{"name": "x", "description": "", "attributes": []any{attr("aa", "text"), attr("aa", "text")}}, "AttributeDefinitionAlreadyExists"},
		{map[string]any{"name": "x", "description": "", "attributes": []any{attr("color", "text")}}, "AttributeDefinitionTypeConflict"},
		{map[string]any{"name": "x", "description": "", "attributes": []any{attr("ss", "set", "isRequired", true,
			"type", map[string]any{"name": "set", "elementType": map[string]any{"name": "text"}})}}, "InvalidOperation"},
		{map[string]any{"name": "x", "description": "", "attributes": []any{attr("pl", "text", "level", "Product", "attributeConstraint", "Unique")}}, "InvalidOperation"},
		{map[string]any{"name": "x", "description": "", "attributes": []any{attr("ns", "nested", "isSearchable", true,
			"type", map[string]any{"name": "nested", "typeReference": map[string]any{"typeId": "product-type", "id": size["id"]}})}}, "InvalidOperation"},
		{map[string]any{"name": "x", "description": "", "attributes": []any{attr("nx", "nested",
			"type", map[string]any{"name": "nested", "typeReference": map[string]any{"typeId": "product-type", "id": "nope"}})}}, "ReferencedResourceNotFound"},
		{map[string]any{"name": "x", "description": "", "attributes": []any{attr("en", "enum", "type", map[string]any{"name": "enum",
			"values": []any{map[string]any{"key": "a", "label": "A"}, map[string]any{"key": "a", "label": "B"}}})}}, "DuplicateEnumValues"},
		{map[string]any{"name": "x", "description": "", "attributes": []any{attr("rf", "reference", "type", map[string]any{"name": "reference", "referenceTypeId": "payment"})}}, "InvalidJsonInput"},
		{map[string]any{"key": "shirt", "name": "x", "description": ""}, "DuplicateField"},
	} {
		_, _ = mustError(t, h.do("POST", coll, tok, tc.draft), 400, tc.code)
	}
	item := coll + "/key=shirt"
	u := mustDoc(t, h.do("POST", item, tok, update(1,
		act("setKey", "key", "tee"),
		act("changeDescription", "description", "Tees"),
		act("addPlainEnumValue", "attributeName", "color", "value", map[string]any{"key": "green", "label": "Green"}),
		act("changePlainEnumValueLabel", "attributeName", "color", "newValue", map[string]any{"key": "red", "label": "Rot"}),
		act("changePlainEnumValueOrder", "attributeName", "color", "values", []any{
			map[string]any{"key": "green", "label": "Green"}, map[string]any{"key": "red", "label": "Rot"}, map[string]any{"key": "blue", "label": "Blue"}}),
		act("removeEnumValues", "attributeName", "color", "keys", []any{"blue"}),
		act("changeEnumKey", "attributeName", "color", "key", "green", "newKey", "gruen"),
		act("changeAttributeConstraint", "attributeName", "tags", "newValue", "None"),
		act("changeIsSearchable", "attributeName", "tags", "isSearchable", false),
		act("changeInputHint", "attributeName", "tags", "newValue", "MultiLine"),
		act("setInputTip", "attributeName", "tags", "inputTip", map[string]any{"en": "Comma separated"}),
		act("changeLabel", "attributeName", "tags", "label", map[string]any{"en": "Tags"}),
		act("changeAttributeName", "attributeName", "tags", "newAttributeName", "labels"),
		act("changeAttributeOrderByName", "attributeNames", []any{"labels", "color", "chart"}),
	)), 200)
	attrs, _ = u["attributes"].([]any)
	if u["key"] != "tee" || u["version"] != float64(2) || len(attrs) != 3 || mapOf(attrs[0])["name"] != "labels" ||
		fmt.Sprint(mapOf(attrs[1])["type"]) != "map[name:enum values:[map[key:gruen label:Green] map[key:red label:Rot]]]" {
		t.Fatalf("update: %v", u)
	}
	item = coll + "/key=tee"
	for _, tc := range []struct {
		actions []map[string]any
		code    string
	}{
		{[]map[string]any{act("changeAttributeConstraint", "attributeName", "color", "newValue", "None")}, "InvalidOperation"}, // CombinationUnique
		{[]map[string]any{act("changeAttributeConstraint", "attributeName", "color", "newValue", "Unique")}, "InvalidJsonInput"},
		{[]map[string]any{act("changePlainEnumValueOrder", "attributeName", "color", "values", []any{map[string]any{"key": "red", "label": "Rot"}})}, "EnumValuesMustMatch"},
		{[]map[string]any{act("changePlainEnumValueLabel", "attributeName", "color", "newValue", map[string]any{"key": "red", "label": "Rot"})}, "InvalidOperation"},
		{[]map[string]any{act("addLocalizedEnumValue", "attributeName", "color", "value", map[string]any{"key": "x", "label": map[string]any{"en": "X"}})}, "InvalidOperation"},
		{[]map[string]any{act("addPlainEnumValue", "attributeName", "color", "value", map[string]any{"key": "red", "label": "R"})}, "DuplicateEnumValues"},
		{[]map[string]any{act("removeEnumValues", "attributeName", "color", "keys", []any{"nope"})}, "EnumKeyDoesNotExist"},
		{[]map[string]any{act("changeEnumKey", "attributeName", "color", "key", "red", "newKey", "gruen")}, "EnumKeyAlreadyExists"},
		{[]map[string]any{act("changeLabel", "attributeName", "nope", "label", map[string]any{"en": "x"})}, "AttributeNameDoesNotExist"},
		{[]map[string]any{act("changeAttributeOrderByName", "attributeNames", []any{"color", "chart"})}, "InvalidOperation"},
		{[]map[string]any{act("addAttributeDefinition", "attribute", attr("color", "enum", "type", color))}, "AttributeDefinitionAlreadyExists"},
		{[]map[string]any{act("changeIsSearchable", "attributeName", "chart", "isSearchable", true)}, "InvalidOperation"},
		// Removed and added again in one request: the API asks for two.
		{[]map[string]any{act("removeAttributeDefinition", "name", "labels"), act("addAttributeDefinition", "attribute", attr("labels", "text"))}, "InvalidOperation"},
	} {
		_, _ = mustError(t, h.do("POST", item, tok, update(2, tc.actions...)), 400, tc.code)
	}
	// In two requests, the type of an attribute changes.
	mustDoc(t, h.do("POST", item, tok, update(2, act("removeAttributeDefinition", "name", "labels"))), 200)
	u = mustDoc(t, h.do("POST", item, tok, update(3, act("addAttributeDefinition", "attribute", attr("labels", "ltext")))), 200)
	if attrs, _ = u["attributes"].([]any); len(attrs) != 3 || fmt.Sprint(mapOf(attrs[2])["type"]) != "map[name:ltext]" {
		t.Fatalf("re-added: %v", u)
	}
	// 501 actions are refused; 500 are one request.
	many := make([]map[string]any, 501)
	for i := range many {
		many[i] = act("addPlainEnumValue", "attributeName", "color", "value", map[string]any{"key": fmt.Sprintf("v%d", i), "label": "V"})
	}
	_, _ = mustError(t, h.do("POST", item, tok, update(4, many...)), 400, "InvalidInput")
	if u = mustDoc(t, h.do("POST", item, tok, update(4, many[:500]...)), 200); u["version"] != float64(5) {
		t.Fatalf("500 actions: version %v", u["version"])
	}
	// The size chart is nested in the shirt type: it cannot go first.
	_, _ = mustError(t, h.do("DELETE", coll+"/key=size?version=1", tok, nil), 400, "ReferenceExists")
	mustDoc(t, h.do("DELETE", item+"?version=5", tok, nil), 200)
	mustDoc(t, h.do("DELETE", coll+"/key=size?version=1", tok, nil), 200)
}

func TestAttributeGroups(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	coll := "/" + pk + "/attribute-groups"
	keys := func(ks ...string) []any {
		out := make([]any, len(ks))
		for i, k := range ks {
			out[i] = map[string]any{"key": k}
		}
		return out
	}
	g := mustDoc(t, h.do("POST", coll, tok, map[string]any{"key": "tech", "name": map[string]any{"en": "Tech"}, "attributes": keys("a", "b")}), 201)
	if fmt.Sprint(g["attributes"]) != "[map[key:a] map[key:b]]" {
		t.Fatalf("create: %v", g)
	}
	for _, draft := range []map[string]any{
		{"name": map[string]any{"en": "x"}},                                         // attributes are required
		{"name": map[string]any{"en": "x"}, "attributes": nil},                      // and not null
		{"name": map[string]any{"en": "x"}, "attributes": keys("a", "a")},           // unique
		{"key": "tech", "name": map[string]any{"en": "x"}, "attributes": keys("a")}, // the key is taken
	} {
		r := h.do("POST", coll, tok, draft)
		if r.status != 400 {
			t.Fatalf("%v: %d %s", draft, r.status, r.body)
		}
	}
	u := mustDoc(t, h.do("POST", coll+"/key=tech", tok, update(1,
		act("changeName", "name", map[string]any{"en": "Technical"}),
		act("setDescription", "description", map[string]any{"en": "Specs"}),
		act("addAttribute", "attribute", map[string]any{"key": "c"}),
		act("removeAttribute", "attribute", map[string]any{"key": "a"}),
		act("setKey"),
	)), 200)
	if fmt.Sprint(u["attributes"]) != "[map[key:b] map[key:c]]" || u["key"] != nil || u["version"] != float64(2) {
		t.Fatalf("update: %v", u)
	}
	item := coll + "/" + str(u["id"])
	_, _ = mustError(t, h.do("POST", item, tok, update(2, act("addAttribute", "attribute", map[string]any{"key": "b"}))), 400, "InvalidOperation")
	_, _ = mustError(t, h.do("POST", item, tok, update(2, act("removeAttribute", "attribute", map[string]any{"key": "a"}))), 400, "InvalidOperation")
	_, _ = mustError(t, h.do("POST", item, tok, update(2, act("changeName", "name", map[string]any{}))), 400, "InvalidInput")
	u = mustDoc(t, h.do("POST", item, tok, update(2, act("setAttributes", "attributes", keys("c", "b")))), 200)
	if fmt.Sprint(u["attributes"]) != "[map[key:c] map[key:b]]" {
		t.Fatalf("setAttributes: %v", u)
	}
	mustDoc(t, h.do("DELETE", item+"?version=3", tok, nil), 200)
}
