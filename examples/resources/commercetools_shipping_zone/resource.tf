resource "commercetools_shipping_zone" "dach" {
  key         = "dach"
  name        = "DACH"
  description = "Germany, Austria and Switzerland"

  location {
    country = "DE"
  }
  location {
    country = "AT"
  }
  location {
    country = "CH"
  }
}

resource "commercetools_shipping_zone" "us_east" {
  key  = "us-east"
  name = "US East Coast"

  location {
    country = "US"
    state   = "NY"
  }
}
