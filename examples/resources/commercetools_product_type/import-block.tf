# Terraform 1.5 and later: import during `terraform apply`, by key or by id.
import {
  to = commercetools_product_type.shirt
  id = "key=shirt"
}
