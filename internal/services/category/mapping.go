package category

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/customfields"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// orderHintPattern is a decimal strictly between 0 and 1.
var orderHintPattern = regexp.MustCompile(`^0?\.[0-9]*[1-9][0-9]*$`)

// parentPlan plans the parent's id: with parent_key unchanged, the id in state; with a new
// parent_key, unknown; with neither, none (a root).
type parentPlan struct{}

func (parentPlan) Description(context.Context) string {
	return "Plans the parent id from parent_key, or none for a root category."
}

func (m parentPlan) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (parentPlan) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if !req.ConfigValue.IsNull() {
		return
	}
	// parent_key as configured: its planned value may not be worked out yet (it is computed, see
	// package unset), and null and "" both mean no key.
	var planKey, stateKey types.String
	req.Config.GetAttribute(ctx, path.Root("parent_key"), &planKey)
	if planKey.IsNull() || planKey.ValueString() == "" && !planKey.IsUnknown() {
		// No parent: a root category keeps its unset prior form ("" or null, package unset).
		if !req.State.Raw.IsNull() && req.StateValue.ValueString() == "" {
			resp.PlanValue = req.StateValue
			return
		}
		resp.PlanValue = types.StringNull()
		return
	}
	if !req.State.Raw.IsNull() {
		req.State.GetAttribute(ctx, path.Root("parent_key"), &stateKey)
		if stateKey.Equal(planKey) && !req.StateValue.IsNull() {
			resp.PlanValue = req.StateValue
			return
		}
	}
	resp.PlanValue = types.StringUnknown()
}

// becomesRoot replaces a category whose parent is removed: commercetools has no action that
// makes a category a root again.
func becomesRoot(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	if req.State.Raw.IsNull() || req.StateValue.ValueString() == "" {
		return
	}
	var planKey types.String
	req.Config.GetAttribute(ctx, path.Root("parent_key"), &planKey)
	resp.RequiresReplace = req.PlanValue.ValueString() == "" && !req.PlanValue.IsUnknown() && planKey.ValueString() == "" && !planKey.IsUnknown()
}

func sourcesDraft(l []sourceModel) []source {
	out := make([]source, 0, len(l))
	for _, s := range l {
		src := source{URI: s.URI.ValueString(), Key: flex.String(s.Key), ContentType: flex.String(s.ContentType)}
		if len(s.Dimensions) == 1 {
			src.Dimensions = &dimensions{W: s.Dimensions[0].W.ValueInt64(), H: s.Dimensions[0].H.ValueInt64()}
		}
		out = append(out, src)
	}
	return out
}

func assetDraft(a assetModel) asset {
	return asset{Key: flex.String(a.Key), Name: flex.Localized(a.Name), Description: flex.Localized(a.Description),
		Sources: sourcesDraft(a.Sources), Tags: flex.Strings(a.Tags)}
}

func draftOf(ctx context.Context, c *client.Client, m *model) (any, diag.Diagnostics) {
	custom, diags := customfields.Draft(ctx, c, m.Custom)
	d := draft{Key: flex.String(m.Key), Name: flex.Localized(m.Name), Slug: flex.Localized(m.Slug), Description: flex.Localized(m.Description),
		MetaTitle: flex.Localized(m.MetaTitle), MetaDescription: flex.Localized(m.MetaDescription), MetaKeywords: flex.Localized(m.MetaKeywords),
		Parent: parentRef(m), OrderHint: flex.String(m.OrderHint), ExternalID: flex.String(m.ExternalID), Custom: custom}
	for _, a := range m.Assets {
		d.Assets = append(d.Assets, assetDraft(a))
	}
	return d, diags
}

func parentRef(m *model) *ref {
	if k := m.ParentKey.ValueString(); k != "" {
		return &ref{TypeID: "category", Key: k}
	}
	if id := m.Parent.ValueString(); flex.Known(m.Parent) && id != "" {
		return &ref{TypeID: "category", ID: id}
	}
	return nil
}

