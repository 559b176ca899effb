package emulator

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
)

// Seeding: objects created at start-up through the emulator's own API, so that a test or a CI job
// starts from a known project. Every draft goes through the same validation as a request from a
// client would (with the project's admin client); the requests are not counted.

// Seed is a seed file: the objects to create, in order (what others refer to first).
//
//	{"objects": [
//	  {"collection": "channels", "draft": {"key": "warehouse", "roles": ["InventorySupply"]}},
//	  {"collection": "tax-categories", "draft": {"key": "standard", "name": "Standard", "rates": []}}
//	]}
type Seed struct {
	// Project is the key of the project to seed ("" for the first project).
	Project string       `json:"project,omitempty"`
	Objects []SeedObject `json:"objects"`
}

// ReadSeed reads a seed file (JSON).
func ReadSeed(path string) (*Seed, error) {
	b, err := os.ReadFile(path) //nolint:gosec // a file the user names
	if err != nil {
		return nil, err
	}
	var s Seed
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &s, nil
}

// Seed creates the seed's objects through the API with the project's admin client; the first
// refused draft stops it with the API's error. It returns how many objects of each collection it
// created. Request counts are reset afterwards.
func (e *Emulator) Seed(s *Seed) (map[string]int, error) {
	var p Project
	for i, c := range e.configured {
		if i == 0 && s.Project == "" || c.Key == s.Project {
			p = c
			break
		}
	}
	if p.Key == "" {
		return nil, fmt.Errorf("seed: no project %q", s.Project)
	}
	form := url.Values{"grant_type": {"client_credentials"}}
	req := httptest.NewRequestWithContext(context.Background(), http.MethodPost, "/oauth/token", strings.NewReader(form.Encode()))
	req.SetBasicAuth(p.AdminClientID, p.AdminClientSecret)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &tok) != nil {
		return nil, fmt.Errorf("seed: token: status %d: %s", rec.Code, rec.Body.String())
	}
	counts := map[string]int{}
	for i, o := range s.Objects {
		body, err := json.Marshal(o.Draft)
		if err != nil {
			return counts, err
		}
		req := httptest.NewRequestWithContext(context.Background(), http.MethodPost, "/"+p.Key+"/"+strings.Trim(o.Collection, "/"), bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		if rec.Code >= 300 {
			return counts, fmt.Errorf("seed: object %d (%s %s): status %d: %s", i, o.Collection, body, rec.Code, strings.TrimSpace(rec.Body.String()))
		}
		counts[o.Collection]++
	}
	e.ResetCounts()
	return counts, nil
}

// SeedObject is one object of a seed: the collection it is POSTed to (the path under the
// project, as in the API: "channels", "tax-categories", "custom-objects") and its draft.
type SeedObject struct {
	Collection string         `json:"collection"`
	Draft      map[string]any `json:"draft"`
}

func keyRef(typeID, key string) map[string]any { return map[string]any{"typeId": typeID, "key": key} }
func seedEN(s string) map[string]any           { return map[string]any{"en": s} }

