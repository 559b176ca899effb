package shipping

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/customfields"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// zoneModel is the state of commercetools_shipping_zone.
type zoneModel struct {
	versioned.Common
	Name        types.String    `tfsdk:"name"`
	Description types.String    `tfsdk:"description"`
	Location    []locationModel `tfsdk:"location"`
}

type locationModel struct {
	Country types.String `tfsdk:"country"`
	State   types.String `tfsdk:"state"`
}

// nonEmpty is the value for a set… action or a draft: nil for null or "".
func nonEmpty(v types.String) *string {
	if !flex.Known(v) || v.ValueString() == "" {
		return nil
	}
	s := v.ValueString()
	return &s
}

func (l locationModel) api() location {
	return location{Country: l.Country.ValueString(), State: nonEmpty(l.State)}
}

func locationKey(l locationModel) string {
	return l.Country.ValueString() + "/" + l.State.ValueString()
}

func zoneDraftOf(_ context.Context, _ *client.Client, m *zoneModel) (any, diag.Diagnostics) {
	d := zoneDraft{Key: nonEmpty(m.Key), Name: m.Name.ValueString(), Description: nonEmpty(m.Description), Locations: []location{}}
	for _, l := range m.Location {
		d.Locations = append(d.Locations, l.api())
	}
	return d, nil
}

func flattenZone(_ context.Context, _ *client.Client, z *zone, m *zoneModel) diag.Diagnostics {
	m.Key = flex.Optional(z.Key)
	m.Name = types.StringValue(z.Name)
	m.Description = flex.Optional(z.Description)
	m.Location = make([]locationModel, 0, len(z.Locations))
	for _, l := range z.Locations {
		m.Location = append(m.Location, locationModel{Country: types.StringValue(l.Country), State: flex.Optional(l.State)})
	}
	return nil
}

func zoneActions(_ context.Context, _ *client.Client, from, to *zoneModel) ([]action, diag.Diagnostics) {
	var out []action
	if to.Name.ValueString() != from.Name.ValueString() {
		out = append(out, act("changeName", "name", to.Name.ValueString()))
	}
	if to.Key.ValueString() != from.Key.ValueString() {
		out = append(out, act("setKey", "key", nonEmpty(to.Key)))
	}
	if to.Description.ValueString() != from.Description.ValueString() {
		out = append(out, act("setDescription", "description", nonEmpty(to.Description)))
	}
	d := updates.Diff(from.Location, to.Location, locationKey)
	for _, l := range d.Removed {
		out = append(out, act("removeLocation", "location", l.api()))
	}
	for _, l := range d.Added {
		out = append(out, act("addLocation", "location", l.api()))
	}
	return out, nil
}

// methodModel is the state of commercetools_shipping_method.
type methodModel struct {
	versioned.Common
	Name                 types.String         `tfsdk:"name"`
	Description          types.String         `tfsdk:"description"`
	LocalizedName        types.Map            `tfsdk:"localized_name"`
	LocalizedDescription types.Map            `tfsdk:"localized_description"`
	TaxCategoryID        types.String         `tfsdk:"tax_category_id"`
	Active               types.Bool           `tfsdk:"active"`
	IsDefault            types.Bool           `tfsdk:"is_default"`
	Predicate            types.String         `tfsdk:"predicate"`
	Carrier              types.String         `tfsdk:"carrier"`
	Stores               types.Set            `tfsdk:"stores"`
	Custom               []customfields.Model `tfsdk:"custom"`
}

// storeRefs names stores by key.
func storeRefs(keys []string) []ref {
	out := make([]ref, 0, len(keys))
	for _, k := range keys {
		out = append(out, ref{TypeID: "store", Key: k})
	}
	return out
}

func methodDraftOf(ctx context.Context, c *client.Client, m *methodModel) (any, diag.Diagnostics) {
	custom, diags := customfields.Draft(ctx, c, m.Custom)
	return methodDraft{
		Key: nonEmpty(m.Key), Name: m.Name.ValueString(), Description: nonEmpty(m.Description),
		LocalizedName: flex.Localized(m.LocalizedName), LocalizedDescription: flex.Localized(m.LocalizedDescription),
		TaxCategory: ref{TypeID: "tax-category", ID: m.TaxCategoryID.ValueString()}, ZoneRates: []zoneRate{},
		Active: flex.Bool(m.Active), IsDefault: m.IsDefault.ValueBool(), Predicate: nonEmpty(m.Predicate), Carrier: nonEmpty(m.Carrier), Custom: custom,
		Stores: storeRefs(flex.Strings(m.Stores)),
	}, diags
}

