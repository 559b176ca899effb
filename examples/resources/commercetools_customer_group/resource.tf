resource "commercetools_customer_group" "b2b" {
  key  = "b2b-customers"
  name = "B2B customers"
}
