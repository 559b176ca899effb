package customtype_test

import (
	"testing"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

// TestMigrationFromLabd switches the incumbent's types, one field of every field type, to this
// provider: empty plans after apply and after import.
func TestMigrationFromLabd(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "type", Types: []string{"commercetools_type"}})
}

// TestMigrationFromLabdDataSource switches the incumbent's type data sources (their folder also
// has customer groups that use the types).
func TestMigrationFromLabdDataSource(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "data_source_type", Types: []string{"data.commercetools_type", "commercetools_customer_group"}})
}
