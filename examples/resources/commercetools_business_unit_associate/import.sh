# Import an associate by its business unit (id, or key=<key>) and its customer id.
terraform import commercetools_business_unit_associate.jana key=acme-gmbh/3f1c9a2e-7b4d-4f0e-9c1a-2b3c4d5e6f70
