package apiclient

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/tfmodel"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/scopes"
)

var _ datasource.DataSourceWithConfigure = (*DataSource)(nil)

// DataSource is the commercetools_api_client data source: one existing
// client, looked up by id or by name. It never exposes a secret.
type DataSource struct {
	framework.DataSourceBase
}

// NewDataSource returns the commercetools_api_client data source.
func NewDataSource() datasource.DataSource { return &DataSource{} }

// clientModel is one client as the data sources report it.
type clientModel struct {
	ID                          types.String `tfsdk:"id"`
	Name                        types.String `tfsdk:"name"`
	Scope                       types.Set    `tfsdk:"scope"`
	AccessTokenValiditySeconds  types.Int64  `tfsdk:"access_token_validity_seconds"`
	RefreshTokenValiditySeconds types.Int64  `tfsdk:"refresh_token_validity_seconds"`
	CreatedAt                   types.String `tfsdk:"created_at"`
	DeleteAt                    types.String `tfsdk:"delete_at"`
	LastUsedAt                  types.String `tfsdk:"last_used_at"`
}

func clientModelFromAPI(c *platform.ApiClient) clientModel {
	var m resourceModel
	m.applyAPI(c)
	return clientModel{
		ID:                          m.ID,
		Name:                        m.Name,
		Scope:                       m.GrantedScope,
		AccessTokenValiditySeconds:  m.AccessTokenValiditySeconds,
		RefreshTokenValiditySeconds: m.RefreshTokenValiditySeconds,
		CreatedAt:                   m.CreatedAt,
		DeleteAt:                    m.DeleteAt,
		LastUsedAt:                  m.LastUsedAt,
	}
}

// clientAttributes are the read-only attributes of one client, shared by
// both data sources. lookup makes id and name optional inputs.
func clientAttributes(lookup bool) map[string]schema.Attribute {
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "The client id (its OAuth `client_id`).",
		},
		"name": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "The client's name.",
		},
		"scope": schema.SetAttribute{
			Computed:            true,
			ElementType:         types.StringType,
			MarkdownDescription: "The scopes of the client as the API reports them.",
		},
		"access_token_validity_seconds": schema.Int64Attribute{
			Computed:            true,
			MarkdownDescription: "Access token lifetime in seconds; null when the client uses the API default.",
		},
		"refresh_token_validity_seconds": schema.Int64Attribute{
			Computed:            true,
			MarkdownDescription: "Refresh token inactivity timeout in seconds; null when the client uses the API default.",
		},
		"created_at": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "Creation time of the client (RFC 3339, UTC).",
		},
		"delete_at": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "Scheduled deletion time (RFC 3339, UTC), if the client was created with a deletion delay.",
		},
		"last_used_at": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "Last day (YYYY-MM-DD) the client obtained a token; null if it never did.",
		},
	}
	if lookup {
		attrs["id"] = schema.StringAttribute{
			Optional:            true,
			Computed:            true,
			MarkdownDescription: "The id of the client to look up. Exactly one of `id` and `name` must be set.",
			Validators: []validator.String{
				stringvalidator.LengthAtLeast(1),
				stringvalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
			},
		}
		attrs["name"] = schema.StringAttribute{
			Optional:            true,
			Computed:            true,
			MarkdownDescription: "The name of the client to look up; an error if several clients have this name.",
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		}
	}
	return attrs
}

// Metadata sets the type name.
func (d *DataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_api_client"
}

// Schema describes the data source.
func (d *DataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one existing API client by `id` or by `name`. The secret is never available: " +
			"the API returns it only when a client is created.",
		Attributes: clientAttributes(true),
	}
}

