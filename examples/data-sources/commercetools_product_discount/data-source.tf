data "commercetools_product_discount" "this" {
  key = "clearance-20"
}

output "product_discount_id" {
  value = data.commercetools_product_discount.this.id
}
