package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The validation of a configuration.
//
// Terraform asks the provider to validate the configuration of every resource twice in a plan
// (in its validate walk and again in its plan walk, each in a provider process of its own). The
// framework decodes the configuration, turns its empty blocks into null ones by looking up the
// schema type of every value, then looks up every attribute's value again from the root of the
// configuration for each of its validators: 41 % of the provider's CPU in the plan of a typical
// project. The shortcut makes the same calls with the same requests while walking the
// configuration once:
//
//   - the resource is configured with the provider's data as the framework configures it, then
//     its ConfigValidators and ValidateConfig run on the same configuration;
//   - every attribute's value is converted with its type (a value that validates itself,
//     xattr.ValidateableAttribute, or else a type that does, xattr.TypeWithValidate, does so with
//     the attribute's path, and stops there on an error, as the framework's lookup does), and
//     its validators run with the framework's
//     request: the value, the path, the path expression, the configuration and the client's
//     capabilities;
//   - every block's validators run on its value, then those of its nested object on each element
//     (paths by index in lists, by value in sets), then the element's attributes and blocks.
//
// It answers only where the framework itself would add no diagnostic of its own: a schema
// without nested attributes, dynamic attributes or deprecations; a configuration where no read-only attribute is set, no
// required one is null and no write-only one is set for a client that does not allow them, and
// every value converts. Anything else goes to the framework. Diagnostics are the same set; the
// framework's order follows Go's map order, so verification compares them sorted.

// vNode is an attribute or a block of a schema, as the validation shortcut walks it.
type vNode struct {
	name  string
	attr  schema.Attribute // nil for a block
	block schema.Block     // as the schema holds it (its validators and type)
	typ   attr.Type
	// Blocks: how the elements are held, the nested object's validators and what it holds.
	nesting       nestKind
	objValidators []validator.Object
	children      []*vNode
}

// validateShortcutFor returns the tree the validation shortcut walks, or why a resource type's
// validation goes to the framework.
func validateShortcutFor(s schema.Schema) ([]*vNode, string) {
	if s.DeprecationMessage != "" {
		return nil, "a deprecated schema"
	}
	return validateNodes(s.Attributes, s.Blocks)
}

func validateNodes(attrs map[string]schema.Attribute, blocks map[string]schema.Block) ([]*vNode, string) {
	var out []*vNode
	for name, a := range attrs {
		switch a.(type) {
		case schema.ListNestedAttribute, schema.SetNestedAttribute, schema.MapNestedAttribute, schema.SingleNestedAttribute, schema.DynamicAttribute:
			return nil, name + ": a nested or dynamic attribute"
		}
		if a.GetDeprecationMessage() != "" {
			return nil, name + ": deprecated"
		}
		if validatorsOf(a) == nil {
			return nil, fmt.Sprintf("%s: an attribute kind the shortcut does not know (%T)", name, a)
		}
		out = append(out, &vNode{name: name, attr: a, typ: a.GetType()})
	}
	for name, b := range blocks {
		if b.GetDeprecationMessage() != "" {
			return nil, name + ": deprecated"
		}
		n := &vNode{name: name, block: b, typ: b.Type()}
		inner := b
		if w, ok := b.(interface{ Unwrapped() schema.Block }); ok {
			inner = w.Unwrapped()
		}
		var ia map[string]schema.Attribute
		var ib map[string]schema.Block
		switch x := inner.(type) {
		case schema.ListNestedBlock:
			n.nesting, ia, ib, n.objValidators = nestingList, x.NestedObject.Attributes, x.NestedObject.Blocks, x.NestedObject.Validators
		case schema.SetNestedBlock:
			n.nesting, ia, ib, n.objValidators = nestingSet, x.NestedObject.Attributes, x.NestedObject.Blocks, x.NestedObject.Validators
		case schema.SingleNestedBlock:
			// Its validators run twice, as in the framework: on the block's value and as those of its
			// nested object (GetNestedObject hands them on).
			n.nesting, ia, ib, n.objValidators = nestingSingle, x.Attributes, x.Blocks, x.Validators
		default:
			return nil, fmt.Sprintf("%s: a block kind the shortcut does not know (%T)", name, b)
		}
		// (The unwrapped block keeps its nested blocks as the schema holds them: wrapped.)
		children, why := validateNodes(ia, ib)
		if why != "" {
			return nil, name + "." + why
		}
		n.children = children
		out = append(out, n)
	}
	return out, ""
}

