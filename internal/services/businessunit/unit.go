package businessunit

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/objectvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/address"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/customfields"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/planmod"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/unset"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

type storeModel struct {
	Key types.String `tfsdk:"key"`
}

type parentModel struct {
	ID  types.String `tfsdk:"id"`
	Key types.String `tfsdk:"key"`
}

// common is what companies and divisions share.
type common struct {
	versioned.Common
	Name                      types.String        `tfsdk:"name"`
	Status                    types.String        `tfsdk:"status"`
	ContactEmail              types.String        `tfsdk:"contact_email"`
	DefaultShippingAddressKey types.String        `tfsdk:"default_shipping_address_key"`
	DefaultBillingAddressKey  types.String        `tfsdk:"default_billing_address_key"`
	CustomerGroups            types.List          `tfsdk:"customer_groups"`
	Store                     []storeModel        `tfsdk:"store"`
	Address                   []address.Model     `tfsdk:"address"`
	Custom                    *customfields.Model `tfsdk:"custom"`
}

// companyModel keeps the incumbent's sets of address keys.
type companyModel struct {
	common
	ShippingAddressKeys types.Set `tfsdk:"shipping_address_keys"`
	BillingAddressKeys  types.Set `tfsdk:"billing_address_keys"`
}

// divisionModel keeps the incumbent's lists of address keys.
type divisionModel struct {
	common
	ShippingAddressKeys types.List   `tfsdk:"shipping_address_keys"`
	BillingAddressKeys  types.List   `tfsdk:"billing_address_keys"`
	StoreMode           types.String `tfsdk:"store_mode"`
	AssociateMode       types.String `tfsdk:"associate_mode"`
	ApprovalRuleMode    types.String `tfsdk:"approval_rule_mode"`
	ParentUnit          *parentModel `tfsdk:"parent_unit"`
}

