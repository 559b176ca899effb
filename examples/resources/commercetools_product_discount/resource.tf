resource "commercetools_product_discount" "clearance" {
  key        = "clearance-20"
  name       = { en = "Clearance 20%" }
  predicate  = "sku in (\"JKT-001\", \"JKT-002\")"
  sort_order = "0.95"
  value {
    type      = "relative"
    permyriad = 2000
  }
}

# Discounted prices set per product by a pricing engine.
resource "commercetools_product_discount" "engine" {
  key        = "pricing-engine"
  name       = { en = "Pricing engine" }
  predicate  = "1 = 1"
  sort_order = "0.75"
  value {
    type = "external"
  }
}
