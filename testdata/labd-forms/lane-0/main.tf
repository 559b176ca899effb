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


resource "commercetools_api_client" "many_1" {
  name                           = "forms client 1"
  scope                          = ["view_orders:my-ct-project-key", "view_products:my-ct-project-key"]
  access_token_validity_seconds  = 7200
  refresh_token_validity_seconds = 600
}
resource "commercetools_api_client" "one_2" {
  name                           = "forms client 2"
  scope                          = ["view_orders:my-ct-project-key"]
  access_token_validity_seconds  = 7200
  refresh_token_validity_seconds = 600
}
resource "commercetools_api_client" "absent_3" {
  name  = "forms client 3"
  scope = ["view_orders:my-ct-project-key", "view_products:my-ct-project-key"]
}
resource "commercetools_api_client" "null_4" {
  name                           = "forms client 4"
  scope                          = ["view_orders:my-ct-project-key", "view_products:my-ct-project-key"]
  access_token_validity_seconds  = null
  refresh_token_validity_seconds = null
}
resource "commercetools_api_client" "zero_5" {
  name                           = "forms client 5"
  scope                          = ["view_orders:my-ct-project-key", "view_products:my-ct-project-key"]
  access_token_validity_seconds  = 0
  refresh_token_validity_seconds = 0
}
resource "commercetools_api_client" "bare_6" {
  name  = "forms client 6"
  scope = ["view_orders:my-ct-project-key", "view_products:my-ct-project-key"]
}
resource "commercetools_api_client" "nonlatin_7" {
  name                           = "Grüße · 東京 · Привет · مرحبا 7"
  scope                          = ["view_orders:my-ct-project-key", "view_products:my-ct-project-key"]
  access_token_validity_seconds  = 7200
  refresh_token_validity_seconds = 600
}
resource "commercetools_api_client" "max_8" {
  name                           = "forms client 8"
  scope                          = ["view_orders:my-ct-project-key"]
  access_token_validity_seconds  = 604800
  refresh_token_validity_seconds = 3.1536e+07
}
resource "commercetools_api_client" "min_9" {
  name                           = "forms client 9"
  scope                          = ["view_orders:my-ct-project-key"]
  access_token_validity_seconds  = 3600
  refresh_token_validity_seconds = 30
}

resource "commercetools_channel" "many_1" {
  key         = "channel-many-1"
  roles       = ["InventorySupply", "OrderExport"]
  name        = { en = "Warehouse", de = "Lager" }
  description = { en = "Central warehouse", de = "Zentrallager" }
  address {
    key                     = "addr-a"
    title                   = "Dr."
    salutation              = "Dear"
    first_name              = "Jana"
    last_name               = "Novák"
    street_name             = "Invalidenstraße"
    street_number           = "117"
    additional_street_info  = "Hinterhaus"
    postal_code             = "10115"
    city                    = "Berlin"
    region                  = "Berlin"
    state                   = "BE"
    country                 = "DE"
    company                 = "ACME"
    department              = "Logistics"
    building                = "B"
    apartment               = "3"
    po_box                  = "12 34"
    phone                   = "+49 30 1234"
    mobile                  = "+49 170 1234"
    email                   = "jana@example.com"
    fax                     = "+49 30 1235"
    additional_address_info = "Ring twice"
    external_id             = "ERP-1"
  }
  geolocation {
    coordinates = [13.3777, 52.5308]
  }
  custom {
    type_id = commercetools_type.w_fields.id
    fields = {
      text  = "hello"
      count = "12"
    }
  }
}
resource "commercetools_channel" "one_2" {
  key         = "channel-one-2"
  roles       = ["InventorySupply"]
  name        = { en = "Warehouse" }
  description = { en = "Central warehouse" }
  address {
    key                     = "addr-a"
    title                   = "Dr."
    salutation              = "Dear"
    first_name              = "Jana"
    last_name               = "Novák"
    street_name             = "Invalidenstraße"
    street_number           = "117"
    additional_street_info  = "Hinterhaus"
    postal_code             = "10115"
    city                    = "Berlin"
    region                  = "Berlin"
    state                   = "BE"
    country                 = "DE"
    company                 = "ACME"
    department              = "Logistics"
    building                = "B"
    apartment               = "3"
    po_box                  = "12 34"
    phone                   = "+49 30 1234"
    mobile                  = "+49 170 1234"
    email                   = "jana@example.com"
    fax                     = "+49 30 1235"
    additional_address_info = "Ring twice"
    external_id             = "ERP-1"
  }
  geolocation {
    coordinates = [13.3777, 52.5308]
  }
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = { text = "hello" }
  }
}
resource "commercetools_channel" "absent_3" {
  key   = "channel-absent-3"
  roles = ["InventorySupply", "OrderExport"]
}
resource "commercetools_channel" "null_4" {
  key         = "channel-null-4"
  roles       = ["InventorySupply", "OrderExport"]
  name        = null
  description = null
  address {
    key                     = null
    title                   = null
    salutation              = null
    first_name              = null
    last_name               = null
    street_name             = null
    street_number           = null
    additional_street_info  = null
    postal_code             = null
    city                    = null
    region                  = null
    state                   = null
    country                 = "DE"
    company                 = null
    department              = null
    building                = null
    apartment               = null
    po_box                  = null
    phone                   = null
    mobile                  = null
    email                   = null
    fax                     = null
    additional_address_info = null
    external_id             = null
  }
  geolocation {
    coordinates = [13.3777, 52.5308]
  }
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = null
  }
}
resource "commercetools_channel" "zero_5" {
  key         = "channel-zero-5"
  roles       = ["InventorySupply", "OrderExport"]
  name        = {}
  description = {}
  address {
    key                     = ""
    title                   = ""
    salutation              = ""
    first_name              = ""
    last_name               = ""
    street_name             = ""
    street_number           = ""
    additional_street_info  = ""
    postal_code             = ""
    city                    = ""
    region                  = ""
    state                   = ""
    country                 = "DE"
    company                 = ""
    department              = ""
    building                = ""
    apartment               = ""
    po_box                  = ""
    phone                   = ""
    mobile                  = ""
    email                   = ""
    fax                     = ""
    additional_address_info = ""
    external_id             = ""
  }
  geolocation {
    coordinates = [13.3777, 52.5308]
  }
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = {}
  }
}
resource "commercetools_channel" "bare_6" {
  key   = "channel-bare-6"
  roles = ["InventorySupply", "OrderExport"]
  address {
    country = "DE"
  }
  geolocation {
    coordinates = [13.3777, 52.5308]
  }
  custom {
    type_id = commercetools_type.w_fields.id
  }
}
resource "commercetools_channel" "nonlatin_7" {
  key         = "channel-nonlatin-7"
  roles       = ["InventorySupply", "OrderExport"]
  name        = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
  description = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
  address {
    key                     = "addr-a"
    title                   = "Grüße · 東京 · Привет · مرحبا 7"
    salutation              = "Grüße · 東京 · Привет · مرحبا 7"
    first_name              = "Grüße · 東京 · Привет · مرحبا 7"
    last_name               = "Grüße · 東京 · Привет · مرحبا 7"
    street_name             = "Grüße · 東京 · Привет · مرحبا 7"
    street_number           = "Grüße · 東京 · Привет · مرحبا 7"
    additional_street_info  = "Grüße · 東京 · Привет · مرحبا 7"
    postal_code             = "Grüße · 東京 · Привет · مرحبا 7"
    city                    = "Grüße · 東京 · Привет · مرحبا 7"
    region                  = "Grüße · 東京 · Привет · مرحبا 7"
    state                   = "Grüße · 東京 · Привет · مرحبا 7"
    country                 = "DE"
    company                 = "Grüße · 東京 · Привет · مرحبا 7"
    department              = "Grüße · 東京 · Привет · مرحبا 7"
    building                = "Grüße · 東京 · Привет · مرحبا 7"
    apartment               = "Grüße · 東京 · Привет · مرحبا 7"
    po_box                  = "Grüße · 東京 · Привет · مرحبا 7"
    phone                   = "Grüße · 東京 · Привет · مرحبا 7"
    mobile                  = "Grüße · 東京 · Привет · مرحبا 7"
    email                   = "Grüße · 東京 · Привет · مرحبا 7"
    fax                     = "Grüße · 東京 · Привет · مرحبا 7"
    additional_address_info = "Grüße · 東京 · Привет · مرحبا 7"
    external_id             = "Grüße · 東京 · Привет · مرحبا 7"
  }
  geolocation {
    coordinates = [13.3777, 52.5308]
  }
  custom {
    type_id = commercetools_type.w_fields.id
    fields = {
      text  = "hello"
      count = "12"
    }
  }
}
resource "commercetools_channel" "max_8" {
  key         = "channel-max-8"
  roles       = ["InventorySupply"]
  name        = { en = "Warehouse" }
  description = { en = "Central warehouse" }
  address {
    key                     = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-c-8-1"
    title                   = "Dr."
    salutation              = "Dear"
    first_name              = "Jana"
    last_name               = "Novák"
    street_name             = "Invalidenstraße"
    street_number           = "117"
    additional_street_info  = "Hinterhaus"
    postal_code             = "10115"
    city                    = "Berlin"
    region                  = "Berlin"
    state                   = "BE"
    country                 = "DE"
    company                 = "ACME"
    department              = "Logistics"
    building                = "B"
    apartment               = "3"
    po_box                  = "12 34"
    phone                   = "+49 30 1234"
    mobile                  = "+49 170 1234"
    email                   = "jana@example.com"
    fax                     = "+49 30 1235"
    additional_address_info = "Ring twice"
    external_id             = "ERP-1"
  }
  geolocation {
    coordinates = [13.3777, 52.5308]
  }
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = { text = "hello" }
  }
}

