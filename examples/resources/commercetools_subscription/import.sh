# Import a subscription by its key (the state then holds its id) or by its id. Credentials
# commercetools masks (Event Grid, Service Bus, Confluent Cloud) are not imported: the next
# plan sends the configured ones once.
terraform import commercetools_subscription.orders key=order-events
