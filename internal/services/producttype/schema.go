package producttype

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/enums"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// schemaVersion is the incumbent's: labd/commercetools stores commercetools_product_type at 1
// (its version 0 held enum values in a map), so its state is read as it is.
const schemaVersion = 1

// attributeTypes are the type names of the configuration (the API's AttributeType names).
var attributeTypes = []string{"boolean", "text", "ltext", "enum", "lenum", "number", "money", "date", "time", "datetime", "reference", "set", "nested"}

// referenceTypeIDs is AttributeReferenceTypeId.
var referenceTypeIDs = []string{
	"associate-role", "business-unit", "cart", "cart-discount", "category", "channel", "customer", "customer-group",
	"key-value-document", "order", "product", "product-type", "review", "shipping-method", "state", "variant", "zone",
}

var (
	keyPattern  = regexp.MustCompile(`^[A-Za-z0-9_-]{2,256}$`)
	keyMessage  = "must be 2 to 256 characters of A-Z, a-z, 0-9, '_' and '-'"
	constraints = []string{"None", "Unique", "CombinationUnique", "SameForAll"}
)

// optInName is the attribute that lets a change go through that needs the attribute removed and
// added again.
const optInName = "allow_recreate_deleting_values"

func quoted(l []string) string { return "`" + strings.Join(l, "`, `") + "`" }

// typeBlock is the `type` block of an attribute, or (element) the `element_type` of a set.
func typeBlock(element bool) schema.ListNestedBlock {
	names, what := attributeTypes, "The attribute's type"
	if element {
		names, what = slices.DeleteFunc(slices.Clone(attributeTypes), func(n string) bool { return n == "set" }), "The type of the set's elements"
	}
	attrs := map[string]schema.Attribute{
		"name": schema.StringAttribute{Required: true, MarkdownDescription: what + ": one of " + quoted(names) + ".",
			Validators: []validator.String{stringvalidator.OneOf(names...)}},
		"reference_type_id": schema.StringAttribute{Optional: true,
			MarkdownDescription: "For `reference`: the resource type referenced, one of " + quoted(referenceTypeIDs) + ".",
			Validators:          []validator.String{stringvalidator.OneOf(referenceTypeIDs...)}},
		"type_reference": schema.StringAttribute{Optional: true,
			MarkdownDescription: "For `nested`: the id of the product type whose attributes the value holds.",
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)}},
	}
	blocks := map[string]schema.Block{
		"value":           enums.PlainBlock("For `enum`"),
		"localized_value": enums.LocalizedBlock("For `lenum`"),
	}
	if !element {
		elem := typeBlock(true)
		elem.MarkdownDescription = "For `set`: the type of its elements (exactly one block). A set of sets is not supported."
		elem.Validators = []validator.List{listvalidator.SizeAtMost(1)}
		blocks["element_type"] = elem
	}
	return schema.ListNestedBlock{
		MarkdownDescription: what + " (exactly one block).",
		Validators:          []validator.List{listvalidator.IsRequired(), listvalidator.SizeBetween(1, 1)},
		NestedObject:        schema.NestedBlockObject{Attributes: attrs, Blocks: blocks},
	}
}

func resourceSchema(ctx context.Context) schema.Schema {
	return versioned.WithCommon(ctx, schema.Schema{
		Version: schemaVersion,
		MarkdownDescription: "A [product type](https://docs.commercetools.com/api/projects/productTypes): the attributes that " +
			"products of the type have.\n\n" +
			"Attributes and enum values are kept in the order you write them. What the API can change in place is changed in " +
			"place, in as few requests as its limit of 500 update actions allows: labels, input tips and hints, searchable, a " +
			"constraint relaxed to `None`, new, removed and reordered attributes and enum values. A change the API can only make " +
			"by removing the attribute and adding it again (its type, `level` or `required`, or a constraint other than to " +
			"`None`) deletes the attribute's values on every product, so it is refused at plan time unless the attribute says `" +
			optInName + " = true`.",
		Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{Optional: true,
				MarkdownDescription: "User-defined unique identifier of the product type, 2 to 256 characters of A-Z, a-z, 0-9, `_` and `-`.",
				Validators:          []validator.String{stringvalidator.RegexMatches(keyPattern, keyMessage)}},
			"name": schema.StringAttribute{Required: true, MarkdownDescription: "Name of the product type.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
			"description": schema.StringAttribute{Optional: true, MarkdownDescription: "Description of the product type.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
		},
		Blocks: map[string]schema.Block{
			"attribute": schema.ListNestedBlock{
				MarkdownDescription: "The attribute definitions, in order.",
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"name": schema.StringAttribute{Required: true,
							MarkdownDescription: "Name of the attribute, 2 to 256 characters of A-Z, a-z, 0-9, `_` and `-`; unique in the " +
								"product type. An attribute of the same name in another product type must have the same type.",
							Validators: []validator.String{stringvalidator.RegexMatches(keyPattern, keyMessage)}},
						"label": schema.MapAttribute{Required: true, ElementType: types.StringType, MarkdownDescription: "Label of the attribute by locale.",
							Validators: []validator.Map{mapvalidator.SizeAtLeast(1)}},
						"required": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
							MarkdownDescription: "Whether every product variant must have a value. Not for sets. The API cannot change it in place."},
						"level": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("Variant"),
							MarkdownDescription: "Whether the attribute belongs to the product (`Product`) or to each variant (`Variant`, the default). " +
								"The API cannot change it in place.",
							Validators: []validator.String{stringvalidator.OneOf("Product", "Variant")}},
						"constraint": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("None"),
							MarkdownDescription: "How values are validated across the variants of a product: `None` (the default), `Unique`, " +
								"`CombinationUnique` or `SameForAll`. `Product`-level and nested attributes take `None` only. In place, the API " +
								"can only relax `Unique` and `SameForAll` to `None`.",
							Validators: []validator.String{stringvalidator.OneOf(constraints...)}},
						"input_tip": schema.MapAttribute{Optional: true, ElementType: types.StringType,
							MarkdownDescription: "Help text for the people who edit products, by locale."},
						"input_hint": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("SingleLine"),
							MarkdownDescription: "How user interfaces show a text value: `SingleLine` (the default) or `MultiLine`.",
							Validators:          []validator.String{stringvalidator.OneOf("SingleLine", "MultiLine")}},
						"searchable": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
							MarkdownDescription: "Whether the values can be searched, filtered and faceted on. Defaults to `false`, as in the " +
								"labd/commercetools provider (the API's own default is `true`): write `searchable = true` where you want it. " +
								"Nested attributes cannot be searchable."},
						optInName: schema.BoolAttribute{Optional: true,
							MarkdownDescription: "Set to `true` to let a change go through that the API can only make by removing the attribute and " +
								"adding it again: a change of its type, `level` or `required`, or of its constraint other than to `None`. " +
								"**Removing the attribute deletes its values on every product of this type.** The removal and the new " +
								"attribute go out in separate requests, as the API asks. Without it, such a change is refused at plan time. " +
								"It is not sent to commercetools (and is null in the data source)."},
					},
					Blocks: map[string]schema.Block{"type": typeBlock(false)},
				},
			},
		},
	}, "product type")
}