resource "commercetools_type" "many_1" {
  key               = "type-many-1"
  name              = { en = "Fields", de = "Felder" }
  description       = { en = "Custom fields", de = "Eigene Felder" }
  resource_type_ids = ["order", "customer"]
  field {
    name       = "note_1"
    label      = { en = "Note", de = "Notiz" }
    required   = true
    input_hint = "MultiLine"
    type {
      name = "String"
    }
  }
  field {
    name  = "kind_1"
    label = { en = "Kind" }
    type {
      name = "Enum"
      value {
        key   = "a"
        label = "A"
      }
      value {
        key   = "b"
        label = "B"
      }
    }
  }
  field {
    name  = "level_1"
    label = { en = "Level" }
    type {
      name = "LocalizedEnum"
      localized_value {
        key   = "low"
        label = { en = "Low", de = "Niedrig" }
      }
      localized_value {
        key   = "high"
        label = { en = "High" }
      }
    }
  }
  field {
    name  = "tags_1"
    label = { en = "Tags" }
    type {
      name = "Set"
      element_type {
        name = "Enum"
        value {
          key   = "x"
          label = "X"
        }
        value {
          key   = "y"
          label = "Y"
        }
      }
    }
  }
  field {
    name  = "labels_1"
    label = { en = "Labels" }
    type {
      name = "Set"
      element_type {
        name = "LocalizedEnum"
        localized_value {
          key   = "p"
          label = { en = "P" }
        }
        localized_value {
          key   = "q"
          label = { en = "Q" }
        }
      }
    }
  }
  field {
    name  = "single_1"
    label = { en = "Single" }
    type {
      name = "Enum"
      value {
        key   = "only"
        label = "Only"
      }
    }
  }
  field {
    name  = "lsingle_1"
    label = { en = "Localized single" }
    type {
      name = "LocalizedEnum"
      localized_value {
        key   = "only"
        label = { en = "Only" }
      }
    }
  }
  field {
    name  = "ssingle_1"
    label = { en = "Set of one" }
    type {
      name = "Set"
      element_type {
        name = "Enum"
        value {
          key   = "only"
          label = "Only"
        }
      }
    }
  }
  field {
    name  = "lssingle_1"
    label = { en = "Set of one localized" }
    type {
      name = "Set"
      element_type {
        name = "LocalizedEnum"
        localized_value {
          key   = "only"
          label = { en = "Only" }
        }
      }
    }
  }
  field {
    name  = "owner_1"
    label = { en = "Owner" }
    type {
      name              = "Reference"
      reference_type_id = "customer"
    }
  }
  field {
    name  = "others_1"
    label = { en = "Others" }
    type {
      name = "Set"
      element_type {
        name              = "Reference"
        reference_type_id = "channel"
      }
    }
  }
}
resource "commercetools_type" "one_2" {
  key               = "type-one-2"
  name              = { en = "Fields" }
  description       = { en = "Custom fields" }
  resource_type_ids = ["order"]
  field {
    name       = "note_2"
    label      = { en = "Note" }
    required   = true
    input_hint = "MultiLine"
    type {
      name = "String"
    }
  }
}
resource "commercetools_type" "absent_3" {
  key               = "type-absent-3"
  name              = { en = "Fields", de = "Felder" }
  resource_type_ids = ["order", "customer"]
}
resource "commercetools_type" "null_4" {
  key               = "type-null-4"
  name              = { en = "Fields", de = "Felder" }
  description       = null
  resource_type_ids = ["order", "customer"]
  field {
    name       = "note_4"
    label      = { en = "Note", de = "Notiz" }
    required   = null
    input_hint = null
    type {
      name = "String"
    }
  }
  field {
    name  = "kind_4"
    label = { en = "Kind" }
    type {
      name = "Enum"
      value {
        key   = "a"
        label = "A"
      }
      value {
        key   = "b"
        label = "B"
      }
    }
  }
  field {
    name  = "level_4"
    label = { en = "Level" }
    type {
      name = "LocalizedEnum"
      localized_value {
        key   = "low"
        label = { en = "Low", de = "Niedrig" }
      }
      localized_value {
        key   = "high"
        label = { en = "High" }
      }
    }
  }
  field {
    name  = "tags_4"
    label = { en = "Tags" }
    type {
      name = "Set"
      element_type {
        name = "Enum"
        value {
          key   = "x"
          label = "X"
        }
        value {
          key   = "y"
          label = "Y"
        }
      }
    }
  }
  field {
    name  = "labels_4"
    label = { en = "Labels" }
    type {
      name = "Set"
      element_type {
        name = "LocalizedEnum"
        localized_value {
          key   = "p"
          label = { en = "P" }
        }
        localized_value {
          key   = "q"
          label = { en = "Q" }
        }
      }
    }
  }
  field {
    name  = "single_4"
    label = { en = "Single" }
    type {
      name = "Enum"
      value {
        key   = "only"
        label = "Only"
      }
    }
  }
  field {
    name  = "lsingle_4"
    label = { en = "Localized single" }
    type {
      name = "LocalizedEnum"
      localized_value {
        key   = "only"
        label = { en = "Only" }
      }
    }
  }
  field {
    name  = "ssingle_4"
    label = { en = "Set of one" }
    type {
      name = "Set"
      element_type {
        name = "Enum"
        value {
          key   = "only"
          label = "Only"
        }
      }
    }
  }
  field {
    name  = "lssingle_4"
    label = { en = "Set of one localized" }
    type {
      name = "Set"
      element_type {
        name = "LocalizedEnum"
        localized_value {
          key   = "only"
          label = { en = "Only" }
        }
      }
    }
  }
  field {
    name  = "owner_4"
    label = { en = "Owner" }
    type {
      name              = "Reference"
      reference_type_id = "customer"
    }
  }
  field {
    name  = "others_4"
    label = { en = "Others" }
    type {
      name = "Set"
      element_type {
        name              = "Reference"
        reference_type_id = "channel"
      }
    }
  }
}
resource "commercetools_type" "zero_5" {
  key               = "type-zero-5"
  name              = { en = "Fields", de = "Felder" }
  description       = {}
  resource_type_ids = ["order", "customer"]
  field {
    name       = "note_5"
    label      = { en = "Note", de = "Notiz" }
    required   = false
    input_hint = "MultiLine"
    type {
      name = "String"
    }
  }
  field {
    name  = "kind_5"
    label = { en = "Kind" }
    type {
      name = "Enum"
      value {
        key   = "a"
        label = "A"
      }
      value {
        key   = "b"
        label = "B"
      }
    }
  }
  field {
    name  = "level_5"
    label = { en = "Level" }
    type {
      name = "LocalizedEnum"
      localized_value {
        key   = "low"
        label = { en = "Low", de = "Niedrig" }
      }
      localized_value {
        key   = "high"
        label = { en = "High" }
      }
    }
  }
  field {
    name  = "tags_5"
    label = { en = "Tags" }
    type {
      name = "Set"
      element_type {
        name = "Enum"
        value {
          key   = "x"
          label = "X"
        }
        value {
          key   = "y"
          label = "Y"
        }
      }
    }
  }
  field {
    name  = "labels_5"
    label = { en = "Labels" }
    type {
      name = "Set"
      element_type {
        name = "LocalizedEnum"
        localized_value {
          key   = "p"
          label = { en = "P" }
        }
        localized_value {
          key   = "q"
          label = { en = "Q" }
        }
      }
    }
  }
  field {
    name  = "single_5"
    label = { en = "Single" }
    type {
      name = "Enum"
      value {
        key   = "only"
        label = "Only"
      }
    }
  }
  field {
    name  = "lsingle_5"
    label = { en = "Localized single" }
    type {
      name = "LocalizedEnum"
      localized_value {
        key   = "only"
        label = { en = "Only" }
      }
    }
  }
  field {
    name  = "ssingle_5"
    label = { en = "Set of one" }
    type {
      name = "Set"
      element_type {
        name = "Enum"
        value {
          key   = "only"
          label = "Only"
        }
      }
    }
  }
  field {
    name  = "lssingle_5"
    label = { en = "Set of one localized" }
    type {
      name = "Set"
      element_type {
        name = "LocalizedEnum"
        localized_value {
          key   = "only"
          label = { en = "Only" }
        }
      }
    }
  }
  field {
    name  = "owner_5"
    label = { en = "Owner" }
    type {
      name              = "Reference"
      reference_type_id = "customer"
    }
  }
  field {
    name  = "others_5"
    label = { en = "Others" }
    type {
      name = "Set"
      element_type {
        name              = "Reference"
        reference_type_id = "channel"
      }
    }
  }
}
resource "commercetools_type" "bare_6" {
  key               = "type-bare-6"
  name              = { en = "Fields", de = "Felder" }
  resource_type_ids = ["order", "customer"]
  field {
    name  = "note_6"
    label = { en = "Note", de = "Notiz" }
    type {
      name = "String"
    }
  }
}
resource "commercetools_type" "nonlatin_7" {
  key               = "type-nonlatin-7"
  name              = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
  description       = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
  resource_type_ids = ["order", "customer"]
  field {
    name       = "note_7"
    label      = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
    required   = true
    input_hint = "MultiLine"
    type {
      name = "String"
    }
  }
  field {
    name  = "kind_7"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name = "Enum"
      value {
        key   = "a"
        label = "Grüße · 東京 · Привет · مرحبا 7"
      }
      value {
        key   = "b"
        label = "Grüße · 東京 · Привет · مرحبا 7"
      }
    }
  }
  field {
    name  = "level_7"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name = "LocalizedEnum"
      localized_value {
        key   = "low"
        label = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
      }
      localized_value {
        key   = "high"
        label = { en = "Grüße · 東京 · Привет · مرحبا" }
      }
    }
  }
  field {
    name  = "tags_7"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name = "Set"
      element_type {
        name = "Enum"
        value {
          key   = "x"
          label = "Grüße · 東京 · Привет · مرحبا 7"
        }
        value {
          key   = "y"
          label = "Grüße · 東京 · Привет · مرحبا 7"
        }
      }
    }
  }
  field {
    name  = "labels_7"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name = "Set"
      element_type {
        name = "LocalizedEnum"
        localized_value {
          key   = "p"
          label = { en = "Grüße · 東京 · Привет · مرحبا" }
        }
        localized_value {
          key   = "q"
          label = { en = "Grüße · 東京 · Привет · مرحبا" }
        }
      }
    }
  }
  field {
    name  = "single_7"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name = "Enum"
      value {
        key   = "only"
        label = "Grüße · 東京 · Привет · مرحبا 7"
      }
    }
  }
  field {
    name  = "lsingle_7"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name = "LocalizedEnum"
      localized_value {
        key   = "only"
        label = { en = "Grüße · 東京 · Привет · مرحبا" }
      }
    }
  }
  field {
    name  = "ssingle_7"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name = "Set"
      element_type {
        name = "Enum"
        value {
          key   = "only"
          label = "Grüße · 東京 · Привет · مرحبا 7"
        }
      }
    }
  }
  field {
    name  = "lssingle_7"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name = "Set"
      element_type {
        name = "LocalizedEnum"
        localized_value {
          key   = "only"
          label = { en = "Grüße · 東京 · Привет · مرحبا" }
        }
      }
    }
  }
  field {
    name  = "owner_7"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name              = "Reference"
      reference_type_id = "customer"
    }
  }
  field {
    name  = "others_7"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name = "Set"
      element_type {
        name              = "Reference"
        reference_type_id = "channel"
      }
    }
  }
}
resource "commercetools_type" "max_8" {
  key               = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-t-8-1"
  name              = { en = "Fields" }
  description       = { en = "Custom fields" }
  resource_type_ids = ["order"]
  field {
    name       = "note_8"
    label      = { en = "Note" }
    required   = true
    input_hint = "MultiLine"
    type {
      name = "String"
    }
  }
}
resource "commercetools_type" "defaults_9" {
  key               = "type-defaults-9"
  name              = { en = "Fields", de = "Felder" }
  resource_type_ids = ["order", "customer"]
  field {
    name  = "note_9"
    label = { en = "Note", de = "Notiz" }
    type {
      name = "String"
    }
    input_hint = "SingleLine"
    required   = false
  }
}

provider "commercetools" {
  alias         = "forms-project-settings-1"
  client_id     = "forms-admin-forms-project-settings-1"
  client_secret = "forms-secret"
  project_key   = "forms-project-settings-1"
  api_url       = "http://127.0.0.1:PORT"
  token_url     = "http://127.0.0.1:PORT"
  scopes        = "manage_project:forms-project-settings-1 manage_api_clients:forms-project-settings-1"
}
resource "commercetools_project_settings" "many_1" {
  provider                           = commercetools.forms-project-settings-1
  name                               = "Forms project"
  countries                          = ["DE", "AT"]
  currencies                         = ["EUR", "USD"]
  languages                          = ["en", "de"]
  shipping_rate_input_type           = "CartClassification"
  enable_search_index_products       = true
  enable_search_index_product_search = true
  enable_search_index_orders         = true
  enable_search_index_customers      = true
  enable_search_index_business_units = true
  messages {
    enabled                    = true
    delete_days_after_creation = 30
  }
  carts {
    country_tax_rate_fallback_enabled   = true
    delete_days_after_last_modification = 30
    price_rounding_mode                 = "HalfUp"
    tax_rounding_mode                   = "HalfDown"
  }
  shopping_lists {
    delete_days_after_last_modification = 60
  }
  business_units {
    my_business_unit_status_on_creation             = "Inactive"
    my_business_unit_associate_role_key_on_creation = "buyer"
  }
  external_oauth {
    url                  = "https://auth.example.com/introspect"
    authorization_header = "Bearer secret"
  }
  shipping_rate_cart_classification_value {
    key   = "small"
    label = { en = "Small", de = "Klein" }
  }
  shipping_rate_cart_classification_value {
    key   = "large"
    label = { en = "Large" }
  }
}
provider "commercetools" {
  alias         = "forms-project-settings-2"
  client_id     = "forms-admin-forms-project-settings-2"
  client_secret = "forms-secret"
  project_key   = "forms-project-settings-2"
  api_url       = "http://127.0.0.1:PORT"
  token_url     = "http://127.0.0.1:PORT"
  scopes        = "manage_project:forms-project-settings-2 manage_api_clients:forms-project-settings-2"
}
resource "commercetools_project_settings" "one_2" {
  provider                           = commercetools.forms-project-settings-2
  name                               = "Forms project"
  countries                          = ["DE"]
  currencies                         = ["EUR"]
  languages                          = ["en"]
  shipping_rate_input_type           = "CartClassification"
  enable_search_index_products       = true
  enable_search_index_product_search = true
  enable_search_index_orders         = true
  enable_search_index_customers      = true
  enable_search_index_business_units = true
  messages {
    enabled                    = true
    delete_days_after_creation = 30
  }
  carts {
    country_tax_rate_fallback_enabled   = true
    delete_days_after_last_modification = 30
    price_rounding_mode                 = "HalfUp"
    tax_rounding_mode                   = "HalfDown"
  }
  shopping_lists {
    delete_days_after_last_modification = 60
  }
  business_units {
    my_business_unit_status_on_creation             = "Inactive"
    my_business_unit_associate_role_key_on_creation = "buyer"
  }
  external_oauth {
    url                  = "https://auth.example.com/introspect"
    authorization_header = "Bearer secret"
  }
  shipping_rate_cart_classification_value {
    key   = "small"
    label = { en = "Small" }
  }
}
provider "commercetools" {
  alias         = "forms-project-settings-7"
  client_id     = "forms-admin-forms-project-settings-7"
  client_secret = "forms-secret"
  project_key   = "forms-project-settings-7"
  api_url       = "http://127.0.0.1:PORT"
  token_url     = "http://127.0.0.1:PORT"
  scopes        = "manage_project:forms-project-settings-7 manage_api_clients:forms-project-settings-7"
}
resource "commercetools_project_settings" "nonlatin_7" {
  provider                           = commercetools.forms-project-settings-7
  name                               = "Grüße · 東京 · Привет · مرحبا 7"
  countries                          = ["DE", "AT"]
  currencies                         = ["EUR", "USD"]
  languages                          = ["en", "de"]
  shipping_rate_input_type           = "CartClassification"
  enable_search_index_products       = true
  enable_search_index_product_search = true
  enable_search_index_orders         = true
  enable_search_index_customers      = true
  enable_search_index_business_units = true
  messages {
    enabled                    = true
    delete_days_after_creation = 30
  }
  carts {
    country_tax_rate_fallback_enabled   = true
    delete_days_after_last_modification = 30
    price_rounding_mode                 = "HalfUp"
    tax_rounding_mode                   = "HalfDown"
  }
  shopping_lists {
    delete_days_after_last_modification = 60
  }
  business_units {
    my_business_unit_status_on_creation             = "Inactive"
    my_business_unit_associate_role_key_on_creation = "buyer"
  }
  external_oauth {
    url                  = "https://auth.example.com/introspect"
    authorization_header = "Bearer secret"
  }
  shipping_rate_cart_classification_value {
    key   = "small"
    label = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
  }
  shipping_rate_cart_classification_value {
    key   = "large"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
  }
}
provider "commercetools" {
  alias         = "forms-project-settings-8"
  client_id     = "forms-admin-forms-project-settings-8"
  client_secret = "forms-secret"
  project_key   = "forms-project-settings-8"
  api_url       = "http://127.0.0.1:PORT"
  token_url     = "http://127.0.0.1:PORT"
  scopes        = "manage_project:forms-project-settings-8 manage_api_clients:forms-project-settings-8"
}
resource "commercetools_project_settings" "max_8" {
  provider                           = commercetools.forms-project-settings-8
  name                               = "Forms project"
  countries                          = ["DE"]
  currencies                         = ["EUR"]
  languages                          = ["en"]
  shipping_rate_input_type           = "CartClassification"
  enable_search_index_products       = true
  enable_search_index_product_search = true
  enable_search_index_orders         = true
  enable_search_index_customers      = true
  enable_search_index_business_units = true
  messages {
    enabled                    = true
    delete_days_after_creation = 90
  }
  carts {
    country_tax_rate_fallback_enabled   = true
    delete_days_after_last_modification = 365250
    price_rounding_mode                 = "HalfUp"
    tax_rounding_mode                   = "HalfDown"
  }
  shopping_lists {
    delete_days_after_last_modification = 365250
  }
  business_units {
    my_business_unit_status_on_creation             = "Inactive"
    my_business_unit_associate_role_key_on_creation = "buyer"
  }
  external_oauth {
    url                  = "https://auth.example.com/introspect"
    authorization_header = "Bearer secret"
  }
  shipping_rate_cart_classification_value {
    key   = "small"
    label = { en = "Small" }
  }
}
provider "commercetools" {
  alias         = "forms-project-settings-9"
  client_id     = "forms-admin-forms-project-settings-9"
  client_secret = "forms-secret"
  project_key   = "forms-project-settings-9"
  api_url       = "http://127.0.0.1:PORT"
  token_url     = "http://127.0.0.1:PORT"
  scopes        = "manage_project:forms-project-settings-9 manage_api_clients:forms-project-settings-9"
}
resource "commercetools_project_settings" "min_9" {
  provider                           = commercetools.forms-project-settings-9
  name                               = "Forms project"
  countries                          = ["DE"]
  currencies                         = ["EUR"]
  languages                          = ["en"]
  shipping_rate_input_type           = "CartClassification"
  enable_search_index_products       = true
  enable_search_index_product_search = true
  enable_search_index_orders         = true
  enable_search_index_customers      = true
  enable_search_index_business_units = true
  messages {
    enabled                    = true
    delete_days_after_creation = 1
  }
  carts {
    country_tax_rate_fallback_enabled   = true
    delete_days_after_last_modification = 1
    price_rounding_mode                 = "HalfUp"
    tax_rounding_mode                   = "HalfDown"
  }
  shopping_lists {
    delete_days_after_last_modification = 1
  }
  business_units {
    my_business_unit_status_on_creation             = "Inactive"
    my_business_unit_associate_role_key_on_creation = "buyer"
  }
  external_oauth {
    url                  = "https://auth.example.com/introspect"
    authorization_header = "Bearer secret"
  }
  shipping_rate_cart_classification_value {
    key   = "small"
    label = { en = "Small" }
  }
}