// Read looks the client up.
func (d *DataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if d.Client == nil {
		resp.Diagnostics.Append(framework.NotConfigured())
		return
	}
	var cfg clientModel
	resp.Diagnostics.Append(tfmodel.GetConfig(ctx, req.Config, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var found *platform.ApiClient
	if id := cfg.ID.ValueString(); id != "" {
		c, err := d.Client.GetAPIClient(ctx, id)
		if client.IsNotFound(err) {
			resp.Diagnostics.AddAttributeError(path.Root("id"), "API client not found",
				fmt.Sprintf("No API client with id %q exists in project %q.", id, d.Client.ProjectKey()))
			return
		}
		if err != nil {
			resp.Diagnostics.AddError("Unable to read API client "+id, framework.ErrorDetail(err, d.Client.ProjectKey(), scopeHint))
			return
		}
		found = c
	} else {
		name := cfg.Name.ValueString()
		list, err := d.Client.QueryAPIClients(ctx, []string{"name = " + client.QuotePredicate(name)})
		if err != nil {
			resp.Diagnostics.AddError("Unable to look up API client "+strconv.Quote(name), framework.ErrorDetail(err, d.Client.ProjectKey(), scopeHint))
			return
		}
		switch len(list) {
		case 0:
			resp.Diagnostics.AddAttributeError(path.Root("name"), "API client not found",
				fmt.Sprintf("No API client named %q exists in project %q.", name, d.Client.ProjectKey()))
			return
		case 1:
			found = &list[0]
		default:
			ids := make([]string, len(list))
			for i := range list {
				ids[i] = list[i].ID
			}
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Several API clients have this name",
				fmt.Sprintf("%d API clients are named %q: %s. Look the client up by id instead.", len(list), name, strings.Join(ids, ", ")))
			return
		}
	}
	out := clientModelFromAPI(found)
	resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, &out)...)
}

// ListDataSource is the commercetools_api_clients data source.
type ListDataSource struct {
	framework.DataSourceBase
}

var _ datasource.DataSourceWithConfigure = (*ListDataSource)(nil)

// NewListDataSource returns the commercetools_api_clients data source.
func NewListDataSource() datasource.DataSource { return &ListDataSource{} }

type listModel struct {
	NamePrefix types.String  `tfsdk:"name_prefix"`
	Scope      types.String  `tfsdk:"scope"`
	Clients    []clientModel `tfsdk:"clients"`
}

// Metadata sets the type name.
func (d *ListDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_api_clients"
}

// Schema describes the data source.
func (d *ListDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the API clients of the project, oldest first, optionally filtered. " +
			"Paging through the API happens transparently, so projects with more than 500 clients are listed whole. Secrets are never available.",
		Attributes: map[string]schema.Attribute{
			"name_prefix": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only clients whose name starts with this text.",
			},
			"scope": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Only clients that hold this scope, for example `manage_orders:my-project` " +
					"(a `manage_*` scope also counts as holding its `view_*` scope).",
				Validators: []validator.String{scopeFormat{}},
			},
			"clients": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The matching clients, sorted by creation time.",
				NestedObject:        schema.NestedAttributeObject{Attributes: clientAttributes(false)},
			},
		},
	}
}

// Read lists and filters the clients.
func (d *ListDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if d.Client == nil {
		resp.Diagnostics.Append(framework.NotConfigured())
		return
	}
	var m listModel
	resp.Diagnostics.Append(tfmodel.GetConfig(ctx, req.Config, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	list, err := d.Client.QueryAPIClients(ctx, nil)
	if err != nil {
		resp.Diagnostics.AddError("Unable to list API clients", framework.ErrorDetail(err, d.Client.ProjectKey(), scopeHint))
		return
	}
	prefix, scope := m.NamePrefix.ValueString(), m.Scope.ValueString()
	m.Clients = make([]clientModel, 0, len(list))
	for i := range list {
		c := &list[i]
		if !strings.HasPrefix(c.Name, prefix) {
			continue
		}
		if scope != "" && !scopes.Contains(scopes.Split(c.Scope), scope) {
			continue
		}
		m.Clients = append(m.Clients, clientModelFromAPI(c))
	}
	resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, &m)...)
}