func unitSchema(ctx context.Context, division bool) schema.Schema {
	kind := "Company"
	if division {
		kind = "Division"
	}
	keys := func(what string) schema.Attribute {
		desc := fmt.Sprintf("Keys of the addresses that are %s addresses (an address without a key is named by its id).", what)
		if division {
			return schema.ListAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: desc + " Their order means nothing.",
				Validators: []validator.List{listvalidator.UniqueValues()}, PlanModifiers: []planmodifier.List{planmod.SameSetKeepsState()}}
		}
		return schema.SetAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: desc}
	}
	attrs := map[string]schema.Attribute{
		"key": schema.StringAttribute{Required: true,
			MarkdownDescription: framework.KeyDescription("business unit") + " commercetools cannot change it: a change replaces the unit.",
			Validators:          framework.KeyValidators(),
			PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()}},
		"name": schema.StringAttribute{Required: true, MarkdownDescription: "Name of the unit.", Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
		"status": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("Active"),
			MarkdownDescription: "`Active` (default) or `Inactive` (its associates cannot order).",
			Validators:          []validator.String{stringvalidator.OneOf("Active", "Inactive")}},
		"contact_email":         schema.StringAttribute{Optional: true, MarkdownDescription: "Email address of the unit."},
		"shipping_address_keys": keys("shipping"),
		"billing_address_keys":  keys("billing"),
		"default_shipping_address_key": schema.StringAttribute{Optional: true,
			MarkdownDescription: "Key (or id) of the default shipping address; it is a shipping address too."},
		"default_billing_address_key": schema.StringAttribute{Optional: true,
			MarkdownDescription: "Key (or id) of the default billing address; it is a billing address too."},
		"customer_groups": schema.ListAttribute{Optional: true, ElementType: types.StringType,
			MarkdownDescription: "Keys of the customer groups the unit's carts get prices and discounts of.",
			Validators:          []validator.List{listvalidator.UniqueValues()}},
	}
	blocks := map[string]schema.Block{
		"store": schema.ListNestedBlock{
			MarkdownDescription: "A store the unit buys in (one block per store)" + map[bool]string{true: "; none with `store_mode = \"FromParent\"`.", false: "."}[division],
			NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
				"key": schema.StringAttribute{Required: true, MarkdownDescription: "The store's key.",
					Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
			}},
		},
		"address": address.ListBlock("The unit's addresses. Give each a `key`: the shipping and billing keys name addresses by it, " +
			"and a change then touches only that address. Addresses without a key (an import may bring them) are matched by position."),
		"custom": customfields.SingleBlock("business unit"),
	}
	if division {
		attrs["store_mode"] = schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("FromParent"),
			MarkdownDescription: "`FromParent` (default: the parent's stores) or `Explicit` (the `store` blocks).",
			Validators:          []validator.String{stringvalidator.OneOf("FromParent", "Explicit")}}
		attrs["associate_mode"] = schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("ExplicitAndFromParent"),
			MarkdownDescription: "`ExplicitAndFromParent` (default: its own associates and the parents' inherited ones) or `Explicit`.",
			Validators:          []validator.String{stringvalidator.OneOf("ExplicitAndFromParent", "Explicit")}}
		attrs["approval_rule_mode"] = schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("ExplicitAndFromParent"),
			MarkdownDescription: "`ExplicitAndFromParent` (default) or `Explicit`.",
			Validators:          []validator.String{stringvalidator.OneOf("ExplicitAndFromParent", "Explicit")}}
		blocks["parent_unit"] = schema.SingleNestedBlock{
			MarkdownDescription: "The parent unit, by `key` or by `id` (required). A change moves the division in place " +
				"(`changeParentUnit`): commercetools then recomputes the inherited stores and associates, with a delay.",
			Validators: []validator.Object{objectvalidator.IsRequired()},
			Attributes: map[string]schema.Attribute{
				"id": schema.StringAttribute{Optional: true, MarkdownDescription: "The parent's id. commercetools reports a " +
					"division's parent by key only, so an import fills `key`: a configuration that names the parent by id plans " +
					"one update after an import, which sends nothing.",
					Validators: []validator.String{stringvalidator.ExactlyOneOf(path.MatchRelative().AtParent().AtName("key")),
						unset.ZeroIsValue("one of id and key names the parent")}},
				"key": schema.StringAttribute{Optional: true, MarkdownDescription: "The parent's key.",
					Validators: []validator.String{unset.ZeroIsValue("one of id and key names the parent")}},
			},
		}
	}
	return versioned.WithCommon(ctx, schema.Schema{
		Version: 0, // the incumbent's
		MarkdownDescription: fmt.Sprintf("A [business unit](https://docs.commercetools.com/api/projects/business-units) of type %s. "+
			"Its associates are not managed here: use `commercetools_business_unit_associate` for those Terraform should own, "+
			"so that associates added in the storefront stay. Inherited stores and associates, which commercetools computes "+
			"with a delay, are not attributes and never plan a change.", kind),
		Attributes: attrs, Blocks: blocks,
	}, "business unit")
}

// view is a company or a division in one shape, for the mapping both share.
type view struct {
	*common
	division          bool
	shipping, billing []string
	storeMode         string
	associateMode     string
	approvalRuleMode  string
	parent            *parentModel
}

func (m *companyModel) view() view {
	return view{common: &m.common, shipping: flex.Strings(m.ShippingAddressKeys), billing: flex.Strings(m.BillingAddressKeys)}
}

func (m *divisionModel) view() view {
	return view{common: &m.common, division: true, shipping: flex.Strings(m.ShippingAddressKeys), billing: flex.Strings(m.BillingAddressKeys),
		storeMode: m.StoreMode.ValueString(), associateMode: m.AssociateMode.ValueString(), approvalRuleMode: m.ApprovalRuleMode.ValueString(),
		parent: m.ParentUnit}
}

// nameOf is how an address is named in the key lists: its key, or its id without one.
func nameOf(a address.Model) string {
	if k := a.Key.ValueString(); k != "" {
		return k
	}
	return a.ID.ValueString()
}

func storeKeys(l []storeModel) []string {
	out := make([]string, 0, len(l))
	for _, s := range l {
		if k := s.Key.ValueString(); k != "" {
			out = append(out, k)
		}
	}
	return out
}

