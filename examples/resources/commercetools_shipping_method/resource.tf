resource "commercetools_tax_category" "standard" {
  key  = "standard"
  name = "Standard"
}

resource "commercetools_shipping_method" "standard" {
  key             = "standard-delivery"
  name            = "Standard delivery"
  localized_name  = { en = "Standard delivery", de = "Standardversand" }
  tax_category_id = commercetools_tax_category.standard.id
  is_default      = true
  predicate       = "lineItemCount() > 0"
}
