package versioned

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
)

// The list resources of the shared machinery (see framework.ListResults): every object of a
// family's collection, or of its parents' collection for a child family, imported as
// `terraform import` would.

var (
	_ list.ListResourceWithConfigure = (*Resource[struct{ Common }, *struct{ Common }, struct{}, any])(nil)
	_ list.ListResourceWithConfigure = (*ChildResource[struct{ ChildCommon }, *struct{ ChildCommon }, struct{}, any])(nil)
	_ list.ListResourceWithConfigure = (*SingletonResource[struct{ Common }, *struct{ Common }, struct{}, any])(nil)
)

func listError(summary string, err error, detail func(error) string) list.ListResultsStream {
	var diags diag.Diagnostics
	diags.AddError(summary, detail(err))
	return list.ListResultsStream{Results: list.ListResultsStreamDiagnostics(diags)}
}

// ListResourceConfigSchema: key_prefix and where.
func (r *Resource[M, PM, T, A]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = framework.ListSchema("Lists the "+r.f.Noun+" objects of the project (every page of the collection), for `terraform query`.",
		map[string]listschema.Attribute{
			"key_prefix": framework.KeyPrefixAttribute(r.f.Noun + " objects"),
			"where":      framework.WhereAttribute(r.f.Noun + " objects"),
		})
}

// List lists the family's objects: the whole collection (or those matching where), by id.
func (r *Resource[M, PM, T, A]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	filter, _ := framework.ReadListFilter(ctx, req.Config)
	var all []T
	var err error
	if filter.Where != "" {
		all, err = r.f.Endpoint.Where(ctx, r.Client, filter.Where)
	} else {
		all, err = r.f.Endpoint.All(ctx, r.Client)
	}
	if err != nil {
		*stream = listError("Unable to list "+r.f.Noun+" objects", err, r.detail)
		return
	}
	items := make([]framework.ListItem, 0, len(all))
	for i := range all {
		if r.f.Lists != nil && !r.f.Lists(&all[i]) {
			continue
		}
		meta := r.f.Endpoint.Meta(&all[i])
		if !filter.Matches(meta.Key) {
			continue
		}
		display := meta.Key
		if display == "" {
			display = meta.ID
		}
		items = append(items, framework.ListItem{ImportID: meta.ID, Display: display})
	}
	stream.Results = framework.ListResults(ctx, r, req, items)
}

// ListResourceConfigSchema: key_prefix and where, of the parents.
func (r *ChildResource[M, PM, P, A]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = framework.ListSchema("Lists the "+r.f.Noun+" objects of the project (those of every "+r.f.Parent.Noun+"), for `terraform query`.",
		map[string]listschema.Attribute{
			"key_prefix": framework.KeyPrefixAttribute(r.f.Parent.Noun + " objects (the parents)"),
			"where":      framework.WhereAttribute(r.f.Parent.Noun + " objects (the parents)"),
		})
}

// List lists the children of every parent (or of the parents that match the filters).
func (r *ChildResource[M, PM, P, A]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	filter, _ := framework.ReadListFilter(ctx, req.Config)
	var parents []P
	var err error
	if filter.Where != "" {
		parents, err = r.f.Parent.Where(ctx, r.Client, filter.Where)
	} else {
		parents, err = r.f.Parent.All(ctx, r.Client)
	}
	if err != nil {
		*stream = listError("Unable to list "+r.f.Parent.Noun+" objects", err, r.detail)
		return
	}
	var items []framework.ListItem
	for i := range parents {
		meta := r.f.Parent.Meta(&parents[i])
		if !filter.Matches(meta.Key) || r.f.Children == nil {
			continue
		}
		for _, id := range r.f.Children(&parents[i]) {
			items = append(items, framework.ListItem{ImportID: id, Display: id})
		}
	}
	stream.Results = framework.ListResults(ctx, r, req, items)
}

// ListResourceConfigSchema: no arguments (there is one per project).
func (r *SingletonResource[M, PM, T, A]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = framework.ListSchema("Lists the "+r.f.Noun+" of the project the provider is configured for (one), for `terraform query`.", nil)
}

// List lists the project's singleton.
func (r *SingletonResource[M, PM, T, A]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	key := r.Client.ProjectKey()
	stream.Results = framework.ListResults(ctx, r, req, []framework.ListItem{{ImportID: key, Display: key}})
}
