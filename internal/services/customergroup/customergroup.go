// Package customergroup implements commercetools_customer_group and its data source by key.
package customergroup

import (
	"context"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/customfields"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// group is a CustomerGroup as the API returns it.
type group struct {
	ID        string                 `json:"id"`
	Version   int64                  `json:"version"`
	CreatedAt time.Time              `json:"createdAt"`
	Key       *string                `json:"key,omitempty"`
	Name      string                 `json:"name"`
	Custom    *platform.CustomFields `json:"custom,omitempty"`
}

// draft is CustomerGroupDraft: the name is sent as groupName.
type draft struct {
	Key       *string                     `json:"key,omitempty"`
	GroupName string                      `json:"groupName"`
	Custom    *platform.CustomFieldsDraft `json:"custom,omitempty"`
}

type action = updates.Action

type model struct {
	versioned.Common
	Name   types.String         `tfsdk:"name"`
	Custom []customfields.Model `tfsdk:"custom"`
}

var endpoint = &client.Endpoint[group, action]{
	Path: "customer-groups", Noun: "customer group",
	Meta: func(g *group) client.Meta {
		key := ""
		if g.Key != nil {
			key = *g.Key
		}
		return client.Meta{ID: g.ID, Key: key, Version: g.Version, CreatedAt: g.CreatedAt}
	},
}

func resourceSchema(ctx context.Context) schema.Schema {
	return versioned.WithCommon(ctx, schema.Schema{
		Version:             0, // the incumbent's
		MarkdownDescription: "A [customer group](https://docs.commercetools.com/api/projects/customerGroups): customers that share prices and discounts.",
		Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{Optional: true,
				MarkdownDescription: "User-defined unique identifier of the customer group, 2 to 256 characters of A-Z, a-z, 0-9, `_` and `-`.",
				Validators: []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(`^[A-Za-z0-9_-]{2,256}$`),
					"must be 2 to 256 characters of A-Z, a-z, 0-9, '_' and '-'")}},
			"name": schema.StringAttribute{Required: true, MarkdownDescription: "Name of the customer group, unique in the project.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
		},
		Blocks: map[string]schema.Block{"custom": customfields.Block("customer group")},
	}, "customer group")
}

func draftOf(ctx context.Context, c *client.Client, m *model) (any, diag.Diagnostics) {
	custom, diags := customfields.Draft(ctx, c, m.Custom)
	return draft{Key: flex.String(m.Key), GroupName: m.Name.ValueString(), Custom: custom}, diags
}

func flatten(_ context.Context, _ *client.Client, g *group, m *model) diag.Diagnostics {
	m.Key = flex.Optional(g.Key)
	m.Name = types.StringValue(g.Name)
	m.Custom = customfields.Flatten(g.Custom, m.Custom)
	return nil
}

func actions(ctx context.Context, c *client.Client, from, to *model) ([]action, diag.Diagnostics) {
	var out []action
	if n := to.Name.ValueString(); n != from.Name.ValueString() {
		out = append(out, action{"action": "changeName", "name": n})
	}
	if k := to.Key.ValueString(); k != from.Key.ValueString() {
		out = append(out, updates.Act("setKey", "key", flex.String(to.Key)))
	}
	custom, diags := customfields.JSONActions(ctx, c, from.Custom, to.Custom)
	return append(out, custom...), diags
}

var family = &versioned.Family[model, *model, group, action]{
	TypeName: "customer_group", Noun: "customer group", Endpoint: endpoint, Hint: framework.ScopesOf("customer_groups", "customers"),
	Schema: resourceSchema, Draft: draftOf, Flatten: flatten, Actions: actions,
}

// NewResource returns the commercetools_customer_group resource.
var NewResource = versioned.NewResource(family)

// NewDataSource returns the commercetools_customer_group data source (by key).
var NewDataSource = versioned.NewDataSource(family)
