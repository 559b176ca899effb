// Package category implements commercetools_category and its data source by key: the category
// tree, with the parent by id or by key, assets changed one by one, and custom fields.
package category

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/customfields"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/planmod"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/unset"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

type action = updates.Action

type ref struct {
	TypeID string `json:"typeId"`
	ID     string `json:"id,omitempty"`
	Key    string `json:"key,omitempty"`
}

type dimensions struct {
	W int64 `json:"w"`
	H int64 `json:"h"`
}

type source struct {
	URI         string      `json:"uri"`
	Key         *string     `json:"key,omitempty"`
	Dimensions  *dimensions `json:"dimensions,omitempty"`
	ContentType *string     `json:"contentType,omitempty"`
}

type asset struct {
	ID          string            `json:"id,omitempty"`
	Key         *string           `json:"key,omitempty"`
	Name        map[string]string `json:"name"`
	Description map[string]string `json:"description,omitempty"`
	Sources     []source          `json:"sources"`
	Tags        []string          `json:"tags,omitempty"`
}

// category is a Category as the API returns it.
type category struct {
	ID              string                 `json:"id"`
	Version         int64                  `json:"version"`
	CreatedAt       time.Time              `json:"createdAt"`
	Key             *string                `json:"key,omitempty"`
	Name            map[string]string      `json:"name"`
	Slug            map[string]string      `json:"slug"`
	Description     map[string]string      `json:"description,omitempty"`
	MetaTitle       map[string]string      `json:"metaTitle,omitempty"`
	MetaDescription map[string]string      `json:"metaDescription,omitempty"`
	MetaKeywords    map[string]string      `json:"metaKeywords,omitempty"`
	Parent          *ref                   `json:"parent,omitempty"`
	OrderHint       string                 `json:"orderHint"`
	ExternalID      *string                `json:"externalId,omitempty"`
	Assets          []asset                `json:"assets"`
	Custom          *platform.CustomFields `json:"custom,omitempty"`
}

type draft struct {
	Key             *string                     `json:"key,omitempty"`
	Name            map[string]string           `json:"name"`
	Slug            map[string]string           `json:"slug"`
	Description     map[string]string           `json:"description,omitempty"`
	MetaTitle       map[string]string           `json:"metaTitle,omitempty"`
	MetaDescription map[string]string           `json:"metaDescription,omitempty"`
	MetaKeywords    map[string]string           `json:"metaKeywords,omitempty"`
	Parent          *ref                        `json:"parent,omitempty"`
	OrderHint       *string                     `json:"orderHint,omitempty"`
	ExternalID      *string                     `json:"externalId,omitempty"`
	Assets          []asset                     `json:"assets,omitempty"`
	Custom          *platform.CustomFieldsDraft `json:"custom,omitempty"`
}

type dimensionsModel struct {
	W types.Int64 `tfsdk:"w"`
	H types.Int64 `tfsdk:"h"`
}

type sourceModel struct {
	URI         types.String      `tfsdk:"uri"`
	Key         types.String      `tfsdk:"key"`
	Dimensions  []dimensionsModel `tfsdk:"dimensions"`
	ContentType types.String      `tfsdk:"content_type"`
}

type assetModel struct {
	ID          types.String  `tfsdk:"id"`
	Key         types.String  `tfsdk:"key"`
	Name        types.Map     `tfsdk:"name"`
	Description types.Map     `tfsdk:"description"`
	Sources     []sourceModel `tfsdk:"sources"`
	Tags        types.List    `tfsdk:"tags"`
}

type model struct {
	versioned.Common
	Name            types.Map            `tfsdk:"name"`
	Slug            types.Map            `tfsdk:"slug"`
	Description     types.Map            `tfsdk:"description"`
	MetaTitle       types.Map            `tfsdk:"meta_title"`
	MetaDescription types.Map            `tfsdk:"meta_description"`
	MetaKeywords    types.Map            `tfsdk:"meta_keywords"`
	Parent          types.String         `tfsdk:"parent"`
	ParentKey       types.String         `tfsdk:"parent_key"`
	OrderHint       types.String         `tfsdk:"order_hint"`
	ExternalID      types.String         `tfsdk:"external_id"`
	Assets          []assetModel         `tfsdk:"assets"`
	Custom          []customfields.Model `tfsdk:"custom"`
}

var endpoint = &client.Endpoint[category, action]{
	Path: "categories", Noun: "category",
	Meta: func(c *category) client.Meta {
		return client.Meta{ID: c.ID, Key: flex.StringValue(c.Key).ValueString(), Version: c.Version, CreatedAt: c.CreatedAt}
	},
}

