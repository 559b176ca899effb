// Package store implements commercetools_store and its data source by key.
package store

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
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
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/channel"
)

type ref struct {
	TypeID string `json:"typeId,omitempty"`
	ID     string `json:"id,omitempty"`
	Key    string `json:"key,omitempty"`
}

type selection struct {
	ProductSelection ref  `json:"productSelection"`
	Active           bool `json:"active"`
}

type country struct {
	Code string `json:"code"`
}

// apiStore is a Store as the API returns it.
type apiStore struct {
	ID                   string                 `json:"id"`
	Version              int64                  `json:"version"`
	CreatedAt            time.Time              `json:"createdAt"`
	Key                  string                 `json:"key"`
	Name                 map[string]string      `json:"name,omitempty"`
	Languages            []string               `json:"languages"`
	Countries            []country              `json:"countries"`
	DistributionChannels []ref                  `json:"distributionChannels"`
	SupplyChannels       []ref                  `json:"supplyChannels"`
	ProductSelections    []selection            `json:"productSelections"`
	Custom               *platform.CustomFields `json:"custom,omitempty"`
	Storefront           map[string]string      `json:"storefront,omitempty"`
}

type draft struct {
	Key                  string                      `json:"key"`
	Name                 map[string]string           `json:"name,omitempty"`
	Languages            []string                    `json:"languages,omitempty"`
	Countries            []country                   `json:"countries,omitempty"`
	DistributionChannels []ref                       `json:"distributionChannels,omitempty"`
	SupplyChannels       []ref                       `json:"supplyChannels,omitempty"`
	ProductSelections    []selection                 `json:"productSelections,omitempty"`
	Custom               *platform.CustomFieldsDraft `json:"custom,omitempty"`
	Storefront           map[string]string           `json:"storefront,omitempty"`
}

type action = updates.Action

// model is the state of commercetools_store, with the incumbent's names.
type model struct {
	versioned.Common
	Name                 types.Map            `tfsdk:"name"`
	Languages            types.List           `tfsdk:"languages"`
	Countries            types.Set            `tfsdk:"countries"`
	DistributionChannels types.List           `tfsdk:"distribution_channels"`
	SupplyChannels       types.List           `tfsdk:"supply_channels"`
	ProductSelection     []selectionModel     `tfsdk:"product_selection"`
	Custom               []customfields.Model `tfsdk:"custom"`
	Storefront           []storefrontModel    `tfsdk:"storefront"`
}

// storefrontModel is the storefront block: the Storefront's fields, by their API names in
// storefrontFields.
type storefrontModel struct {
	CheckoutURLTemplate types.String `tfsdk:"checkout_url_template"`
	OrderURLTemplate    types.String `tfsdk:"order_url_template"`
	TermsOfServiceURL   types.String `tfsdk:"terms_of_service_url"`
	PrivacyPolicyURL    types.String `tfsdk:"privacy_policy_url"`
	RefundPolicyURL     types.String `tfsdk:"refund_policy_url"`
	ShippingPolicyURL   types.String `tfsdk:"shipping_policy_url"`
	CookiePolicyURL     types.String `tfsdk:"cookie_policy_url"`
	ImprintURL          types.String `tfsdk:"imprint_url"`
	FAQURL              types.String `tfsdk:"faq_url"`
	ContactURL          types.String `tfsdk:"contact_url"`
}

// storefrontField is one field of a Storefront: its attribute, its API name and its update action.
type storefrontField struct {
	attr, api, action, what string
	get                     func(*storefrontModel) *types.String
}

