data "commercetools_business_unit_division" "this" {
  key = "acme-north"
}

output "business_unit_division_id" {
  value = data.commercetools_business_unit_division.this.id
}