func localized(desc string, required bool) schema.MapAttribute {
	return schema.MapAttribute{Required: required, Optional: !required, ElementType: types.StringType, MarkdownDescription: desc}
}

func resourceSchema(ctx context.Context) schema.Schema {
	return versioned.WithCommon(ctx, schema.Schema{
		Version: 1, // the incumbent's
		MarkdownDescription: "A [category](https://docs.commercetools.com/api/projects/categories) of the product catalog, in a tree: " +
			"a category with `parent` (or `parent_key`) is a child of that one.",
		Attributes: map[string]schema.Attribute{
			"key":  schema.StringAttribute{Optional: true, MarkdownDescription: framework.KeyDescription("category"), Validators: framework.KeyValidators()},
			"name": localized("Name by locale.", true),
			"slug": localized("URL slug by locale: 2 to 256 characters of A-Z, a-z, 0-9, `_` and `-`, unique per locale in the project "+
				"(a slug another category uses is an error that names the slug and the locale).", true),
			"description":      localized("Description by locale.", false),
			"meta_title":       localized("SEO title by locale.", false),
			"meta_description": localized("SEO description by locale.", false),
			"meta_keywords":    localized("SEO keywords by locale.", false),
			"parent": schema.StringAttribute{Optional: true, Computed: true,
				MarkdownDescription: "The id of the parent category (`commercetools_category.x.id`); a root category has none. A change " +
					"moves the category (and its subtree) in place; removing it replaces the category, because commercetools cannot " +
					"make a category a root again. With `parent_key`, the parent's id as commercetools reports it.",
				Validators:    []validator.String{stringvalidator.ConflictsWith(path.MatchRoot("parent_key"))},
				PlanModifiers: []planmodifier.String{parentPlan{}, stringplanmodifier.RequiresReplaceIf(becomesRoot, "Removing the parent replaces the category.", "Removing the parent replaces the category.")}},
			"parent_key": schema.StringAttribute{Optional: true,
				MarkdownDescription: "The key of the parent category, instead of `parent`: for trees whose parents are managed elsewhere.",
				Validators:          framework.KeyValidators()},
			"order_hint": schema.StringAttribute{Optional: true, Computed: true,
				MarkdownDescription: "Where the category sorts among its siblings: a decimal strictly between 0 and 1 such as `\"0.5\"`. " +
					"Left out, commercetools assigns a random one, which the state keeps (and never plans away); the incumbent sent an " +
					"empty hint instead. `\"\"` is refused: leave the attribute out for a random hint.",
				Validators: []validator.String{stringvalidator.RegexMatches(orderHintPattern, "must be a decimal strictly between 0 and 1, such as \"0.5\""),
					unset.ZeroRefused()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"external_id": schema.StringAttribute{Optional: true, MarkdownDescription: "An id of the category in another system.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
		},
		Blocks: map[string]schema.Block{
			"assets": schema.ListNestedBlock{
				MarkdownDescription: "Media of the category. Give each asset a `key`: an asset is then found by its key, so a change " +
					"touches only that asset and a reorder is one `changeAssetOrder`. Assets without a key are matched by position.",
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The id commercetools gave the asset.",
							PlanModifiers: []planmodifier.String{planmod.UseStateOfSameKey("key", "id")}},
						"key": schema.StringAttribute{Optional: true, MarkdownDescription: "User-defined identifier of the asset, unique in the category.",
							Validators: framework.KeyValidators()},
						"name":        localized("Name by locale.", true),
						"description": localized("Description by locale.", false),
						"tags":        schema.ListAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Tags of the asset."},
					},
					Blocks: map[string]schema.Block{
						"sources": schema.ListNestedBlock{
							MarkdownDescription: "Files of the asset (at least one), for example one per size.",
							Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
							NestedObject: schema.NestedBlockObject{
								Attributes: map[string]schema.Attribute{
									"uri":          schema.StringAttribute{Required: true, MarkdownDescription: "The file's URI.", Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
									"key":          schema.StringAttribute{Optional: true, MarkdownDescription: "Identifier of the source, unique in the asset."},
									"content_type": schema.StringAttribute{Optional: true, MarkdownDescription: "MIME type, such as `image/jpeg`."},
								},
								Blocks: map[string]schema.Block{
									"dimensions": schema.ListNestedBlock{
										MarkdownDescription: "Width and height in pixels (at most one block).",
										Validators:          []validator.List{listvalidator.SizeAtMost(1)},
										NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
											"w": schema.Int64Attribute{Required: true, MarkdownDescription: "Width."},
											"h": schema.Int64Attribute{Required: true, MarkdownDescription: "Height."},
										}},
									},
								},
							},
						},
					},
				},
			},
			"custom": customfields.Block("category"),
		},
	}, "category")
}
