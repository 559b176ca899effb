resource "commercetools_associate_role" "buyer" {
  key              = "buyer"
  name             = "Buyer"
  buyer_assignable = true
  permissions = [
    "ViewMyCarts",
    "CreateMyCarts",
    "UpdateMyCarts",
    "CreateMyOrdersFromMyCarts",
    "ViewMyOrders",
  ]
}
