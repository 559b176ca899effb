# Terraform 1.5 and later: import during `terraform apply`, by key or by id.
import {
  to = commercetools_channel.warehouse_berlin
  id = "key=warehouse-berlin"
}
