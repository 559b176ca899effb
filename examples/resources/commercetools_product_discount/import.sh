# Import a product discount by its key ...
terraform import commercetools_product_discount.clearance key=clearance-20

# ... or by its id.
terraform import commercetools_product_discount.clearance 3e292c79-9d97-405d-8a2c-c722575fc736
