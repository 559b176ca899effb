# Every client whose name starts with "ci-" and that may manage orders.
data "commercetools_api_clients" "ci" {
  name_prefix = "ci-"
  scope       = "manage_orders:my-ct-project-key"
}

output "ci_client_ids" {
  value = { for c in data.commercetools_api_clients.ci.clients : c.name => c.id }
}

# Clients that have never obtained an access token (last_used_at is null).
output "never_used_ci_clients" {
  value = [for c in data.commercetools_api_clients.ci.clients : c.name if c.last_used_at == null]
}
