# A channel managed elsewhere, by its key.
data "commercetools_channel" "warehouse" {
  key = "warehouse-berlin"
}

output "warehouse_roles" {
  value = data.commercetools_channel.warehouse.roles
}