resource "commercetools_tax_category" "many_1" {
  key         = "tax-category-many-1"
  name        = "Standard 1"
  description = "Standard rates"
}
resource "commercetools_tax_category" "one_2" {
  key         = "tax-category-one-2"
  name        = "Standard 2"
  description = "Standard rates"
}
resource "commercetools_tax_category" "absent_3" {
  name = "Standard 3"
}
resource "commercetools_tax_category" "null_4" {
  key         = null
  name        = "Standard 4"
  description = null
}
resource "commercetools_tax_category" "zero_5" {
  key         = ""
  name        = "Standard 5"
  description = ""
}
resource "commercetools_tax_category" "bare_6" {
  key  = "tax-category-bare-6"
  name = "Standard 6"
}
resource "commercetools_tax_category" "nonlatin_7" {
  key         = "tax-category-nonlatin-7"
  name        = "Grüße · 東京 · Привет · مرحبا 7"
  description = "Grüße · 東京 · Привет · مرحبا 7"
}
resource "commercetools_tax_category" "max_8" {
  key         = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-tc-8-1"
  name        = "Standard 8"
  description = "Standard rates"
}
resource "commercetools_tax_category" "r_tax" {
  key  = "r-tax"
  name = "Rates"
}


resource "commercetools_tax_category_rate" "many_1" {
  tax_category_id   = commercetools_tax_category.r_tax.id
  key               = "tax-category-rate-many-1"
  name              = "VAT 1"
  amount            = 0.19
  included_in_price = true
  country           = "DE"
  state             = "BE-1"
}
resource "commercetools_tax_category_rate" "one_2" {
  tax_category_id   = commercetools_tax_category.r_tax.id
  key               = "tax-category-rate-one-2"
  name              = "VAT 2"
  amount            = 0.19
  included_in_price = true
  country           = "DE"
  state             = "BE-2"
}
resource "commercetools_tax_category_rate" "absent_3" {
  tax_category_id   = commercetools_tax_category.r_tax.id
  name              = "VAT 3"
  included_in_price = true
  country           = "DE"
  state             = "BE-3"
}
resource "commercetools_tax_category_rate" "null_4" {
  tax_category_id   = commercetools_tax_category.r_tax.id
  key               = null
  name              = "VAT 4"
  amount            = null
  included_in_price = true
  country           = "DE"
  state             = "BE-4"
}
resource "commercetools_tax_category_rate" "zero_5" {
  tax_category_id   = commercetools_tax_category.r_tax.id
  key               = ""
  name              = "VAT 5"
  amount            = 0
  included_in_price = true
  country           = "DE"
  state             = "BE-5"
}
resource "commercetools_tax_category_rate" "bare_6" {
  tax_category_id   = commercetools_tax_category.r_tax.id
  key               = "tax-category-rate-bare-6"
  name              = "VAT 6"
  included_in_price = true
  country           = "DE"
  state             = "BE-6"
}
resource "commercetools_tax_category_rate" "nonlatin_7" {
  tax_category_id   = commercetools_tax_category.r_tax.id
  key               = "tax-category-rate-nonlatin-7"
  name              = "Grüße · 東京 · Привет · مرحبا 7"
  amount            = 0.19
  included_in_price = true
  country           = "DE"
  state             = "BE-7"
}
resource "commercetools_tax_category_rate" "max_8" {
  tax_category_id   = commercetools_tax_category.r_tax.id
  key               = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-tcr-8-1"
  name              = "VAT 8"
  amount            = 1
  included_in_price = true
  country           = "DE"
  state             = "BE-8"
}
resource "commercetools_tax_category_rate" "min_9" {
  tax_category_id   = commercetools_tax_category.r_tax.id
  key               = "tax-category-rate-min-9"
  name              = "VAT 9"
  amount            = 0
  included_in_price = true
  country           = "DE"
  state             = "BE-9"
}
resource "commercetools_tax_category_rate" "absent_12" {
  tax_category_id   = commercetools_tax_category.r_tax.id
  name              = "Sales tax 12"
  included_in_price = false
  country           = "US"
  state             = "NY-12"
}
resource "commercetools_tax_category_rate" "min_18" {
  tax_category_id   = commercetools_tax_category.r_tax.id
  key               = "tax-category-rate-min-18"
  name              = "Sales tax 18"
  included_in_price = false
  country           = "US"
  state             = "NY-18"
  sub_rate {
    name   = "State"
    amount = 0
  }
}

resource "commercetools_shipping_zone" "many_1" {
  key         = "shipping-zone-many-1"
  name        = "DACH"
  description = "Germany, Austria and Switzerland"
  location {
    country = "DE"
    state   = "Z1"
  }
  location {
    country = "AT"
    state   = "Z1"
  }
}
resource "commercetools_shipping_zone" "one_2" {
  key         = "shipping-zone-one-2"
  name        = "DACH"
  description = "Germany, Austria and Switzerland"
  location {
    country = "DE"
    state   = "Z2"
  }
}
resource "commercetools_shipping_zone" "absent_3" {
  name = "DACH"
}
resource "commercetools_shipping_zone" "null_4" {
  key         = null
  name        = "DACH"
  description = null
  location {
    country = "DE"
    state   = "Z4"
  }
  location {
    country = "AT"
    state   = "Z4"
  }
}
resource "commercetools_shipping_zone" "zero_5" {
  key         = ""
  name        = "DACH"
  description = ""
  location {
    country = "DE"
    state   = "Z5"
  }
  location {
    country = "AT"
    state   = "Z5"
  }
}
resource "commercetools_shipping_zone" "bare_6" {
  key  = "shipping-zone-bare-6"
  name = "DACH"
  location {
    country = "DE"
    state   = "Z6"
  }
}
resource "commercetools_shipping_zone" "nonlatin_7" {
  key         = "shipping-zone-nonlatin-7"
  name        = "Grüße · 東京 · Привет · مرحبا 7"
  description = "Grüße · 東京 · Привет · مرحبا 7"
  location {
    country = "DE"
    state   = "Z7"
  }
  location {
    country = "AT"
    state   = "Z7"
  }
}
resource "commercetools_shipping_zone" "max_8" {
  key         = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-sz-8-1"
  name        = "DACH"
  description = "Germany, Austria and Switzerland"
  location {
    country = "DE"
    state   = "Z8"
  }
}

resource "commercetools_shipping_method" "many_1" {
  key                   = "shipping-method-many-1"
  name                  = "Express 1"
  description           = "Next day"
  localized_name        = { en = "Express", de = "Express" }
  localized_description = { en = "Next day", de = "Am nächsten Tag" }
  tax_category_id       = commercetools_tax_category.w_tax.id
  predicate             = "lineItemCount() > 0"
  active                = true
  is_default            = false
  custom {
    type_id = commercetools_type.w_fields.id
    fields = {
      text  = "hello"
      count = "12"
    }
  }
}
resource "commercetools_shipping_method" "one_2" {
  key                   = "shipping-method-one-2"
  name                  = "Express 2"
  description           = "Next day"
  localized_name        = { en = "Express" }
  localized_description = { en = "Next day" }
  tax_category_id       = commercetools_tax_category.w_tax.id
  predicate             = "lineItemCount() > 0"
  active                = true
  is_default            = false
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = { text = "hello" }
  }
}
resource "commercetools_shipping_method" "absent_3" {
  name            = "Express 3"
  tax_category_id = commercetools_tax_category.w_tax.id
}
resource "commercetools_shipping_method" "null_4" {
  key                   = null
  name                  = "Express 4"
  description           = null
  localized_name        = null
  localized_description = null
  tax_category_id       = commercetools_tax_category.w_tax.id
  predicate             = null
  active                = null
  is_default            = null
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = null
  }
}
resource "commercetools_shipping_method" "zero_5" {
  key                   = ""
  name                  = "Express 5"
  description           = ""
  localized_name        = {}
  localized_description = {}
  tax_category_id       = commercetools_tax_category.w_tax.id
  predicate             = ""
  active                = false
  is_default            = false
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = {}
  }
}
resource "commercetools_shipping_method" "bare_6" {
  key             = "shipping-method-bare-6"
  name            = "Express 6"
  tax_category_id = commercetools_tax_category.w_tax.id
  custom {
    type_id = commercetools_type.w_fields.id
  }
}
resource "commercetools_shipping_method" "nonlatin_7" {
  key                   = "shipping-method-nonlatin-7"
  name                  = "Grüße · 東京 · Привет · مرحبا 7"
  description           = "Grüße · 東京 · Привет · مرحبا 7"
  localized_name        = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
  localized_description = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
  tax_category_id       = commercetools_tax_category.w_tax.id
  predicate             = "lineItemCount() > 0"
  active                = true
  is_default            = false
  custom {
    type_id = commercetools_type.w_fields.id
    fields = {
      text  = "hello"
      count = "12"
    }
  }
}
resource "commercetools_shipping_method" "max_8" {
  key                   = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-sm-8-1"
  name                  = "Express 8"
  description           = "Next day"
  localized_name        = { en = "Express" }
  localized_description = { en = "Next day" }
  tax_category_id       = commercetools_tax_category.w_tax.id
  predicate             = "lineItemCount() > 0"
  active                = true
  is_default            = false
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = { text = "hello" }
  }
}
resource "commercetools_shipping_method" "defaults_9" {
  key             = "shipping-method-defaults-9"
  name            = "Express 9"
  tax_category_id = commercetools_tax_category.w_tax.id
  active          = true
  is_default      = false
}
resource "commercetools_shipping_method" "zr_method" {
  key             = "zr-method"
  name            = "Zone rates"
  tax_category_id = commercetools_tax_category.w_tax.id
}


