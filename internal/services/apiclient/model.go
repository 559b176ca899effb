package apiclient

import (
	"context"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/scopes"
)

// resourceModel is the state of commercetools_api_client (schema version 1).
type resourceModel struct {
	ID                          types.String   `tfsdk:"id"`
	Name                        types.String   `tfsdk:"name"`
	Scope                       types.Set      `tfsdk:"scope"`
	GrantedScope                types.Set      `tfsdk:"granted_scope"`
	AccessTokenValiditySeconds  types.Int64    `tfsdk:"access_token_validity_seconds"`
	RefreshTokenValiditySeconds types.Int64    `tfsdk:"refresh_token_validity_seconds"`
	DeleteDaysAfterCreation     types.Int64    `tfsdk:"delete_days_after_creation"`
	Keepers                     types.Map      `tfsdk:"keepers"`
	Secret                      types.String   `tfsdk:"secret"`
	CreatedAt                   types.String   `tfsdk:"created_at"`
	DeleteAt                    types.String   `tfsdk:"delete_at"`
	LastUsedAt                  types.String   `tfsdk:"last_used_at"`
	Timeouts                    timeouts.Value `tfsdk:"timeouts"`
}

// draft builds the create request from the planned values.
func (m resourceModel) draft(ctx context.Context) (platform.ApiClientDraft, diag.Diagnostics) {
	var list []string
	diags := m.Scope.ElementsAs(ctx, &list, false)
	sort.Strings(list)
	d := platform.ApiClientDraft{
		Name:                        m.Name.ValueString(),
		Scope:                       strings.Join(list, " "),
		AccessTokenValiditySeconds:  nonZero(flex.Int(m.AccessTokenValiditySeconds)), // 0 is the incumbent's "not set"
		RefreshTokenValiditySeconds: nonZero(flex.Int(m.RefreshTokenValiditySeconds)),
		DeleteDaysAfterCreation:     flex.Int(m.DeleteDaysAfterCreation),
	}
	return d, diags
}

// applyAPI copies what the API reports into the model. Values the API cannot
// report back (the secret, the requested scope, keepers) are left as they are;
// an unset requested scope (after import) becomes what the API reports.
func (m *resourceModel) applyAPI(c *platform.ApiClient) {
	granted := scopes.Split(c.Scope)
	m.ID = types.StringValue(c.ID)
	m.Name = types.StringValue(c.Name)
	m.GrantedScope = flex.StringSet(granted)
	if m.Scope.IsNull() || m.Scope.IsUnknown() {
		m.Scope = flex.StringSet(granted)
	}
	m.AccessTokenValiditySeconds = flex.IntValue(c.AccessTokenValiditySeconds)
	m.RefreshTokenValiditySeconds = flex.IntValue(c.RefreshTokenValiditySeconds)
	m.CreatedAt = flex.Time(c.CreatedAt)
	m.DeleteAt = flex.Time(c.DeleteAt)
	if c.LastUsedAt != nil {
		d := c.LastUsedAt
		m.LastUsedAt = types.StringValue(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly))
	} else {
		m.LastUsedAt = types.StringNull()
	}
	if m.DeleteDaysAfterCreation.IsNull() || m.DeleteDaysAfterCreation.IsUnknown() {
		m.DeleteDaysAfterCreation = deleteDays(c.CreatedAt, c.DeleteAt)
	}
	if c.Secret != nil && *c.Secret != "" {
		m.Secret = types.StringValue(*c.Secret)
	} else if m.Secret.IsUnknown() {
		m.Secret = types.StringNull()
	}
	if m.Keepers.IsUnknown() {
		m.Keepers = types.MapNull(types.StringType)
	}
}

// deleteDays derives delete_days_after_creation from createdAt and deleteAt,
// so an imported client with a deletion date plans no replacement.
func deleteDays(created, deleteAt *time.Time) types.Int64 {
	if created == nil || deleteAt == nil {
		return types.Int64Null()
	}
	days := math.Round(deleteAt.Sub(*created).Hours() / 24)
	if days < 1 {
		return types.Int64Null()
	}
	return types.Int64Value(int64(days))
}

// nonZero is nil for nil or 0.
func nonZero(p *int) *int {
	if p == nil || *p == 0 {
		return nil
	}
	return p
}
