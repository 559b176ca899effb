# Terraform 1.5 and later: import during `terraform apply` instead of running
# `terraform import`. Replace the id with the client's id.
import {
  to = commercetools_api_client.example
  id = "Qm7rT2vXcL9pWd4sKe8NbY1z"
}

# The arguments must match the existing client, because every argument change
# replaces an API client. `terraform plan -generate-config-out=generated.tf`
# can write this block for you.
resource "commercetools_api_client" "example" {
  name  = "storefront"
  scope = ["view_products:my-ct-project-key", "manage_my_orders:my-ct-project-key"]
}
