terraform {
  required_providers {
    commercetools = {
      source  = "labd/commercetools"
      version = "1.22.2"
    }
  }
}
provider "commercetools" {
  client_id     = "forms-admin-my-ct-project-key"
  client_secret = "forms-secret"
  project_key   = "my-ct-project-key"
  api_url       = "http://127.0.0.1:PORT"
  token_url     = "http://127.0.0.1:PORT"
  scopes        = "manage_project:my-ct-project-key manage_api_clients:my-ct-project-key"
}
resource "commercetools_type" "w_fields" {
  key  = "w-fields"
  name = { en = "Forms fields" }
  resource_type_ids = ["channel", "shipping-method", "store", "customer-group", "product-selection", "category",
  "associate-role", "business-unit", "cart-discount", "discount-code", "asset"]
  field {
    name  = "text"
    label = { en = "Text" }
    type {
      name = "String"
    }
  }
  field {
    name  = "count"
    label = { en = "Count" }
    type {
      name = "Number"
    }
  }
}

resource "commercetools_tax_category" "w_tax" {
  key  = "w-tax"
  name = "Forms tax"
}

resource "commercetools_tax_category" "w_tax2" {
  key  = "w-tax2"
  name = "Forms tax 2"
}

resource "commercetools_shipping_method" "w_method" {
  key             = "w-method"
  name            = "Forms method"
  tax_category_id = commercetools_tax_category.w_tax.id
}

resource "commercetools_channel" "w_dist" {
  key   = "w-dist"
  roles = ["ProductDistribution"]
}

resource "commercetools_channel" "w_dist2" {
  key   = "w-dist2"
  roles = ["ProductDistribution"]
}

resource "commercetools_channel" "w_supply" {
  key   = "w-supply"
  roles = ["InventorySupply"]
}

resource "commercetools_channel" "w_supply2" {
  key   = "w-supply2"
  roles = ["InventorySupply"]
}

resource "commercetools_store" "w_store" {
  key = "w-store"
}

resource "commercetools_store" "w_store2" {
  key = "w-store2"
}

resource "commercetools_product_selection" "w_sel" {
  key  = "w-sel"
  name = { en = "Forms selection" }
}

resource "commercetools_product_selection" "w_sel2" {
  key  = "w-sel2"
  name = { en = "Forms selection 2" }
}

resource "commercetools_customer_group" "w_group" {
  key  = "w-group"
  name = "Forms group"
}

resource "commercetools_customer_group" "w_group2" {
  key  = "w-group2"
  name = "Forms group 2"
}

resource "commercetools_product_type" "w_pt" {
  key  = "w-pt"
  name = "Forms product type"
  attribute {
    name  = "w_color"
    label = { en = "Color" }
    type {
      name = "text"
    }
  }
  attribute {
    name  = "w_size"
    label = { en = "Size" }
    type {
      name = "text"
    }
  }
}

resource "commercetools_associate_role" "w_role" {
  key         = "w-role"
  name        = "Forms role"
  permissions = ["ViewMyCarts"]
}

resource "commercetools_associate_role" "w_role2" {
  key         = "w-role2"
  name        = "Forms role 2"
  permissions = ["ViewMyOrders"]
}

resource "commercetools_business_unit_company" "w_company" {
  key  = "w-company"
  name = "Forms company"
}

resource "commercetools_cart_discount" "w_cd" {
  key                    = "w-cd"
  name                   = { en = "Forms code discount" }
  predicate              = "1 = 1"
  sort_order             = "0.99"
  requires_discount_code = true
  value {
    type      = "relative"
    permyriad = 100
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }
}

resource "commercetools_cart_discount" "w_cd2" {
  key                    = "w-cd2"
  name                   = { en = "Forms code discount 2" }
  predicate              = "1 = 1"
  sort_order             = "0.98"
  requires_discount_code = true
  value {
    type      = "relative"
    permyriad = 200
  }
  target {
    type = "shipping"
  }
}

resource "commercetools_category" "w_parent" {
  key  = "w-parent"
  name = { en = "Forms parent" }
  slug = { en = "forms-parent" }
}

resource "commercetools_shipping_zone" "w_zone" {
  key  = "w-zone"
  name = "Forms zone"
  location {
    country = "DE"
  }
}


