package framework

import (
	"context"
	"iter"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// List resources (Terraform 1.14+: `list` blocks in .tfquery.hcl files, `terraform query`).
//
// Every resource type can be listed. A list resource finds the objects (from the client's shared
// listings: one request per 500 objects, which the reads that follow then use), and turns each
// into a result the way `terraform import` does: the resource's own ImportState with the
// object's import id, then its own Read. A listed object therefore holds exactly what an import
// stores, and `terraform query -generate-config-out` writes the configuration an import plans
// nothing for.

// ListItem is one object a list resource found.
type ListItem struct {
	// ImportID is what `terraform import` takes for the object.
	ImportID string
	// Display names it in `terraform query`'s output.
	Display string
}

// ImportReader is a resource that can be imported.
type ImportReader interface {
	resource.Resource
	resource.ResourceWithImportState
}

// ListFilter is the configuration shared by list resources: which objects to list.
type ListFilter struct {
	KeyPrefix string
	Where     string
}

// KeyPrefixAttribute is the key_prefix argument of a list resource.
func KeyPrefixAttribute(what string) listschema.StringAttribute {
	return listschema.StringAttribute{Optional: true,
		MarkdownDescription: "List only the " + what + " whose key starts with this text (case-sensitive). Objects without a key are left out when it is set."}
}

// WhereAttribute is the where argument of a list resource (a commercetools query predicate).
func WhereAttribute(what string) listschema.StringAttribute {
	return listschema.StringAttribute{Optional: true,
		MarkdownDescription: "A commercetools [query predicate](https://docs.commercetools.com/api/predicates/query) that the " + what +
			" must match, for example `createdAt > \"2026-01-01T00:00:00.000Z\"`. The API evaluates it."}
}

// ReadListFilter reads key_prefix and where (each optional, absent from a schema that lacks it).
func ReadListFilter(ctx context.Context, config tfsdk.Config) (ListFilter, diag.Diagnostics) {
	var f ListFilter
	var attrs map[string]tftypes.Value
	if config.Raw.IsNull() || config.Raw.As(&attrs) != nil {
		return f, nil
	}
	str := func(name string) string {
		var s string
		if v, ok := attrs[name]; ok && v.IsKnown() && !v.IsNull() {
			_ = v.As(&s)
		}
		return s
	}
	f.KeyPrefix, f.Where = str("key_prefix"), str("where")
	return f, nil
}

// Matches reports whether a key passes the key_prefix filter.
func (f ListFilter) Matches(key string) bool {
	return f.KeyPrefix == "" || key != "" && strings.HasPrefix(key, f.KeyPrefix)
}

// ListResults returns the stream of a list resource: for each item, the result of importing it
// (r's ImportState, then its Read). At most req.Limit results (0: no limit). Objects that a read
// finds gone meanwhile are left out; a failed import or read ends the stream with its error.
func ListResults(ctx context.Context, r ImportReader, req list.ListRequest, items []ListItem) iter.Seq[list.ListResult] {
	return func(push func(list.ListResult) bool) {
		sent := int64(0)
		for _, it := range items {
			if req.Limit > 0 && sent >= req.Limit {
				return
			}
			res, ok := importOne(ctx, r, req, it)
			if !ok {
				continue
			}
			if !push(res) || res.Diagnostics.HasError() {
				return
			}
			sent++
		}
	}
}

// importOne imports one object as `terraform import` would; false when it no longer exists.
func importOne(ctx context.Context, r ImportReader, req list.ListRequest, it ListItem) (list.ListResult, bool) {
	res := req.NewListResult(ctx)
	res.DisplayName = it.Display
	stateType := req.ResourceSchema.Type().TerraformType(ctx)
	identityType := req.ResourceIdentitySchema.Type().TerraformType(ctx)

	ir := resource.ImportStateResponse{
		State:    tfsdk.State{Schema: req.ResourceSchema, Raw: tftypes.NewValue(stateType, nil)},
		Identity: &tfsdk.ResourceIdentity{Schema: req.ResourceIdentitySchema, Raw: tftypes.NewValue(identityType, nil)},
	}
	newPrivate(&ir.Private)
	r.ImportState(ctx, resource.ImportStateRequest{ID: it.ImportID}, &ir)
	if ir.Diagnostics.HasError() {
		res.Diagnostics = ir.Diagnostics
		return res, true
	}
	rr := resource.ReadResponse{State: ir.State, Private: ir.Private,
		Identity: &tfsdk.ResourceIdentity{Schema: req.ResourceIdentitySchema, Raw: ir.Identity.Raw.Copy()}}
	r.Read(ctx, resource.ReadRequest{State: ir.State, Private: ir.Private, Identity: ir.Identity}, &rr)
	res.Diagnostics.Append(ir.Diagnostics...)
	if rr.Diagnostics.HasError() {
		res.Diagnostics.Append(rr.Diagnostics...)
		return res, true
	}
	if rr.State.Raw.IsNull() {
		return res, false // deleted since it was listed
	}
	res.Diagnostics.Append(rr.Diagnostics...)
	res.Identity = rr.Identity
	if req.IncludeResource {
		res.Resource = &tfsdk.Resource{Schema: req.ResourceSchema, Raw: rr.State.Raw}
	}
	return res, true
}

// newPrivate gives an import response the empty private state the framework would give it: the
// type lives in an internal package of the framework, so it is made by reflection.
func newPrivate(p any) {
	v := reflect.ValueOf(p).Elem()
	if v.Kind() == reflect.Pointer && v.IsNil() {
		v.Set(reflect.New(v.Type().Elem()))
	}
}

// ListSchema is the schema of a list resource with the given arguments.
func ListSchema(description string, attrs map[string]listschema.Attribute) listschema.Schema {
	return listschema.Schema{MarkdownDescription: description, Attributes: attrs}
}
