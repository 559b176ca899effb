package apiclient

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestUpgradeModelV0(t *testing.T) {
	scope := types.SetValueMust(types.StringType, []attr.Value{
		types.StringValue("manage_orders:my-ct-project-key"),
		types.StringValue("manage_payments:my-ct-project-key"),
	})
	cases := []struct {
		name            string
		old             resourceModelV0
		access, refresh types.Int64
		secret          types.String
	}{
		{
			name: "zero validities become null",
			old: resourceModelV0{Secret: types.StringValue("s3cr3t"),
				AccessTokenValiditySeconds: types.Int64Value(0), RefreshTokenValiditySeconds: types.Int64Value(0)},
			access: types.Int64Null(), refresh: types.Int64Null(), secret: types.StringValue("s3cr3t"),
		},
		{
			name: "non-zero validities are kept",
			old: resourceModelV0{Secret: types.StringValue("s3cr3t"),
				AccessTokenValiditySeconds: types.Int64Value(3600), RefreshTokenValiditySeconds: types.Int64Value(60)},
			access: types.Int64Value(3600), refresh: types.Int64Value(60), secret: types.StringValue("s3cr3t"),
		},
		{
			name: "one of each",
			old: resourceModelV0{Secret: types.StringValue("s3cr3t"),
				AccessTokenValiditySeconds: types.Int64Value(7200), RefreshTokenValiditySeconds: types.Int64Value(0)},
			access: types.Int64Value(7200), refresh: types.Int64Null(), secret: types.StringValue("s3cr3t"),
		},
		{
			name: "null secret of an imported client stays null",
			old: resourceModelV0{Secret: types.StringNull(),
				AccessTokenValiditySeconds: types.Int64Value(7200), RefreshTokenValiditySeconds: types.Int64Null()},
			access: types.Int64Value(7200), refresh: types.Int64Null(), secret: types.StringNull(),
		},
		{
			name: "empty secret becomes null",
			old: resourceModelV0{Secret: types.StringValue(""),
				AccessTokenValiditySeconds: types.Int64Null(), RefreshTokenValiditySeconds: types.Int64Null()},
			access: types.Int64Null(), refresh: types.Int64Null(), secret: types.StringNull(),
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.old.ID = types.StringValue("Ob5CDRSeNazXRHXigT1wn65Z")
			c.old.Name = types.StringValue("My API Client")
			c.old.Scope = scope
			got := upgradeModelV0(c.old)
			check := func(name string, got, want attr.Value) {
				t.Helper()
				if !got.Equal(want) {
					t.Errorf("%s = %s, want %s", name, got, want)
				}
			}
			check("id", got.ID, c.old.ID)
			check("name", got.Name, c.old.Name)
			check("scope", got.Scope, scope)
			check("secret", got.Secret, c.secret)
			check("access_token_validity_seconds", got.AccessTokenValiditySeconds, c.access)
			check("refresh_token_validity_seconds", got.RefreshTokenValiditySeconds, c.refresh)
			// Attributes the incumbent did not have are null until the next refresh.
			check("granted_scope", got.GrantedScope, types.SetNull(types.StringType))
			check("delete_days_after_creation", got.DeleteDaysAfterCreation, types.Int64Null())
			check("keepers", got.Keepers, types.MapNull(types.StringType))
			check("created_at", got.CreatedAt, types.StringNull())
			check("delete_at", got.DeleteAt, types.StringNull())
			check("last_used_at", got.LastUsedAt, types.StringNull())
			if !got.Timeouts.IsNull() {
				t.Errorf("timeouts = %s, want null", got.Timeouts)
			}
		})
	}
}
