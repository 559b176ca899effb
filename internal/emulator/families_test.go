package emulator

import (
	"fmt"
	"strings"
	"testing"
)

// Bodies below are written from the reference's types (ChannelDraft, TypeDraft, FieldDefinition,
// CustomFieldsDraft and the update actions), not from what the provider sends.

func TestChannelDrafts(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	// A draft with every field of ChannelDraft.
	typ := mustDoc(t, h.do("POST", h.typesPath(), tok, map[string]any{
		"key": "channel-fields", "name": map[string]any{"en": "Channel fields"}, "resourceTypeIds": []any{"channel"},
		"fieldDefinitions": []any{
			map[string]any{"name": "hours", "label": map[string]any{"en": "Hours"}, "required": true, "type": map[string]any{"name": "String"}},
			map[string]any{"name": "capacity", "label": map[string]any{"en": "Capacity"}, "required": false, "type": map[string]any{"name": "Number"}},
			map[string]any{"name": "budget", "label": map[string]any{"en": "Budget"}, "required": false, "type": map[string]any{"name": "Money"}},
		},
	}), 201)
	full := mustDoc(t, h.do("POST", h.channels(), tok, map[string]any{
		"key": "berlin", "roles": []any{"InventorySupply", "OrderExport"},
		"name": map[string]any{"en": "Berlin"}, "description": map[string]any{"de": "Lager"},
		"address":     map[string]any{"key": "wh-1", "country": "DE", "city": "Berlin", "additionalStreetInfo": "Hof", "additionalAddressInfo": "Rampe"},
		"geoLocation": map[string]any{"type": "Point", "coordinates": []any{13.37, 52.53}},
		"custom": map[string]any{"type": map[string]any{"typeId": "type", "key": "channel-fields"},
			"fields": map[string]any{"hours": "9-5", "capacity": 12000, "budget": map[string]any{"currencyCode": "EUR", "centAmount": 100}}},
	}), 201)
	addr, _ := full["address"].(map[string]any)
	if addr["id"] == nil || addr["additionalStreetInfo"] != "Hof" || addr["additionalAddressInfo"] != "Rampe" {
		t.Fatalf("address: %v", addr)
	}
	custom, _ := full["custom"].(map[string]any)
	if fmt.Sprint(custom["type"]) != fmt.Sprintf("map[id:%s typeId:type]", typ["id"]) {
		t.Fatalf("custom type is not a reference by id: %v", custom["type"])
	}
	fields, _ := custom["fields"].(map[string]any)
	money, _ := fields["budget"].(map[string]any)
	if money["type"] != "centPrecision" || money["fractionDigits"] != 2.0 {
		t.Fatalf("money stored as %v", money)
	}

	bad := []struct {
		name string
		body map[string]any
		code string
		want string
	}{
		{"empty key", map[string]any{"key": ""}, "InvalidOperation", "must not be empty"},
		{"no roles", map[string]any{"key": "a", "roles": []any{}}, "InvalidOperation", "at least one role"},
		{"unknown role", map[string]any{"key": "a", "roles": []any{"Warehouse"}}, "InvalidJsonInput", "Invalid enum value"},
		{"unknown field", map[string]any{"key": "a", "colour": "red"}, "InvalidJsonInput", "colour: Unknown field"},
		{"country", map[string]any{"key": "a", "address": map[string]any{"country": "Germany"}}, "InvalidField", "country code"},
		{"geo type", map[string]any{"key": "a", "geoLocation": map[string]any{"type": "Polygon", "coordinates": []any{1.0, 2.0}}}, "InvalidInput", "only 'Point'"},
		{"missing type", map[string]any{"key": "a", "custom": map[string]any{"type": map[string]any{"key": "nope"}}}, "ReferencedResourceNotFound", "key 'nope'"},
		{"required custom field", map[string]any{"key": "a", "custom": map[string]any{"type": map[string]any{"key": "channel-fields"}}}, "RequiredField", "'hours'"},
		{"custom value type", map[string]any{"key": "a", "custom": map[string]any{"type": map[string]any{"key": "channel-fields"}, "fields": map[string]any{"hours": "x", "capacity": "many"}}}, "InvalidField", "a number is expected"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := mustError(t, h.do("POST", h.channels(), tok, tc.body), 400, tc.code)
			if m, _ := errs[0]["message"].(string); !strings.Contains(m, tc.want) && !strings.Contains(fmt.Sprint(errs[0]), tc.want) {
				t.Fatalf("error %v does not say %q", errs, tc.want)
			}
		})
	}

	// Update actions of ChannelUpdateAction, with the documented no-op rejections.
	id, _ := full["id"].(string)
	path := h.channels() + "/" + id
	_, _ = mustError(t, h.do("POST", path, tok, update(1, map[string]any{"action": "changeName", "name": map[string]any{"en": "Berlin"}})), 400, "InvalidOperation")
	_, _ = mustError(t, h.do("POST", path, tok, update(1, map[string]any{"action": "changeDescription", "description": map[string]any{}})), 400, "InvalidOperation")
	_, _ = mustError(t, h.do("POST", path, tok, update(1, map[string]any{"action": "setRoles", "roles": []any{"OrderExport", "InventorySupply"}})), 400, "InvalidOperation")
	_, _ = mustError(t, h.do("POST", path, tok, update(1, map[string]any{"action": "addRoles", "roles": []any{"OrderExport"}})), 400, "InvalidOperation")
	_, _ = mustError(t, h.do("POST", path, tok, update(1, map[string]any{"action": "setCustomField", "name": "nope", "value": 1})), 400, "InvalidField")
	_, _ = mustError(t, h.do("POST", path, tok, update(1, map[string]any{"action": "setCustomField", "name": "hours"})), 400, "RequiredField")
	u := mustDoc(t, h.do("POST", path, tok, update(1,
		map[string]any{"action": "setRoles", "roles": []any{"Primary"}},
		map[string]any{"action": "setAddress"},
		map[string]any{"action": "setGeoLocation"},
		map[string]any{"action": "setCustomField", "name": "capacity"},
		map[string]any{"action": "setCustomType"},
	)), 200)
	if u["address"] != nil || u["geoLocation"] != nil || u["custom"] != nil || fmt.Sprint(u["roles"]) != "[Primary]" {
		t.Fatalf("after removals: %v", u)
	}
	// A Type still used by a channel cannot be deleted; a channel can.
	other := mustDoc(t, h.do("POST", h.channels(), tok, map[string]any{"key": "user", "custom": map[string]any{
		"type": map[string]any{"id": typ["id"]}, "fields": map[string]any{"hours": "24/7"}}}), 201)
	_, _ = mustError(t, h.do("DELETE", h.typesPath()+"/key=channel-fields?version=1", tok, nil), 400, "ReferenceExists")
	mustDoc(t, h.do("DELETE", h.channels()+"/"+str(other["id"])+"?version=1", tok, nil), 200)
	mustDoc(t, h.do("DELETE", h.typesPath()+"/key=channel-fields?version=1", tok, nil), 200)
}

