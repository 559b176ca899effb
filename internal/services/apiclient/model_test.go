package apiclient

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
)

func TestDraftFromPlan(t *testing.T) {
	m := resourceModel{
		Name:                        types.StringValue("ci"),
		Scope:                       flex.StringSet([]string{"view_products:p1", "manage_orders:p1"}),
		AccessTokenValiditySeconds:  types.Int64Value(7200),
		RefreshTokenValiditySeconds: types.Int64Null(),
		DeleteDaysAfterCreation:     types.Int64Value(3),
	}
	d, diags := m.draft(context.Background())
	if diags.HasError() {
		t.Fatal(diags)
	}
	if d.Name != "ci" || d.Scope != "manage_orders:p1 view_products:p1" {
		t.Errorf("draft = %+v; the scope must be space-joined and sorted", d)
	}
	if d.AccessTokenValiditySeconds == nil || *d.AccessTokenValiditySeconds != 7200 || d.RefreshTokenValiditySeconds != nil {
		t.Errorf("validity fields: %v %v; unset must stay absent", d.AccessTokenValiditySeconds, d.RefreshTokenValiditySeconds)
	}
	if d.DeleteDaysAfterCreation == nil || *d.DeleteDaysAfterCreation != 3 {
		t.Errorf("deleteDaysAfterCreation = %v", d.DeleteDaysAfterCreation)
	}
}

func TestApplyAPIKeepsWhatTheAPICannotReport(t *testing.T) {
	created := time.Date(2026, 3, 1, 9, 15, 27, 118e6, time.UTC)
	deleteAt := created.Add(30 * 24 * time.Hour)
	used := platform.NewDate(2026, 3, 2)
	secret := "s3cr3t"
	api := &platform.ApiClient{
		ID: "id1", Name: "n", Scope: "view_orders:p1  manage_orders:p1 manage_orders:p1",
		CreatedAt: &created, DeleteAt: &deleteAt, LastUsedAt: &used,
	}

	// A refresh: the requested scope, the secret and keepers stay.
	m := resourceModel{
		Scope:   flex.StringSet([]string{"manage_orders:p1"}),
		Secret:  types.StringValue(secret),
		Keepers: types.MapValueMust(types.StringType, nil),
	}
	m.applyAPI(api)
	var scope, granted []string
	m.Scope.ElementsAs(context.Background(), &scope, false)
	m.GrantedScope.ElementsAs(context.Background(), &granted, false)
	if strings.Join(scope, " ") != "manage_orders:p1" {
		t.Errorf("scope = %v, want the requested one kept", scope)
	}
	if len(granted) != 2 {
		t.Errorf("granted_scope = %v, want the API's scopes de-duplicated", granted)
	}
	if m.Secret.ValueString() != secret {
		t.Errorf("the secret from the create response must be kept, got %v", m.Secret)
	}
	if m.CreatedAt.ValueString() != "2026-03-01T09:15:27.118Z" || m.LastUsedAt.ValueString() != "2026-03-02" {
		t.Errorf("created_at %v, last_used_at %v", m.CreatedAt, m.LastUsedAt)
	}
	if m.DeleteDaysAfterCreation.ValueInt64() != 30 {
		t.Errorf("delete_days_after_creation = %v, want 30 derived from deleteAt", m.DeleteDaysAfterCreation)
	}
	if !m.AccessTokenValiditySeconds.IsNull() || !m.RefreshTokenValiditySeconds.IsNull() {
		t.Error("validity fields the API does not report must be null")
	}

	// An import: no requested scope yet, so it is what the API reports.
	var imported resourceModel
	imported.Scope = types.SetNull(types.StringType)
	imported.applyAPI(api)
	if len(imported.Scope.Elements()) != 2 || !imported.Secret.IsNull() {
		t.Errorf("after import scope = %v, secret = %v", imported.Scope, imported.Secret)
	}
}

func TestDeleteDays(t *testing.T) {
	c := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		deleteAt *time.Time
		want     types.Int64
	}{
		{nil, types.Int64Null()},
		{ptr(c.Add(24 * time.Hour)), types.Int64Value(1)},
		{ptr(c.Add(7*24*time.Hour + 3*time.Second)), types.Int64Value(7)},
		{ptr(c.Add(time.Hour)), types.Int64Null()},
	} {
		if got := deleteDays(&c, tc.deleteAt); !got.Equal(tc.want) {
			t.Errorf("deleteDays(%v) = %v, want %v", tc.deleteAt, got, tc.want)
		}
	}
}

func ptr[T any](v T) *T { return &v }

func TestScopeDiagnostics(t *testing.T) {
	d := scopeDiagnostics([]string{"manage_orders:p1", "manage_orders:other"}, "p1", nil, true)
	if d.HasError() || d.WarningsCount() != 1 || !strings.Contains(d.Warnings()[0].Detail(), `"other"`) {
		t.Errorf("want one warning about project other, got %v", d)
	}
	d = scopeDiagnostics([]string{"manage_orders:p1"}, "p1", []string{"manage_project:p1"}, true)
	if !d.HasError() || !strings.Contains(d.Errors()[0].Detail(), "manage_project:p1 does not include it") {
		t.Errorf("want the missing manage_api_clients error, got %v", d)
	}
	if d := scopeDiagnostics([]string{"manage_orders:p1"}, "p1", []string{"manage_project:p1"}, false); d.HasError() {
		t.Errorf("no create, no error; got %v", d)
	}
	if d := scopeDiagnostics([]string{"manage_orders:p1"}, "p1", []string{"manage_api_clients:p1"}, true); len(d) != 0 {
		t.Errorf("want no diagnostics, got %v", d)
	}
}

// TestScopeReplaceKeepsEqualPlans: the same scopes plan the prior set, without replacement (the
// modifier declares KeepsUnchangedPlan).
func TestScopeReplaceKeepsEqualPlans(t *testing.T) {
	ctx := context.Background()
	set := types.SetValueMust(types.StringType, []attr.Value{types.StringValue("manage_orders:p"), types.StringValue("view_products:p")})
	state := tfsdk.State{Raw: tftypes.NewValue(tftypes.String, "present")}
	plan := tfsdk.Plan{Raw: tftypes.NewValue(tftypes.String, "present")}
	req := planmodifier.SetRequest{PlanValue: set, StateValue: set, ConfigValue: set, State: state, Plan: plan}
	resp := planmodifier.SetResponse{PlanValue: set}
	scopeReplace{}.PlanModifySet(ctx, req, &resp)
	if !resp.PlanValue.Equal(set) || resp.RequiresReplace || resp.Diagnostics.HasError() {
		t.Fatalf("planned %v, replace %v, %v", resp.PlanValue, resp.RequiresReplace, resp.Diagnostics)
	}
}
