# Import an associate role by its key ...
terraform import commercetools_associate_role.buyer key=buyer

# ... or by its id.
terraform import commercetools_associate_role.buyer 5c0af46c-78aa-4d85-97f1-edbfc494efd8
