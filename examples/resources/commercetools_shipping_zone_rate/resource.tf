# The price of standard delivery to the DACH zone in euros: 4.95, free from 50.00, and less for
# larger carts.
resource "commercetools_shipping_zone_rate" "standard_dach_eur" {
  shipping_method_id = commercetools_shipping_method.standard.id
  shipping_zone_id   = commercetools_shipping_zone.dach.id

  price {
    cent_amount   = 495
    currency_code = "EUR"
  }

  free_above {
    cent_amount   = 5000
    currency_code = "EUR"
  }

  shipping_rate_price_tier {
    type                = "CartValue"
    minimum_cent_amount = 2500
    price {
      cent_amount   = 295
      currency_code = "EUR"
    }
  }
}
