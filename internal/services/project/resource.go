// Package project implements commercetools_project_settings: the settings of the project the
// provider manages.
package project

import (
	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

var settings = &client.Singleton[apiProject, action]{
	Noun: "project settings",
	Meta: func(p *apiProject) client.Meta {
		return client.Meta{ID: p.Key, Key: p.Key, Version: p.Version, CreatedAt: p.CreatedAt}
	},
}

var family = &versioned.SingletonFamily[model, *model, apiProject, action]{
	TypeName: "project_settings", Noun: "project settings", Endpoint: settings,
	Hint:   framework.ScopesOf("project_settings"),
	Schema: resourceSchema, Flatten: flatten, Actions: actions, Check: check, Settle: settle,
	DeleteNote: "the project keeps its current settings.",
}

// NewResource returns the commercetools_project_settings resource.
var NewResource = versioned.NewSingletonResource(family)
