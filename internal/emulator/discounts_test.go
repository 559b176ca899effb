package emulator

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/labd/commercetools-go-sdk/platform"
)

// Bodies written from types/cart-discount, types/discount-group, types/product-discount,
// types/discount-code and types/recurring-order/scope.

func discPath(h *harness, coll string) string { return "/" + h.ts.Project.Key + "/" + coll }

func loc(s string) map[string]any { return map[string]any{"en": s} }

func money(cur string, cents int) map[string]any {
	return map[string]any{"currencyCode": cur, "centAmount": cents}
}

func relative(permyriad int) map[string]any {
	return map[string]any{"type": "relative", "permyriad": permyriad}
}

func lineItems(pred string) map[string]any {
	return map[string]any{"type": "lineItems", "predicate": pred}
}

// cartDiscountDraft is a minimal valid CartDiscountDraft with the given changes (nil removes).
func cartDiscountDraft(sortOrder string, changes map[string]any) map[string]any {
	d := map[string]any{"name": loc("D"), "value": relative(1000), "cartPredicate": "1 = 1", "target": lineItems("true"), "sortOrder": sortOrder}
	for k, v := range changes {
		if v == nil {
			delete(d, k)
		} else {
			d[k] = v
		}
	}
	return d
}

func errorMessage(errs []map[string]any) string {
	var b strings.Builder
	for _, e := range errs {
		fmt.Fprint(&b, e)
		b.WriteString(" ")
	}
	return b.String()
}

func TestDiscountPredicateSyntax(t *testing.T) {
	for _, s := range []string{
		`1 = 1`, `true`, `sku = "A"`, `totalPrice > "10.00 EUR"`, `lineItemCount(1 = 1) > 0`, `customer.email is defined`,
		`customer.email is not defined`, `lineItemExists(sku = "x") and not (customer.customerGroup.key = "b2b")`,
		`lineItemTotal(true = true) >= "500.00 USD"`, `categories.id = ("c1")`, `categories.key contains any ("sale", "new")`,
		`sku in ("a", "b") or sku not in ("c")`, `attributes.size-eu = 42`, `NOT(sku = "a") AND x <> -1.5`,
		`custom.flags contains "x"`, `shippingInfo.shippingMethodName is empty`, `lineItemCount()`, `f("a", 2) = true`,
		"customer.email = \"a\\\"b\"\n\tor\n 1 = 1", `any-predicate`, `(((1 = 1)))`,
	} {
		if err := checkDiscountPredicate(s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
	for _, tc := range []struct{ src, want string }{
		{``, "empty"},
		{`   `, "empty"},
		{`sku = "A`, "unterminated string"},
		{`(sku = "A"`, "expected ')'"},
		{`sku = "A")`, "expected 'and', 'or' or end of input"},
		{`sku =`, "end of input"},
		{`= 1`, "invalid input '='"},
		{`1 = 1 and`, "end of input"},
		{`and 1 = 1`, "invalid input 'and'"},
		{`sku = "A" sku = "B"`, "expected 'and', 'or'"},
		{`"A"`, "expected an operator"},
		{`sku is`, "expected 'defined' or 'empty'"},
		{`sku in "a"`, "expected '('"},
		{`sku in ()`, "expected a value"},
		{`f(1 = 1`, "expected ',' or ')'"},
		{`sku ! "a"`, "expected '!='"},
		{`sku = 'a'`, "invalid input '''"},
		{`1abc = 1`, "invalid number"},
		{strings.Repeat("(", 100) + "1 = 1" + strings.Repeat(")", 100), "nested more than"},
	} {
		err := checkDiscountPredicate(tc.src)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.src, err, tc.want)
		}
	}
}

// discountFixtures creates what the discount tests reference: a Type for cart discounts and
// discount codes, stores eu and us, channels with the supply and distribution roles.
func discountFixtures(t *testing.T, h *harness, tok string) {
	t.Helper()
	mustDoc(t, h.do("POST", h.typesPath(), tok, map[string]any{
		"key": "discount-fields", "name": loc("Discount fields"), "resourceTypeIds": []any{"cart-discount", "discount-code"},
		"fieldDefinitions": []any{map[string]any{"name": "note", "label": loc("Note"), "required": false, "type": map[string]any{"name": "String"}}},
	}), 201)
	for _, k := range []string{"eu", "us"} {
		mustDoc(t, h.do("POST", discPath(h, "stores"), tok, map[string]any{"key": k}), 201)
	}
	mustDoc(t, h.do("POST", h.channels(), tok, map[string]any{"key": "wh", "roles": []any{"InventorySupply"}}), 201)
	mustDoc(t, h.do("POST", h.channels(), tok, map[string]any{"key": "web", "roles": []any{"ProductDistribution"}}), 201)
}

