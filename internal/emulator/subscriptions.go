package emulator

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
)

// Subscriptions (commercetools-api-reference: resources/subscriptions.raml,
// types/subscription/*.raml).
//
//   - Create and changeDestination send a test message; when it cannot be delivered the request
//     fails. The reference names no error code: the emulator answers 400 InvalidInput with the
//     destination and the reason. Which destinations are unreachable is a fault rule
//     (Faults.UnreachableDestinations); every other destination is delivered to.
//   - Secrets: the Event Grid access key, the Confluent Cloud API key and secret and the
//     SharedAccessKey of an Azure Service Bus connection string are "partially hidden on
//     retrieval" (the emulator's form is that of extensions.go); SQS and SNS credentials are
//     returned as stored, as the reference says nothing of hiding them.
//   - An Event Grid destination needs the CloudEvents format (InvalidInput otherwise).
//   - setMessages, setChanges and setEvents may leave one of them empty only while another is
//     set, checked after each action.
//   - EventBridge gets its source, a URN, from the emulator:
//     aws.partner/commercetools.com/{projectKey}/{key or id}.
//   - The health status is Healthy; GET /subscriptions/{id}/health answers 200.
func init() { registerFamily(subscriptionsFamily) }

// maxSubscriptions is the per-project limit.
const maxSubscriptions = 50

var (
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
	destinationKinds = []string{"SQS", "SNS", "EventBridge", "EventGrid", "AzureServiceBus", "GoogleCloudPubSub", "ConfluentCloud", "IronMQ"}
	sharedAccessKey  = regexp.MustCompile(`(SharedAccessKey=)([^;]+)`)
)

var subscriptionsFamily = &family{
	coll: "subscriptions", typeID: "subscription", noun: "Subscription",
	view:     []string{"manage_subscriptions", "manage_project"},
	manage:   []string{"manage_subscriptions", "manage_project"},
	maxCount: maxSubscriptions,
	query: querySpec{
		whereFields: setOf("id", "key", "version", "destination", "messages", "changes", "events", "format", "status", "createdAt", "lastModifiedAt"),
		sortFields:  setOf("id", "key", "createdAt", "lastModifiedAt", "version"),
	},
	create: createSubscription,
	onRead: func(_ *call, d doc) doc { return maskSubscription(d) },
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"setKey": setOptionalKey,
		"changeDestination": func(x *vctx, cur doc, a doc) *apiError {
			f, p := readFields(a)
			d := readSubscriptionDestination(f.object("destination", true))
			f.done()
			if apiErr := p.err(); apiErr != nil {
				return apiErr
			}
			format := mapOf(cur["format"])
			if apiErr := checkFormatFits(d, format); apiErr != nil {
				return apiErr
			}
			if apiErr := x.testMessage(d); apiErr != nil {
				return apiErr
			}
			setEventBridgeSource(x, cur, d)
			cur["destination"], cur["status"] = d, "Healthy"
			return nil
		},
		"setMessages": setNotifications("messages", readMessageSubscriptions),
		"setChanges":  setNotifications("changes", readChangeSubscriptions),
		"setEvents":   setNotifications("events", readEventSubscriptions),
	},
	routes: nil,
}

func init() {
	// GET /subscriptions/{id}/health needs no authorization (resources/subscriptions.raml).
	families = append(families, func(r *router) {
		r.handle(http.MethodGet, "/{projectKey}/subscriptions/{id}/health", nil, func(c *call) {
			var found bool
			c.e.view(c.projectKey, func(p *projectStore) {
				_, found = p.doc(subscriptionsFamily.coll, c.param("id"))
			})
			if !found {
				c.fail(errNotFound(c.param("id")))
				return
			}
			c.empty(http.StatusOK)
		})
	})
}

