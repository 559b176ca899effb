package shipping

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/customfields"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// All three resources are at schema version 0, as the incumbent stores them.
const schemaVersion = 0

var (
	keyPattern      = regexp.MustCompile(`^[A-Za-z0-9_-]{2,256}$`)
	countryPattern  = regexp.MustCompile(`^[A-Z]{2}$`)
	currencyPattern = regexp.MustCompile(`^[A-Z]{3}$`)
)

func keyAttribute(noun string) schema.StringAttribute {
	return schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "User-defined unique identifier of the " + noun + ", 2 to 256 characters of A-Z, a-z, 0-9, `_` and `-`.",
		Validators:          []validator.String{stringvalidator.RegexMatches(keyPattern, "must be 2 to 256 characters of A-Z, a-z, 0-9, '_' and '-'")},
	}
}

func zoneSchema(ctx context.Context) schema.Schema {
	return versioned.WithCommon(ctx, schema.Schema{
		Version: schemaVersion,
		MarkdownDescription: "A [shipping zone](https://docs.commercetools.com/api/projects/zones): the countries (and states) " +
			"that shipping rates apply to. A location belongs to one zone at most; to move one, remove it from the other zone in " +
			"an earlier apply or in the same apply with a dependency between the two zones.",
		Attributes: map[string]schema.Attribute{
			"key":         keyAttribute("zone"),
			"name":        schema.StringAttribute{Required: true, MarkdownDescription: "Name of the zone.", Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
			"description": schema.StringAttribute{Optional: true, MarkdownDescription: "Description of the zone.", Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
		},
		Blocks: map[string]schema.Block{
			"location": schema.SetNestedBlock{
				MarkdownDescription: "A country, optionally with a state, that belongs to the zone. The order does not matter.",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"country": schema.StringAttribute{Required: true, MarkdownDescription: "Two-letter ISO 3166-1 country code of the location.",
						Validators: []validator.String{stringvalidator.RegexMatches(countryPattern, "must be a two-letter ISO 3166-1 country code in upper case, such as DE")}},
					"state": schema.StringAttribute{Optional: true, MarkdownDescription: "State of the location within its country; `\"\"` (the incumbent's \"not set\") is the same as leaving it out."},
				}},
			},
		},
	}, "zone")
}

func methodSchema(ctx context.Context) schema.Schema {
	return versioned.WithCommon(ctx, schema.Schema{
		Version: schemaVersion,
		MarkdownDescription: "A [shipping method](https://docs.commercetools.com/api/projects/shippingMethods). Its prices per zone " +
			"and currency are separate resources, [`commercetools_shipping_zone_rate`](shipping_zone_rate.md); this resource never " +
			"touches them.",
		Attributes: map[string]schema.Attribute{
			"key":         keyAttribute("shipping method"),
			"name":        schema.StringAttribute{Required: true, MarkdownDescription: "Name of the shipping method, unique in the project.", Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
			"description": schema.StringAttribute{Optional: true, MarkdownDescription: "Description of the shipping method (deprecated by commercetools in favour of `localized_description`).", Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
			"localized_name": schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Name of the shipping method by locale.",
				Validators: []validator.Map{mapvalidator.SizeAtLeast(1)}},
			"localized_description": schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Description of the shipping method by locale.",
				Validators: []validator.Map{mapvalidator.SizeAtLeast(1)}},
			"tax_category_id": schema.StringAttribute{Required: true, MarkdownDescription: "The id of the tax category of the shipping prices."},
			"active": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				MarkdownDescription: "Whether carts and orders can use the shipping method (default true)."},
			"is_default": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Whether it is the project's default shipping method; a project has one default at most."},
			"stores": schema.SetAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Keys of the stores whose carts may use the shipping method (at most 100). Left out or empty: carts of every store, and carts without a store, may use it.",
				Validators:          []validator.Set{setvalidator.SizeAtMost(100)}},
			"carrier": schema.StringAttribute{Optional: true, MarkdownDescription: "The carrier that delivers, for example `DHL`.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
			"predicate": schema.StringAttribute{Optional: true, MarkdownDescription: "A [cart predicate](https://docs.commercetools.com/api/predicates/query) a cart must match to use the method.", Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
		},
		Blocks: map[string]schema.Block{"custom": customfields.Block("shipping method")},
	}, "shipping method")
}