func TestCartDiscountDrafts(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	discountFixtures(t, h, tok)
	path := discPath(h, "cart-discounts")

	// A draft with every field of CartDiscountDraft.
	full := mustDoc(t, h.do("POST", path, tok, map[string]any{
		"key": "full", "name": loc("Full"), "description": loc("Every field"),
		"value":         map[string]any{"type": "relative", "permyriad": 1500},
		"cartPredicate": `customer.email is defined and totalPrice > "10.00 EUR"`,
		"target":        lineItems(`sku = "A"`), "sortOrder": "0.15",
		"stores":   []any{map[string]any{"typeId": "store", "key": "eu"}, map[string]any{"key": "us"}, map[string]any{"key": "eu"}},
		"isActive": false, "validFrom": "2026-01-01T00:00:00+01:00", "validUntil": "2026-12-31T23:59:59.5Z",
		"requiresDiscountCode": true, "stackingMode": "StopAfterThisDiscount",
		"custom":              map[string]any{"type": map[string]any{"key": "discount-fields"}, "fields": map[string]any{"note": "n"}},
		"recurringOrderScope": map[string]any{"type": "AnyOrder"},
	}), 201)
	for k, want := range map[string]string{
		"stores":               "[map[key:eu typeId:store] map[key:us typeId:store]]",
		"isActive":             "false",
		"validFrom":            "2025-12-31T23:00:00.000Z",
		"validUntil":           "2026-12-31T23:59:59.500Z",
		"requiresDiscountCode": "true",
		"stackingMode":         "StopAfterThisDiscount",
		"references":           "[]",
		"recurringOrderScope":  "map[type:AnyOrder]",
		"value":                "map[permyriad:1500 type:relative]",
		"sortOrder":            "0.15",
	} {
		if got := fmt.Sprint(full[k]); got != want {
			t.Errorf("%s = %s, want %s", k, got, want)
		}
	}
	if full["custom"] == nil || full["discountGroup"] != nil {
		t.Fatalf("custom/discountGroup: %v", full)
	}

	// Defaults of the optional fields.
	min := mustDoc(t, h.do("POST", path, tok, cartDiscountDraft("0.2", nil)), 201)
	for k, want := range map[string]string{
		"isActive": "true", "requiresDiscountCode": "false", "stackingMode": "Stacking", "stores": "[]", "references": "[]",
		"recurringOrderScope": "map[type:NonRecurringOrdersOnly]", "value": "map[permyriad:1000 type:relative]",
	} {
		if got := fmt.Sprint(min[k]); got != want {
			t.Errorf("default %s = %s, want %s", k, got, want)
		}
	}
	for _, k := range []string{"key", "description", "validFrom", "validUntil", "custom", "discountGroup"} {
		if _, ok := min[k]; ok {
			t.Errorf("%s is set by default: %v", k, min[k])
		}
	}

	// Every value kind and target kind.
	pattern := map[string]any{"type": "pattern",
		"triggerPattern": []any{map[string]any{"type": "CountOnLineItemUnits", "predicate": `sku = "A"`, "minCount": 2, "maxCount": 3}},
		"targetPattern":  []any{map[string]any{"type": "CountOnCustomLineItemUnits", "predicate": "1 = 1", "excludeCount": 1}},
		"maxOccurrence":  2, "selectionMode": "Cheapest"}
	kinds := []struct {
		name          string
		value, target map[string]any
		check         func(d map[string]any) string
	}{
		{"absolute on customLineItems", map[string]any{"type": "absolute", "money": []any{money("EUR", 500), money("JPY", 50)}, "applicationMode": "EvenDistribution"},
			map[string]any{"type": "customLineItems", "predicate": `name.en = "x"`},
			func(d map[string]any) string {
				return fmt.Sprint(d["value"])
			}},
		{"fixed cent and high precision", map[string]any{"type": "fixed", "money": []any{
			map[string]any{"type": "centPrecision", "currencyCode": "USD", "centAmount": 900, "fractionDigits": 2},
			map[string]any{"type": "highPrecision", "currencyCode": "EUR", "preciseAmount": 1015, "fractionDigits": 3},
			map[string]any{"type": "highPrecision", "currencyCode": "GBP", "preciseAmount": 1025, "fractionDigits": 3},
			map[string]any{"type": "highPrecision", "currencyCode": "KWD", "preciseAmount": 12345, "fractionDigits": 4, "centAmount": 1235},
			money("CHF", 100),
		}}, lineItems("1 = 1"), func(d map[string]any) string { return fmt.Sprint(d["value"]) }},
		{"relative on shipping", relative(10000), map[string]any{"type": "shipping"}, nil},
		{"relative on totalPrice", relative(0), map[string]any{"type": "totalPrice"}, nil},
		{"multiBuyLineItems", relative(5000), map[string]any{"type": "multiBuyLineItems", "predicate": "1 = 1", "triggerQuantity": 3, "discountedQuantity": 3, "maxOccurrence": 1, "selectionMode": "MostExpensive"},
			func(d map[string]any) string { return fmt.Sprint(d["target"]) }},
		{"multiBuyCustomLineItems", relative(5000), map[string]any{"type": "multiBuyCustomLineItems", "predicate": "1 = 1", "triggerQuantity": 2, "discountedQuantity": 1, "selectionMode": "Cheapest"}, nil},
		{"pattern with a spread relative value", map[string]any{"type": "relative", "permyriad": 2000, "applicationMode": "ProportionateDistribution"}, pattern,
			func(d map[string]any) string { return fmt.Sprint(d["target"]) }},
		{"gift line item", map[string]any{"type": "giftLineItem", "product": map[string]any{"typeId": "product", "id": "p-1"}, "variantId": 2,
			"supplyChannel": map[string]any{"key": "wh"}, "distributionChannel": map[string]any{"typeId": "channel", "key": "web"}}, nil,
			func(d map[string]any) string { return fmt.Sprint(d["target"]) }},
	}
	want := []string{
		"map[applicationMode:EvenDistribution money:[map[centAmount:500 currencyCode:EUR fractionDigits:2 type:centPrecision] map[centAmount:50 currencyCode:JPY fractionDigits:0 type:centPrecision]] type:absolute]",
		"map[money:[map[centAmount:900 currencyCode:USD fractionDigits:2 type:centPrecision] " +
			"map[centAmount:102 currencyCode:EUR fractionDigits:3 preciseAmount:1015 type:highPrecision] " +
			"map[centAmount:102 currencyCode:GBP fractionDigits:3 preciseAmount:1025 type:highPrecision] " +
			"map[centAmount:1235 currencyCode:KWD fractionDigits:4 preciseAmount:12345 type:highPrecision] " +
			"map[centAmount:100 currencyCode:CHF fractionDigits:2 type:centPrecision]] type:fixed]",
		"", "",
		"map[discountedQuantity:3 maxOccurrence:1 predicate:1 = 1 selectionMode:MostExpensive triggerQuantity:3 type:multiBuyLineItems]",
		"",
		"map[maxOccurrence:2 selectionMode:Cheapest targetPattern:[map[excludeCount:1 predicate:1 = 1 type:CountOnCustomLineItemUnits]] triggerPattern:[map[maxCount:3 minCount:2 predicate:sku = \"A\" type:CountOnLineItemUnits]] type:pattern]",
		"<nil>",
	}
	for i, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			draft := cartDiscountDraft(fmt.Sprintf("0.3%d", i+1), map[string]any{"value": k.value, "target": k.target})
			if k.target == nil {
				delete(draft, "target")
			}
			d := mustDoc(t, h.do("POST", path, tok, draft), 201)
			if k.check != nil {
				if got := k.check(d); got != want[i] {
					t.Fatalf("got  %s\nwant %s", got, want[i])
				}
			}
			// The SDK the provider uses decodes every kind.
			var cd platform.CartDiscount
			raw, _ := json.Marshal(d)
			if err := json.Unmarshal(raw, &cd); err != nil || cd.Value == nil {
				t.Fatalf("SDK decode: %v %+v", err, cd)
			}
		})
	}
	gift := mustDoc(t, h.do("GET", path+"?where="+urlQuery(`value(type = "giftLineItem")`), tok, nil), 200)
	if res, _ := gift["results"].([]any); len(res) != 1 || !strings.Contains(fmt.Sprint(res), "supplyChannel:map[id:") {
		t.Fatalf("gift query: %v", gift)
	}

	bad := []struct {
		name    string
		changes map[string]any
		code    string
		want    string
	}{
		{"no name", map[string]any{"name": nil}, "InvalidJsonInput", "name: Missing required value"},
		{"unknown field", map[string]any{"colour": "red"}, "InvalidJsonInput", "colour: Unknown field"},
		{"bad stacking mode", map[string]any{"stackingMode": "Sometimes"}, "InvalidJsonInput", "Invalid enum value"},
		{"bad currency", map[string]any{"value": map[string]any{"type": "absolute", "money": []any{money("EURO", 1)}}}, "InvalidField", "currencyCode"},
		{"fractional cents", map[string]any{"value": map[string]any{"type": "absolute", "money": []any{map[string]any{"currencyCode": "EUR", "centAmount": 1.5}}}}, "InvalidField", "integer centAmount"},
		{"empty money", map[string]any{"value": map[string]any{"type": "absolute", "money": []any{}}}, "InvalidOperation", "at least one"},
		{"duplicate currency", map[string]any{"value": map[string]any{"type": "fixed", "money": []any{money("EUR", 1), map[string]any{"type": "highPrecision", "currencyCode": "EUR", "preciseAmount": 1, "fractionDigits": 3}}}}, "InvalidOperation", "more than one value in EUR"},
		{"wrong fraction digits", map[string]any{"value": map[string]any{"type": "fixed", "money": []any{map[string]any{"currencyCode": "EUR", "centAmount": 1, "fractionDigits": 3}}}}, "InvalidField", "fraction digits"},
		{"high precision digits", map[string]any{"value": map[string]any{"type": "fixed", "money": []any{map[string]any{"type": "highPrecision", "currencyCode": "EUR", "preciseAmount": 1, "fractionDigits": 2}}}}, "InvalidField", "from 3 to 20"},
		{"high precision rounding", map[string]any{"value": map[string]any{"type": "fixed", "money": []any{map[string]any{"type": "highPrecision", "currencyCode": "EUR", "preciseAmount": 1015, "fractionDigits": 3, "centAmount": 100}}}}, "InvalidField", "rounded correctly"},
		{"high precision in absolute", map[string]any{"value": map[string]any{"type": "absolute", "money": []any{map[string]any{"type": "highPrecision", "currencyCode": "EUR", "preciseAmount": 1015, "fractionDigits": 3}}}}, "InvalidField", "cent precision"},
		{"permyriad", map[string]any{"value": relative(10001)}, "InvalidInput", "between 0 and 10000"},
		{"gift with target", map[string]any{"value": map[string]any{"type": "giftLineItem", "product": map[string]any{"id": "p"}, "variantId": 1}}, "InvalidInput", "has no target"},
		{"gift product by key", map[string]any{"target": nil, "value": map[string]any{"type": "giftLineItem", "product": map[string]any{"key": "p"}, "variantId": 1}}, "ReferencedResourceNotFound", "key 'p'"},
		{"gift channel role", map[string]any{"target": nil, "value": map[string]any{"type": "giftLineItem", "product": map[string]any{"id": "p"}, "variantId": 1, "supplyChannel": map[string]any{"key": "web"}}}, "MissingRoleOnChannel", "InventorySupply"},
		{"no target", map[string]any{"target": nil}, "InvalidInput", "'target' is required"},
		{"mode without pattern", map[string]any{"value": map[string]any{"type": "relative", "permyriad": 1, "applicationMode": "IndividualApplication"}}, "InvalidOperation", "needs a pattern target"},
		{"spread without trigger", map[string]any{"value": map[string]any{"type": "relative", "permyriad": 1, "applicationMode": "EvenDistribution"},
			"target": map[string]any{"type": "pattern", "triggerPattern": []any{}, "targetPattern": []any{map[string]any{"type": "CountOnLineItemUnits", "predicate": "1 = 1"}}, "selectionMode": "Cheapest"}}, "InvalidOperation", "non-empty triggerPattern"},
		{"absolute multi-buy", map[string]any{"value": map[string]any{"type": "absolute", "money": []any{money("EUR", 1)}},
			"target": map[string]any{"type": "multiBuyLineItems", "predicate": "1 = 1", "triggerQuantity": 2, "discountedQuantity": 1, "selectionMode": "Cheapest"}}, "InvalidOperation", "not allowed"},
		{"trigger quantity", map[string]any{"target": map[string]any{"type": "multiBuyLineItems", "predicate": "1 = 1", "triggerQuantity": 1, "discountedQuantity": 1, "selectionMode": "Cheapest"}}, "InvalidInput", "between 2 and"},
		{"discounted quantity", map[string]any{"target": map[string]any{"type": "multiBuyLineItems", "predicate": "1 = 1", "triggerQuantity": 2, "discountedQuantity": 3, "selectionMode": "Cheapest"}}, "InvalidInput", "must not exceed"},
		{"no selection mode", map[string]any{"target": map[string]any{"type": "multiBuyCustomLineItems", "predicate": "1 = 1", "triggerQuantity": 2, "discountedQuantity": 1}}, "InvalidJsonInput", "selectionMode: Missing"},
		{"empty target pattern", map[string]any{"target": map[string]any{"type": "pattern", "triggerPattern": []any{}, "targetPattern": []any{}, "selectionMode": "Cheapest"}}, "InvalidInput", "must not be empty"},
		{"exclude count in trigger", map[string]any{"target": map[string]any{"type": "pattern", "selectionMode": "Cheapest",
			"triggerPattern": []any{map[string]any{"type": "CountOnLineItemUnits", "predicate": "1 = 1", "excludeCount": 1}},
			"targetPattern":  []any{map[string]any{"type": "CountOnLineItemUnits", "predicate": "1 = 1"}}}}, "InvalidInput", "only in the targetPattern"},
		{"max below min count", map[string]any{"target": map[string]any{"type": "pattern", "selectionMode": "Cheapest", "triggerPattern": []any{},
			"targetPattern": []any{map[string]any{"type": "CountOnLineItemUnits", "predicate": "1 = 1", "minCount": 3, "maxCount": 2}}}}, "InvalidInput", "at least the minCount"},
		{"unknown target", map[string]any{"target": map[string]any{"type": "everything"}}, "InvalidJsonInput", "Invalid enum value"},
		{"sort order 1", map[string]any{"sortOrder": "1"}, "InvalidInput", "between 0 and 1"},
		{"sort order 0", map[string]any{"sortOrder": "0.000"}, "InvalidInput", "between 0 and 1"},
		{"sort order text", map[string]any{"sortOrder": "high"}, "InvalidInput", "between 0 and 1"},
		{"sort order number", map[string]any{"sortOrder": 0.5}, "InvalidJsonInput", "String expected"},
		{"no sort order", map[string]any{"sortOrder": nil}, "InvalidInput", "'sortOrder' is required"},
		{"validity order", map[string]any{"validFrom": "2026-02-01T00:00:00Z", "validUntil": "2026-01-01T00:00:00Z"}, "InvalidOperation", "must be earlier"},
		{"validity equal", map[string]any{"validFrom": "2026-01-01T00:00:00Z", "validUntil": "2026-01-01T01:00:00+01:00"}, "InvalidOperation", "must be earlier"},
		{"bad date", map[string]any{"validFrom": "tomorrow"}, "InvalidJsonInput", "Invalid date-time"},
		{"cart predicate", map[string]any{"cartPredicate": `sku = "A`}, "SyntaxError", "Malformed parameter: cartPredicate: Syntax error while parsing 'cartPredicate'. Unterminated string"},
		{"empty cart predicate", map[string]any{"cartPredicate": ""}, "SyntaxError", "The predicate is empty"},
		{"target predicate", map[string]any{"target": lineItems("sku =")}, "SyntaxError", "Malformed parameter: target.predicate:"},
		{"pattern predicate", map[string]any{"target": map[string]any{"type": "pattern", "selectionMode": "Cheapest", "triggerPattern": []any{},
			"targetPattern": []any{map[string]any{"type": "CountOnLineItemUnits", "predicate": "(1 = 1"}}}}, "SyntaxError", "target.targetPattern[0].predicate"},
		{"unknown store", map[string]any{"stores": []any{map[string]any{"key": "mars"}}}, "ReferencedResourceNotFound", "key 'mars'"},
		{"unknown group", map[string]any{"discountGroup": map[string]any{"key": "nope"}}, "ReferencedResourceNotFound", "key 'nope'"},
		{"unmodelled recurrence policy", map[string]any{"recurringOrderScope": map[string]any{"type": "ApplicableRecurrencePolicies", "recurrencePolicies": []any{map[string]any{"key": "weekly"}}}}, "ReferencedResourceNotFound", "recurrence-policy"},
		{"no recurrence policies", map[string]any{"recurringOrderScope": map[string]any{"type": "ApplicableRecurrencePolicies", "recurrencePolicies": []any{}}}, "InvalidOperation", "1 to 20"},
		{"unknown custom type", map[string]any{"custom": map[string]any{"type": map[string]any{"key": "nope"}}}, "ReferencedResourceNotFound", "key 'nope'"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := mustError(t, h.do("POST", path, tok, cartDiscountDraft("0.99", tc.changes)), 400, tc.code)
			if m := errorMessage(errs); !strings.Contains(m, tc.want) {
				t.Fatalf("error %v does not say %q", errs, tc.want)
			}
		})
	}

	// A store or Type that a cart discount uses cannot be deleted.
	_, _ = mustError(t, h.do("DELETE", discPath(h, "stores")+"/key=us?version=1", tok, nil), 400, "ReferenceExists")
	_, _ = mustError(t, h.do("DELETE", h.typesPath()+"/key=discount-fields?version=1", tok, nil), 400, "ReferenceExists")
	_, _ = mustError(t, h.do("DELETE", h.channels()+"/key=wh?version=1", tok, nil), 400, "ReferenceExists")
	mustDoc(t, h.do("DELETE", path+"/key=full?version=1", tok, nil), 200)
	mustDoc(t, h.do("DELETE", discPath(h, "stores")+"/key=us?version=1", tok, nil), 200)
}

