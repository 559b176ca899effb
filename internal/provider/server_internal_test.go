package provider

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/tfmodel"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/timestamp"
)

// TestUpgradeShortcutCoversEveryResource makes sure the passthrough knows every resource type
// with its schema version, so that TestUpgradeShortcutMatchesFramework compares the shortcut and
// not two framework answers.
func TestUpgradeShortcutCoversEveryResource(t *testing.T) {
	p := New("test")()
	ps, err := shortcutServer(p, false)()
	if err != nil {
		t.Fatal(err)
	}
	s, ok := ps.(*server)
	if !ok {
		t.Fatalf("NewServer returned %T", ps)
	}
	ctx := context.Background()
	types := s.stateTypes(ctx)
	if want := len(p.Resources(ctx)); len(types) != want {
		t.Fatalf("the shortcut knows %d resource types, the provider has %d", len(types), want)
	}
	for name, want := range map[string]int64{"commercetools_cart_discount": 1, "commercetools_category": 1, "commercetools_product_selection": 0} {
		if got := types[name]; got.typ == nil || got.version != want {
			t.Errorf("%s: version %d (type %v), want version %d", name, got.version, got.typ, want)
		}
	}
	if v := types["commercetools_cart_discount"].blocks["value"]; v == nil || !v.collection || v.children["money"] == nil {
		t.Error("the shortcut does not know the cart discount's list blocks (value, value.money)")
	}
}

// TestPlanShortcutTypes pins which resource types plan unchanged resources without the
// framework, and why the others do not: a schema change that loses the shortcut shows here.
func TestPlanShortcutTypes(t *testing.T) {
	ps, err := shortcutServer(New("test")(), false)()
	if err != nil {
		t.Fatal(err)
	}
	types := asServer(t, ps).stateTypes(context.Background())
	without := map[string]string{
		"commercetools_category":         "plan modifier",
		"commercetools_product_discount": "plan modifier",
	}
	pinShortcut(t, "plan", types, without, func(st stateType) (bool, string) { return st.plan != nil, st.noShortcut })
	if d := types["commercetools_associate_role"].plan; d == nil || len(d.defaults) != 1 || d.defaults[0].name != "buyer_assignable" {
		t.Errorf("the associate role's shortcut does not know its default: %+v", d)
	}
}

// TestPlanShortcutDefaults: a default that would change the prior value sends the plan to the
// framework; one that would not keeps the shortcut, with the framework's answer.
func TestPlanShortcutDefaults(t *testing.T) {
	ctx := context.Background()
	ps, err := shortcutServer(New("test")(), true)()
	if err != nil {
		t.Fatal(err)
	}
	s := asServer(t, ps)
	st := s.stateTypes(ctx)["commercetools_associate_role"]
	obj, ok := st.typ.(tftypes.Object)
	if !ok {
		t.Fatalf("state type %v", st.typ)
	}
	vals := map[string]tftypes.Value{}
	for name, at := range obj.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
	}
	vals["id"] = tftypes.NewValue(tftypes.String, "ar-1")
	vals["key"] = tftypes.NewValue(tftypes.String, "buyer")
	vals["version"] = tftypes.NewValue(tftypes.Number, 1)
	vals["permissions"] = tftypes.NewValue(obj.AttributeTypes["permissions"], []tftypes.Value{tftypes.NewValue(tftypes.String, "AddChildUnits")})
	plan := func(buyerAssignable bool) *tfprotov6.PlanResourceChangeRequest {
		prior := map[string]tftypes.Value{}
		for k, v := range vals {
			prior[k] = v
		}
		prior["buyer_assignable"] = tftypes.NewValue(tftypes.Bool, buyerAssignable)
		state, err := tfprotov6.NewDynamicValue(st.typ, tftypes.NewValue(st.typ, prior))
		if err != nil {
			t.Fatal(err)
		}
		config, err := tfprotov6.NewDynamicValue(st.typ, tftypes.NewValue(st.typ, vals)) // buyer_assignable not configured
		if err != nil {
			t.Fatal(err)
		}
		return &tfprotov6.PlanResourceChangeRequest{TypeName: "commercetools_associate_role", PriorState: &state, ProposedNewState: &state, Config: &config}
	}
	// The default is true: a prior false is planned back to true by the framework.
	if _, ok := s.planUnchanged(ctx, plan(false)); ok {
		t.Error("the shortcut planned a resource whose default changes it")
	}
	if _, ok := s.planUnchanged(ctx, plan(true)); !ok {
		t.Error("no shortcut for a resource that already holds its default")
	}
	for _, b := range []bool{true, false} {
		resp, err := s.PlanResourceChange(ctx, plan(b))
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range resp.Diagnostics {
			t.Errorf("buyer_assignable %v: %s: %s", b, d.Summary, d.Detail)
		}
	}
}

