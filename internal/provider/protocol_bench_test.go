package provider_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
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

// planCase is one resource: its type and the configured values (everything else null, blocks
// absent).
type planCase struct {
	typeName string
	config   map[string]tftypes.Value
	// blocks returns configured blocks, built from the resource's type.
	blocks func(t tftypes.Object) map[string]tftypes.Value
}

// block is a list block of one element with the given values; the element's other attributes are
// null, and its own blocks empty.
func block(list tftypes.Type, set map[string]tftypes.Value) tftypes.Value {
	l, _ := list.(tftypes.List)
	et, _ := l.ElementType.(tftypes.Object)
	vals := map[string]tftypes.Value{}
	for name, at := range et.AttributeTypes {
		if v, ok := set[name]; ok {
			vals[name] = v
			continue
		}
		vals[name] = tftypes.NewValue(at, nil)
		if inner, ok := at.(tftypes.List); ok {
			if _, isBlock := inner.ElementType.(tftypes.Object); isBlock {
				vals[name] = tftypes.NewValue(at, []tftypes.Value{})
			}
		}
	}
	return tftypes.NewValue(list, []tftypes.Value{tftypes.NewValue(et, vals)})
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

// emptyConfig is the configuration of a resource with nothing set: attributes null, list and set
// blocks empty, single blocks null.
func emptyConfig(b *tfprotov6.SchemaBlock, typ tftypes.Object) map[string]tftypes.Value {
	vals := map[string]tftypes.Value{}
	for _, a := range b.Attributes {
		vals[a.Name] = tftypes.NewValue(typ.AttributeTypes[a.Name], nil)
	}
	for _, nb := range b.BlockTypes {
		t := typ.AttributeTypes[nb.TypeName]
		switch nb.Nesting {
		case tfprotov6.SchemaNestedBlockNestingModeList, tfprotov6.SchemaNestedBlockNestingModeSet:
			vals[nb.TypeName] = tftypes.NewValue(t, []tftypes.Value{})
		default:
			vals[nb.TypeName] = tftypes.NewValue(t, nil)
		}
	}
	return vals
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

// create applies the configuration once and returns the configuration and the state as stored.
func (p protocol) create(tb testing.TB, c planCase) (config *tfprotov6.DynamicValue, raw []byte) {
	tb.Helper()
	ctx := context.Background()
	vals := emptyConfig(p.schema.Block, p.typ)
	for k, v := range c.config {
		vals[k] = v
	}
	if c.blocks != nil {
		for k, v := range c.blocks(p.typ) {
			vals[k] = v
		}
	}
	cfg := tftypes.NewValue(p.typ, vals)
	config = dynamic(tb, p.typ, cfg)
	null := dynamic(tb, p.typ, tftypes.NewValue(p.typ, nil))
	plan, err := p.ps.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: c.typeName, PriorState: null, ProposedNewState: config, Config: config})
	fail(tb, "plan create", err, plan.Diagnostics)
	applied, err := p.ps.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{TypeName: c.typeName, PriorState: null, PlannedState: plan.PlannedState, Config: config})
	fail(tb, "apply", err, applied.Diagnostics)
	state, err := applied.NewState.Unmarshal(p.typ)
	if err != nil {
		tb.Fatal(err)
	}
	raw, err = json.Marshal(stateJSON(state))
	if err != nil {
		tb.Fatal(err)
	}
	return config, raw
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
}

var planCases = []planCase{
	{typeName: "commercetools_api_client", config: map[string]tftypes.Value{
		"name": tftypes.NewValue(tftypes.String, "bench"),
		"scope": tftypes.NewValue(tftypes.Set{ElementType: tftypes.String},
			[]tftypes.Value{tftypes.NewValue(tftypes.String, "view_products:my-ct-project-key")}),
	}},
	{typeName: "commercetools_channel", config: map[string]tftypes.Value{
		"key":   tftypes.NewValue(tftypes.String, "bench"),
		"roles": tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{tftypes.NewValue(tftypes.String, "InventorySupply")}),
		"name":  tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, map[string]tftypes.Value{"en": tftypes.NewValue(tftypes.String, "Bench")}),
	}},
	// A family with a plan-time uniqueness rule (the sort order): its plans record their value,
	// so they go through the framework.
	{typeName: "commercetools_cart_discount", config: map[string]tftypes.Value{
		"key":        tftypes.NewValue(tftypes.String, "bench"),
		"name":       tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, map[string]tftypes.Value{"en": tftypes.NewValue(tftypes.String, "Bench")}),
		"predicate":  tftypes.NewValue(tftypes.String, "1 = 1"),
		"sort_order": tftypes.NewValue(tftypes.String, "0.5"),
	}, blocks: func(t tftypes.Object) map[string]tftypes.Value {
		return map[string]tftypes.Value{
			"value": block(t.AttributeTypes["value"], map[string]tftypes.Value{
				"type": tftypes.NewValue(tftypes.String, "relative"), "permyriad": tftypes.NewValue(tftypes.Number, 1000)}),
			"target": block(t.AttributeTypes["target"], map[string]tftypes.Value{
				"type": tftypes.NewValue(tftypes.String, "lineItems"), "predicate": tftypes.NewValue(tftypes.String, "1 = 1")}),
		}
	}},
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
			p := newProtocol(b, srv, c.typeName)
			config, raw := p.create(b, c)
			p.planOnce(b, c.typeName, config, raw) // warm the shared listing and the token
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				p.planOnce(b, c.typeName, config, raw)
			}
		})
	}
}

// TestPlanOneHarness runs the benchmark's calls once, so that the harness stays working.
func TestPlanOneHarness(t *testing.T) {
	for _, c := range planCases {
		t.Run(c.typeName, func(t *testing.T) {
			srv := emulator.NewTestServer(t, emulator.Options{})
			p := newProtocol(t, srv, c.typeName)
			config, raw := p.create(t, c)
			p.planOnce(t, c.typeName, config, raw)
			if testing.Verbose() {
				fmt.Println(string(raw))
			}
		})
	}
}