func flattenMethod(_ context.Context, _ *client.Client, s *shippingMethod, m *methodModel) diag.Diagnostics {
	m.Key = flex.Optional(s.Key)
	m.Name = types.StringValue(s.Name)
	m.Description = flex.Optional(s.Description)
	m.LocalizedName = flex.LocalizedValue(s.LocalizedName)
	m.LocalizedDescription = flex.LocalizedValue(s.LocalizedDescription)
	m.TaxCategoryID = types.StringValue(s.TaxCategory.ID)
	m.Active = types.BoolValue(s.Active)
	m.IsDefault = types.BoolValue(s.IsDefault)
	m.Predicate = flex.Optional(s.Predicate)
	m.Carrier = flex.Optional(s.Carrier)
	m.Stores = types.SetNull(types.StringType)
	if len(s.Stores) > 0 {
		keys := make([]string, len(s.Stores))
		for i, r := range s.Stores {
			keys[i] = r.Key
		}
		m.Stores = flex.StringSet(keys)
	}
	m.Custom = customfields.Flatten(s.Custom, m.Custom)
	return nil
}

func methodActions(ctx context.Context, c *client.Client, from, to *methodModel) ([]action, diag.Diagnostics) {
	var out []action
	str := func(v types.String) string { return v.ValueString() }
	if str(to.Name) != str(from.Name) {
		out = append(out, act("changeName", "name", str(to.Name)))
	}
	if str(to.Key) != str(from.Key) {
		out = append(out, act("setKey", "key", nonEmpty(to.Key)))
	}
	if str(to.Description) != str(from.Description) {
		out = append(out, act("setDescription", "description", nonEmpty(to.Description)))
	}
	if n := flex.Localized(to.LocalizedName); !flex.SameLocalized(n, flex.Localized(from.LocalizedName)) {
		out = append(out, act("setLocalizedName", "localizedName", n))
	}
	if n := flex.Localized(to.LocalizedDescription); !flex.SameLocalized(n, flex.Localized(from.LocalizedDescription)) {
		out = append(out, act("setLocalizedDescription", "localizedDescription", n))
	}
	if str(to.TaxCategoryID) != str(from.TaxCategoryID) {
		out = append(out, act("changeTaxCategory", "taxCategory", ref{TypeID: "tax-category", ID: str(to.TaxCategoryID)}))
	}
	if to.Active.ValueBool() != from.Active.ValueBool() {
		out = append(out, act("changeActive", "active", to.Active.ValueBool()))
	}
	if to.IsDefault.ValueBool() != from.IsDefault.ValueBool() {
		out = append(out, act("changeIsDefault", "isDefault", to.IsDefault.ValueBool()))
	}
	if str(to.Predicate) != str(from.Predicate) {
		out = append(out, act("setPredicate", "predicate", nonEmpty(to.Predicate)))
	}
	if str(to.Carrier) != str(from.Carrier) {
		out = append(out, act("setCarrier", "carrier", nonEmpty(to.Carrier)))
	}
	// Stores one by one; all of them at once where one side has none.
	fromStores, toStores := flex.Strings(from.Stores), flex.Strings(to.Stores)
	added, removed := updates.Set(fromStores, toStores)
	switch {
	case len(added)+len(removed) == 0:
	case len(fromStores) == 0 || len(toStores) == 0:
		out = append(out, act("setStores", "stores", storeRefs(toStores)))
	default:
		for _, k := range removed {
			out = append(out, act("removeStore", "store", ref{TypeID: "store", Key: k}))
		}
		for _, k := range added {
			out = append(out, act("addStore", "store", ref{TypeID: "store", Key: k}))
		}
	}
	custom, diags := customfields.JSONActions(ctx, c, from.Custom, to.Custom)
	return append(out, custom...), diags
}

// rateModel is the state of commercetools_shipping_zone_rate, with the incumbent's names.
type rateModel struct {
	versioned.ChildCommon
	ShippingMethodID types.String `tfsdk:"shipping_method_id"`
	ShippingZoneID   types.String `tfsdk:"shipping_zone_id"`
	Price            []moneyModel `tfsdk:"price"`
	FreeAbove        []moneyModel `tfsdk:"free_above"`
	Tier             []tierModel  `tfsdk:"shipping_rate_price_tier"`
}

type moneyModel struct {
	CurrencyCode types.String `tfsdk:"currency_code"`
	CentAmount   types.Int64  `tfsdk:"cent_amount"`
}

