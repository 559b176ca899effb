package versioned

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	ds "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/tfmodel"
)

// DataSource looks one resource of a family up by key. Its attributes are the resource's, all
// computed, so that a configuration can read anything it could manage; its model is the
// resource's model, filled by the same Flatten.
type DataSource[M any, PM interface {
	*M
	Model
}, T, A any] struct {
	framework.DataSourceBase
	f *Family[M, PM, T, A]
}

// NewDataSource returns the data source constructor of a family: commercetools_<type> by key.
func NewDataSource[M any, PM interface {
	*M
	Model
}, T, A any](f *Family[M, PM, T, A]) func() datasource.DataSource {
	return func() datasource.DataSource { return &DataSource[M, PM, T, A]{f: f} }
}

// Metadata sets the type name.
func (d *DataSource[M, PM, T, A]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.f.TypeName
}

// Schema derives the data source's schema from the resource's.
func (d *DataSource[M, PM, T, A]) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = DataSourceSchema(d.f.Schema(ctx), d.f.Noun)
}

// Read looks the resource up by key with one GET.
func (d *DataSource[M, PM, T, A]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	m := PM(new(M))
	resp.Diagnostics.Append(tfmodel.GetConfig(ctx, req.Config, m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := m.Base().Timeouts.Read(ctx, DefaultReadTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	key := m.Base().Key.ValueString()
	found, err := d.f.Endpoint.Get(ctx, d.Client, client.ByKey(key))
	if client.IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(path.Root("key"), fmt.Sprintf("No %s with key %q", d.f.Noun, key),
			fmt.Sprintf("Project %s has no %s with the key %q. Check the key, or create the %s first.", d.Client.ProjectKey(), d.f.Noun, key, d.f.Noun))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Unable to read %s %q", d.f.Noun, key), framework.ErrorDetail(err, d.Client.ProjectKey(), d.f.Hint))
		return
	}
	resp.Diagnostics.Append(d.f.Flatten(ctx, d.Client, found, m)...)
	meta := d.f.Endpoint.Meta(found)
	m.Base().ID = types.StringValue(meta.ID)
	m.Base().Version = types.Int64Value(meta.Version)
	resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, m)...)
}

// DataSourceSchema turns a resource schema into the schema of a data source that looks the
// resource up by key: key is required, everything else computed (blocks become nested
// attributes), and timeouts holds only read.
func DataSourceSchema(s schema.Schema, noun string) ds.Schema {
	out := ds.Schema{
		MarkdownDescription: fmt.Sprintf("Looks up one %s by its key and exposes every attribute of the %s resource, read-only.", noun, noun),
		Attributes:          map[string]ds.Attribute{},
	}
	for name, a := range s.Attributes {
		out.Attributes[name] = dsAttribute(name, a)
	}
	for name, b := range s.Blocks {
		if name == "timeouts" {
			continue
		}
		out.Attributes[name] = dsBlock(b)
	}
	out.Attributes["key"] = ds.StringAttribute{Required: true, MarkdownDescription: "The key of the " + noun + " to look up."}
	readOnly := types.ObjectType{AttrTypes: map[string]attr.Type{"read": types.StringType}}
	out.Attributes["timeouts"] = ds.SingleNestedAttribute{
		Optional:            true,
		CustomType:          timeouts.Type{ObjectType: readOnly},
		MarkdownDescription: "How long the lookup may take.",
		Attributes: map[string]ds.Attribute{
			"read": ds.StringAttribute{Optional: true, MarkdownDescription: "A duration such as `\"1m\"` (default 2m)."},
		},
	}
	return out
}

func dsAttribute(name string, a schema.Attribute) ds.Attribute {
	desc := a.GetMarkdownDescription()
	switch t := a.(type) {
	case schema.StringAttribute:
		if t.WriteOnly {
			desc = "Always null here: `" + name + "` is write-only in the resource."
		}
		return ds.StringAttribute{Computed: true, Sensitive: t.Sensitive || t.WriteOnly, MarkdownDescription: desc, CustomType: t.CustomType}
	case schema.Int64Attribute:
		return ds.Int64Attribute{Computed: true, Sensitive: t.Sensitive, MarkdownDescription: desc}
	case schema.Float64Attribute:
		return ds.Float64Attribute{Computed: true, Sensitive: t.Sensitive, MarkdownDescription: desc}
	case schema.BoolAttribute:
		return ds.BoolAttribute{Computed: true, Sensitive: t.Sensitive, MarkdownDescription: desc}
	case schema.ListAttribute:
		return ds.ListAttribute{Computed: true, Sensitive: t.Sensitive, ElementType: t.ElementType, MarkdownDescription: desc}
	case schema.SetAttribute:
		return ds.SetAttribute{Computed: true, Sensitive: t.Sensitive, ElementType: t.ElementType, MarkdownDescription: desc}
	case schema.MapAttribute:
		return ds.MapAttribute{Computed: true, Sensitive: t.Sensitive, ElementType: t.ElementType, MarkdownDescription: desc}
	case schema.ListNestedAttribute:
		return ds.ListNestedAttribute{Computed: true, MarkdownDescription: desc, NestedObject: ds.NestedAttributeObject{Attributes: dsAttributes(t.NestedObject.Attributes)}}
	case schema.SingleNestedAttribute:
		return ds.SingleNestedAttribute{Computed: true, MarkdownDescription: desc, Attributes: dsAttributes(t.Attributes)}
	}
	panic(fmt.Sprintf("versioned: no data source form for %T", a))
}

func dsAttributes(in map[string]schema.Attribute) map[string]ds.Attribute {
	out := make(map[string]ds.Attribute, len(in))
	for k, a := range in {
		out[k] = dsAttribute(k, a)
	}
	return out
}

func dsBlock(b schema.Block) ds.Attribute {
	nested := func(o schema.NestedBlockObject) map[string]ds.Attribute {
		attrs := dsAttributes(o.Attributes)
		for k, inner := range o.Blocks {
			attrs[k] = dsBlock(inner)
		}
		return attrs
	}
	switch t := b.(type) {
	case schema.ListNestedBlock:
		return ds.ListNestedAttribute{Computed: true, MarkdownDescription: t.MarkdownDescription, NestedObject: ds.NestedAttributeObject{Attributes: nested(t.NestedObject)}}
	case schema.SetNestedBlock:
		return ds.SetNestedAttribute{Computed: true, MarkdownDescription: t.MarkdownDescription, NestedObject: ds.NestedAttributeObject{Attributes: nested(t.NestedObject)}}
	case schema.SingleNestedBlock:
		return ds.SingleNestedAttribute{Computed: true, MarkdownDescription: t.MarkdownDescription,
			Attributes: nested(schema.NestedBlockObject{Attributes: t.Attributes, Blocks: t.Blocks})}
	}
	panic(fmt.Sprintf("versioned: no data source form for block %T", b))
}
