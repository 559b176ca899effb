package provider_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"strings"
	"testing"

	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/tfmodel"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// The benchmarks below drive one resource through the provider's protocol server in-process,
// with the calls Terraform makes for it in a plan that changes nothing: upgrade the stored state,
// read it, validate the configuration, plan. They measure the provider's own cost per resource
// (ns/op, B/op, allocs/op) without Terraform, a network or a process boundary:
//
//	go test ./internal/provider -run '^$' -bench PlanOne -benchmem

// planCase is one resource: its type, its configuration as JSON (attributes and blocks by name,
// a block as a list of objects, or an object for a single block; "${name}" stands for the id of
// the dependency of that name) and the resources it depends on, created first.
type planCase struct {
	typeName string
	config   string
	deps     []planDep
}

type planDep struct {
	name string
	c    planCase
}

// value builds a configuration value from JSON, as Terraform sends it: what the JSON leaves out
// is null, and list and set blocks it leaves out are empty.
func value(tb testing.TB, b *tfprotov6.SchemaBlock, typ tftypes.Type, v any) tftypes.Value {
	tb.Helper()
	obj, ok := typ.(tftypes.Object)
	if !ok {
		tb.Fatalf("%v is no object", typ)
	}
	m, _ := v.(map[string]any)
	vals := map[string]tftypes.Value{}
	for _, a := range b.Attributes {
		at := obj.AttributeTypes[a.Name]
		if x, ok := m[a.Name]; ok {
			vals[a.Name] = plain(tb, at, x)
		} else {
			vals[a.Name] = tftypes.NewValue(at, nil)
		}
	}
	for _, nb := range b.BlockTypes {
		bt := obj.AttributeTypes[nb.TypeName]
		x, present := m[nb.TypeName]
		switch nb.Nesting {
		case tfprotov6.SchemaNestedBlockNestingModeList, tfprotov6.SchemaNestedBlockNestingModeSet:
			var et tftypes.Type
			switch c := bt.(type) {
			case tftypes.List:
				et = c.ElementType
			case tftypes.Set:
				et = c.ElementType
			}
			elems := []tftypes.Value{}
			if present {
				list, ok := x.([]any)
				if !ok {
					tb.Fatalf("block %s: a list of objects, not %v", nb.TypeName, x)
				}
				for _, e := range list {
					elems = append(elems, value(tb, nb.Block, et, e))
				}
			}
			vals[nb.TypeName] = tftypes.NewValue(bt, elems)
		default:
			if present {
				vals[nb.TypeName] = value(tb, nb.Block, bt, x)
			} else {
				vals[nb.TypeName] = tftypes.NewValue(bt, nil)
			}
		}
	}
	for name := range m {
		if _, ok := vals[name]; !ok {
			tb.Fatalf("%s is in no schema here", name)
		}
	}
	return tftypes.NewValue(typ, vals)
}

// plain converts JSON to a value of an attribute's type.
func plain(tb testing.TB, typ tftypes.Type, v any) tftypes.Value {
	tb.Helper()
	if v == nil {
		return tftypes.NewValue(typ, nil)
	}
	switch t := typ.(type) {
	case tftypes.List:
		var out []tftypes.Value
		list, _ := v.([]any)
		for _, e := range list {
			out = append(out, plain(tb, t.ElementType, e))
		}
		return tftypes.NewValue(typ, out)
	case tftypes.Set:
		var out []tftypes.Value
		list, _ := v.([]any)
		for _, e := range list {
			out = append(out, plain(tb, t.ElementType, e))
		}
		return tftypes.NewValue(typ, out)
	case tftypes.Map:
		out := map[string]tftypes.Value{}
		m, _ := v.(map[string]any)
		for k, e := range m {
			out[k] = plain(tb, t.ElementType, e)
		}
		return tftypes.NewValue(typ, out)
	case tftypes.Object:
		m, _ := v.(map[string]any)
		out := map[string]tftypes.Value{}
		for name, at := range t.AttributeTypes {
			out[name] = plain(tb, at, m[name])
		}
		return tftypes.NewValue(typ, out)
	}
	switch {
	case typ.Is(tftypes.Number):
		num, _ := v.(json.Number)
		n, ok := new(big.Float).SetString(string(num))
		if !ok {
			tb.Fatalf("not a number: %v", v)
		}
		return tftypes.NewValue(typ, n)
	case typ.Is(tftypes.Bool), typ.Is(tftypes.String):
		return tftypes.NewValue(typ, v)
	}
	tb.Fatalf("no JSON form for %v", typ)
	return tftypes.Value{}
}

