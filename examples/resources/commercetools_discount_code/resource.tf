resource "commercetools_discount_code" "welcome" {
  key                           = "welcome"
  code                          = "WELCOME10"
  name                          = { en = "Welcome code" }
  cart_discounts                = [commercetools_cart_discount.shipping.id]
  max_applications_per_customer = 1
  groups                        = ["onboarding"]
  valid_until                   = "2027-12-31T23:59:59Z"
}
