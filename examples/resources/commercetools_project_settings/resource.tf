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
    country_tax_rate_fallback_enabled   = true
    delete_days_after_last_modification = 30
  }

  shipping_rate_input_type = "CartValue"

  enable_search_index_products = true

  external_oauth {
    url                  = "https://auth.example.com/oauth/introspect"
    authorization_header = var.introspection_header
  }
}

variable "introspection_header" {
  type      = string
  sensitive = true
}