func asServer(t *testing.T, ps tfprotov6.ProviderServer) *server {
	t.Helper()
	s, ok := ps.(*server)
	if !ok {
		t.Fatalf("NewServer returned %T", ps)
	}
	return s
}

// TestReadShortcutTypes pins which resource types are read without the framework's conversions.
func TestReadShortcutTypes(t *testing.T) {
	ps, err := shortcutServer(New("test")(), false)()
	if err != nil {
		t.Fatal(err)
	}
	types := asServer(t, ps).stateTypes(context.Background())
	without := map[string]string{}
	pinShortcut(t, "read", types, without, func(st stateType) (bool, string) { return st.read != nil, st.noRead })
	// Float64 (a channel's geolocation) and dates have semantic equality; the API client's types
	// have none.
	if !types["commercetools_channel"].read.semantic || !types["commercetools_cart_discount"].read.semantic || types["commercetools_api_client"].read.semantic {
		t.Error("semantic equality misjudged")
	}
}

// TestServersKeepTheirOwnClient: servers made from one provider value (as the tests' factories
// make them, one per Terraform command, several at once) each configure resources with the
// client of their own configuration.
func TestServersKeepTheirOwnClient(t *testing.T) {
	ctx := context.Background()
	p := New("test")()
	configured := func(projectKey string) *server {
		ps, err := shortcutServer(p, false)()
		if err != nil {
			t.Fatal(err)
		}
		s := asServer(t, ps)
		schemas, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
		if err != nil {
			t.Fatal(err)
		}
		pty := schemas.Provider.ValueType()
		obj, _ := pty.(tftypes.Object)
		vals := map[string]tftypes.Value{}
		for name, at := range obj.AttributeTypes {
			vals[name] = tftypes.NewValue(at, nil)
		}
		for name, v := range map[string]string{"client_id": "id-" + projectKey, "client_secret": "secret", "project_key": projectKey,
			"api_url": "http://127.0.0.1:1", "token_url": "http://127.0.0.1:1"} {
			vals[name] = tftypes.NewValue(tftypes.String, v)
		}
		dv, err := tfprotov6.NewDynamicValue(pty, tftypes.NewValue(pty, vals))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := s.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: &dv})
		if err != nil || len(resp.Diagnostics) > 0 {
			t.Fatalf("configure: %v %v", err, resp.Diagnostics)
		}
		return s
	}
	a, b := configured("project-a"), configured("project-b")
	ca, okA := a.resourceData().(*client.Client)
	cb, okB := b.resourceData().(*client.Client)
	if !okA || !okB || ca.ProjectKey() != "project-a" || cb.ProjectKey() != "project-b" {
		t.Fatalf("clients %v, %v", a.resourceData(), b.resourceData())
	}
	ps, _ := shortcutServer(p, false)()
	if d := asServer(t, ps).resourceData(); d != nil {
		t.Fatalf("an unconfigured server has resource data %v", d)
	}
}

