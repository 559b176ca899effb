# Terraform 1.5 and later: import during `terraform apply`.
import {
  to = commercetools_custom_object.checkout_flags
  id = "feature-flags/checkout"
}
