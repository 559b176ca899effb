# Import a custom object by <container>/<key> ...
terraform import commercetools_custom_object.checkout_flags feature-flags/checkout

# ... or by its id.
terraform import commercetools_custom_object.checkout_flags 4f7e5cfd-2a0c-4c5e-9f3e-1c2d3b4a5e6f
