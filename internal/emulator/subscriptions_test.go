package emulator

import (
	"fmt"
	"testing"
)

// Bodies written from types/subscription.
func TestSubscriptions(t *testing.T) {
	h := newHarness(t, Options{})
	tok := h.admin()
	coll := "/" + pk + "/subscriptions"
	msgs := []any{map[string]any{"resourceTypeId": "order", "types": []any{"OrderCreated"}}}
	sqs := map[string]any{"type": "SQS", "queueUrl": "https://sqs.example/q", "region": "eu-west-1", "accessKey": "AKIA", "accessSecret": "sqs-secret"}
	s := mustDoc(t, h.do("POST", coll, tok, map[string]any{"key": "orders", "destination": sqs, "messages": msgs}), 201)
	if fmt.Sprint(s["format"]) != "map[type:Platform]" || s["status"] != "Healthy" || mapOf(s["destination"])["authenticationMode"] != "Credentials" {
		t.Fatalf("create: %v", s)
	}
	grid := map[string]any{"type": "EventGrid", "uri": "https://grid.example", "accessKey": "grid-access-key-123456"}
	for _, tc := range []struct {
		draft map[string]any
		code  string
	}{
		{map[string]any{"destination": sqs}, "InvalidInput"}, // no messages, changes or events
		{map[string]any{"destination": grid, "messages": msgs}, "InvalidInput"},
		{map[string]any{"destination": map[string]any{"type": "SNS", "topicArn": "arn", "authenticationMode": "IAM", "accessKey": "x"}, "messages": msgs}, "InvalidInput"},
		{map[string]any{"destination": map[string]any{"type": "AzureServiceBus", "connectionString": "nope"}, "messages": msgs}, "InvalidInput"},
		{map[string]any{"destination": map[string]any{"type": "ConfluentCloud", "bootstrapServer": "b", "apiKey": "k", "apiSecret": "s", "acks": "2", "topic": "t"}, "messages": msgs}, "InvalidJsonInput"},
		{map[string]any{"destination": sqs, "changes": []any{map[string]any{"resourceTypeId": "nope"}}}, "InvalidJsonInput"},
	} {
		_, _ = mustError(t, h.do("POST", coll, tok, tc.draft), 400, tc.code)
	}
	g := mustDoc(t, h.do("POST", coll, tok, map[string]any{"destination": grid, "changes": []any{map[string]any{"resourceTypeId": "product"}},
		"format": map[string]any{"type": "CloudEvents", "cloudEventsVersion": "1.0"}}), 201)
	if mapOf(g["destination"])["accessKey"] != "******************3456" {
		t.Fatalf("event grid key masked: %v", g["destination"])
	}
	bus := mustDoc(t, h.do("POST", coll, tok, map[string]any{"destination": map[string]any{"type": "AzureServiceBus",
		"connectionString": "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Send;SharedAccessKey=abcdefghijkl123="}, "messages": msgs}), 201)
	if cs := mapOf(bus["destination"])["connectionString"]; cs != "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Send;SharedAccessKey=************123=" {
		t.Fatalf("service bus key masked: %v", cs)
	}
	eb := mustDoc(t, h.do("POST", coll, tok, map[string]any{"key": "imports", "destination": map[string]any{"type": "EventBridge", "region": "eu-central-1", "accountId": "123456789012"},
		"events": []any{map[string]any{"resourceTypeId": "import-api", "types": []any{"ImportContainerCreated"}}}}), 201)
	if mapOf(eb["destination"])["source"] != "aws.partner/commercetools.com/"+pk+"/imports" {
		t.Fatalf("event bridge source: %v", eb["destination"])
	}
	// Unreachable destinations fail the test message of a create and of a changeDestination.
	h.ts.Faults().UnreachableDestinations("sqs.example/dead")
	dead := map[string]any{"type": "SQS", "queueUrl": "https://sqs.example/dead", "region": "eu-west-1", "accessKey": "AKIA", "accessSecret": "x"}
	_, _ = mustError(t, h.do("POST", coll, tok, map[string]any{"destination": dead, "messages": msgs}), 400, "InvalidInput")
	_, _ = mustError(t, h.do("POST", coll+"/key=orders", tok, update(1, map[string]any{"action": "changeDestination", "destination": dead})), 400, "InvalidInput")
	// Unsetting one list is fine while another is set, in the order of the actions.
	_, _ = mustError(t, h.do("POST", coll+"/key=orders", tok, update(1, map[string]any{"action": "setMessages"},
		map[string]any{"action": "setChanges", "changes": []any{map[string]any{"resourceTypeId": "cart"}}})), 400, "InvalidInput")
	u := mustDoc(t, h.do("POST", coll+"/key=orders", tok, update(1,
		map[string]any{"action": "setChanges", "changes": []any{map[string]any{"resourceTypeId": "cart"}}},
		map[string]any{"action": "setMessages"},
		map[string]any{"action": "setKey", "key": "carts"})), 200)
	if fmt.Sprint(u["messages"]) != "[]" || u["key"] != "carts" {
		t.Fatalf("update: %v", u)
	}
	if r := h.do("GET", coll+"/"+str(u["id"])+"/health", "", nil); r.status != 200 {
		t.Fatalf("health: %d", r.status)
	}
}