func storeRefs(keys []string) []ref {
	out := make([]ref, 0, len(keys))
	for _, k := range keys {
		out = append(out, ref{TypeID: "store", Key: k})
	}
	return out
}

func groupRefs(keys []string) []groupAssignment {
	out := make([]groupAssignment, 0, len(keys))
	for _, k := range keys {
		out = append(out, groupAssignment{CustomerGroup: ref{TypeID: "customer-group", Key: k}})
	}
	return out
}

func parentRef(p *parentModel) *ref {
	if p == nil {
		return nil
	}
	if k := p.Key.ValueString(); k != "" {
		return &ref{TypeID: "business-unit", Key: k}
	}
	return &ref{TypeID: "business-unit", ID: p.ID.ValueString()}
}

func draftOfView(ctx context.Context, c *client.Client, v view) (any, diag.Diagnostics) {
	custom, diags := customfields.Draft(ctx, c, customfields.List(v.Custom))
	d := draft{Key: v.Key.ValueString(), UnitType: "Company", Name: v.Name.ValueString(), ContactEmail: flex.String(v.ContactEmail),
		Status: v.Status.ValueString(), Stores: storeRefs(storeKeys(v.Store)), Custom: custom,
		CustomerGroupAssignments: groupRefs(flex.Strings(v.CustomerGroups))}
	if v.division {
		d.UnitType, d.ParentUnit = "Division", parentRef(v.parent)
		d.StoreMode, d.AssociateMode, d.ApprovalRuleMode = v.storeMode, v.associateMode, v.approvalRuleMode
	} else {
		d.StoreMode, d.AssociateMode, d.ApprovalRuleMode = "Explicit", "Explicit", "Explicit"
	}
	index := map[string]int{}
	for i, a := range v.Address {
		d.Addresses = append(d.Addresses, address.DraftOne(a))
		if k := a.Key.ValueString(); k != "" {
			index[k] = i
		}
	}
	at := func(name string) *int {
		if i, ok := index[name]; ok {
			return &i
		}
		return nil
	}
	for _, k := range v.shipping {
		if i := at(k); i != nil {
			d.ShippingAddresses = append(d.ShippingAddresses, *i)
		}
	}
	for _, k := range v.billing {
		if i := at(k); i != nil {
			d.BillingAddresses = append(d.BillingAddresses, *i)
		}
	}
	d.DefaultShippingAddress, d.DefaultBillingAddress = at(v.DefaultShippingAddressKey.ValueString()), at(v.DefaultBillingAddressKey.ValueString())
	return d, diags
}

// flattenView copies the API's unit into v's common part and returns the key lists.
func flattenView(ctx context.Context, c *client.Client, u *unit, v view) (shipping, billing []string, diags diag.Diagnostics) {
	want := map[bool]string{true: "Division", false: "Company"}[v.division]
	if u.UnitType != "" && u.UnitType != want {
		diags.AddError(fmt.Sprintf("Business unit %q is a %s", u.Key, u.UnitType),
			fmt.Sprintf("The business unit %q is a %s, not a %s: manage it with commercetools_business_unit_%s.", u.Key, u.UnitType, want,
				map[string]string{"Company": "company", "Division": "division"}[u.UnitType]))
		return nil, nil, diags
	}
	m := v.common
	m.Key = types.StringValue(u.Key)
	m.Name = types.StringValue(u.Name)
	m.Status = types.StringValue(u.Status)
	m.ContactEmail = flex.Optional(u.ContactEmail)
	m.Address = flattenAddresses(u.Addresses, m.Address)
	names := map[string]string{}
	for _, a := range m.Address {
		names[a.ID.ValueString()] = nameOf(a)
	}
	rename := func(ids []string) []string {
		out := make([]string, 0, len(ids))
		for _, id := range ids {
			if n, ok := names[id]; ok {
				out = append(out, n)
			}
		}
		return out
	}
	shipping, billing = rename(u.ShippingAddressIds), rename(u.BillingAddressIds)
	m.DefaultShippingAddressKey, m.DefaultBillingAddressKey = types.StringNull(), types.StringNull()
	if u.DefaultShippingAddressID != nil {
		m.DefaultShippingAddressKey = flex.NonEmpty(names[*u.DefaultShippingAddressID])
	}
	if u.DefaultBillingAddressID != nil {
		m.DefaultBillingAddressKey = flex.NonEmpty(names[*u.DefaultBillingAddressID])
	}
	keys := make([]string, 0, len(u.Stores))
	for _, s := range u.Stores {
		keys = append(keys, s.Key)
	}
	m.Store = make([]storeModel, 0, len(keys))
	for _, k := range keys {
		m.Store = append(m.Store, storeModel{Key: types.StringValue(k)})
	}
	m.CustomerGroups, diags = flattenGroups(ctx, c, u.CustomerGroupAssignments, m.CustomerGroups)
	m.Custom = customfields.Single(customfields.Flatten(u.Custom, customfields.List(m.Custom)))
	return shipping, billing, diags
}

