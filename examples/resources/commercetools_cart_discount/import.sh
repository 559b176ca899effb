# Import a cart discount by its key (the state then holds its id) ...
terraform import commercetools_cart_discount.summer key=summer-10

# ... or by its id.
terraform import commercetools_cart_discount.summer 97415218-7293-417e-a8f4-694db4c58d88