func createSubscription(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{"status": "Healthy"}
	if key, ok := f.key(false); ok {
		out["key"] = key
	}
	dest := readSubscriptionDestination(f.object("destination", true))
	messages := readMessageSubscriptions(f, false)
	changes := readChangeSubscriptions(f, false)
	events := readEventSubscriptions(f, false)
	out["messages"], out["changes"], out["events"] = messages, changes, events
	format := doc{"type": "Platform"}
	if ff := f.object("format", false); ff != nil {
		format = readDeliveryFormat(ff)
	}
	out["format"] = format
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	if len(messages)+len(changes)+len(events) == 0 {
		return nil, errInvalidInput("A subscription needs messages, changes or events: at least one of them must not be empty.")
	}
	if apiErr := checkFormatFits(dest, format); apiErr != nil {
		return nil, apiErr
	}
	if apiErr := x.testMessage(dest); apiErr != nil {
		return nil, apiErr
	}
	setEventBridgeSource(x, out, dest)
	out["destination"] = dest
	return out, nil
}

// readSubscriptionDestination reads a Destination (discriminated by type).
func readSubscriptionDestination(f *fields) doc {
	if f == nil {
		return nil
	}
	kind, ok := f.enum("type", true, destinationKinds)
	if !ok {
		f.done()
		return nil
	}
	out := doc{"type": kind}
	req := func(k string) {
		if v, ok := f.str(k, true); ok {
			if strings.TrimSpace(v) == "" {
				f.p.add(errInvalidInput("'%s' must not be empty.", f.path(k)))
			}
			out[k] = v
		}
	}
	opt := func(k string) {
		if v, ok := f.str(k, false); ok {
			out[k] = v
		}
	}
	switch kind {
	case "SQS", "SNS":
		if kind == "SQS" {
			req("queueUrl")
			req("region")
		} else {
			req("topicArn")
		}
		mode, ok := f.enum("authenticationMode", false, []string{"Credentials", "IAM"})
		if !ok {
			mode = "Credentials"
		}
		out["authenticationMode"] = mode
		if mode == "Credentials" {
			req("accessKey")
			req("accessSecret")
		} else if f.used["accessKey"], f.used["accessSecret"] = true, true; f.has("accessKey") || f.has("accessSecret") {
			f.p.add(errInvalidInput("'%s': an IAM destination takes no accessKey or accessSecret.", f.at))
		}
	case "EventBridge":
		req("region")
		req("accountId")
		opt("source")
	case "EventGrid":
		req("uri")
		req("accessKey")
	case "AzureServiceBus":
		req("connectionString")
		if cs := str(out["connectionString"]); cs != "" && !strings.HasPrefix(cs, "Endpoint=sb://") {
			f.p.add(errInvalidInput("'%s.connectionString' must start with 'Endpoint=sb://'.", f.at))
		}
	case "GoogleCloudPubSub":
		req("projectId")
		req("topic")
	case "ConfluentCloud":
		req("bootstrapServer")
		req("apiKey")
		req("apiSecret")
		if a, ok := f.enum("acks", true, []string{"0", "1", "all"}); ok {
			out["acks"] = a
		}
		req("topic")
		opt("key")
	case "IronMQ":
		req("uri")
	}
	f.done()
	return out
}