// vRun is one validation.
type vRun struct {
	config tfsdk.Config
	caps   validator.ValidateSchemaClientCapabilities
	diags  diag.Diagnostics
}

// validateDirect validates a configuration through the shortcut, or returns false for the
// framework to validate it.
func (s *server) validateDirect(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, bool) {
	t, ok := s.stateTypes(ctx)[req.TypeName]
	if !ok || t.validate == nil || req.Config == nil {
		return nil, false
	}
	cfg, err := req.Config.Unmarshal(t.typ)
	if err != nil || cfg.IsNull() || !cfg.IsKnown() {
		return nil, false
	}
	if cfg, err = t.blocks.nullify(cfg); err != nil {
		return nil, false
	}
	r := t.newResource()
	if !s.configure(ctx, r) {
		return nil, false
	}
	run := &vRun{config: tfsdk.Config{Schema: t.schema, Raw: cfg}}
	vreq := resource.ValidateConfigRequest{Config: run.config}
	if req.ClientCapabilities != nil {
		run.caps.WriteOnlyAttributesAllowed = req.ClientCapabilities.WriteOnlyAttributesAllowed
		vreq.ClientCapabilities.WriteOnlyAttributesAllowed = req.ClientCapabilities.WriteOnlyAttributesAllowed
	}
	if rv, ok := r.(resource.ResourceWithConfigValidators); ok {
		for _, v := range rv.ConfigValidators(ctx) {
			var resp resource.ValidateConfigResponse
			v.ValidateResource(ctx, vreq, &resp)
			run.diags.Append(resp.Diagnostics...)
		}
	}
	if rv, ok := r.(resource.ResourceWithValidateConfig); ok {
		var resp resource.ValidateConfigResponse
		rv.ValidateConfig(ctx, vreq, &resp)
		run.diags.Append(resp.Diagnostics...)
	}
	if !run.object(ctx, t.validate, cfg, path.Empty(), path.MatchRelative(), true) {
		return nil, false
	}
	pd, ok := protoDiagnostics(run.diags)
	if !ok {
		return nil, false
	}
	return &tfprotov6.ValidateResourceConfigResponse{Diagnostics: pd}, true
}

// object validates the attributes and blocks of an object value; false when the framework must.
func (run *vRun) object(ctx context.Context, nodes []*vNode, v tftypes.Value, p path.Path, pe path.Expression, root bool) bool {
	var vals map[string]tftypes.Value
	if !v.IsNull() {
		if !v.IsKnown() || v.As(&vals) != nil {
			return false
		}
	}
	for _, n := range nodes {
		cv := vals[n.name] // below a null object, no value at all: what the framework's lookup finds there
		np, npe := p.AtName(n.name), pe.AtName(n.name)
		if root {
			np, npe = path.Root(n.name), path.MatchRoot(n.name)
		}
		var handled bool
		if n.attr != nil {
			handled = run.attribute(ctx, n, cv, np, npe)
		} else {
			handled = run.block(ctx, n, cv, np, npe)
		}
		if !handled {
			return false
		}
	}
	return true
}

