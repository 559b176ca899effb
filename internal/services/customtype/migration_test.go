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
