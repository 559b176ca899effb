# An extension managed elsewhere, by its key (its credentials are not exposed).
data "commercetools_api_extension" "cart_validation" {
  key = "cart-validation"
}

output "cart_validation_url" {
  value = data.commercetools_api_extension.cart_validation.destination[0].url
}
