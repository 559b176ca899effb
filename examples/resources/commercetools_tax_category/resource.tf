resource "commercetools_tax_category" "standard" {
  key         = "standard"
  name        = "Standard"
  description = "Standard VAT rates"
}
