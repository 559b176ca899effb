// Package associaterole implements commercetools_associate_role and its data source by key: the
// permissions an associate of a business unit has.
package associaterole

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/customfields"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/planmod"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// Permissions are the permissions the API reference knows (types/associate-role/Permission.raml).
// commercetools keeps adding some: another one is a warning, not an error.
var Permissions = []string{
	"AddChildUnits", "UpdateAssociates", "UpdateBusinessUnitDetails", "UpdateParentUnit",
	"ViewMyCarts", "ViewOthersCarts", "UpdateMyCarts", "UpdateOthersCarts", "CreateMyCarts", "CreateOthersCarts",
	"DeleteMyCarts", "DeleteOthersCarts", "ViewMyOrders", "ViewOthersOrders", "UpdateMyOrders", "UpdateOthersOrders",
	"CreateMyOrdersFromMyCarts", "CreateMyOrdersFromMyQuotes", "CreateOrdersFromOthersCarts", "CreateOrdersFromOthersQuotes",
	"ViewMyQuotes", "ViewOthersQuotes", "AcceptMyQuotes", "AcceptOthersQuotes", "DeclineMyQuotes", "DeclineOthersQuotes",
	"RenegotiateMyQuotes", "RenegotiateOthersQuotes", "ReassignMyQuotes", "ReassignOthersQuotes",
	"ViewMyQuoteRequests", "ViewOthersQuoteRequests", "UpdateMyQuoteRequests", "UpdateOthersQuoteRequests",
	"CreateMyQuoteRequestsFromMyCarts", "CreateQuoteRequestsFromOthersCarts",
	"CreateApprovalRules", "UpdateApprovalRules", "UpdateApprovalFlows",
	"ViewMyShoppingLists", "ViewOthersShoppingLists", "UpdateMyShoppingLists", "UpdateOthersShoppingLists",
	"CreateMyShoppingLists", "CreateOthersShoppingLists", "DeleteMyShoppingLists", "DeleteOthersShoppingLists",
}

// role is an AssociateRole as the API returns it.
type role struct {
	ID              string                 `json:"id"`
	Version         int64                  `json:"version"`
	CreatedAt       time.Time              `json:"createdAt"`
	Key             string                 `json:"key"`
	Name            *string                `json:"name,omitempty"`
	BuyerAssignable bool                   `json:"buyerAssignable"`
	Permissions     []string               `json:"permissions"`
	Custom          *platform.CustomFields `json:"custom,omitempty"`
}

type draft struct {
	Key             string                      `json:"key"`
	Name            *string                     `json:"name,omitempty"`
	BuyerAssignable bool                        `json:"buyerAssignable"`
	Permissions     []string                    `json:"permissions"`
	Custom          *platform.CustomFieldsDraft `json:"custom,omitempty"`
}

type action = updates.Action

type model struct {
	versioned.Common
	Name            types.String        `tfsdk:"name"`
	BuyerAssignable types.Bool          `tfsdk:"buyer_assignable"`
	Permissions     types.List          `tfsdk:"permissions"`
	Custom          *customfields.Model `tfsdk:"custom"`
}

var endpoint = &client.Endpoint[role, action]{
	Path: "associate-roles", Noun: "associate role",
	Meta: func(r *role) client.Meta {
		return client.Meta{ID: r.ID, Key: r.Key, Version: r.Version, CreatedAt: r.CreatedAt}
	},
}

func resourceSchema(ctx context.Context) schema.Schema {
	return versioned.WithCommon(ctx, schema.Schema{
		Version: 0, // the incumbent's
		MarkdownDescription: "An [associate role](https://docs.commercetools.com/api/projects/associate-roles): the permissions of " +
			"the associates of business units that hold it.",
		Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{Required: true,
				MarkdownDescription: framework.KeyDescription("associate role") + " commercetools cannot change it: a change replaces the role.",
				Validators:          framework.KeyValidators(),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"name": schema.StringAttribute{Optional: true, MarkdownDescription: "Name of the role."},
			"buyer_assignable": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				MarkdownDescription: "Whether buyers may give the role to associates in the storefront (default true)."},
			"permissions": schema.ListAttribute{Required: true, ElementType: types.StringType,
				MarkdownDescription: "The permissions, such as `CreateMyCarts` or `UpdateAssociates`. Their order means nothing: a " +
					"reordered list plans no change, and commercetools' own order is never shown as one. A permission this provider " +
					"version does not know is a warning (commercetools adds new ones); commercetools decides.",
				Validators:    []validator.List{listvalidator.UniqueValues(), knownPermissions{}},
				PlanModifiers: []planmodifier.List{planmod.SameSetKeepsState()}},
		},
		Blocks: map[string]schema.Block{"custom": customfields.SingleBlock("associate role")},
	}, "associate role")
}

