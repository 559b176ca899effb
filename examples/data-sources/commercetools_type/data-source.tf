# A type managed elsewhere, by its key: use its id in a custom block.
data "commercetools_type" "channel_fields" {
  key = "channel-fields"
}

resource "commercetools_channel" "store_hamburg" {
  key   = "store-hamburg"
  roles = ["InventorySupply"]

  custom {
    type_id = data.commercetools_type.channel_fields.id
    fields = {
      opening_hours = "Mon-Sat 10:00-20:00"
    }
  }
}
