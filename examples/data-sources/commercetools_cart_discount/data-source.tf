data "commercetools_cart_discount" "this" {
  key = "summer-10"
}

output "cart_discount_id" {
  value = data.commercetools_cart_discount.this.id
}
