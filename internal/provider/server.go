package provider

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/tfmodel"
)

// NewServer returns the protocol server of a provider: the plugin framework's, with shortcuts the
// protocol allows where the framework's generic work is provably the identity, so that each answer
// is exactly the framework's: upgrades of state at the current schema version (below), plans of
// unchanged resources and of destroys (plan_shortcut.go), reads (read_shortcut.go) and validations
// of configurations (validate_shortcut.go). Anything
// else goes to the framework. NewVerifyingServer checks every shortcut against the framework.
func NewServer(p provider.Provider) func() (tfprotov6.ProviderServer, error) {
	return newServer(p, false)
}

// NewVerifyingServer is NewServer for tests: every call a shortcut answers also goes to the
// framework, and an answer that differs from the framework's is an error diagnostic naming the
// difference. The acceptance tests run on it, so that each of their plans proves the shortcuts.
func NewVerifyingServer(p provider.Provider) func() (tfprotov6.ProviderServer, error) {
	return newServer(p, true)
}

// ShortcutsVariable turns the protocol shortcuts off when set to "off": every call then takes
// the framework's own path (and models are read and written by the framework's reflection). For a
// user who suspects a shortcut, and for the CI pass that keeps the framework's path green.
const ShortcutsVariable = "COMMERCETOOLS_PROVIDER_SHORTCUTS"

// ShortcutsEnabled reports whether the protocol shortcuts are on (ShortcutsVariable is not "off").
func ShortcutsEnabled() bool {
	return !strings.EqualFold(strings.TrimSpace(os.Getenv(ShortcutsVariable)), "off")
}

func newServer(p provider.Provider, verify bool) func() (tfprotov6.ProviderServer, error) {
	if !ShortcutsEnabled() {
		tfmodel.Off = true
		return providerserver.NewProtocol6WithError(p)
	}
	return shortcutServer(p, verify)
}

// shortcutServer is the server with its shortcuts, whatever ShortcutsVariable says (the shortcuts'
// own tests use it).
func shortcutServer(p provider.Provider, verify bool) func() (tfprotov6.ProviderServer, error) {
	inner := providerserver.NewProtocol6WithError(p)
	return func() (tfprotov6.ProviderServer, error) {
		s, err := inner()
		if err != nil {
			return nil, err
		}
		return &server{ProviderServer: s, provider: p, verify: verify}, nil
	}
}

type server struct {
	tfprotov6.ProviderServer
	provider provider.Provider
	verify   bool
	// client is what the provider's Configure gave the framework as resource data, for the
	// shortcuts that configure a resource as the framework does.
	client atomic.Pointer[client.Client]

	once  sync.Once
	types map[string]stateType // by resource type name
}

// stateType is what the shortcuts know of a resource type.
type stateType struct {
	version     int64
	typ         tftypes.Type
	blocks      blockTree
	newResource func() resource.Resource
	schema      schema.Schema
	// identity is the type of the resource's identity (nil: it has none), identitySchema its
	// schema; mutableIdentity says that the framework lets it change (resource.ResourceBehavior).
	identity        tftypes.Type
	identitySchema  identityschema.Schema
	mutableIdentity bool

	plan       *planShortcut // nil: plans of unchanged resources go to the framework
	noShortcut string        // why
	read       *readShortcut // nil: reads go to the framework
	noRead     string        // why
	// destroy says that the plan of a destroy may be answered without the framework.
	destroy bool
	// validate is what the validation shortcut walks (validate_shortcut.go); nil: validation goes
	// to the framework, because of noValidate.
	validate   []*vNode
	noValidate string
}

// blockTree holds the nested blocks of a schema by name: list and set blocks are collections,
// which the framework never returns null (a block absent from the stored JSON becomes empty).
type blockTree map[string]*blockNode

type blockNode struct {
	collection bool
	children   blockTree
}

func treeOf(b *tfprotov6.SchemaBlock) blockTree {
	if b == nil || len(b.BlockTypes) == 0 {
		return nil
	}
	t := blockTree{}
	for _, nb := range b.BlockTypes {
		t[nb.TypeName] = &blockNode{
			collection: nb.Nesting == tfprotov6.SchemaNestedBlockNestingModeList || nb.Nesting == tfprotov6.SchemaNestedBlockNestingModeSet,
			children:   treeOf(nb.Block),
		}
	}
	return t
}

