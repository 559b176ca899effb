// Package subscription implements commercetools_subscription and its data source by key.
package subscription

import (
	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

var endpoint = &client.Endpoint[subscription, action]{
	Path: "subscriptions", Noun: "subscription",
	Meta: func(s *subscription) client.Meta {
		return client.Meta{ID: s.ID, Key: s.Key, Version: s.Version, CreatedAt: s.CreatedAt}
	},
}

var family = &versioned.Family[model, *model, subscription, action]{
	TypeName: "subscription",
	Noun:     "subscription",
	Endpoint: endpoint,
	Hint:     framework.Hint{View: []string{"manage_subscriptions", "manage_project"}, Manage: []string{"manage_subscriptions", "manage_project"}},
	Schema:   resourceSchema,
	Draft:    draft,
	Flatten:  flatten,
	Actions:  actions,
	Config:   fromConfig,
	Validate: validate,
}

// NewResource returns the commercetools_subscription resource.
var NewResource = versioned.NewResource(family)

// NewDataSource returns the commercetools_subscription data source (by key).
var NewDataSource = versioned.NewDataSource(family)
