package provider

import (
	"context"
	"fmt"
	"math/big"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
)

// The read of a resource.
//
// Terraform reads every resource before it plans. Around the resource's own Read, the framework
// decodes the state, turns its empty list and set blocks into null ones, builds the resource's
// requests, then compares the result with the prior state attribute by attribute for types with
// semantic equality, sets write-only attributes to null, turns null blocks back into empty ones
// and encodes the result: about 120 KB of allocations per resource, most of it walking schema
// paths. The shortcut calls the same Read with the same requests and does the same conversions
// directly, for resource types where the steps it leaves out are provably the identity:
//
//   - every write-only attribute is null in what the resource's Read returns (so setting them
//     null changes nothing); where one is not, the framework reads the resource again;
//   - no attribute type has semantic equality, or the read returns the prior state unchanged (the
//     framework's comparison only ever puts a prior value where the new one differs from it);
//     a read that changes something in such a schema is read again by the framework, from the
//     client's shared listing, so without a second request;
//   - the resource says that its Read uses neither private state nor deferral
//     (framework.DirectReader), and the request carries no private state (after an import it
//     does, and goes to the framework);
//   - a resource with an identity gets the current identity (or a null one) in its requests, as
//     from the framework, and the read must return one that is not null and, unless the
//     identity is mutable, equal to a current one that is not null (the framework's checks;
//     where they would fail, the framework reads it again and words the error).
//
// In tests (NewVerifyingServer) the framework reads the resource again and any difference is an
// error; both reads are served by the client's shared listing, so that costs no request. Reads
// that fail or find the resource gone are not read again (that would ask the API again).

// readShortcut is what the read shortcut knows of a resource type.
type readShortcut struct {
	semantic bool // some attribute type has semantic equality
	// floats says that the only types with semantic equality are the framework's Float64, whose
	// rule (equal as float64) the shortcut applies itself (sameFloats).
	floats    bool
	typ       attr.Type // the schema's type, for sameFloats
	writeOnly valueTree // the write-only attributes (nil: none)
}

// readShortcutFor returns the read shortcut of a resource type, or why reads go to the framework.
func readShortcutFor(ctx context.Context, r resource.Resource, s schema.Schema) (readShortcut, string) {
	if _, ok := r.(framework.DirectReader); !ok {
		return readShortcut{}, "the resource is no framework.DirectReader"
	}
	rs := readShortcut{semantic: semanticType(ctx, s.Type()) != "", typ: s.Type()}
	rs.floats = rs.semantic && onlyFloatSemantics(ctx, s.Type())
	if name := writeOnly(s.Attributes, s.Blocks); name != "" {
		tree, why := nestedTree(ctx, s.Attributes, s.Blocks, true)
		if why != "" {
			return readShortcut{}, why
		}
		rs.writeOnly = tree
	}
	return rs, ""
}

// writeOnly returns the name of a write-only attribute, at any depth, or "".
func writeOnly(attrs map[string]schema.Attribute, blocks map[string]schema.Block) string {
	for name, a := range attrs {
		if a.IsWriteOnly() {
			return name
		}
		var inner map[string]schema.Attribute
		switch n := a.(type) {
		case schema.ListNestedAttribute:
			inner = n.NestedObject.Attributes
		case schema.SetNestedAttribute:
			inner = n.NestedObject.Attributes
		case schema.MapNestedAttribute:
			inner = n.NestedObject.Attributes
		case schema.SingleNestedAttribute:
			inner = n.Attributes
		}
		if w := writeOnly(inner, nil); w != "" {
			return name + "." + w
		}
	}
	for name, b := range blocks {
		if w, ok := b.(interface{ Unwrapped() schema.Block }); ok {
			b = w.Unwrapped()
		}
		var w string
		switch n := b.(type) {
		case schema.ListNestedBlock:
			w = writeOnly(n.NestedObject.Attributes, n.NestedObject.Blocks)
		case schema.SetNestedBlock:
			w = writeOnly(n.NestedObject.Attributes, n.NestedObject.Blocks)
		case schema.SingleNestedBlock:
			w = writeOnly(n.Attributes, n.Blocks)
		default:
			return name + " (a block kind the shortcut does not know)"
		}
		if w != "" {
			return name + "." + w
		}
	}
	return ""
}

