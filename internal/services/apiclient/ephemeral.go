package apiclient

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/tfmodel"
)

var (
	_ ephemeral.EphemeralResourceWithConfigure = (*EphemeralResource)(nil)
	_ ephemeral.EphemeralResourceWithClose     = (*EphemeralResource)(nil)
)

// privateKeyID is the key under which Open leaves the client id for Close.
const privateKeyID = "api_client_id"

// EphemeralResource is the ephemeral commercetools_api_client: a client that
// exists for one Terraform run and is never written to state or plan.
type EphemeralResource struct {
	framework.EphemeralBase
}

// NewEphemeralResource returns the ephemeral commercetools_api_client.
func NewEphemeralResource() ephemeral.EphemeralResource { return &EphemeralResource{} }

type ephemeralModel struct {
	Name                        types.String `tfsdk:"name"`
	Scope                       types.Set    `tfsdk:"scope"`
	AccessTokenValiditySeconds  types.Int64  `tfsdk:"access_token_validity_seconds"`
	RefreshTokenValiditySeconds types.Int64  `tfsdk:"refresh_token_validity_seconds"`
	DeleteDaysAfterCreation     types.Int64  `tfsdk:"delete_days_after_creation"`
	ID                          types.String `tfsdk:"id"`
	Secret                      types.String `tfsdk:"secret"`
	CreatedAt                   types.String `tfsdk:"created_at"`
}

// Metadata sets the type name.
func (e *EphemeralResource) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_api_client"
}

// Schema describes the ephemeral resource.
func (e *EphemeralResource) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Creates an API client when Terraform opens it and deletes it when Terraform closes it, " +
			"at the end of the run: short-lived credentials (for example to configure another provider) that are never " +
			"written to state or plan. Needs Terraform 1.10 or OpenTofu 1.11 or later.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name of the temporary client.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"scope": schema.SetAttribute{
				Required:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "Scopes of the temporary client, each `name:projectKey` or `name:projectKey:storeKey`.",
				Validators:          []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(scopeFormat{})},
			},
			"access_token_validity_seconds": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: fmt.Sprintf("Access token lifetime of the temporary client, %d to %d seconds.", MinAccessTokenValidity, MaxAccessTokenValidity),
				Validators:          []validator.Int64{int64validator.Between(MinAccessTokenValidity, MaxAccessTokenValidity)},
			},
			"refresh_token_validity_seconds": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: fmt.Sprintf("Refresh token inactivity timeout of the temporary client, %d to %d seconds.", MinRefreshTokenValidity, MaxRefreshTokenValidity),
				Validators:          []validator.Int64{int64validator.Between(MinRefreshTokenValidity, MaxRefreshTokenValidity)},
			},
			"delete_days_after_creation": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Safety net: commercetools deletes the client after this many days even if Terraform " +
					"never closes it (for example when a run is killed). At least 1; 1 is a good choice.",
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The temporary client's id (`client_id`).",
			},
			"secret": schema.StringAttribute{
				Computed:            true,
				Sensitive:           true,
				MarkdownDescription: "The temporary client's secret (`client_secret`).",
			},
			"created_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the temporary client was created (RFC 3339, UTC).",
			},
		},
	}
}

// Open creates the client and keeps only its id in private data for Close.
func (e *EphemeralResource) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	if e.Client == nil {
		resp.Diagnostics.Append(framework.NotConfigured())
		return
	}
	var m ephemeralModel
	resp.Diagnostics.Append(tfmodel.GetConfig(ctx, req.Config, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	rm := resourceModel{
		Name: m.Name, Scope: m.Scope, AccessTokenValiditySeconds: m.AccessTokenValiditySeconds,
		RefreshTokenValiditySeconds: m.RefreshTokenValiditySeconds, DeleteDaysAfterCreation: m.DeleteDaysAfterCreation,
	}
	draft, diags := rm.draft(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := e.Client.CreateAPIClient(ctx, draft)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Unable to create temporary API client %q", draft.Name),
			framework.ErrorDetail(err, e.Client.ProjectKey(), scopeHint))
		return
	}
	idJSON, err := json.Marshal(created.ID)
	if err != nil {
		resp.Diagnostics.AddError("Unable to remember the temporary API client", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateKeyID, idJSON)...)
	m.ID = types.StringValue(created.ID)
	m.Secret = types.StringPointerValue(created.Secret)
	m.CreatedAt = flex.Time(created.CreatedAt)
	resp.Diagnostics.Append(resp.Result.Set(ctx, &m)...)
}