func urlQuery(s string) string {
	return strings.NewReplacer(" ", "%20", `"`, "%22", "=", "%3D").Replace(s)
}

func TestCartDiscountActions(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	discountFixtures(t, h, tok)
	path := discPath(h, "cart-discounts")
	mustDoc(t, h.do("POST", path, tok, cartDiscountDraft("0.5", map[string]any{"key": "dd"})), 201)
	item := path + "/key=dd"

	u := mustDoc(t, h.do("POST", item, tok, update(1,
		map[string]any{"action": "changeName", "name": loc("Renamed")},
		map[string]any{"action": "setDescription", "description": loc("Desc")},
		map[string]any{"action": "changeTarget", "target": map[string]any{"type": "pattern", "selectionMode": "Cheapest",
			"triggerPattern": []any{map[string]any{"type": "CountOnLineItemUnits", "predicate": "1 = 1"}},
			"targetPattern":  []any{map[string]any{"type": "CountOnLineItemUnits", "predicate": "1 = 1"}}}},
		map[string]any{"action": "changeValue", "value": map[string]any{"type": "relative", "permyriad": 10, "applicationMode": "EvenDistribution"}},
		map[string]any{"action": "changeCartPredicate", "cartPredicate": `lineItemCount(1 = 1) > 0`},
		map[string]any{"action": "changeSortOrder", "sortOrder": "0.55"},
		map[string]any{"action": "changeIsActive", "isActive": false},
		map[string]any{"action": "changeRequiresDiscountCode", "requiresDiscountCode": true},
		map[string]any{"action": "changeStackingMode", "stackingMode": "StopAfterThisDiscount"},
		map[string]any{"action": "setKey", "key": "dd2"},
		map[string]any{"action": "setValidFrom", "validFrom": "2026-01-01T00:00:00Z"},
		map[string]any{"action": "setValidUntil", "validUntil": "2026-02-01T00:00:00Z"},
		map[string]any{"action": "setValidFromAndUntil", "validFrom": "2026-03-01T00:00:00Z", "validUntil": "2026-04-01T00:00:00.000Z"},
		map[string]any{"action": "setStores", "stores": []any{map[string]any{"key": "eu"}}},
		map[string]any{"action": "addStore", "store": map[string]any{"key": "us"}},
		map[string]any{"action": "removeStore", "store": map[string]any{"key": "eu"}},
		map[string]any{"action": "setCustomType", "type": map[string]any{"key": "discount-fields"}},
		map[string]any{"action": "setCustomField", "name": "note", "value": "x"},
		map[string]any{"action": "setRecurringOrderScope", "recurringOrderScope": map[string]any{"type": "RecurringOrdersOnly"}},
	)), 200)
	for k, want := range map[string]string{
		"version": "2", "key": "dd2", "name": "map[en:Renamed]", "description": "map[en:Desc]", "sortOrder": "0.55", "isActive": "false",
		"requiresDiscountCode": "true", "stackingMode": "StopAfterThisDiscount", "validFrom": "2026-03-01T00:00:00.000Z",
		"validUntil": "2026-04-01T00:00:00.000Z", "stores": "[map[key:us typeId:store]]", "cartPredicate": "lineItemCount(1 = 1) > 0",
		"recurringOrderScope": "map[type:RecurringOrdersOnly]", "value": "map[applicationMode:EvenDistribution permyriad:10 type:relative]",
	} {
		if got := fmt.Sprint(u[k]); got != want {
			t.Errorf("%s = %s, want %s", k, got, want)
		}
	}
	if c, _ := u["custom"].(map[string]any); fmt.Sprint(c["fields"]) != "map[note:x]" {
		t.Errorf("custom: %v", u["custom"])
	}
	item = path + "/key=dd2"
	// Removals.
	u = mustDoc(t, h.do("POST", item, tok, update(2,
		map[string]any{"action": "setDescription"}, map[string]any{"action": "setKey"},
		map[string]any{"action": "setValidFromAndUntil"}, map[string]any{"action": "setStores", "stores": []any{}},
		map[string]any{"action": "setCustomType"},
	)), 200)
	for _, k := range []string{"description", "key", "validFrom", "validUntil", "custom"} {
		if _, ok := u[k]; ok {
			t.Errorf("%s not removed: %v", k, u[k])
		}
	}
	item = path + "/" + str(u["id"])

	// Refused actions leave the discount as it was (version 3).
	for _, tc := range []struct {
		action map[string]any
		code   string
	}{
		{map[string]any{"action": "changeValue", "value": map[string]any{"type": "giftLineItem", "product": map[string]any{"id": "p"}, "variantId": 1}}, "InvalidInput"},
		{map[string]any{"action": "changeValue", "value": map[string]any{"type": "absolute", "money": []any{}}}, "InvalidOperation"},
		{map[string]any{"action": "changeTarget", "target": lineItems("1 = 1")}, "InvalidOperation"}, // the value's applicationMode needs a pattern
		{map[string]any{"action": "changeTarget"}, "InvalidJsonInput"},
		{map[string]any{"action": "changeCartPredicate", "cartPredicate": "1 = "}, "SyntaxError"},
		{map[string]any{"action": "changeSortOrder", "sortOrder": "2"}, "InvalidInput"},
		{map[string]any{"action": "changeStackingMode", "stackingMode": "x"}, "InvalidJsonInput"},
		{map[string]any{"action": "setValidUntil", "validUntil": "2000-01-01T00:00:00Z"}, "InvalidOperation"},
		{map[string]any{"action": "addStore", "store": map[string]any{"key": "mars"}}, "ReferencedResourceNotFound"},
		{map[string]any{"action": "removeStore", "store": map[string]any{"key": "eu"}}, "InvalidOperation"},
		{map[string]any{"action": "setCustomField", "name": "note", "value": "x"}, "InvalidOperation"},
		{map[string]any{"action": "setRecurringOrderScope"}, "InvalidJsonInput"},
		{map[string]any{"action": "setDiscountGroup"}, "InvalidInput"},
		{map[string]any{"action": "changeName", "name": "plain"}, "InvalidJsonInput"},
		{map[string]any{"action": "setKey", "key": "x"}, "InvalidInput"},
		{map[string]any{"action": "addLineItem"}, "InvalidInput"},
	} {
		t.Run(fmt.Sprint(tc.action["action"], "/", tc.code), func(t *testing.T) {
			_, _ = mustError(t, h.do("POST", item, tok, update(3, map[string]any{"action": "setValidFrom", "validFrom": "2030-01-01T00:00:00Z"}, tc.action)), 400, tc.code)
		})
	}
	if got := mustDoc(t, h.do("GET", item, tok, nil), 200); got["version"] != 3.0 || got["validFrom"] != nil {
		t.Fatalf("a refused request changed the discount: %v", got)
	}
	// The other order: changeValue first drops the applicationMode, then the target can change.
	u = mustDoc(t, h.do("POST", item, tok, update(3,
		map[string]any{"action": "changeValue", "value": map[string]any{"type": "absolute", "money": []any{money("EUR", 100)}}},
		map[string]any{"action": "changeTarget", "target": map[string]any{"type": "totalPrice"}},
	)), 200)
	if fmt.Sprint(u["target"]) != "map[type:totalPrice]" {
		t.Fatalf("target: %v", u["target"])
	}

	// A gift line item discount keeps its value.
	gift := mustDoc(t, h.do("POST", path, tok, cartDiscountDraft("0.6", map[string]any{"target": nil,
		"value": map[string]any{"type": "giftLineItem", "product": map[string]any{"id": "p"}, "variantId": 1}})), 201)
	_, _ = mustError(t, h.do("POST", path+"/"+str(gift["id"]), tok, update(1, map[string]any{"action": "changeValue", "value": relative(1)})), 400, "InvalidInput")
	_, _ = mustError(t, h.do("POST", path+"/"+str(gift["id"]), tok, update(1, map[string]any{"action": "changeTarget", "target": lineItems("true")})), 400, "InvalidInput")
}

