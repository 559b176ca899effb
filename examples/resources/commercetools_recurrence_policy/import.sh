# Import a recurrence policy by its key ...
terraform import commercetools_recurrence_policy.biweekly key=biweekly

# ... or by its id.
terraform import commercetools_recurrence_policy.biweekly 1f0c3a1e-2b7d-4c55-9e0a-6d4b8c2f7a19
