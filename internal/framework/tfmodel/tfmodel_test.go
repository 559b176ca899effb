package tfmodel

import (
	"context"
	"math/big"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

type common struct {
	ID       types.String   `tfsdk:"id"`
	Version  types.Int64    `tfsdk:"version"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

type inner struct {
	Name  types.String `tfsdk:"name"`
	Score types.Int64  `tfsdk:"score"`
}

type outer struct {
	common
	Labels  types.Map    `tfsdk:"labels"`
	Tags    types.Set    `tfsdk:"tags"`
	Ratio   types.Number `tfsdk:"ratio"`
	Items   []inner      `tfsdk:"item"`
	Set     []inner      `tfsdk:"set_item"`
	One     *inner       `tfsdk:"one"`
	Ignored string       `tfsdk:"-"`
}

func testSchema(ctx context.Context) schema.Schema {
	nested := schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
		"name":  schema.StringAttribute{Optional: true},
		"score": schema.Int64Attribute{Optional: true},
	}}
	return schema.Schema{
		Attributes: map[string]schema.Attribute{
			"id":      schema.StringAttribute{Computed: true},
			"version": schema.Int64Attribute{Computed: true},
			"labels":  schema.MapAttribute{ElementType: types.StringType, Optional: true},
			"tags":    schema.SetAttribute{ElementType: types.StringType, Optional: true},
			"ratio":   schema.NumberAttribute{Optional: true},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true}),
			"item":     schema.ListNestedBlock{NestedObject: nested},
			"set_item": schema.SetNestedBlock{NestedObject: nested},
			"one":      schema.SingleNestedBlock{Attributes: nested.Attributes},
		},
	}
}

// values returns states of the test schema: full, sparse, with null and empty blocks.
func values(ctx context.Context, s schema.Schema) []tftypes.Value {
	ot, _ := s.Type().TerraformType(ctx).(tftypes.Object)
	at := ot.AttributeTypes
	str := func(v any) tftypes.Value { return tftypes.NewValue(tftypes.String, v) }
	num := func(v any) tftypes.Value { return tftypes.NewValue(tftypes.Number, v) }
	list, _ := at["item"].(tftypes.List)
	elem, _ := list.ElementType.(tftypes.Object)
	in := func(name string, score any) tftypes.Value {
		return tftypes.NewValue(elem, map[string]tftypes.Value{"name": str(name), "score": num(score)})
	}
	full := map[string]tftypes.Value{
		"id": str("abc"), "version": num(3),
		"timeouts": tftypes.NewValue(at["timeouts"], map[string]tftypes.Value{"create": str("5m")}),
		"labels":   tftypes.NewValue(at["labels"], map[string]tftypes.Value{"a": str("x"), "b": str("y")}),
		"tags":     tftypes.NewValue(at["tags"], []tftypes.Value{str("t1"), str("t2")}),
		"ratio":    num(big.NewFloat(0.25)),
		"item":     tftypes.NewValue(at["item"], []tftypes.Value{in("a", 1), in("b", nil)}),
		"set_item": tftypes.NewValue(at["set_item"], []tftypes.Value{in("c", 2)}),
		"one":      in("d", 4),
	}
	sparse := map[string]tftypes.Value{}
	for k, t := range at {
		sparse[k] = tftypes.NewValue(t, nil)
	}
	empty := map[string]tftypes.Value{}
	for k, v := range sparse {
		empty[k] = v
	}
	empty["item"] = tftypes.NewValue(at["item"], []tftypes.Value{})
	empty["set_item"] = tftypes.NewValue(at["set_item"], []tftypes.Value{})
	empty["tags"] = tftypes.NewValue(at["tags"], []tftypes.Value{})
	unknown := map[string]tftypes.Value{}
	for k, v := range full {
		unknown[k] = v
	}
	unknown["id"] = tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	unknown["tags"] = tftypes.NewValue(at["tags"], tftypes.UnknownValue)
	return []tftypes.Value{tftypes.NewValue(ot, full), tftypes.NewValue(ot, sparse), tftypes.NewValue(ot, empty), tftypes.NewValue(ot, unknown)}
}

// TestSameAsFramework reads and writes models of every field kind with this package and with the
// framework, and requires the same models, values and diagnostics.
func TestSameAsFramework(t *testing.T) {
	ctx := context.Background()
	s := testSchema(ctx)
	for i, v := range values(ctx, s) {
		st := tfsdk.State{Raw: v, Schema: s}
		var fast, slow outer
		fast.Ignored, slow.Ignored = "kept?", "kept?"
		d1 := GetState(ctx, st, &fast)
		d2 := st.Get(ctx, &slow)
		if !d1.Equal(d2) {
			t.Fatalf("value %d: diagnostics %v, framework %v", i, d1, d2)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("value %d: model %+v, framework %+v", i, fast, slow)
		}
		if c := codecOf(ctx, reflect.TypeFor[outer](), v.Type(), s); c == nil {
			t.Fatal("the test model has no codec")
		}
		out1 := tfsdk.State{Raw: tftypes.NewValue(v.Type(), nil), Schema: s}
		out2 := out1
		d1 = SetState(ctx, &out1, &fast)
		d2 = out2.Set(ctx, &slow)
		if !d1.Equal(d2) {
			t.Fatalf("value %d: write diagnostics %v, framework %v", i, d1, d2)
		}
		if !out1.Raw.Equal(out2.Raw) {
			t.Fatalf("value %d: wrote %s, framework %s", i, out1.Raw, out2.Raw)
		}
		if !d1.HasError() && !out1.Raw.Equal(v) {
			t.Fatalf("value %d: round trip %s, want %s", i, out1.Raw, v)
		}
	}
}

// TestInvalidGoesToFramework: a value the framework refuses gets the framework's own error.
func TestInvalidGoesToFramework(t *testing.T) {
	ctx := context.Background()
	s := testSchema(ctx)
	v := values(ctx, s)[0]
	var shared map[string]tftypes.Value
	_ = v.As(&shared)
	attrs := map[string]tftypes.Value{} // As shares the value's own map
	for k, e := range shared {
		attrs[k] = e
	}
	attrs["version"] = tftypes.NewValue(tftypes.Number, big.NewFloat(1.5)) // no int64
	bad := tftypes.NewValue(v.Type(), attrs)
	st := tfsdk.State{Raw: bad, Schema: s}
	var fast, slow outer
	d1 := GetState(ctx, st, &fast)
	d2 := st.Get(ctx, &slow)
	if !d1.HasError() || !d1.Equal(d2) {
		t.Fatalf("diagnostics %v, framework %v", d1, d2)
	}
	// A null state cannot be read into a struct.
	st = tfsdk.State{Raw: tftypes.NewValue(v.Type(), nil), Schema: s}
	d1, d2 = GetState(ctx, st, &fast), st.Get(ctx, &slow)
	if !d1.HasError() || !d1.Equal(d2) {
		t.Fatalf("null: diagnostics %v, framework %v", d1, d2)
	}
	// A model whose field has the wrong type for its attribute.
	type wrong struct {
		common
		Labels types.List   `tfsdk:"labels"`
		Tags   types.Set    `tfsdk:"tags"`
		Ratio  types.Number `tfsdk:"ratio"`
		Items  []inner      `tfsdk:"item"`
		Set    []inner      `tfsdk:"set_item"`
		One    *inner       `tfsdk:"one"`
	}
	var w1, w2 wrong
	st = tfsdk.State{Raw: v, Schema: s}
	d1, d2 = GetState(ctx, st, &w1), st.Get(ctx, &w2)
	if !d1.HasError() || !d1.Equal(d2) {
		t.Fatalf("wrong model: diagnostics %v, framework %v", d1, d2)
	}
}

// TestVerify: in verify mode both conversions run and agree.
func TestVerify(t *testing.T) {
	ctx := context.Background()
	Verify = true
	defer func() { Verify = false }()
	s := testSchema(ctx)
	for _, v := range values(ctx, s)[:3] {
		var m outer
		st := tfsdk.State{Raw: v, Schema: s}
		if d := GetState(ctx, st, &m); d.HasError() {
			t.Fatal(d)
		}
		out := tfsdk.State{Raw: tftypes.NewValue(v.Type(), nil), Schema: s}
		if d := SetState(ctx, &out, m); d.HasError() {
			t.Fatal(d)
		}
	}
}

func BenchmarkGetSet(b *testing.B) {
	ctx := context.Background()
	s := testSchema(ctx)
	v := values(ctx, s)[0]
	for _, mode := range []string{"tfmodel", "framework"} {
		b.Run(mode, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var m outer
				st := tfsdk.State{Raw: v, Schema: s}
				out := tfsdk.State{Raw: v, Schema: s}
				if mode == "tfmodel" {
					_ = GetState(ctx, st, &m)
					_ = SetState(ctx, &out, &m)
				} else {
					_ = st.Get(ctx, &m)
					_ = out.Set(ctx, &m)
				}
			}
		})
	}
}