resource "commercetools_shipping_zone" "zr_zone_1" {
  key  = "zr-zone-1"
  name = "Zone 1"
  location {
    country = "DE"
    state   = "S1"
  }
}

resource "commercetools_shipping_zone_rate" "many_1" {
  shipping_method_id = commercetools_shipping_method.zr_method.id
  shipping_zone_id   = commercetools_shipping_zone.zr_zone_1.id
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
  shipping_rate_price_tier {
    type                = "CartValue"
    minimum_cent_amount = 10000
    price {
      cent_amount   = 0
      currency_code = "EUR"
    }
  }
}
resource "commercetools_shipping_zone" "zr_zone_2" {
  key  = "zr-zone-2"
  name = "Zone 2"
  location {
    country = "DE"
    state   = "S2"
  }
}

resource "commercetools_shipping_zone_rate" "one_2" {
  shipping_method_id = commercetools_shipping_method.zr_method.id
  shipping_zone_id   = commercetools_shipping_zone.zr_zone_2.id
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
resource "commercetools_shipping_zone" "zr_zone_3" {
  key  = "zr-zone-3"
  name = "Zone 3"
  location {
    country = "DE"
    state   = "S3"
  }
}

resource "commercetools_shipping_zone_rate" "absent_3" {
  shipping_method_id = commercetools_shipping_method.zr_method.id
  shipping_zone_id   = commercetools_shipping_zone.zr_zone_3.id
  price {
    cent_amount   = 495
    currency_code = "EUR"
  }
}
resource "commercetools_shipping_zone" "zr_zone_4" {
  key  = "zr-zone-4"
  name = "Zone 4"
  location {
    country = "DE"
    state   = "S4"
  }
}

resource "commercetools_shipping_zone_rate" "null_4" {
  shipping_method_id = commercetools_shipping_method.zr_method.id
  shipping_zone_id   = commercetools_shipping_zone.zr_zone_4.id
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
  shipping_rate_price_tier {
    type                = "CartValue"
    minimum_cent_amount = 10000
    price {
      cent_amount   = 0
      currency_code = "EUR"
    }
  }
}
resource "commercetools_shipping_zone" "zr_zone_5" {
  key  = "zr-zone-5"
  name = "Zone 5"
  location {
    country = "DE"
    state   = "S5"
  }
}

resource "commercetools_shipping_zone_rate" "zero_5" {
  shipping_method_id = commercetools_shipping_method.zr_method.id
  shipping_zone_id   = commercetools_shipping_zone.zr_zone_5.id
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
  shipping_rate_price_tier {
    type                = "CartValue"
    minimum_cent_amount = 10000
    price {
      cent_amount   = 0
      currency_code = "EUR"
    }
  }
}
resource "commercetools_shipping_zone" "zr_zone_6" {
  key  = "zr-zone-6"
  name = "Zone 6"
  location {
    country = "DE"
    state   = "S6"
  }
}

resource "commercetools_shipping_zone_rate" "bare_6" {
  shipping_method_id = commercetools_shipping_method.zr_method.id
  shipping_zone_id   = commercetools_shipping_zone.zr_zone_6.id
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
resource "commercetools_shipping_zone" "zr_zone_7" {
  key  = "zr-zone-7"
  name = "Zone 7"
  location {
    country = "DE"
    state   = "S7"
  }
}

resource "commercetools_shipping_zone_rate" "min_7" {
  shipping_method_id = commercetools_shipping_method.zr_method.id
  shipping_zone_id   = commercetools_shipping_zone.zr_zone_7.id
  price {
    cent_amount   = 0
    currency_code = "EUR"
  }
  free_above {
    cent_amount   = 0
    currency_code = "EUR"
  }
  shipping_rate_price_tier {
    type                = "CartValue"
    minimum_cent_amount = 2500
    price {
      cent_amount   = 0
      currency_code = "EUR"
    }
  }
}

resource "commercetools_store" "absent_3" {
  key = "store-absent-3"
}
resource "commercetools_store" "null_4" {
  key                   = "store-null-4"
  name                  = null
  languages             = null
  countries             = null
  distribution_channels = null
  supply_channels       = null
  product_selection {
    product_selection_id = commercetools_product_selection.w_sel.id
    active               = true
  }
  product_selection {
    product_selection_id = commercetools_product_selection.w_sel2.id
    active               = false
  }
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = null
  }
}
resource "commercetools_store" "zero_5" {
  key                   = "store-zero-5"
  name                  = {}
  languages             = []
  countries             = []
  distribution_channels = []
  supply_channels       = []
  product_selection {
    product_selection_id = commercetools_product_selection.w_sel.id
    active               = true
  }
  product_selection {
    product_selection_id = commercetools_product_selection.w_sel2.id
    active               = false
  }
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = {}
  }
}
resource "commercetools_store" "bare_6" {
  key = "store-bare-6"
  product_selection {
    product_selection_id = commercetools_product_selection.w_sel.id
    active               = true
  }
  custom {
    type_id = commercetools_type.w_fields.id
  }
}

resource "commercetools_customer_group" "many_1" {
  key  = "customer-group-many-1"
  name = "Group 1"
  custom {
    type_id = commercetools_type.w_fields.id
    fields = {
      text  = "hello"
      count = "12"
    }
  }
}
resource "commercetools_customer_group" "one_2" {
  key  = "customer-group-one-2"
  name = "Group 2"
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = { text = "hello" }
  }
}
resource "commercetools_customer_group" "absent_3" {
  name = "Group 3"
}
resource "commercetools_customer_group" "null_4" {
  key  = null
  name = "Group 4"
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = null
  }
}
resource "commercetools_customer_group" "zero_5" {
  key  = ""
  name = "Group 5"
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = {}
  }
}
resource "commercetools_customer_group" "bare_6" {
  key  = "customer-group-bare-6"
  name = "Group 6"
  custom {
    type_id = commercetools_type.w_fields.id
  }
}
resource "commercetools_customer_group" "nonlatin_7" {
  key  = "customer-group-nonlatin-7"
  name = "Grüße · 東京 · Привет · مرحبا 7"
  custom {
    type_id = commercetools_type.w_fields.id
    fields = {
      text  = "hello"
      count = "12"
    }
  }
}
resource "commercetools_customer_group" "max_8" {
  key  = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-cg-8-1"
  name = "Group 8"
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = { text = "hello" }
  }
}

resource "commercetools_product_type" "many_1" {
  key         = "product-type-many-1"
  name        = "Shirt 1"
  description = "Shirts"
  attribute {
    name       = "headline"
    label      = { en = "Headline", de = "Überschrift" }
    input_tip  = { en = "Shown above", de = "Oben" }
    required   = false
    searchable = true
    level      = "Variant"
    constraint = "SameForAll"
    input_hint = "MultiLine"
    type {
      name = "ltext"
    }
  }
  attribute {
    name  = "size"
    label = { en = "Size" }
    type {
      name = "lenum"
      localized_value {
        key   = "s"
        label = { en = "Small", de = "Klein" }
      }
      localized_value {
        key   = "m"
        label = { en = "Medium" }
      }
    }
  }
  attribute {
    name  = "care"
    label = { en = "Care" }
    type {
      name = "set"
      element_type {
        name = "enum"
        value {
          key   = "wash"
          label = "Wash"
        }
        value {
          key   = "dry"
          label = "Dry"
        }
      }
    }
  }
  attribute {
    name  = "fit"
    label = { en = "Fit" }
    type {
      name = "enum"
      value {
        key   = "slim"
        label = "Slim"
      }
      value {
        key   = "loose"
        label = "Loose"
      }
    }
  }
  attribute {
    name  = "languages"
    label = { en = "Languages" }
    type {
      name = "set"
      element_type {
        name = "lenum"
        localized_value {
          key   = "de"
          label = { en = "German" }
        }
        localized_value {
          key   = "fr"
          label = { en = "French" }
        }
      }
    }
  }
  attribute {
    name     = "material"
    label    = { en = "Material" }
    required = true
    type {
      name = "enum"
      value {
        key   = "cotton"
        label = "Cotton"
      }
    }
  }
  attribute {
    name  = "origin"
    label = { en = "Origin" }
    type {
      name = "lenum"
      localized_value {
        key   = "eu"
        label = { en = "Europe" }
      }
    }
  }
  attribute {
    name  = "washes"
    label = { en = "Washes" }
    type {
      name = "set"
      element_type {
        name = "enum"
        value {
          key   = "hand"
          label = "Hand"
        }
      }
    }
  }
  attribute {
    name  = "regions"
    label = { en = "Regions" }
    type {
      name = "set"
      element_type {
        name = "lenum"
        localized_value {
          key   = "north"
          label = { en = "North" }
        }
      }
    }
  }
  attribute {
    name  = "related"
    label = { en = "Related" }
    type {
      name              = "reference"
      reference_type_id = "product"
    }
  }
  attribute {
    name  = "others"
    label = { en = "Others" }
    type {
      name = "set"
      element_type {
        name              = "reference"
        reference_type_id = "category"
      }
    }
  }
  attribute {
    name  = "chart"
    label = { en = "Chart" }
    type {
      name           = "nested"
      type_reference = commercetools_product_type.w_pt.id
    }
  }
  attribute {
    name  = "charts"
    label = { en = "Charts" }
    type {
      name = "set"
      element_type {
        name           = "nested"
        type_reference = commercetools_product_type.w_pt.id
      }
    }
  }
}
resource "commercetools_product_type" "one_2" {
  key         = "product-type-one-2"
  name        = "Shirt 2"
  description = "Shirts"
  attribute {
    name       = "headline"
    label      = { en = "Headline" }
    input_tip  = { en = "Shown above" }
    required   = false
    searchable = true
    level      = "Variant"
    constraint = "SameForAll"
    input_hint = "MultiLine"
    type {
      name = "ltext"
    }
  }
}
resource "commercetools_product_type" "absent_3" {
  name = "Shirt 3"
}
resource "commercetools_product_type" "null_4" {
  key         = null
  name        = "Shirt 4"
  description = null
  attribute {
    name       = "headline"
    label      = { en = "Headline", de = "Überschrift" }
    input_tip  = null
    required   = null
    searchable = null
    level      = null
    constraint = null
    input_hint = null
    type {
      name = "ltext"
    }
  }
  attribute {
    name  = "size"
    label = { en = "Size" }
    type {
      name = "lenum"
      localized_value {
        key   = "s"
        label = { en = "Small", de = "Klein" }
      }
      localized_value {
        key   = "m"
        label = { en = "Medium" }
      }
    }
  }
  attribute {
    name  = "care"
    label = { en = "Care" }
    type {
      name = "set"
      element_type {
        name = "enum"
        value {
          key   = "wash"
          label = "Wash"
        }
        value {
          key   = "dry"
          label = "Dry"
        }
      }
    }
  }
  attribute {
    name  = "fit"
    label = { en = "Fit" }
    type {
      name = "enum"
      value {
        key   = "slim"
        label = "Slim"
      }
      value {
        key   = "loose"
        label = "Loose"
      }
    }
  }
  attribute {
    name  = "languages"
    label = { en = "Languages" }
    type {
      name = "set"
      element_type {
        name = "lenum"
        localized_value {
          key   = "de"
          label = { en = "German" }
        }
        localized_value {
          key   = "fr"
          label = { en = "French" }
        }
      }
    }
  }
  attribute {
    name     = "material"
    label    = { en = "Material" }
    required = null
    type {
      name = "enum"
      value {
        key   = "cotton"
        label = "Cotton"
      }
    }
  }
  attribute {
    name  = "origin"
    label = { en = "Origin" }
    type {
      name = "lenum"
      localized_value {
        key   = "eu"
        label = { en = "Europe" }
      }
    }
  }
  attribute {
    name  = "washes"
    label = { en = "Washes" }
    type {
      name = "set"
      element_type {
        name = "enum"
        value {
          key   = "hand"
          label = "Hand"
        }
      }
    }
  }
  attribute {
    name  = "regions"
    label = { en = "Regions" }
    type {
      name = "set"
      element_type {
        name = "lenum"
        localized_value {
          key   = "north"
          label = { en = "North" }
        }
      }
    }
  }
  attribute {
    name  = "related"
    label = { en = "Related" }
    type {
      name              = "reference"
      reference_type_id = "product"
    }
  }
  attribute {
    name  = "others"
    label = { en = "Others" }
    type {
      name = "set"
      element_type {
        name              = "reference"
        reference_type_id = "category"
      }
    }
  }
  attribute {
    name  = "chart"
    label = { en = "Chart" }
    type {
      name           = "nested"
      type_reference = commercetools_product_type.w_pt.id
    }
  }
  attribute {
    name  = "charts"
    label = { en = "Charts" }
    type {
      name = "set"
      element_type {
        name           = "nested"
        type_reference = commercetools_product_type.w_pt.id
      }
    }
  }
}
resource "commercetools_product_type" "zero_5" {
  key         = ""
  name        = "Shirt 5"
  description = ""
  attribute {
    name       = "headline"
    label      = { en = "Headline", de = "Überschrift" }
    input_tip  = {}
    required   = false
    searchable = false
    level      = "Variant"
    constraint = "SameForAll"
    input_hint = "MultiLine"
    type {
      name = "ltext"
    }
  }
  attribute {
    name  = "size"
    label = { en = "Size" }
    type {
      name = "lenum"
      localized_value {
        key   = "s"
        label = { en = "Small", de = "Klein" }
      }
      localized_value {
        key   = "m"
        label = { en = "Medium" }
      }
    }
  }
  attribute {
    name  = "care"
    label = { en = "Care" }
    type {
      name = "set"
      element_type {
        name = "enum"
        value {
          key   = "wash"
          label = "Wash"
        }
        value {
          key   = "dry"
          label = "Dry"
        }
      }
    }
  }
  attribute {
    name  = "fit"
    label = { en = "Fit" }
    type {
      name = "enum"
      value {
        key   = "slim"
        label = "Slim"
      }
      value {
        key   = "loose"
        label = "Loose"
      }
    }
  }
  attribute {
    name  = "languages"
    label = { en = "Languages" }
    type {
      name = "set"
      element_type {
        name = "lenum"
        localized_value {
          key   = "de"
          label = { en = "German" }
        }
        localized_value {
          key   = "fr"
          label = { en = "French" }
        }
      }
    }
  }
  attribute {
    name     = "material"
    label    = { en = "Material" }
    required = false
    type {
      name = "enum"
      value {
        key   = "cotton"
        label = "Cotton"
      }
    }
  }
  attribute {
    name  = "origin"
    label = { en = "Origin" }
    type {
      name = "lenum"
      localized_value {
        key   = "eu"
        label = { en = "Europe" }
      }
    }
  }
  attribute {
    name  = "washes"
    label = { en = "Washes" }
    type {
      name = "set"
      element_type {
        name = "enum"
        value {
          key   = "hand"
          label = "Hand"
        }
      }
    }
  }
  attribute {
    name  = "regions"
    label = { en = "Regions" }
    type {
      name = "set"
      element_type {
        name = "lenum"
        localized_value {
          key   = "north"
          label = { en = "North" }
        }
      }
    }
  }
  attribute {
    name  = "related"
    label = { en = "Related" }
    type {
      name              = "reference"
      reference_type_id = "product"
    }
  }
  attribute {
    name  = "others"
    label = { en = "Others" }
    type {
      name = "set"
      element_type {
        name              = "reference"
        reference_type_id = "category"
      }
    }
  }
  attribute {
    name  = "chart"
    label = { en = "Chart" }
    type {
      name           = "nested"
      type_reference = commercetools_product_type.w_pt.id
    }
  }
  attribute {
    name  = "charts"
    label = { en = "Charts" }
    type {
      name = "set"
      element_type {
        name           = "nested"
        type_reference = commercetools_product_type.w_pt.id
      }
    }
  }
}
resource "commercetools_product_type" "bare_6" {
  key  = "product-type-bare-6"
  name = "Shirt 6"
  attribute {
    name  = "headline"
    label = { en = "Headline", de = "Überschrift" }
    type {
      name = "ltext"
    }
  }
}
resource "commercetools_product_type" "nonlatin_7" {
  key         = "product-type-nonlatin-7"
  name        = "Grüße · 東京 · Привет · مرحبا 7"
  description = "Grüße · 東京 · Привет · مرحبا 7"
  attribute {
    name       = "headline"
    label      = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
    input_tip  = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
    required   = false
    searchable = true
    level      = "Variant"
    constraint = "SameForAll"
    input_hint = "MultiLine"
    type {
      name = "ltext"
    }
  }
  attribute {
    name  = "size"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name = "lenum"
      localized_value {
        key   = "s"
        label = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
      }
      localized_value {
        key   = "m"
        label = { en = "Grüße · 東京 · Привет · مرحبا" }
      }
    }
  }
  attribute {
    name  = "care"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name = "set"
      element_type {
        name = "enum"
        value {
          key   = "wash"
          label = "Grüße · 東京 · Привет · مرحبا 7"
        }
        value {
          key   = "dry"
          label = "Grüße · 東京 · Привет · مرحبا 7"
        }
      }
    }
  }
  attribute {
    name  = "fit"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name = "enum"
      value {
        key   = "slim"
        label = "Grüße · 東京 · Привет · مرحبا 7"
      }
      value {
        key   = "loose"
        label = "Grüße · 東京 · Привет · مرحبا 7"
      }
    }
  }
  attribute {
    name  = "languages"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name = "set"
      element_type {
        name = "lenum"
        localized_value {
          key   = "de"
          label = { en = "Grüße · 東京 · Привет · مرحبا" }
        }
        localized_value {
          key   = "fr"
          label = { en = "Grüße · 東京 · Привет · مرحبا" }
        }
      }
    }
  }
  attribute {
    name     = "material"
    label    = { en = "Grüße · 東京 · Привет · مرحبا" }
    required = true
    type {
      name = "enum"
      value {
        key   = "cotton"
        label = "Grüße · 東京 · Привет · مرحبا 7"
      }
    }
  }
  attribute {
    name  = "origin"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name = "lenum"
      localized_value {
        key   = "eu"
        label = { en = "Grüße · 東京 · Привет · مرحبا" }
      }
    }
  }
  attribute {
    name  = "washes"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name = "set"
      element_type {
        name = "enum"
        value {
          key   = "hand"
          label = "Grüße · 東京 · Привет · مرحبا 7"
        }
      }
    }
  }
  attribute {
    name  = "regions"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name = "set"
      element_type {
        name = "lenum"
        localized_value {
          key   = "north"
          label = { en = "Grüße · 東京 · Привет · مرحبا" }
        }
      }
    }
  }
  attribute {
    name  = "related"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name              = "reference"
      reference_type_id = "product"
    }
  }
  attribute {
    name  = "others"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name = "set"
      element_type {
        name              = "reference"
        reference_type_id = "category"
      }
    }
  }
  attribute {
    name  = "chart"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name           = "nested"
      type_reference = commercetools_product_type.w_pt.id
    }
  }
  attribute {
    name  = "charts"
    label = { en = "Grüße · 東京 · Привет · مرحبا" }
    type {
      name = "set"
      element_type {
        name           = "nested"
        type_reference = commercetools_product_type.w_pt.id
      }
    }
  }
}
resource "commercetools_product_type" "max_8" {
  key         = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-pt-8-1"
  name        = "Shirt 8"
  description = "Shirts"
  attribute {
    name       = "headline"
    label      = { en = "Headline" }
    input_tip  = { en = "Shown above" }
    required   = false
    searchable = true
    level      = "Variant"
    constraint = "SameForAll"
    input_hint = "MultiLine"
    type {
      name = "ltext"
    }
  }
}
resource "commercetools_product_type" "defaults_9" {
  key  = "product-type-defaults-9"
  name = "Shirt 9"
  attribute {
    name  = "headline"
    label = { en = "Headline", de = "Überschrift" }
    type {
      name = "ltext"
    }
    constraint = "None"
    input_hint = "SingleLine"
    level      = "Variant"
    required   = false
    searchable = false
  }
}

