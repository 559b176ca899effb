resource "commercetools_business_unit_division" "north" {
  key  = "acme-north"
  name = "ACME North"
  parent_unit {
    key = commercetools_business_unit_company.acme.key
  }
  # The stores and the associates of the parent apply here too (the defaults).
  store_mode     = "FromParent"
  associate_mode = "ExplicitAndFromParent"
}
