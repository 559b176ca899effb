terraform {
  required_providers {
    commercetools = {
      source = "commerce-iac/commercetools"
    }
  }
}

# The credentials are not written here: the provider reads them from the
# environment, so they stay out of the configuration and out of version control.
#
#   CTP_CLIENT_ID      id of the API client Terraform authenticates as
#   CTP_CLIENT_SECRET  secret of that API client (never logged by the provider)
#   CTP_PROJECT_KEY    key of the commercetools project
#   CTP_SCOPES         optional; space-separated scopes to request, for example
#                      "manage_api_clients:my-project manage_project:my-project"
#
# `region` fills in the API and auth URLs. Set `api_url` and `token_url`
# (CTP_API_URL, CTP_AUTH_URL) instead to talk to another host, such as the
# local emulator.
provider "commercetools" {
  region = "europe-west1.gcp"
}
