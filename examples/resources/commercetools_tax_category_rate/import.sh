# Import a rate by <tax category id>@<rate key> ...
terraform import commercetools_tax_category_rate.de 51338ac6-f77e-44f6-abf5-251a854e786c@de-standard

# ... or by the rate's id.
terraform import commercetools_tax_category_rate.de 2684ef81
