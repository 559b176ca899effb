package apiclient

import (
	"context"
	"fmt"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/unset"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Limits from the API reference (ApiClientDraft).
const (
	MinAccessTokenValidity  = 3600
	MaxAccessTokenValidity  = 604800
	MinRefreshTokenValidity = 30
	MaxRefreshTokenValidity = 31536000
)

// schemaVersion is 1: version 0 is the state the labd/commercetools provider wrote.
const schemaVersion = 1

const docsURL = "https://docs.commercetools.com/api/projects/api-clients"

func resourceSchema(ctx context.Context) schema.Schema {
	return schema.Schema{
		Version: schemaVersion,
		MarkdownDescription: "An [API client](" + docsURL + ") of a commercetools project: OAuth credentials with a fixed set of scopes.\n\n" +
			"The API cannot change a client after it is created, so changing any argument replaces the client (a new `id` and `secret`). " +
			"The `secret` is only returned when the client is created; it is kept in state from then on and is null after an import. " +
			"The provider needs `manage_api_clients:{projectKey}` for this resource (`manage_project` does not include it).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The client id, used as `client_id` when requesting tokens.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name of the API client, shown in the Merchant Center. Must not be empty.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"scope": schema.SetAttribute{
				Required:    true,
				ElementType: types.StringType,
				MarkdownDescription: "The [OAuth scopes](https://docs.commercetools.com/api/scopes) the client may request, each " +
					"`name:projectKey` or `name:projectKey:storeKey`. The value you configure is kept as written: when the API reports " +
					"the scopes in another order or with implied `view_*` scopes added, nothing is replaced (see `granted_scope`).",
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(scopeFormat{}),
				},
				PlanModifiers: []planmodifier.Set{scopeReplace{}},
			},
			"granted_scope": schema.SetAttribute{
				Computed:    true,
				ElementType: types.StringType,
				MarkdownDescription: "The scopes as the API reports them for this client, which may include implied `view_*` " +
					"scopes or differ in order from `scope`. Read-only.",
				PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
			},
			"access_token_validity_seconds": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("Lifetime in seconds of each access token the client obtains, from %d (1 hour) to %d (7 days). "+
					"When unset, the API's default applies (172800, 2 days). Written `accessTokenValiditySeconds` in the HTTP API; "+
					"Terraform attribute names are snake_case.", MinAccessTokenValidity, MaxAccessTokenValidity),
				Validators: []validator.Int64{int64validator.Between(MinAccessTokenValidity, MaxAccessTokenValidity),
					unset.ZeroIsUnset()},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"refresh_token_validity_seconds": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("Inactivity timeout in seconds of the refresh tokens issued to the client, from %d to %d (365 days); "+
					"it restarts each time the refresh token is used. When unset, the API's default applies (17280000, 200 days). "+
					"Written `refreshTokenValiditySeconds` in the HTTP API.", MinRefreshTokenValidity, MaxRefreshTokenValidity),
				Validators: []validator.Int64{int64validator.Between(MinRefreshTokenValidity, MaxRefreshTokenValidity),
					unset.ZeroIsUnset()},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"delete_days_after_creation": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "If set, commercetools deletes the client this many days after it was created (at least 1). " +
					"Terraform then creates it again on the next apply.",
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"keepers": schema.MapAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: "Arbitrary values that, when changed, replace the client and so rotate its secret " +
					"(for example a date to rotate on a schedule). Not sent to the API, so an import cannot read them: after an " +
					"import, the first apply records them without replacing the client.",
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplaceIf(keepersChanged,
					"A change of keepers replaces the client, except when the state has none yet (after an import).",
					"A change of keepers replaces the client, except when the state has none yet (after an import).")},
			},
			"secret": schema.StringAttribute{
				Computed:  true,
				Sensitive: true,
				MarkdownDescription: "The client secret. The API returns it only once, when the client is created; " +
					"it is null for an imported client.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"created_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the client was created (RFC 3339, UTC).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"delete_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When commercetools will delete the client (RFC 3339, UTC); null unless `delete_days_after_creation` is set.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"last_used_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The day (YYYY-MM-DD) the client last obtained an access token; null if never.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Delete: true}),
		},
	}
}