func TestCartDiscountLimits(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	discountFixtures(t, h, tok)
	path := discPath(h, "cart-discounts")
	for i := 0; i < 100; i++ {
		for _, stores := range [][]any{{}, {map[string]any{"typeId": "store", "key": "eu"}}} {
			d := cartDiscountDraft(fmt.Sprintf("0.%d%03d", len(stores)+1, i), map[string]any{
				"id": fmt.Sprintf("fixture-%d-%d", len(stores), i), "version": 1, "isActive": true, "requiresDiscountCode": false, "stores": stores,
			})
			if err := h.ts.PutDoc(pk, "cart-discounts", d); err != nil {
				t.Fatal(err)
			}
		}
	}
	_, _ = mustError(t, h.do("POST", path, tok, cartDiscountDraft("0.5", nil)), 400, "MaxCartDiscountsReached")
	_, errs := mustError(t, h.do("POST", path, tok, cartDiscountDraft("0.5", map[string]any{"stores": []any{map[string]any{"key": "us"}, map[string]any{"key": "eu"}}})), 400, "StoreCartDiscountsLimitReached")
	if fmt.Sprint(errs[0]["stores"]) != "[map[key:eu typeId:store]]" {
		t.Fatalf("stores of the error: %v", errs)
	}
	// Inactive ones, ones that need a code and ones in another store do not count.
	mustDoc(t, h.do("POST", path, tok, cartDiscountDraft("0.5", map[string]any{"key": "off", "isActive": false})), 201)
	mustDoc(t, h.do("POST", path, tok, cartDiscountDraft("0.6", map[string]any{"key": "code", "requiresDiscountCode": true})), 201)
	mustDoc(t, h.do("POST", path, tok, cartDiscountDraft("0.7", map[string]any{"key": "us", "stores": []any{map[string]any{"key": "us"}}})), 201)
	_, _ = mustError(t, h.do("POST", path+"/key=off", tok, update(1, map[string]any{"action": "changeIsActive", "isActive": true})), 400, "MaxCartDiscountsReached")
	_, _ = mustError(t, h.do("POST", path+"/key=code", tok, update(1, map[string]any{"action": "changeRequiresDiscountCode", "requiresDiscountCode": false})), 400, "MaxCartDiscountsReached")
	_, _ = mustError(t, h.do("POST", path+"/key=us", tok, update(1, map[string]any{"action": "addStore", "store": map[string]any{"key": "eu"}})), 400, "StoreCartDiscountsLimitReached")
	_, _ = mustError(t, h.do("POST", path+"/key=us", tok, update(1, map[string]any{"action": "removeStore", "store": map[string]any{"key": "us"}})), 400, "MaxCartDiscountsReached")
	// Changes that do not add to a full limit pass.
	mustDoc(t, h.do("POST", path+"/key=us", tok, update(1, map[string]any{"action": "changeName", "name": loc("x")})), 200)
	many := make([]any, 501)
	for i := range many {
		many[i] = map[string]any{"key": "us"}
	}
	mustDoc(t, h.do("POST", path+"/key=us", tok, update(2, map[string]any{"action": "setStores", "stores": many})), 200) // duplicates collapse: no change
	for i := range many {
		key := fmt.Sprintf("s-%03d", i)
		if err := h.ts.PutDoc(pk, "stores", map[string]any{"id": key, "version": 1, "key": key}); err != nil {
			t.Fatal(err)
		}
		many[i] = map[string]any{"key": key}
	}
	_, _ = mustError(t, h.do("POST", path+"/key=us", tok, update(2, map[string]any{"action": "setStores", "stores": many})), 400, "MaxStoreReferencesReached")
	_, _ = mustError(t, h.do("POST", path, tok, cartDiscountDraft("0.8", map[string]any{"stores": many})), 400, "MaxStoreReferencesReached")
	mustDoc(t, h.do("POST", path+"/key=us", tok, update(2, map[string]any{"action": "setStores", "stores": many[:500]})), 200)
	_, _ = mustError(t, h.do("POST", path+"/key=us", tok, update(3, map[string]any{"action": "addStore", "store": many[500]})), 400, "MaxStoreReferencesReached")
}