// pinShortcut checks that exactly the types of without lack a shortcut, each for the reason given.
func pinShortcut(t *testing.T, kind string, types map[string]stateType, without map[string]string, has func(stateType) (bool, string)) {
	t.Helper()
	for name, st := range types {
		want, refused := without[name]
		ok, why := has(st)
		switch {
		case refused && (ok || !strings.Contains(why, want)):
			t.Errorf("%s: %s shortcut %v (%q), want none because of %q", name, kind, ok, why, want)
		case !refused && !ok:
			t.Errorf("%s: no %s shortcut: %s", name, kind, why)
		}
	}
}

// TestShortcutsOff: with COMMERCETOOLS_PROVIDER_SHORTCUTS=off the provider serves the framework's
// own server, and models are converted by the framework.
func TestShortcutsOff(t *testing.T) {
	t.Setenv(ShortcutsVariable, "off")
	defer func() { tfmodel.Off = false }()
	ps, err := NewServer(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ps.(*server); ok {
		t.Fatal("the shortcuts are off, yet NewServer returned the shortcut server")
	}
	if !tfmodel.Off {
		t.Error("the shortcuts are off, yet tfmodel converts models itself")
	}
}

// objectOf is a value of an object type with the given attributes; the others are null, and list
// or set blocks among them empty where blocks says so.
func objectOf(typ tftypes.Type, vals map[string]tftypes.Value) tftypes.Value {
	obj, _ := typ.(tftypes.Object)
	out := map[string]tftypes.Value{}
	for name, at := range obj.AttributeTypes {
		if v, ok := vals[name]; ok {
			out[name] = v
			continue
		}
		out[name] = tftypes.NewValue(at, nil)
	}
	return tftypes.NewValue(typ, out)
}

// TestPlanShortcutNestedDefaults: a default below the top level (a type's field input_hint,
// "SingleLine") that would change the prior value sends the plan to the framework; one that
// would not keeps the shortcut, with the framework's answer.
func TestPlanShortcutNestedDefaults(t *testing.T) {
	ctx := context.Background()
	ps, err := shortcutServer(New("test")(), true)()
	if err != nil {
		t.Fatal(err)
	}
	s := asServer(t, ps)
	const typeName = "commercetools_type"
	st := s.stateTypes(ctx)[typeName]
	if st.plan == nil || st.plan.nested == nil || st.plan.nested["field"] == nil || st.plan.nested["field"].children["input_hint"] == nil {
		t.Fatalf("the type's shortcut does not know the field's input_hint default: %+v", st.plan)
	}
	obj := as[tftypes.Object](t, st.typ)
	fieldList := as[tftypes.List](t, obj.AttributeTypes["field"])
	fieldType := as[tftypes.Object](t, fieldList.ElementType)
	typeList := as[tftypes.List](t, fieldType.AttributeTypes["type"])
	field := func(hint *string) tftypes.Value {
		vals := map[string]tftypes.Value{
			"name":     tftypes.NewValue(tftypes.String, "text"),
			"label":    tftypes.NewValue(fieldType.AttributeTypes["label"], map[string]tftypes.Value{"en": tftypes.NewValue(tftypes.String, "Text")}),
			"required": tftypes.NewValue(tftypes.Bool, false),
			"type":     tftypes.NewValue(typeList, []tftypes.Value{objectOf(typeList.ElementType, map[string]tftypes.Value{"name": tftypes.NewValue(tftypes.String, "String")})}),
		}
		if hint != nil {
			vals["input_hint"] = tftypes.NewValue(tftypes.String, *hint)
		}
		return objectOf(fieldType, vals)
	}
	top := func(f tftypes.Value, state bool) tftypes.Value {
		vals := map[string]tftypes.Value{
			"key":               tftypes.NewValue(tftypes.String, "fields"),
			"name":              tftypes.NewValue(obj.AttributeTypes["name"], map[string]tftypes.Value{"en": tftypes.NewValue(tftypes.String, "Fields")}),
			"resource_type_ids": tftypes.NewValue(obj.AttributeTypes["resource_type_ids"], []tftypes.Value{tftypes.NewValue(tftypes.String, "customer")}),
			"field":             tftypes.NewValue(fieldList, []tftypes.Value{f}),
		}
		if state {
			vals["id"] = tftypes.NewValue(tftypes.String, "type-1")
			vals["version"] = tftypes.NewValue(tftypes.Number, 1)
		}
		v, err := st.blocks.reify(objectOf(st.typ, vals)) // blocks empty, not null, as Terraform sends them
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	str := func(s string) *string { return &s }
	plan := func(priorHint string, configHint *string) *tfprotov6.PlanResourceChangeRequest {
		state, err := tfprotov6.NewDynamicValue(st.typ, top(field(str(priorHint)), true))
		if err != nil {
			t.Fatal(err)
		}
		config, err := tfprotov6.NewDynamicValue(st.typ, top(field(configHint), false))
		if err != nil {
			t.Fatal(err)
		}
		return &tfprotov6.PlanResourceChangeRequest{TypeName: typeName, PriorState: &state, ProposedNewState: &state, Config: &config}
	}
	cases := []struct {
		prior    string
		config   *string
		shortcut bool
	}{
		{"SingleLine", nil, true},             // the default holds
		{"MultiLine", nil, false},             // the framework plans the default
		{"MultiLine", str("MultiLine"), true}, // configured
		{"SingleLine", str("SingleLine"), true},
	}
	for _, c := range cases {
		req := plan(c.prior, c.config)
		if _, ok := s.planUnchanged(ctx, req); ok != c.shortcut {
			t.Errorf("prior %s, configured %v: shortcut %v, want %v", c.prior, c.config != nil, ok, c.shortcut)
		}
		resp, err := s.PlanResourceChange(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range resp.Diagnostics {
			t.Errorf("prior %s, configured %v: %s: %s", c.prior, c.config != nil, d.Summary, d.Detail)
		}
	}
}

// TestValueTreeWriteOnly: a write-only attribute that is not null, at any depth, is seen.
func TestValueTreeWriteOnly(t *testing.T) {
	ctx := context.Background()
	ps, err := shortcutServer(New("test")(), false)()
	if err != nil {
		t.Fatal(err)
	}
	st := asServer(t, ps).stateTypes(ctx)["commercetools_subscription"]
	if st.plan == nil || st.plan.nested == nil || st.read == nil || st.read.writeOnly == nil {
		t.Fatal("the subscription's shortcuts do not know its write-only attributes")
	}
	obj := as[tftypes.Object](t, st.typ)
	dl := as[tftypes.List](t, obj.AttributeTypes["destination"])
	var wo string
	for name, n := range st.plan.nested["destination"].children {
		if n.writeOnly {
			wo = name
		}
	}
	if wo == "" {
		t.Fatal("no write-only attribute in the destination")
	}
	for _, set := range []bool{false, true} {
		vals := map[string]tftypes.Value{"type": tftypes.NewValue(tftypes.String, "SQS")}
		if set {
			vals[wo] = tftypes.NewValue(as[tftypes.Object](t, dl.ElementType).AttributeTypes[wo], "secret")
		}
		v := objectOf(st.typ, map[string]tftypes.Value{"destination": tftypes.NewValue(dl, []tftypes.Value{objectOf(dl.ElementType, vals)})})
		if got := st.read.writeOnly.writeOnlyNull(v); got == set {
			t.Errorf("%s set %v: writeOnlyNull %v", wo, set, got)
		}
		if got := st.plan.nested.keeps(tftypes.Value{}, v); got == set {
			t.Errorf("%s set %v: keeps %v", wo, set, got)
		}
	}
}

// as asserts the type of a value, failing the test where it has another.
func as[T any](t *testing.T, v any) T {
	t.Helper()
	x, ok := v.(T)
	if !ok {
		t.Fatalf("%T is no %T", v, x)
	}
	return x
}

// TestValidateShortcutTypes pins which resource types validate configurations without the
// framework: every one.
func TestValidateShortcutTypes(t *testing.T) {
	ps, err := shortcutServer(New("test")(), false)()
	if err != nil {
		t.Fatal(err)
	}
	types := asServer(t, ps).stateTypes(context.Background())
	pinShortcut(t, "validate", types, map[string]string{}, func(st stateType) (bool, string) { return st.validate != nil, st.noValidate })
}

// The read shortcut applies the framework's Float64 semantic equality itself: a number equal as
// float64 to the prior one keeps the prior one; everything else is the new value; a set or a list
// that changed length, holding floats, goes to the framework.
func TestMergeFloats(t *testing.T) {
	ctx := context.Background()
	obj := types.ObjectType{AttrTypes: map[string]attr.Type{
		"amount": types.Float64Type, "count": types.Int64Type, "key": types.StringType,
		"rates": types.ListType{ElemType: types.ObjectType{AttrTypes: map[string]attr.Type{"amount": types.Float64Type}}},
	}}
	tt := obj.TerraformType(ctx)
	ot, _ := tt.(tftypes.Object)
	rt, ok := ot.AttributeTypes["rates"].(tftypes.List)
	if !ok {
		t.Fatal("no list type")
	}
	num := func(s string) tftypes.Value {
		f, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven)
		if err != nil {
			t.Fatal(err)
		}
		return tftypes.NewValue(tftypes.Number, f)
	}
	f64 := func(f float64) tftypes.Value { return tftypes.NewValue(tftypes.Number, big.NewFloat(f)) }
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	val := func(amount, count, key tftypes.Value, rates ...tftypes.Value) tftypes.Value {
		l := make([]tftypes.Value, len(rates))
		for i, r := range rates {
			l[i] = tftypes.NewValue(rt.ElementType, map[string]tftypes.Value{"amount": r})
		}
		return tftypes.NewValue(tt, map[string]tftypes.Value{"amount": amount, "count": count, "key": key, "rates": tftypes.NewValue(rt, l)})
	}
	one := f64(1)
	if !onlyFloatSemantics(ctx, obj) {
		t.Fatal("an object of Float64, Int64, String and a list of them has other semantics")
	}
	prior := val(num("0.19"), one, str("a"), num("0.04875"))
	// Another precision of the same numbers: the prior values; a changed string stays changed.
	got, ok := mergeFloats(obj, val(f64(0.19), one, str("b"), f64(0.04875)), prior)
	if want := val(num("0.19"), one, str("b"), num("0.04875")); !ok || !got.Equal(want) {
		t.Errorf("merged %v, want %v", got, want)
	}
	// A different number is the new one.
	got, ok = mergeFloats(obj, val(f64(0.2), one, str("a"), f64(0.04875)), prior)
	if want := val(f64(0.2), one, str("a"), num("0.04875")); !ok || !got.Equal(want) {
		t.Errorf("merged %v, want %v", got, want)
	}
	// A list of floats that changed length: the framework decides.
	if _, ok := mergeFloats(obj, val(f64(0.19), one, str("a"), f64(0.04875), f64(0.1)), prior); ok {
		t.Error("a list that changed length was merged")
	}
	set := types.SetType{ElemType: types.Float64Type}
	a := tftypes.NewValue(set.TerraformType(ctx), []tftypes.Value{num("0.19")})
	b := tftypes.NewValue(set.TerraformType(ctx), []tftypes.Value{f64(0.19)})
	if _, ok := mergeFloats(set, b, a); ok {
		t.Error("set elements were paired up")
	}
	if onlyFloatSemantics(ctx, timestamp.Type{}) {
		t.Error("a date type has only Float64 semantics")
	}
}
