package tax_test

import (
	"testing"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

func TestMigrationFromLabd(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "tax_category", Types: []string{"commercetools_tax_category"}})
}

func TestMigrationFromLabdRates(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "tax_category_rate", Types: []string{"commercetools_tax_category", "commercetools_tax_category_rate"}})
}
