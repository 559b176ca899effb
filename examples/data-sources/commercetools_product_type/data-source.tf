# A product type managed elsewhere, by its key: nest it in another product type.
data "commercetools_product_type" "size_chart" {
  key = "size-chart"
}

resource "commercetools_product_type" "trousers" {
  key  = "trousers"
  name = "Trousers"

  attribute {
    name  = "size_chart"
    label = { en = "Size chart" }
    type {
      name           = "nested"
      type_reference = data.commercetools_product_type.size_chart.id
    }
  }
}