func TestDiscountSortOrders(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	cds, groups := discPath(h, "cart-discounts"), discPath(h, "discount-groups")
	a := mustDoc(t, h.do("POST", cds, tok, cartDiscountDraft("0.1", map[string]any{"key": "aa"})), 201)
	mustDoc(t, h.do("POST", cds, tok, cartDiscountDraft("0.2", map[string]any{"key": "bb"})), 201)
	g := mustDoc(t, h.do("POST", groups, tok, map[string]any{"key": "gg", "sortOrder": "0.3"}), 201)
	if g["isActive"] != true || g["name"] != nil {
		t.Fatalf("group defaults: %v", g)
	}
	for _, tc := range []struct {
		name, path string
		body       map[string]any
	}{
		{"cart discount like a group", cds, cartDiscountDraft("0.3", nil)},
		{"cart discount like a cart discount", cds, cartDiscountDraft("0.10", nil)},
		{"group like a cart discount", groups, map[string]any{"key": "gg2", "sortOrder": "0.2000"}},
		{"group like a group", groups, map[string]any{"key": "gg2", "sortOrder": "0.3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := mustError(t, h.do("POST", tc.path, tok, tc.body), 400, "DuplicateField")
			if errs[0]["field"] != "sortOrder" || errs[0]["duplicateValue"] != tc.body["sortOrder"] {
				t.Fatalf("error: %v", errs)
			}
		})
	}
	// Swapping two sort orders takes a temporary value.
	_, _ = mustError(t, h.do("POST", cds+"/key=aa", tok, update(1, map[string]any{"action": "changeSortOrder", "sortOrder": "0.2"})), 400, "DuplicateField")
	mustDoc(t, h.do("POST", cds+"/key=aa", tok, update(1, map[string]any{"action": "changeSortOrder", "sortOrder": "0.9"})), 200)
	mustDoc(t, h.do("POST", cds+"/key=bb", tok, update(1, map[string]any{"action": "changeSortOrder", "sortOrder": "0.1"})), 200)
	mustDoc(t, h.do("POST", cds+"/key=aa", tok, update(2, map[string]any{"action": "changeSortOrder", "sortOrder": "0.2"})), 200)
	_, _ = mustError(t, h.do("POST", groups+"/key=gg", tok, update(1, map[string]any{"action": "setSortOrder", "sortOrder": "0.2"})), 400, "DuplicateField")

	// Cart discounts in a group use its sort order.
	c := mustDoc(t, h.do("POST", cds, tok, cartDiscountDraft("", map[string]any{"key": "cc", "sortOrder": nil, "discountGroup": map[string]any{"key": "gg"}})), 201)
	d := mustDoc(t, h.do("POST", cds, tok, cartDiscountDraft("0.5", map[string]any{"key": "dd", "discountGroup": map[string]any{"typeId": "discount-group", "id": g["id"]}})), 201)
	for _, x := range []map[string]any{c, d} {
		if x["sortOrder"] != "0.3" || fmt.Sprint(x["discountGroup"]) != fmt.Sprintf("map[id:%s typeId:discount-group]", g["id"]) {
			t.Fatalf("member: %v", x)
		}
	}
	if mustDoc(t, h.do("POST", cds, tok, cartDiscountDraft("0.5", nil)), 201)["sortOrder"] != "0.5" {
		t.Fatal("a member's own sortOrder was kept")
	}
	_, _ = mustError(t, h.do("POST", cds, tok, cartDiscountDraft("", map[string]any{"sortOrder": nil, "target": map[string]any{"type": "shipping"}, "discountGroup": map[string]any{"key": "gg"}})), 400, "InvalidInput")
	_, _ = mustError(t, h.do("POST", cds, tok, cartDiscountDraft("0.05", map[string]any{"value": map[string]any{"type": "giftLineItem", "product": map[string]any{"id": "p"}, "variantId": 1}, "target": nil, "discountGroup": map[string]any{"key": "gg"}})), 400, "InvalidInput")
	mustDoc(t, h.do("POST", groups+"/key=gg", tok, update(1, map[string]any{"action": "setSortOrder", "sortOrder": "0.35"})), 200)
	c = mustDoc(t, h.do("GET", cds+"/key=cc", tok, nil), 200)
	if c["sortOrder"] != "0.35" || c["version"] != 1.0 {
		t.Fatalf("member after the group's change: %v", c)
	}
	_, _ = mustError(t, h.do("POST", cds+"/key=cc", tok, update(1, map[string]any{"action": "changeSortOrder", "sortOrder": "0.4"})), 400, "InvalidOperation")
	_, _ = mustError(t, h.do("POST", cds+"/key=cc", tok, update(1, map[string]any{"action": "changeTarget", "target": map[string]any{"type": "shipping"}})), 400, "InvalidInput")
	_, _ = mustError(t, h.do("POST", cds+"/key=cc", tok, update(1, map[string]any{"action": "setDiscountGroup", "sortOrder": "0.35"})), 400, "DuplicateField")
	left := mustDoc(t, h.do("POST", cds+"/key=cc", tok, update(1, map[string]any{"action": "setDiscountGroup", "sortOrder": "0.4"})), 200)
	if left["discountGroup"] != nil || left["sortOrder"] != "0.4" {
		t.Fatalf("left the group: %v", left)
	}
	// Joining again takes the group's order; the old one is free again.
	joined := mustDoc(t, h.do("POST", cds+"/key=cc", tok, update(2, map[string]any{"action": "setDiscountGroup", "discountGroup": map[string]any{"key": "gg"}})), 200)
	if joined["sortOrder"] != "0.35" {
		t.Fatalf("joined: %v", joined)
	}
	mustDoc(t, h.do("POST", cds+"/key=aa", tok, update(3, map[string]any{"action": "changeSortOrder", "sortOrder": "0.4"})), 200)

	// A group that cart discounts use cannot be deleted.
	_, errs := mustError(t, h.do("DELETE", groups+"/key=gg?version=2", tok, nil), 400, "ReferenceExists")
	if errs[0]["referencedBy"] != "cart-discount" {
		t.Fatalf("referencedBy: %v", errs)
	}
	for _, k := range []string{"cc", "dd"} {
		cur := mustDoc(t, h.do("GET", cds+"/key="+k, tok, nil), 200)
		mustDoc(t, h.do("DELETE", cds+"/key="+k+"?version="+fmt.Sprint(cur["version"]), tok, nil), 200)
	}
	mustDoc(t, h.do("DELETE", groups+"/key=gg?version=2", tok, nil), 200)
	_ = a

	// Product discounts have their own sort orders.
	pds := discPath(h, "product-discounts")
	mustDoc(t, h.do("POST", pds, tok, productDiscountDraft("0.2", nil)), 201)
	_, errs = mustError(t, h.do("POST", pds, tok, productDiscountDraft("0.20", nil)), 400, "DuplicateField")
	if errs[0]["field"] != "sortOrder" {
		t.Fatalf("error: %v", errs)
	}
}

