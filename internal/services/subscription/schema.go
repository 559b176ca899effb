package subscription

import (
	"context"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/unset"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/writeonly"
)

// schemaVersion is the incumbent's.
const schemaVersion = 1

var (
	keyPattern       = regexp.MustCompile(`^[A-Za-z0-9_-]{2,256}$`)
	destinationKinds = []string{"SQS", "SNS", "EventBridge", "EventGrid", "AzureServiceBus", "GoogleCloudPubSub", "ConfluentCloud"}
	// messageResourceTypeIDs, changeResourceTypeIDs and eventResourceTypeIDs are the API's
	// MessageSubscriptionResourceTypeId, ChangeSubscriptionResourceTypeId and
	// EventSubscriptionResourceTypeId.
	messageResourceTypeIDs = []string{"approval-flow", "approval-rule", "associate-role", "business-unit", "category", "customer",
		"customer-email-token", "customer-group", "customer-password-token", "inventory-entry", "order", "payment", "product",
		"product-selection", "product-tailoring", "quote", "quote-request", "review", "shopping-list", "staged-quote",
		"standalone-price", "store"}
	changeResourceTypeIDs = []string{"approval-flow", "approval-rule", "associate-role", "attribute-group", "business-unit", "cart",
		"cart-discount", "category", "channel", "customer", "customer-email-token", "customer-group", "customer-password-token",
		"discount-code", "discount-group", "extension", "inventory-entry", "key-value-document", "order", "order-edit", "payment",
		"product", "product-discount", "product-selection", "product-tailoring", "product-type", "quote", "quote-request",
		"recurrence-policy", "recurring-order", "review", "shipping-method", "shopping-list", "staged-quote", "standalone-price",
		"state", "store", "subscription", "tax-category", "type", "zone"}
	eventResourceTypeIDs = []string{"checkout", "import-api"}
	eventTypes           = []string{"CheckoutOrderCreationFailed", "CheckoutPaymentAuthorizationCancelled", "CheckoutPaymentAuthorizationFailed",
		"CheckoutPaymentAuthorized", "CheckoutPaymentCancelAuthorizationFailed", "CheckoutPaymentCharged", "CheckoutPaymentChargeFailed",
		"CheckoutPaymentRefunded", "CheckoutPaymentRefundFailed", "ImportContainerCreated", "ImportContainerDeleted",
		"ImportOperationRejected", "ImportUnresolved", "ImportValidationFailed", "ImportWaitForMasterVariant"}
)

func quoted(l []string) string { return "`" + strings.Join(l, "`, `") + "`" }

func str(desc string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, MarkdownDescription: desc, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}}
}

func notificationBlock(what string, ids []string, typesDesc string, typeValues []string) schema.SetNestedBlock {
	typesAttr := schema.ListAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: typesDesc}
	if typeValues != nil {
		typesAttr.Validators = []validator.List{listvalidator.ValueStringsAre(stringvalidator.OneOf(typeValues...))}
	}
	return schema.SetNestedBlock{
		MarkdownDescription: what,
		NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
			"resource_type_id": schema.StringAttribute{Required: true, MarkdownDescription: "The resource type: one of " + quoted(ids) + ".",
				Validators: []validator.String{stringvalidator.OneOf(ids...)}},
			"types": typesAttr,
		}},
	}
}

