# The API cannot change an attribute's type in place. To change it anyway, accepting that every
# product loses its values of the attribute, opt in on that attribute: the provider removes the
# attribute in one request and adds it again in the next.
resource "commercetools_product_type" "mug" {
  key  = "mug"
  name = "Mug"

  attribute {
    name                           = "capacity"
    label                          = { en = "Capacity" }
    allow_recreate_deleting_values = true
    type {
      name = "number" # was "text"
    }
  }
}
