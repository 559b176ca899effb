// Package extension implements commercetools_api_extension and its data source by key.
package extension

import (
	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

var endpoint = &client.Endpoint[extension, action]{
	Path: "extensions", Noun: "API extension",
	Meta: func(e *extension) client.Meta {
		return client.Meta{ID: e.ID, Key: e.Key, Version: e.Version, CreatedAt: e.CreatedAt}
	},
}

var family = &versioned.Family[model, *model, extension, action]{
	TypeName: "api_extension",
	Noun:     "API extension",
	Endpoint: endpoint,
	Hint:     framework.Hint{View: []string{"manage_extensions", "manage_project"}, Manage: []string{"manage_extensions", "manage_project"}},
	Schema:   resourceSchema,
	Draft:    draft,
	Flatten:  flatten,
	Actions:  actions,
	Config:   fromConfig,
	Validate: validate,
}

// NewResource returns the commercetools_api_extension resource.
var NewResource = versioned.NewResource(family)

// NewDataSource returns the commercetools_api_extension data source (by key).
var NewDataSource = versioned.NewDataSource(family)
