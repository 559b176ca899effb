package provider

import (
	"context"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// NewServer returns the protocol server of a provider: the plugin framework's, with one
// shortcut the protocol allows. Terraform asks to upgrade every resource's stored state before
// each plan, also when the state already has the current schema version; the framework then
// decodes the stored JSON with the resource's type and encodes it again, but first builds the
// resource, its configure data, a logging context and the schema's type for every call. The
// shortcut does exactly that decoding and encoding, with the type built once per process
// (TestUpgradeShortcutMatchesFramework compares both on the state of every resource type).
// Older versions, and the flatmap state of Terraform 0.11, go to the framework's upgraders.
func NewServer(p provider.Provider) func() (tfprotov6.ProviderServer, error) {
	inner := providerserver.NewProtocol6WithError(p)
	return func() (tfprotov6.ProviderServer, error) {
		s, err := inner()
		if err != nil {
			return nil, err
		}
		return &server{ProviderServer: s, provider: p}, nil
	}
}

type server struct {
	tfprotov6.ProviderServer
	provider provider.Provider

	once  sync.Once
	types map[string]stateType // by resource type name
}

// stateType is what an upgrade needs of a resource type.
type stateType struct {
	version int64
	typ     tftypes.Type
	blocks  blockTree
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

// collectionBlock reports whether an attribute path (element steps aside) names a list or set
// block.
func (t blockTree) collectionBlock(p *tftypes.AttributePath) bool {
	var node *blockNode
	tree := t
	for _, step := range p.Steps() {
		name, ok := step.(tftypes.AttributeName)
		if !ok {
			continue // an element of a block
		}
		if tree == nil {
			return false
		}
		if node = tree[string(name)]; node == nil {
			return false
		}
		tree = node.children
	}
	return node != nil && node.collection
}

// reify turns null list and set blocks into empty ones, as the framework does for every state it
// returns (toproto6.DynamicValue).
func (t blockTree) reify(v tftypes.Value) (tftypes.Value, error) {
	if t == nil {
		return v, nil
	}
	return tftypes.Transform(v, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if len(p.Steps()) == 0 || !v.IsNull() || !t.collectionBlock(p) {
			return v, nil
		}
		return tftypes.NewValue(v.Type(), []tftypes.Value{}), nil
	})
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
			s.types[md.TypeName] = stateType{version: sr.Schema.GetVersion(), typ: sr.Schema.Type().TerraformType(ctx), blocks: treeOf(ps.Block)}
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
	v, err := req.RawState.UnmarshalWithOpts(t.typ, upgradeOpts)
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
	tflog.Trace(ctx, "stored state has the current schema version: passed through", map[string]any{"tf_resource_type": req.TypeName})
	return &tfprotov6.UpgradeResourceStateResponse{UpgradedState: &dv}, nil
}
