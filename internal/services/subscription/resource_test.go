package subscription_test

import (
	"fmt"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

const (
	addr  = "commercetools_subscription.test"
	coll  = "subscriptions"
	route = "POST /{projectKey}/subscriptions/{id}"
)

const create = `
  key = "order-events"

  destination {
    type          = "SQS"
    queue_url     = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders"
    region        = "eu-west-1"
    access_key    = "AKIAORDERS"
    access_secret = "sqs-secret-1"
  }

  message {
    resource_type_id = "order"
    types            = ["OrderCreated", "OrderStateChanged"]
  }

  changes {
    resource_type_ids = ["customer", "cart"]
  }
`

func stored(srv *emulator.TestServer, key string) map[string]any {
	for _, d := range srv.StoredDocs(srv.Project.Key, coll) {
		if d["key"] == key {
			return d
		}
	}
	return nil
}

func expectField(srv *emulator.TestServer, key, field, want string) statecheck.StateCheck {
	return acctest.StateFunc(func(*tfjson.State) error {
		d := stored(srv, key)
		if d == nil {
			return fmt.Errorf("no subscription %s on the emulator", key)
		}
		dest, _ := d["destination"].(map[string]any)
		if got := fmt.Sprint(dest[field]); got != want {
			return fmt.Errorf("subscription %s: destination.%s is %q on the emulator, want %q", key, field, got, want)
		}
		return nil
	})
}

func TestAccSubscription_lifecycle(t *testing.T) {
	update1 := strings.NewReplacer(
		`key = "order-events"`, `key = "order-notifications"`,
		`/123456789012/orders"`, `/123456789012/orders-v2"`,
		`types            = ["OrderCreated", "OrderStateChanged"]`, `types            = ["OrderCreated"]`,
	).Replace(create) + `
  message {
    resource_type_id = "payment"
  }
`
	// The messages go; changes stay, events come: setMessages (emptied) goes last.
	update2 := strings.Replace(update1, "  message {\n    resource_type_id = \"order\"\n    types            = [\"OrderCreated\"]\n  }\n", "", 1)
	update2 = strings.Replace(update2, "  message {\n    resource_type_id = \"payment\"\n  }\n", `
  event {
    resource_type_id = "import-api"
    types            = ["ImportContainerCreated"]
  }
`, 1)
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_subscription", Coll: coll,
		Create: create,
		// An import reads the format the API reports (Platform): this configuration leaves it out,
		// so the import block plans one update that sends nothing.
		ImportIgnore: []string{"format"}, ImportPlansUpdate: true,
		Checks: []statecheck.StateCheck{
			statecheck.ExpectSensitiveValue(addr, tfjsonpath.New("destination").AtSliceIndex(0).AtMapKey("access_secret")),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("format"), knownvalue.ListSizeExact(0)),
		},
		Updates: []acctest.Update{
			{Body: update1},
			{Body: update2},
		},
		Concurrent: strings.Replace(update2, `orders-v2"`, `orders-v3"`, 1),
		// The API has no action for the format: a new subscription.
		Replaces: []string{update2 + "\n  format {\n    type = \"CloudEvents\"\n  }\n"},
	})
}

// everyKind has one subscription of each destination kind; n changes their credentials.
func everyKind(n int) string {
	return fmt.Sprintf(`
resource "commercetools_subscription" "sqs_iam" {
  key = "sqs-iam"
  destination {
    type      = "SQS"
    queue_url = "https://sqs.eu-west-1.amazonaws.com/123456789012/iam"
    region    = "eu-west-1"
  }
  changes {
    resource_type_ids = ["product"]
  }
}

resource "commercetools_subscription" "sns" {
  key = "sns"
  destination {
    type          = "SNS"
    topic_arn     = "arn:aws:sns:eu-west-1:123456789012:customers"
    access_key    = "AKIASNS%[1]d"
    access_secret = "sns-secret-%[1]d"
  }
  message {
    resource_type_id = "customer"
    types            = []
  }
}

resource "commercetools_subscription" "eventbridge" {
  key = "eventbridge"
  destination {
    type       = "EventBridge"
    region     = "eu-central-1"
    account_id = "12345678901%[1]d"
  }
  event {
    resource_type_id = "checkout"
  }
}

resource "commercetools_subscription" "eventgrid" {
  key = "eventgrid"
  destination {
    type       = "EventGrid"
    uri        = "https://acme.westeurope-1.eventgrid.azure.net/api/events"
    access_key = "eventgrid-access-key-%[1]d"
  }
  format {
    type                 = "CloudEvents"
    cloud_events_version = "1.0"
  }
  changes {
    resource_type_ids = ["order"]
  }
}

resource "commercetools_subscription" "servicebus" {
  key = "servicebus"
  destination {
    type              = "AzureServiceBus"
    connection_string = "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Send;SharedAccessKey=bus-key-%[1]d;EntityPath=orders"
  }
  message {
    resource_type_id = "order"
    types            = ["OrderCreated"]
  }
}

resource "commercetools_subscription" "pubsub" {
  key = "pubsub"
  destination {
    type       = "GoogleCloudPubSub"
    project_id = "acme-commerce"
    topic      = "catalog-%[1]d"
  }
  message {
    resource_type_id = "product"
    types            = ["ProductPublished"]
  }
}

resource "commercetools_subscription" "confluent" {
  key = "confluent"
  destination {
    type             = "ConfluentCloud"
    bootstrap_server = "pkc-1234.eu-west-1.aws.confluent.cloud:9092"
    api_key          = "CONFLUENTKEY%[1]d"
    api_secret       = "confluent-secret-%[1]d"
    acks             = "all"
    topic            = "orders"
    key              = "id"
  }
  message {
    resource_type_id = "order"
  }
}
`, n)
}

