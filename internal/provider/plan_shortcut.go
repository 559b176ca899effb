package provider

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/defaults"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/planmod"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/unset"
)

// The plan of an unchanged resource.
//
// In a plan that changes nothing, Terraform sends every resource a proposed new state equal to
// its prior state. The framework then decodes the configuration, the prior and the proposed
// state, applies defaults, walks every attribute through its plan modifiers, runs the resource's
// ModifyPlan and encodes the result: about 300 KB of allocations per resource, for an answer
// that, for most resource types, is the prior state. The shortcut gives that answer without the
// framework when it is provably the framework's:
//
//   - the proposed new state is the prior state byte for byte (msgpack, as Terraform encodes
//     both; equal bytes are equal values, and unequal bytes only forgo the shortcut), the prior
//     state is not null and there is no private state;
//   - every default is the framework's static one and, where the configuration leaves the
//     attribute null, equals the prior value (so applying defaults changes nothing; below the
//     top level, list elements are matched with the configuration's by index, and elements of
//     sets and maps must hold the default whatever the configuration says), and every write-only
//     attribute is null in the prior state (so nulling them changes nothing);
//   - every plan modifier is one of the framework's own (which do nothing to a value equal to the
//     prior one) or says so (planmod.Unchanging);
//   - the resource has no identity and says what its ModifyPlan answers for such a plan
//     (framework.UnchangedPlanner): nothing, or the same warnings.
//
// With all of that, the framework's steps are each the identity (computed attributes are only
// marked unknown when the plan differs from the prior state), so its planned state is the prior
// state, with no replacement. Tests run every plan of the acceptance suite through both paths
// and fail on any difference (NewVerifyingServer).

// planShortcut is what the shortcut knows of a resource type.
type planShortcut struct {
	defaults []topDefault // top-level attributes with a default
	// nested holds the defaults below the top level and the write-only attributes at any
	// depth; nil when there are none.
	nested valueTree
	// removals holds the attributes, at any depth of single and list blocks, whose modifier plans
	// null when the configuration leaves them out (planmod.Removing); nil when there are none.
	removals *removalNode
}

// removalNode lists the attributes of one object whose modifier removes a value the
// configuration leaves out, and the blocks below it that hold such attributes.
type removalNode struct {
	attrs  []string
	blocks map[string]*removalNode // single and list blocks
}

// removalTree collects the Removing attributes of an object; why is not empty where the shortcut
// cannot tell (such an attribute in a set block, whose elements are matched by value).
func removalTree(attrs map[string]schema.Attribute, blocks map[string]schema.Block) (*removalNode, string) {
	var n removalNode
	for name, a := range attrs {
		for _, m := range planModifiers(a) {
			if _, ok := m.(planmod.Removing); ok {
				n.attrs = append(n.attrs, name)
				break
			}
		}
	}
	for name, b := range blocks {
		if w, ok := b.(interface{ Unwrapped() schema.Block }); ok {
			b = w.Unwrapped()
		}
		var child *removalNode
		var why string
		switch x := b.(type) {
		case schema.ListNestedBlock:
			child, why = removalTree(x.NestedObject.Attributes, x.NestedObject.Blocks)
		case schema.SingleNestedBlock:
			child, why = removalTree(x.Attributes, x.Blocks)
		case schema.SetNestedBlock:
			child, why = removalTree(x.NestedObject.Attributes, x.NestedObject.Blocks)
			if child != nil {
				return nil, name + ": an attribute removed when left out, in a set block"
			}
		}
		if why != "" {
			return nil, name + "." + why
		}
		if child != nil {
			if n.blocks == nil {
				n.blocks = map[string]*removalNode{}
			}
			n.blocks[name] = child
		}
	}
	if len(n.attrs) == 0 && n.blocks == nil {
		return nil, ""
	}
	return &n, ""
}