// reify turns null list and set blocks into empty ones, as the framework does for every state it
// returns (toproto6.DynamicValue, which transforms the whole value).
func (t blockTree) reify(v tftypes.Value) (tftypes.Value, error) {
	nv, _, err := t.rewrite(v, func(v tftypes.Value, _ int) (tftypes.Value, bool) {
		if v.IsNull() {
			return tftypes.NewValue(v.Type(), []tftypes.Value{}), true
		}
		return v, false
	})
	return nv, err
}

// nullify turns empty list and set blocks into null ones, as the framework does for every state,
// plan and configuration it receives (fromproto6.DynamicValue).
func (t blockTree) nullify(v tftypes.Value) (tftypes.Value, error) {
	nv, _, err := t.rewrite(v, func(v tftypes.Value, n int) (tftypes.Value, bool) {
		if n == 0 && !v.IsNull() && v.IsFullyKnown() {
			return tftypes.NewValue(v.Type(), nil), true
		}
		return v, false
	})
	return nv, err
}

// collectionRule rewrites a list or set block's value, given its number of elements (after its
// elements were rewritten); changed says whether it made a new value.
type collectionRule func(v tftypes.Value, elements int) (nv tftypes.Value, changed bool)

// rewrite applies rule to every list and set block of an object, at any depth and after their
// elements (as tftypes.Transform, which the framework uses, visits them). It descends only into
// blocks, and rebuilds only the values that change.
func (t blockTree) rewrite(v tftypes.Value, rule collectionRule) (tftypes.Value, bool, error) {
	if t == nil || v.IsNull() || !v.IsKnown() {
		return v, false, nil
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		return v, false, err
	}
	var out map[string]tftypes.Value // a copy, made on the first change: As shares v's map
	for name, node := range t {
		av, ok := attrs[name]
		if !ok {
			continue
		}
		nv, changed, err := node.rewrite(av, rule)
		if err != nil {
			return v, false, err
		}
		if !changed {
			continue
		}
		if out == nil {
			out = make(map[string]tftypes.Value, len(attrs))
			for k, e := range attrs {
				out[k] = e
			}
		}
		out[name] = nv
	}
	if out == nil {
		return v, false, nil
	}
	return tftypes.NewValue(v.Type(), out), true, nil
}

func (n *blockNode) rewrite(v tftypes.Value, rule collectionRule) (tftypes.Value, bool, error) {
	if !n.collection {
		return n.children.rewrite(v, rule)
	}
	if v.IsNull() || !v.IsKnown() {
		nv, changed := rule(v, 0)
		return nv, changed, nil
	}
	var elems []tftypes.Value
	if err := v.As(&elems); err != nil {
		return v, false, err
	}
	var out []tftypes.Value
	for i, e := range elems {
		ne, changed, err := n.children.rewrite(e, rule)
		if err != nil {
			return v, false, err
		}
		if out == nil && !changed {
			continue
		}
		if out == nil {
			out = append(make([]tftypes.Value, 0, len(elems)), elems[:i]...)
		}
		out = append(out, ne)
	}
	changed := out != nil
	if changed {
		v = tftypes.NewValue(v.Type(), out)
	}
	nv, ruled := rule(v, len(elems))
	return nv, changed || ruled, nil
}

// upgradeOpts are the framework's options for reading stored state: attributes the schema no
// longer has are left out.
var upgradeOpts = tfprotov6.UnmarshalOpts{ValueFromJSONOpts: tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: true}}

