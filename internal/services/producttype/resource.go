// Package producttype implements commercetools_product_type and commercetools_attribute_group,
// with their data sources by key. Attribute groups list attributes of product types by name.
package producttype

import (
	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

var endpoint = &client.Endpoint[productType, action]{
	Path: "product-types", Noun: "product type",
	Meta: func(p *productType) client.Meta {
		return client.Meta{ID: p.ID, Key: p.Key, Version: p.Version, CreatedAt: p.CreatedAt}
	},
}

var family = &versioned.Family[model, *model, productType, action]{
	TypeName: "product_type",
	Noun:     "product type",
	Endpoint: endpoint,
	Hint:     framework.ScopesOf("product_types", "products"),
	Schema:   resourceSchema,
	Draft:    draft,
	Flatten:  flatten,
	Actions:  actions,
	Check:    check,
	Stages:   stages,
}

// NewResource returns the commercetools_product_type resource.
var NewResource = versioned.NewResource(family)

// NewDataSource returns the commercetools_product_type data source (by key).
var NewDataSource = versioned.NewDataSource(family)
