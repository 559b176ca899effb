resource "commercetools_channel" "web_shop" {
  key   = "web-shop-eu"
  roles = ["ProductDistribution"]
}

resource "commercetools_channel" "warehouse" {
  key   = "warehouse-berlin"
  roles = ["InventorySupply"]
}

resource "commercetools_store" "de" {
  key                   = "de-store"
  name                  = { en = "German web shop", de = "Deutscher Webshop" }
  languages             = ["de", "en"]
  countries             = ["DE", "AT"]
  distribution_channels = [commercetools_channel.web_shop.key]
  supply_channels       = [commercetools_channel.warehouse.key]

  storefront {
    checkout_url_template = "https://shop.example.de/checkout/{checkoutId}"
    order_url_template    = "https://shop.example.de/orders/{orderId}"
    privacy_policy_url    = "https://shop.example.de/datenschutz"
    imprint_url           = "https://shop.example.de/impressum"
  }
}
