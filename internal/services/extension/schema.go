package extension

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/unset"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/writeonly"
)

// schemaVersion is the incumbent's (its version 0 stored the destination as a map).
const schemaVersion = 1

// resourceTypeIDs is ExtensionResourceTypeId.
var resourceTypeIDs = []string{"cart", "order", "payment", "payment-method", "customer", "customer-group",
	"quote-request", "staged-quote", "quote", "business-unit", "shopping-list"}

var keyPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{2,256}$`)

// destinationTypes are the destination kinds; the configuration may write them in any case (the
// incumbent accepted "http" and wrote "awslambda").
var destinationTypes = []string{"HTTP", "AWSLambda", "GoogleCloudFunction"}

func resourceSchema(ctx context.Context) schema.Schema {
	destAttrs := map[string]schema.Attribute{
		"type": schema.StringAttribute{Required: true,
			MarkdownDescription: "The kind of destination: `HTTP` (also for Azure Functions), `AWSLambda` or `GoogleCloudFunction`, in any letter case " +
				"(the incumbent wrote `awslambda`): the spelling in the state is kept. An import reads the API's spelling, so a configuration " +
				"in another case plans one update after an import, which sends nothing.",
			Validators: []validator.String{stringvalidator.OneOfCaseInsensitive(destinationTypes...)}},
		"url": schema.StringAttribute{Optional: true, MarkdownDescription: "For `HTTP` and `GoogleCloudFunction`: the URL called.",
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
		"arn": schema.StringAttribute{Optional: true, MarkdownDescription: "For `AWSLambda`: the ARN of the function.",
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
		"access_key": schema.StringAttribute{Optional: true, MarkdownDescription: "For `AWSLambda`: the access key id of an IAM user allowed to invoke the function. commercetools masks it on read; the configured value is kept.",
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
	}
	for name, desc := range map[string]string{ //nolint:gosec // attribute names and descriptions, not credentials
		"authorization_header": "For `HTTP`: the value of the `Authorization` header commercetools sends, scheme included (`Bearer …`, `Basic …`).",
		"azure_authentication": "For `HTTP` to an Azure Function: the function key, sent in the `x-functions-key` header.",
		"access_secret":        "For `AWSLambda`: the secret access key of the IAM user.",
	} {
		writeonly.AddSecret(destAttrs, name, desc)
	}
	return versioned.WithCommon(ctx, schema.Schema{
		Version: schemaVersion,
		MarkdownDescription: "An [API extension](https://docs.commercetools.com/api/projects/api-extensions): a function or HTTP " +
			"endpoint commercetools calls when carts, orders, customers and other resources are created or updated.\n\n" +
			"Its credentials are sensitive and commercetools masks them on read: the provider keeps the configured values and " +
			"never plans a change from the mask. Each credential also has a write-only form (`…_wo` with `…_wo_version`, " +
			"Terraform and OpenTofu 1.11 or later) that never reaches the state; see the guide " +
			"[Keeping integration secrets out of state](../guides/integration-secrets.md).",
		Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{Optional: true,
				MarkdownDescription: "User-defined unique identifier of the extension, 2 to 256 characters of A-Z, a-z, 0-9, `_` and `-`.",
				Validators:          []validator.String{stringvalidator.RegexMatches(keyPattern, "must be 2 to 256 characters of A-Z, a-z, 0-9, '_' and '-'")}},
			"timeout_in_ms": schema.Int64Attribute{Optional: true,
				MarkdownDescription: "How long commercetools waits for the extension, in milliseconds: 1 to 10000 (higher limits " +
					"need commercetools support). Defaults to 2000, the API's default; removing it sets 2000 again, and `0` (the " +
					"incumbent's \"not set\") means the default too.",
				Validators: []validator.Int64{int64validator.Between(1, 10000), unset.APIDefault(int64(2000))}},
			"dependencies": schema.ListAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Ids of up to 5 extensions that must run before this one (for example `[commercetools_api_extension.tax.id]`).",
				Validators:          []validator.List{listvalidator.SizeBetween(1, 5), listvalidator.UniqueValues()}},
			"expansion_paths": schema.ListAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Up to 3 reference expansion paths applied to the resource sent to the extension.",
				Validators:          []validator.List{listvalidator.SizeBetween(1, 3)}},
			"include_old_resource": schema.BoolAttribute{Optional: true,
				MarkdownDescription: "Whether an update sends the resource as it was before the update, too (the API's default is `false`; " +
					"`false` and leaving it out are one value).",
				Validators: []validator.Bool{unset.ZeroIsUnset()}},
		},
		Blocks: map[string]schema.Block{
			"destination": schema.ListNestedBlock{
				MarkdownDescription: "Where commercetools sends the call (exactly one block).",
				Validators:          []validator.List{listvalidator.IsRequired(), listvalidator.SizeBetween(1, 1)},
				NestedObject:        schema.NestedBlockObject{Attributes: destAttrs},
			},
			"trigger": schema.ListNestedBlock{
				MarkdownDescription: "When commercetools calls the extension (at least one block).",
				Validators:          []validator.List{listvalidator.IsRequired(), listvalidator.SizeAtLeast(1)},
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"resource_type_id": schema.StringAttribute{Required: true,
						MarkdownDescription: "The resource type: one of `" + joined(resourceTypeIDs) + "`.",
						Validators:          []validator.String{stringvalidator.OneOf(resourceTypeIDs...)}},
					"actions": schema.ListAttribute{Required: true, ElementType: types.StringType,
						MarkdownDescription: "`Create`, `Update` or both.",
						Validators: []validator.List{listvalidator.SizeBetween(1, 2), listvalidator.UniqueValues(),
							listvalidator.ValueStringsAre(stringvalidator.OneOf("Create", "Update"))}},
					"condition": schema.StringAttribute{Optional: true,
						MarkdownDescription: "A [predicate](https://docs.commercetools.com/api/predicates/query) that the resource must match; commercetools checks its syntax when the extension is written.",
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)}},
				}},
			},
		},
	}, "extension")
}

func joined(l []string) string {
	out := ""
	for i, s := range l {
		if i > 0 {
			out += "`, `"
		}
		out += s
	}
	return out
}