// removes reports whether the configuration leaves out a value the prior state holds at one of
// the node's attributes (the framework then plans its removal); false also for values it cannot
// read, which send the plan to the framework through ok.
func (n *removalNode) removes(cfg, prior tftypes.Value) (removes, ok bool) {
	if n == nil || prior.IsNull() || !prior.IsKnown() {
		return false, true
	}
	if cfg.IsNull() || !cfg.IsKnown() {
		return false, false
	}
	var ca, pa map[string]tftypes.Value
	if cfg.As(&ca) != nil || prior.As(&pa) != nil {
		return false, false
	}
	for _, name := range n.attrs {
		c, p := ca[name], pa[name]
		if !c.IsKnown() {
			return false, false
		}
		if c.IsNull() && p.IsKnown() && !p.IsNull() && !unset.IsZero(p) {
			return true, true
		}
	}
	for name, child := range n.blocks {
		c, p := ca[name], pa[name]
		if p.IsNull() || !p.IsKnown() {
			continue
		}
		if !c.IsKnown() {
			return false, false
		}
		if c.Type().Is(tftypes.List{}) {
			var ce, pe []tftypes.Value
			if c.IsNull() {
				continue // no elements configured: the block's elements plan away anyway
			}
			if c.As(&ce) != nil || p.As(&pe) != nil || len(ce) != len(pe) {
				return false, false
			}
			for i := range ce {
				if r, ok := child.removes(ce[i], pe[i]); r || !ok {
					return r, ok
				}
			}
			continue
		}
		if r, ok := child.removes(c, p); r || !ok {
			return r, ok
		}
	}
	return false, true
}

// topDefault is a top-level attribute's default value.
type topDefault struct {
	name  string
	value tftypes.Value
}

// frameworkPackage is where the framework's own plan modifiers and defaults live.
const frameworkPackage = "github.com/hashicorp/terraform-plugin-framework/resource/schema/"

// shortcutFor returns the shortcut of a resource type, or why its plans must go to the framework.
func shortcutFor(ctx context.Context, r resource.Resource, s schema.Schema) (planShortcut, string) {
	if _, ok := r.(framework.UnchangedPlanner); !ok {
		return planShortcut{}, "the resource is no framework.UnchangedPlanner"
	}
	var sc planShortcut
	nested, why := nestedTree(ctx, s.Attributes, s.Blocks, true)
	if why != "" {
		return planShortcut{}, why
	}
	sc.nested = nested
	removals, why := removalTree(s.Attributes, s.Blocks)
	if why != "" {
		return planShortcut{}, why
	}
	sc.removals = removals
	for name, a := range s.Attributes {
		if why := attributeRefuses(a); why != "" {
			return planShortcut{}, name + ": " + why
		}
		if d, ok, known := defaultOf(ctx, name, a); !known {
			return planShortcut{}, name + ": a default other than the framework's static string, bool or int64"
		} else if ok {
			sc.defaults = append(sc.defaults, topDefault{name: name, value: d})
		}
	}
	for name, b := range s.Blocks {
		if why := blockRefuses(b); why != "" {
			return planShortcut{}, name + ": " + why
		}
	}
	return sc, ""
}

// attributeRefuses says why an attribute (or what it nests) would make the shortcut inexact, or
// returns "".
func attributeRefuses(a schema.Attribute) string {
	if !modifiersAllow(a) {
		return "a plan modifier that is not planmod.Unchanging"
	}
	var inner schema.NestedAttributeObject
	switch n := a.(type) {
	case schema.ListNestedAttribute:
		inner = n.NestedObject
	case schema.SetNestedAttribute:
		inner = n.NestedObject
	case schema.MapNestedAttribute:
		inner = n.NestedObject
	case schema.SingleNestedAttribute:
		inner = schema.NestedAttributeObject{Attributes: n.Attributes}
	case schema.StringAttribute, schema.BoolAttribute, schema.Int64Attribute, schema.Int32Attribute,
		schema.Float64Attribute, schema.Float32Attribute, schema.NumberAttribute, schema.ListAttribute,
		schema.SetAttribute, schema.MapAttribute, schema.ObjectAttribute, schema.DynamicAttribute:
		return ""
	default:
		return fmt.Sprintf("an attribute kind the shortcut does not know (%T)", a)
	}
	if !modifiersAllow(inner) {
		return "a plan modifier that is not planmod.Unchanging"
	}
	for name, na := range inner.Attributes {
		if why := attributeRefuses(na); why != "" {
			return name + ": " + why
		}
	}
	return ""
}

