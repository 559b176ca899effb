data "commercetools_product_selection" "outlet" {
  key = "outlet"
}

output "outlet_mode" {
  value = data.commercetools_product_selection.outlet.mode
}