// SampleProject returns the drafts of a sample project of about scale×100 objects of most
// resource types, as a team builds one by hand (references by key, custom fields, tax rates,
// zone rates, ...), in an order that creates what others refer to first.
func SampleProject(scale int) []SeedObject {
	var out []SeedObject
	add := func(coll string, body map[string]any) { out = append(out, SeedObject{Collection: coll, Draft: body}) }
	n := func(k int) int { return max(1, k*scale) }
	for i := range n(2) {
		add("types", map[string]any{"key": fmt.Sprintf("seed-type-%d", i), "name": seedEN(fmt.Sprintf("Type %d", i)),
			"resourceTypeIds": []string{"category", "channel"},
			"fieldDefinitions": []any{
				map[string]any{"name": "note", "label": seedEN("Note"), "required": false, "type": map[string]any{"name": "String"}, "inputHint": "SingleLine"},
				map[string]any{"name": "size", "label": seedEN("Size"), "required": false, "type": map[string]any{"name": "Enum",
					"values": []any{map[string]any{"key": "s", "label": "S"}, map[string]any{"key": "m", "label": "M"}}}},
			}})
	}
	for i := range n(20) {
		ch := map[string]any{"key": fmt.Sprintf("seed-channel-%d", i), "roles": []string{"InventorySupply"}, "name": seedEN(fmt.Sprintf("Warehouse %d", i))}
		if i%4 == 0 {
			ch["roles"] = []string{"ProductDistribution"}
			ch["custom"] = map[string]any{"type": keyRef("type", "seed-type-0"), "fields": map[string]any{"note": "n", "size": "m"}}
		}
		add("channels", ch)
	}
	for i := range n(15) {
		add("customer-groups", map[string]any{"key": fmt.Sprintf("seed-group-%d", i), "groupName": fmt.Sprintf("Group %d", i)})
	}
	for i := range n(5) {
		add("tax-categories", map[string]any{"key": fmt.Sprintf("seed-tax-%d", i), "name": fmt.Sprintf("Tax %d", i),
			"rates": []any{
				map[string]any{"key": fmt.Sprintf("de-%d", i), "name": "DE", "amount": 0.19, "includedInPrice": true, "country": "DE"},
				map[string]any{"key": fmt.Sprintf("at-%d", i), "name": "AT", "amount": 0.2, "includedInPrice": true, "country": "AT"},
				map[string]any{"name": "US", "amount": 0.05, "includedInPrice": false, "country": "US", "state": "NY"},
			}})
	}
	for i := range n(4) {
		add("zones", map[string]any{"key": fmt.Sprintf("seed-zone-%d", i), "name": fmt.Sprintf("Zone %d", i),
			"locations": []any{map[string]any{"country": "DE", "state": fmt.Sprintf("S%d", i)}}})
	}
	for i := range n(4) {
		add("shipping-methods", map[string]any{"key": fmt.Sprintf("seed-ship-%d", i), "name": fmt.Sprintf("Ship %d", i), "isDefault": false,
			"taxCategory": keyRef("tax-category", fmt.Sprintf("seed-tax-%d", i%n(5))),
			"zoneRates": []any{map[string]any{"zone": keyRef("zone", fmt.Sprintf("seed-zone-%d", i%n(4))),
				"shippingRates": []any{map[string]any{"price": map[string]any{"currencyCode": "EUR", "centAmount": 495 + i}}}}}})
	}
	for i := range n(4) {
		add("product-types", map[string]any{"key": fmt.Sprintf("seed-pt-%d", i), "name": fmt.Sprintf("Product type %d", i), "description": "seeded",
			"attributes": []any{
				map[string]any{"name": "color", "label": seedEN("Color"), "isRequired": false, "type": map[string]any{"name": "text"},
					"attributeConstraint": "None", "isSearchable": true, "inputHint": "SingleLine"},
				map[string]any{"name": "fit", "label": seedEN("Fit"), "isRequired": false, "attributeConstraint": "SameForAll", "isSearchable": false,
					"type": map[string]any{"name": "enum", "values": []any{map[string]any{"key": "slim", "label": "Slim"}, map[string]any{"key": "loose", "label": "Loose"}}}},
			}})
	}
	for i := range n(8) {
		add("states", map[string]any{"key": fmt.Sprintf("seed-state-%d", i), "type": "OrderState", "initial": i == 0, "name": seedEN(fmt.Sprintf("State %d", i))})
	}
	for i := range n(5) {
		add("categories", map[string]any{"key": fmt.Sprintf("seed-cat-%d", i), "name": seedEN(fmt.Sprintf("Category %d", i)), "slug": seedEN(fmt.Sprintf("seed-cat-%d", i)),
			"orderHint": fmt.Sprintf("0.%d", i+1)})
	}
	for i := range n(3) {
		add("stores", map[string]any{"key": fmt.Sprintf("seed-store-%d", i), "name": seedEN(fmt.Sprintf("Store %d", i)), "languages": []string{"en"},
			"distributionChannels": []any{keyRef("channel", "seed-channel-0")}})
	}
	for i := range n(20) {
		add("custom-objects", map[string]any{"container": fmt.Sprintf("seed-container-%d", i%4), "key": fmt.Sprintf("object-%d", i),
			"value": map[string]any{"enabled": i%2 == 0, "limit": i}})
	}
	for i := range n(3) {
		add("associate-roles", map[string]any{"key": fmt.Sprintf("seed-role-%d", i), "name": fmt.Sprintf("Role %d", i), "buyerAssignable": true,
			"permissions": []string{"ViewMyCarts", "CreateMyOrdersFromMyCarts"}})
	}
	for i := range n(3) {
		add("business-units", map[string]any{"key": fmt.Sprintf("seed-company-%d", i), "unitType": "Company", "name": fmt.Sprintf("Company %d", i),
			"stores": []any{keyRef("store", "seed-store-0")}})
	}
	for i := range n(5) {
		add("cart-discounts", map[string]any{"key": fmt.Sprintf("seed-cd-%d", i), "name": seedEN(fmt.Sprintf("Discount %d", i)),
			"sortOrder": fmt.Sprintf("0.%d1", i), "cartPredicate": "1 = 1", "isActive": true, "requiresDiscountCode": false,
			"value": map[string]any{"type": "relative", "permyriad": 100 + i}, "target": map[string]any{"type": "lineItems", "predicate": "true"}})
	}
	for i := range n(2) {
		add("cart-discounts", map[string]any{"key": fmt.Sprintf("seed-coded-%d", i), "name": seedEN(fmt.Sprintf("Coded %d", i)),
			"sortOrder": fmt.Sprintf("0.9%d3", i), "cartPredicate": "1 = 1", "isActive": true, "requiresDiscountCode": true,
			"value": map[string]any{"type": "relative", "permyriad": 500}, "target": map[string]any{"type": "shipping"}})
		add("discount-codes", map[string]any{"key": fmt.Sprintf("seed-code-%d", i), "code": fmt.Sprintf("SEED%d", i), "isActive": true,
			"cartDiscounts": []any{keyRef("cart-discount", fmt.Sprintf("seed-coded-%d", i))}})
	}
	for i := range n(1) {
		add("discount-groups", map[string]any{"key": fmt.Sprintf("seed-dgroup-%d", i), "name": seedEN(fmt.Sprintf("Group %d", i)),
			"sortOrder": fmt.Sprintf("0.8%d7", i), "isActive": true})
	}
	for i := range n(2) {
		add("product-discounts", map[string]any{"key": fmt.Sprintf("seed-pd-%d", i), "name": seedEN(fmt.Sprintf("Sale %d", i)),
			"value": map[string]any{"type": "relative", "permyriad": 1000}, "predicate": "1 = 1", "sortOrder": fmt.Sprintf("0.%d9", i), "isActive": false})
	}
	for i := range n(2) {
		add("product-selections", map[string]any{"key": fmt.Sprintf("seed-selection-%d", i), "name": seedEN(fmt.Sprintf("Selection %d", i)), "mode": "Individual"})
	}
	for i := range n(1) {
		add("attribute-groups", map[string]any{"key": fmt.Sprintf("seed-agroup-%d", i), "name": seedEN(fmt.Sprintf("Attributes %d", i)),
			"attributes": []any{map[string]any{"key": "color"}, map[string]any{"key": "fit"}}})
	}
	for i := range n(1) {
		add("recurrence-policies", map[string]any{"key": fmt.Sprintf("seed-recurrence-%d", i), "name": seedEN(fmt.Sprintf("Every %d months", i+1)),
			"schedule": map[string]any{"type": "standard", "value": i + 1, "intervalUnit": "Months"}})
	}
	for i := range n(1) {
		add("extensions", map[string]any{"key": fmt.Sprintf("seed-extension-%d", i),
			"destination": map[string]any{"type": "HTTP", "url": fmt.Sprintf("https://extensions.example/%d", i),
				"authentication": map[string]any{"type": "AuthorizationHeader", "headerValue": "Bearer seed-secret"}},
			"triggers": []any{map[string]any{"resourceTypeId": "cart", "actions": []string{"Create"}}}, "timeoutInMs": 2000})
	}
	for i := range n(1) {
		add("subscriptions", map[string]any{"key": fmt.Sprintf("seed-subscription-%d", i),
			"destination": map[string]any{"type": "SQS", "queueUrl": fmt.Sprintf("https://sqs.eu-west-1.amazonaws.com/123456789012/seed-%d", i),
				"accessKey": "AKIASEEDSEEDSEED", "accessSecret": "seed-secret", "region": "eu-west-1", "authenticationMode": "Credentials"},
			"messages": []any{map[string]any{"resourceTypeId": "order", "types": []string{}}}})
	}
	for i := range n(2) {
		add("customers", map[string]any{"key": fmt.Sprintf("seed-customer-%d", i), "email": fmt.Sprintf("buyer%d@seed.example", i), "password": "seed-Password-1"})
	}
	for i := range n(2) {
		add("business-units", map[string]any{"key": fmt.Sprintf("seed-division-%d", i), "unitType": "Division", "name": fmt.Sprintf("Division %d", i),
			"parentUnit": keyRef("business-unit", fmt.Sprintf("seed-company-%d", i%n(3))),
			"associates": []any{map[string]any{"customer": keyRef("customer", fmt.Sprintf("seed-customer-%d", i)),
				"associateRoleAssignments": []any{map[string]any{"associateRole": keyRef("associate-role", "seed-role-0")}}}}})
	}
	// Transitions between the states made above: each state leads to the next.
	for i := range n(4) {
		add("states", map[string]any{"key": fmt.Sprintf("seed-flow-%d", i), "type": "OrderState", "initial": false, "name": seedEN(fmt.Sprintf("Step %d", i)),
			"transitions": []any{keyRef("state", fmt.Sprintf("seed-state-%d", i%n(8)))}})
	}
	return out
}