type tierModel struct {
	Type              types.String         `tfsdk:"type"`
	MinimumCentAmount types.Int64          `tfsdk:"minimum_cent_amount"`
	Value             types.String         `tfsdk:"value"`
	Score             types.Int64          `tfsdk:"score"`
	Price             []moneyModel         `tfsdk:"price"`
	PriceFunction     []priceFunctionModel `tfsdk:"price_function"`
}

type priceFunctionModel struct {
	CurrencyCode types.String `tfsdk:"currency_code"`
	Function     types.String `tfsdk:"function"`
}

func moneyOf(l []moneyModel) *money {
	if len(l) == 0 {
		return nil
	}
	return &money{CurrencyCode: l[0].CurrencyCode.ValueString(), CentAmount: l[0].CentAmount.ValueInt64()}
}

func moneyModels(m *money) []moneyModel {
	if m == nil {
		return []moneyModel{}
	}
	return []moneyModel{{CurrencyCode: types.StringValue(m.CurrencyCode), CentAmount: types.Int64Value(m.CentAmount)}}
}

func int64Ptr(v types.Int64) *int64 {
	if !flex.Known(v) {
		return nil
	}
	n := v.ValueInt64()
	return &n
}

// draft is the ShippingRateDraft of the model.
func (m *rateModel) draft() shippingRate {
	out := shippingRate{Tiers: []tier{}}
	if p := moneyOf(m.Price); p != nil {
		out.Price = *p
	}
	out.FreeAbove = moneyOf(m.FreeAbove)
	for _, t := range m.Tier {
		at := tier{Type: t.Type.ValueString(), Price: moneyOf(t.Price)}
		switch at.Type {
		case "CartValue":
			at.MinimumCentAmount = int64Ptr(t.MinimumCentAmount)
		case "CartClassification":
			at.Value = nonEmpty(t.Value)
		case "CartScore":
			at.Score = int64Ptr(t.Score)
			if len(t.PriceFunction) > 0 {
				at.PriceFunction = &priceFunction{CurrencyCode: t.PriceFunction[0].CurrencyCode.ValueString(), Function: t.PriceFunction[0].Function.ValueString()}
			}
		}
		out.Tiers = append(out.Tiers, at)
	}
	return out
}

func (m *rateModel) currency() string {
	if len(m.Price) == 0 {
		return ""
	}
	return m.Price[0].CurrencyCode.ValueString()
}

// findZoneRate returns the zone rate entry of a zone and the rate of a currency in it.
func findZoneRate(s *shippingMethod, zoneID, currency string) (*zoneRate, *shippingRate) {
	for i := range s.ZoneRates {
		zr := &s.ZoneRates[i]
		if zr.Zone.ID != zoneID {
			continue
		}
		for j := range zr.ShippingRates {
			if r := &zr.ShippingRates[j]; r.Price.CurrencyCode == currency {
				return zr, r
			}
		}
		return zr, nil
	}
	return nil, nil
}

func findRateInto(_ context.Context, s *shippingMethod, m *rateModel) (bool, diag.Diagnostics) {
	_, r := findZoneRate(s, m.ShippingZoneID.ValueString(), m.currency())
	if r == nil {
		return false, nil
	}
	m.ID = types.StringValue(s.ID + "@" + m.ShippingZoneID.ValueString() + "@" + r.Price.CurrencyCode)
	m.ShippingMethodID = types.StringValue(s.ID)
	m.Price = moneyModels(&r.Price)
	m.FreeAbove = moneyModels(r.FreeAbove)
	m.Tier = make([]tierModel, 0, len(r.Tiers))
	for _, t := range r.Tiers {
		tm := tierModel{Type: types.StringValue(t.Type), MinimumCentAmount: types.Int64Null(), Value: types.StringNull(), Score: types.Int64Null(),
			Price: moneyModels(t.Price), PriceFunction: []priceFunctionModel{}}
		if t.MinimumCentAmount != nil {
			tm.MinimumCentAmount = types.Int64Value(*t.MinimumCentAmount)
		}
		if t.Value != nil {
			tm.Value = types.StringValue(*t.Value)
		}
		if t.Score != nil {
			tm.Score = types.Int64Value(*t.Score)
		}
		if t.PriceFunction != nil {
			tm.PriceFunction = []priceFunctionModel{{CurrencyCode: types.StringValue(t.PriceFunction.CurrencyCode), Function: types.StringValue(t.PriceFunction.Function)}}
		}
		m.Tier = append(m.Tier, tm)
	}
	return true, nil
}

