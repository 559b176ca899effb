# Import a store by its key (the state then holds its id) ...
terraform import commercetools_store.de key=de-store

# ... or by its id.
terraform import commercetools_store.de 0b2c7f13-e103-4771-a31a-4e91e2ceef8d