// protocol is a configured provider server with the schema of one resource type.
type protocol struct {
	ps      tfprotov6.ProviderServer
	schema  *tfprotov6.Schema
	typ     tftypes.Object
	version int64
}

// server is the protocol server the benchmark measures: the provider's (BENCH_SERVER=framework
// measures the plugin framework's own, for comparison).
func server(p fwprovider.Provider) func() (tfprotov6.ProviderServer, error) {
	if os.Getenv("BENCH_SERVER") == "framework" {
		return providerserver.NewProtocol6WithError(p)
	}
	if verifyShortcuts {
		return provider.NewVerifyingServer(p)
	}
	return provider.NewServer(p)
}

func newProtocol(tb testing.TB, srv *emulator.TestServer, typeName string) protocol {
	tb.Helper()
	ps, err := server(provider.New("bench")())()
	if err != nil {
		tb.Fatal(err)
	}
	schemas, err := ps.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		tb.Fatal(err)
	}
	configure(tb, ps, schemas.Provider.ValueType(), srv)
	s := schemas.ResourceSchemas[typeName]
	typ, ok := s.ValueType().(tftypes.Object)
	if !ok {
		tb.Fatalf("no object type for %s", typeName)
	}
	return protocol{ps: ps, schema: s, typ: typ, version: s.Version}
}

func dynamic(tb testing.TB, typ tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
	tb.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		tb.Fatal(err)
	}
	return &dv
}

func fail(tb testing.TB, what string, err error, diags []*tfprotov6.Diagnostic) {
	tb.Helper()
	if err != nil {
		tb.Fatalf("%s: %v", what, err)
	}
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			tb.Fatalf("%s: %s: %s", what, d.Summary, d.Detail)
		}
	}
}

// stateJSON renders a value as Terraform stores it in a state file.
func stateJSON(v tftypes.Value) any {
	if v.IsNull() {
		return nil
	}
	t := v.Type()
	switch {
	case t.Is(tftypes.String):
		var s string
		_ = v.As(&s)
		return s
	case t.Is(tftypes.Bool):
		var b bool
		_ = v.As(&b)
		return b
	case t.Is(tftypes.Number):
		var n big.Float
		_ = v.As(&n)
		return json.Number(n.Text('f', -1))
	case t.Is(tftypes.Object{}), t.Is(tftypes.Map{}):
		var m map[string]tftypes.Value
		_ = v.As(&m)
		out := map[string]any{}
		for k, e := range m {
			out[k] = stateJSON(e)
		}
		return out
	default:
		var l []tftypes.Value
		_ = v.As(&l)
		out := make([]any, 0, len(l))
		for _, e := range l {
			out = append(out, stateJSON(e))
		}
		return out
	}
}

// create applies the configuration once (after its dependencies) and returns the configuration
// and the state as stored.
func create(tb testing.TB, srv *emulator.TestServer, c planCase) (p protocol, config *tfprotov6.DynamicValue, raw []byte) {
	tb.Helper()
	text := c.config
	for _, d := range c.deps {
		_, _, depRaw := create(tb, srv, d.c)
		var st struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(depRaw, &st); err != nil || st.ID == "" {
			tb.Fatalf("dependency %s: no id in %s", d.name, depRaw)
		}
		text = strings.ReplaceAll(text, "${"+d.name+"}", st.ID)
	}
	p = newProtocol(tb, srv, c.typeName)
	ctx := context.Background()
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		tb.Fatalf("%s: %v", c.typeName, err)
	}
	cfg := value(tb, p.schema.Block, p.typ, doc)
	config = dynamic(tb, p.typ, cfg)
	null := dynamic(tb, p.typ, tftypes.NewValue(p.typ, nil))
	val, err := p.ps.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: c.typeName, Config: config})
	fail(tb, c.typeName+": validate", err, val.Diagnostics)
	plan, err := p.ps.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: c.typeName, PriorState: null, ProposedNewState: config, Config: config})
	fail(tb, c.typeName+": plan create", err, plan.Diagnostics)
	applied, err := p.ps.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{TypeName: c.typeName, PriorState: null, PlannedState: plan.PlannedState, Config: config})
	fail(tb, c.typeName+": apply", err, applied.Diagnostics)
	state, err := applied.NewState.Unmarshal(p.typ)
	if err != nil {
		tb.Fatal(err)
	}
	raw, err = json.Marshal(stateJSON(state))
	if err != nil {
		tb.Fatal(err)
	}
	return p, config, raw
}

