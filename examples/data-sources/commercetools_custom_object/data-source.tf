# A document another team manages: read one of its fields.
data "commercetools_custom_object" "carriers" {
  container = "shipping-config"
  key       = "carriers"
}

output "carriers" {
  value = jsondecode(data.commercetools_custom_object.carriers.value)
}
