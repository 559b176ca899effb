# Import a discount group by its key ...
terraform import commercetools_discount_group.bundles key=bundles

# ... or by its id.
terraform import commercetools_discount_group.bundles 3b1f7f2e-0c57-4c43-9f3d-8f2a6f0f6a10