// value converts a value with its type, and lets a value that validates itself do so; done
// says that an error ended the validation of this attribute or block, as it ends the
// framework's.
func (run *vRun) value(ctx context.Context, n *vNode, tv tftypes.Value, p path.Path) (v attr.Value, done, ok bool) {
	v, err := n.typ.ValueFromTerraform(ctx, tv)
	if err != nil || v == nil {
		return nil, false, false
	}
	if va, isVA := v.(xattr.ValidateableAttribute); isVA {
		var resp xattr.ValidateAttributeResponse
		va.ValidateAttribute(ctx, xattr.ValidateAttributeRequest{Path: p}, &resp)
		run.diags.Append(resp.Diagnostics...)
		if resp.Diagnostics.HasError() {
			return nil, true, true
		}
	} else if tv2, isTV := n.typ.(xattr.TypeWithValidate); isTV { //nolint:staticcheck // the framework still calls it, and so must the shortcut
		d := tv2.Validate(ctx, tv, p)
		run.diags.Append(d...)
		if d.HasError() {
			return nil, true, true
		}
	}
	return v, false, true
}

func (run *vRun) attribute(ctx context.Context, n *vNode, tv tftypes.Value, p path.Path, pe path.Expression) bool {
	a := n.attr
	null := tv.IsNull()
	if a.IsComputed() && !a.IsOptional() && !null || a.IsRequired() && null || a.IsWriteOnly() && !run.caps.WriteOnlyAttributesAllowed && !null {
		return false // the framework's own diagnostics
	}
	v, done, ok := run.value(ctx, n, tv, p)
	if !ok || done {
		return ok
	}
	return validatorsOf(a)(ctx, run, v, p, pe)
}

func (run *vRun) block(ctx context.Context, n *vNode, tv tftypes.Value, p path.Path, pe path.Expression) bool {
	v, done, ok := run.value(ctx, n, tv, p)
	if !ok || done {
		return ok
	}
	if bv := validatorsOf(n.block); bv != nil && !bv(ctx, run, v, p, pe) {
		return false
	}
	switch n.nesting {
	case nestingSingle:
		return run.element(ctx, n, v, tv, p, pe)
	case nestingList, nestingSet:
		if tv.IsNull() || !tv.IsKnown() {
			return true // no elements to walk
		}
		var elems []tftypes.Value
		if tv.As(&elems) != nil {
			return false
		}
		var values []attr.Value
		switch x := v.(type) {
		case basetypes.ListValuable:
			lv, d := x.ToListValue(ctx)
			if d.HasError() {
				return false
			}
			values = lv.Elements()
		case basetypes.SetValuable:
			sv, d := x.ToSetValue(ctx)
			if d.HasError() {
				return false
			}
			values = sv.Elements()
		default:
			return false
		}
		if len(values) != len(elems) {
			return false
		}
		for i, e := range values {
			ep, epe := p.AtListIndex(i), pe.AtListIndex(i)
			if n.nesting == nestingSet {
				ep, epe = p.AtSetValue(e), pe.AtSetValue(e)
			}
			if !run.element(ctx, n, e, elems[i], ep, epe) {
				return false
			}
		}
	}
	return true
}

// element validates one object of a block: its nested object's validators, then its attributes
// and blocks.
func (run *vRun) element(ctx context.Context, n *vNode, v attr.Value, tv tftypes.Value, p path.Path, pe path.Expression) bool {
	if !tv.IsKnown() {
		return false
	}
	ov, ok := v.(basetypes.ObjectValuable)
	if !ok {
		return false
	}
	obj, d := ov.ToObjectValue(ctx)
	run.diags.Append(d...)
	if d.HasError() {
		return true
	}
	req := validator.ObjectRequest{ClientCapabilities: run.caps, Config: run.config, ConfigValue: obj, Path: p, PathExpression: pe}
	for _, ov := range n.objValidators {
		resp := &validator.ObjectResponse{}
		ov.ValidateObject(ctx, req, resp)
		run.diags.Append(resp.Diagnostics...)
	}
	return run.object(ctx, n.children, tv, p, pe, false)
}

// validateFunc runs the validators of an attribute or block on its value; false when the value
// is not of the kind its validators take.
type validateFunc func(ctx context.Context, run *vRun, v attr.Value, p path.Path, pe path.Expression) bool