func (h *harness) typesPath() string { return "/" + h.ts.Project.Key + "/types" }

func TestTypeDraftsAndActions(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	field := func(name, typ string, extra map[string]any) map[string]any {
		ft := map[string]any{"name": typ}
		for k, v := range extra {
			ft[k] = v
		}
		return map[string]any{"name": name, "label": map[string]any{"en": name}, "required": false, "type": ft}
	}
	enum := map[string]any{"values": []any{map[string]any{"key": "a", "label": "A"}, map[string]any{"key": "b", "label": "B"}}}
	lenum := map[string]any{"values": []any{map[string]any{"key": "x", "label": map[string]any{"en": "X"}}}}
	created := mustDoc(t, h.do("POST", h.typesPath(), tok, map[string]any{
		"key": "every-type", "name": map[string]any{"en": "Every type"}, "resourceTypeIds": []any{"customer", "reservation"},
		"fieldDefinitions": []any{
			field("b1", "Boolean", nil), field("n1", "Number", nil), field("s1", "String", nil), field("ls", "LocalizedString", nil),
			field("e1", "Enum", enum), field("le", "LocalizedEnum", lenum), field("m1", "Money", nil), field("d1", "Date", nil),
			field("t1", "Time", nil), field("dt", "DateTime", nil), field("r1", "Reference", map[string]any{"referenceTypeId": "channel"}),
			field("st", "Set", map[string]any{"elementType": map[string]any{"name": "Enum", "values": []any{map[string]any{"key": "mon", "label": "Mon"}}}}),
		},
	}), 201)
	defs, _ := created["fieldDefinitions"].([]any)
	if first, _ := defs[0].(map[string]any); len(defs) != 12 || first["inputHint"] != "SingleLine" {
		t.Fatalf("field definitions: %v", defs)
	}
	path := h.typesPath() + "/key=every-type"
	for _, tc := range []struct {
		name   string
		action map[string]any
		code   string
	}{
		{"duplicate field", map[string]any{"action": "addFieldDefinition", "fieldDefinition": field("b1", "Boolean", nil)}, "DuplicateField"},
		{"missing field", map[string]any{"action": "removeFieldDefinition", "fieldName": "zz"}, "InvalidInput"},
		{"order must name every field", map[string]any{"action": "changeFieldDefinitionOrder", "fieldNames": []any{"b1"}}, "InvalidOperation"},
		{"enum value on a string", map[string]any{"action": "addEnumValue", "fieldName": "s1", "value": map[string]any{"key": "k", "label": "K"}}, "InvalidOperation"},
		{"duplicate enum value", map[string]any{"action": "addEnumValue", "fieldName": "e1", "value": map[string]any{"key": "a", "label": "A"}}, "DuplicateEnumValues"},
		{"input hint on a number", map[string]any{"action": "changeInputHint", "fieldName": "n1", "inputHint": "MultiLine"}, "InvalidOperation"},
		{"enum order must keep the keys", map[string]any{"action": "changeEnumValueOrder", "fieldName": "e1", "keys": []any{"b"}}, "InvalidOperation"},
		{"bad key", map[string]any{"action": "changeKey", "key": "a b"}, "InvalidInput"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _ = mustError(t, h.do("POST", path, tok, update(1, tc.action)), 400, tc.code)
		})
	}
	u := mustDoc(t, h.do("POST", path, tok, update(1,
		map[string]any{"action": "changeName", "name": map[string]any{"en": "Renamed"}},
		map[string]any{"action": "setDescription", "description": map[string]any{"en": "More"}},
		map[string]any{"action": "changeLabel", "fieldName": "b1", "label": map[string]any{"en": "Flag"}},
		map[string]any{"action": "changeInputHint", "fieldName": "s1", "inputHint": "MultiLine"},
		map[string]any{"action": "addEnumValue", "fieldName": "e1", "value": map[string]any{"key": "c", "label": "C"}},
		map[string]any{"action": "changeEnumValueLabel", "fieldName": "e1", "value": map[string]any{"key": "a", "label": "Alpha"}},
		map[string]any{"action": "changeEnumValueOrder", "fieldName": "e1", "keys": []any{"c", "a", "b"}},
		map[string]any{"action": "addLocalizedEnumValue", "fieldName": "le", "value": map[string]any{"key": "y", "label": map[string]any{"en": "Y"}}},
		map[string]any{"action": "changeLocalizedEnumValueLabel", "fieldName": "le", "value": map[string]any{"key": "x", "label": map[string]any{"en": "Ex"}}},
		map[string]any{"action": "changeLocalizedEnumValueOrder", "fieldName": "le", "keys": []any{"y", "x"}},
		map[string]any{"action": "addEnumValue", "fieldName": "st", "value": map[string]any{"key": "fri", "label": "Fri"}},
		map[string]any{"action": "removeFieldDefinition", "fieldName": "d1"},
		map[string]any{"action": "addFieldDefinition", "fieldDefinition": field("new", "String", nil)},
		map[string]any{"action": "changeKey", "key": "every-type-2"},
	)), 200)
	if u["version"] != 2.0 || u["key"] != "every-type-2" {
		t.Fatalf("update: version %v key %v", u["version"], u["key"])
	}
	got := fmt.Sprint(u["fieldDefinitions"])
	for _, want := range []string{"Alpha", "key:c label:C", "Ex", "key:fri", "name:new", "inputHint:MultiLine"} {
		if !strings.Contains(got, want) {
			t.Errorf("field definitions lack %q: %s", want, got)
		}
	}
	if strings.Contains(got, "name:d1") {
		t.Errorf("d1 was not removed")
	}
	// A draft without resourceTypeIds and with a bad field name.
	_, _ = mustError(t, h.do("POST", h.typesPath(), tok, map[string]any{"key": "k2", "name": map[string]any{"en": "x"}}), 400, "InvalidJsonInput")
	_, _ = mustError(t, h.do("POST", h.typesPath(), tok, map[string]any{"key": "k3", "name": map[string]any{"en": "x"}, "resourceTypeIds": []any{"channel"},
		"fieldDefinitions": []any{field("a", "String", nil)}}), 400, "InvalidInput")
	// A field of the same name and another type on another Type for the same resource.
	_, _ = mustError(t, h.do("POST", h.typesPath(), tok, map[string]any{"key": "k4", "name": map[string]any{"en": "x"}, "resourceTypeIds": []any{"customer"},
		"fieldDefinitions": []any{field("b1", "String", nil)}}), 400, "FieldDefinitionAlreadyExists")
}