// groupKeys reads customer group keys by id.
var groupKeys = &client.Endpoint[struct {
	ID      string `json:"id"`
	Key     string `json:"key"`
	Version int64  `json:"version"`
}, action]{Path: "customer-groups", Noun: "customer group", Meta: func(g *struct {
	ID      string `json:"id"`
	Key     string `json:"key"`
	Version int64  `json:"version"`
}) client.Meta {
	return client.Meta{ID: g.ID, Key: g.Key, Version: g.Version}
}}

// flattenGroups renders the customer group assignments as keys. commercetools returns them by
// id: the configured keys are kept while as many groups are assigned; otherwise (an import, a
// change outside Terraform) each id is looked up.
func flattenGroups(ctx context.Context, c *client.Client, l []groupAssignment, prior types.List) (types.List, diag.Diagnostics) {
	if len(l) == 0 {
		return types.ListNull(types.StringType), nil
	}
	if flex.Known(prior) && len(prior.Elements()) == len(l) {
		return prior, nil
	}
	var diags diag.Diagnostics
	keys := make([]string, 0, len(l))
	for _, g := range l {
		if g.CustomerGroup.Key != "" {
			keys = append(keys, g.CustomerGroup.Key)
			continue
		}
		got, err := groupKeys.Get(ctx, c, client.ByID(g.CustomerGroup.ID))
		if err != nil {
			diags.AddError("Unable to read customer group "+g.CustomerGroup.ID, err.Error())
			return prior, diags
		}
		keys = append(keys, got.Key)
	}
	return flex.StringList(keys), diags
}

// match pairs addresses: by key, those without a key by position.
func match(from, to []address.Model) []int {
	return updates.MatchByKey(from, to, func(a address.Model) string { return a.Key.ValueString() })
}

// flattenAddresses renders the API's addresses in the prior order (commercetools keeps its own
// order and has no action to change it, so the order means nothing): each prior address finds
// its own by key, or by id without a key; the others follow in the API's order.
func flattenAddresses(l []platform.Address, prior []address.Model) []address.Model {
	out := make([]address.Model, 0, len(l))
	used := make([]bool, len(l))
	take := func(i int, p *address.Model) {
		used[i] = true
		m := address.FlattenOne(l[i])
		if p != nil && address.SameOne(*p, m) {
			// Keep "" where the incumbent stored it for unset fields: SameOne treats them alike.
			id := m.ID
			m = *p
			m.ID = id
		}
		out = append(out, m)
	}
	for pi := range prior {
		p := &prior[pi]
		for i, a := range l {
			if used[i] {
				continue
			}
			key := ""
			if a.Key != nil {
				key = *a.Key
			}
			if (p.Key.ValueString() != "" && key == p.Key.ValueString()) ||
				(p.Key.ValueString() == "" && key == "" && a.ID != nil && flex.Known(p.ID) && *a.ID == p.ID.ValueString()) {
				take(i, p)
				break
			}
		}
	}
	for i := range l {
		if !used[i] {
			take(i, nil)
		}
	}
	return out
}

// sameNames compares two name lists as sets.
func sameNames(a, b []string) bool { return updates.SameSet(a, b) }

func addressRef(name string, byName map[string]address.Model) (string, string) {
	if a, ok := byName[name]; ok && a.Key.ValueString() == "" {
		return "addressId", a.ID.ValueString()
	}
	return "addressKey", name
}

