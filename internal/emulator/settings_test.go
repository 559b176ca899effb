package emulator

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Bodies written from types/project, types/tax-category, types/zone and types/shipping-method.

func TestProject(t *testing.T) {
	clock := newClock()
	h := newHarness(t, Options{Now: clock.Now})
	tok := h.admin()
	path := "/" + pk
	pr := mustDoc(t, h.do("GET", path, tok, nil), 200)
	if pr["key"] != pk || pr["version"] != 1.0 || pr["id"] != nil || fmt.Sprint(pr["currencies"]) != "[EUR]" {
		t.Fatalf("default project: %v", pr)
	}
	u := mustDoc(t, h.do("POST", path, tok, update(1,
		map[string]any{"action": "changeName", "name": "ACME"},
		map[string]any{"action": "changeCountries", "countries": []any{"DE", "AT"}},
		map[string]any{"action": "changeCurrencies", "currencies": []any{"EUR", "CHF"}},
		map[string]any{"action": "changeLanguages", "languages": []any{"de", "en-GB"}},
		map[string]any{"action": "changeMessagesConfiguration", "messagesConfiguration": map[string]any{"enabled": true, "deleteDaysAfterCreation": 30}},
		map[string]any{"action": "changeCartsConfiguration", "cartsConfiguration": map[string]any{"deleteDaysAfterLastModification": 7, "countryTaxRateFallbackEnabled": true}},
		map[string]any{"action": "changePriceRoundingMode", "priceRoundingMode": "HalfUp"},
		map[string]any{"action": "changeShoppingListsConfiguration", "shoppingListsConfiguration": map[string]any{"deleteDaysAfterLastModification": 30}},
		map[string]any{"action": "changeProductSearchIndexingEnabled", "enabled": true, "mode": "ProductsSearch"},
		map[string]any{"action": "changeCustomerSearchStatus", "status": "Activated"},
		map[string]any{"action": "setShippingRateInputType", "shippingRateInputType": map[string]any{"type": "CartClassification",
			"values": []any{map[string]any{"key": "small", "label": map[string]any{"en": "Small"}}}}},
		map[string]any{"action": "setExternalOAuth", "externalOAuth": map[string]any{"url": "https://x.example", "authorizationHeader": "Bearer secret-value"}},
		map[string]any{"action": "changeMyBusinessUnitStatusOnCreation", "status": "Active"},
		map[string]any{"action": "setDiscountsConfiguration", "discountsConfiguration": map[string]any{"discountCombinationMode": "BestDeal"}},
	)), 200)
	if u["version"] != 2.0 || u["name"] != "ACME" || fmt.Sprint(u["carts"]) != "map[countryTaxRateFallbackEnabled:true deleteDaysAfterLastModification:7 priceRoundingMode:HalfUp taxRoundingMode:HalfEven]" {
		t.Fatalf("update: %v", u)
	}
	if o, _ := u["externalOAuth"].(map[string]any); o["authorizationHeader"] != "****" {
		t.Fatalf("the authorization header must be masked: %v", o)
	}
	si, _ := u["searchIndexing"].(map[string]any)
	if fmt.Sprint(si["productsSearch"]) == "" || !strings.Contains(fmt.Sprint(si["productsSearch"]), "Activated") || !strings.Contains(fmt.Sprint(si["products"]), "Deactivated") {
		t.Fatalf("search indexing: %v", si)
	}
	for _, tc := range []struct {
		action map[string]any
		code   string
	}{
		{map[string]any{"action": "changeCustomerSearchStatus", "status": "Activated"}, "InvalidOperation"},
		{map[string]any{"action": "changeLanguages", "languages": []any{}}, "InvalidOperation"},
		{map[string]any{"action": "changeMessagesConfiguration", "messagesConfiguration": map[string]any{"enabled": true, "deleteDaysAfterCreation": 91}}, "InvalidInput"},
		{map[string]any{"action": "changeMessagesConfiguration", "messagesConfiguration": map[string]any{"enabled": true}}, "InvalidJsonInput"},
		{map[string]any{"action": "changeCurrencies", "currencies": []any{"euro"}}, "InvalidField"},
	} {
		_, _ = mustError(t, h.do("POST", path, tok, update(2, tc.action)), 400, tc.code)
	}
	// A setting applied with a delay: reads show the old value until the delay has passed.
	h.ts.Faults().StaleProjectReads(time.Minute)
	u = mustDoc(t, h.do("POST", path, tok, update(2, map[string]any{"action": "changeCountryTaxRateFallbackEnabled", "countryTaxRateFallbackEnabled": false})), 200)
	if carts, _ := u["carts"].(map[string]any); u["version"] != 3.0 || carts["countryTaxRateFallbackEnabled"] != true {
		t.Fatalf("the response must still show the old value: %v", u)
	}
	clock.Advance(2 * time.Minute)
	g := mustDoc(t, h.do("GET", path, tok, nil), 200)
	if carts, _ := g["carts"].(map[string]any); carts["countryTaxRateFallbackEnabled"] != false {
		t.Fatalf("after the delay the new value shows: %v", g)
	}
	// Scopes: manage_project_settings, not a view scope, for updates.
	viewer := h.create(tok, map[string]any{"name": "v", "scope": "view_project_settings:" + pk})
	vt := h.token(viewer.ID, *viewer.Secret)
	mustDoc(t, h.do("GET", path, vt, nil), 200)
	_ = mustAuthError(t, h.do("POST", path, vt, update(3, map[string]any{"action": "changeName", "name": "x"})), 403, "insufficient_scope")
}

