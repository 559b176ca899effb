# Terraform 1.10 or later. Exchange a client's credentials for an access
# token without writing the token to the plan or the state.
variable "storefront_client_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

ephemeral "commercetools_access_token" "storefront" {
  client_id     = "Qm7rT2vXcL9pWd4sKe8NbY1z"
  client_secret = var.storefront_client_secret
  scopes        = ["view_products:my-ct-project-key"]
}

# Ephemeral values may be used in provider configurations, for example to let
# a generic REST provider (here Mastercard/restapi) call the commercetools HTTP
# API with the token.
provider "restapi" {
  uri = "https://api.europe-west1.gcp.commercetools.com/my-ct-project-key"
  headers = {
    Authorization = "Bearer ${ephemeral.commercetools_access_token.storefront.access_token}"
  }
}
