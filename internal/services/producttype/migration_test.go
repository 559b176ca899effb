package producttype_test

import (
	"testing"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

// TestMigrationFromLabd switches the incumbent's product types (one attribute of every type it
// supports, every attribute option, a type without description, a nested type) to this
// provider: empty plans after apply and after import.
func TestMigrationFromLabd(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "product_type", Types: []string{"commercetools_product_type"}})
}

// TestMigrationFromLabdAttributeGroup switches the incumbent's attribute groups (with and
// without description and key).
func TestMigrationFromLabdAttributeGroup(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "attribute_group", Types: []string{"commercetools_attribute_group"}})
}
