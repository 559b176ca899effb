resource "commercetools_business_unit_company" "acme" {
  key           = "acme-gmbh"
  name          = "ACME GmbH"
  contact_email = "purchasing@acme.example"

  store {
    key = "de-store"
  }

  address {
    key         = "acme-hq"
    country     = "DE"
    company     = "ACME GmbH"
    street_name = "Friedrichstraße"
    postal_code = "10117"
    city        = "Berlin"
  }
  address {
    key         = "acme-warehouse"
    country     = "DE"
    street_name = "Hafenstraße"
    postal_code = "20457"
    city        = "Hamburg"
  }

  billing_address_keys         = ["acme-hq"]
  shipping_address_keys        = ["acme-hq", "acme-warehouse"]
  default_billing_address_key  = "acme-hq"
  default_shipping_address_key = "acme-warehouse"
}