// semanticType names a type, at any depth of t, whose values have semantic equality (a method
// ending in SemanticEquals), or returns "".
func semanticType(ctx context.Context, t attr.Type) string {
	if ownSemantics(ctx, t) {
		return reflect.TypeOf(t.ValueType(ctx)).String()
	}
	switch x := t.(type) {
	case attr.TypeWithElementType:
		return semanticType(ctx, x.ElementType())
	case attr.TypeWithAttributeTypes:
		for _, at := range x.AttributeTypes() {
			if s := semanticType(ctx, at); s != "" {
				return s
			}
		}
	case attr.TypeWithElementTypes:
		for _, et := range x.ElementTypes() {
			if s := semanticType(ctx, et); s != "" {
				return s
			}
		}
	}
	return ""
}

// onlyFloatSemantics reports whether every type with semantic equality at any depth of t is the
// framework's Float64.
func onlyFloatSemantics(ctx context.Context, t attr.Type) bool {
	if _, ok := t.(basetypes.Float64Type); ok {
		return true
	}
	if ownSemantics(ctx, t) {
		return false
	}
	switch x := t.(type) {
	case attr.TypeWithElementType:
		return onlyFloatSemantics(ctx, x.ElementType())
	case attr.TypeWithAttributeTypes:
		for _, at := range x.AttributeTypes() {
			if !onlyFloatSemantics(ctx, at) {
				return false
			}
		}
	case attr.TypeWithElementTypes:
		for _, et := range x.ElementTypes() {
			if !onlyFloatSemantics(ctx, et) {
				return false
			}
		}
	}
	return true
}

// ownSemantics reports whether the values of t itself (not what it holds) have semantic
// equality: a method ending in SemanticEquals.
func ownSemantics(ctx context.Context, t attr.Type) bool {
	vt := reflect.TypeOf(t.ValueType(ctx))
	for _, typ := range []reflect.Type{vt, reflect.PointerTo(vt)} {
		for i := range typ.NumMethod() {
			if strings.HasSuffix(typ.Method(i).Name, "SemanticEquals") {
				return true
			}
		}
	}
	return false
}

// mergeFloats is what the framework's semantic equality makes of a read when the only types with
// semantic equality are Float64: the new value, except that a Float64 number equal as float64 to
// the prior one at the same place keeps the prior one. Lists and maps are walked by index and key,
// like the framework walks them; false where the shortcut cannot be sure (a set, a list that changed
// length, holding Float64 values), and the framework answers.
func mergeFloats(t attr.Type, nv, prior tftypes.Value) (tftypes.Value, bool) {
	if nv.Equal(prior) {
		return prior, true
	}
	if !hasFloat(t) {
		return nv, true
	}
	if nv.IsNull() || prior.IsNull() || !nv.IsKnown() || !prior.IsKnown() {
		return nv, true
	}
	switch x := t.(type) {
	case basetypes.Float64Type:
		var fa, fb big.Float
		if nv.As(&fa) != nil || prior.As(&fb) != nil {
			return nv, false
		}
		va, _ := fa.Float64()
		vb, _ := fb.Float64()
		if va == vb {
			return prior, true
		}
		return nv, true
	case basetypes.ListType:
		var ln, lp []tftypes.Value
		if nv.As(&ln) != nil || prior.As(&lp) != nil || len(ln) != len(lp) {
			return nv, false
		}
		out := make([]tftypes.Value, len(ln))
		for i := range ln {
			v, ok := mergeFloats(x.ElemType, ln[i], lp[i])
			if !ok {
				return nv, false
			}
			out[i] = v
		}
		return tftypes.NewValue(nv.Type(), out), true
	case basetypes.MapType:
		var mn, mp map[string]tftypes.Value
		if nv.As(&mn) != nil || prior.As(&mp) != nil {
			return nv, false
		}
		out := make(map[string]tftypes.Value, len(mn))
		for k, v := range mn {
			out[k] = v
			if pv, ok := mp[k]; ok {
				m, ok := mergeFloats(x.ElemType, v, pv)
				if !ok {
					return nv, false
				}
				out[k] = m
			}
		}
		return tftypes.NewValue(nv.Type(), out), true
	case basetypes.ObjectType:
		var mn, mp map[string]tftypes.Value
		if nv.As(&mn) != nil || prior.As(&mp) != nil {
			return nv, false
		}
		out := make(map[string]tftypes.Value, len(mn))
		for k, v := range mn {
			at, known := x.AttrTypes[k]
			pv, ok := mp[k]
			if !known || !ok {
				return nv, false
			}
			m, ok := mergeFloats(at, v, pv)
			if !ok {
				return nv, false
			}
			out[k] = m
		}
		return tftypes.NewValue(nv.Type(), out), true
	}
	return nv, false // a set, or a type the shortcut does not know, holding Float64 values
}

