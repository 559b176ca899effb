# Import a shipping method by its key (the state then holds its id) ...
terraform import commercetools_shipping_method.standard key=standard-delivery

# ... or by its id.
terraform import commercetools_shipping_method.standard 419f4b85-3d11-4171-b278-fdcc206e14db