var storefrontFields = []storefrontField{
	{"checkout_url_template", "checkoutUrlTemplate", "setCheckoutUrlTemplate", "[RFC 6570](https://datatracker.ietf.org/doc/html/rfc6570) URI template of the checkout page; it must contain `{checkoutId}`, for example `https://shop.example/checkout/{checkoutId}`.",
		func(m *storefrontModel) *types.String { return &m.CheckoutURLTemplate }},
	{"order_url_template", "orderUrlTemplate", "setOrderUrlTemplate", "URI template of the order status page; it must contain `{orderId}`, for example `https://shop.example/orders/{orderId}`.",
		func(m *storefrontModel) *types.String { return &m.OrderURLTemplate }},
	{"terms_of_service_url", "termsOfServiceUrl", "setTermsOfServiceUrl", "Absolute `https` URL of the terms of service.",
		func(m *storefrontModel) *types.String { return &m.TermsOfServiceURL }},
	{"privacy_policy_url", "privacyPolicyUrl", "setPrivacyPolicyUrl", "Absolute `https` URL of the privacy policy.",
		func(m *storefrontModel) *types.String { return &m.PrivacyPolicyURL }},
	{"refund_policy_url", "refundPolicyUrl", "setRefundPolicyUrl", "Absolute `https` URL of the refund policy.",
		func(m *storefrontModel) *types.String { return &m.RefundPolicyURL }},
	{"shipping_policy_url", "shippingPolicyUrl", "setShippingPolicyUrl", "Absolute `https` URL of the shipping policy.",
		func(m *storefrontModel) *types.String { return &m.ShippingPolicyURL }},
	{"cookie_policy_url", "cookiePolicyUrl", "setCookiePolicyUrl", "Absolute `https` URL of the cookie policy.",
		func(m *storefrontModel) *types.String { return &m.CookiePolicyURL }},
	{"imprint_url", "imprintUrl", "setImprintUrl", "Absolute `https` URL of the imprint (legal notice).",
		func(m *storefrontModel) *types.String { return &m.ImprintURL }},
	{"faq_url", "faqUrl", "setFaqUrl", "Absolute `https` URL of the FAQ page.",
		func(m *storefrontModel) *types.String { return &m.FAQURL }},
	{"contact_url", "contactUrl", "setContactUrl", "Absolute `https` URL of the contact page.",
		func(m *storefrontModel) *types.String { return &m.ContactURL }},
}

func storefrontSchema() schema.Block {
	attrs := map[string]schema.Attribute{}
	for _, f := range storefrontFields {
		attrs[f.attr] = schema.StringAttribute{Optional: true, MarkdownDescription: f.what}
	}
	return schema.ListNestedBlock{
		MarkdownDescription: "The storefront's customer-facing URLs and policy links. Leave the block out and the provider does not manage " +
			"them (they stay as they are); with the block, an attribute left out removes that URL.",
		NestedObject: schema.NestedBlockObject{Attributes: attrs},
		Validators:   []validator.List{listvalidator.SizeAtMost(1)},
	}
}

// storefrontDraft is the Storefront of a configured block (nil without one, or an empty one).
func storefrontDraft(l []storefrontModel) map[string]string {
	if len(l) == 0 {
		return nil
	}
	out := map[string]string{}
	for _, f := range storefrontFields {
		if v := flex.String(*f.get(&l[0])); v != nil {
			out[f.api] = *v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// flattenStorefront keeps the block out while it is not managed (no prior block), except after an
// import, which reads what the API holds.
func flattenStorefront(ctx context.Context, api map[string]string, prior []storefrontModel) []storefrontModel {
	if len(prior) == 0 && (!versioned.Importing(ctx) || len(api) == 0) {
		return prior
	}
	var m storefrontModel
	for _, f := range storefrontFields {
		*f.get(&m) = types.StringNull()
		if v := api[f.api]; v != "" {
			*f.get(&m) = types.StringValue(v)
		}
		if len(prior) == 1 { // keep the configuration's unset form
			if pv := *f.get(&prior[0]); api[f.api] == "" && (pv.IsNull() || pv.ValueString() == "") {
				*f.get(&m) = pv
			}
		}
	}
	return []storefrontModel{m}
}

// storefrontActions sets each field that changed; with no prior block (the URLs were not managed,
// so what the API holds is not known), every field of the new block.
func storefrontActions(from, to []storefrontModel) []action {
	if len(to) == 0 {
		return nil
	}
	var out []action
	for _, f := range storefrontFields {
		nv := flex.String(*f.get(&to[0]))
		if len(from) == 1 {
			if ov := flex.String(*f.get(&from[0])); ov == nil && nv == nil || ov != nil && nv != nil && *ov == *nv {
				continue
			}
		}
		if nv == nil {
			out = append(out, updates.Act(f.action))
		} else {
			out = append(out, updates.Act(f.action, f.api, *nv))
		}
	}
	return out
}

type selectionModel struct {
	ID     types.String `tfsdk:"product_selection_id"`
	Active types.Bool   `tfsdk:"active"`
}

var endpoint = &client.Endpoint[apiStore, action]{
	Path: "stores", Noun: "store",
	Meta: func(s *apiStore) client.Meta {
		return client.Meta{ID: s.ID, Key: s.Key, Version: s.Version, CreatedAt: s.CreatedAt}
	},
}

func resourceSchema(ctx context.Context) schema.Schema {
	notEmpty := "Leave it out for none (an empty list is refused, because the API does not tell it from none)."
	return versioned.WithCommon(ctx, schema.Schema{
		Version: 0, // the incumbent's
		MarkdownDescription: "A [store](https://docs.commercetools.com/api/projects/stores): a storefront's languages, countries, " +
			"distribution and supply channels and product selections. Channels are named by key, as the incumbent took them.\n\n" +
			"Only what changed is sent: a new channel is one `addDistributionChannel`, a selection switched on one " +
			"`changeProductSelectionActive`. A language the project lacks, or a channel without the role a store needs " +
			"(`ProductDistribution` for distribution, `InventorySupply` for supply), is refused by commercetools with the " +
			"language or channel named.",
		Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{Required: true,
				MarkdownDescription: "User-defined unique identifier of the store, 2 to 256 characters of A-Z, a-z, 0-9, `_` and `-`. The API cannot change it: a new key is a new store.",
				Validators: []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(`^[A-Za-z0-9_-]{2,256}$`),
					"must be 2 to 256 characters of A-Z, a-z, 0-9, '_' and '-'")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"name": schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Name of the store by locale."},
			"languages": schema.ListAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Languages of the store, each one of the project's languages. " + notEmpty,
				Validators:          []validator.List{listvalidator.SizeAtLeast(1), listvalidator.UniqueValues()}},
			"countries": schema.SetAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Countries of the store (ISO 3166-1 codes such as `DE`). " + notEmpty,
				Validators:          []validator.Set{setvalidator.SizeAtLeast(1)}},
			"distribution_channels": schema.ListAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Keys of the channels whose prices the store uses; each needs the `ProductDistribution` role. " + notEmpty,
				Validators:          []validator.List{listvalidator.SizeAtLeast(1), listvalidator.UniqueValues()}},
			"supply_channels": schema.ListAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Keys of the channels whose inventory the store uses; each needs the `InventorySupply` role. " + notEmpty,
				Validators:          []validator.List{listvalidator.SizeAtLeast(1), listvalidator.UniqueValues()}},
		},
		Blocks: map[string]schema.Block{
			"product_selection": schema.SetNestedBlock{
				MarkdownDescription: "A product selection of the store's assortment.",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"product_selection_id": schema.StringAttribute{Required: true, MarkdownDescription: "The id of the product selection."},
					"active":               schema.BoolAttribute{Required: true, MarkdownDescription: "Whether its products are part of the store's assortment."},
				}},
			},
			"custom":     customfields.Block("store"),
			"storefront": storefrontSchema(),
		},
	}, "store")
}