func blockRefuses(b schema.Block) string {
	if w, ok := b.(interface{ Unwrapped() schema.Block }); ok {
		b = w.Unwrapped() // framework.CacheBlockTypes
	}
	if !modifiersAllow(b) {
		return "a plan modifier that is not planmod.Unchanging"
	}
	var attrs map[string]schema.Attribute
	var blocks map[string]schema.Block
	switch n := b.(type) {
	case schema.ListNestedBlock:
		attrs, blocks = n.NestedObject.Attributes, n.NestedObject.Blocks
		if !modifiersAllow(n.NestedObject) {
			return "a plan modifier that is not planmod.Unchanging"
		}
	case schema.SetNestedBlock:
		attrs, blocks = n.NestedObject.Attributes, n.NestedObject.Blocks
		if !modifiersAllow(n.NestedObject) {
			return "a plan modifier that is not planmod.Unchanging"
		}
	case schema.SingleNestedBlock:
		attrs, blocks = n.Attributes, n.Blocks
	default:
		return fmt.Sprintf("a block kind the shortcut does not know (%T)", b)
	}
	for name, a := range attrs {
		if why := attributeRefuses(a); why != "" {
			return name + ": " + why
		}
	}
	for name, nb := range blocks {
		if why := blockRefuses(nb); why != "" {
			return name + ": " + why
		}
	}
	return ""
}

// modifiersAllow reports whether every plan modifier of x leaves a value equal to the prior one
// as it is.
func modifiersAllow(x any) bool {
	for _, m := range planModifiers(x) {
		if _, ok := m.(planmod.Unchanging); ok {
			continue
		}
		t := reflect.TypeOf(m)
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if !strings.HasPrefix(t.PkgPath(), frameworkPackage) || !strings.HasSuffix(t.PkgPath(), "planmodifier") {
			return false
		}
	}
	return true
}

// planModifiers lists the plan modifiers of an attribute, block or nested object.
func planModifiers(x any) []any {
	var out []any
	if v, ok := x.(interface{ StringPlanModifiers() []planmodifier.String }); ok {
		out = appendAll(out, v.StringPlanModifiers())
	}
	if v, ok := x.(interface{ BoolPlanModifiers() []planmodifier.Bool }); ok {
		out = appendAll(out, v.BoolPlanModifiers())
	}
	if v, ok := x.(interface{ Int64PlanModifiers() []planmodifier.Int64 }); ok {
		out = appendAll(out, v.Int64PlanModifiers())
	}
	if v, ok := x.(interface{ Int32PlanModifiers() []planmodifier.Int32 }); ok {
		out = appendAll(out, v.Int32PlanModifiers())
	}
	if v, ok := x.(interface{ Float64PlanModifiers() []planmodifier.Float64 }); ok {
		out = appendAll(out, v.Float64PlanModifiers())
	}
	if v, ok := x.(interface{ Float32PlanModifiers() []planmodifier.Float32 }); ok {
		out = appendAll(out, v.Float32PlanModifiers())
	}
	if v, ok := x.(interface{ NumberPlanModifiers() []planmodifier.Number }); ok {
		out = appendAll(out, v.NumberPlanModifiers())
	}
	if v, ok := x.(interface{ ListPlanModifiers() []planmodifier.List }); ok {
		out = appendAll(out, v.ListPlanModifiers())
	}
	if v, ok := x.(interface{ SetPlanModifiers() []planmodifier.Set }); ok {
		out = appendAll(out, v.SetPlanModifiers())
	}
	if v, ok := x.(interface{ MapPlanModifiers() []planmodifier.Map }); ok {
		out = appendAll(out, v.MapPlanModifiers())
	}
	if v, ok := x.(interface{ ObjectPlanModifiers() []planmodifier.Object }); ok {
		out = appendAll(out, v.ObjectPlanModifiers())
	}
	if v, ok := x.(interface{ DynamicPlanModifiers() []planmodifier.Dynamic }); ok {
		out = appendAll(out, v.DynamicPlanModifiers())
	}
	return out
}

