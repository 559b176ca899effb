# Look a client up by name (or set `id` instead; exactly one of the two).
data "commercetools_api_client" "storefront" {
  name = "storefront"
}

output "storefront_scopes" {
  value = data.commercetools_api_client.storefront.scope
}

output "storefront_last_used" {
  value = data.commercetools_api_client.storefront.last_used_at
}