func TestTaxesAndShipping(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	tc := mustDoc(t, h.do("POST", "/"+pk+"/tax-categories", tok, map[string]any{
		"name": "Standard", "key": "standard",
		"rates": []any{
			map[string]any{"name": "19%", "amount": 0.19, "includedInPrice": true, "country": "DE", "key": "de"},
			map[string]any{"name": "US-CO", "includedInPrice": false, "country": "US", "state": "Colorado",
				"subRates": []any{map[string]any{"name": "state", "amount": 0.029}, map[string]any{"name": "city", "amount": 0.01}}},
			map[string]any{"name": "AT", "amount": 0.2, "includedInPrice": true, "country": "AT", "state": ""},
		},
	}), 201)
	rates, _ := tc["rates"].([]any)
	us, _ := rates[1].(map[string]any)
	at, _ := rates[2].(map[string]any)
	de, _ := rates[0].(map[string]any)
	if len(rates) != 3 || us["amount"] != 0.039 || at["state"] != nil || de["id"] == nil {
		t.Fatalf("rates: %v", rates)
	}
	_, _ = mustError(t, h.do("POST", "/"+pk+"/tax-categories", tok, map[string]any{"name": "Standard"}), 400, "InvalidOperation")
	_, _ = mustError(t, h.do("POST", "/"+pk+"/tax-categories", tok, map[string]any{"name": "X", "rates": []any{
		map[string]any{"name": "a", "amount": 0.1, "includedInPrice": true, "country": "DE"},
		map[string]any{"name": "b", "amount": 0.2, "includedInPrice": true, "country": "DE"}}}), 400, "DuplicateField")
	_, _ = mustError(t, h.do("POST", "/"+pk+"/tax-categories", tok, map[string]any{"name": "Y", "rates": []any{
		map[string]any{"name": "a", "includedInPrice": true, "country": "DE"}}}), 400, "InvalidOperation")
	oldID := str(de["id"])
	u := mustDoc(t, h.do("POST", "/"+pk+"/tax-categories/key=standard", tok, update(1,
		map[string]any{"action": "replaceTaxRate", "taxRateKey": "de", "taxRate": map[string]any{"name": "19% (new)", "amount": 0.19, "includedInPrice": true, "country": "DE", "key": "de"}},
		map[string]any{"action": "removeTaxRate", "taxRateId": str(at["id"])},
		map[string]any{"action": "setDescription", "description": "VAT"},
	)), 200)
	rates, _ = u["rates"].([]any)
	if first, _ := rates[0].(map[string]any); len(rates) != 2 || first["id"] == oldID || u["description"] != "VAT" {
		t.Fatalf("replaceTaxRate must give a new id: %v", u)
	}

	zone := mustDoc(t, h.do("POST", "/"+pk+"/zones", tok, map[string]any{"name": "DACH", "key": "dach",
		"locations": []any{map[string]any{"country": "DE"}, map[string]any{"country": "AT", "state": ""}}}), 201)
	_, _ = mustError(t, h.do("POST", "/"+pk+"/zones", tok, map[string]any{"name": "Other", "locations": []any{map[string]any{"country": "DE"}}}), 400, "InvalidOperation")
	mustDoc(t, h.do("POST", "/"+pk+"/zones/key=dach", tok, update(1, map[string]any{"action": "addLocation", "location": map[string]any{"country": "CH"}},
		map[string]any{"action": "removeLocation", "location": map[string]any{"country": "AT"}})), 200)
	_, _ = mustError(t, h.do("POST", "/"+pk+"/zones/key=dach", tok, update(2, map[string]any{"action": "removeLocation", "location": map[string]any{"country": "FR"}})), 400, "InvalidOperation")

	method := mustDoc(t, h.do("POST", "/"+pk+"/shipping-methods", tok, map[string]any{
		"name": "Standard", "key": "std", "isDefault": true, "taxCategory": map[string]any{"typeId": "tax-category", "key": "standard"},
		"zoneRates": []any{},
	}), 201)
	if method["active"] != true || fmt.Sprint(method["zoneRates"]) != "[]" {
		t.Fatalf("method: %v", method)
	}
	_, _ = mustError(t, h.do("POST", "/"+pk+"/shipping-methods", tok, map[string]any{"name": "Express", "isDefault": true,
		"taxCategory": map[string]any{"key": "standard"}, "zoneRates": []any{}}), 400, "InvalidOperation")
	_, _ = mustError(t, h.do("POST", "/"+pk+"/shipping-methods", tok, map[string]any{"name": "No zone rates", "isDefault": false,
		"taxCategory": map[string]any{"key": "standard"}}), 400, "InvalidJsonInput")
	rate := map[string]any{"price": map[string]any{"currencyCode": "EUR", "centAmount": 499}, "freeAbove": map[string]any{"currencyCode": "EUR", "centAmount": 5000},
		"tiers": []any{map[string]any{"type": "CartValue", "minimumCentAmount": 2000, "price": map[string]any{"currencyCode": "EUR", "centAmount": 299}}}}
	mp := "/" + pk + "/shipping-methods/key=std"
	_, _ = mustError(t, h.do("POST", mp, tok, update(1, map[string]any{"action": "addShippingRate", "zone": map[string]any{"key": "dach"}, "shippingRate": rate})), 400, "InvalidOperation")
	u = mustDoc(t, h.do("POST", mp, tok, update(1,
		map[string]any{"action": "addZone", "zone": map[string]any{"typeId": "zone", "id": zone["id"]}},
		map[string]any{"action": "addShippingRate", "zone": map[string]any{"key": "dach"}, "shippingRate": rate},
	)), 200)
	zr := fmt.Sprint(u["zoneRates"])
	if !strings.Contains(zr, "centPrecision") || !strings.Contains(zr, "fractionDigits:2") {
		t.Fatalf("rates hold centPrecision money: %s", zr)
	}
	_, _ = mustError(t, h.do("POST", mp, tok, update(2, map[string]any{"action": "addShippingRate", "zone": map[string]any{"key": "dach"},
		"shippingRate": map[string]any{"price": map[string]any{"currencyCode": "EUR", "centAmount": 1}}})), 400, "InvalidOperation")
	// Tax categories and zones in use cannot be deleted.
	_, _ = mustError(t, h.do("DELETE", "/"+pk+"/tax-categories/key=standard?version=2", tok, nil), 400, "ReferenceExists")
	_, _ = mustError(t, h.do("DELETE", "/"+pk+"/zones/key=dach?version=2", tok, nil), 400, "ReferenceExists")
	// removeShippingRate needs the rate as it is.
	_, _ = mustError(t, h.do("POST", mp, tok, update(2, map[string]any{"action": "removeShippingRate", "zone": map[string]any{"key": "dach"},
		"shippingRate": map[string]any{"price": map[string]any{"currencyCode": "EUR", "centAmount": 499}}})), 400, "InvalidOperation")
	mustDoc(t, h.do("POST", mp, tok, update(2, map[string]any{"action": "removeShippingRate", "zone": map[string]any{"key": "dach"}, "shippingRate": rate},
		map[string]any{"action": "removeZone", "zone": map[string]any{"key": "dach"}})), 200)
	mustDoc(t, h.do("DELETE", mp+"?version=3", tok, nil), 200)
	mustDoc(t, h.do("DELETE", "/"+pk+"/tax-categories/key=standard?version=2", tok, nil), 200)
	// At most 100 zones.
	for i := 1; i < 100; i++ {
		mustDoc(t, h.do("POST", "/"+pk+"/zones", tok, map[string]any{"name": fmt.Sprintf("z%d", i)}), 201)
	}
	_, _ = mustError(t, h.do("POST", "/"+pk+"/zones", tok, map[string]any{"name": "one too many"}), 400, "MaxResourceLimitExceeded")
}