func moneyBlock(what string, required bool) schema.ListNestedBlock {
	v := []validator.List{listvalidator.SizeAtMost(1)}
	if required {
		v = []validator.List{listvalidator.IsRequired(), listvalidator.SizeBetween(1, 1)}
	}
	return schema.ListNestedBlock{
		MarkdownDescription: what,
		Validators:          v,
		NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
			"currency_code": schema.StringAttribute{Required: true, MarkdownDescription: "ISO 4217 currency code, such as `EUR`.",
				Validators: []validator.String{stringvalidator.RegexMatches(currencyPattern, "must be a three-letter ISO 4217 currency code, such as EUR")}},
			"cent_amount": schema.Int64Attribute{Required: true, MarkdownDescription: "Amount in the currency's minor unit (cents for EUR).",
				Validators: []validator.Int64{int64validator.AtLeast(0)}},
		}},
	}
}

func rateSchema(ctx context.Context) schema.Schema {
	price := moneyBlock("The price of shipping in this zone (exactly one block). Its currency identifies the rate: a new currency is a new rate.", true)
	price.NestedObject.Attributes["currency_code"] = schema.StringAttribute{Required: true,
		MarkdownDescription: "ISO 4217 currency code of the rate, such as `EUR`; it identifies the rate, so changing it replaces the rate.",
		Validators:          []validator.String{stringvalidator.RegexMatches(currencyPattern, "must be a three-letter ISO 4217 currency code, such as EUR")},
		PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
	return schema.Schema{
		Version: schemaVersion,
		MarkdownDescription: "The price of a shipping method in one zone and currency. It lives inside the shipping method: " +
			"rates of one method can be created, changed and destroyed in parallel, and the provider writes them one at a time " +
			"with the method's current version. Creating the first rate of a zone adds the zone to the method; destroying the " +
			"last one removes it.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "`<shipping method id>@<zone id>@<currency>`, also the import id.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"shipping_method_id": schema.StringAttribute{Required: true, MarkdownDescription: "The id of the shipping method.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"shipping_zone_id": schema.StringAttribute{Required: true, MarkdownDescription: "The id of the shipping zone.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
		},
		Blocks: map[string]schema.Block{
			"price":      price,
			"free_above": moneyBlock("Shipping is free when the cart's value reaches this amount (same currency as the price).", false),
			"shipping_rate_price_tier": schema.ListNestedBlock{
				MarkdownDescription: "Price tiers, in order; their type must match the project's `shipping_rate_input_type`.",
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"type": schema.StringAttribute{Required: true, MarkdownDescription: "`CartValue`, `CartClassification` or `CartScore`.",
							Validators: []validator.String{stringvalidator.OneOf("CartValue", "CartClassification", "CartScore")}},
						"minimum_cent_amount": schema.Int64Attribute{Optional: true, MarkdownDescription: "For `CartValue`: the cart value from which the tier applies."},
						"value":               schema.StringAttribute{Optional: true, MarkdownDescription: "For `CartClassification`: a key of the project's cart classification values."},
						"score":               schema.Int64Attribute{Optional: true, MarkdownDescription: "For `CartScore`: the score from which the tier applies."},
					},
					Blocks: map[string]schema.Block{
						"price": moneyBlock("The price of the tier (for `CartScore`, this or `price_function`).", false),
						"price_function": schema.ListNestedBlock{
							MarkdownDescription: "For `CartScore`: a function of the score `x` that gives the price in cents, such as `(150 * x) + 300`.",
							Validators:          []validator.List{listvalidator.SizeAtMost(1)},
							NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
								"currency_code": schema.StringAttribute{Required: true, MarkdownDescription: "Currency of the function's result."},
								"function":      schema.StringAttribute{Required: true, MarkdownDescription: "The function, with `x` for the score."},
							}},
						},
					},
				},
			},
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true,
				CreateDescription: "How long adding the zone rate may take, retries included (default 5m).",
				ReadDescription:   "How long reading the zone rate may take (default 2m).",
				UpdateDescription: "How long changing the zone rate may take (default 5m).",
				DeleteDescription: "How long removing the zone rate may take (default 5m).",
			}),
		},
	}
}