func appendAll[T any](out []any, ms []T) []any {
	for _, m := range ms {
		out = append(out, m)
	}
	return out
}

// hasDefault reports whether an attribute has a default of any kind.
func hasDefault(a schema.Attribute) bool {
	v := reflect.ValueOf(a)
	if v.Kind() != reflect.Struct {
		return true // unknown: assume one
	}
	f := v.FieldByName("Default")
	return f.IsValid() && !f.IsNil()
}

// defaultOf returns the value of a top-level attribute's default: ok says there is one, known
// that the shortcut can take it (a static default of the framework, of a primitive type).
func defaultOf(ctx context.Context, name string, a schema.Attribute) (v tftypes.Value, ok, known bool) {
	if !hasDefault(a) {
		return tftypes.Value{}, false, true
	}
	req := path.Root(name)
	var d any
	var value func() (tftypes.Value, diag.Diagnostics)
	switch x := a.(type) {
	case schema.StringAttribute:
		d = x.Default
		value = func() (tftypes.Value, diag.Diagnostics) {
			var resp defaults.StringResponse
			x.Default.DefaultString(ctx, defaults.StringRequest{Path: req}, &resp)
			t, _ := resp.PlanValue.ToTerraformValue(ctx)
			return t, resp.Diagnostics
		}
	case schema.BoolAttribute:
		d = x.Default
		value = func() (tftypes.Value, diag.Diagnostics) {
			var resp defaults.BoolResponse
			x.Default.DefaultBool(ctx, defaults.BoolRequest{Path: req}, &resp)
			t, _ := resp.PlanValue.ToTerraformValue(ctx)
			return t, resp.Diagnostics
		}
	case schema.Int64Attribute:
		d = x.Default
		value = func() (tftypes.Value, diag.Diagnostics) {
			var resp defaults.Int64Response
			x.Default.DefaultInt64(ctx, defaults.Int64Request{Path: req}, &resp)
			t, _ := resp.PlanValue.ToTerraformValue(ctx)
			return t, resp.Diagnostics
		}
	default:
		return tftypes.Value{}, true, false
	}
	t := reflect.TypeOf(d)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if !strings.HasPrefix(t.PkgPath(), frameworkPackage) || !strings.HasSuffix(t.PkgPath(), "default") {
		return tftypes.Value{}, true, false // not a static default: it could differ per plan
	}
	v, diags := value()
	if diags.HasError() || !v.IsKnown() {
		return tftypes.Value{}, true, false
	}
	return v, true, true
}

// destroyPlanned reports whether the destroy of a resource type may be planned without the
// framework: for a null proposed state, the framework applies no default, marks nothing unknown,
// runs no attribute plan modifier and calls the resource's ModifyPlan, which (DestroyPlanner)
// does nothing; the planned state is null.
func destroyPlanned(r resource.Resource) bool {
	_, destroys := r.(framework.DestroyPlanner)
	return destroys
}

// plannedIdentity is the framework's planned identity when no ModifyPlan changes it: the prior
// identity, or a null one when Terraform sends none (an engine without identity, a state written
// before the resource had one); nil for a resource without identity. false: it cannot be encoded.
func (t stateType) plannedIdentity(prior *tfprotov6.ResourceIdentityData) (*tfprotov6.ResourceIdentityData, bool) {
	if t.identity == nil {
		return nil, true
	}
	if prior != nil && prior.IdentityData != nil {
		v, err := prior.IdentityData.Unmarshal(t.identity)
		if err != nil {
			return nil, false // the framework words the error
		}
		dv, err := tfprotov6.NewDynamicValue(t.identity, v)
		if err != nil {
			return nil, false
		}
		return &tfprotov6.ResourceIdentityData{IdentityData: &dv}, true
	}
	null, err := tfprotov6.NewDynamicValue(t.identity, tftypes.NewValue(t.identity, nil))
	if err != nil {
		return nil, false
	}
	return &tfprotov6.ResourceIdentityData{IdentityData: &null}, true
}

