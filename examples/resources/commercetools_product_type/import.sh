# Import a product type by its key (the state then holds its id) ...
terraform import commercetools_product_type.shirt key=shirt

# ... or by its id.
terraform import commercetools_product_type.shirt 4f7e5cfd-2a0c-4c5e-9f3e-1c2d3b4a5e6f
