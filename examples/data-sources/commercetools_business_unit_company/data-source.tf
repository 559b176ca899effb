data "commercetools_business_unit_company" "this" {
  key = "acme-gmbh"
}

output "business_unit_company_id" {
  value = data.commercetools_business_unit_company.this.id
}