// planOnce makes the calls of a plan for one resource and checks that it plans no change.
func (p protocol) planOnce(tb testing.TB, typeName string, config *tfprotov6.DynamicValue, raw []byte) {
	ctx := context.Background()
	up, err := p.ps.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{TypeName: typeName, Version: p.version, RawState: &tfprotov6.RawState{JSON: raw}})
	fail(tb, "upgrade", err, up.Diagnostics)
	read, err := p.ps.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: up.UpgradedState})
	fail(tb, "read", err, read.Diagnostics)
	val, err := p.ps.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: typeName, Config: config})
	fail(tb, "validate", err, val.Diagnostics)
	plan, err := p.ps.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: typeName, PriorState: read.NewState, ProposedNewState: read.NewState, Config: config})
	fail(tb, "plan", err, plan.Diagnostics)
	if len(plan.RequiresReplace) > 0 {
		tb.Fatalf("the plan replaces %s: %v", typeName, plan.RequiresReplace)
	}
	if !bytes.Equal(plan.PlannedState.MsgPack, read.NewState.MsgPack) {
		planned, err1 := plan.PlannedState.Unmarshal(p.typ)
		prior, err2 := read.NewState.Unmarshal(p.typ)
		if err1 != nil || err2 != nil || !planned.Equal(prior) {
			tb.Fatalf("the plan of %s changes it: %v", typeName, tfmodel.DifferingAttributes(planned, prior))
		}
	}
}

// Resources the cases depend on.
var (
	taxCategory    = planCase{typeName: "commercetools_tax_category", config: `{"key": "dep-tax", "name": "Dep tax"}`}
	shippingZone   = planCase{typeName: "commercetools_shipping_zone", config: `{"key": "dep-zone", "name": "Dep zone", "location": [{"country": "DE"}]}`}
	shippingMethod = planCase{typeName: "commercetools_shipping_method", config: `{"key": "dep-ship", "name": "Dep", "tax_category_id": "${tax}"}`,
		deps: []planDep{{"tax", taxCategory}}}
	cartDiscount = planCase{typeName: "commercetools_cart_discount", config: `{"key": "dep-cd", "name": {"en": "Dep"}, "predicate": "1 = 1",
		"sort_order": "0.9", "requires_discount_code": true, "value": [{"type": "relative", "permyriad": 500}],
		"target": [{"type": "lineItems", "predicate": "1 = 1"}]}`}
	stateA  = planCase{typeName: "commercetools_state", config: `{"key": "dep-a", "type": "OrderState"}`}
	stateB  = planCase{typeName: "commercetools_state", config: `{"key": "dep-b", "type": "OrderState"}`}
	company = planCase{typeName: "commercetools_business_unit_company", config: `{"key": "dep-company", "name": "Dep company"}`}
)

