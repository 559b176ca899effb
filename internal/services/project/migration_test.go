package project_test

import (
	"testing"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

func TestMigrationFromLabd(t *testing.T) {
	acctest.MigrateFromLabd(t, acctest.Migration{Folder: "project_settings", Types: []string{"commercetools_project_settings"},
		Projects: []string{"my-ct-project-key-2", "my-ct-project-key-3"}})
}
