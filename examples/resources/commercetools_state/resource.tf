resource "commercetools_state" "open" {
  key     = "order-open"
  type    = "OrderState"
  name    = { en = "Open", de = "Offen" }
  initial = true
}

resource "commercetools_state" "shipped" {
  key     = "order-shipped"
  type    = "OrderState"
  name    = { en = "Shipped", de = "Versendet" }
  initial = false
}