// planCases has a resource of every family, filled the way a typical project fills it (nested
// blocks included).
var planCases = []planCase{
	{typeName: "commercetools_api_client", config: `{"name": "bench", "scope": ["view_products:my-ct-project-key"]}`},
	{typeName: "commercetools_api_extension", config: `{"key": "bench", "timeout_in_ms": 1500,
		"destination": [{"type": "HTTP", "url": "https://extensions.example.com/validate"}],
		"trigger": [{"resource_type_id": "cart", "actions": ["Create", "Update"], "condition": "lineItems is defined"}]}`},
	{typeName: "commercetools_associate_role", config: `{"key": "bench", "name": "Buyer", "buyer_assignable": true, "permissions": ["ViewMyCarts", "CreateMyCarts"]}`},
	{typeName: "commercetools_attribute_group", config: `{"key": "bench", "name": {"en": "Bench"}, "description": {"en": "Group"},
		"attribute": [{"key": "size"}, {"key": "color"}]}`},
	{typeName: "commercetools_business_unit_company", config: `{"key": "bench", "name": "ACME", "contact_email": "buy@acme.example",
		"address": [{"key": "addr-a", "country": "DE", "city": "Berlin", "street_name": "Main"}, {"key": "addr-b", "country": "NL"}],
		"billing_address_keys": ["addr-a"], "shipping_address_keys": ["addr-a", "addr-b"], "default_shipping_address_key": "addr-a"}`},
	{typeName: "commercetools_business_unit_division", config: `{"key": "bench", "name": "North", "parent_unit": {"id": "${company}"},
		"address": [{"key": "addr-a", "country": "DE", "city": "Hamburg"}]}`, deps: []planDep{{"company", company}}},
	{typeName: "commercetools_cart_discount", config: `{"key": "bench", "name": {"en": "Bench"}, "predicate": "1 = 1", "sort_order": "0.5",
		"value": [{"type": "relative", "permyriad": 1000}], "target": [{"type": "lineItems", "predicate": "1 = 1"}]}`},
	{typeName: "commercetools_category", config: `{"key": "bench", "name": {"en": "Clothing", "de": "Kleidung"}, "slug": {"en": "clothing"},
		"description": {"en": "All clothing"}, "order_hint": "0.5",
		"assets": [{"key": "hero", "name": {"en": "Hero"}, "tags": ["hero"], "sources": [{"key": "desktop", "uri": "https://images.example.com/hero.jpg"}]}]}`},
	{typeName: "commercetools_channel", config: `{"key": "bench", "roles": ["InventorySupply"], "name": {"en": "Bench", "de": "Bank"},
		"address": [{"country": "DE", "city": "Berlin"}], "geolocation": [{"coordinates": [13.4, 52.5]}]}`},
	{typeName: "commercetools_custom_object", config: `{"container": "bench", "key": "flags", "value": "{\"newCheckout\":true,\"markets\":[\"DE\",\"NL\"]}"}`},
	{typeName: "commercetools_customer_group", config: `{"key": "bench", "name": "Gold"}`},
	{typeName: "commercetools_discount_code", config: `{"code": "BENCH", "name": {"en": "Bench"}, "cart_discounts": ["${cd}"], "max_applications": 10}`,
		deps: []planDep{{"cd", cartDiscount}}},
	{typeName: "commercetools_discount_group", config: `{"key": "bench", "name": {"en": "Bench"}, "sort_order": "0.3"}`},
	{typeName: "commercetools_product_discount", config: `{"key": "bench", "name": {"en": "Bench"}, "predicate": "1 = 1", "sort_order": "0.4",
		"value": [{"type": "absolute", "money": [{"currency_code": "EUR", "cent_amount": 500}]}]}`},
	{typeName: "commercetools_product_selection", config: `{"key": "bench", "name": {"en": "Outlet"}, "mode": "IndividualExclusion"}`},
	{typeName: "commercetools_product_type", config: `{"key": "bench", "name": "Clothing", "description": "Shirts",
		"attribute": [
			{"name": "headline", "label": {"en": "Headline"}, "input_hint": "SingleLine", "searchable": true, "type": [{"name": "text"}]},
			{"name": "care", "label": {"en": "Care"}, "input_hint": "MultiLine", "type": [{"name": "ltext"}]},
			{"name": "organic", "label": {"en": "Organic"}, "constraint": "SameForAll", "type": [{"name": "boolean"}]},
			{"name": "color", "label": {"en": "Color"}, "type": [{"name": "enum", "value": [{"key": "red", "label": "Red"}, {"key": "blue", "label": "Blue"}]}]},
			{"name": "weight", "label": {"en": "Weight"}, "type": [{"name": "number"}]}]}`},
	{typeName: "commercetools_project_settings", config: `{"name": "Bench", "countries": ["DE", "NL"], "currencies": ["EUR"], "languages": ["en", "de"],
		"messages": [{"enabled": true, "delete_days_after_creation": 30}], "carts": [{"country_tax_rate_fallback_enabled": true}],
		"shopping_lists": [{"delete_days_after_last_modification": 180}]}`},
	{typeName: "commercetools_recurrence_policy", config: `{"key": "bench", "name": {"en": "Monthly"}, "schedule": [{"type": "standard", "value": 1, "interval_unit": "Months"}]}`},
	{typeName: "commercetools_shipping_method", config: `{"key": "bench", "name": "Standard", "tax_category_id": "${tax}", "localized_name": {"en": "Standard"}}`,
		deps: []planDep{{"tax", taxCategory}}},
	{typeName: "commercetools_shipping_zone", config: `{"key": "bench", "name": "DACH", "location": [{"country": "DE"}, {"country": "AT"}, {"country": "US", "state": "NY"}]}`},
	{typeName: "commercetools_shipping_zone_rate", config: `{"shipping_method_id": "${method}", "shipping_zone_id": "${zone}",
		"price": [{"cent_amount": 495, "currency_code": "EUR"}], "free_above": [{"cent_amount": 5000, "currency_code": "EUR"}]}`,
		deps: []planDep{{"method", shippingMethod}, {"zone", shippingZone}}},
	{typeName: "commercetools_state", config: `{"key": "bench", "type": "LineItemState", "name": {"en": "Packed", "de": "Verpackt"}, "initial": false}`},
	{typeName: "commercetools_state_transitions", config: `{"from": "${a}", "to": ["${b}"]}`, deps: []planDep{{"a", stateA}, {"b", stateB}}},
	{typeName: "commercetools_store", config: `{"key": "bench", "name": {"en": "Store"}, "languages": ["en"]}`},
	{typeName: "commercetools_subscription", config: `{"key": "bench",
		"destination": [{"type": "EventBridge", "region": "eu-central-1", "account_id": "123456789012"}],
		"message": [{"resource_type_id": "order", "types": ["OrderCreated", "OrderStateChanged"]}],
		"changes": [{"resource_type_ids": ["customer"]}]}`},
	{typeName: "commercetools_tax_category", config: `{"key": "bench", "name": "Standard", "description": "Standard rates"}`},
	{typeName: "commercetools_tax_category_rate", config: `{"tax_category_id": "${tax}", "name": "Sales tax", "amount": 0.08875,
		"included_in_price": false, "country": "US", "state": "NY", "sub_rate": [{"name": "State", "amount": 0.04}, {"name": "City", "amount": 0.04875}]}`,
		deps: []planDep{{"tax", taxCategory}}},
	{typeName: "commercetools_type", config: `{"key": "bench", "name": {"en": "Fields"}, "resource_type_ids": ["customer"],
		"field": [
			{"name": "text", "label": {"en": "Text"}, "type": [{"name": "String"}]},
			{"name": "notes", "label": {"en": "Notes"}, "input_hint": "MultiLine", "type": [{"name": "LocalizedString"}]},
			{"name": "flag", "label": {"en": "Flag"}, "type": [{"name": "Boolean"}]},
			{"name": "kind", "label": {"en": "Kind"}, "type": [{"name": "Enum", "value": [{"key": "a", "label": "A"}, {"key": "b", "label": "B"}]}]},
			{"name": "tags", "label": {"en": "Tags"}, "type": [{"name": "Set", "element_type": [{"name": "String"}]}]}]}`},
}

