package discount

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
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
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/timestamp"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// discountCode is a DiscountCode as the API returns it.
type discountCode struct {
	ID                         string                 `json:"id"`
	Version                    int64                  `json:"version"`
	CreatedAt                  time.Time              `json:"createdAt"`
	Key                        *string                `json:"key,omitempty"`
	Code                       string                 `json:"code"`
	Name                       map[string]string      `json:"name,omitempty"`
	Description                map[string]string      `json:"description,omitempty"`
	CartDiscounts              []ref                  `json:"cartDiscounts"`
	CartPredicate              *string                `json:"cartPredicate,omitempty"`
	IsActive                   bool                   `json:"isActive"`
	MaxApplications            *int64                 `json:"maxApplications,omitempty"`
	MaxApplicationsPerCustomer *int64                 `json:"maxApplicationsPerCustomer,omitempty"`
	Groups                     []string               `json:"groups"`
	ValidFrom                  *string                `json:"validFrom,omitempty"`
	ValidUntil                 *string                `json:"validUntil,omitempty"`
	Custom                     *platform.CustomFields `json:"custom,omitempty"`
}

type codeDraft struct {
	Key                        *string                     `json:"key,omitempty"`
	Code                       string                      `json:"code"`
	Name                       map[string]string           `json:"name,omitempty"`
	Description                map[string]string           `json:"description,omitempty"`
	CartDiscounts              []ref                       `json:"cartDiscounts"`
	CartPredicate              *string                     `json:"cartPredicate,omitempty"`
	IsActive                   bool                        `json:"isActive"`
	MaxApplications            *int64                      `json:"maxApplications,omitempty"`
	MaxApplicationsPerCustomer *int64                      `json:"maxApplicationsPerCustomer,omitempty"`
	Groups                     []string                    `json:"groups,omitempty"`
	ValidFrom                  *string                     `json:"validFrom,omitempty"`
	ValidUntil                 *string                     `json:"validUntil,omitempty"`
	Custom                     *platform.CustomFieldsDraft `json:"custom,omitempty"`
}

type codeModel struct {
	versioned.Common
	Code                       types.String         `tfsdk:"code"`
	Name                       types.Map            `tfsdk:"name"`
	Description                types.Map            `tfsdk:"description"`
	CartDiscounts              types.List           `tfsdk:"cart_discounts"`
	Predicate                  types.String         `tfsdk:"predicate"`
	IsActive                   types.Bool           `tfsdk:"is_active"`
	MaxApplications            types.Int64          `tfsdk:"max_applications"`
	MaxApplicationsPerCustomer types.Int64          `tfsdk:"max_applications_per_customer"`
	Groups                     types.List           `tfsdk:"groups"`
	ValidFrom                  timestamp.Value      `tfsdk:"valid_from"`
	ValidUntil                 timestamp.Value      `tfsdk:"valid_until"`
	Custom                     []customfields.Model `tfsdk:"custom"`
}

var codeEndpoint = &client.Endpoint[discountCode, action]{
	Path: "discount-codes", Noun: "discount code",
	Meta: func(d *discountCode) client.Meta {
		return client.Meta{ID: d.ID, Key: flex.StringValue(d.Key).ValueString(), Version: d.Version, CreatedAt: d.CreatedAt}
	},
}

func codeSchema(ctx context.Context) schema.Schema {
	return versioned.WithCommon(ctx, schema.Schema{
		Version: 0, // the incumbent's
		MarkdownDescription: "A [discount code](https://docs.commercetools.com/api/projects/discountCodes): a code customers enter " +
			"to get cart discounts that require one.",
		Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{Optional: true, MarkdownDescription: framework.KeyDescription("discount code") + " New: the incumbent had none.",
				Validators: framework.KeyValidators()},
			"code": schema.StringAttribute{Required: true,
				MarkdownDescription: "The code customers enter, unique in the project. commercetools cannot change it: a change replaces the " +
					"discount code (and starts its application count afresh).",
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"name":        schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Name by locale."},
			"description": schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Description by locale."},
			"cart_discounts": schema.ListAttribute{Required: true, ElementType: types.StringType,
				MarkdownDescription: "The ids of the cart discounts the code unlocks (1 to 10); each should have `requires_discount_code = true`.",
				Validators:          []validator.List{listvalidator.SizeBetween(1, 10), listvalidator.UniqueValues()}},
			"predicate": predicateAttr("A [cart predicate](https://docs.commercetools.com/api/projects/predicates#cart-predicates) the "+
				"cart must match for the code to apply.", false),
			"is_active": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				MarkdownDescription: "Whether the code can be used (default true)."},
			"max_applications": schema.Int64Attribute{Optional: true, MarkdownDescription: "How often the code can be used in all (unlimited when unset).",
				Validators: []validator.Int64{int64validator.AtLeast(1)}},
			"max_applications_per_customer": schema.Int64Attribute{Optional: true,
				MarkdownDescription: "How often one customer can use it (unlimited when unset).", Validators: []validator.Int64{int64validator.AtLeast(1)}},
			"groups": schema.ListAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Groups of the code, for example to find codes of one campaign.",
				Validators:          []validator.List{listvalidator.SizeAtLeast(1), listvalidator.UniqueValues()}},
			"valid_from":  timestamp.Attribute("From when it can be used."),
			"valid_until": timestamp.Attribute("Until when it can be used."),
		},
		Blocks: map[string]schema.Block{"custom": customfields.Block("discount code")},
	}, "discount code")
}