func resourceSchema(ctx context.Context) schema.Schema {
	dest := map[string]schema.Attribute{
		"type": schema.StringAttribute{Required: true, MarkdownDescription: "The kind of destination: one of " + quoted(destinationKinds) + ".",
			Validators: []validator.String{stringvalidator.OneOf(destinationKinds...)}},
		"queue_url":        str("For `SQS`: the URL of the queue (a standard queue)."),
		"topic_arn":        str("For `SNS`: the ARN of the topic."),
		"region":           str("For `SQS` and `EventBridge`: the AWS region."),
		"account_id":       str("For `EventBridge`: the AWS account id that receives the partner event source."),
		"uri":              str("For `EventGrid`: the URI of the topic."),
		"project_id":       str("For `GoogleCloudPubSub`: the Google Cloud project."),
		"topic":            str("For `GoogleCloudPubSub` and `ConfluentCloud`: the topic."),
		"bootstrap_server": str("For `ConfluentCloud`: the bootstrap server, `host:port`."),
		"acks": schema.StringAttribute{Optional: true, MarkdownDescription: "For `ConfluentCloud`: the acknowledgements the producer waits for: `0`, `1` or `all`.",
			Validators: []validator.String{stringvalidator.OneOf("0", "1", "all")}},
		"key": str("For `ConfluentCloud`: the key of the messages (optional)."),
	}
	for name, desc := range map[string]string{ //nolint:gosec // attribute names and descriptions, not credentials
		"access_key":        "For `SQS` and `SNS`: the access key id of an IAM user (leave both AWS credentials out to authenticate with IAM, which the API recommends). For `EventGrid`: the access key of the topic.",
		"access_secret":     "For `SQS` and `SNS`: the secret access key of the IAM user.",
		"connection_string": "For `AzureServiceBus`: the connection string of a Shared Access Policy with `Send`, starting with `Endpoint=sb://`.",
		"api_key":           "For `ConfluentCloud`: the API key.",
		"api_secret":        "For `ConfluentCloud`: the API secret.",
	} {
		writeonly.AddSecret(dest, name, desc)
	}
	return versioned.WithCommon(ctx, schema.Schema{
		Version: schemaVersion,
		MarkdownDescription: "A [subscription](https://docs.commercetools.com/api/projects/subscriptions): messages, change " +
			"notifications and events that commercetools delivers to a queue or topic (AWS SQS, SNS and EventBridge, Google " +
			"Cloud Pub/Sub, Azure Service Bus and Event Grid, Confluent Cloud).\n\n" +
			"commercetools sends a test message when the subscription is created and when its destination changes, and refuses " +
			"the change when the message cannot be delivered; the error names the destination. Credentials are sensitive and " +
			"have write-only forms; see [Keeping integration secrets out of state](../guides/integration-secrets.md).",
		Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{Optional: true,
				MarkdownDescription: "User-defined unique identifier of the subscription, 2 to 256 characters of A-Z, a-z, 0-9, `_` and `-`.",
				Validators:          []validator.String{stringvalidator.RegexMatches(keyPattern, "must be 2 to 256 characters of A-Z, a-z, 0-9, '_' and '-'")}},
		},
		Blocks: map[string]schema.Block{
			"destination": schema.ListNestedBlock{
				MarkdownDescription: "Where commercetools delivers (exactly one block). The fields of one kind only; they are checked at plan time.",
				Validators:          []validator.List{listvalidator.IsRequired(), listvalidator.SizeBetween(1, 1)},
				NestedObject:        schema.NestedBlockObject{Attributes: dest},
			},
			"format": schema.ListNestedBlock{
				MarkdownDescription: "How notifications are written (at most one block): `Platform` (the default) or `CloudEvents` " +
					"(required by `EventGrid`). The API cannot change the format: a change creates a new subscription.",
				Validators:    []validator.List{listvalidator.SizeAtMost(1)},
				PlanModifiers: []planmodifier.List{listplanmodifier.RequiresReplaceIf(formatChanged, "A change of the format replaces the subscription.", "A change of the format replaces the subscription.")},
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"type": schema.StringAttribute{Required: true, MarkdownDescription: "`Platform` or `CloudEvents`.",
						Validators: []validator.String{stringvalidator.OneOf("Platform", "CloudEvents")}},
					"cloud_events_version": schema.StringAttribute{Optional: true, MarkdownDescription: "For `CloudEvents`: the version, `1.0` (the default).",
						Validators: []validator.String{stringvalidator.OneOf("1.0"), unset.APIDefault("1.0")}},
				}},
			},
			"message": notificationBlock("Messages to deliver, by resource type (any number of blocks).", messageResourceTypeIDs,
				"Message types of the resource, for example `[\"OrderCreated\"]`; none (or `[]`) means every message of the resource.", nil),
			"changes": schema.SetNestedBlock{
				MarkdownDescription: "Change notifications (creation, update, deletion) to deliver (one block).",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"resource_type_ids": schema.ListAttribute{Required: true, ElementType: types.StringType,
						MarkdownDescription: "The resource types: any of " + quoted(changeResourceTypeIDs) + ".",
						Validators:          []validator.List{listvalidator.ValueStringsAre(stringvalidator.OneOf(changeResourceTypeIDs...))}},
				}},
			},
			"event": notificationBlock("Events to deliver (checkout and import events), by resource type.", eventResourceTypeIDs,
				"Event types, any of "+quoted(eventTypes)+"; none means every event of the resource type.", eventTypes),
		},
	}, "subscription")
}