// planDestroy answers the plan of a destroy, or returns false for the framework to plan it.
func (s *server) planDestroy(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, bool) {
	t, ok := s.stateTypes(ctx)[req.TypeName]
	if !ok || !t.destroy || isNull(req.PriorState) || req.ProposedNewState == nil || !bytes.Equal(req.ProposedNewState.MsgPack, msgpackNull) ||
		len(req.PriorPrivate) > 0 || !isNull(req.ProviderMeta) {
		return nil, false
	}
	null, err := tfprotov6.NewDynamicValue(t.typ, tftypes.NewValue(t.typ, nil))
	if err != nil {
		return nil, false
	}
	identity, ok := t.plannedIdentity(req.PriorIdentity)
	if !ok {
		return nil, false
	}
	return &tfprotov6.PlanResourceChangeResponse{PlannedState: &null, PlannedIdentity: identity}, true
}

// planUnchanged answers the plan of an unchanged resource, or returns false for the framework
// to plan it.
func (s *server) planUnchanged(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, bool) {
	t, ok := s.stateTypes(ctx)[req.TypeName]
	if !ok || t.plan == nil || isNull(req.PriorState) || req.ProposedNewState == nil || req.Config == nil ||
		len(req.PriorState.MsgPack) == 0 || !bytes.Equal(req.PriorState.MsgPack, req.ProposedNewState.MsgPack) || len(req.PriorPrivate) > 0 || !isNull(req.ProviderMeta) {
		return nil, false
	}
	var priorValue *tftypes.Value
	decoded := func() (tftypes.Value, error) {
		if priorValue == nil {
			v, err := req.PriorState.Unmarshal(t.typ)
			if err != nil {
				return tftypes.Value{}, err
			}
			priorValue = &v
		}
		return *priorValue, nil
	}
	// The configuration, decoded once where a default or a removal needs it (null otherwise).
	var cfg tftypes.Value
	if len(t.plan.defaults) > 0 || t.plan.nested.hasDefaults() || t.plan.removals != nil {
		var err error
		if cfg, err = req.Config.Unmarshal(t.typ); err != nil {
			return nil, false
		}
	}
	if len(t.plan.defaults) > 0 && !s.defaultsUnchanged(t, cfg, decoded) {
		return nil, false
	}
	if t.plan.nested != nil {
		prior, err := decoded()
		if err != nil || !t.plan.nested.keeps(cfg, prior) {
			return nil, false
		}
	}
	if t.plan.removals != nil {
		prior, err := decoded()
		if err != nil {
			return nil, false
		}
		if removes, ok := t.plan.removals.removes(cfg, prior); removes || !ok {
			return nil, false // an attribute left out is removed: a change
		}
	}
	r := t.newResource()
	planner, ok := r.(framework.UnchangedPlanner)
	if !ok || !s.configure(ctx, r) {
		return nil, false
	}
	state := func() (tfsdk.State, error) {
		v, err := decoded()
		if err == nil {
			v, err = t.blocks.nullify(v) // as the framework hands the state to ModifyPlan
		}
		return tfsdk.State{Schema: t.schema, Raw: v}, err
	}
	diags, ok := planner.PlanUnchanged(ctx, state)
	if !ok {
		return nil, false
	}
	pd, ok := protoDiagnostics(diags)
	if !ok {
		return nil, false
	}
	identity, ok := t.plannedIdentity(req.PriorIdentity)
	if !ok {
		return nil, false
	}
	planned := *req.PriorState
	return &tfprotov6.PlanResourceChangeResponse{PlannedState: &planned, PlannedIdentity: identity, Diagnostics: pd}, true
}