func channelRefs(l types.List) []ref {
	var out []ref
	for _, k := range flex.Strings(l) {
		out = append(out, ref{TypeID: "channel", Key: k})
	}
	return out
}

func selectionsOf(l []selectionModel) []selection {
	var out []selection
	for _, s := range l {
		out = append(out, selection{ProductSelection: ref{TypeID: "product-selection", ID: s.ID.ValueString()}, Active: s.Active.ValueBool()})
	}
	return out
}

func draftOf(ctx context.Context, c *client.Client, m *model) (any, diag.Diagnostics) {
	custom, diags := customfields.Draft(ctx, c, m.Custom)
	d := draft{Key: m.Key.ValueString(), Name: flex.Localized(m.Name), Languages: flex.Strings(m.Languages),
		DistributionChannels: channelRefs(m.DistributionChannels), SupplyChannels: channelRefs(m.SupplyChannels),
		ProductSelections: selectionsOf(m.ProductSelection), Custom: custom, Storefront: storefrontDraft(m.Storefront)}
	for _, cc := range flex.Strings(m.Countries) {
		d.Countries = append(d.Countries, country{Code: cc})
	}
	return d, diags
}

// channelKeys maps channel references to keys through the shared listing of channels, keeping
// the prior order when the set is the same.
func channelKeys(ctx context.Context, c *client.Client, refs []ref, prior types.List) (types.List, diag.Diagnostics) {
	var diags diag.Diagnostics
	if len(refs) == 0 {
		return types.ListNull(types.StringType), diags
	}
	keys := make([]string, 0, len(refs))
	for _, r := range refs {
		ch, err := channel.Endpoint.Read(ctx, c, r.ID)
		if err != nil {
			diags.AddError("Unable to read a channel of the store", fmt.Sprintf("The store refers to channel %s, which could not be read: %s", r.ID, err))
			return prior, diags
		}
		keys = append(keys, ch.Key)
	}
	if p := flex.Strings(prior); p != nil && updates.SameSet(p, keys) {
		return prior, diags
	}
	return flex.StringList(keys), diags
}

