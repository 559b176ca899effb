# A subscription managed elsewhere, by its key.
data "commercetools_subscription" "orders" {
  key = "order-events"
}

output "order_queue" {
  value = data.commercetools_subscription.orders.destination[0].queue_url
}
