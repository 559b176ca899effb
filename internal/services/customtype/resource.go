// Package customtype implements commercetools_type (custom field definitions): the resource and
// the data source by key. Its API type and endpoint live in framework/customfields, which the
// custom blocks of other families share.
package customtype

import (
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/customfields"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

var family = &versioned.Family[model, *model, customfields.Type, platform.TypeUpdateAction]{
	TypeName: "type",
	Noun:     "type",
	Endpoint: customfields.Types,
	Hint:     framework.ScopesOf("types"),
	Schema:   resourceSchema,
	Draft:    draft,
	Flatten:  flatten,
	Actions:  actions,
	Check:    check,
}

// NewResource returns the commercetools_type resource.
var NewResource = versioned.NewResource(family)

// NewDataSource returns the commercetools_type data source (by key).
var NewDataSource = versioned.NewDataSource(family)