func TestDiscountGroups(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	path := discPath(h, "discount-groups")
	g := mustDoc(t, h.do("POST", path, tok, map[string]any{"key": "gg", "sortOrder": "0.5", "name": loc("G"), "description": loc("D"), "isActive": false}), 201)
	if g["isActive"] != false || fmt.Sprint(g["name"]) != "map[en:G]" || fmt.Sprint(g["description"]) != "map[en:D]" {
		t.Fatalf("group: %v", g)
	}
	for _, tc := range []struct {
		body map[string]any
		code string
	}{
		{map[string]any{"sortOrder": "0.6"}, "InvalidJsonInput"},
		{map[string]any{"key": "x"}, "InvalidJsonInput"},
		{map[string]any{"key": "gg", "sortOrder": "0.6"}, "DuplicateField"},
		{map[string]any{"key": "hh", "sortOrder": "1.0"}, "InvalidInput"},
		{map[string]any{"key": "hh", "sortOrder": "0.6", "stores": []any{}}, "InvalidJsonInput"},
	} {
		_, _ = mustError(t, h.do("POST", path, tok, tc.body), 400, tc.code)
	}
	u := mustDoc(t, h.do("POST", path+"/key=gg", tok, update(1,
		map[string]any{"action": "setKey", "key": "gg1"},
		map[string]any{"action": "setName"},
		map[string]any{"action": "setDescription", "description": loc("D2")},
		map[string]any{"action": "setSortOrder", "sortOrder": "0.55"},
		map[string]any{"action": "setIsActive", "isActive": true},
	)), 200)
	if u["key"] != "gg1" || u["name"] != nil || u["sortOrder"] != "0.55" || u["isActive"] != true || fmt.Sprint(u["description"]) != "map[en:D2]" {
		t.Fatalf("update: %v", u)
	}
	_, _ = mustError(t, h.do("POST", path+"/key=gg1", tok, update(2, map[string]any{"action": "setKey"})), 400, "InvalidJsonInput")
	_, _ = mustError(t, h.do("POST", path+"/key=gg1", tok, update(2, map[string]any{"action": "setIsActive"})), 400, "InvalidJsonInput")
	var sdk platform.DiscountGroup
	raw, _ := json.Marshal(u)
	if err := json.Unmarshal(raw, &sdk); err != nil || sdk.Key != "gg1" || sdk.SortOrder != "0.55" {
		t.Fatalf("SDK decode: %v %+v", err, sdk)
	}

	// At most 100 active discount groups.
	for i := 0; i < 99; i++ {
		if err := h.ts.PutDoc(pk, "discount-groups", map[string]any{"id": fmt.Sprintf("g-%d", i), "version": 1, "key": fmt.Sprintf("g-%d", i),
			"sortOrder": fmt.Sprintf("0.1%03d", i), "isActive": true}); err != nil {
			t.Fatal(err)
		}
	}
	_, _ = mustError(t, h.do("POST", path, tok, map[string]any{"key": "one-more", "sortOrder": "0.9"}), 400, "MaxDiscountGroupsReached")
	mustDoc(t, h.do("POST", path, tok, map[string]any{"key": "one-more", "sortOrder": "0.9", "isActive": false}), 201)
	_, _ = mustError(t, h.do("POST", path+"/key=one-more", tok, update(1, map[string]any{"action": "setIsActive", "isActive": true})), 400, "MaxDiscountGroupsReached")
	mustDoc(t, h.do("POST", path+"/key=gg1", tok, update(2, map[string]any{"action": "setIsActive", "isActive": true})), 200) // already active
	mustDoc(t, h.do("DELETE", path+"/key=gg1?version=2", tok, nil), 200)
	mustDoc(t, h.do("POST", path+"/key=one-more", tok, update(1, map[string]any{"action": "setIsActive", "isActive": true})), 200)
}

func productDiscountDraft(sortOrder string, changes map[string]any) map[string]any {
	d := map[string]any{"name": loc("P"), "value": relative(1000), "predicate": "1 = 1", "sortOrder": sortOrder, "isActive": true}
	for k, v := range changes {
		if v == nil {
			delete(d, k)
		} else {
			d[k] = v
		}
	}
	return d
}

