package project

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/unset"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// schemaVersion is the incumbent's (labd/commercetools v1.22.2 stores the settings at 1).
const schemaVersion = 1

// settle is how long an apply waits for settings commercetools applies with a delay (the
// incumbent's documentation speaks of up to a minute).
const settle = 90 * time.Second

var roundingModes = []string{"HalfEven", "HalfUp", "HalfDown"}

func block(desc string, attrs map[string]schema.Attribute) schema.ListNestedBlock {
	return schema.ListNestedBlock{
		MarkdownDescription: desc,
		Validators:          []validator.List{listvalidator.SizeAtMost(1)},
		NestedObject:        schema.NestedBlockObject{Attributes: attrs},
	}
}

func searchFlag(what string) schema.BoolAttribute {
	return schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
		MarkdownDescription: "Whether " + what + " is on (default false). Turning it on starts indexing, which takes a while in large projects."}
}

func resourceSchema(ctx context.Context) schema.Schema {
	s := settingsSchema(ctx)
	s.Attributes["id"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The project key, as the state's id.",
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	return s
}

func settingsSchema(ctx context.Context) schema.Schema {
	keep := []planmodifier.List{listplanmodifier.UseStateForUnknown()}
	return versioned.WithCommon(ctx, schema.Schema{
		Version: schemaVersion,
		MarkdownDescription: "The settings of the commercetools project the provider is configured for. A project always exists: " +
			"creating this resource adopts it and applies the configured settings; destroying it leaves the project as it is. " +
			"Declare it once per project.\n\n" +
			"A block you leave out (`messages`, `carts`, ...) is not managed: the project keeps whatever it has. Some settings " +
			"take effect with a delay; the apply waits until the project reports them (up to 90 seconds) and only then succeeds, " +
			"so a plan right after the apply is empty.",
		Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{Computed: true, MarkdownDescription: "The project key.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"name": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "Name of the project.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}, Validators: []validator.String{stringvalidator.LengthAtLeast(1), unset.ZeroRefused()}},
			"currencies": schema.ListAttribute{Optional: true, Computed: true, ElementType: types.StringType,
				MarkdownDescription: "The currencies of the project (ISO 4217 codes), at least one.", PlanModifiers: keep,
				Validators: []validator.List{listvalidator.SizeAtLeast(1), unset.ZeroRefused()}},
			"countries": schema.ListAttribute{Optional: true, Computed: true, ElementType: types.StringType,
				MarkdownDescription: "The countries of the project (ISO 3166-1 codes).", PlanModifiers: keep},
			"languages": schema.ListAttribute{Optional: true, Computed: true, ElementType: types.StringType,
				MarkdownDescription: "The languages of the project (IETF language tags), at least one. A language a store uses cannot be removed.",
				PlanModifiers:       keep, Validators: []validator.List{listvalidator.SizeAtLeast(1), unset.ZeroRefused()}},
			"enable_search_index_products":       searchFlag("the Product Projection Search index"),
			"enable_search_index_product_search": searchFlag("the Product Search index"),
			"enable_search_index_orders":         searchFlag("the Order Search index"),
			"enable_search_index_customers":      searchFlag("the Customer Search index"),
			"enable_search_index_business_units": searchFlag("the Business Unit Search index"),
			"product_catalog_model": schema.StringAttribute{Optional: true, Computed: true,
				MarkdownDescription: "**Beta** (commercetools calls this setting beta): the product catalog model, `Classic` or `Modular` " +
					"(standalone variants). It changes how the product APIs behave, so the provider sends it only when it is configured and " +
					"differs; left out, the project keeps what it has and the state shows it.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Validators:    []validator.String{stringvalidator.OneOf("Classic", "Modular")}},
			"shipping_rate_input_type": schema.StringAttribute{Optional: true,
				MarkdownDescription: "How carts select shipping rate tiers: `CartValue`, `CartScore` or `CartClassification` (which needs `shipping_rate_cart_classification_value` blocks). Unset means none.",
				Validators:          []validator.String{stringvalidator.OneOf("CartValue", "CartScore", "CartClassification")}},
		},
		Blocks: map[string]schema.Block{
			"messages": block("The project's messages.", map[string]schema.Attribute{
				"enabled": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false), MarkdownDescription: "Whether messages are written (default false)."},
				"delete_days_after_creation": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(15),
					MarkdownDescription: "After how many days messages are deleted, 1 to 90 (default 15).", Validators: []validator.Int64{int64validator.Between(1, 90)}},
			}),
			"carts": block("Defaults of carts.", map[string]schema.Attribute{
				"country_tax_rate_fallback_enabled": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
					MarkdownDescription: "Whether a tax rate of the cart's country applies when none matches its state (default false)."},
				"delete_days_after_last_modification": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(90),
					MarkdownDescription: "After how many days without change carts are deleted, 1 to 365250 (default 90).", Validators: []validator.Int64{int64validator.Between(1, 365250)}},
				"price_rounding_mode": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("HalfEven"),
					MarkdownDescription: "How prices are rounded: `HalfEven` (default), `HalfUp` or `HalfDown`.", Validators: []validator.String{stringvalidator.OneOf(roundingModes...)}},
				"tax_rounding_mode": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("HalfEven"),
					MarkdownDescription: "How taxes are rounded: `HalfEven` (default), `HalfUp` or `HalfDown`.", Validators: []validator.String{stringvalidator.OneOf(roundingModes...)}},
			}),
			"shopping_lists": block("Defaults of shopping lists.", map[string]schema.Attribute{
				"delete_days_after_last_modification": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(360),
					MarkdownDescription: "After how many days without change shopping lists are deleted, 1 to 365250 (default 360).", Validators: []validator.Int64{int64validator.Between(1, 365250)}},
			}),
			"shipping_rate_cart_classification_value": schema.ListNestedBlock{
				MarkdownDescription: "The cart classification values, in order, when `shipping_rate_input_type` is `CartClassification`.",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"key":   schema.StringAttribute{Required: true, MarkdownDescription: "Key of the classification value, unique."},
					"label": schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Label of the classification value by locale."},
				}},
			},
			"external_oauth": block("An external OAuth 2.0 token introspection endpoint for tokens commercetools did not issue.", map[string]schema.Attribute{
				"url": schema.StringAttribute{Required: true, Sensitive: true, MarkdownDescription: "The introspection URL. Sensitive as " +
					"the incumbent marked it: OpenTofu plans an update when only the sensitivity of a value changes, so a switch keeps it."},
				"authorization_header": schema.StringAttribute{Required: true, Sensitive: true,
					MarkdownDescription: "The Authorization header commercetools sends to the URL. The API never shows it again, so the provider keeps the configured value; to rotate it, change it here."},
			}),
			"business_units": block("Defaults of business units that customers create themselves.", map[string]schema.Attribute{
				"my_business_unit_status_on_creation": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("Inactive"),
					MarkdownDescription: "Status of such business units: `Active` or `Inactive` (default).", Validators: []validator.String{stringvalidator.OneOf("Active", "Inactive")}},
				"my_business_unit_associate_role_key_on_creation": schema.StringAttribute{Optional: true,
					MarkdownDescription: "Key of the associate role their creators get. Once set it cannot be removed, only changed."},
			}),
			"inventory": block("Inventory reservations.", map[string]schema.Attribute{
				"reservation_expiration_in_minutes": schema.Int64Attribute{Optional: true,
					MarkdownDescription: "After how many minutes a cart's reservation expires, 1 to 44640; needed for the ReserveOnCart inventory mode. Unset means none.",
					Validators:          []validator.Int64{int64validator.Between(1, 44640)}},
				"release_expired_reservations": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
					MarkdownDescription: "Whether expired reservations are released (default true)."},
			}),
			"discounts": block("How discounts combine.", map[string]schema.Attribute{
				"discount_combination_mode": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("Stacking"),
					MarkdownDescription: "`Stacking` (default: discounts add up) or `BestDeal` (the best one applies).", Validators: []validator.String{stringvalidator.OneOf("Stacking", "BestDeal")}},
			}),
		},
	}, "project settings")
}
