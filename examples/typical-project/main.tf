# A typical commercetools project as code: its settings, taxes, shipping zones, methods and
# prices, a custom type and a warehouse channel that uses it. Try it offline against the
# emulator: `make emulator`, export the printed CTP_* line, then `terraform init && terraform apply`.

resource "commercetools_project_settings" "project" {
  name       = "ACME Commerce"
  countries  = ["DE", "AT", "CH"]
  currencies = ["EUR", "CHF"]
  languages  = ["en", "de"]

  messages {
    enabled                    = true
    delete_days_after_creation = 30
  }

  carts {
    country_tax_rate_fallback_enabled = true
  }

  shipping_rate_input_type = "CartValue"
}

resource "commercetools_tax_category" "standard" {
  key  = "standard"
  name = "Standard"
}

resource "commercetools_tax_category_rate" "standard" {
  for_each = {
    DE = 0.19
    AT = 0.20
    CH = 0.081
  }

  tax_category_id   = commercetools_tax_category.standard.id
  key               = "standard-${lower(each.key)}"
  name              = "${each.value * 100}% VAT"
  amount            = each.value
  included_in_price = true
  country           = each.key
}

resource "commercetools_shipping_zone" "dach" {
  key  = "dach"
  name = "DACH"

  dynamic "location" {
    for_each = toset(["DE", "AT", "CH"])
    content {
      country = location.value
    }
  }
}

resource "commercetools_shipping_method" "standard" {
  key             = "standard"
  name            = "Standard delivery"
  localized_name  = { en = "Standard delivery", de = "Standardversand" }
  tax_category_id = commercetools_tax_category.standard.id
  is_default      = true
}

resource "commercetools_shipping_zone_rate" "standard" {
  for_each = {
    EUR = 495
    CHF = 690
  }

  shipping_method_id = commercetools_shipping_method.standard.id
  shipping_zone_id   = commercetools_shipping_zone.dach.id

  price {
    cent_amount   = each.value
    currency_code = each.key
  }

  free_above {
    cent_amount   = 5000
    currency_code = each.key
  }

  # The project's currencies must include the rate's.
  depends_on = [commercetools_project_settings.project]
}

resource "commercetools_type" "channel_fields" {
  key               = "channel-fields"
  name              = { en = "Channel fields" }
  resource_type_ids = ["channel"]

  field {
    name  = "opening_hours"
    label = { en = "Opening hours" }
    type {
      name = "String"
    }
  }
}

resource "commercetools_channel" "warehouse" {
  key   = "warehouse-berlin"
  roles = ["InventorySupply", "OrderExport"]
  name  = { en = "Warehouse Berlin" }

  address {
    city    = "Berlin"
    country = "DE"
  }

  custom {
    type_id = commercetools_type.channel_fields.id
    fields = {
      opening_hours = "Mon-Fri 06:00-22:00"
    }
  }
}

# The catalog: a product type with a localized size enum and an attribute group for editors.
resource "commercetools_product_type" "tshirt" {
  key         = "tshirt"
  name        = "T-shirt"
  description = "T-shirts of every cut"

  attribute {
    name       = "size"
    label      = { en = "Size", de = "Größe" }
    required   = true
    constraint = "CombinationUnique"
    searchable = true
    type {
      name = "lenum"
      localized_value {
        key   = "s"
        label = { en = "Small", de = "Klein" }
      }
      localized_value {
        key   = "m"
        label = { en = "Medium", de = "Mittel" }
      }
    }
  }

  attribute {
    name  = "material"
    label = { en = "Material", de = "Material" }
    type {
      name = "ltext"
    }
  }
}

resource "commercetools_attribute_group" "fabric" {
  key  = "fabric"
  name = { en = "Fabric" }

  attribute {
    key = commercetools_product_type.tshirt.attribute[1].name
  }
}