func actionsOfView(ctx context.Context, c *client.Client, from, to view) ([]action, diag.Diagnostics) {
	var out []action
	if n := to.Name.ValueString(); n != from.Name.ValueString() {
		out = append(out, action{"action": "changeName", "name": n})
	}
	if e := to.ContactEmail.ValueString(); e != from.ContactEmail.ValueString() {
		out = append(out, updates.Act("setContactEmail", "contactEmail", flex.String(to.ContactEmail)))
	}
	if s := to.Status.ValueString(); s != from.Status.ValueString() {
		out = append(out, action{"action": "changeStatus", "status": s})
	}
	if to.division {
		if p := parentRef(to.parent); !sameParent(from.parent, to.parent) {
			out = append(out, action{"action": "changeParentUnit", "parentUnit": p})
		}
	}
	// Stores (with the store mode of a division).
	fromStores, toStores := storeKeys(from.Store), storeKeys(to.Store)
	if to.division && to.storeMode != from.storeMode {
		a := action{"action": "setStoreMode", "storeMode": to.storeMode}
		if to.storeMode == "Explicit" {
			a["stores"] = storeRefs(toStores)
		}
		out = append(out, a)
	} else if added, removed := updates.Set(fromStores, toStores); len(added)+len(removed) > 0 {
		if len(fromStores) == 0 || len(toStores) == 0 {
			out = append(out, action{"action": "setStores", "stores": storeRefs(toStores)})
		} else {
			for _, k := range removed {
				out = append(out, action{"action": "removeStore", "store": ref{TypeID: "store", Key: k}})
			}
			for _, k := range added {
				out = append(out, action{"action": "addStore", "store": ref{TypeID: "store", Key: k}})
			}
		}
	}
	if to.division && to.associateMode != from.associateMode {
		out = append(out, action{"action": "changeAssociateMode", "associateMode": to.associateMode})
	}
	if to.division && to.approvalRuleMode != from.approvalRuleMode {
		out = append(out, action{"action": "changeApprovalRuleMode", "approvalRuleMode": to.approvalRuleMode})
	}
	out = append(out, addressActions(from, to)...)
	if g := flex.Strings(to.CustomerGroups); !slices.Equal(flex.Strings(from.CustomerGroups), g) {
		out = append(out, action{"action": "setCustomerGroupAssignments", "customerGroupAssignments": groupRefs(g)})
	}
	custom, diags := customfields.JSONActions(ctx, c, customfields.List(from.Custom), customfields.List(to.Custom))
	return append(out, custom...), diags
}

func sameParent(a, b *parentModel) bool {
	if a == nil || b == nil {
		return a == b
	}
	if b.Key.ValueString() != "" {
		return a.Key.ValueString() == b.Key.ValueString()
	}
	return a.ID.ValueString() == b.ID.ValueString()
}