// hasFloat reports whether t holds a Float64 at any depth.
func hasFloat(t attr.Type) bool {
	switch x := t.(type) {
	case basetypes.Float64Type:
		return true
	case attr.TypeWithElementType:
		return hasFloat(x.ElementType())
	case attr.TypeWithAttributeTypes:
		for _, at := range x.AttributeTypes() {
			if hasFloat(at) {
				return true
			}
		}
	case attr.TypeWithElementTypes:
		for _, et := range x.ElementTypes() {
			if hasFloat(et) {
				return true
			}
		}
	}
	return false
}

// ReadResource reads a resource through the shortcut where it applies (see above); anything else
// goes to the framework.
func (s *server) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	fast, ok := s.readDirect(ctx, req)
	if !ok {
		return s.ProviderServer.ReadResource(ctx, req)
	}
	if !s.verify {
		return fast, nil
	}
	t := s.stateTypes(ctx)[req.TypeName]
	if v, err := fast.NewState.Unmarshal(t.typ); err == nil && v.IsNull() || hasError(fast.Diagnostics) {
		// Gone, or failed: reading it again would ask the API once more (a 404 is never cached),
		// and under injected faults need not fail the same way.
		return fast, nil
	}
	slow, err := s.ProviderServer.ReadResource(ctx, req)
	if err != nil || slow.NewState == nil {
		return slow, err
	}
	d := sameValue("new state", t.typ, fast.NewState, slow.NewState)
	switch {
	case d != "":
	case len(fast.Private) != len(slow.Private):
		d = fmt.Sprintf("private state of %d bytes, framework %d", len(fast.Private), len(slow.Private))
	case diagText(fast.Diagnostics) != diagText(slow.Diagnostics):
		d = fmt.Sprintf("diagnostics %s, framework %s", diagText(fast.Diagnostics), diagText(slow.Diagnostics))
	case slow.Deferred != nil:
		d = "deferral in the framework's answer"
	default:
		d = sameIdentity("new identity", t.identity, fast.NewIdentity, slow.NewIdentity)
	}
	if d != "" {
		slow.Diagnostics = append(slow.Diagnostics, shortcutDiffers("read", req.TypeName, d))
	}
	return slow, nil
}