// knownPermissions warns about a permission the provider does not know.
type knownPermissions struct{}

func (knownPermissions) Description(context.Context) string {
	return "permissions the API reference lists"
}

func (v knownPermissions) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (knownPermissions) ValidateList(_ context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	for i, p := range flex.Strings(req.ConfigValue) {
		if !slices.Contains(Permissions, p) {
			resp.Diagnostics.AddAttributeWarning(req.Path.AtListIndex(i), "Unknown permission",
				fmt.Sprintf("%q is not a permission this provider version knows; commercetools may know it (it adds permissions) "+
					"or refuse it. Known permissions: %s.", p, strings.Join(Permissions, ", ")))
		}
	}
}

func draftOf(ctx context.Context, c *client.Client, m *model) (any, diag.Diagnostics) {
	custom, diags := customfields.Draft(ctx, c, customfields.List(m.Custom))
	perms := flex.Strings(m.Permissions)
	if perms == nil {
		perms = []string{}
	}
	return draft{Key: m.Key.ValueString(), Name: flex.String(m.Name), BuyerAssignable: m.BuyerAssignable.ValueBool(),
		Permissions: perms, Custom: custom}, diags
}

func flatten(_ context.Context, _ *client.Client, r *role, m *model) diag.Diagnostics {
	m.Key = types.StringValue(r.Key)
	m.Name = flex.Optional(r.Name)
	m.BuyerAssignable = types.BoolValue(r.BuyerAssignable)
	// The configured order when the API holds the same permissions.
	if !flex.Known(m.Permissions) || !updates.SameSet(flex.Strings(m.Permissions), r.Permissions) {
		m.Permissions = flex.StringList(r.Permissions)
	}
	m.Custom = customfields.Single(customfields.Flatten(r.Custom, customfields.List(m.Custom)))
	return nil
}

func actions(ctx context.Context, c *client.Client, from, to *model) ([]action, diag.Diagnostics) {
	var out []action
	if n := to.Name.ValueString(); n != from.Name.ValueString() {
		out = append(out, updates.Act("setName", "name", flex.String(to.Name)))
	}
	if to.BuyerAssignable.ValueBool() != from.BuyerAssignable.ValueBool() {
		out = append(out, action{"action": "changeBuyerAssignable", "buyerAssignable": to.BuyerAssignable.ValueBool()})
	}
	added, removed := updates.Set(flex.Strings(from.Permissions), flex.Strings(to.Permissions))
	switch {
	case len(added)+len(removed) > 3:
		perms := flex.Strings(to.Permissions)
		if perms == nil {
			perms = []string{}
		}
		out = append(out, action{"action": "setPermissions", "permissions": perms})
	default:
		for _, p := range removed {
			out = append(out, action{"action": "removePermission", "permission": p})
		}
		for _, p := range added {
			out = append(out, action{"action": "addPermission", "permission": p})
		}
	}
	custom, diags := customfields.JSONActions(ctx, c, customfields.List(from.Custom), customfields.List(to.Custom))
	return append(out, custom...), diags
}

var family = &versioned.Family[model, *model, role, action]{
	TypeName: "associate_role", Noun: "associate role", Endpoint: endpoint, Hint: framework.ScopesOf("associate_roles"),
	Schema: resourceSchema, Draft: draftOf, Flatten: flatten, Actions: actions,
}

// NewResource returns the commercetools_associate_role resource.
var NewResource = versioned.NewResource(family)

// NewDataSource returns the commercetools_associate_role data source (by key).
var NewDataSource = versioned.NewDataSource(family)
