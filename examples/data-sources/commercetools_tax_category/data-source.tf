# A tax category managed elsewhere, by its key.
data "commercetools_tax_category" "this" {
  key = "standard"
}

output "tax_category_id" {
  value = data.commercetools_tax_category.this.id
}
