# A shipping zone managed elsewhere, by its key.
data "commercetools_shipping_zone" "this" {
  key = "dach"
}

output "shipping_zone_id" {
  value = data.commercetools_shipping_zone.this.id
}