// BenchmarkPlanOne is the provider's cost of one resource in a plan that changes nothing.
func BenchmarkPlanOne(b *testing.B) {
	// The package's tests import acctest, which checks every model conversion against the
	// framework's; the benchmark measures the provider as it runs.
	defer func(v bool) { tfmodel.Verify = v }(tfmodel.Verify)
	tfmodel.Verify = false
	for _, c := range planCases {
		b.Run(c.typeName, func(b *testing.B) {
			srv := emulator.NewTestServer(b, emulator.Options{})
			p, config, raw := create(b, srv, c)
			p.planOnce(b, c.typeName, config, raw) // warm the shared listing and the token
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				p.planOnce(b, c.typeName, config, raw)
			}
		})
	}
}

// verifyShortcuts makes the protocol servers check every shortcut against the framework.
var verifyShortcuts bool

// TestPlanOneHarness runs the benchmark's calls once, so that the harness stays working, with
// every shortcut checked against the framework: each family creates, reads and plans no change.
func TestPlanOneHarness(t *testing.T) {
	verifyShortcuts = true
	defer func() { verifyShortcuts = false }()
	for _, c := range planCases {
		t.Run(c.typeName, func(t *testing.T) {
			srv := emulator.NewTestServer(t, emulator.Options{})
			p, config, raw := create(t, srv, c)
			p.planOnce(t, c.typeName, config, raw)
			if testing.Verbose() {
				fmt.Println(string(raw))
			}
		})
	}
}