// TestAccSubscription_everyDestination creates one subscription of each destination kind,
// changes each credential (one changeDestination each, with its test message) and destroys
// them; the API masks several credentials on read and none plans a change.
func TestAccSubscription_everyDestination(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	checks := func(n int) []statecheck.StateCheck {
		return []statecheck.StateCheck{
			expectField(srv, "sqs-iam", "authenticationMode", "IAM"),
			expectField(srv, "sns", "accessSecret", fmt.Sprintf("sns-secret-%d", n)),
			expectField(srv, "eventgrid", "accessKey", fmt.Sprintf("eventgrid-access-key-%d", n)),
			expectField(srv, "servicebus", "connectionString", fmt.Sprintf("Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Send;SharedAccessKey=bus-key-%d;EntityPath=orders", n)),
			expectField(srv, "confluent", "apiSecret", fmt.Sprintf("confluent-secret-%d", n)),
			expectField(srv, "confluent", "apiKey", fmt.Sprintf("CONFLUENTKEY%d", n)),
			expectField(srv, "eventbridge", "source", "aws.partner/commercetools.com/"+srv.Project.Key+"/eventbridge"),
			acctest.ExpectEmulatorCount(srv, coll, 7),
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: acctest.ProviderBlock(srv) + everyKind(1), ConfigStateChecks: checks(1)},
			{
				PreConfig:         srv.ResetCounts,
				Config:            acctest.ProviderBlock(srv) + everyKind(2),
				ConfigStateChecks: append(checks(2), acctest.ExpectRequests(srv, map[string]int{route: 6})),
			},
		},
	})
}

// TestAccSubscription_unreachable: commercetools cannot deliver the test message: the create
// fails with the destination named, and nothing is created or left in state.
func TestAccSubscription_unreachable(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	srv.Faults().UnreachableDestinations("orders-dead")
	cfg := acctest.ProviderBlock(srv) + "resource \"commercetools_subscription\" \"test\" {\n" +
		strings.Replace(create, "/123456789012/orders\"", "/123456789012/orders-dead\"", 1) + "}\n"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, ExpectError: acctest.Words(`A test message could not be delivered to the SQS destination`)},
			{Config: cfg, PlanOnly: true, ExpectNonEmptyPlan: true,
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectEmulatorCount(srv, coll, 0)}},
		},
	})
	if n := len(srv.Docs(srv.Project.Key, coll)); n != 0 {
		t.Errorf("%d subscriptions on the emulator after a failed create", n)
	}
}

// TestAccSubscription_refusedAtPlan: what the API would refuse is refused before any request.
func TestAccSubscription_refusedAtPlan(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	cfg := func(body string) string {
		return acctest.ProviderBlock(srv) + "resource \"commercetools_subscription\" \"test\" {\n" + body + "}\n"
	}
	changes := "  changes {\n    resource_type_ids = [\"order\"]\n  }\n"
	var steps []resource.TestStep
	for _, tc := range []struct{ body, want string }{
		{"  destination {\n    type = \"SQS\"\n    region = \"eu-west-1\"\n  }\n" + changes, `A destination of type SQS needs queue_url`},
		{"  destination {\n    type = \"SNS\"\n    topic_arn = \"arn:x\"\n    access_key = \"AKIA\"\n  }\n" + changes, `Give both access_key and access_secret`},
		{"  destination {\n    type = \"GoogleCloudPubSub\"\n    project_id = \"p\"\n    topic = \"t\"\n    region = \"x\"\n  }\n" + changes, `region does not apply to a destination of type GoogleCloudPubSub`},
		{"  destination {\n    type = \"EventGrid\"\n    uri = \"https://x\"\n    access_key = \"k\"\n  }\n" + changes, `An EventGrid destination takes only the CloudEvents format`},
		{"  destination {\n    type = \"GoogleCloudPubSub\"\n    project_id = \"p\"\n    topic = \"t\"\n  }\n", `A subscription needs at least one message, changes or event block`},
		{"  destination {\n    type = \"AzureServiceBus\"\n    connection_string = \"Endpoint=sb://x/\"\n    connection_string_wo_version = 1\n  }\n" + changes,
			`connection_string_wo_version belongs to the write-only form connection_string_wo`},
	} {
		steps = append(steps, resource.TestStep{Config: cfg(tc.body), PlanOnly: true, ExpectError: acctest.Words(tc.want)})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories, Steps: steps})
	if n := srv.Counts().API; n != 0 {
		t.Errorf("%d requests for refused plans, want 0", n)
	}
}