// defaultsUnchanged reports whether applying the top-level defaults changes nothing: every
// attribute with a default that the configuration leaves null already holds the default.
func (s *server) defaultsUnchanged(t stateType, cfg tftypes.Value, prior func() (tftypes.Value, error)) bool {
	if !cfg.IsKnown() || cfg.IsNull() {
		return false
	}
	var cfgAttrs map[string]tftypes.Value
	if cfg.As(&cfgAttrs) != nil {
		return false
	}
	pv, err := prior()
	if err != nil {
		return false
	}
	var priorAttrs map[string]tftypes.Value
	if pv.As(&priorAttrs) != nil {
		return false
	}
	for _, d := range t.plan.defaults {
		c, ok := cfgAttrs[d.name]
		if !ok || !c.IsKnown() {
			return false
		}
		if c.IsNull() && !priorAttrs[d.name].Equal(d.value) {
			return false
		}
	}
	return true
}

// protoDiagnostics converts diagnostics as the framework does; false for an attribute path it
// cannot express (the framework then answers).
func protoDiagnostics(diags diag.Diagnostics) ([]*tfprotov6.Diagnostic, bool) {
	if len(diags) == 0 {
		return nil, true
	}
	out := make([]*tfprotov6.Diagnostic, 0, len(diags))
	for _, d := range diags {
		pd := &tfprotov6.Diagnostic{Summary: d.Summary(), Detail: d.Detail()}
		switch d.Severity() {
		case diag.SeverityError:
			pd.Severity = tfprotov6.DiagnosticSeverityError
		case diag.SeverityWarning:
			pd.Severity = tfprotov6.DiagnosticSeverityWarning
		default:
			return nil, false
		}
		if wp, ok := d.(diag.DiagnosticWithPath); ok {
			p, ok := attributePath(wp.Path())
			if !ok {
				return nil, false
			}
			pd.Attribute = p
		}
		out = append(out, pd)
	}
	return out, true
}

func attributePath(p path.Path) (*tftypes.AttributePath, bool) {
	steps := p.Steps()
	if len(steps) == 0 {
		return nil, true
	}
	tp := tftypes.NewAttributePath()
	for _, st := range steps {
		switch x := st.(type) {
		case path.PathStepAttributeName:
			tp = tp.WithAttributeName(string(x))
		case path.PathStepElementKeyInt:
			tp = tp.WithElementKeyInt(int(x))
		case path.PathStepElementKeyString:
			tp = tp.WithElementKeyString(string(x))
		case path.PathStepElementKeyValue:
			v, err := x.ToTerraformValue(context.Background())
			if err != nil {
				return nil, false
			}
			tp = tp.WithElementKeyValue(v)
		default:
			return nil, false
		}
	}
	return tp, true
}

// samePlan compares the shortcut's answer with the framework's; it returns what differs.
func samePlan(t stateType, a, b *tfprotov6.PlanResourceChangeResponse) string {
	if d := sameValue("planned state", t.typ, a.PlannedState, b.PlannedState); d != "" {
		return d
	}
	if d := sameIdentity("planned identity", t.identity, a.PlannedIdentity, b.PlannedIdentity); d != "" {
		return d
	}
	switch {
	case len(a.RequiresReplace) != len(b.RequiresReplace):
		return fmt.Sprintf("replacement %v, framework %v", a.RequiresReplace, b.RequiresReplace)
	case len(a.PlannedPrivate) != len(b.PlannedPrivate):
		return fmt.Sprintf("private state of %d bytes, framework %d", len(a.PlannedPrivate), len(b.PlannedPrivate))
	case a.Deferred != nil || b.Deferred != nil:
		return "deferral in the framework's answer"
	case diagText(a.Diagnostics) != diagText(b.Diagnostics):
		return fmt.Sprintf("diagnostics %s, framework %s", diagText(a.Diagnostics), diagText(b.Diagnostics))
	}
	return ""
}

func diagText(ds []*tfprotov6.Diagnostic) string {
	var sb strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&sb, "[%s %q %q %v]", d.Severity, d.Summary, d.Detail, d.Attribute)
	}
	return sb.String()
}
