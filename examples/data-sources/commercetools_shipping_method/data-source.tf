# A shipping method managed elsewhere, by its key.
data "commercetools_shipping_method" "this" {
  key = "standard"
}

output "shipping_method_id" {
  value = data.commercetools_shipping_method.this.id
}
