# Import a company by its key ...
terraform import commercetools_business_unit_company.acme key=acme-gmbh

# ... or by its id.
terraform import commercetools_business_unit_company.acme 5d3de8ea-b849-47a4-abf6-391c179bbbb2
