package discount

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// discountGroup is a DiscountGroup as the API returns it.
type discountGroup struct {
	ID          string            `json:"id"`
	Version     int64             `json:"version"`
	CreatedAt   time.Time         `json:"createdAt"`
	Key         string            `json:"key"`
	Name        map[string]string `json:"name,omitempty"`
	Description map[string]string `json:"description,omitempty"`
	SortOrder   string            `json:"sortOrder"`
	IsActive    bool              `json:"isActive"`
}

type groupDraft struct {
	Key         string            `json:"key"`
	Name        map[string]string `json:"name,omitempty"`
	Description map[string]string `json:"description,omitempty"`
	SortOrder   string            `json:"sortOrder"`
	IsActive    bool              `json:"isActive"`
}

type groupModel struct {
	versioned.Common
	Name        types.Map    `tfsdk:"name"`
	Description types.Map    `tfsdk:"description"`
	SortOrder   types.String `tfsdk:"sort_order"`
	IsActive    types.Bool   `tfsdk:"is_active"`
}

var groupEndpoint = &client.Endpoint[discountGroup, action]{
	Path: "discount-groups", Noun: "discount group",
	Meta: func(g *discountGroup) client.Meta {
		return client.Meta{ID: g.ID, Key: g.Key, Version: g.Version, CreatedAt: g.CreatedAt}
	},
}

func groupSchema(ctx context.Context) schema.Schema {
	return versioned.WithCommon(ctx, schema.Schema{
		MarkdownDescription: "A [discount group](https://docs.commercetools.com/api/projects/discount-groups): cart discounts that " +
			"compete with each other, of which the best one for the cart applies, at the group's sort order. Cart discounts join it " +
			"with `discount_group_id`.",
		Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{Required: true, MarkdownDescription: framework.KeyDescription("discount group"),
				Validators: framework.KeyValidators()},
			"name":        schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Name by locale."},
			"description": schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Description by locale."},
			"sort_order": schema.StringAttribute{Required: true,
				MarkdownDescription: "Where the group's discounts apply among cart discounts, " + sortOrderRule + "; unique across cart " +
					"discounts and discount groups (see `commercetools_cart_discount.sort_order`).",
				Validators: []validator.String{stringvalidator.RegexMatches(sortOrderPattern, "must be "+sortOrderRule)}},
			"is_active": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				MarkdownDescription: "Whether the group's discounts apply (default true)."},
		},
	}, "discount group")
}

func groupDraftOf(_ context.Context, _ *client.Client, m *groupModel) (any, diag.Diagnostics) {
	return groupDraft{Key: m.Key.ValueString(), Name: flex.Localized(m.Name), Description: flex.Localized(m.Description),
		SortOrder: m.SortOrder.ValueString(), IsActive: m.IsActive.ValueBool()}, nil
}

func flattenGroup(_ context.Context, _ *client.Client, g *discountGroup, m *groupModel) diag.Diagnostics {
	m.Key = types.StringValue(g.Key)
	m.Name = flex.LocalizedValue(g.Name)
	m.Description = flex.LocalizedValue(g.Description)
	m.SortOrder = types.StringValue(g.SortOrder)
	m.IsActive = types.BoolValue(g.IsActive)
	return nil
}

func groupActions(_ context.Context, _ *client.Client, from, to *groupModel) ([]action, diag.Diagnostics) {
	var out []action
	if k := to.Key.ValueString(); k != from.Key.ValueString() {
		out = append(out, action{"action": "setKey", "key": k})
	}
	if n := flex.Localized(to.Name); !flex.SameLocalized(flex.Localized(from.Name), n) {
		out = append(out, updates.Act("setName", "name", n))
	}
	if d := flex.Localized(to.Description); !flex.SameLocalized(flex.Localized(from.Description), d) {
		out = append(out, updates.Act("setDescription", "description", d))
	}
	if s := to.SortOrder.ValueString(); s != from.SortOrder.ValueString() {
		out = append(out, action{"action": "setSortOrder", "sortOrder": s})
	}
	if to.IsActive.ValueBool() != from.IsActive.ValueBool() {
		out = append(out, action{"action": "setIsActive", "isActive": to.IsActive.ValueBool()})
	}
	return out, nil
}

func groupInterim(field string, from *groupModel) []action {
	return parkSortOrder("setSortOrder", field, from.SortOrder)
}

var groupFamily = &versioned.Family[groupModel, *groupModel, discountGroup, action]{
	TypeName: "discount_group", Noun: "discount group", Endpoint: groupEndpoint, Hint: framework.ScopesOf("cart_discounts"),
	Schema: groupSchema, Draft: groupDraftOf, Flatten: flattenGroup, Actions: groupActions,
	Unique:    func(m *groupModel) versioned.UniqueValue { return uniqueSortOrder(cartPool, m.SortOrder, m.Name) },
	Contended: []string{"sortOrder"}, Interim: groupInterim,
}

// NewDiscountGroupResource returns the commercetools_discount_group resource.
var NewDiscountGroupResource = versioned.NewResource(groupFamily)

// NewDiscountGroupDataSource returns the commercetools_discount_group data source (by key).
var NewDiscountGroupDataSource = versioned.NewDataSource(groupFamily)
