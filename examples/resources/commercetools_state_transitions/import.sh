# Import the transitions of a state by the state's key ...
terraform import commercetools_state_transitions.open key=order-open

# ... or by the state's id.
terraform import commercetools_state_transitions.open fa375fca-3e70-4613-acfd-bef20a979064
