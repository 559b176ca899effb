# Feature flags your storefront reads at start-up.
resource "commercetools_custom_object" "checkout_flags" {
  container = "feature-flags"
  key       = "checkout"
  value = jsonencode({
    newCheckout    = true
    rolloutPercent = 25
    markets        = ["DE", "NL"]
  })
}

# Any JSON value: a string, a number, an array.
resource "commercetools_custom_object" "search_backend" {
  container = "feature-flags"
  key       = "search-backend"
  value     = jsonencode("algolia")
}
