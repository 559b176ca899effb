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

resource "commercetools_api_extension" "w_base" {
  key = "w-base"
  destination {
    type = "HTTP"
    url  = "https://extensions.example.com/base"
  }
  trigger {
    resource_type_id = "cart"
    actions          = ["Create"]
  }
}

resource "commercetools_api_extension" "w_base2" {
  key = "w-base2"
  destination {
    type = "HTTP"
    url  = "https://extensions.example.com/base2"
  }
  trigger {
    resource_type_id = "order"
    actions          = ["Create"]
  }
}


resource "commercetools_api_extension" "null_21" {
  key = null
  destination {
    type          = "awslambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:lc21"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Update"]
  }
}
resource "commercetools_api_extension" "zero_22" {
  key = ""
  destination {
    type          = "awslambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:lc22"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Update"]
  }
}
resource "commercetools_api_extension" "bare_23" {
  key = "api-extension-bare-23"
  destination {
    type          = "awslambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:lc23"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Update"]
  }
}
resource "commercetools_api_extension" "max_24" {
  key = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-ae-24-1"
  destination {
    type          = "awslambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:lc24"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Update"]
  }
}
resource "commercetools_api_extension" "defaults_25" {
  key = "api-extension-defaults-25"
  destination {
    type          = "awslambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:lc25"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Update"]
  }
  timeout_in_ms = 2000
}
resource "commercetools_api_extension" "many_26" {
  key = "api-extension-many-26"
  destination {
    type                 = "HTTP"
    url                  = "https://azure.example.com/26"
    azure_authentication = "azure-key"
  }
  trigger {
    resource_type_id = "customer"
    actions          = ["Update"]
  }
}
resource "commercetools_api_extension" "one_27" {
  key = "api-extension-one-27"
  destination {
    type                 = "HTTP"
    url                  = "https://azure.example.com/27"
    azure_authentication = "azure-key"
  }
  trigger {
    resource_type_id = "customer"
    actions          = ["Update"]
  }
}
resource "commercetools_api_extension" "absent_28" {
  destination {
    type                 = "HTTP"
    url                  = "https://azure.example.com/28"
    azure_authentication = "azure-key"
  }
  trigger {
    resource_type_id = "customer"
    actions          = ["Update"]
  }
}
resource "commercetools_api_extension" "null_29" {
  key = null
  destination {
    type                 = "HTTP"
    url                  = "https://azure.example.com/29"
    azure_authentication = "azure-key"
  }
  trigger {
    resource_type_id = "customer"
    actions          = ["Update"]
  }
}
resource "commercetools_api_extension" "zero_30" {
  key = ""
  destination {
    type                 = "HTTP"
    url                  = "https://azure.example.com/30"
    azure_authentication = "azure-key"
  }
  trigger {
    resource_type_id = "customer"
    actions          = ["Update"]
  }
}
resource "commercetools_api_extension" "bare_31" {
  key = "api-extension-bare-31"
  destination {
    type                 = "HTTP"
    url                  = "https://azure.example.com/31"
    azure_authentication = "azure-key"
  }
  trigger {
    resource_type_id = "customer"
    actions          = ["Update"]
  }
}
resource "commercetools_api_extension" "max_32" {
  key = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-ae-32-1"
  destination {
    type                 = "HTTP"
    url                  = "https://azure.example.com/32"
    azure_authentication = "azure-key"
  }
  trigger {
    resource_type_id = "customer"
    actions          = ["Update"]
  }
}
resource "commercetools_api_extension" "defaults_33" {
  key = "api-extension-defaults-33"
  destination {
    type                 = "HTTP"
    url                  = "https://azure.example.com/33"
    azure_authentication = "azure-key"
  }
  trigger {
    resource_type_id = "customer"
    actions          = ["Update"]
  }
  timeout_in_ms = 2000
}