// validatorsOf returns how to run the validators of an attribute or block, or nil for a kind the
// shortcut does not know.
func validatorsOf(x any) validateFunc {
	switch a := x.(type) {
	case interface{ StringValidators() []validator.String }:
		return func(ctx context.Context, run *vRun, v attr.Value, p path.Path, pe path.Expression) bool {
			vv, ok := v.(basetypes.StringValuable)
			if !ok {
				return false
			}
			cv, d := vv.ToStringValue(ctx)
			if run.diags.Append(d...); d.HasError() {
				return true
			}
			req := validator.StringRequest{ClientCapabilities: run.caps, Config: run.config, ConfigValue: cv, Path: p, PathExpression: pe}
			for _, val := range a.StringValidators() {
				resp := &validator.StringResponse{}
				val.ValidateString(ctx, req, resp)
				run.diags.Append(resp.Diagnostics...)
			}
			return true
		}
	case interface{ BoolValidators() []validator.Bool }:
		return func(ctx context.Context, run *vRun, v attr.Value, p path.Path, pe path.Expression) bool {
			vv, ok := v.(basetypes.BoolValuable)
			if !ok {
				return false
			}
			cv, d := vv.ToBoolValue(ctx)
			if run.diags.Append(d...); d.HasError() {
				return true
			}
			req := validator.BoolRequest{ClientCapabilities: run.caps, Config: run.config, ConfigValue: cv, Path: p, PathExpression: pe}
			for _, val := range a.BoolValidators() {
				resp := &validator.BoolResponse{}
				val.ValidateBool(ctx, req, resp)
				run.diags.Append(resp.Diagnostics...)
			}
			return true
		}
	case interface{ Int64Validators() []validator.Int64 }:
		return func(ctx context.Context, run *vRun, v attr.Value, p path.Path, pe path.Expression) bool {
			vv, ok := v.(basetypes.Int64Valuable)
			if !ok {
				return false
			}
			cv, d := vv.ToInt64Value(ctx)
			if run.diags.Append(d...); d.HasError() {
				return true
			}
			req := validator.Int64Request{ClientCapabilities: run.caps, Config: run.config, ConfigValue: cv, Path: p, PathExpression: pe}
			for _, val := range a.Int64Validators() {
				resp := &validator.Int64Response{}
				val.ValidateInt64(ctx, req, resp)
				run.diags.Append(resp.Diagnostics...)
			}
			return true
		}
	case interface{ Float64Validators() []validator.Float64 }:
		return func(ctx context.Context, run *vRun, v attr.Value, p path.Path, pe path.Expression) bool {
			vv, ok := v.(basetypes.Float64Valuable)
			if !ok {
				return false
			}
			cv, d := vv.ToFloat64Value(ctx)
			if run.diags.Append(d...); d.HasError() {
				return true
			}
			req := validator.Float64Request{ClientCapabilities: run.caps, Config: run.config, ConfigValue: cv, Path: p, PathExpression: pe}
			for _, val := range a.Float64Validators() {
				resp := &validator.Float64Response{}
				val.ValidateFloat64(ctx, req, resp)
				run.diags.Append(resp.Diagnostics...)
			}
			return true
		}
	case interface{ NumberValidators() []validator.Number }:
		return func(ctx context.Context, run *vRun, v attr.Value, p path.Path, pe path.Expression) bool {
			vv, ok := v.(basetypes.NumberValuable)
			if !ok {
				return false
			}
			cv, d := vv.ToNumberValue(ctx)
			if run.diags.Append(d...); d.HasError() {
				return true
			}
			req := validator.NumberRequest{ClientCapabilities: run.caps, Config: run.config, ConfigValue: cv, Path: p, PathExpression: pe}
			for _, val := range a.NumberValidators() {
				resp := &validator.NumberResponse{}
				val.ValidateNumber(ctx, req, resp)
				run.diags.Append(resp.Diagnostics...)
			}
			return true
		}
	case interface{ ListValidators() []validator.List }:
		return func(ctx context.Context, run *vRun, v attr.Value, p path.Path, pe path.Expression) bool {
			vv, ok := v.(basetypes.ListValuable)
			if !ok {
				return false
			}
			cv, d := vv.ToListValue(ctx)
			if run.diags.Append(d...); d.HasError() {
				return true
			}
			req := validator.ListRequest{ClientCapabilities: run.caps, Config: run.config, ConfigValue: cv, Path: p, PathExpression: pe}
			for _, val := range a.ListValidators() {
				resp := &validator.ListResponse{}
				val.ValidateList(ctx, req, resp)
				run.diags.Append(resp.Diagnostics...)
			}
			return true
		}
	case interface{ SetValidators() []validator.Set }:
		return func(ctx context.Context, run *vRun, v attr.Value, p path.Path, pe path.Expression) bool {
			vv, ok := v.(basetypes.SetValuable)
			if !ok {
				return false
			}
			cv, d := vv.ToSetValue(ctx)
			if run.diags.Append(d...); d.HasError() {
				return true
			}
			req := validator.SetRequest{ClientCapabilities: run.caps, Config: run.config, ConfigValue: cv, Path: p, PathExpression: pe}
			for _, val := range a.SetValidators() {
				resp := &validator.SetResponse{}
				val.ValidateSet(ctx, req, resp)
				run.diags.Append(resp.Diagnostics...)
			}
			return true
		}
	case interface{ MapValidators() []validator.Map }:
		return func(ctx context.Context, run *vRun, v attr.Value, p path.Path, pe path.Expression) bool {
			vv, ok := v.(basetypes.MapValuable)
			if !ok {
				return false
			}
			cv, d := vv.ToMapValue(ctx)
			if run.diags.Append(d...); d.HasError() {
				return true
			}
			req := validator.MapRequest{ClientCapabilities: run.caps, Config: run.config, ConfigValue: cv, Path: p, PathExpression: pe}
			for _, val := range a.MapValidators() {
				resp := &validator.MapResponse{}
				val.ValidateMap(ctx, req, resp)
				run.diags.Append(resp.Diagnostics...)
			}
			return true
		}
	case interface{ ObjectValidators() []validator.Object }:
		return func(ctx context.Context, run *vRun, v attr.Value, p path.Path, pe path.Expression) bool {
			vv, ok := v.(basetypes.ObjectValuable)
			if !ok {
				return false
			}
			cv, d := vv.ToObjectValue(ctx)
			if run.diags.Append(d...); d.HasError() {
				return true
			}
			req := validator.ObjectRequest{ClientCapabilities: run.caps, Config: run.config, ConfigValue: cv, Path: p, PathExpression: pe}
			for _, val := range a.ObjectValidators() {
				resp := &validator.ObjectResponse{}
				val.ValidateObject(ctx, req, resp)
				run.diags.Append(resp.Diagnostics...)
			}
			return true
		}
	}
	return nil
}

// ValidateResourceConfig validates a configuration through the shortcut where it applies (see
// above); anything else goes to the framework.
func (s *server) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	fast, ok := s.validateDirect(ctx, req)
	if !ok {
		return s.ProviderServer.ValidateResourceConfig(ctx, req)
	}
	if !s.verify {
		return fast, nil
	}
	slow, err := s.ProviderServer.ValidateResourceConfig(ctx, req)
	if err != nil || slow == nil {
		return slow, err
	}
	if a, b := sortedDiagText(fast.Diagnostics), sortedDiagText(slow.Diagnostics); a != b {
		slow.Diagnostics = append(slow.Diagnostics, shortcutDiffers("validation", req.TypeName, fmt.Sprintf("diagnostics %s, framework %s", a, b)))
	}
	return slow, nil
}

// sortedDiagText is diagText in a fixed order.
func sortedDiagText(ds []*tfprotov6.Diagnostic) string {
	parts := make([]string, 0, len(ds))
	for _, d := range ds {
		parts = append(parts, diagText([]*tfprotov6.Diagnostic{d}))
	}
	sort.Strings(parts)
	return strings.Join(parts, "")
}
