resource "commercetools_tax_category" "standard" {
  key  = "standard"
  name = "Standard"
}

# A key is recommended: commercetools gives a rate a new id whenever it changes.
resource "commercetools_tax_category_rate" "de" {
  tax_category_id   = commercetools_tax_category.standard.id
  key               = "de-standard"
  name              = "19% MwSt"
  amount            = 0.19
  included_in_price = true
  country           = "DE"
}

# A US state rate made of two sub-rates; the amount is their sum.
resource "commercetools_tax_category_rate" "us_ny" {
  tax_category_id   = commercetools_tax_category.standard.id
  key               = "us-ny"
  name              = "New York sales tax"
  included_in_price = false
  country           = "US"
  state             = "NY"

  sub_rate {
    name   = "State"
    amount = 0.04
  }
  sub_rate {
    name   = "New York City"
    amount = 0.04875
  }
}
