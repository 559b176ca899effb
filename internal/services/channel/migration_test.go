package channel_test

import (
	"testing"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

// TestMigrationFromLabd switches the incumbent's channels (and the type of their custom fields)
// to this provider: empty plans after apply and after import.
func TestMigrationFromLabd(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "channel", Types: []string{"commercetools_channel", "commercetools_type"}})
}
