// Package channel implements commercetools_channel: the resource and the data source by key.
package channel

import (
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// Endpoint is the channels collection.
var Endpoint = &client.Endpoint[platform.Channel, platform.ChannelUpdateAction]{
	Path: "channels", Noun: "channel",
	Meta: func(c *platform.Channel) client.Meta {
		return client.Meta{ID: c.ID, Key: c.Key, Version: int64(c.Version), CreatedAt: c.CreatedAt}
	},
}

var family = &versioned.Family[model, *model, platform.Channel, platform.ChannelUpdateAction]{
	TypeName: "channel",
	Noun:     "channel",
	Endpoint: Endpoint,
	Hint:     framework.ScopesOf("channels", "products"),
	Schema:   resourceSchema,
	Draft:    draft,
	Flatten:  flatten,
	Actions:  actions,
	Check:    check,
}

// NewResource returns the commercetools_channel resource.
var NewResource = versioned.NewResource(family)

// NewDataSource returns the commercetools_channel data source (by key).
var NewDataSource = versioned.NewDataSource(family)
