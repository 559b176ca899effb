# Import a discount code by its key ...
terraform import commercetools_discount_code.welcome key=welcome

# ... or by its id (codes made by the incumbent provider have no key).
terraform import commercetools_discount_code.welcome 89e4c628-6304-4a7f-bb81-41f7cebe9a9f