// match pairs assets of two lists: by key, and assets without a key by position.
func match(from, to []assetModel) []int {
	return updates.MatchByKey(from, to, func(a assetModel) string { return a.Key.ValueString() })
}

func flattenAssets(l []asset, prior []assetModel) []assetModel {
	out := make([]assetModel, 0, len(l))
	tmp := make([]assetModel, len(l))
	for i, a := range l {
		tmp[i] = assetModel{Key: flex.Optional(a.Key)}
	}
	pairs := match(prior, tmp)
	for i, a := range l {
		var p assetModel
		if pairs[i] >= 0 {
			p = prior[pairs[i]]
		}
		m := assetModel{ID: types.StringValue(a.ID), Key: flex.Optional(a.Key), Name: flex.LocalizedValue(a.Name),
			Description: flex.LocalizedValue(a.Description), Tags: types.ListNull(types.StringType), Sources: make([]sourceModel, 0, len(a.Sources))}
		if len(a.Tags) > 0 || (!p.Tags.IsNull() && len(p.Tags.Elements()) == 0) {
			m.Tags = flex.StringList(a.Tags)
		}
		for _, s := range a.Sources {
			sm := sourceModel{URI: types.StringValue(s.URI), Key: flex.Optional(s.Key), ContentType: flex.Optional(s.ContentType),
				Dimensions: []dimensionsModel{}}
			if s.Dimensions != nil {
				sm.Dimensions = []dimensionsModel{{W: types.Int64Value(s.Dimensions.W), H: types.Int64Value(s.Dimensions.H)}}
			}
			m.Sources = append(m.Sources, sm)
		}
		out = append(out, m)
	}
	return out
}

func flatten(_ context.Context, _ *client.Client, c *category, m *model) diag.Diagnostics {
	m.Key = flex.Optional(c.Key)
	m.Name = flex.LocalizedValue(c.Name)
	m.Slug = flex.LocalizedValue(c.Slug)
	m.Description = flex.LocalizedValue(c.Description)
	m.MetaTitle = flex.LocalizedValue(c.MetaTitle)
	m.MetaDescription = flex.LocalizedValue(c.MetaDescription)
	m.MetaKeywords = flex.LocalizedValue(c.MetaKeywords)
	m.Parent = types.StringNull()
	if c.Parent != nil && c.Parent.ID != "" {
		m.Parent = types.StringValue(c.Parent.ID)
	}
	if c.Parent == nil {
		m.ParentKey = types.StringNull()
	}
	m.OrderHint = flex.NonEmpty(c.OrderHint)
	m.ExternalID = flex.Optional(c.ExternalID)
	m.Assets = flattenAssets(c.Assets, m.Assets)
	m.Custom = customfields.Flatten(c.Custom, m.Custom)
	return nil
}

// assetActions changes only what differs: removed assets, the order of those kept, added ones
// at their place, and the fields of changed ones; each addressed by its id.
func assetActions(from, to []assetModel) []action {
	pairs := match(from, to)
	kept := make([]bool, len(from))
	for _, j := range pairs {
		if j >= 0 {
			kept[j] = true
		}
	}
	var out []action
	for j, a := range from {
		if !kept[j] {
			out = append(out, action{"action": "removeAsset", "assetId": a.ID.ValueString()})
		}
	}
	// The kept assets in their new order, if it changed.
	var order, before []string
	for j, a := range from {
		if kept[j] {
			before = append(before, a.ID.ValueString())
		}
	}
	for _, j := range pairs {
		if j >= 0 {
			order = append(order, from[j].ID.ValueString())
		}
	}
	if !updates.SameJSON(order, before) {
		out = append(out, action{"action": "changeAssetOrder", "assetOrder": order})
	}
	for i, a := range to {
		j := pairs[i]
		if j < 0 {
			out = append(out, action{"action": "addAsset", "asset": assetDraft(a), "position": i})
			continue
		}
		id, f := from[j].ID.ValueString(), from[j]
		if n := flex.Localized(a.Name); !flex.SameLocalized(flex.Localized(f.Name), n) {
			out = append(out, action{"action": "changeAssetName", "assetId": id, "name": n})
		}
		if d := flex.Localized(a.Description); !flex.SameLocalized(flex.Localized(f.Description), d) {
			out = append(out, updates.Act("setAssetDescription", "assetId", id, "description", d))
		}
		if s := sourcesDraft(a.Sources); !updates.SameJSON(sourcesDraft(f.Sources), s) {
			out = append(out, action{"action": "setAssetSources", "assetId": id, "sources": s})
		}
		if t, ft := flex.Strings(a.Tags), flex.Strings(f.Tags); len(t)+len(ft) > 0 && !updates.SameJSON(ft, t) {
			out = append(out, updates.Act("setAssetTags", "assetId", id, "tags", t))
		}
		if k := a.Key.ValueString(); k != f.Key.ValueString() {
			out = append(out, updates.Act("setAssetKey", "assetId", id, "assetKey", flex.String(a.Key)))
		}
	}
	return out
}

