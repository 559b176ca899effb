package apiclient

import (
	"context"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/tfmodel"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// resourceModelV0 is the state the labd/commercetools provider (up to at
// least v1.22.2) wrote for commercetools_api_client. It stored an unset token
// validity as 0.
type resourceModelV0 struct {
	ID                          types.String `tfsdk:"id"`
	Name                        types.String `tfsdk:"name"`
	Scope                       types.Set    `tfsdk:"scope"`
	Secret                      types.String `tfsdk:"secret"`
	AccessTokenValiditySeconds  types.Int64  `tfsdk:"access_token_validity_seconds"`
	RefreshTokenValiditySeconds types.Int64  `tfsdk:"refresh_token_validity_seconds"`
}

func schemaV0() *schema.Schema {
	return &schema.Schema{
		Attributes: map[string]schema.Attribute{
			"id":                             schema.StringAttribute{Computed: true},
			"name":                           schema.StringAttribute{Required: true},
			"scope":                          schema.SetAttribute{Required: true, ElementType: types.StringType},
			"secret":                         schema.StringAttribute{Computed: true, Sensitive: true},
			"access_token_validity_seconds":  schema.Int64Attribute{Optional: true},
			"refresh_token_validity_seconds": schema.Int64Attribute{Optional: true},
		},
	}
}

// UpgradeState moves state written by the labd/commercetools provider to this
// schema: 0 validities become null and the new read-only attributes are left
// null for the next refresh to fill.
func (r *Resource) UpgradeState(context.Context) map[int64]resource.StateUpgrader {
	return map[int64]resource.StateUpgrader{
		0: {PriorSchema: schemaV0(), StateUpgrader: upgradeV0},
	}
}

func upgradeV0(ctx context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
	var old resourceModelV0
	resp.Diagnostics.Append(tfmodel.GetState(ctx, *req.State, &old)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, upgradeModelV0(old))...)
}

func upgradeModelV0(old resourceModelV0) resourceModel {
	zeroIsNull := func(v types.Int64) types.Int64 {
		if v.IsNull() || v.IsUnknown() || v.ValueInt64() == 0 {
			return types.Int64Null()
		}
		return v
	}
	secret := old.Secret
	if secret.IsUnknown() || secret.ValueString() == "" {
		secret = types.StringNull()
	}
	return resourceModel{
		ID:                          old.ID,
		Name:                        old.Name,
		Scope:                       old.Scope,
		GrantedScope:                types.SetNull(types.StringType),
		AccessTokenValiditySeconds:  zeroIsNull(old.AccessTokenValiditySeconds),
		RefreshTokenValiditySeconds: zeroIsNull(old.RefreshTokenValiditySeconds),
		DeleteDaysAfterCreation:     types.Int64Null(),
		Keepers:                     types.MapNull(types.StringType),
		Secret:                      secret,
		CreatedAt:                   types.StringNull(),
		DeleteAt:                    types.StringNull(),
		LastUsedAt:                  types.StringNull(),
		Timeouts:                    timeouts.Value{Object: types.ObjectNull(timeoutAttrTypes)},
	}
}

var timeoutAttrTypes = map[string]attr.Type{
	"create": types.StringType,
	"read":   types.StringType,
	"delete": types.StringType,
}