// address is what identifies a destination, for the unreachable-destination fault.
func address(d doc) string {
	var parts []string
	for _, k := range []string{"queueUrl", "topicArn", "uri", "projectId", "topic", "bootstrapServer", "accountId", "region", "connectionString"} {
		if s := str(d[k]); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

// testMessage sends the test message of a create or changeDestination.
func (x *vctx) testMessage(d doc) *apiError {
	if d == nil {
		return nil
	}
	if why := x.c.e.faults.unreachableBy(address(d)); why != "" {
		return errInvalidInput("A test message could not be delivered to the %s destination: %s is not reachable "+
			"(the destination does not exist or commercetools is not allowed to write to it).", d["type"], why)
	}
	return nil
}

func checkFormatFits(dest, format doc) *apiError {
	if dest != nil && dest["type"] == "EventGrid" && format["type"] != "CloudEvents" {
		return errInvalidInput("An EventGrid destination can only be used with the CloudEvents format.")
	}
	return nil
}

func setEventBridgeSource(x *vctx, cur, dest doc) {
	if dest == nil || dest["type"] != "EventBridge" {
		return
	}
	name := str(cur["key"])
	if name == "" {
		name = str(cur["id"])
	}
	dest["source"] = "aws.partner/commercetools.com/" + x.c.projectKey + "/" + name
}

func readDeliveryFormat(f *fields) doc {
	kind, ok := f.enum("type", true, []string{"Platform", "CloudEvents"})
	out := doc{"type": kind}
	if ok && kind == "CloudEvents" {
		if v, ok := f.enum("cloudEventsVersion", true, []string{"1.0"}); ok {
			out["cloudEventsVersion"] = v
		}
	}
	f.done()
	return out
}

// readSubscriptions reads one of the notification lists; element reads one of its objects.
func readSubscriptions(f *fields, k string, required bool, element func(e *fields) doc) []any {
	l, _ := f.list(k, required)
	out := []any{}
	for i, raw := range l {
		if e := f.child(fmt.Sprintf("%s[%d]", k, i), raw); e != nil {
			if d := element(e); d != nil {
				out = append(out, d)
			}
		}
	}
	return out
}

func readMessageSubscriptions(f *fields, required bool) []any {
	return readSubscriptions(f, "messages", required, func(e *fields) doc {
		out := doc{}
		if rt, ok := e.enum("resourceTypeId", true, messageResourceTypeIDs); ok {
			out["resourceTypeId"] = rt
		}
		if types, ok := e.strings("types", false); ok {
			l := make([]any, len(types))
			for i, t := range types {
				l[i] = t
			}
			out["types"] = l
		}
		e.done()
		return out
	})
}

func readChangeSubscriptions(f *fields, required bool) []any {
	return readSubscriptions(f, "changes", required, func(e *fields) doc {
		out := doc{}
		if rt, ok := e.enum("resourceTypeId", true, changeResourceTypeIDs); ok {
			out["resourceTypeId"] = rt
		}
		e.done()
		return out
	})
}

func readEventSubscriptions(f *fields, required bool) []any {
	return readSubscriptions(f, "events", required, func(e *fields) doc {
		out := doc{}
		if rt, ok := e.enum("resourceTypeId", true, eventResourceTypeIDs); ok {
			out["resourceTypeId"] = rt
		}
		if types, ok := e.strings("types", false); ok {
			l := make([]any, 0, len(types))
			for i, t := range types {
				if !contains(eventTypes, t) {
					e.p.addShape("%s.types[%d]: Invalid enum value '%s'", e.at, i, t)
					continue
				}
				l = append(l, t)
			}
			out["types"] = l
		}
		e.done()
		return out
	})
}

func contains(l []string, s string) bool {
	for _, e := range l {
		if e == s {
			return true
		}
	}
	return false
}

// setNotifications implements setMessages, setChanges and setEvents: absent or empty unsets,
// which only one of the three may be at a time.
func setNotifications(k string, read func(f *fields, required bool) []any) func(*vctx, doc, doc) *apiError {
	return func(_ *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		l := read(f, false)
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		cur[k] = l
		total := 0
		for _, other := range []string{"messages", "changes", "events"} {
			v, _ := cur[other].([]any)
			total += len(v)
		}
		if total == 0 {
			return errInvalidInput("'%s' can only be unset while messages, changes or events are set.", k)
		}
		return nil
	}
}

// maskSubscription returns a copy with the secrets the API hides partially hidden.
func maskSubscription(d doc) doc {
	out := deepCopy(d)
	dest := mapOf(out["destination"])
	switch dest["type"] {
	case "EventGrid":
		dest["accessKey"] = mask(str(dest["accessKey"]))
	case "ConfluentCloud":
		dest["apiKey"], dest["apiSecret"] = mask(str(dest["apiKey"])), mask(str(dest["apiSecret"]))
	case "AzureServiceBus":
		dest["connectionString"] = sharedAccessKey.ReplaceAllStringFunc(str(dest["connectionString"]), func(m string) string {
			parts := sharedAccessKey.FindStringSubmatch(m)
			return parts[1] + mask(parts[2])
		})
	}
	return out
}