func zoneRef(id string) ref { return ref{TypeID: "zone", ID: id} }

func addRate(_ context.Context, _ *client.Client, s *shippingMethod, plan *rateModel) ([]action, diag.Diagnostics) {
	zoneID := plan.ShippingZoneID.ValueString()
	var out []action
	if zr, _ := findZoneRate(s, zoneID, ""); zr == nil {
		out = append(out, act("addZone", "zone", zoneRef(zoneID)))
	}
	return append(out, act("addShippingRate", "zone", zoneRef(zoneID), "shippingRate", plan.draft())), nil
}

// changeRate removes the rate as the API holds it and adds the planned one, in one request:
// the API has no action that changes a rate.
func changeRate(_ context.Context, _ *client.Client, s *shippingMethod, state, plan *rateModel) ([]action, diag.Diagnostics) {
	zoneID := plan.ShippingZoneID.ValueString()
	_, current := findZoneRate(s, zoneID, state.currency())
	return []action{
		act("removeShippingRate", "zone", zoneRef(zoneID), "shippingRate", current.draft()),
		act("addShippingRate", "zone", zoneRef(zoneID), "shippingRate", plan.draft()),
	}, nil
}

// removeRate removes the rate, and the zone from the method when it was its last rate.
func removeRate(_ context.Context, s *shippingMethod, state *rateModel) []action {
	zoneID := state.ShippingZoneID.ValueString()
	zr, current := findZoneRate(s, zoneID, state.currency())
	out := []action{act("removeShippingRate", "zone", zoneRef(zoneID), "shippingRate", current.draft())}
	if len(zr.ShippingRates) == 1 {
		out = append(out, act("removeZone", "zone", zoneRef(zoneID)))
	}
	return out
}

// importRate takes <shipping method id>@<zone id>@<currency>, as the incumbent did; any other
// shape is an error that shows the expected one.
func importRate(ctx context.Context, _ *client.Client, id string, resp *resource.ImportStateResponse) {
	parts := strings.Split(strings.TrimSpace(id), "@")
	bad := len(parts) != 3
	for _, p := range parts {
		bad = bad || p == "" || strings.ContainsAny(p, "/?# ")
	}
	if !bad && !currencyPattern.MatchString(parts[2]) {
		bad = true
	}
	if bad {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("%q is not <shipping method id>@<shipping zone id>@<currency>. Import a commercetools_shipping_zone_rate like this:\n"+
				"  terraform import commercetools_shipping_zone_rate.example 09ea3f79-e401-4d73-9b1f-8983a0607729@aa0efce9-d24c-4eea-a36a-fcf18c53e8fa@EUR", id))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), strings.Join(parts, "@"))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("shipping_method_id"), parts[0])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("shipping_zone_id"), parts[1])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("price"), []moneyModel{{CurrencyCode: types.StringValue(parts[2]), CentAmount: types.Int64Value(0)}})...)
}

// checkRate refuses a free_above or a tier in another currency than the price, and a tier
// without what its type needs.
func checkRate(_ context.Context, _, plan *rateModel) diag.Diagnostics {
	var diags diag.Diagnostics
	cur := plan.currency()
	if cur == "" || !flex.Known(plan.Price[0].CurrencyCode) {
		return diags
	}
	if f := moneyOf(plan.FreeAbove); f != nil && flex.Known(plan.FreeAbove[0].CurrencyCode) && f.CurrencyCode != cur {
		diags.AddAttributeError(path.Root("free_above"), "free_above is in another currency",
			fmt.Sprintf("The rate's price is in %s, free_above in %s; a rate has one currency.", cur, f.CurrencyCode))
	}
	for i, t := range plan.Tier {
		at := path.Root("shipping_rate_price_tier").AtListIndex(i)
		switch t.Type.ValueString() {
		case "CartValue":
			if t.MinimumCentAmount.IsNull() || len(t.Price) == 0 {
				diags.AddAttributeError(at, "Incomplete CartValue tier", "A CartValue tier needs minimum_cent_amount and a price block.")
			}
		case "CartClassification":
			if t.Value.IsNull() || len(t.Price) == 0 {
				diags.AddAttributeError(at, "Incomplete CartClassification tier", "A CartClassification tier needs value (a cart classification key) and a price block.")
			}
		case "CartScore":
			if t.Score.IsNull() || (len(t.Price) == 0) == (len(t.PriceFunction) == 0) {
				diags.AddAttributeError(at, "Incomplete CartScore tier", "A CartScore tier needs score and either a price block or a price_function block.")
			}
		}
	}
	return diags
}