// TestAccSubscription_writeOnly: credentials given write-only reach commercetools and nothing
// else: not the state, not the output, not a TF_LOG=trace log; a new version sends new ones.
func TestAccSubscription_writeOnly(t *testing.T) {
	bin := acctest.WriteOnlyEngine(t)
	t.Parallel()
	srv := acctest.NewEmulator(t)
	cfg := func(v int) string {
		return fmt.Sprintf(`
resource "commercetools_subscription" "grid" {
  key = "grid"
  destination {
    type                  = "EventGrid"
    uri                   = "https://acme.westeurope-1.eventgrid.azure.net/api/events"
    access_key_wo         = "wo-grid-key-v%[1]d"
    access_key_wo_version = %[1]d
  }
  format {
    type = "CloudEvents"
  }
  changes {
    resource_type_ids = ["order"]
  }
}

resource "commercetools_subscription" "confluent" {
  key = "confluent"
  destination {
    type                   = "ConfluentCloud"
    bootstrap_server       = "pkc-1234.eu-west-1.aws.confluent.cloud:9092"
    api_key_wo             = "wo-confluent-key-v%[1]d"
    api_key_wo_version     = %[1]d
    api_secret_wo          = "wo-confluent-secret-v%[1]d"
    api_secret_wo_version  = %[1]d
    acks                   = "1"
    topic                  = "orders"
  }
  message {
    resource_type_id = "order"
  }
}

resource "commercetools_subscription" "sns" {
  key = "sns"
  destination {
    type                     = "SNS"
    topic_arn                = "arn:aws:sns:eu-west-1:123456789012:customers"
    access_key_wo            = "AKIAWOSNS%[1]d"
    access_key_wo_version    = %[1]d
    access_secret_wo         = "wo-sns-secret-v%[1]d"
    access_secret_wo_version = %[1]d
  }
  message {
    resource_type_id = "order"
  }
}

resource "commercetools_subscription" "bus" {
  key = "bus"
  destination {
    type                         = "AzureServiceBus"
    connection_string_wo         = "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Send;SharedAccessKey=wo-bus-key-v%[1]d"
    connection_string_wo_version = %[1]d
  }
  message {
    resource_type_id = "customer"
  }
}
`, v)
	}
	check := func(t *testing.T, v int) {
		for key, want := range map[string]map[string]string{
			"grid":      {"accessKey": fmt.Sprintf("wo-grid-key-v%d", v)},
			"sns":       {"accessSecret": fmt.Sprintf("wo-sns-secret-v%d", v), "authenticationMode": "Credentials"},
			"confluent": {"apiKey": fmt.Sprintf("wo-confluent-key-v%d", v), "apiSecret": fmt.Sprintf("wo-confluent-secret-v%d", v)},
			"bus":       {"connectionString": fmt.Sprintf("Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Send;SharedAccessKey=wo-bus-key-v%d", v)},
		} {
			dest, _ := stored(srv, key)["destination"].(map[string]any)
			for field, w := range want {
				if dest[field] != w {
					t.Errorf("%s: destination.%s on the emulator is %v", key, field, dest[field])
				}
			}
		}
	}
	var secrets []string
	for _, v := range []int{1, 2} {
		for _, f := range []string{"wo-grid-key-v%d", "wo-confluent-key-v%d", "wo-confluent-secret-v%d", "wo-bus-key-v%d", "wo-sns-secret-v%d"} {
			secrets = append(secrets, fmt.Sprintf(f, v))
		}
	}
	acctest.RunWriteOnlyRotation(t, srv, bin, acctest.WriteOnlyRotation{Config: cfg, Check: check, Route: route, Updates: 4, Secrets: secrets})
}
