// Package productselection implements commercetools_product_selection and its data source by
// key. Which products a selection holds is left to the storefront and the product import: the
// resource manages the selection itself (the incumbent did the same).
package productselection

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
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

// selection is a ProductSelection as the API returns it.
type selection struct {
	ID        string                 `json:"id"`
	Version   int64                  `json:"version"`
	CreatedAt time.Time              `json:"createdAt"`
	Key       *string                `json:"key,omitempty"`
	Name      map[string]string      `json:"name"`
	Mode      string                 `json:"mode"`
	Custom    *platform.CustomFields `json:"custom,omitempty"`
}

type draft struct {
	Key    *string                     `json:"key,omitempty"`
	Name   map[string]string           `json:"name"`
	Mode   string                      `json:"mode,omitempty"`
	Custom *platform.CustomFieldsDraft `json:"custom,omitempty"`
}

type action = updates.Action

type model struct {
	versioned.Common
	Name   types.Map           `tfsdk:"name"`
	Mode   types.String        `tfsdk:"mode"`
	Custom *customfields.Model `tfsdk:"custom"`
}

var endpoint = &client.Endpoint[selection, action]{
	Path: "product-selections", Noun: "product selection",
	Meta: func(s *selection) client.Meta {
		return client.Meta{ID: s.ID, Key: flex.StringValue(s.Key).ValueString(), Version: s.Version, CreatedAt: s.CreatedAt}
	},
}

func resourceSchema(ctx context.Context) schema.Schema {
	return versioned.WithCommon(ctx, schema.Schema{
		Version: 0, // the incumbent's
		MarkdownDescription: "A [product selection](https://docs.commercetools.com/api/projects/product-selections): an " +
			"assortment of products that stores offer. Products are assigned to it outside Terraform (by the product import " +
			"or the Merchant Center); bind it to a store with `commercetools_store.product_selection`.",
		Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{Optional: true, MarkdownDescription: framework.KeyDescription("product selection"),
				Validators: framework.KeyValidators()},
			"name": schema.MapAttribute{Required: true, ElementType: types.StringType,
				MarkdownDescription: "Name of the selection by locale, for example `{ en = \"Summer\" }`."},
			"mode": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("Individual"),
				MarkdownDescription: "`Individual` (the selection lists the products it includes) or `IndividualExclusion` (it lists " +
					"the products it excludes); default `Individual`. commercetools cannot change it: a change replaces the selection.",
				Validators:    []validator.String{stringvalidator.OneOf("Individual", "IndividualExclusion")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
		},
		Blocks: map[string]schema.Block{"custom": customfields.SingleBlock("product selection")},
	}, "product selection")
}

func draftOf(ctx context.Context, c *client.Client, m *model) (any, diag.Diagnostics) {
	custom, diags := customfields.Draft(ctx, c, customfields.List(m.Custom))
	return draft{Key: flex.String(m.Key), Name: flex.Localized(m.Name), Mode: m.Mode.ValueString(), Custom: custom}, diags
}

func flatten(_ context.Context, _ *client.Client, s *selection, m *model) diag.Diagnostics {
	m.Key = flex.Optional(s.Key)
	m.Name = flex.LocalizedValue(s.Name)
	m.Mode = types.StringValue(s.Mode)
	if s.Mode == "" {
		m.Mode = types.StringValue("Individual")
	}
	m.Custom = customfields.Single(customfields.Flatten(s.Custom, customfields.List(m.Custom)))
	return nil
}

func actions(ctx context.Context, c *client.Client, from, to *model) ([]action, diag.Diagnostics) {
	var out []action
	if n := flex.Localized(to.Name); !flex.SameLocalized(flex.Localized(from.Name), n) {
		out = append(out, action{"action": "changeName", "name": n})
	}
	if k := to.Key.ValueString(); k != from.Key.ValueString() {
		out = append(out, updates.Act("setKey", "key", flex.String(to.Key)))
	}
	custom, diags := customfields.JSONActions(ctx, c, customfields.List(from.Custom), customfields.List(to.Custom))
	return append(out, custom...), diags
}

var family = &versioned.Family[model, *model, selection, action]{
	TypeName: "product_selection", Noun: "product selection", Endpoint: endpoint,
	Hint:   framework.ScopesOf("product_selections"),
	Schema: resourceSchema, Draft: draftOf, Flatten: flatten, Actions: actions,
}

// NewResource returns the commercetools_product_selection resource.
var NewResource = versioned.NewResource(family)

// NewDataSource returns the commercetools_product_selection data source (by key).
var NewDataSource = versioned.NewDataSource(family)
