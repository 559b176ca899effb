// Package tax implements commercetools_tax_category (with its data source by key) and
// commercetools_tax_category_rate, a child of the category.
package tax

import (
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

var categories = &client.Endpoint[platform.TaxCategory, platform.TaxCategoryUpdateAction]{
	Path: "tax-categories", Noun: "tax category",
	Meta: func(t *platform.TaxCategory) client.Meta {
		return client.Meta{ID: t.ID, Key: deref(t.Key), Version: int64(t.Version), CreatedAt: t.CreatedAt}
	},
}

var hint = framework.ScopesOf("tax_categories", "products")

var categoryFamily = &versioned.Family[categoryModel, *categoryModel, platform.TaxCategory, platform.TaxCategoryUpdateAction]{
	TypeName: "tax_category", Noun: "tax category", Endpoint: categories, Hint: hint,
	Schema: categorySchema, Draft: categoryDraftOf, Flatten: flattenCategory, Actions: categoryActions,
}

var rateFamily = &versioned.ChildFamily[rateModel, *rateModel, platform.TaxCategory, platform.TaxCategoryUpdateAction]{
	TypeName: "tax_category_rate", Noun: "tax rate", Parent: categories, ParentType: "tax_category", Hint: hint,
	Schema:   rateSchema,
	ParentID: func(m *rateModel) string { return m.TaxCategoryID.ValueString() },
	Find:     findRateInto, Add: addRate, Change: changeRate, Remove: removeRate, Import: importRate, Check: checkRate,
	// By <category id>@<key> where the rate has a key, else by its id (found in the listing).
	Children: func(t *platform.TaxCategory) []string {
		ids := make([]string, 0, len(t.Rates))
		for _, r := range t.Rates {
			switch {
			case r.Key != nil && *r.Key != "":
				ids = append(ids, t.ID+"@"+*r.Key)
			case r.ID != nil:
				ids = append(ids, *r.ID)
			}
		}
		return ids
	},
}

// NewCategoryResource returns the commercetools_tax_category resource.
var NewCategoryResource = versioned.NewResource(categoryFamily)

// NewCategoryDataSource returns the commercetools_tax_category data source (by key).
var NewCategoryDataSource = versioned.NewDataSource(categoryFamily)

// NewRateResource returns the commercetools_tax_category_rate resource.
var NewRateResource = versioned.NewChildResource(rateFamily)