resource "commercetools_attribute_group" "many_1" {
  key         = "attribute-group-many-1"
  name        = { en = "Care", de = "Pflege" }
  description = { en = "How to care", de = "Pflegehinweise" }
  attribute {
    key = "w_color"
  }
  attribute {
    key = "w_size"
  }
}
resource "commercetools_attribute_group" "one_2" {
  key         = "attribute-group-one-2"
  name        = { en = "Care" }
  description = { en = "How to care" }
  attribute {
    key = "w_color"
  }
}
resource "commercetools_attribute_group" "null_4" {
  key         = null
  name        = { en = "Care", de = "Pflege" }
  description = null
  attribute {
    key = "w_color"
  }
  attribute {
    key = "w_size"
  }
}
resource "commercetools_attribute_group" "bare_6" {
  key  = "attribute-group-bare-6"
  name = { en = "Care", de = "Pflege" }
  attribute {
    key = "w_color"
  }
}
resource "commercetools_attribute_group" "nonlatin_7" {
  key         = "attribute-group-nonlatin-7"
  name        = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
  description = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
  attribute {
    key = "w_color"
  }
  attribute {
    key = "w_size"
  }
}
resource "commercetools_attribute_group" "max_8" {
  key         = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-ag-8-1"
  name        = { en = "Care" }
  description = { en = "How to care" }
  attribute {
    key = "w_color"
  }
}

resource "commercetools_product_selection" "many_1" {
  key  = "product-selection-many-1"
  name = { en = "Outlet", de = "Restposten" }
  mode = "IndividualExclusion"
  custom {
    type_id = commercetools_type.w_fields.id
    fields = {
      text  = "hello"
      count = "12"
    }
  }
}
resource "commercetools_product_selection" "one_2" {
  key  = "product-selection-one-2"
  name = { en = "Outlet" }
  mode = "IndividualExclusion"
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = { text = "hello" }
  }
}
resource "commercetools_product_selection" "absent_3" {
  name = { en = "Outlet", de = "Restposten" }
}
resource "commercetools_product_selection" "null_4" {
  key  = null
  name = { en = "Outlet", de = "Restposten" }
  mode = null
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = null
  }
}
resource "commercetools_product_selection" "bare_6" {
  key  = "product-selection-bare-6"
  name = { en = "Outlet", de = "Restposten" }
  custom {
    type_id = commercetools_type.w_fields.id
  }
}
resource "commercetools_product_selection" "nonlatin_7" {
  key  = "product-selection-nonlatin-7"
  name = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
  mode = "IndividualExclusion"
  custom {
    type_id = commercetools_type.w_fields.id
    fields = {
      text  = "hello"
      count = "12"
    }
  }
}
resource "commercetools_product_selection" "max_8" {
  key  = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-ps-8-1"
  name = { en = "Outlet" }
  mode = "IndividualExclusion"
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = { text = "hello" }
  }
}
resource "commercetools_product_selection" "defaults_9" {
  key  = "product-selection-defaults-9"
  name = { en = "Outlet", de = "Restposten" }
  mode = "Individual"
}

resource "commercetools_category" "one_2" {
  key              = "category-one-2"
  name             = { en = "Clothing" }
  slug             = { en = "clothing-2" }
  description      = { en = "All clothing" }
  parent           = commercetools_category.w_parent.id
  order_hint       = "0.21"
  external_id      = "ERP-2"
  meta_title       = { en = "Clothing" }
  meta_description = { en = "Buy clothing" }
  meta_keywords    = { en = "clothing, shirts" }
  assets {
    key         = "hero"
    name        = { en = "Hero" }
    description = { en = "Hero image" }
    tags        = ["hero"]
    sources {
      key          = "desktop"
      uri          = "https://images.example.com/hero.jpg"
      content_type = "image/jpeg"
      dimensions {
        w = 1920
        h = 600
      }
    }
  }
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = { text = "hello" }
  }
}
resource "commercetools_category" "absent_3" {
  name = { en = "Clothing", de = "Kleidung" }
  slug = { en = "clothing-3", de = "kleidung-3" }
}
resource "commercetools_category" "max_8" {
  key              = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-c-8-1"
  name             = { en = "Clothing" }
  slug             = { en = "clothing-8" }
  description      = { en = "All clothing" }
  parent           = commercetools_category.w_parent.id
  order_hint       = "0.81"
  external_id      = "ERP-8"
  meta_title       = { en = "Clothing" }
  meta_description = { en = "Buy clothing" }
  meta_keywords    = { en = "clothing, shirts" }
  assets {
    key         = "hero"
    name        = { en = "Hero" }
    description = { en = "Hero image" }
    tags        = ["hero"]
    sources {
      key          = "desktop"
      uri          = "https://images.example.com/hero.jpg"
      content_type = "image/jpeg"
      dimensions {
        w = 1920
        h = 600
      }
    }
  }
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = { text = "hello" }
  }
}
resource "commercetools_category" "many_10" {
  key  = "category-many-10"
  name = { en = "Socks" }
  slug = { en = "socks-10" }
}
resource "commercetools_category" "one_11" {
  key  = "category-one-11"
  name = { en = "Socks" }
  slug = { en = "socks-11" }
}
resource "commercetools_category" "absent_12" {
  name = { en = "Socks" }
  slug = { en = "socks-12" }
}
resource "commercetools_category" "null_13" {
  key  = null
  name = { en = "Socks" }
  slug = { en = "socks-13" }
}
resource "commercetools_category" "zero_14" {
  key  = ""
  name = { en = "Socks" }
  slug = { en = "socks-14" }
}
resource "commercetools_category" "bare_15" {
  key  = "category-bare-15"
  name = { en = "Socks" }
  slug = { en = "socks-15" }
}
resource "commercetools_category" "nonlatin_16" {
  key  = "category-nonlatin-16"
  name = { en = "Grüße · 東京 · Привет · مرحبا" }
  slug = { en = "socks-16" }
}
resource "commercetools_category" "max_17" {
  key  = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-c-17-1"
  name = { en = "Socks" }
  slug = { en = "socks-17" }
}