func localizedAction(out []action, name, field string, from, to types.Map) []action {
	if v := flex.Localized(to); !flex.SameLocalized(flex.Localized(from), v) {
		return append(out, updates.Act(name, field, v))
	}
	return out
}

func actions(ctx context.Context, c *client.Client, from, to *model) ([]action, diag.Diagnostics) {
	var out []action
	if n := flex.Localized(to.Name); !flex.SameLocalized(flex.Localized(from.Name), n) {
		out = append(out, action{"action": "changeName", "name": n})
	}
	if s := flex.Localized(to.Slug); !flex.SameLocalized(flex.Localized(from.Slug), s) {
		out = append(out, action{"action": "changeSlug", "slug": s})
	}
	out = localizedAction(out, "setDescription", "description", from.Description, to.Description)
	out = localizedAction(out, "setMetaTitle", "metaTitle", from.MetaTitle, to.MetaTitle)
	out = localizedAction(out, "setMetaDescription", "metaDescription", from.MetaDescription, to.MetaDescription)
	out = localizedAction(out, "setMetaKeywords", "metaKeywords", from.MetaKeywords, to.MetaKeywords)
	if k := to.Key.ValueString(); k != from.Key.ValueString() {
		out = append(out, updates.Act("setKey", "key", flex.String(to.Key)))
	}
	switch {
	case to.ParentKey.ValueString() != "" || to.ParentKey.IsUnknown():
		if to.ParentKey.ValueString() != from.ParentKey.ValueString() {
			out = append(out, action{"action": "changeParent", "parent": parentRef(to)})
		}
	case flex.Known(to.Parent) && to.Parent.ValueString() != from.Parent.ValueString():
		out = append(out, action{"action": "changeParent", "parent": parentRef(to)})
	}
	if h := to.OrderHint.ValueString(); flex.Known(to.OrderHint) && h != "" && h != from.OrderHint.ValueString() {
		out = append(out, action{"action": "changeOrderHint", "orderHint": h})
	}
	if e := to.ExternalID.ValueString(); e != from.ExternalID.ValueString() {
		out = append(out, updates.Act("setExternalId", "externalId", flex.String(to.ExternalID)))
	}
	out = append(out, assetActions(from.Assets, to.Assets)...)
	custom, diags := customfields.JSONActions(ctx, c, from.Custom, to.Custom)
	return append(out, custom...), diags
}

var family = &versioned.Family[model, *model, category, action]{
	TypeName: "category", Noun: "category", Endpoint: endpoint, Hint: framework.ScopesOf("categories", "products"),
	Schema: resourceSchema, Draft: draftOf, Flatten: flatten, Actions: actions,
}

// NewResource returns the commercetools_category resource.
var NewResource = versioned.NewResource(family)

// NewDataSource returns the commercetools_category data source (by key).
var NewDataSource = versioned.NewDataSource(family)
