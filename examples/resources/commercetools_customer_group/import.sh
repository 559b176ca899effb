# Import a customer group by its key (the state then holds its id) ...
terraform import commercetools_customer_group.b2b key=b2b-customers

# ... or by its id.
terraform import commercetools_customer_group.b2b 56e2cb9b-517b-4349-bced-88ee56767326
