package businessunit

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

var hint = framework.ScopesOf("business_units")

var companyFamily = &versioned.Family[companyModel, *companyModel, unit, action]{
	TypeName: "business_unit_company", Noun: "business unit", Endpoint: endpoint, Hint: hint, LockGroup: lockGroup,
	Schema: func(ctx context.Context) schema.Schema { return unitSchema(ctx, false) },
	Draft: func(ctx context.Context, c *client.Client, m *companyModel) (any, diag.Diagnostics) {
		return draftOfView(ctx, c, m.view())
	},
	Flatten: func(ctx context.Context, c *client.Client, u *unit, m *companyModel) diag.Diagnostics {
		shipping, billing, diags := flattenView(ctx, c, u, m.view())
		m.ShippingAddressKeys, m.BillingAddressKeys = setOf(shipping), setOf(billing)
		return diags
	},
	Actions: func(ctx context.Context, c *client.Client, from, to *companyModel) ([]action, diag.Diagnostics) {
		return actionsOfView(ctx, c, from.view(), to.view())
	},
	Validate: func(_ context.Context, m *companyModel) diag.Diagnostics { return validateView(m.view()) },
	Lists:    func(u *unit) bool { return u.UnitType == "Company" },
}

var divisionFamily = &versioned.Family[divisionModel, *divisionModel, unit, action]{
	TypeName: "business_unit_division", Noun: "business unit", Endpoint: endpoint, Hint: hint, LockGroup: lockGroup,
	Lists:  func(u *unit) bool { return u.UnitType == "Division" },
	Schema: func(ctx context.Context) schema.Schema { return unitSchema(ctx, true) },
	Draft: func(ctx context.Context, c *client.Client, m *divisionModel) (any, diag.Diagnostics) {
		return draftOfView(ctx, c, m.view())
	},
	Flatten: func(ctx context.Context, c *client.Client, u *unit, m *divisionModel) diag.Diagnostics {
		prior := m.view()
		shipping, billing, diags := flattenView(ctx, c, u, prior)
		m.ShippingAddressKeys, m.BillingAddressKeys = listKeepingOrder(shipping, m.ShippingAddressKeys), listKeepingOrder(billing, m.BillingAddressKeys)
		m.StoreMode, m.AssociateMode, m.ApprovalRuleMode = types.StringValue(u.StoreMode), types.StringValue(u.AssociateMode), types.StringValue(u.ApprovalRuleMode)
		m.ParentUnit = flattenParent(u.ParentUnit, m.ParentUnit)
		return diags
	},
	Actions: func(ctx context.Context, c *client.Client, from, to *divisionModel) ([]action, diag.Diagnostics) {
		return actionsOfView(ctx, c, from.view(), to.view())
	},
	Validate: func(_ context.Context, m *divisionModel) diag.Diagnostics { return validateView(m.view()) },
}

func setOf(l []string) types.Set {
	if len(l) == 0 {
		return types.SetNull(types.StringType)
	}
	return flex.StringSet(l)
}

// listKeepingOrder is l as a list, in the prior order when it holds the same names.
func listKeepingOrder(l []string, prior types.List) types.List {
	if len(l) == 0 {
		return types.ListNull(types.StringType)
	}
	if flex.Known(prior) && sameNames(flex.Strings(prior), l) {
		return prior
	}
	return flex.StringList(l)
}

// flattenParent renders the parent as configured: by key (what the API returns), or by the
// configured id while the API's parent is the one with that id's key.
func flattenParent(r *ref, prior *parentModel) *parentModel {
	if r == nil {
		return nil
	}
	if prior != nil && prior.Key.IsNull() && !prior.ID.IsNull() && (r.ID == "" || r.ID == prior.ID.ValueString()) {
		return &parentModel{ID: prior.ID, Key: types.StringNull()}
	}
	return &parentModel{ID: types.StringNull(), Key: types.StringValue(r.Key)}
}

// NewCompanyResource returns the commercetools_business_unit_company resource.
var NewCompanyResource = versioned.NewResource(companyFamily)

// NewCompanyDataSource returns the commercetools_business_unit_company data source (by key).
var NewCompanyDataSource = versioned.NewDataSource(companyFamily)

// NewDivisionResource returns the commercetools_business_unit_division resource.
var NewDivisionResource = versioned.NewResource(divisionFamily)

// NewDivisionDataSource returns the commercetools_business_unit_division data source (by key).
var NewDivisionDataSource = versioned.NewDataSource(divisionFamily)
