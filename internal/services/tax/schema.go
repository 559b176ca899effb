package tax

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// Both resources are at schema version 0, as the incumbent stores them.
const schemaVersion = 0

var (
	keyPattern     = regexp.MustCompile(`^[A-Za-z0-9_-]{2,256}$`)
	countryPattern = regexp.MustCompile(`^[A-Z]{2}$`)
)

func keyValidators() []validator.String {
	return []validator.String{stringvalidator.RegexMatches(keyPattern, "must be 2 to 256 characters of A-Z, a-z, 0-9, '_' and '-'")}
}

func categorySchema(ctx context.Context) schema.Schema {
	return versioned.WithCommon(ctx, schema.Schema{
		Version: schemaVersion,
		MarkdownDescription: "A [tax category](https://docs.commercetools.com/api/projects/taxCategories): a named set of tax rates " +
			"that products and shipping methods refer to. Its rates are separate resources, " +
			"[`commercetools_tax_category_rate`](tax_category_rate.md), so that two resources never manage one rate.",
		Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "User-defined unique identifier of the tax category, 2 to 256 characters of A-Z, a-z, 0-9, `_` and `-`.",
				Validators:          keyValidators(),
			},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name of the tax category, unique in the project.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"description": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Description of the tax category.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
		},
	}, "tax category")
}

func rateSchema(ctx context.Context) schema.Schema {
	return schema.Schema{
		Version: schemaVersion,
		MarkdownDescription: "A tax rate of a [tax category](tax_category.md): the rate that applies in a country (and " +
			"optionally a state).\n\n" +
			"commercetools gives a rate a new `id` whenever it changes, so the provider addresses a rate by its `key` when it " +
			"has one (recommended) and otherwise by its id, or after a change by its country and state. Rates of one category " +
			"can be created, changed and destroyed in parallel: the provider writes them one at a time, each with the " +
			"category's current version.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The id of the rate. commercetools assigns a new one whenever the rate changes.",
			},
			"tax_category_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The id of the tax category. Changing it moves the rate: a new rate in the other category.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"key": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "User-defined identifier of the rate, unique in its category. Recommended: the provider finds the rate by it however often its id changes.",
				Validators:          keyValidators(),
			},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name of the rate, for example `19% MwSt`.",
			},
			"amount": schema.Float64Attribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "The rate, from 0 to 1 (`0.19` for 19 %). With sub-rates, it is their sum, which commercetools computes when you leave it out.",
				Validators:          []validator.Float64{float64validator.Between(0, 1)},
			},
			"included_in_price": schema.BoolAttribute{
				Required:            true,
				MarkdownDescription: "Whether prices include the tax.",
			},
			"country": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The country the rate applies in: a two-letter ISO 3166-1 code such as `DE`.",
				Validators:          []validator.String{stringvalidator.RegexMatches(countryPattern, "must be a two-letter ISO 3166-1 country code in upper case, such as DE")},
			},
			"state": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The state within the country, case-sensitive, as carts write it in their shipping address.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
		},
		Blocks: map[string]schema.Block{
			"sub_rate": schema.ListNestedBlock{
				MarkdownDescription: "Parts of the rate (for example state and city taxes); `amount` is then their sum.",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"name":   schema.StringAttribute{Required: true, MarkdownDescription: "Name of the sub-rate."},
					"amount": schema.Float64Attribute{Required: true, MarkdownDescription: "The sub-rate, from 0 to 1.", Validators: []validator.Float64{float64validator.Between(0, 1)}},
				}},
			},
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true,
				CreateDescription: "How long adding the rate may take, retries included (default 5m).",
				ReadDescription:   "How long reading the rate may take (default 2m).",
				UpdateDescription: "How long changing the rate may take (default 5m).",
				DeleteDescription: "How long removing the rate may take (default 5m).",
			}),
		},
	}
}
