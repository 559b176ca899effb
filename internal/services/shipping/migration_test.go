package shipping_test

import (
	"testing"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

func TestMigrationFromLabdZones(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "shipping_zone", Types: []string{"commercetools_shipping_zone"}})
}

func TestMigrationFromLabdMethods(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "shipping_method", Types: []string{"commercetools_shipping_method", "commercetools_tax_category"}})
}

func TestMigrationFromLabdZoneRates(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "shipping_zone_rate", Types: []string{"commercetools_shipping_zone_rate", "commercetools_shipping_method"}})
}