func TestProductDiscounts(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	path := discPath(h, "product-discounts")
	full := mustDoc(t, h.do("POST", path, tok, map[string]any{
		"key": "pp", "name": loc("P"), "description": loc("D"), "value": map[string]any{"type": "absolute", "money": []any{money("EUR", 100), money("JPY", 5)}},
		"predicate": `(product.id = "x" and variant.id = 1) or attributes.label = "y"`, "sortOrder": "0.9534", "isActive": false,
		"validFrom": "2026-01-01T00:00:00Z", "validUntil": "2026-01-02T00:00:00Z",
	}), 201)
	for k, want := range map[string]string{
		"value":      "map[money:[map[centAmount:100 currencyCode:EUR fractionDigits:2 type:centPrecision] map[centAmount:5 currencyCode:JPY fractionDigits:0 type:centPrecision]] type:absolute]",
		"references": "[]", "isActive": "false", "validFrom": "2026-01-01T00:00:00.000Z", "sortOrder": "0.9534",
	} {
		if got := fmt.Sprint(full[k]); got != want {
			t.Errorf("%s = %s, want %s", k, got, want)
		}
	}
	var sdk platform.ProductDiscount
	raw, _ := json.Marshal(full)
	if err := json.Unmarshal(raw, &sdk); err != nil || sdk.Value == nil {
		t.Fatalf("SDK decode: %v %+v", err, sdk)
	}
	ext := mustDoc(t, h.do("POST", path, tok, productDiscountDraft("0.1", map[string]any{"value": map[string]any{"type": "external"}})), 201)
	if fmt.Sprint(ext["value"]) != "map[type:external]" || ext["key"] != nil {
		t.Fatalf("external: %v", ext)
	}
	for _, tc := range []struct {
		name    string
		changes map[string]any
		code    string
	}{
		{"no isActive", map[string]any{"isActive": nil}, "InvalidJsonInput"},
		{"no sortOrder", map[string]any{"sortOrder": nil}, "InvalidJsonInput"},
		{"no predicate", map[string]any{"predicate": nil}, "InvalidJsonInput"},
		{"empty name", map[string]any{"name": map[string]any{}}, "InvalidInput"},
		{"bad predicate", map[string]any{"predicate": "variant.id = "}, "SyntaxError"},
		{"fixed value", map[string]any{"value": map[string]any{"type": "fixed", "money": []any{money("EUR", 1)}}}, "InvalidJsonInput"},
		{"external with money", map[string]any{"value": map[string]any{"type": "external", "money": []any{}}}, "InvalidJsonInput"},
		{"empty money", map[string]any{"value": map[string]any{"type": "absolute", "money": []any{}}}, "InvalidOperation"},
		{"duplicate currency", map[string]any{"value": map[string]any{"type": "absolute", "money": []any{money("EUR", 1), money("EUR", 2)}}}, "InvalidOperation"},
		{"bad currency", map[string]any{"value": map[string]any{"type": "absolute", "money": []any{money("eur", 1)}}}, "InvalidField"},
		{"sort order", map[string]any{"sortOrder": "0"}, "InvalidInput"},
		{"validity", map[string]any{"validFrom": "2026-01-02T00:00:00Z", "validUntil": "2026-01-01T00:00:00Z"}, "InvalidOperation"},
		{"custom", map[string]any{"custom": map[string]any{}}, "InvalidJsonInput"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _ = mustError(t, h.do("POST", path, tok, productDiscountDraft("0.5", tc.changes)), 400, tc.code)
		})
	}
	u := mustDoc(t, h.do("POST", path+"/key=pp", tok, update(1,
		map[string]any{"action": "changeIsActive", "isActive": true},
		map[string]any{"action": "changeName", "name": loc("P2")},
		map[string]any{"action": "changePredicate", "predicate": `sku = "z"`},
		map[string]any{"action": "changeSortOrder", "sortOrder": "0.8"},
		map[string]any{"action": "changeValue", "value": relative(250)},
		map[string]any{"action": "setDescription"},
		map[string]any{"action": "setKey", "key": "pp2"},
		map[string]any{"action": "setValidFrom"},
		map[string]any{"action": "setValidUntil", "validUntil": "2027-01-01T00:00:00Z"},
		map[string]any{"action": "setValidFromAndUntil", "validFrom": "2026-06-01T00:00:00Z", "validUntil": "2026-07-01T00:00:00Z"},
	)), 200)
	for k, want := range map[string]string{
		"isActive": "true", "name": "map[en:P2]", "predicate": `sku = "z"`, "sortOrder": "0.8", "value": "map[permyriad:250 type:relative]",
		"description": "<nil>", "key": "pp2", "validFrom": "2026-06-01T00:00:00.000Z", "validUntil": "2026-07-01T00:00:00.000Z",
	} {
		if got := fmt.Sprint(u[k]); got != want {
			t.Errorf("%s = %s, want %s", k, got, want)
		}
	}
	for _, a := range []struct {
		action map[string]any
		code   string
	}{
		{map[string]any{"action": "changeName", "name": map[string]any{"en": ""}}, "InvalidInput"},
		{map[string]any{"action": "changePredicate", "predicate": "("}, "SyntaxError"},
		{map[string]any{"action": "changeSortOrder", "sortOrder": "0.1"}, "DuplicateField"},
		{map[string]any{"action": "changeValue", "value": map[string]any{"type": "absolute", "money": []any{}}}, "InvalidOperation"},
		{map[string]any{"action": "changeIsActive"}, "InvalidJsonInput"},
		{map[string]any{"action": "setValidFrom", "validFrom": "2026-08-01T00:00:00Z"}, "InvalidOperation"},
		{map[string]any{"action": "setCustomType"}, "InvalidInput"},
	} {
		_, _ = mustError(t, h.do("POST", path+"/key=pp2", tok, update(2, a.action)), 400, a.code)
	}
	mustDoc(t, h.do("DELETE", path+"/key=pp2?version=2", tok, nil), 200)
}

