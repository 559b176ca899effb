resource "commercetools_product_selection" "outlet" {
  key  = "outlet"
  name = { en = "Outlet", de = "Outlet" }
  mode = "IndividualExclusion" # the selection lists the products it leaves out
}

resource "commercetools_store" "outlet" {
  key  = "outlet-store"
  name = { en = "Outlet store" }
  product_selection {
    product_selection_id = commercetools_product_selection.outlet.id
    active               = true
  }
}
