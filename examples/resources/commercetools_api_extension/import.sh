# Import an API extension by its key (the state then holds its id) or by its id. commercetools
# never returns credentials, so the next plan sends the configured ones once.
terraform import commercetools_api_extension.cart_validation key=cart-validation
