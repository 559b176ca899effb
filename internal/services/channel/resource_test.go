package channel_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

const addr = "commercetools_channel.test"

func TestAccChannel_lifecycle(t *testing.T) {
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_channel", Coll: "channels", Prelude: acctest.ChannelFieldsType,
		Create: `
  key   = "warehouse-berlin"
  roles = ["InventorySupply"]
  name  = { en = "Warehouse Berlin", de = "Lager Berlin" }
`,
		Checks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("version"), knownvalue.Int64Exact(1)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("address"), knownvalue.ListSizeExact(0)),
		},
		Updates: []acctest.Update{
			{Body: `
  key   = "warehouse-berlin"
  roles = ["InventorySupply", "OrderExport"]
  name  = { en = "Warehouse Berlin Mitte" }
  description = { en = "Central warehouse" }
`},
			{Body: `
  key   = "warehouse-berlin-2"
  roles = ["OrderExport", "InventorySupply"]
  name  = { en = "Warehouse Berlin Mitte" }
  description = { en = "Central warehouse" }
  address {
    street_name   = "Invalidenstraße"
    street_number = "117"
    postal_code   = "10115"
    city          = "Berlin"
    country       = "DE"
    additional_street_info  = "Hof 2"
    additional_address_info = "Rampe 3"
  }
  geolocation {
    coordinates = [13.3777, 52.5308]
  }
  custom {
    type_id = commercetools_type.fields.id
    fields = {
      opening_hours = "Mon-Fri 06:00-22:00"
      capacity      = "12000"
      display_name  = jsonencode({ en = "Berlin", de = "Berlin" })
    }
  }
`, Checks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("address").AtSliceIndex(0).AtMapKey("additional_street_info"), knownvalue.StringExact("Hof 2")),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("address").AtSliceIndex(0).AtMapKey("additional_address_info"), knownvalue.StringExact("Rampe 3")),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("address").AtSliceIndex(0).AtMapKey("id"), knownvalue.NotNull()),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("custom").AtSliceIndex(0).AtMapKey("fields").AtMapKey("capacity"), knownvalue.StringExact("12000")),
			}},
			{Body: `
  key   = "warehouse-berlin-2"
  roles = ["OrderExport", "InventorySupply"]
  name  = { en = "Warehouse Berlin Mitte" }
  description = { en = "Central warehouse" }
  geolocation {
    coordinates = [13.4, 52.5]
  }
  custom {
    type_id = commercetools_type.fields.id
    fields = {
      capacity = "9000"
    }
  }
`},
		},
	})
}
