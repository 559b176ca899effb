# Demo configuration used by `make demo` (scripts/demo.sh).
#
# The demo builds the provider as version 0.0.1 into a local plugin directory
# and runs it against the local commercetools emulator.

terraform {
  required_providers {
    commercetools = {
      source  = "commerce-iac/commercetools"
      version = "0.0.1"
    }
  }
}

# Credentials and endpoints come from the CTP_* environment variables, which
# scripts/demo.sh takes from the emulator's start-up line.
provider "commercetools" {}

resource "commercetools_api_client" "my-api-client" {
  name                           = "My API Client"
  scope                          = ["manage_orders:my-ct-project-key", "manage_payments:my-ct-project-key"]
  access_token_validity_seconds  = 3600
  refresh_token_validity_seconds = 60
}

output "api_client_id" {
  description = "ID of the API client created by the demo."
  value       = commercetools_api_client.my-api-client.id
}

# Custom fields for channels, and a warehouse channel that uses them.
resource "commercetools_type" "channel_fields" {
  key               = "channel-fields"
  name              = { en = "Channel fields" }
  resource_type_ids = ["channel"]

  field {
    name  = "opening_hours"
    label = { en = "Opening hours" }
    type {
      name = "String"
    }
  }

  field {
    name  = "capacity"
    label = { en = "Capacity (parcels per day)" }
    type {
      name = "Number"
    }
  }
}

resource "commercetools_channel" "warehouse" {
  key   = "warehouse-berlin"
  roles = ["InventorySupply"]
  name  = { en = "Warehouse Berlin" }

  address {
    city    = "Berlin"
    country = "DE"
  }

  custom {
    type_id = commercetools_type.channel_fields.id
    fields = {
      opening_hours = "Mon-Fri 06:00-22:00"
      capacity      = "12000"
    }
  }
}

output "warehouse_channel_id" {
  description = "ID of the channel created by the demo."
  value       = commercetools_channel.warehouse.id
}