resource "commercetools_associate_role" "many_1" {
  key              = "associate-role-many-1"
  name             = "Buyer"
  buyer_assignable = true
  permissions      = ["ViewMyCarts", "CreateMyCarts"]
  custom {
    type_id = commercetools_type.w_fields.id
    fields = {
      text  = "hello"
      count = "12"
    }
  }
}
resource "commercetools_associate_role" "one_2" {
  key              = "associate-role-one-2"
  name             = "Buyer"
  buyer_assignable = true
  permissions      = ["ViewMyCarts"]
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = { text = "hello" }
  }
}
resource "commercetools_associate_role" "nonlatin_7" {
  key              = "associate-role-nonlatin-7"
  name             = "Grüße · 東京 · Привет · مرحبا 7"
  buyer_assignable = true
  permissions      = ["ViewMyCarts", "CreateMyCarts"]
  custom {
    type_id = commercetools_type.w_fields.id
    fields = {
      text  = "hello"
      count = "12"
    }
  }
}
resource "commercetools_associate_role" "max_8" {
  key              = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-ar-8-1"
  name             = "Buyer"
  buyer_assignable = true
  permissions      = ["ViewMyCarts"]
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = { text = "hello" }
  }
}

resource "commercetools_business_unit_company" "absent_3" {
  key  = "business-unit-company-absent-3"
  name = "ACME 3"
}
resource "commercetools_business_unit_company" "defaults_9" {
  key    = "business-unit-company-defaults-9"
  name   = "ACME 9"
  status = "Active"
}

resource "commercetools_business_unit_division" "absent_3" {
  key        = "business-unit-division-absent-3"
  name       = "North 3"
  store_mode = "Explicit"
  parent_unit {
    key = commercetools_business_unit_company.w_company.key
  }
}
resource "commercetools_business_unit_division" "defaults_9" {
  key        = "business-unit-division-defaults-9"
  name       = "North 9"
  store_mode = "FromParent"
  parent_unit {
    key = commercetools_business_unit_company.w_company.key
  }
  approval_rule_mode = "ExplicitAndFromParent"
  associate_mode     = "ExplicitAndFromParent"
  status             = "Active"
}

resource "commercetools_cart_discount" "many_1" {
  key                    = "cart-discount-many-1"
  name                   = { en = "Summer", de = "Sommer" }
  description            = { en = "Summer sale", de = "Sommerschlussverkauf" }
  predicate              = "1 = 1"
  sort_order             = "0.11"
  is_active              = true
  requires_discount_code = true
  stacking_mode          = "StopAfterThisDiscount"
  valid_from             = "2027-06-01T00:00:00Z"
  valid_until            = "2027-08-31T23:59:59Z"
  stores                 = [commercetools_store.w_store.key, commercetools_store.w_store2.key]
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
    money {
      currency_code = "USD"
      cent_amount   = 600
    }
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }
  custom {
    type_id = commercetools_type.w_fields.id
    fields = {
      text  = "hello"
      count = "12"
    }
  }
}
resource "commercetools_cart_discount" "one_2" {
  key                    = "cart-discount-one-2"
  name                   = { en = "Summer" }
  description            = { en = "Summer sale" }
  predicate              = "1 = 1"
  sort_order             = "0.21"
  is_active              = true
  requires_discount_code = true
  stacking_mode          = "StopAfterThisDiscount"
  valid_from             = "2027-06-01T00:00:00Z"
  valid_until            = "2027-08-31T23:59:59Z"
  stores                 = [commercetools_store.w_store.key]
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = { text = "hello" }
  }
}
resource "commercetools_cart_discount" "absent_3" {
  name       = { en = "Summer", de = "Sommer" }
  predicate  = "1 = 1"
  sort_order = "0.31"
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }
}
resource "commercetools_cart_discount" "null_4" {
  key                    = null
  name                   = { en = "Summer", de = "Sommer" }
  description            = null
  predicate              = "1 = 1"
  sort_order             = "0.41"
  is_active              = null
  requires_discount_code = null
  stacking_mode          = null
  valid_from             = null
  valid_until            = null
  stores                 = null
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
    money {
      currency_code = "USD"
      cent_amount   = 600
    }
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = null
  }
}
resource "commercetools_cart_discount" "zero_5" {
  key                    = ""
  name                   = { en = "Summer", de = "Sommer" }
  description            = {}
  predicate              = "1 = 1"
  sort_order             = "0.51"
  is_active              = false
  requires_discount_code = false
  stacking_mode          = "StopAfterThisDiscount"
  valid_from             = ""
  valid_until            = ""
  stores                 = []
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
    money {
      currency_code = "USD"
      cent_amount   = 600
    }
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = {}
  }
}
resource "commercetools_cart_discount" "bare_6" {
  key        = "cart-discount-bare-6"
  name       = { en = "Summer", de = "Sommer" }
  predicate  = "1 = 1"
  sort_order = "0.61"
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }
  custom {
    type_id = commercetools_type.w_fields.id
  }
}
resource "commercetools_cart_discount" "nonlatin_7" {
  key                    = "cart-discount-nonlatin-7"
  name                   = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
  description            = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
  predicate              = "1 = 1"
  sort_order             = "0.71"
  is_active              = true
  requires_discount_code = true
  stacking_mode          = "StopAfterThisDiscount"
  valid_from             = "2027-06-01T00:00:00Z"
  valid_until            = "2027-08-31T23:59:59Z"
  stores                 = [commercetools_store.w_store.key, commercetools_store.w_store2.key]
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
    money {
      currency_code = "USD"
      cent_amount   = 600
    }
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }
  custom {
    type_id = commercetools_type.w_fields.id
    fields = {
      text  = "hello"
      count = "12"
    }
  }
}
resource "commercetools_cart_discount" "max_8" {
  key                    = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-cd-8-1"
  name                   = { en = "Summer" }
  description            = { en = "Summer sale" }
  predicate              = "1 = 1"
  sort_order             = "0.81"
  is_active              = true
  requires_discount_code = true
  stacking_mode          = "StopAfterThisDiscount"
  valid_from             = "2027-06-01T00:00:00Z"
  valid_until            = "2027-08-31T23:59:59Z"
  stores                 = [commercetools_store.w_store.key]
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = { text = "hello" }
  }
}
resource "commercetools_cart_discount" "min_9" {
  key                    = "cart-discount-min-9"
  name                   = { en = "Summer" }
  description            = { en = "Summer sale" }
  predicate              = "1 = 1"
  sort_order             = "0.91"
  is_active              = true
  requires_discount_code = true
  stacking_mode          = "StopAfterThisDiscount"
  valid_from             = "2027-06-01T00:00:00Z"
  valid_until            = "2027-08-31T23:59:59Z"
  stores                 = [commercetools_store.w_store.key]
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 0
    }
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = { text = "hello" }
  }
}
resource "commercetools_cart_discount" "defaults_10" {
  key        = "cart-discount-defaults-10"
  name       = { en = "Summer", de = "Sommer" }
  predicate  = "1 = 1"
  sort_order = "0.101"
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }
  is_active              = true
  requires_discount_code = false
  stacking_mode          = "Stacking"
}
resource "commercetools_cart_discount" "many_34" {
  key        = "cart-discount-many-34"
  name       = { en = "Gift" }
  predicate  = "1 = 1"
  sort_order = "0.343"
  value {
    type                    = "giftLineItem"
    product_id              = "00000000-0000-4000-8000-00000000aaaa"
    variant_id              = 1
    supply_channel_id       = commercetools_channel.w_supply.id
    distribution_channel_id = commercetools_channel.w_dist.id
  }
}
resource "commercetools_cart_discount" "one_35" {
  key        = "cart-discount-one-35"
  name       = { en = "Gift" }
  predicate  = "1 = 1"
  sort_order = "0.353"
  value {
    type                    = "giftLineItem"
    product_id              = "00000000-0000-4000-8000-00000000aaaa"
    variant_id              = 1
    supply_channel_id       = commercetools_channel.w_supply.id
    distribution_channel_id = commercetools_channel.w_dist.id
  }
}
resource "commercetools_cart_discount" "absent_36" {
  name       = { en = "Gift" }
  predicate  = "1 = 1"
  sort_order = "0.363"
  value {
    type       = "giftLineItem"
    product_id = "00000000-0000-4000-8000-00000000aaaa"
    variant_id = 1
  }
}
resource "commercetools_cart_discount" "null_37" {
  key        = null
  name       = { en = "Gift" }
  predicate  = "1 = 1"
  sort_order = "0.373"
  value {
    type                    = "giftLineItem"
    product_id              = "00000000-0000-4000-8000-00000000aaaa"
    variant_id              = 1
    supply_channel_id       = null
    distribution_channel_id = null
  }
}
resource "commercetools_cart_discount" "zero_38" {
  key        = ""
  name       = { en = "Gift" }
  predicate  = "1 = 1"
  sort_order = "0.383"
  value {
    type                    = "giftLineItem"
    product_id              = "00000000-0000-4000-8000-00000000aaaa"
    variant_id              = 1
    supply_channel_id       = ""
    distribution_channel_id = ""
  }
}
resource "commercetools_cart_discount" "bare_39" {
  key        = "cart-discount-bare-39"
  name       = { en = "Gift" }
  predicate  = "1 = 1"
  sort_order = "0.393"
  value {
    type       = "giftLineItem"
    product_id = "00000000-0000-4000-8000-00000000aaaa"
    variant_id = 1
  }
}
resource "commercetools_cart_discount" "nonlatin_40" {
  key        = "cart-discount-nonlatin-40"
  name       = { en = "Grüße · 東京 · Привет · مرحبا" }
  predicate  = "1 = 1"
  sort_order = "0.403"
  value {
    type                    = "giftLineItem"
    product_id              = "00000000-0000-4000-8000-00000000aaaa"
    variant_id              = 1
    supply_channel_id       = commercetools_channel.w_supply.id
    distribution_channel_id = commercetools_channel.w_dist.id
  }
}
resource "commercetools_cart_discount" "max_41" {
  key        = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-cd-41-1"
  name       = { en = "Gift" }
  predicate  = "1 = 1"
  sort_order = "0.413"
  value {
    type                    = "giftLineItem"
    product_id              = "00000000-0000-4000-8000-00000000aaaa"
    variant_id              = 1
    supply_channel_id       = commercetools_channel.w_supply.id
    distribution_channel_id = commercetools_channel.w_dist.id
  }
}
resource "commercetools_cart_discount" "min_42" {
  key        = "cart-discount-min-42"
  name       = { en = "Gift" }
  predicate  = "1 = 1"
  sort_order = "0.423"
  value {
    type                    = "giftLineItem"
    product_id              = "00000000-0000-4000-8000-00000000aaaa"
    variant_id              = 1
    supply_channel_id       = commercetools_channel.w_supply.id
    distribution_channel_id = commercetools_channel.w_dist.id
  }
}
resource "commercetools_cart_discount" "defaults_43" {
  key        = "cart-discount-defaults-43"
  name       = { en = "Gift" }
  predicate  = "1 = 1"
  sort_order = "0.433"
  value {
    type       = "giftLineItem"
    product_id = "00000000-0000-4000-8000-00000000aaaa"
    variant_id = 1
  }
  is_active              = true
  requires_discount_code = false
  stacking_mode          = "Stacking"
}

resource "commercetools_discount_code" "many_1" {
  code                          = "CODE1"
  name                          = { en = "Welcome", de = "Willkommen" }
  description                   = { en = "For new customers", de = "Für Neukunden" }
  cart_discounts                = [commercetools_cart_discount.w_cd.id, commercetools_cart_discount.w_cd2.id]
  predicate                     = "1 = 1"
  is_active                     = true
  max_applications              = 100
  max_applications_per_customer = 1
  groups                        = ["onboarding", "spring"]
  valid_from                    = "2027-01-01T00:00:00Z"
  valid_until                   = "2027-12-31T23:59:59Z"
  custom {
    type_id = commercetools_type.w_fields.id
    fields = {
      text  = "hello"
      count = "12"
    }
  }
}
resource "commercetools_discount_code" "one_2" {
  code                          = "CODE2"
  name                          = { en = "Welcome" }
  description                   = { en = "For new customers" }
  cart_discounts                = [commercetools_cart_discount.w_cd.id]
  predicate                     = "1 = 1"
  is_active                     = true
  max_applications              = 100
  max_applications_per_customer = 1
  groups                        = ["onboarding"]
  valid_from                    = "2027-01-01T00:00:00Z"
  valid_until                   = "2027-12-31T23:59:59Z"
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = { text = "hello" }
  }
}
resource "commercetools_discount_code" "absent_3" {
  code           = "CODE3"
  cart_discounts = [commercetools_cart_discount.w_cd.id, commercetools_cart_discount.w_cd2.id]
}
resource "commercetools_discount_code" "null_4" {
  code                          = "CODE4"
  name                          = null
  description                   = null
  cart_discounts                = [commercetools_cart_discount.w_cd.id, commercetools_cart_discount.w_cd2.id]
  predicate                     = null
  is_active                     = null
  max_applications              = null
  max_applications_per_customer = null
  groups                        = null
  valid_from                    = null
  valid_until                   = null
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = null
  }
}
resource "commercetools_discount_code" "zero_5" {
  code                          = "CODE5"
  name                          = {}
  description                   = {}
  cart_discounts                = [commercetools_cart_discount.w_cd.id, commercetools_cart_discount.w_cd2.id]
  predicate                     = ""
  is_active                     = false
  max_applications              = 100
  max_applications_per_customer = 1
  groups                        = []
  valid_from                    = ""
  valid_until                   = ""
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = {}
  }
}
resource "commercetools_discount_code" "bare_6" {
  code           = "CODE6"
  cart_discounts = [commercetools_cart_discount.w_cd.id, commercetools_cart_discount.w_cd2.id]
  custom {
    type_id = commercetools_type.w_fields.id
  }
}
resource "commercetools_discount_code" "nonlatin_7" {
  code                          = "CODE7"
  name                          = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
  description                   = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
  cart_discounts                = [commercetools_cart_discount.w_cd.id, commercetools_cart_discount.w_cd2.id]
  predicate                     = "1 = 1"
  is_active                     = true
  max_applications              = 100
  max_applications_per_customer = 1
  groups                        = ["onboarding", "spring"]
  valid_from                    = "2027-01-01T00:00:00Z"
  valid_until                   = "2027-12-31T23:59:59Z"
  custom {
    type_id = commercetools_type.w_fields.id
    fields = {
      text  = "hello"
      count = "12"
    }
  }
}
resource "commercetools_discount_code" "max_8" {
  code                          = "CODE8"
  name                          = { en = "Welcome" }
  description                   = { en = "For new customers" }
  cart_discounts                = [commercetools_cart_discount.w_cd.id]
  predicate                     = "1 = 1"
  is_active                     = true
  max_applications              = 100
  max_applications_per_customer = 1
  groups                        = ["onboarding"]
  valid_from                    = "2027-01-01T00:00:00Z"
  valid_until                   = "2027-12-31T23:59:59Z"
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = { text = "hello" }
  }
}
resource "commercetools_discount_code" "min_9" {
  code                          = "CODE9"
  name                          = { en = "Welcome" }
  description                   = { en = "For new customers" }
  cart_discounts                = [commercetools_cart_discount.w_cd.id]
  predicate                     = "1 = 1"
  is_active                     = true
  max_applications              = 1
  max_applications_per_customer = 1
  groups                        = ["onboarding"]
  valid_from                    = "2027-01-01T00:00:00Z"
  valid_until                   = "2027-12-31T23:59:59Z"
  custom {
    type_id = commercetools_type.w_fields.id
    fields  = { text = "hello" }
  }
}
resource "commercetools_discount_code" "defaults_10" {
  code           = "CODE10"
  cart_discounts = [commercetools_cart_discount.w_cd.id, commercetools_cart_discount.w_cd2.id]
  is_active      = true
}

