data "commercetools_category" "clothing" {
  key = "clothing"
}

# A child of a category that this configuration does not manage.
resource "commercetools_category" "jackets" {
  key    = "jackets"
  parent = data.commercetools_category.clothing.id
  name   = { en = "Jackets" }
  slug   = { en = "jackets" }
}
