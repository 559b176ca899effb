package discount

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/customfields"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/money"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/timestamp"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/unset"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

var (
	valueKinds  = []string{"relative", "absolute", "fixed", "giftLineItem"}
	targetKinds = []string{"lineItems", "customLineItems", "multiBuyLineItems", "multiBuyCustomLineItems", "shipping", "totalPrice", "pattern"}
	// groupTargets are the target kinds a discount of a discount group may have.
	groupTargets     = []string{"lineItems", "customLineItems", "multiBuyLineItems", "multiBuyCustomLineItems", "pattern"}
	applicationModes = []string{"IndividualApplication", "ProportionateDistribution", "EvenDistribution"}
	scopes           = []string{"NonRecurringOrdersOnly", "AnyOrder", "ApplicableRecurrencePolicies"}
)

// moneyBlock is the money list of a discount value; precise says whether high-precision amounts
// are allowed (fixed cart discount values).
func moneyBlock(desc string, precise bool) schema.ListNestedBlock {
	attrs := map[string]schema.Attribute{
		"currency_code": schema.StringAttribute{Required: true, MarkdownDescription: "ISO 4217 currency code, such as `EUR`.",
			Validators: []validator.String{money.CurrencyValidator{}}},
		"cent_amount": schema.Int64Attribute{Optional: true, Validators: []validator.Int64{int64validator.AtLeast(0)},
			MarkdownDescription: "The amount in the currency's minor units (cents for EUR, yen for JPY, fils for KWD)."},
	}
	if precise {
		attrs["fraction_digits"] = schema.Int64Attribute{Optional: true,
			MarkdownDescription: "With `precise_amount`: its number of fraction digits, more than the currency's own (for example 4 for EUR)."}
		attrs["precise_amount"] = schema.Int64Attribute{Optional: true, Validators: []validator.Int64{int64validator.AtLeast(0)},
			MarkdownDescription: "A high-precision amount in units of 10^-`fraction_digits` (instead of `cent_amount`): `12345` with `fraction_digits = 4` is 1.2345 EUR."}
	} else {
		attrs["fraction_digits"] = schema.Int64Attribute{Optional: true, Computed: true,
			MarkdownDescription: "The currency's number of fraction digits, as commercetools reports it (2 for EUR).",
			PlanModifiers:       []planmodifier.Int64{money.DigitsOfCurrency{}}}
	}
	return schema.ListNestedBlock{MarkdownDescription: desc, NestedObject: schema.NestedBlockObject{Attributes: attrs}}
}

func predicateAttr(desc string, required bool) schema.StringAttribute {
	return schema.StringAttribute{Required: required, Optional: !required, MarkdownDescription: desc,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)}}
}

func patternBlock(desc string) schema.ListNestedBlock {
	return schema.ListNestedBlock{MarkdownDescription: desc, NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
		"type": schema.StringAttribute{Required: true,
			MarkdownDescription: "`CountOnLineItemUnits` or `CountOnCustomLineItemUnits`.",
			Validators:          []validator.String{stringvalidator.OneOf("CountOnLineItemUnits", "CountOnCustomLineItemUnits")}},
		"predicate": predicateAttr("Which (custom) line item units count, a [line item predicate](https://docs.commercetools.com/api/projects/predicates#line-item-field-identifiers).", true),
		"min_count": schema.Int64Attribute{Optional: true, MarkdownDescription: "How many units at least (default 1).",
			Validators: []validator.Int64{int64validator.AtLeast(0), unset.APIDefault(int64(1))}},
		"max_count": schema.Int64Attribute{Optional: true, MarkdownDescription: "How many units at most.",
			Validators: []validator.Int64{int64validator.AtLeast(1)}},
		"exclude_count": schema.Int64Attribute{Optional: true, MarkdownDescription: "Deprecated by commercetools: units to leave out (default 0).",
			Validators: []validator.Int64{int64validator.AtLeast(0), unset.ZeroIsUnset()}},
	}}}
}