func flatten(ctx context.Context, c *client.Client, s *apiStore, m *model) diag.Diagnostics {
	var diags diag.Diagnostics
	m.Key = types.StringValue(s.Key)
	m.Name = flex.LocalizedValue(s.Name)
	m.Languages = types.ListNull(types.StringType)
	if len(s.Languages) > 0 {
		m.Languages = flex.StringList(s.Languages)
	}
	m.Countries = types.SetNull(types.StringType)
	if len(s.Countries) > 0 {
		codes := make([]string, len(s.Countries))
		for i, cc := range s.Countries {
			codes[i] = cc.Code
		}
		m.Countries = flex.StringSet(codes)
	}
	var d diag.Diagnostics
	m.DistributionChannels, d = channelKeys(ctx, c, s.DistributionChannels, m.DistributionChannels)
	diags.Append(d...)
	m.SupplyChannels, d = channelKeys(ctx, c, s.SupplyChannels, m.SupplyChannels)
	diags.Append(d...)
	m.ProductSelection = make([]selectionModel, 0, len(s.ProductSelections))
	for _, ps := range s.ProductSelections {
		m.ProductSelection = append(m.ProductSelection, selectionModel{ID: types.StringValue(ps.ProductSelection.ID), Active: types.BoolValue(ps.Active)})
	}
	m.Custom = customfields.Flatten(s.Custom, m.Custom)
	m.Storefront = flattenStorefront(ctx, s.Storefront, m.Storefront)
	return diags
}

// actions sends only what changed: languages as a whole (their order means something), and
// countries, channels and product selections element by element.
func actions(ctx context.Context, c *client.Client, from, to *model) ([]action, diag.Diagnostics) {
	var out []action
	if n := flex.Localized(to.Name); !flex.SameLocalized(n, flex.Localized(from.Name)) {
		out = append(out, updates.Act("setName", "name", n))
	}
	if l := flex.Strings(to.Languages); !slices.Equal(l, flex.Strings(from.Languages)) {
		out = append(out, updates.Act("setLanguages", "languages", l))
	}
	added, removed := updates.Set(flex.Strings(from.Countries), flex.Strings(to.Countries))
	for _, cc := range removed {
		out = append(out, updates.Act("removeCountry", "country", country{Code: cc}))
	}
	for _, cc := range added {
		out = append(out, updates.Act("addCountry", "country", country{Code: cc}))
	}
	for _, ch := range []struct {
		from, to types.List
		add, rm  string
		prop     string
	}{
		{from.DistributionChannels, to.DistributionChannels, "addDistributionChannel", "removeDistributionChannel", "distributionChannel"},
		{from.SupplyChannels, to.SupplyChannels, "addSupplyChannel", "removeSupplyChannel", "supplyChannel"},
	} {
		added, removed := updates.Set(flex.Strings(ch.from), flex.Strings(ch.to))
		for _, k := range removed {
			out = append(out, updates.Act(ch.rm, ch.prop, ref{TypeID: "channel", Key: k}))
		}
		for _, k := range added {
			out = append(out, updates.Act(ch.add, ch.prop, ref{TypeID: "channel", Key: k}))
		}
	}
	d := updates.Diff(from.ProductSelection, to.ProductSelection, func(s selectionModel) string { return s.ID.ValueString() })
	for _, s := range d.Removed {
		out = append(out, updates.Act("removeProductSelection", "productSelection", ref{TypeID: "product-selection", ID: s.ID.ValueString()}))
	}
	for _, s := range d.Added {
		out = append(out, updates.Act("addProductSelection", "productSelection", ref{TypeID: "product-selection", ID: s.ID.ValueString()}, "active", s.Active.ValueBool()))
	}
	for _, p := range d.Kept {
		if p.Old.Active.ValueBool() != p.New.Active.ValueBool() {
			out = append(out, updates.Act("changeProductSelectionActive", "productSelection", ref{TypeID: "product-selection", ID: p.New.ID.ValueString()}, "active", p.New.Active.ValueBool()))
		}
	}
	out = append(out, storefrontActions(from.Storefront, to.Storefront)...)
	custom, diags := customfields.JSONActions(ctx, c, from.Custom, to.Custom)
	return append(out, custom...), diags
}

var family = &versioned.Family[model, *model, apiStore, action]{
	TypeName: "store", Noun: "store", Endpoint: endpoint, Hint: framework.ScopesOf("stores"),
	Schema: resourceSchema, Draft: draftOf, Flatten: flatten, Actions: actions,
}

// NewResource returns the commercetools_store resource.
var NewResource = versioned.NewResource(family)

// NewDataSource returns the commercetools_store data source (by key).
var NewDataSource = versioned.NewDataSource(family)
