# Import a zone by its key (the state then holds its id) ...
terraform import commercetools_shipping_zone.dach key=dach

# ... or by its id.
terraform import commercetools_shipping_zone.dach aa0efce9-d24c-4eea-a36a-fcf18c53e8fa