func (s *server) stateTypes(ctx context.Context) map[string]stateType {
	s.once.Do(func() {
		var meta provider.MetadataResponse
		s.provider.Metadata(ctx, provider.MetadataRequest{}, &meta)
		s.types = map[string]stateType{}
		schemas, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
		if err != nil || schemas == nil {
			return // no shortcut: every upgrade goes to the framework
		}
		for _, newResource := range s.provider.Resources(ctx) {
			r := newResource()
			var md resource.MetadataResponse
			r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &md)
			var sr resource.SchemaResponse
			r.Schema(ctx, resource.SchemaRequest{}, &sr)
			if sr.Diagnostics.HasError() {
				continue // the framework reports it
			}
			ps, ok := schemas.ResourceSchemas[md.TypeName]
			if !ok {
				continue
			}
			st := stateType{version: sr.Schema.GetVersion(), typ: sr.Schema.Type().TerraformType(ctx), blocks: treeOf(ps.Block),
				newResource: newResource, schema: sr.Schema, mutableIdentity: md.ResourceBehavior.MutableIdentity}
			if ri, ok := r.(resource.ResourceWithIdentity); ok {
				var ir resource.IdentitySchemaResponse
				ri.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &ir)
				if ir.Diagnostics.HasError() {
					continue // the framework reports it
				}
				st.identitySchema = ir.IdentitySchema
				st.identity = ir.IdentitySchema.Type().TerraformType(ctx)
			}
			if _, ours := s.provider.(*commercetoolsProvider); ours { // the shortcuts need its client
				if sc, why := shortcutFor(ctx, r, sr.Schema); why == "" {
					st.plan = &sc
				} else {
					st.noShortcut = why
				}
				if rs, why := readShortcutFor(ctx, r, sr.Schema); why == "" {
					st.read = &rs
				} else {
					st.noRead = why
				}
				st.destroy = destroyPlanned(r)
				if vs, why := validateShortcutFor(sr.Schema); why == "" {
					st.validate = vs
				} else {
					st.noValidate = why
				}
			}
			s.types[md.TypeName] = st
		}
	})
	return s.types
}

// UpgradeResourceState passes a state of the current schema version through; anything else
// goes to the framework.
func (s *server) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	if req == nil || req.RawState == nil || req.RawState.JSON == nil {
		return s.ProviderServer.UpgradeResourceState(ctx, req)
	}
	t, ok := s.stateTypes(ctx)[req.TypeName]
	if !ok || req.Version != t.version {
		return s.ProviderServer.UpgradeResourceState(ctx, req)
	}
	v, err := decodeState(req.RawState.JSON, t.typ)
	if err != nil {
		v, err = req.RawState.UnmarshalWithOpts(t.typ, upgradeOpts)
	}
	if err == nil {
		v, err = t.blocks.reify(v)
	}
	if err != nil {
		// The framework words this error for the user.
		return s.ProviderServer.UpgradeResourceState(ctx, req)
	}
	dv, err := tfprotov6.NewDynamicValue(t.typ, v)
	if err != nil {
		return s.ProviderServer.UpgradeResourceState(ctx, req)
	}
	fast := &tfprotov6.UpgradeResourceStateResponse{UpgradedState: &dv}
	if !s.verify {
		tflog.Trace(ctx, "stored state has the current schema version: passed through") // tf6server names the resource type
		return fast, nil
	}
	slow, err := s.ProviderServer.UpgradeResourceState(ctx, req)
	if err != nil || slow.UpgradedState == nil {
		return slow, err
	}
	if d := sameValue("upgraded state", t.typ, fast.UpgradedState, slow.UpgradedState); d != "" || len(slow.Diagnostics) > 0 {
		slow.Diagnostics = append(slow.Diagnostics, shortcutDiffers("upgrade", req.TypeName, d+diagText(slow.Diagnostics)))
	}
	return slow, nil
}

// PlanResourceChange answers the plan of an unchanged resource itself where that is exactly the
// framework's answer (plan_shortcut.go); anything else goes to the framework.
func (s *server) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	fast, ok := s.planUnchanged(ctx, req)
	if !ok {
		fast, ok = s.planDestroy(ctx, req)
	}
	if !ok {
		return s.ProviderServer.PlanResourceChange(ctx, req)
	}
	if !s.verify {
		tflog.Trace(ctx, "planned without the framework (unchanged or destroyed)") // tf6server names the resource type
		return fast, nil
	}
	slow, err := s.ProviderServer.PlanResourceChange(ctx, req)
	if err != nil || slow.PlannedState == nil {
		return slow, err
	}
	if d := samePlan(s.stateTypes(ctx)[req.TypeName], fast, slow); d != "" {
		slow.Diagnostics = append(slow.Diagnostics, shortcutDiffers("plan", req.TypeName, d))
	}
	return slow, nil
}