func cartDiscountSchema(ctx context.Context) schema.Schema {
	return versioned.WithCommon(ctx, schema.Schema{
		Version: 1, // the incumbent's (its upgrader made target a list)
		MarkdownDescription: "A [cart discount](https://docs.commercetools.com/api/projects/cartDiscounts): a discount on the line items, " +
			"custom line items, shipping or total of carts that match a predicate, with or without a discount code.",
		Attributes: map[string]schema.Attribute{
			"key":         schema.StringAttribute{Optional: true, MarkdownDescription: framework.KeyDescription("cart discount"), Validators: framework.KeyValidators()},
			"name":        schema.MapAttribute{Required: true, ElementType: types.StringType, MarkdownDescription: "Name by locale."},
			"description": schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Description by locale."},
			"predicate": predicateAttr("The [cart predicate](https://docs.commercetools.com/api/projects/predicates#cart-predicates) "+
				"of the carts it applies to, such as `1 = 1` or `totalPrice > \"50.00 EUR\"`.", true),
			"sort_order": schema.StringAttribute{Optional: true,
				MarkdownDescription: "The order among cart discounts, " + sortOrderRule + "; a higher value applies first. Unique across " +
					"cart discounts and discount groups: two resources of the configuration with the same value are an error at plan " +
					"time, and two discounts that swap values in one apply do so. Required unless `discount_group_id` is set (the " +
					"discount then takes the group's sort order, and this stays null).",
				Validators: []validator.String{stringvalidator.RegexMatches(sortOrderPattern, "must be "+sortOrderRule)}},
			"is_active": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				MarkdownDescription: "Whether the discount applies (default true)."},
			"valid_from":  timestamp.Attribute("From when it applies."),
			"valid_until": timestamp.Attribute("Until when it applies."),
			"requires_discount_code": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Whether it applies only with a discount code (default false)."},
			"stacking_mode": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("Stacking"),
				MarkdownDescription: "`Stacking` (default) or `StopAfterThisDiscount` (no discount with a lower sort order applies after it).",
				Validators:          []validator.String{stringvalidator.OneOf("Stacking", "StopAfterThisDiscount")}},
			"stores": schema.SetAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Keys of the stores whose carts it applies to (all carts when unset); changes are single adds and removes.",
				Validators:          []validator.Set{setvalidator.SizeBetween(1, 500)}},
			"discount_group_id": schema.StringAttribute{Optional: true,
				MarkdownDescription: "The id of the discount group the discount belongs to (`commercetools_discount_group.x.id`); " +
					"only for line item, custom line item, multi-buy and pattern targets.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
			"recurring_order_scope": schema.StringAttribute{Optional: true, Computed: true,
				MarkdownDescription: "Which orders of [recurring orders](https://docs.commercetools.com/api/projects/recurring-orders) it " +
					"applies to: `NonRecurringOrdersOnly` (what commercetools gives a new discount), `AnyOrder` or " +
					"`ApplicableRecurrencePolicies` (with `recurrence_policy_ids`). Left out, what commercetools holds is kept.",
				Validators:    []validator.String{stringvalidator.OneOf(scopes...)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"recurrence_policy_ids": schema.SetAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "With `recurring_order_scope = \"ApplicableRecurrencePolicies\"`: the ids of the recurrence policies (1 to 20).",
				Validators:          []validator.Set{setvalidator.SizeBetween(1, 20)}},
		},
		Blocks: map[string]schema.Block{
			"value": schema.ListNestedBlock{
				MarkdownDescription: "What the discount takes off (exactly one block). commercetools cannot change a `giftLineItem` " +
					"value, nor turn another value into one: such a change replaces the discount.",
				Validators: []validator.List{listvalidator.IsRequired(), listvalidator.SizeBetween(1, 1)},
				PlanModifiers: []planmodifier.List{listplanmodifier.RequiresReplaceIf(giftChanged,
					"A change of a giftLineItem value replaces the discount.", "A change of a `giftLineItem` value replaces the discount.")},
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"type": schema.StringAttribute{Required: true,
							MarkdownDescription: "`relative` (a share, `permyriad`), `absolute` (an amount off, `money`), `fixed` (a fixed price, `money`) or `giftLineItem` (a free product).",
							Validators:          []validator.String{stringvalidator.OneOf(valueKinds...)}},
						"permyriad": schema.Int64Attribute{Optional: true, MarkdownDescription: "`relative`: the share in 1/10000 (1000 is 10 %).",
							Validators: []validator.Int64{int64validator.Between(0, 10000)}},
						"application_mode": schema.StringAttribute{Optional: true,
							MarkdownDescription: "`absolute` and `fixed`: how the amount is spread over the targeted items: `IndividualApplication`, `ProportionateDistribution` (the API's default) or `EvenDistribution`.",
							Validators:          []validator.String{stringvalidator.OneOf(applicationModes...), unset.APIDefault("ProportionateDistribution")}},
						"product_id": schema.StringAttribute{Optional: true, MarkdownDescription: "`giftLineItem`: the id of the product given."},
						"variant_id": schema.Int64Attribute{Optional: true, MarkdownDescription: "`giftLineItem`: the variant given.",
							Validators: []validator.Int64{int64validator.AtLeast(1)}},
						"supply_channel_id":       schema.StringAttribute{Optional: true, MarkdownDescription: "`giftLineItem`: the channel whose inventory it comes from."},
						"distribution_channel_id": schema.StringAttribute{Optional: true, MarkdownDescription: "`giftLineItem`: the channel whose price is used."},
					},
					Blocks: map[string]schema.Block{"money": moneyBlock("`absolute` and `fixed`: one amount per currency.", true)},
				},
			},
			"target": schema.ListNestedBlock{
				MarkdownDescription: "What the discount applies to (at most one block; none for a `giftLineItem` value).",
				Validators:          []validator.List{listvalidator.SizeAtMost(1)},
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"type": schema.StringAttribute{Required: true,
							MarkdownDescription: "`lineItems`, `customLineItems`, `multiBuyLineItems`, `multiBuyCustomLineItems`, `shipping`, `totalPrice` or `pattern`.",
							Validators:          []validator.String{stringvalidator.OneOf(targetKinds...)}},
						"predicate": predicateAttr("Line item and multi-buy targets: which (custom) line items, a line item predicate.", false),
						"trigger_quantity": schema.Int64Attribute{Optional: true, MarkdownDescription: "Multi-buy: units needed for the discount (at least 2).",
							Validators: []validator.Int64{int64validator.AtLeast(2)}},
						"discounted_quantity": schema.Int64Attribute{Optional: true, MarkdownDescription: "Multi-buy: units discounted (1 up to `trigger_quantity`).",
							Validators: []validator.Int64{int64validator.AtLeast(1)}},
						"max_occurrence": schema.Int64Attribute{Optional: true, MarkdownDescription: "Multi-buy and pattern: how often it applies at most (`0`, the incumbent's \"not set\", means no limit).",
							Validators: []validator.Int64{int64validator.AtLeast(1), unset.ZeroIsUnset()}},
						"selection_mode": schema.StringAttribute{Optional: true, MarkdownDescription: "Multi-buy and pattern (required there): `Cheapest` or `MostExpensive` units first.",
							Validators: []validator.String{stringvalidator.OneOf("Cheapest", "MostExpensive")}},
					},
					Blocks: map[string]schema.Block{
						"trigger_pattern": patternBlock("`pattern`: the units a cart must hold for the discount (one block per component)."),
						"target_pattern":  patternBlock("`pattern`: the units that are discounted (one block per component)."),
					},
				},
			},
			"custom": customfields.Block("cart discount"),
		},
	}, "cart discount")
}
