data "commercetools_discount_code" "this" {
  key = "welcome"
}

output "discount_code_id" {
  value = data.commercetools_discount_code.this.id
}
