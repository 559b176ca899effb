# 10 % off T-shirts in the German store, from June to August.
resource "commercetools_cart_discount" "summer" {
  key         = "summer-10"
  name        = { en = "Summer sale 10%", de = "Sommerschlussverkauf 10%" }
  predicate   = "1 = 1"
  sort_order  = "0.9"
  valid_from  = "2027-06-01T00:00:00Z"
  valid_until = "2027-08-31T23:59:59Z"
  stores      = ["de-store"]
  value {
    type      = "relative"
    permyriad = 1000
  }
  target {
    type      = "lineItems"
    predicate = "categories.key contains \"t-shirts\""
  }
}

# 5 EUR or 700 JPY off the shipping of carts above 50 EUR, with a discount code.
resource "commercetools_cart_discount" "shipping" {
  key                    = "shipping-5"
  name                   = { en = "Shipping discount" }
  predicate              = "totalPrice > \"50.00 EUR\""
  sort_order             = "0.8"
  requires_discount_code = true
  stacking_mode          = "StopAfterThisDiscount"
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
    money {
      currency_code = "JPY"
      cent_amount   = 700
    }
  }
  target {
    type = "shipping"
  }
}

# Buy two shirts, get the cheapest pair of socks free: a pattern target in a discount group,
# which gives it its sort order.
resource "commercetools_discount_group" "bundles" {
  key        = "bundles"
  sort_order = "0.7"
}

resource "commercetools_cart_discount" "socks" {
  key               = "free-socks"
  name              = { en = "Free socks with two shirts" }
  predicate         = "1 = 1"
  discount_group_id = commercetools_discount_group.bundles.id
  value {
    type      = "relative"
    permyriad = 10000
  }
  target {
    type           = "pattern"
    selection_mode = "Cheapest"
    trigger_pattern {
      type      = "CountOnLineItemUnits"
      predicate = "productType.key = \"shirt\""
      min_count = 2
    }
    target_pattern {
      type      = "CountOnLineItemUnits"
      predicate = "productType.key = \"socks\""
      max_count = 1
    }
  }
}
