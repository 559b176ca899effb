resource "commercetools_category" "clothing" {
  key         = "clothing"
  name        = { en = "Clothing", de = "Bekleidung" }
  slug        = { en = "clothing", de = "bekleidung" }
  order_hint  = "0.1"
  external_id = "ERP-CAT-100"

  assets {
    key  = "hero"
    name = { en = "Hero image" }
    tags = ["hero"]
    sources {
      key          = "desktop"
      uri          = "https://images.example.com/clothing-hero-1920.jpg"
      content_type = "image/jpeg"
      dimensions {
        w = 1920
        h = 600
      }
    }
  }
}

resource "commercetools_category" "shirts" {
  key    = "shirts"
  parent = commercetools_category.clothing.id
  name   = { en = "Shirts", de = "Hemden" }
  slug   = { en = "shirts", de = "hemden" }
}

# A child of a category that another configuration manages, by its key.
resource "commercetools_category" "socks" {
  key        = "socks"
  parent_key = "accessories"
  name       = { en = "Socks" }
  slug       = { en = "socks" }
}
