# Terraform 1.10 or later. A client that lives only for the duration of one
# run: it is created when Terraform needs it and deleted at the end of the
# run. Its secret never reaches the plan or the state.
ephemeral "commercetools_api_client" "deploy" {
  name                       = "terraform-run"
  scope                      = ["view_api_clients:my-ct-project-key"]
  delete_days_after_creation = 1 # safety net if the run is killed
}

# Use it to configure something else, for example a second, read-only
# configuration of this provider that can only list API clients.
provider "commercetools" {
  alias         = "readonly"
  region        = "europe-west1.gcp"
  project_key   = "my-ct-project-key"
  client_id     = ephemeral.commercetools_api_client.deploy.id
  client_secret = ephemeral.commercetools_api_client.deploy.secret
}

data "commercetools_api_clients" "all" {
  provider = commercetools.readonly
}