// ConfigureProvider configures the provider through the framework and keeps the client it
// builds (see configuredKey).
func (s *server) ConfigureProvider(ctx context.Context, req *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	return s.ProviderServer.ConfigureProvider(context.WithValue(ctx, configuredKey{}, &s.client), req)
}

// resourceData is the provider's data for resources, as the framework configures them: nil
// before the provider is configured.
func (s *server) resourceData() any {
	if c := s.client.Load(); c != nil {
		return c
	}
	return nil
}

// configure configures a resource as the framework does before each call; false when that fails
// (the framework then answers, and reports it).
func (s *server) configure(ctx context.Context, r resource.Resource) bool {
	c, ok := r.(resource.ResourceWithConfigure)
	if !ok {
		return true
	}
	var resp resource.ConfigureResponse
	c.Configure(ctx, resource.ConfigureRequest{ProviderData: s.resourceData()}, &resp)
	return !resp.Diagnostics.HasError()
}

// msgpackNull is a null value in msgpack.
var msgpackNull = []byte{0xc0}

// isNull reports whether a value Terraform sent is absent or null.
func isNull(dv *tfprotov6.DynamicValue) bool {
	return dv == nil || len(dv.MsgPack) == 0 && len(dv.JSON) == 0 || bytes.Equal(dv.MsgPack, msgpackNull)
}

// sameValue compares the values of two answers; it returns "" or which top-level attributes
// differ (never the values: states hold secrets).
func sameValue(what string, typ tftypes.Type, a, b *tfprotov6.DynamicValue) string {
	va, errA := a.Unmarshal(typ)
	vb, errB := b.Unmarshal(typ)
	if errA != nil || errB != nil {
		return fmt.Sprintf("%s unreadable: %v, %v", what, errA, errB)
	}
	if va.Equal(vb) {
		return ""
	}
	return fmt.Sprintf("%s differs in %s", what, strings.Join(tfmodel.DifferingAttributes(va, vb), ", "))
}

// sameIdentity compares two identities (nil for none) of an identity type (nil: the resource has
// none); it returns what differs.
func sameIdentity(what string, typ tftypes.Type, a, b *tfprotov6.ResourceIdentityData) string {
	switch {
	case a == nil && b == nil:
		return ""
	case a == nil || b == nil || a.IdentityData == nil || b.IdentityData == nil || typ == nil:
		return fmt.Sprintf("%s %v, framework %v", what, a != nil, b != nil)
	}
	return sameValue(what, typ, a.IdentityData, b.IdentityData)
}

func shortcutDiffers(call, typeName, what string) *tfprotov6.Diagnostic {
	return &tfprotov6.Diagnostic{Severity: tfprotov6.DiagnosticSeverityError,
		Summary: "Provider shortcut differs from the framework",
		Detail:  fmt.Sprintf("The %s shortcut of %s answered differently from terraform-plugin-framework: %s. This is a bug in the provider.", call, typeName, what)}
}

// The list resource RPCs (`terraform query`) are an optional interface of terraform-plugin-go
// (tfprotov6.ListResourceServer), which embedding the ProviderServer does not carry
// over: they are passed to the framework as they are.
var _ tfprotov6.ListResourceServer = (*server)(nil)

// ValidateListResourceConfig goes to the framework.
func (s *server) ValidateListResourceConfig(ctx context.Context, req *tfprotov6.ValidateListResourceConfigRequest) (*tfprotov6.ValidateListResourceConfigResponse, error) {
	ls, ok := s.ProviderServer.(tfprotov6.ListResourceServer)
	if !ok {
		return nil, fmt.Errorf("the framework's server has no list resources")
	}
	return ls.ValidateListResourceConfig(ctx, req)
}

// ListResource goes to the framework.
func (s *server) ListResource(ctx context.Context, req *tfprotov6.ListResourceRequest) (*tfprotov6.ListResourceServerStream, error) {
	ls, ok := s.ProviderServer.(tfprotov6.ListResourceServer)
	if !ok {
		return nil, fmt.Errorf("the framework's server has no list resources")
	}
	return ls.ListResource(ctx, req)
}
