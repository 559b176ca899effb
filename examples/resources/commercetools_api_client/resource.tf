# A client for a back-office service that manages orders and payments.
resource "commercetools_api_client" "my-api-client" {
  name                           = "My API Client"
  scope                          = ["manage_orders:my-ct-project-key", "manage_payments:my-ct-project-key"]
  access_token_validity_seconds  = 3600
  refresh_token_validity_seconds = 60
}

# A read-only client for a nightly export job. commercetools deletes it by
# itself 90 days after creation; changing the `rotation` keeper replaces it
# earlier, with a new id and secret.
resource "commercetools_api_client" "export" {
  name                       = "nightly-export"
  scope                      = ["view_orders:my-ct-project-key", "view_products:my-ct-project-key"]
  delete_days_after_creation = 90

  keepers = {
    rotation = "2026-Q4"
  }

  lifecycle {
    create_before_destroy = true
  }
}

output "export_client_id" {
  value = commercetools_api_client.export.id
}

output "export_client_secret" {
  value     = commercetools_api_client.export.secret
  sensitive = true
}
