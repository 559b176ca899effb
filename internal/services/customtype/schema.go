package customtype

import (
	"context"
	"regexp"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/enums"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// schemaVersion is the incumbent's: labd/commercetools stores commercetools_type at 1 (its
// version 0 held enum values in a map), so its state is read as it is.
const schemaVersion = 1

// ResourceTypeIDs is ResourceTypeId of the API: what a type can customize.
var ResourceTypeIDs = []string{
	"address", "asset", "approval-flow", "approval-rule", "associate-role", "business-unit", "cart-discount", "category",
	"channel", "customer", "customer-group", "custom-line-item", "discount-code", "inventory-entry", "line-item", "order",
	"order-edit", "order-delivery", "order-parcel", "order-return-item", "payment", "payment-interface-interaction",
	"payment-method", "payment-method-info", "product-price", "product-selection", "product-tailoring", "quote",
	"reservation", "review", "recurring-order", "shipping", "shipping-method", "shopping-list",
	"shopping-list-text-line-item", "standalone-price", "store", "transaction",
}

// referenceTypeIDs is CustomFieldReferenceValue.
var referenceTypeIDs = []string{
	"approval-flow", "approval-rule", "associate-role", "business-unit", "cart", "cart-discount", "category", "channel",
	"customer", "customer-group", "key-value-document", "order", "product", "product-type", "review", "state",
	"shipping-method", "variant", "zone",
}

var fieldTypes = []string{"Boolean", "Number", "String", "LocalizedString", "Enum", "LocalizedEnum", "Money", "Date", "Time", "DateTime", "Reference", "Set"}

var (
	keyPattern  = regexp.MustCompile(`^[A-Za-z0-9_-]{2,256}$`)
	namePattern = regexp.MustCompile(`^[A-Za-z0-9_-]{2,36}$`)
)

// typeAttributes are the attributes of a field's type and of a set's element type.
func typeAttributes(element bool) (map[string]schema.Attribute, map[string]schema.Block) {
	names := fieldTypes
	what := "The field's type"
	if element {
		names = fieldTypes[:len(fieldTypes)-1] // a set of sets is not offered, as the incumbent did
		what = "The type of the set's elements"
	}
	attrs := map[string]schema.Attribute{
		"name": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: what + ": one of " + backquoted(names) + ".",
			Validators:          []validator.String{stringvalidator.OneOf(names...)},
		},
		"reference_type_id": schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: "For `Reference`: the resource type referenced, one of " + backquoted(referenceTypeIDs) + ".",
			Validators:          []validator.String{stringvalidator.OneOf(referenceTypeIDs...)},
		},
	}
	valueBlock := enums.PlainBlock("For `Enum`")
	valueBlock.MarkdownDescription += " Values can be added, relabelled and reordered; the API cannot remove one."
	blocks := map[string]schema.Block{
		"value":           valueBlock,
		"localized_value": enums.LocalizedBlock("For `LocalizedEnum`"),
	}
	if !element {
		elemAttrs, elemBlocks := typeAttributes(true)
		blocks["element_type"] = schema.ListNestedBlock{
			MarkdownDescription: "For `Set`: the type of its elements.",
			Validators:          []validator.List{listvalidator.SizeAtMost(1)},
			NestedObject:        schema.NestedBlockObject{Attributes: elemAttrs, Blocks: elemBlocks},
		}
	}
	return attrs, blocks
}

func backquoted(l []string) string {
	out := ""
	for i, s := range l {
		if i > 0 {
			out += ", "
		}
		out += "`" + s + "`"
	}
	return out
}

func resourceSchema(ctx context.Context) schema.Schema {
	typeAttrs, typeBlocks := typeAttributes(false)
	return versioned.WithCommon(ctx, schema.Schema{
		Version: schemaVersion,
		MarkdownDescription: "A [type](https://docs.commercetools.com/api/projects/types): the custom fields that resources " +
			"such as channels, customers or orders can have.\n\n" +
			"Fields and enum values are kept in the order you write them. What the API can change in place is changed in place " +
			"(names, labels, input hints, new fields, new enum values, the order of fields and values). What it cannot change is " +
			"refused at plan time, with the field named: a field's type or `required` flag, and the removal of an enum value.",
		Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "User-defined unique identifier of the type, 2 to 256 characters of A-Z, a-z, 0-9, `_` and `-`. Changing it renames the type in place.",
				Validators:          []validator.String{stringvalidator.RegexMatches(keyPattern, "must be 2 to 256 characters of A-Z, a-z, 0-9, '_' and '-'")},
			},
			"name": schema.MapAttribute{
				Required:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "Name of the type by locale.",
				Validators:          []validator.Map{mapvalidator.SizeAtLeast(1)},
			},
			"description": schema.MapAttribute{
				Optional:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "Description of the type by locale.",
			},
			"resource_type_ids": schema.ListAttribute{
				Required:    true,
				ElementType: types.StringType,
				MarkdownDescription: "The resources the type can customize, for example `[\"channel\"]`. The API cannot change them: " +
					"changing this list replaces the type, which fails while resources still use it.",
				Validators: []validator.List{listvalidator.SizeAtLeast(1), listvalidator.UniqueValues(),
					listvalidator.ValueStringsAre(stringvalidator.OneOf(ResourceTypeIDs...))},
				PlanModifiers: []planmodifier.List{listplanmodifier.RequiresReplace()},
			},
		},
		Blocks: map[string]schema.Block{
			"field": schema.ListNestedBlock{
				MarkdownDescription: "The field definitions, in order.",
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"name": schema.StringAttribute{
							Required:            true,
							MarkdownDescription: "Name of the field, 2 to 36 characters of A-Z, a-z, 0-9, `_` and `-`; unique in the type.",
							Validators:          []validator.String{stringvalidator.RegexMatches(namePattern, "must be 2 to 36 characters of A-Z, a-z, 0-9, '_' and '-'")},
						},
						"label": schema.MapAttribute{
							Required:            true,
							ElementType:         types.StringType,
							MarkdownDescription: "Label of the field by locale.",
							Validators:          []validator.Map{mapvalidator.SizeAtLeast(1)},
						},
						"required": schema.BoolAttribute{
							Optional:            true,
							Computed:            true,
							Default:             booldefault.StaticBool(false),
							MarkdownDescription: "Whether resources must have a value for the field. The API cannot change it after the field exists.",
						},
						"input_hint": schema.StringAttribute{
							Optional:            true,
							Computed:            true,
							Default:             stringdefault.StaticString("SingleLine"),
							MarkdownDescription: "How user interfaces show a text field: `SingleLine` (the default) or `MultiLine`.",
							Validators:          []validator.String{stringvalidator.OneOf("SingleLine", "MultiLine")},
						},
					},
					Blocks: map[string]schema.Block{
						"type": schema.ListNestedBlock{
							MarkdownDescription: "The field's type (exactly one block).",
							Validators:          []validator.List{listvalidator.IsRequired(), listvalidator.SizeBetween(1, 1)},
							NestedObject:        schema.NestedBlockObject{Attributes: typeAttrs, Blocks: typeBlocks},
						},
					},
				},
			},
		},
	}, "type")
}
