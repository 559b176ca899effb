# A store managed elsewhere, by its key.
data "commercetools_store" "this" {
  key = "de-store"
}

output "store_id" {
  value = data.commercetools_store.this.id
}
