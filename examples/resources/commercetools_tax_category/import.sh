# Import a tax category by its key (the state then holds its id) ...
terraform import commercetools_tax_category.standard key=standard

# ... or by its id.
terraform import commercetools_tax_category.standard 51338ac6-f77e-44f6-abf5-251a854e786c
