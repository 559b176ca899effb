# A size chart whose entries other product types nest.
resource "commercetools_product_type" "size_chart" {
  key  = "size-chart"
  name = "Size chart entry"

  attribute {
    name  = "chest_cm"
    label = { en = "Chest (cm)", de = "Brustumfang (cm)" }
    type {
      name = "number"
    }
  }
}

# Shirts: text, a localized enum, a set of enums and a nested size chart.
resource "commercetools_product_type" "shirt" {
  key         = "shirt"
  name        = "Shirt"
  description = "T-shirts, polos and shirts"

  attribute {
    name       = "headline"
    label      = { en = "Headline", de = "Überschrift" }
    input_tip  = { en = "Shown above the product title" }
    level      = "Product"
    searchable = true
    type {
      name = "ltext"
    }
  }

  attribute {
    name       = "size"
    label      = { en = "Size", de = "Größe" }
    required   = true
    constraint = "CombinationUnique"
    searchable = true
    type {
      name = "lenum"
      localized_value {
        key   = "s"
        label = { en = "Small", de = "Klein" }
      }
      localized_value {
        key   = "m"
        label = { en = "Medium", de = "Mittel" }
      }
      localized_value {
        key   = "l"
        label = { en = "Large", de = "Groß" }
      }
    }
  }

  attribute {
    name  = "care"
    label = { en = "Care" }
    type {
      name = "set"
      element_type {
        name = "enum"
        value {
          key   = "machine-30"
          label = "Machine wash 30 °C"
        }
        value {
          key   = "no-dryer"
          label = "Do not tumble dry"
        }
      }
    }
  }

  attribute {
    name  = "size_chart"
    label = { en = "Size chart" }
    type {
      name           = "nested"
      type_reference = commercetools_product_type.size_chart.id
    }
  }
}
