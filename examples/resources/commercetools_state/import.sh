# Import a state by its key (the state then holds its id) ...
terraform import commercetools_state.open key=order-open

# ... or by its id.
terraform import commercetools_state.open fa375fca-3e70-4613-acfd-bef20a979064
