# A warehouse with an address, a position on the map and custom fields.
resource "commercetools_channel" "warehouse_berlin" {
  key   = "warehouse-berlin"
  roles = ["InventorySupply", "OrderExport"]
  name  = { en = "Warehouse Berlin", de = "Lager Berlin" }

  description = {
    en = "Central warehouse for DACH orders"
  }

  address {
    company       = "ACME Logistics GmbH"
    street_name   = "Invalidenstraße"
    street_number = "117"
    postal_code   = "10115"
    city          = "Berlin"
    country       = "DE"
  }

  geolocation {
    coordinates = [13.3777, 52.5308] # longitude, latitude
  }

  custom {
    type_id = commercetools_type.channel_fields.id
    fields = {
      opening_hours            = "Mon-Fri 06:00-22:00"
      capacity_parcels_per_day = "12000"
      display_name             = jsonencode({ en = "Berlin warehouse", de = "Lager Berlin" })
      service_level            = "express"
      languages                = jsonencode(["de", "en"])
    }
  }
}

# A sales channel for prices and product distribution.
resource "commercetools_channel" "web_shop" {
  key   = "web-shop-eu"
  roles = ["ProductDistribution", "Primary"]
  name  = { en = "Web shop EU" }
}
