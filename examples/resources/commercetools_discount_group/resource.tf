# Of the cart discounts in the group, the best one for the cart applies.
resource "commercetools_discount_group" "bundles" {
  key         = "bundles"
  name        = { en = "Bundles" }
  description = { en = "One bundle discount per cart" }
  sort_order  = "0.7"
}
