# An open order may be shipped; a shipped order is final.
resource "commercetools_state_transitions" "open" {
  from = commercetools_state.open.id
  to   = [commercetools_state.shipped.id]
}

resource "commercetools_state_transitions" "shipped" {
  from = commercetools_state.shipped.id
  to   = []
}