// readDirect reads a resource through the shortcut, or returns false for the framework to read
// it: before reading, or after a read whose result the framework's semantic equality could change.
func (s *server) readDirect(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, bool) {
	t, ok := s.stateTypes(ctx)[req.TypeName]
	if !ok || t.read == nil || isNull(req.CurrentState) || len(req.Private) > 0 || !isNull(req.ProviderMeta) {
		return nil, false
	}
	current, err := req.CurrentState.Unmarshal(t.typ)
	if err != nil || current.IsNull() {
		return nil, false
	}
	original := current
	current, err = t.blocks.nullify(current)
	if err != nil {
		return nil, false
	}
	r := t.newResource()
	if !s.configure(ctx, r) {
		return nil, false
	}
	readReq := resource.ReadRequest{State: tfsdk.State{Schema: t.schema, Raw: current}}
	readResp := resource.ReadResponse{State: tfsdk.State{Schema: t.schema, Raw: current}}
	if req.ClientCapabilities != nil {
		readReq.ClientCapabilities.DeferralAllowed = req.ClientCapabilities.DeferralAllowed
	}
	var currentIdentity tftypes.Value
	if t.identity != nil {
		currentIdentity = tftypes.NewValue(t.identity, nil)
		if req.CurrentIdentity != nil && req.CurrentIdentity.IdentityData != nil {
			if currentIdentity, err = req.CurrentIdentity.IdentityData.Unmarshal(t.identity); err != nil {
				return nil, false
			}
		}
		readReq.Identity = &tfsdk.ResourceIdentity{Schema: t.identitySchema, Raw: currentIdentity}
		readResp.Identity = &tfsdk.ResourceIdentity{Schema: t.identitySchema, Raw: currentIdentity.Copy()}
	}
	r.Read(ctx, readReq, &readResp)
	var newIdentity *tfprotov6.ResourceIdentityData
	if t.identity != nil {
		ni := readResp.Identity.Raw
		if !readResp.Diagnostics.HasError() && (ni.IsFullyNull() ||
			!t.mutableIdentity && !currentIdentity.IsFullyNull() && !currentIdentity.Equal(ni)) {
			return nil, false // the framework's checks fail: it words the error
		}
		dv, err := tfprotov6.NewDynamicValue(t.identity, ni)
		if err != nil {
			return nil, false
		}
		newIdentity = &tfprotov6.ResourceIdentityData{IdentityData: &dv}
	}
	out := readResp.State.Raw
	if out.Type() == nil {
		out = tftypes.NewValue(t.typ, nil)
	}
	if t.read.writeOnly != nil && !t.read.writeOnly.writeOnlyNull(out) {
		return nil, false // the framework nulls them
	}
	out, err = t.blocks.reify(out)
	// Where the read changed nothing (up to empty blocks, which hold no attribute), semantic
	// equality has nothing to keep.
	if t.read.semantic && !readResp.Diagnostics.HasError() && err == nil && !out.IsNull() && !out.Equal(original) {
		// The framework keeps a prior value where the new one is semantically equal to it. With
		// Float64 alone that is a number equal as float64 (another precision of the same value):
		// mergeFloats does the same.
		if !t.read.floats {
			return nil, false
		}
		merged, ok := mergeFloats(t.read.typ, out, original)
		if !ok {
			return nil, false
		}
		out = merged
	}
	resp := &tfprotov6.ReadResourceResponse{NewIdentity: newIdentity}
	diags, ok := protoDiagnostics(readResp.Diagnostics)
	if !ok {
		diags = append(diags, &tfprotov6.Diagnostic{Severity: tfprotov6.DiagnosticSeverityError, Summary: "Unexpected diagnostic",
			Detail: "The read returned a diagnostic the provider's server cannot convert. This is a bug in the provider."})
	}
	resp.Diagnostics = diags
	if err == nil {
		var dv tfprotov6.DynamicValue
		if dv, err = tfprotov6.NewDynamicValue(t.typ, out); err == nil {
			resp.NewState = &dv
		}
	}
	if err != nil {
		resp.Diagnostics = append(resp.Diagnostics, &tfprotov6.Diagnostic{Severity: tfprotov6.DiagnosticSeverityError,
			Summary: "Unable to convert the state", Detail: "The provider could not encode the state it read: " + err.Error() + ". This is a bug in the provider."})
	}
	tflog.Trace(ctx, "read without the framework's conversions") // tf6server names the resource type
	return resp, true
}

func hasError(ds []*tfprotov6.Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}