// TestValidateShortcutMatchesFramework: configurations that validators refuse, at the top level,
// in list and set blocks and below a null block, get the framework's diagnostics from the
// validation shortcut (the verifying server compares every answer), and valid ones none.
func TestValidateShortcutMatchesFramework(t *testing.T) {
	verifyShortcuts = true
	defer func() { verifyShortcuts = false }()
	srv := emulator.NewTestServer(t, emulator.Options{})
	cases := []struct {
		typeName, config, want string
	}{
		{"commercetools_channel", `{"key": "ok-key", "roles": ["Nope"]}`, "roles"},
		{"commercetools_tax_category_rate", `{"tax_category_id": "t", "name": "n", "amount": 2, "included_in_price": true, "country": "DE",
			"sub_rate": [{"name": "a", "amount": -1}]}`, "amount"},
		{"commercetools_type", `{"key": "k1", "name": {"en": "N"}, "resource_type_ids": ["customer"],
			"field": [{"name": "f", "label": {"en": "F"}, "input_hint": "Sideways", "type": [{"name": "Nope"}]}]}`, "input_hint"},
		{"commercetools_shipping_zone", `{"key": "z", "name": "Z", "location": [{"country": "Germany"}]}`, "country"},
		{"commercetools_subscription", `{"key": "s1", "destination": [{"type": "Nope"}], "message": [{"resource_type_id": "order"}]}`, ""},
		{"commercetools_product_type", `{"key": "pt", "name": "P", "attribute": [{"name": "a", "label": {"en": "A"}, "constraint": "Sometimes", "type": [{"name": "text"}]}]}`, "constraint"},
		{"commercetools_api_extension", `{"key": "e", "timeout_in_ms": 1500, "destination": [{"type": "HTTP", "url": "not a url"}],
			"trigger": [{"resource_type_id": "cart", "actions": ["Create"]}]}`, ""},
		{"commercetools_custom_object", `{"container": "c c", "key": "k", "value": "{}"}`, "container"},
	}
	for _, c := range append(cases, func() (out []struct{ typeName, config, want string }) {
		for _, pc := range planCases {
			if len(pc.deps) == 0 {
				out = append(out, struct{ typeName, config, want string }{pc.typeName, pc.config, "-"})
			}
		}
		return out
	}()...) {
		t.Run(c.typeName, func(t *testing.T) {
			p := newProtocol(t, srv, c.typeName)
			dec := json.NewDecoder(strings.NewReader(c.config))
			dec.UseNumber()
			var doc any
			if err := dec.Decode(&doc); err != nil {
				t.Fatal(err)
			}
			cfg := dynamic(t, p.typ, value(t, p.schema.Block, p.typ, doc))
			resp, err := p.ps.ValidateResourceConfig(context.Background(), &tfprotov6.ValidateResourceConfigRequest{TypeName: c.typeName, Config: cfg})
			if err != nil {
				t.Fatal(err)
			}
			var errs []string
			for _, d := range resp.Diagnostics {
				if strings.Contains(d.Summary, "shortcut differs") {
					t.Fatalf("%s: %s", d.Summary, d.Detail)
				}
				if d.Severity == tfprotov6.DiagnosticSeverityError {
					errs = append(errs, fmt.Sprintf("%v: %s", d.Attribute, d.Summary))
				}
			}
			switch {
			case c.want == "-" && len(errs) > 0:
				t.Fatalf("a valid configuration is refused: %v", errs)
			case c.want != "-" && len(errs) == 0:
				t.Fatalf("no error for %s", c.config)
			case c.want != "-" && c.want != "" && !strings.Contains(fmt.Sprint(errs), c.want):
				t.Fatalf("errors %v name no %s", errs, c.want)
			}
		})
	}
}
