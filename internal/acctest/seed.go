package acctest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

// A project built through the API alone, as a team builds one by hand in the Merchant Center:
// every draft is POSTed to the emulator's API with an admin token (the emulator validates it as
// commercetools does), nothing goes through Terraform. The export and `terraform query` tests
// adopt it.

// Draft is one object to create: the collection path under the project and its draft.
type Draft struct {
	Coll string
	Body map[string]any
}

func ref(typeID, key string) map[string]any { return map[string]any{"typeId": typeID, "key": key} }
func en(s string) map[string]any            { return map[string]any{"en": s} }

// LargeProject returns the drafts of a project of about scale×100 objects of most resource
// types, in an order that creates what others refer to first (references by key).
func LargeProject(scale int) []Draft {
	var out []Draft
	add := func(coll string, body map[string]any) { out = append(out, Draft{Coll: coll, Body: body}) }
	n := func(k int) int { return max(1, k*scale) }
	for i := range n(2) {
		add("types", map[string]any{"key": fmt.Sprintf("seed-type-%d", i), "name": en(fmt.Sprintf("Type %d", i)),
			"resourceTypeIds": []string{"category", "channel"},
			"fieldDefinitions": []any{
				map[string]any{"name": "note", "label": en("Note"), "required": false, "type": map[string]any{"name": "String"}, "inputHint": "SingleLine"},
				map[string]any{"name": "size", "label": en("Size"), "required": false, "type": map[string]any{"name": "Enum",
					"values": []any{map[string]any{"key": "s", "label": "S"}, map[string]any{"key": "m", "label": "M"}}}},
			}})
	}
	for i := range n(20) {
		ch := map[string]any{"key": fmt.Sprintf("seed-channel-%d", i), "roles": []string{"InventorySupply"}, "name": en(fmt.Sprintf("Warehouse %d", i))}
		if i%4 == 0 {
			ch["roles"] = []string{"ProductDistribution"}
			ch["custom"] = map[string]any{"type": ref("type", "seed-type-0"), "fields": map[string]any{"note": "n", "size": "m"}}
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
			"taxCategory": ref("tax-category", fmt.Sprintf("seed-tax-%d", i%n(5))),
			"zoneRates": []any{map[string]any{"zone": ref("zone", fmt.Sprintf("seed-zone-%d", i%n(4))),
				"shippingRates": []any{map[string]any{"price": map[string]any{"currencyCode": "EUR", "centAmount": 495 + i}}}}}})
	}
	for i := range n(4) {
		add("product-types", map[string]any{"key": fmt.Sprintf("seed-pt-%d", i), "name": fmt.Sprintf("Product type %d", i), "description": "seeded",
			"attributes": []any{
				map[string]any{"name": "color", "label": en("Color"), "isRequired": false, "type": map[string]any{"name": "text"},
					"attributeConstraint": "None", "isSearchable": true, "inputHint": "SingleLine"},
				map[string]any{"name": "fit", "label": en("Fit"), "isRequired": false, "attributeConstraint": "SameForAll", "isSearchable": false,
					"type": map[string]any{"name": "enum", "values": []any{map[string]any{"key": "slim", "label": "Slim"}, map[string]any{"key": "loose", "label": "Loose"}}}},
			}})
	}
	for i := range n(8) {
		add("states", map[string]any{"key": fmt.Sprintf("seed-state-%d", i), "type": "OrderState", "initial": i == 0, "name": en(fmt.Sprintf("State %d", i))})
	}
	for i := range n(5) {
		add("categories", map[string]any{"key": fmt.Sprintf("seed-cat-%d", i), "name": en(fmt.Sprintf("Category %d", i)), "slug": en(fmt.Sprintf("seed-cat-%d", i)),
			"orderHint": fmt.Sprintf("0.%d", i+1)})
	}
	for i := range n(3) {
		add("stores", map[string]any{"key": fmt.Sprintf("seed-store-%d", i), "name": en(fmt.Sprintf("Store %d", i)), "languages": []string{"en"},
			"distributionChannels": []any{ref("channel", "seed-channel-0")}})
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
			"stores": []any{ref("store", "seed-store-0")}})
	}
	for i := range n(5) {
		add("cart-discounts", map[string]any{"key": fmt.Sprintf("seed-cd-%d", i), "name": en(fmt.Sprintf("Discount %d", i)),
			"sortOrder": fmt.Sprintf("0.%d1", i), "cartPredicate": "1 = 1", "isActive": true, "requiresDiscountCode": false,
			"value": map[string]any{"type": "relative", "permyriad": 100 + i}, "target": map[string]any{"type": "lineItems", "predicate": "true"}})
	}
	return out
}

// Seed creates the drafts through the emulator's API with the project's admin client; it returns
// how many objects of each collection it created.
func Seed(t testing.TB, srv *emulator.TestServer, drafts []Draft) map[string]int {
	t.Helper()
	ctx := context.Background()
	form := url.Values{"grant_type": {"client_credentials"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/oauth/token", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth(srv.Project.AdminClientID, srv.Project.AdminClientSecret)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := doJSON(req, &tok); err != nil {
		t.Fatalf("seed: token: %v", err)
	}
	counts := map[string]int{}
	for _, d := range drafts {
		body, _ := json.Marshal(d.Body)
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/"+srv.Project.Key+"/"+d.Coll, bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
		req.Header.Set("Content-Type", "application/json")
		if err := doJSON(req, nil); err != nil {
			t.Fatalf("seed: POST %s %s: %v", d.Coll, body, err)
		}
		counts[d.Coll]++
	}
	return counts
}

func doJSON(req *http.Request, out any) error {
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		return fmt.Errorf("status %d: %s", resp.StatusCode, b)
	}
	if out != nil {
		return json.Unmarshal(b, out)
	}
	return nil
}