// addressActions: the shipping and billing marks of addresses that lose them go first, then
// removed, added and changed addresses, then the new marks and defaults, each address named by
// its key (by its id without one).
func addressActions(from, to view) []action {
	var out []action
	byName := map[string]address.Model{}
	for _, a := range from.Address {
		byName[nameOf(a)] = a
	}
	for _, l := range []struct {
		name     string
		old, new []string
	}{{"ShippingAddressId", from.shipping, to.shipping}, {"BillingAddressId", from.billing, to.billing}} {
		_, removed := updates.Set(l.old, l.new)
		for _, n := range removed {
			if _, ok := byName[n]; ok {
				field, value := addressRef(n, byName)
				out = append(out, action{"action": "remove" + l.name, field: value})
			}
		}
	}
	pairs := match(from.Address, to.Address)
	kept := make([]bool, len(from.Address))
	for _, j := range pairs {
		if j >= 0 {
			kept[j] = true
		}
	}
	for j, a := range from.Address {
		if !kept[j] {
			out = append(out, action{"action": "removeAddress", "addressId": a.ID.ValueString()})
		}
	}
	for i, a := range to.Address {
		j := pairs[i]
		switch {
		case j < 0:
			out = append(out, action{"action": "addAddress", "address": address.DraftOne(a)})
		case !address.SameOne(from.Address[j], a):
			out = append(out, action{"action": "changeAddress", "addressId": from.Address[j].ID.ValueString(), "address": address.DraftOne(a)})
		}
	}
	for _, l := range []struct {
		name     string
		old, new []string
	}{{"ShippingAddressId", from.shipping, to.shipping}, {"BillingAddressId", from.billing, to.billing}} {
		added, _ := updates.Set(l.old, l.new)
		for _, n := range added {
			field, value := addressRef(n, byName)
			out = append(out, action{"action": "add" + l.name, field: value})
		}
	}
	for _, d := range []struct {
		name, mark string
		old, new   types.String
		kept       []string
	}{{"setDefaultShippingAddress", "ShippingAddressId", from.DefaultShippingAddressKey, to.DefaultShippingAddressKey, to.shipping},
		{"setDefaultBillingAddress", "BillingAddressId", from.DefaultBillingAddressKey, to.DefaultBillingAddressKey, to.billing}} {
		if d.old.ValueString() == d.new.ValueString() {
			continue
		}
		if n := d.new.ValueString(); n != "" {
			field, value := addressRef(n, byName)
			out = append(out, action{"action": d.name, field: value})
			continue
		}
		// commercetools has no action that only unsets a default: the address loses its mark
		// (which unsets the default) and gets it back, unless it lost it above or went away.
		if old := d.old.ValueString(); slices.Contains(d.kept, old) {
			if _, ok := byName[old]; ok {
				field, value := addressRef(old, byName)
				out = append(out, action{"action": "remove" + d.mark, field: value}, action{"action": "add" + d.mark, field: value})
			}
		}
	}
	return out
}

func validateView(v view) diag.Diagnostics {
	var diags diag.Diagnostics
	known := map[string]bool{}
	for _, a := range v.Address {
		if k := a.Key.ValueString(); k != "" {
			if known[k] {
				diags.AddAttributeError(path.Root("address"), "Address key used twice", fmt.Sprintf("Two addresses have the key %q.", k))
			}
			known[k] = true
		}
	}
	for _, d := range []struct {
		attr, list string
		def        types.String
		names      []string
	}{{"default_shipping_address_key", "shipping_address_keys", v.DefaultShippingAddressKey, v.shipping},
		{"default_billing_address_key", "billing_address_keys", v.DefaultBillingAddressKey, v.billing}} {
		if flex.Known(d.def) && d.def.ValueString() != "" && d.names != nil && !slices.Contains(d.names, d.def.ValueString()) {
			diags.AddAttributeError(path.Root(d.attr), "Default address not in the list",
				fmt.Sprintf("%s %q must also be in %s (commercetools adds it there).", d.attr, d.def.ValueString(), d.list))
		}
	}
	// Address keys the key lists name must be keys of address blocks (a key of an address
	// that no block declares would be dropped by commercetools, and the plan never met).
	if len(known) > 0 && len(known) == len(v.Address) {
		for _, l := range []struct {
			attr  string
			names []string
			def   types.String
		}{{"shipping_address_keys", v.shipping, v.DefaultShippingAddressKey}, {"billing_address_keys", v.billing, v.DefaultBillingAddressKey}} {
			names := l.names
			if d := l.def.ValueString(); flex.Known(l.def) && d != "" {
				names = append(slices.Clone(names), d)
			}
			for _, k := range names {
				if !known[k] {
					diags.AddAttributeError(path.Root(l.attr), "No address with this key",
						fmt.Sprintf("%s names %q, but no address block has that key; the keys are %s.", l.attr, k, strings.Join(slices.Sorted(maps.Keys(known)), ", ")))
				}
			}
		}
	}
	if v.division && (v.storeMode == "FromParent" || v.storeMode == "") && len(v.Store) > 0 {
		diags.AddAttributeError(path.Root("store"), "Stores with store_mode FromParent",
			"A division with store_mode = \"FromParent\" (the default) has its parent's stores: remove the store blocks or set store_mode = \"Explicit\".")
	}
	return diags
}