func TestDiscountCodes(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	discountFixtures(t, h, tok)
	cds, path := discPath(h, "cart-discounts"), discPath(h, "discount-codes")
	eu := mustDoc(t, h.do("POST", cds, tok, cartDiscountDraft("0.1", map[string]any{"key": "eu", "requiresDiscountCode": true, "stores": []any{map[string]any{"key": "eu"}}})), 201)
	mustDoc(t, h.do("POST", cds, tok, cartDiscountDraft("0.2", map[string]any{"key": "both", "requiresDiscountCode": true, "stores": []any{map[string]any{"key": "us"}, map[string]any{"key": "eu"}}})), 201)
	mustDoc(t, h.do("POST", cds, tok, cartDiscountDraft("0.3", map[string]any{"key": "all", "requiresDiscountCode": true})), 201)

	full := mustDoc(t, h.do("POST", path, tok, map[string]any{
		"key": "save10", "name": loc("Save"), "description": loc("Save 10"), "code": "SAVE10",
		"cartDiscounts": []any{map[string]any{"typeId": "cart-discount", "id": eu["id"]}, map[string]any{"key": "both"}, map[string]any{"key": "all"}},
		"cartPredicate": `customer.email = "a@example.com"`, "isActive": false, "maxApplications": 100, "maxApplicationsPerCustomer": 2,
		"custom": map[string]any{"type": map[string]any{"key": "discount-fields"}}, "groups": []any{"new customers"},
		"validFrom": "2026-01-01T00:00:00Z", "validUntil": "2026-02-01T00:00:00Z",
	}), 201)
	for k, want := range map[string]string{
		"code": "SAVE10", "isActive": "false", "maxApplications": "100", "maxApplicationsPerCustomer": "2", "groups": "[new customers]",
		"references": "[]", "applicationVersion": "1", "stores": "[map[key:eu typeId:store] map[key:us typeId:store]]",
		"validUntil": "2026-02-01T00:00:00.000Z",
	} {
		if got := fmt.Sprint(full[k]); got != want {
			t.Errorf("%s = %s, want %s", k, got, want)
		}
	}
	if l, _ := full["cartDiscounts"].([]any); len(l) != 3 || fmt.Sprint(l[0]) != fmt.Sprintf("map[id:%s typeId:cart-discount]", eu["id"]) {
		t.Fatalf("cartDiscounts: %v", full["cartDiscounts"])
	}
	var sdk platform.DiscountCode
	raw, _ := json.Marshal(full)
	if err := json.Unmarshal(raw, &sdk); err != nil || len(sdk.CartDiscounts) != 3 || sdk.ApplicationVersion == nil {
		t.Fatalf("SDK decode: %v %+v", err, sdk)
	}
	min := mustDoc(t, h.do("POST", path, tok, map[string]any{"code": "MIN", "cartDiscounts": []any{map[string]any{"key": "all"}}}), 201)
	for k, want := range map[string]string{"isActive": "true", "groups": "[]", "stores": "[]", "references": "[]"} {
		if got := fmt.Sprint(min[k]); got != want {
			t.Errorf("default %s = %s, want %s", k, got, want)
		}
	}
	for _, k := range []string{"key", "name", "cartPredicate", "maxApplications", "maxApplicationsPerCustomer", "validFrom", "custom"} {
		if _, ok := min[k]; ok {
			t.Errorf("%s set by default", k)
		}
	}

	eleven := make([]any, 11)
	for i := range eleven {
		eleven[i] = map[string]any{"key": "all"}
	}
	for _, tc := range []struct {
		name string
		body map[string]any
		code string
	}{
		{"duplicate code", map[string]any{"code": "SAVE10", "cartDiscounts": []any{map[string]any{"key": "all"}}}, "DuplicateField"},
		{"empty code", map[string]any{"code": "", "cartDiscounts": []any{map[string]any{"key": "all"}}}, "InvalidInput"},
		{"no code", map[string]any{"cartDiscounts": []any{map[string]any{"key": "all"}}}, "InvalidJsonInput"},
		{"no cart discounts", map[string]any{"code": "X"}, "InvalidJsonInput"},
		{"zero cart discounts", map[string]any{"code": "X", "cartDiscounts": []any{}}, "InvalidInput"},
		{"eleven cart discounts", map[string]any{"code": "X", "cartDiscounts": eleven}, "InvalidInput"},
		{"a cart discount twice", map[string]any{"code": "X", "cartDiscounts": []any{map[string]any{"key": "all"}, map[string]any{"id": eu["id"]}, map[string]any{"key": "eu"}}}, "InvalidInput"},
		{"unknown cart discount", map[string]any{"code": "X", "cartDiscounts": []any{map[string]any{"key": "nope"}}}, "ReferencedResourceNotFound"},
		{"unknown cart discount id", map[string]any{"code": "X", "cartDiscounts": []any{map[string]any{"id": "nope"}}}, "ReferencedResourceNotFound"},
		{"id and key", map[string]any{"code": "X", "cartDiscounts": []any{map[string]any{"id": eu["id"], "key": "eu"}}}, "InvalidJsonInput"},
		{"bad predicate", map[string]any{"code": "X", "cartDiscounts": []any{map[string]any{"key": "all"}}, "cartPredicate": "x = = 1"}, "SyntaxError"},
		{"negative max", map[string]any{"code": "X", "cartDiscounts": []any{map[string]any{"key": "all"}}, "maxApplications": -1}, "InvalidInput"},
		{"groups of numbers", map[string]any{"code": "X", "cartDiscounts": []any{map[string]any{"key": "all"}}, "groups": []any{1}}, "InvalidJsonInput"},
		{"validity", map[string]any{"code": "X", "cartDiscounts": []any{map[string]any{"key": "all"}}, "validFrom": "2026-01-01T00:00:00Z", "validUntil": "2025-01-01T00:00:00Z"}, "InvalidOperation"},
		{"custom type for another resource", map[string]any{"code": "X", "cartDiscounts": []any{map[string]any{"key": "all"}}, "custom": map[string]any{"type": map[string]any{"key": "nope"}}}, "ReferencedResourceNotFound"},
		{"stores are derived", map[string]any{"code": "X", "cartDiscounts": []any{map[string]any{"key": "all"}}, "stores": []any{}}, "InvalidJsonInput"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _ = mustError(t, h.do("POST", path, tok, tc.body), 400, tc.code)
		})
	}

	// The stores follow the cart discounts, without a new version of the code.
	mustDoc(t, h.do("POST", cds+"/key=both", tok, update(1, map[string]any{"action": "setStores", "stores": []any{}})), 200)
	if got := mustDoc(t, h.do("GET", path+"/key=save10", tok, nil), 200); fmt.Sprint(got["stores"]) != "[map[key:eu typeId:store]]" || got["version"] != 1.0 {
		t.Fatalf("stores after the cart discount's change: %v", got)
	}

	u := mustDoc(t, h.do("POST", path+"/key=save10", tok, update(1,
		map[string]any{"action": "changeCartDiscounts", "cartDiscounts": []any{map[string]any{"key": "all"}}},
		map[string]any{"action": "changeGroups", "groups": []any{"a", "b"}},
		map[string]any{"action": "changeIsActive", "isActive": true},
		map[string]any{"action": "setCartPredicate"},
		map[string]any{"action": "setKey", "key": "save20"},
		map[string]any{"action": "setName", "name": loc("Save 20")},
		map[string]any{"action": "setDescription"},
		map[string]any{"action": "setMaxApplications", "maxApplications": 0},
		map[string]any{"action": "setMaxApplicationsPerCustomer"},
		map[string]any{"action": "setValidFrom"},
		map[string]any{"action": "setValidUntil", "validUntil": "2027-01-01T00:00:00Z"},
		map[string]any{"action": "setValidFromAndUntil", "validFrom": "2026-05-01T00:00:00Z", "validUntil": "2026-06-01T00:00:00Z"},
		map[string]any{"action": "setCustomField", "name": "note", "value": "v"},
		map[string]any{"action": "setCustomType", "type": map[string]any{"key": "discount-fields"}, "fields": map[string]any{"note": "w"}},
	)), 200)
	for k, want := range map[string]string{
		"stores": "[]", "groups": "[a b]", "isActive": "true", "cartPredicate": "<nil>", "key": "save20", "name": "map[en:Save 20]",
		"description": "<nil>", "maxApplications": "0", "maxApplicationsPerCustomer": "<nil>", "validFrom": "2026-05-01T00:00:00.000Z",
		"code": "SAVE10", "version": "2",
	} {
		if got := fmt.Sprint(u[k]); got != want {
			t.Errorf("%s = %s, want %s", k, got, want)
		}
	}
	for _, a := range []struct {
		action map[string]any
		code   string
	}{
		{map[string]any{"action": "changeCode", "code": "OTHER"}, "InvalidInput"},
		{map[string]any{"action": "changeCartDiscounts", "cartDiscounts": []any{}}, "InvalidInput"},
		{map[string]any{"action": "changeCartDiscounts", "cartDiscounts": []any{map[string]any{"key": "nope"}}}, "ReferencedResourceNotFound"},
		{map[string]any{"action": "changeGroups"}, "InvalidJsonInput"},
		{map[string]any{"action": "setCartPredicate", "cartPredicate": "and"}, "SyntaxError"},
		{map[string]any{"action": "setMaxApplicationsPerCustomer", "maxApplicationsPerCustomer": 1.5}, "InvalidJsonInput"},
		{map[string]any{"action": "setValidFrom", "validFrom": "2026-07-01T00:00:00Z"}, "InvalidOperation"},
		{map[string]any{"action": "setKey", "key": "x"}, "InvalidInput"},
	} {
		_, _ = mustError(t, h.do("POST", path+"/key=save20", tok, update(2, a.action)), 400, a.code)
	}
	mustDoc(t, h.do("POST", path+"/"+str(min["id"]), tok, update(1, map[string]any{"action": "setKey", "key": "min"})), 200)
	_, _ = mustError(t, h.do("POST", path+"/key=save20", tok, update(2, map[string]any{"action": "setKey", "key": "min"})), 400, "DuplicateField")

	// A cart discount that a code uses cannot be deleted; nor can the code's Type.
	_, errs := mustError(t, h.do("DELETE", cds+"/key=all?version=1", tok, nil), 400, "ReferenceExists")
	if errs[0]["referencedBy"] != "discount-code" {
		t.Fatalf("referencedBy: %v", errs)
	}
	_, _ = mustError(t, h.do("DELETE", h.typesPath()+"/key=discount-fields?version=1", tok, nil), 400, "ReferenceExists")
	mustDoc(t, h.do("DELETE", path+"/key=save20?version=2&dataErasure=true", tok, nil), 200)
	mustDoc(t, h.do("DELETE", path+"/key=min?version=2", tok, nil), 200)
	mustDoc(t, h.do("DELETE", cds+"/key=all?version=1", tok, nil), 200)
}

func TestDiscountScopes(t *testing.T) {
	h := newHarness(t, Options{})
	admin := h.admin()
	mk := func(scope string) string {
		c := h.create(admin, map[string]any{"name": scope, "scope": scope + ":" + pk})
		return h.token(c.ID, *c.Secret)
	}
	viewCart, manageOrders, viewProducts, manageCodes := mk("view_cart_discounts"), mk("manage_orders"), mk("view_products"), mk("manage_discount_codes")
	cd := mustDoc(t, h.do("POST", discPath(h, "cart-discounts"), manageOrders, cartDiscountDraft("0.5", map[string]any{"requiresDiscountCode": true})), 201)
	code := map[string]any{"code": "C", "cartDiscounts": []any{map[string]any{"id": cd["id"]}}}
	for _, tc := range []struct {
		method, coll, tok string
		body              any
		status            int
	}{
		{"GET", "cart-discounts", viewCart, nil, 200},
		{"GET", "discount-groups", viewCart, nil, 200},
		{"POST", "discount-groups", viewCart, map[string]any{"key": "g", "sortOrder": "0.1"}, 403},
		{"POST", "discount-groups", manageOrders, map[string]any{"key": "g", "sortOrder": "0.1"}, 403},
		{"GET", "product-discounts", viewProducts, nil, 200},
		{"GET", "product-discounts", viewCart, nil, 403},
		{"POST", "product-discounts", viewProducts, productDiscountDraft("0.1", nil), 403},
		{"GET", "discount-codes", viewCart, nil, 403},
		{"POST", "discount-codes", manageCodes, code, 201},
		{"GET", "discount-codes", manageOrders, nil, 200},
		{"GET", "cart-discounts", manageCodes, nil, 403},
	} {
		if r := h.do(tc.method, discPath(h, tc.coll), tc.tok, tc.body); r.status != tc.status {
			t.Errorf("%s %s: status %d, want %d: %s", tc.method, tc.coll, r.status, tc.status, r.body)
		}
	}
}