func cartRefs(ids []string) []ref {
	out := make([]ref, 0, len(ids))
	for _, id := range ids {
		out = append(out, ref{TypeID: "cart-discount", ID: id})
	}
	return out
}

func codeDraftOf(ctx context.Context, c *client.Client, m *codeModel) (any, diag.Diagnostics) {
	custom, diags := customfields.Draft(ctx, c, m.Custom)
	return codeDraft{Key: flex.String(m.Key), Code: m.Code.ValueString(), Name: flex.Localized(m.Name), Description: flex.Localized(m.Description),
		CartDiscounts: cartRefs(flex.Strings(m.CartDiscounts)), CartPredicate: flex.String(m.Predicate), IsActive: m.IsActive.ValueBool(),
		MaxApplications: flex.Int64(m.MaxApplications), MaxApplicationsPerCustomer: flex.Int64(m.MaxApplicationsPerCustomer),
		Groups: flex.Strings(m.Groups), ValidFrom: timestamp.Pointer(m.ValidFrom), ValidUntil: timestamp.Pointer(m.ValidUntil), Custom: custom}, diags
}

func flattenCode(_ context.Context, _ *client.Client, d *discountCode, m *codeModel) diag.Diagnostics {
	m.Key = flex.Optional(d.Key)
	m.Code = types.StringValue(d.Code)
	m.Name = flex.LocalizedValue(d.Name)
	m.Description = flex.LocalizedValue(d.Description)
	ids := make([]string, 0, len(d.CartDiscounts))
	for _, r := range d.CartDiscounts {
		ids = append(ids, r.ID)
	}
	m.CartDiscounts = flex.StringList(ids)
	m.Predicate = flex.Optional(d.CartPredicate)
	m.IsActive = types.BoolValue(d.IsActive)
	m.MaxApplications = flex.Int64Value(d.MaxApplications)
	m.MaxApplicationsPerCustomer = flex.Int64Value(d.MaxApplicationsPerCustomer)
	m.Groups = types.ListNull(types.StringType)
	if len(d.Groups) > 0 {
		m.Groups = flex.StringList(d.Groups)
	}
	m.ValidFrom = timestamp.Kept(m.ValidFrom, d.ValidFrom)
	m.ValidUntil = timestamp.Kept(m.ValidUntil, d.ValidUntil)
	m.Custom = customfields.Flatten(d.Custom, m.Custom)
	return nil
}

func codeActions(ctx context.Context, c *client.Client, from, to *codeModel) ([]action, diag.Diagnostics) {
	var out []action
	if n := flex.Localized(to.Name); !flex.SameLocalized(flex.Localized(from.Name), n) {
		out = append(out, updates.Act("setName", "name", n))
	}
	if d := flex.Localized(to.Description); !flex.SameLocalized(flex.Localized(from.Description), d) {
		out = append(out, updates.Act("setDescription", "description", d))
	}
	if k := to.Key.ValueString(); k != from.Key.ValueString() {
		out = append(out, updates.Act("setKey", "key", flex.String(to.Key)))
	}
	if ids := flex.Strings(to.CartDiscounts); !updates.SameJSON(flex.Strings(from.CartDiscounts), ids) {
		out = append(out, action{"action": "changeCartDiscounts", "cartDiscounts": cartRefs(ids)})
	}
	if p := to.Predicate.ValueString(); p != from.Predicate.ValueString() {
		out = append(out, updates.Act("setCartPredicate", "cartPredicate", flex.String(to.Predicate)))
	}
	if to.IsActive.ValueBool() != from.IsActive.ValueBool() {
		out = append(out, action{"action": "changeIsActive", "isActive": to.IsActive.ValueBool()})
	}
	if !to.MaxApplications.Equal(from.MaxApplications) {
		out = append(out, updates.Act("setMaxApplications", "maxApplications", flex.Int64(to.MaxApplications)))
	}
	if !to.MaxApplicationsPerCustomer.Equal(from.MaxApplicationsPerCustomer) {
		out = append(out, updates.Act("setMaxApplicationsPerCustomer", "maxApplicationsPerCustomer", flex.Int64(to.MaxApplicationsPerCustomer)))
	}
	if g := flex.Strings(to.Groups); !updates.SameJSON(flex.Strings(from.Groups), g) {
		if g == nil {
			g = []string{}
		}
		out = append(out, action{"action": "changeGroups", "groups": g})
	}
	out = append(out, validity(from.ValidFrom, from.ValidUntil, to.ValidFrom, to.ValidUntil)...)
	custom, diags := customfields.JSONActions(ctx, c, from.Custom, to.Custom)
	return append(out, custom...), diags
}

func validateCode(_ context.Context, m *codeModel) diag.Diagnostics {
	var diags diag.Diagnostics
	checkValidity(&diags, m.ValidFrom, m.ValidUntil)
	return diags
}

var codeFamily = &versioned.Family[codeModel, *codeModel, discountCode, action]{
	TypeName: "discount_code", Noun: "discount code", Endpoint: codeEndpoint, Hint: framework.ScopesOf("discount_codes"),
	Schema: codeSchema, Draft: codeDraftOf, Flatten: flattenCode, Actions: codeActions, Validate: validateCode,
}

// NewDiscountCodeResource returns the commercetools_discount_code resource.
var NewDiscountCodeResource = versioned.NewResource(codeFamily)

// NewDiscountCodeDataSource returns the commercetools_discount_code data source (by key).
var NewDiscountCodeDataSource = versioned.NewDataSource(codeFamily)
