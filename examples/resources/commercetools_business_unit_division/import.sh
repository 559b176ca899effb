# Import a division by its key ...
terraform import commercetools_business_unit_division.north key=acme-north

# ... or by its id.
terraform import commercetools_business_unit_division.north f1cf115f-0e5e-46b7-b02d-eee13a8ac38d
