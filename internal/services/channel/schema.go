package channel

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/address"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/customfields"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// schemaVersion is the incumbent's (labd/commercetools stores commercetools_channel at 0), so
// its state is read as it is.
const schemaVersion = 0

// roles is ChannelRoleEnum.
var roles = []string{"InventorySupply", "ProductDistribution", "OrderExport", "OrderImport", "Primary"}

func resourceSchema(ctx context.Context) schema.Schema {
	return versioned.WithCommon(ctx, schema.Schema{
		Version: schemaVersion,
		MarkdownDescription: "A [channel](https://docs.commercetools.com/api/projects/channels): a source or destination of " +
			"inventory, prices and orders, such as a warehouse, a physical store or a sales channel.\n\n" +
			"Every change is made in place with update actions; nothing forces a new channel. The API cannot remove a " +
			"channel's name or description once set, so removing them from the configuration is refused at plan time.",
		Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "User-defined unique identifier of the channel. Changing it renames the channel in place; stores refer to channels by key, so change them in the same apply.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"roles": schema.ListAttribute{
				Required:    true,
				ElementType: types.StringType,
				MarkdownDescription: "What the channel is used for: any of `InventorySupply`, `ProductDistribution`, `OrderExport`, " +
					"`OrderImport` and `Primary`, at least one. The order does not matter to the API; a new order alone sends nothing.",
				Validators: []validator.List{
					listvalidator.SizeAtLeast(1), listvalidator.UniqueValues(),
					listvalidator.ValueStringsAre(stringvalidator.OneOf(roles...)),
				},
			},
			"name": schema.MapAttribute{
				Optional:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "Name of the channel by locale, for example `{ en = \"Warehouse Berlin\" }`.",
				Validators:          []validator.Map{mapvalidator.SizeAtLeast(1)},
			},
			"description": schema.MapAttribute{
				Optional:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "Description of the channel by locale.",
				Validators:          []validator.Map{mapvalidator.SizeAtLeast(1)},
			},
		},
		Blocks: map[string]schema.Block{
			"address": address.Block("channel"),
			"custom":  customfields.Block("channel"),
			"geolocation": schema.ListNestedBlock{
				MarkdownDescription: "Where the channel is, as a GeoJSON point.",
				Validators:          []validator.List{listvalidator.SizeAtMost(1)},
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"coordinates": schema.ListAttribute{
						Required:            true,
						ElementType:         types.Float64Type,
						MarkdownDescription: "Longitude and latitude, in this order: `[13.3777, 52.5308]`.",
						Validators:          []validator.List{listvalidator.SizeBetween(2, 2)},
					},
				}},
			},
		},
	}, "channel")
}
