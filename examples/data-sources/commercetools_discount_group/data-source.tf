data "commercetools_discount_group" "this" {
  key = "bundles"
}

output "discount_group_id" {
  value = data.commercetools_discount_group.this.id
}