// Close deletes the client; one that is already gone counts as deleted.
func (e *EphemeralResource) Close(ctx context.Context, req ephemeral.CloseRequest, resp *ephemeral.CloseResponse) {
	if e.Client == nil {
		resp.Diagnostics.Append(framework.NotConfigured())
		return
	}
	raw, diags := req.Private.GetKey(ctx, privateKeyID)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() || raw == nil {
		return
	}
	var id string
	if err := json.Unmarshal(raw, &id); err != nil || id == "" {
		resp.Diagnostics.AddError("Unable to delete the temporary API client", "Its id was not kept. This is a bug in the provider; please report it.")
		return
	}
	if _, err := e.Client.DeleteAPIClient(ctx, id); err != nil && !client.IsNotFound(err) {
		resp.Diagnostics.AddError("Unable to delete temporary API client "+id, framework.ErrorDetail(err, e.Client.ProjectKey(), scopeHint))
	}
}

// AccessTokenEphemeralResource is commercetools_access_token: an access token
// obtained with the client credentials flow, never written to state or plan.
type AccessTokenEphemeralResource struct {
	framework.EphemeralBase
}

var _ ephemeral.EphemeralResourceWithConfigure = (*AccessTokenEphemeralResource)(nil)

// NewAccessTokenEphemeralResource returns the commercetools_access_token ephemeral resource.
func NewAccessTokenEphemeralResource() ephemeral.EphemeralResource {
	return &AccessTokenEphemeralResource{}
}

type accessTokenModel struct {
	ClientID     types.String `tfsdk:"client_id"`
	ClientSecret types.String `tfsdk:"client_secret"`
	Scopes       types.Set    `tfsdk:"scopes"`
	AccessToken  types.String `tfsdk:"access_token"`
	ExpiresAt    types.String `tfsdk:"expires_at"`
	Scope        types.Set    `tfsdk:"scope"`
}

// Metadata sets the type name.
func (e *AccessTokenEphemeralResource) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_access_token"
}

// Schema describes the ephemeral resource.
func (e *AccessTokenEphemeralResource) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Exchanges a client id and secret for an access token at the provider's token endpoint " +
			"(client credentials flow). The token is never written to state or plan. Needs Terraform 1.10 or OpenTofu 1.11 or later.",
		Attributes: map[string]schema.Attribute{
			"client_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Id of the API client whose token to obtain.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"client_secret": schema.StringAttribute{
				Required:            true,
				Sensitive:           true,
				MarkdownDescription: "Secret of that API client.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"scopes": schema.SetAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: "Scopes to request; they must be held by the client. When omitted the token gets every " +
					"scope of the client.",
				Validators: []validator.Set{setvalidator.ValueStringsAre(scopeFormat{})},
			},
			"access_token": schema.StringAttribute{
				Computed:            true,
				Sensitive:           true,
				MarkdownDescription: "The bearer token to send as `Authorization: Bearer …`.",
			},
			"expires_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the token expires (RFC 3339, UTC).",
			},
			"scope": schema.SetAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "The scopes the token was granted, including implied `view_*` scopes.",
			},
		},
	}
}

// Open obtains the token.
func (e *AccessTokenEphemeralResource) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	if e.Client == nil {
		resp.Diagnostics.Append(framework.NotConfigured())
		return
	}
	var m accessTokenModel
	resp.Diagnostics.Append(tfmodel.GetConfig(ctx, req.Config, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var requested []string
	if !m.Scopes.IsNull() {
		resp.Diagnostics.Append(m.Scopes.ElementsAs(ctx, &requested, false)...)
		sort.Strings(requested)
	}
	tok, err := e.Client.ExchangeToken(ctx, m.ClientID.ValueString(), m.ClientSecret.ValueString(), requested)
	if err != nil {
		resp.Diagnostics.AddError("Unable to obtain an access token for client "+m.ClientID.ValueString(), err.Error())
		return
	}
	m.AccessToken = types.StringValue(tok.AccessToken)
	m.ExpiresAt = types.StringValue(tok.ExpiresAt.UTC().Format(time.RFC3339))
	m.Scope = flex.StringSet(tok.Scopes)
	resp.Diagnostics.Append(resp.Result.Set(ctx, &m)...)
}
