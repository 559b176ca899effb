# Order messages to an SQS queue, authenticated with IAM (no credentials to manage: grant
# arn:aws:iam::362576667341:user/subscriptions sqs:SendMessage on the queue).
resource "commercetools_subscription" "orders" {
  key = "order-events"

  destination {
    type      = "SQS"
    queue_url = "https://sqs.eu-west-1.amazonaws.com/123456789012/ct-order-events"
    region    = "eu-west-1"
  }

  message {
    resource_type_id = "order"
    types            = ["OrderCreated", "OrderStateChanged"]
  }

  changes {
    resource_type_ids = ["customer"]
  }
}

# Catalog changes to Azure Event Grid, which takes only CloudEvents; the access key is
# write-only (Terraform and OpenTofu 1.11 or later) and never reaches the state.
resource "commercetools_subscription" "catalog" {
  key = "catalog-events"

  destination {
    type                  = "EventGrid"
    uri                   = "https://acme.westeurope-1.eventgrid.azure.net/api/events"
    access_key_wo         = var.event_grid_key
    access_key_wo_version = 1
  }

  format {
    type = "CloudEvents"
  }

  changes {
    resource_type_ids = ["product", "category"]
  }
}

variable "event_grid_key" {
  type      = string
  sensitive = true
  ephemeral = true
}
