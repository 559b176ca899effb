package customergroup_test

import (
	"testing"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

const groupFields = `
resource "commercetools_type" "group_fields" {
  key               = "group-fields"
  name              = { en = "Group fields" }
  resource_type_ids = ["customer-group"]
  field {
    name  = "segment"
    label = { en = "Segment" }
    type { name = "String" }
  }
  field {
    name  = "payment_terms_days"
    label = { en = "Payment terms (days)" }
    type { name = "Number" }
  }
}
`

func TestAccCustomerGroup_lifecycle(t *testing.T) {
	acctest.Run(t, acctest.Lifecycle{
		Type: "commercetools_customer_group", Coll: "customer-groups", Prelude: groupFields,
		Create: `
  key  = "b2b"
  name = "B2B customers"
`,
		Updates: []acctest.Update{
			{Body: `
  key  = "b2b"
  name = "Business customers"
  custom {
    type_id = commercetools_type.group_fields.id
    fields = {
      segment            = "enterprise"
      payment_terms_days = "30"
    }
  }
`},
			{Body: `
  name = "Business customers"
  custom {
    type_id = commercetools_type.group_fields.id
    fields = {
      payment_terms_days = "60"
    }
  }
`},
		},
	})
}

func TestMigrationFromLabd(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "customer_group", Types: []string{"commercetools_customer_group"}})
}
