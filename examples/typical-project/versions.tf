terraform {
  required_providers {
    commercetools = {
      source = "commerce-iac/commercetools"
    }
  }
}

# Credentials from the CTP_* environment variables (see the provider page).
provider "commercetools" {}
