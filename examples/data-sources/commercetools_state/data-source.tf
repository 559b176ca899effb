# A state managed elsewhere, by its key.
data "commercetools_state" "this" {
  key = "order-open"
}

output "state_id" {
  value = data.commercetools_state.this.id
}
