# Import a product selection by its key (the state then holds its id) ...
terraform import commercetools_product_selection.outlet key=outlet

# ... or by its id.
terraform import commercetools_product_selection.outlet 0b7f5a43-6d5e-4f8e-9a4c-1f0ad7d4a6b2