resource "commercetools_product_discount" "many_1" {
  key         = "product-discount-many-1"
  name        = { en = "Clearance", de = "Räumung" }
  description = { en = "Clearance sale", de = "Räumungsverkauf" }
  predicate   = "1 = 1"
  sort_order  = "0.11"
  is_active   = true
  valid_from  = "2027-01-01T00:00:00Z"
  valid_until = "2027-12-31T23:59:59Z"
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
    money {
      currency_code = "USD"
      cent_amount   = 600
    }
  }
}
resource "commercetools_product_discount" "one_2" {
  key         = "product-discount-one-2"
  name        = { en = "Clearance" }
  description = { en = "Clearance sale" }
  predicate   = "1 = 1"
  sort_order  = "0.21"
  is_active   = true
  valid_from  = "2027-01-01T00:00:00Z"
  valid_until = "2027-12-31T23:59:59Z"
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
  }
}
resource "commercetools_product_discount" "absent_3" {
  name       = { en = "Clearance", de = "Räumung" }
  predicate  = "1 = 1"
  sort_order = "0.31"
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
  }
}
resource "commercetools_product_discount" "null_4" {
  key         = null
  name        = { en = "Clearance", de = "Räumung" }
  description = null
  predicate   = "1 = 1"
  sort_order  = "0.41"
  is_active   = null
  valid_from  = null
  valid_until = null
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
    money {
      currency_code = "USD"
      cent_amount   = 600
    }
  }
}
resource "commercetools_product_discount" "zero_5" {
  key         = ""
  name        = { en = "Clearance", de = "Räumung" }
  description = {}
  predicate   = "1 = 1"
  sort_order  = "0.51"
  is_active   = false
  valid_from  = ""
  valid_until = ""
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
    money {
      currency_code = "USD"
      cent_amount   = 600
    }
  }
}
resource "commercetools_product_discount" "bare_6" {
  key        = "product-discount-bare-6"
  name       = { en = "Clearance", de = "Räumung" }
  predicate  = "1 = 1"
  sort_order = "0.61"
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
  }
}
resource "commercetools_product_discount" "nonlatin_7" {
  key         = "product-discount-nonlatin-7"
  name        = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
  description = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
  predicate   = "1 = 1"
  sort_order  = "0.71"
  is_active   = true
  valid_from  = "2027-01-01T00:00:00Z"
  valid_until = "2027-12-31T23:59:59Z"
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
    money {
      currency_code = "USD"
      cent_amount   = 600
    }
  }
}
resource "commercetools_product_discount" "max_8" {
  key         = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-pd-8-1"
  name        = { en = "Clearance" }
  description = { en = "Clearance sale" }
  predicate   = "1 = 1"
  sort_order  = "0.81"
  is_active   = true
  valid_from  = "2027-01-01T00:00:00Z"
  valid_until = "2027-12-31T23:59:59Z"
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
  }
}
resource "commercetools_product_discount" "min_9" {
  key         = "product-discount-min-9"
  name        = { en = "Clearance" }
  description = { en = "Clearance sale" }
  predicate   = "1 = 1"
  sort_order  = "0.91"
  is_active   = true
  valid_from  = "2027-01-01T00:00:00Z"
  valid_until = "2027-12-31T23:59:59Z"
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 0
    }
  }
}
resource "commercetools_product_discount" "defaults_10" {
  key        = "product-discount-defaults-10"
  name       = { en = "Clearance", de = "Räumung" }
  predicate  = "1 = 1"
  sort_order = "0.101"
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
  }
  is_active = true
}
resource "commercetools_product_discount" "many_11" {
  key        = "product-discount-many-11"
  name       = { en = "Relative" }
  predicate  = "1 = 1"
  sort_order = "0.112"
  value {
    type      = "relative"
    permyriad = 2000
  }
}
resource "commercetools_product_discount" "one_12" {
  key        = "product-discount-one-12"
  name       = { en = "Relative" }
  predicate  = "1 = 1"
  sort_order = "0.122"
  value {
    type      = "relative"
    permyriad = 2000
  }
}
resource "commercetools_product_discount" "absent_13" {
  name       = { en = "Relative" }
  predicate  = "1 = 1"
  sort_order = "0.132"
  value {
    type      = "relative"
    permyriad = 2000
  }
}
resource "commercetools_product_discount" "null_14" {
  key        = null
  name       = { en = "Relative" }
  predicate  = "1 = 1"
  sort_order = "0.142"
  value {
    type      = "relative"
    permyriad = 2000
  }
}
resource "commercetools_product_discount" "zero_15" {
  key        = ""
  name       = { en = "Relative" }
  predicate  = "1 = 1"
  sort_order = "0.152"
  value {
    type      = "relative"
    permyriad = 2000
  }
}
resource "commercetools_product_discount" "bare_16" {
  key        = "product-discount-bare-16"
  name       = { en = "Relative" }
  predicate  = "1 = 1"
  sort_order = "0.162"
  value {
    type      = "relative"
    permyriad = 2000
  }
}
resource "commercetools_product_discount" "nonlatin_17" {
  key        = "product-discount-nonlatin-17"
  name       = { en = "Grüße · 東京 · Привет · مرحبا" }
  predicate  = "1 = 1"
  sort_order = "0.172"
  value {
    type      = "relative"
    permyriad = 2000
  }
}
resource "commercetools_product_discount" "max_18" {
  key        = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-pd-18-1"
  name       = { en = "Relative" }
  predicate  = "1 = 1"
  sort_order = "0.182"
  value {
    type      = "relative"
    permyriad = 10000
  }
}
resource "commercetools_product_discount" "min_19" {
  key        = "product-discount-min-19"
  name       = { en = "Relative" }
  predicate  = "1 = 1"
  sort_order = "0.192"
  value {
    type      = "relative"
    permyriad = 0
  }
}
resource "commercetools_product_discount" "defaults_20" {
  key        = "product-discount-defaults-20"
  name       = { en = "Relative" }
  predicate  = "1 = 1"
  sort_order = "0.202"
  value {
    type      = "relative"
    permyriad = 2000
  }
  is_active = true
}
resource "commercetools_product_discount" "many_21" {
  key        = "product-discount-many-21"
  name       = { en = "Precise" }
  predicate  = "1 = 1"
  sort_order = "0.214"
  value {
    type = "absolute"
    money {
      currency_code   = "EUR"
      cent_amount     = 1234
      fraction_digits = 2
    }
  }
}
resource "commercetools_product_discount" "one_22" {
  key        = "product-discount-one-22"
  name       = { en = "Precise" }
  predicate  = "1 = 1"
  sort_order = "0.224"
  value {
    type = "absolute"
    money {
      currency_code   = "EUR"
      cent_amount     = 1234
      fraction_digits = 2
    }
  }
}
resource "commercetools_product_discount" "absent_23" {
  name       = { en = "Precise" }
  predicate  = "1 = 1"
  sort_order = "0.234"
  value {
    type = "absolute"
    money {
      currency_code   = "EUR"
      cent_amount     = 1234
      fraction_digits = 2
    }
  }
}
resource "commercetools_product_discount" "null_24" {
  key        = null
  name       = { en = "Precise" }
  predicate  = "1 = 1"
  sort_order = "0.244"
  value {
    type = "absolute"
    money {
      currency_code   = "EUR"
      cent_amount     = 1234
      fraction_digits = 2
    }
  }
}
resource "commercetools_product_discount" "zero_25" {
  key        = ""
  name       = { en = "Precise" }
  predicate  = "1 = 1"
  sort_order = "0.254"
  value {
    type = "absolute"
    money {
      currency_code   = "EUR"
      cent_amount     = 1234
      fraction_digits = 2
    }
  }
}
resource "commercetools_product_discount" "bare_26" {
  key        = "product-discount-bare-26"
  name       = { en = "Precise" }
  predicate  = "1 = 1"
  sort_order = "0.264"
  value {
    type = "absolute"
    money {
      currency_code   = "EUR"
      cent_amount     = 1234
      fraction_digits = 2
    }
  }
}
resource "commercetools_product_discount" "nonlatin_27" {
  key        = "product-discount-nonlatin-27"
  name       = { en = "Grüße · 東京 · Привет · مرحبا" }
  predicate  = "1 = 1"
  sort_order = "0.274"
  value {
    type = "absolute"
    money {
      currency_code   = "EUR"
      cent_amount     = 1234
      fraction_digits = 2
    }
  }
}
resource "commercetools_product_discount" "max_28" {
  key        = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-pd-28-1"
  name       = { en = "Precise" }
  predicate  = "1 = 1"
  sort_order = "0.284"
  value {
    type = "absolute"
    money {
      currency_code   = "EUR"
      cent_amount     = 1234
      fraction_digits = 2
    }
  }
}
resource "commercetools_product_discount" "min_29" {
  key        = "product-discount-min-29"
  name       = { en = "Precise" }
  predicate  = "1 = 1"
  sort_order = "0.294"
  value {
    type = "absolute"
    money {
      currency_code   = "EUR"
      cent_amount     = 0
      fraction_digits = 2
    }
  }
}
resource "commercetools_product_discount" "defaults_30" {
  key        = "product-discount-defaults-30"
  name       = { en = "Precise" }
  predicate  = "1 = 1"
  sort_order = "0.304"
  value {
    type = "absolute"
    money {
      currency_code   = "EUR"
      cent_amount     = 1234
      fraction_digits = 2
    }
  }
  is_active = true
}
resource "commercetools_product_discount" "many_31" {
  key        = "product-discount-many-31"
  name       = { en = "External" }
  predicate  = "1 = 1"
  sort_order = "0.313"
  value {
    type = "external"
  }
}
resource "commercetools_product_discount" "one_32" {
  key        = "product-discount-one-32"
  name       = { en = "External" }
  predicate  = "1 = 1"
  sort_order = "0.323"
  value {
    type = "external"
  }
}
resource "commercetools_product_discount" "absent_33" {
  name       = { en = "External" }
  predicate  = "1 = 1"
  sort_order = "0.333"
  value {
    type = "external"
  }
}
resource "commercetools_product_discount" "null_34" {
  key        = null
  name       = { en = "External" }
  predicate  = "1 = 1"
  sort_order = "0.343"
  value {
    type = "external"
  }
}
resource "commercetools_product_discount" "zero_35" {
  key        = ""
  name       = { en = "External" }
  predicate  = "1 = 1"
  sort_order = "0.353"
  value {
    type = "external"
  }
}
resource "commercetools_product_discount" "bare_36" {
  key        = "product-discount-bare-36"
  name       = { en = "External" }
  predicate  = "1 = 1"
  sort_order = "0.363"
  value {
    type = "external"
  }
}
resource "commercetools_product_discount" "nonlatin_37" {
  key        = "product-discount-nonlatin-37"
  name       = { en = "Grüße · 東京 · Привет · مرحبا" }
  predicate  = "1 = 1"
  sort_order = "0.373"
  value {
    type = "external"
  }
}
resource "commercetools_product_discount" "max_38" {
  key        = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-pd-38-1"
  name       = { en = "External" }
  predicate  = "1 = 1"
  sort_order = "0.383"
  value {
    type = "external"
  }
}
resource "commercetools_product_discount" "defaults_39" {
  key        = "product-discount-defaults-39"
  name       = { en = "External" }
  predicate  = "1 = 1"
  sort_order = "0.393"
  value {
    type = "external"
  }
  is_active = true
}

