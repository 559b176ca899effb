# A customer group managed elsewhere, by its key.
data "commercetools_customer_group" "this" {
  key = "b2b-customers"
}

output "customer_group_id" {
  value = data.commercetools_customer_group.this.id
}