resource "commercetools_custom_object" "many_1" {
  container = "forms"
  key       = "object-1"
  value     = jsonencode({ enabled = true, share = 25, markets = ["DE", "NL"], name = "Grüße" })
}
resource "commercetools_custom_object" "one_2" {
  container = "forms"
  key       = "object-2"
  value     = jsonencode({ enabled = true, share = 25, markets = ["DE", "NL"], name = "Grüße" })
}
resource "commercetools_custom_object" "absent_3" {
  container = "forms"
  key       = "object-3"
  value     = jsonencode({ enabled = true, share = 25, markets = ["DE", "NL"], name = "Grüße" })
}
resource "commercetools_custom_object" "null_4" {
  container = "forms"
  key       = "object-4"
  value     = jsonencode({ enabled = true, share = 25, markets = ["DE", "NL"], name = "Grüße" })
}
resource "commercetools_custom_object" "zero_5" {
  container = "forms"
  key       = "object-5"
  value     = jsonencode({ enabled = true, share = 25, markets = ["DE", "NL"], name = "Grüße" })
}
resource "commercetools_custom_object" "bare_6" {
  container = "forms"
  key       = "object-6"
  value     = jsonencode({ enabled = true, share = 25, markets = ["DE", "NL"], name = "Grüße" })
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


resource "commercetools_api_extension" "many_1" {
  key           = "api-extension-many-1"
  timeout_in_ms = 1500
  destination {
    type                 = "HTTP"
    url                  = "https://extensions.example.com/1"
    authorization_header = "Bearer token"
  }
  trigger {
    resource_type_id = "cart"
    actions          = ["Create", "Update"]
    condition        = "lineItems is defined"
  }
  trigger {
    resource_type_id = "order"
    actions          = ["Create"]
  }
}
resource "commercetools_api_extension" "one_2" {
  key           = "api-extension-one-2"
  timeout_in_ms = 1500
  destination {
    type                 = "HTTP"
    url                  = "https://extensions.example.com/2"
    authorization_header = "Bearer token"
  }
  trigger {
    resource_type_id = "cart"
    actions          = ["Create"]
    condition        = "lineItems is defined"
  }
}
resource "commercetools_api_extension" "absent_3" {
  destination {
    type = "HTTP"
    url  = "https://extensions.example.com/3"
  }
  trigger {
    resource_type_id = "cart"
    actions          = ["Create", "Update"]
  }
}
resource "commercetools_api_extension" "null_4" {
  key           = null
  timeout_in_ms = null
  destination {
    type                 = "HTTP"
    url                  = "https://extensions.example.com/4"
    authorization_header = null
  }
  trigger {
    resource_type_id = "cart"
    actions          = ["Create", "Update"]
    condition        = null
  }
  trigger {
    resource_type_id = "order"
    actions          = ["Create"]
  }
}
resource "commercetools_api_extension" "zero_5" {
  key           = ""
  timeout_in_ms = 0
  destination {
    type                 = "HTTP"
    url                  = "https://extensions.example.com/5"
    authorization_header = ""
  }
  trigger {
    resource_type_id = "cart"
    actions          = ["Create", "Update"]
    condition        = ""
  }
  trigger {
    resource_type_id = "order"
    actions          = ["Create"]
  }
}
resource "commercetools_api_extension" "bare_6" {
  key = "api-extension-bare-6"
  destination {
    type = "HTTP"
    url  = "https://extensions.example.com/6"
  }
  trigger {
    resource_type_id = "cart"
    actions          = ["Create", "Update"]
  }
}
resource "commercetools_api_extension" "max_7" {
  key           = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-ae-7-1"
  timeout_in_ms = 10000
  destination {
    type                 = "HTTP"
    url                  = "https://extensions.example.com/7"
    authorization_header = "Bearer token"
  }
  trigger {
    resource_type_id = "cart"
    actions          = ["Create"]
    condition        = "lineItems is defined"
  }
}
resource "commercetools_api_extension" "min_8" {
  key           = "api-extension-min-8"
  timeout_in_ms = 1
  destination {
    type                 = "HTTP"
    url                  = "https://extensions.example.com/8"
    authorization_header = "Bearer token"
  }
  trigger {
    resource_type_id = "cart"
    actions          = ["Create"]
    condition        = "lineItems is defined"
  }
}
resource "commercetools_api_extension" "defaults_9" {
  key = "api-extension-defaults-9"
  destination {
    type = "HTTP"
    url  = "https://extensions.example.com/9"
  }
  trigger {
    resource_type_id = "cart"
    actions          = ["Create", "Update"]
  }
  timeout_in_ms = 2000
}
resource "commercetools_api_extension" "many_10" {
  key = "api-extension-many-10"
  destination {
    type          = "awslambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:f10"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Create"]
  }
}
resource "commercetools_api_extension" "one_11" {
  key = "api-extension-one-11"
  destination {
    type          = "awslambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:f11"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Create"]
  }
}
resource "commercetools_api_extension" "absent_12" {
  destination {
    type          = "awslambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:f12"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Create"]
  }
}
resource "commercetools_api_extension" "null_13" {
  key = null
  destination {
    type          = "awslambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:f13"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Create"]
  }
}
resource "commercetools_api_extension" "zero_14" {
  key = ""
  destination {
    type          = "awslambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:f14"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Create"]
  }
}
resource "commercetools_api_extension" "bare_15" {
  key = "api-extension-bare-15"
  destination {
    type          = "awslambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:f15"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Create"]
  }
}
resource "commercetools_api_extension" "max_16" {
  key = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-ae-16-1"
  destination {
    type          = "awslambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:f16"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Create"]
  }
}
resource "commercetools_api_extension" "defaults_17" {
  key = "api-extension-defaults-17"
  destination {
    type          = "awslambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:f17"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Create"]
  }
  timeout_in_ms = 2000
}
resource "commercetools_api_extension" "many_18" {
  key = "api-extension-many-18"
  destination {
    type          = "awslambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:lc18"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Update"]
  }
}
resource "commercetools_api_extension" "one_19" {
  key = "api-extension-one-19"
  destination {
    type          = "awslambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:lc19"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Update"]
  }
}
resource "commercetools_api_extension" "absent_20" {
  destination {
    type          = "awslambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:lc20"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Update"]
  }
}

resource "commercetools_subscription" "one_2" {
  key = "subscription-one-2"
  destination {
    type          = "SQS"
    queue_url     = "https://sqs.eu-west-1.amazonaws.com/123456789012/q2"
    region        = "eu-west-1"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  format {
    type = "Platform"
  }
  message {
    resource_type_id = "order"
    types            = ["OrderCreated"]
  }
  changes {
    resource_type_ids = ["product"]
  }
  event {
    resource_type_id = "import-api"
    types            = ["ImportContainerCreated"]
  }
}
resource "commercetools_subscription" "max_7" {
  key = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-s-7-1"
  destination {
    type          = "SQS"
    queue_url     = "https://sqs.eu-west-1.amazonaws.com/123456789012/q7"
    region        = "eu-west-1"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  format {
    type = "Platform"
  }
  message {
    resource_type_id = "order"
    types            = ["OrderCreated"]
  }
  changes {
    resource_type_ids = ["product"]
  }
  event {
    resource_type_id = "import-api"
    types            = ["ImportContainerCreated"]
  }
}
resource "commercetools_subscription" "many_8" {
  key = "subscription-many-8"
  destination {
    type      = "SNS"
    topic_arn = "arn:aws:sns:eu-west-1:123456789012:t8"
  }
  changes {
    resource_type_ids = ["order"]
  }
}
resource "commercetools_subscription" "one_9" {
  key = "subscription-one-9"
  destination {
    type      = "SNS"
    topic_arn = "arn:aws:sns:eu-west-1:123456789012:t9"
  }
  changes {
    resource_type_ids = ["order"]
  }
}
resource "commercetools_subscription" "absent_10" {
  destination {
    type      = "SNS"
    topic_arn = "arn:aws:sns:eu-west-1:123456789012:t10"
  }
  changes {
    resource_type_ids = ["order"]
  }
}
resource "commercetools_subscription" "null_11" {
  key = null
  destination {
    type      = "SNS"
    topic_arn = "arn:aws:sns:eu-west-1:123456789012:t11"
  }
  changes {
    resource_type_ids = ["order"]
  }
}
resource "commercetools_subscription" "bare_13" {
  key = "subscription-bare-13"
  destination {
    type      = "SNS"
    topic_arn = "arn:aws:sns:eu-west-1:123456789012:t13"
  }
  changes {
    resource_type_ids = ["order"]
  }
}
resource "commercetools_subscription" "max_14" {
  key = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-s-14-1"
  destination {
    type      = "SNS"
    topic_arn = "arn:aws:sns:eu-west-1:123456789012:t14"
  }
  changes {
    resource_type_ids = ["order"]
  }
}

resource "commercetools_state" "many_1" {
  key         = "state-many-1"
  type        = "ReviewState"
  name        = { en = "Approved", de = "Freigegeben" }
  description = { en = "Approved reviews", de = "Freigegebene Bewertungen" }
  initial     = true
  roles       = ["ReviewIncludedInStatistics"]
}
resource "commercetools_state" "one_2" {
  key         = "state-one-2"
  type        = "ReviewState"
  name        = { en = "Approved" }
  description = { en = "Approved reviews" }
  initial     = true
  roles       = ["ReviewIncludedInStatistics"]
}
resource "commercetools_state" "absent_3" {
  key  = "state-absent-3"
  type = "ReviewState"
}
resource "commercetools_state" "null_4" {
  key         = "state-null-4"
  type        = "ReviewState"
  name        = null
  description = null
  initial     = null
  roles       = null
}
resource "commercetools_state" "bare_6" {
  key  = "state-bare-6"
  type = "ReviewState"
}
resource "commercetools_state" "nonlatin_7" {
  key         = "state-nonlatin-7"
  type        = "ReviewState"
  name        = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
  description = { en = "Grüße · 東京 · Привет · مرحبا", de = "Grüße · 東京 · Привет · مرحبا" }
  initial     = true
  roles       = ["ReviewIncludedInStatistics"]
}
resource "commercetools_state" "many_8" {
  key   = "state-many-8"
  type  = "LineItemState"
  roles = ["Return"]
}
resource "commercetools_state" "one_9" {
  key   = "state-one-9"
  type  = "LineItemState"
  roles = ["Return"]
}
resource "commercetools_state" "absent_10" {
  key  = "state-absent-10"
  type = "LineItemState"
}
resource "commercetools_state" "null_11" {
  key   = "state-null-11"
  type  = "LineItemState"
  roles = null
}
resource "commercetools_state" "bare_13" {
  key  = "state-bare-13"
  type = "LineItemState"
}
resource "commercetools_state" "nonlatin_14" {
  key   = "state-nonlatin-14"
  type  = "LineItemState"
  roles = ["Return"]
}
resource "commercetools_state" "st_target" {
  key  = "st-target"
  type = "OrderState"
}

resource "commercetools_state" "st_target2" {
  key  = "st-target2"
  type = "OrderState"
}


resource "commercetools_state" "st_from_1" {
  key  = "st-from-1"
  type = "OrderState"
}

resource "commercetools_state_transitions" "many_1" {
  from = commercetools_state.st_from_1.id
  to   = [commercetools_state.st_target.id, commercetools_state.st_target2.id]
}
resource "commercetools_state" "st_from_2" {
  key  = "st-from-2"
  type = "OrderState"
}

resource "commercetools_state_transitions" "one_2" {
  from = commercetools_state.st_from_2.id
  to   = [commercetools_state.st_target.id]
}
resource "commercetools_state" "st_from_3" {
  key  = "st-from-3"
  type = "OrderState"
}

resource "commercetools_state_transitions" "absent_3" {
  from = commercetools_state.st_from_3.id
  to   = [commercetools_state.st_target.id, commercetools_state.st_target2.id]
}
resource "commercetools_state" "st_from_4" {
  key  = "st-from-4"
  type = "OrderState"
}

resource "commercetools_state_transitions" "null_4" {
  from = commercetools_state.st_from_4.id
  to   = [commercetools_state.st_target.id, commercetools_state.st_target2.id]
}
resource "commercetools_state" "st_from_5" {
  key  = "st-from-5"
  type = "OrderState"
}

resource "commercetools_state_transitions" "zero_5" {
  from = commercetools_state.st_from_5.id
  to   = [commercetools_state.st_target.id, commercetools_state.st_target2.id]
}
resource "commercetools_state" "st_from_6" {
  key  = "st-from-6"
  type = "OrderState"
}

resource "commercetools_state_transitions" "bare_6" {
  from = commercetools_state.st_from_6.id
  to   = [commercetools_state.st_target.id, commercetools_state.st_target2.id]
}
