package discount

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/customfields"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/money"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/timestamp"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

type action = updates.Action

// ref is a reference or resource identifier of the API.
type ref struct {
	TypeID string `json:"typeId"`
	ID     string `json:"id,omitempty"`
	Key    string `json:"key,omitempty"`
}

func refTo(typeID string, id types.String) *ref {
	if !flex.Known(id) || id.ValueString() == "" {
		return nil
	}
	return &ref{TypeID: typeID, ID: id.ValueString()}
}

func idOf(r *ref) types.String {
	if r == nil || r.ID == "" {
		return types.StringNull()
	}
	return types.StringValue(r.ID)
}

// cartValue is a CartDiscountValue (and its draft) of every kind in one struct.
type cartValue struct {
	Type                string        `json:"type"`
	Permyriad           *int64        `json:"permyriad,omitempty"`
	Money               []money.Money `json:"money,omitempty"`
	ApplicationMode     *string       `json:"applicationMode,omitempty"`
	Product             *ref          `json:"product,omitempty"`
	VariantID           *int64        `json:"variantId,omitempty"`
	SupplyChannel       *ref          `json:"supplyChannel,omitempty"`
	DistributionChannel *ref          `json:"distributionChannel,omitempty"`
}

type component struct {
	Type         string `json:"type"`
	Predicate    string `json:"predicate"`
	MinCount     *int64 `json:"minCount,omitempty"`
	MaxCount     *int64 `json:"maxCount,omitempty"`
	ExcludeCount *int64 `json:"excludeCount,omitempty"`
}

// cartTarget is a CartDiscountTarget of every kind in one struct.
type cartTarget struct {
	Type               string       `json:"type"`
	Predicate          *string      `json:"predicate,omitempty"`
	TriggerQuantity    *int64       `json:"triggerQuantity,omitempty"`
	DiscountedQuantity *int64       `json:"discountedQuantity,omitempty"`
	MaxOccurrence      *int64       `json:"maxOccurrence,omitempty"`
	SelectionMode      *string      `json:"selectionMode,omitempty"`
	TriggerPattern     *[]component `json:"triggerPattern,omitempty"`
	TargetPattern      *[]component `json:"targetPattern,omitempty"`
}

type orderScope struct {
	Type               string `json:"type"`
	RecurrencePolicies []ref  `json:"recurrencePolicies,omitempty"`
}

// cartDiscount is a CartDiscount as the API returns it.
type cartDiscount struct {
	ID                   string                 `json:"id"`
	Version              int64                  `json:"version"`
	CreatedAt            time.Time              `json:"createdAt"`
	Key                  *string                `json:"key,omitempty"`
	Name                 map[string]string      `json:"name"`
	Description          map[string]string      `json:"description,omitempty"`
	Value                cartValue              `json:"value"`
	CartPredicate        string                 `json:"cartPredicate"`
	Target               *cartTarget            `json:"target,omitempty"`
	SortOrder            string                 `json:"sortOrder"`
	Stores               []ref                  `json:"stores,omitempty"`
	IsActive             bool                   `json:"isActive"`
	ValidFrom            *string                `json:"validFrom,omitempty"`
	ValidUntil           *string                `json:"validUntil,omitempty"`
	RequiresDiscountCode bool                   `json:"requiresDiscountCode"`
	StackingMode         string                 `json:"stackingMode"`
	Custom               *platform.CustomFields `json:"custom,omitempty"`
	DiscountGroup        *ref                   `json:"discountGroup,omitempty"`
	RecurringOrderScope  *orderScope            `json:"recurringOrderScope,omitempty"`
}

type cartDraft struct {
	Key                  *string                     `json:"key,omitempty"`
	Name                 map[string]string           `json:"name"`
	Description          map[string]string           `json:"description,omitempty"`
	Value                cartValue                   `json:"value"`
	CartPredicate        string                      `json:"cartPredicate"`
	Target               *cartTarget                 `json:"target,omitempty"`
	SortOrder            *string                     `json:"sortOrder,omitempty"`
	Stores               []ref                       `json:"stores,omitempty"`
	IsActive             bool                        `json:"isActive"`
	ValidFrom            *string                     `json:"validFrom,omitempty"`
	ValidUntil           *string                     `json:"validUntil,omitempty"`
	RequiresDiscountCode bool                        `json:"requiresDiscountCode"`
	StackingMode         string                      `json:"stackingMode,omitempty"`
	Custom               *platform.CustomFieldsDraft `json:"custom,omitempty"`
	DiscountGroup        *ref                        `json:"discountGroup,omitempty"`
	RecurringOrderScope  *orderScope                 `json:"recurringOrderScope,omitempty"`
}

type moneyModel struct {
	CurrencyCode   types.String `tfsdk:"currency_code"`
	CentAmount     types.Int64  `tfsdk:"cent_amount"`
	FractionDigits types.Int64  `tfsdk:"fraction_digits"`
	PreciseAmount  types.Int64  `tfsdk:"precise_amount"`
}

type valueModel struct {
	Type                  types.String `tfsdk:"type"`
	Permyriad             types.Int64  `tfsdk:"permyriad"`
	ApplicationMode       types.String `tfsdk:"application_mode"`
	ProductID             types.String `tfsdk:"product_id"`
	VariantID             types.Int64  `tfsdk:"variant_id"`
	SupplyChannelID       types.String `tfsdk:"supply_channel_id"`
	DistributionChannelID types.String `tfsdk:"distribution_channel_id"`
	Money                 []moneyModel `tfsdk:"money"`
}

type componentModel struct {
	Type         types.String `tfsdk:"type"`
	Predicate    types.String `tfsdk:"predicate"`
	MinCount     types.Int64  `tfsdk:"min_count"`
	MaxCount     types.Int64  `tfsdk:"max_count"`
	ExcludeCount types.Int64  `tfsdk:"exclude_count"`
}

type targetModel struct {
	Type               types.String     `tfsdk:"type"`
	Predicate          types.String     `tfsdk:"predicate"`
	TriggerQuantity    types.Int64      `tfsdk:"trigger_quantity"`
	DiscountedQuantity types.Int64      `tfsdk:"discounted_quantity"`
	MaxOccurrence      types.Int64      `tfsdk:"max_occurrence"`
	SelectionMode      types.String     `tfsdk:"selection_mode"`
	TriggerPattern     []componentModel `tfsdk:"trigger_pattern"`
	TargetPattern      []componentModel `tfsdk:"target_pattern"`
}

type cartModel struct {
	versioned.Common
	Name                 types.Map            `tfsdk:"name"`
	Description          types.Map            `tfsdk:"description"`
	Predicate            types.String         `tfsdk:"predicate"`
	SortOrder            types.String         `tfsdk:"sort_order"`
	IsActive             types.Bool           `tfsdk:"is_active"`
	ValidFrom            timestamp.Value      `tfsdk:"valid_from"`
	ValidUntil           timestamp.Value      `tfsdk:"valid_until"`
	RequiresDiscountCode types.Bool           `tfsdk:"requires_discount_code"`
	StackingMode         types.String         `tfsdk:"stacking_mode"`
	Stores               types.Set            `tfsdk:"stores"`
	DiscountGroupID      types.String         `tfsdk:"discount_group_id"`
	RecurringOrderScope  types.String         `tfsdk:"recurring_order_scope"`
	RecurrencePolicyIDs  types.Set            `tfsdk:"recurrence_policy_ids"`
	Value                []valueModel         `tfsdk:"value"`
	Target               []targetModel        `tfsdk:"target"`
	Custom               []customfields.Model `tfsdk:"custom"`
}

var cartEndpoint = &client.Endpoint[cartDiscount, action]{
	Path: "cart-discounts", Noun: "cart discount",
	Meta: func(d *cartDiscount) client.Meta {
		return client.Meta{ID: d.ID, Key: flex.StringValue(d.Key).ValueString(), Version: d.Version, CreatedAt: d.CreatedAt}
	},
}

func valueDraft(v valueModel) cartValue {
	out := cartValue{Type: v.Type.ValueString(), ApplicationMode: flex.String(v.ApplicationMode)}
	switch out.Type {
	case "relative":
		out.Permyriad = flex.Int64(v.Permyriad)
	case "absolute", "fixed":
		out.Money = make([]money.Money, 0, len(v.Money))
		for _, m := range v.Money {
			mm := money.Draft(m.CurrencyCode.ValueString(), m.CentAmount, m.PreciseAmount, m.FractionDigits)
			if out.Type == "absolute" {
				mm.Type = "" // Money, not TypedMoneyDraft
			}
			out.Money = append(out.Money, mm)
		}
	case "giftLineItem":
		out.ApplicationMode = nil
		out.Product = refTo("product", v.ProductID)
		out.VariantID = flex.Int64(v.VariantID)
		out.SupplyChannel = refTo("channel", v.SupplyChannelID)
		out.DistributionChannel = refTo("channel", v.DistributionChannelID)
	}
	return out
}

func componentsDraft(l []componentModel) *[]component {
	out := make([]component, 0, len(l))
	for _, c := range l {
		out = append(out, component{Type: c.Type.ValueString(), Predicate: c.Predicate.ValueString(),
			MinCount: flex.Int64(c.MinCount), MaxCount: flex.Int64(c.MaxCount), ExcludeCount: flex.Int64NonZero(c.ExcludeCount)})
	}
	return &out
}

func targetDraft(l []targetModel) *cartTarget {
	if len(l) == 0 {
		return nil
	}
	t := l[0]
	out := &cartTarget{Type: t.Type.ValueString()}
	switch out.Type {
	case "lineItems", "customLineItems":
		out.Predicate = flex.String(t.Predicate)
	case "multiBuyLineItems", "multiBuyCustomLineItems":
		out.Predicate = flex.String(t.Predicate)
		out.TriggerQuantity, out.DiscountedQuantity = flex.Int64(t.TriggerQuantity), flex.Int64(t.DiscountedQuantity)
		out.MaxOccurrence, out.SelectionMode = flex.Int64NonZero(t.MaxOccurrence), flex.String(t.SelectionMode)
	case "pattern":
		out.TriggerPattern, out.TargetPattern = componentsDraft(t.TriggerPattern), componentsDraft(t.TargetPattern)
		out.MaxOccurrence, out.SelectionMode = flex.Int64NonZero(t.MaxOccurrence), flex.String(t.SelectionMode)
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

func scopeDraft(m *cartModel) *orderScope {
	if !flex.Known(m.RecurringOrderScope) {
		return nil
	}
	s := &orderScope{Type: m.RecurringOrderScope.ValueString()}
	for _, id := range flex.Strings(m.RecurrencePolicyIDs) {
		s.RecurrencePolicies = append(s.RecurrencePolicies, ref{TypeID: "recurrence-policy", ID: id})
	}
	return s
}

func cartDraftOf(ctx context.Context, c *client.Client, m *cartModel) (any, diag.Diagnostics) {
	custom, diags := customfields.Draft(ctx, c, m.Custom)
	d := cartDraft{
		Key: flex.String(m.Key), Name: flex.Localized(m.Name), Description: flex.Localized(m.Description),
		CartPredicate: m.Predicate.ValueString(), Target: targetDraft(m.Target), SortOrder: flex.String(m.SortOrder),
		IsActive: m.IsActive.ValueBool(), ValidFrom: timestamp.Pointer(m.ValidFrom), ValidUntil: timestamp.Pointer(m.ValidUntil),
		RequiresDiscountCode: m.RequiresDiscountCode.ValueBool(), StackingMode: m.StackingMode.ValueString(), Custom: custom,
		DiscountGroup: refTo("discount-group", m.DiscountGroupID), RecurringOrderScope: scopeDraft(m),
	}
	if len(m.Value) == 1 {
		d.Value = valueDraft(m.Value[0])
	}
	if keys := flex.Strings(m.Stores); len(keys) > 0 {
		d.Stores = storeRefs(keys)
	}
	return d, diags
}

// valueRules is what differs between the values of cart and product discounts.
type valueRules struct {
	noun           string   // for messages
	kinds          []string // the value types the provider models
	computedDigits bool     // fraction_digits is computed (product discounts)
}

var cartValues = valueRules{noun: "cart discount", kinds: valueKinds}

// flattenValue renders the API's value; prior holds the previous block (or none). A value or a
// money type the provider does not model keeps the prior block and warns, never fails.
func flattenValue(diags *diag.Diagnostics, v cartValue, prior []valueModel, rules valueRules) []valueModel {
	noun := rules.noun
	var p valueModel
	if len(prior) > 0 {
		p = prior[0]
	}
	if !slices.Contains(rules.kinds, v.Type) {
		diags.AddWarning(fmt.Sprintf("The %s has a value of type %q", noun, v.Type),
			fmt.Sprintf("commercetools reports a value of type %q, which this provider version does not model; the state keeps the "+
				"value as configured. Upgrade the provider to manage it.", v.Type))
		return prior
	}
	for _, m := range v.Money {
		if !money.Supported(m) {
			diags.AddWarning(fmt.Sprintf("The %s has money of type %q", noun, m.Type),
				fmt.Sprintf("commercetools reports money of type %q in %s, which this provider version does not model; the state keeps "+
					"the value as configured. Upgrade the provider to manage it.", m.Type, m.CurrencyCode))
			return prior
		}
	}
	out := valueModel{Type: types.StringValue(v.Type), Permyriad: flex.Int64Value(v.Permyriad), ApplicationMode: flex.Optional(v.ApplicationMode),
		ProductID: idOf(v.Product), VariantID: flex.Int64Value(v.VariantID), SupplyChannelID: idOf(v.SupplyChannel),
		DistributionChannelID: idOf(v.DistributionChannel), Money: []moneyModel{}}
	if v.Type != "relative" {
		out.Permyriad = types.Int64Null()
	}
	out.Money = flattenMoney(v.Money, p.Money, rules.computedDigits)
	return []valueModel{out}
}

// flattenMoney renders the API's money; a fraction_digits or cent_amount the configuration
// leaves out stays out, unless fraction_digits is computed (product discounts).
func flattenMoney(l []money.Money, prior []moneyModel, computedDigits bool) []moneyModel {
	priorMoney := make(map[string]moneyModel, len(prior))
	for _, m := range prior {
		priorMoney[m.CurrencyCode.ValueString()] = m
	}
	out := make([]moneyModel, 0, len(l))
	for _, m := range l {
		pm, had := priorMoney[m.CurrencyCode]
		mm := moneyModel{CurrencyCode: types.StringValue(m.CurrencyCode), CentAmount: flex.Int64Value(m.CentAmount),
			FractionDigits: types.Int64Null(), PreciseAmount: types.Int64Null()}
		switch {
		case m.Type == money.HighPrecision:
			mm.FractionDigits, mm.PreciseAmount = flex.Int64Value(m.FractionDigits), flex.Int64Value(m.PreciseAmount)
			if !had || pm.CentAmount.IsNull() {
				mm.CentAmount = types.Int64Null() // derived by commercetools from the precise amount (an import reads it so)
			}
		case computedDigits || (had && !pm.FractionDigits.IsNull()):
			mm.FractionDigits = types.Int64Value(money.Digits(m.CurrencyCode))
			if m.FractionDigits != nil {
				mm.FractionDigits = types.Int64Value(*m.FractionDigits)
			}
		}
		out = append(out, mm)
	}
	return out
}

func flattenComponents(l *[]component) []componentModel {
	out := []componentModel{}
	if l == nil {
		return out
	}
	for _, c := range *l {
		minCount := types.Int64Value(1) // the API's default, when it leaves it out
		if c.MinCount != nil {
			minCount = types.Int64Value(*c.MinCount)
		}
		out = append(out, componentModel{Type: types.StringValue(c.Type), Predicate: types.StringValue(c.Predicate),
			MinCount: minCount, MaxCount: flex.Int64Value(c.MaxCount), ExcludeCount: flex.Int64Value(c.ExcludeCount)})
	}
	return out
}

func flattenTarget(diags *diag.Diagnostics, t *cartTarget, prior []targetModel) []targetModel {
	if t == nil {
		return []targetModel{}
	}
	if !slices.Contains(targetKinds, t.Type) {
		diags.AddWarning(fmt.Sprintf("The cart discount has a target of type %q", t.Type),
			fmt.Sprintf("commercetools reports a target of type %q, which this provider version does not model; the state keeps the "+
				"target as configured. Upgrade the provider to manage it.", t.Type))
		return prior
	}
	out := targetModel{Type: types.StringValue(t.Type), Predicate: flex.Optional(t.Predicate), TriggerQuantity: flex.Int64Value(t.TriggerQuantity),
		DiscountedQuantity: flex.Int64Value(t.DiscountedQuantity), MaxOccurrence: flex.Int64Value(t.MaxOccurrence),
		SelectionMode: flex.Optional(t.SelectionMode), TriggerPattern: flattenComponents(t.TriggerPattern), TargetPattern: flattenComponents(t.TargetPattern)}
	if len(prior) > 0 {
		// The pattern components' defaults (min_count 1, exclude_count 0) stay out when left out.
		keepDefaults(out.TriggerPattern, prior[0].TriggerPattern)
		keepDefaults(out.TargetPattern, prior[0].TargetPattern)
	} else {
		keepDefaults(out.TriggerPattern, nil)
		keepDefaults(out.TargetPattern, nil)
	}
	return []targetModel{out}
}

func keepDefaults(l, prior []componentModel) {
	for i := range l {
		var p componentModel
		if i < len(prior) {
			p = prior[i]
		} else {
			p = componentModel{MinCount: types.Int64Null(), ExcludeCount: types.Int64Null()}
		}
		if p.ExcludeCount.IsNull() && l[i].ExcludeCount.ValueInt64() == 0 {
			l[i].ExcludeCount = types.Int64Null()
		}
	}
}

func flattenCart(_ context.Context, _ *client.Client, d *cartDiscount, m *cartModel) diag.Diagnostics {
	var diags diag.Diagnostics
	m.Key = flex.Optional(d.Key)
	m.Name = flex.LocalizedValue(d.Name)
	m.Description = flex.LocalizedValue(d.Description)
	m.Predicate = types.StringValue(d.CartPredicate)
	m.SortOrder = types.StringValue(d.SortOrder)
	if d.DiscountGroup != nil || d.SortOrder == "" {
		m.SortOrder = types.StringNull() // the group's
	}
	m.IsActive = types.BoolValue(d.IsActive)
	m.ValidFrom = timestamp.Kept(m.ValidFrom, d.ValidFrom)
	m.ValidUntil = timestamp.Kept(m.ValidUntil, d.ValidUntil)
	m.RequiresDiscountCode = types.BoolValue(d.RequiresDiscountCode)
	m.StackingMode = types.StringValue(d.StackingMode)
	if d.StackingMode == "" {
		m.StackingMode = types.StringValue("Stacking")
	}
	keys := make([]string, 0, len(d.Stores))
	for _, s := range d.Stores {
		keys = append(keys, s.Key)
	}
	m.Stores = types.SetNull(types.StringType)
	if len(keys) > 0 {
		m.Stores = flex.StringSet(keys)
	}
	m.DiscountGroupID = idOf(d.DiscountGroup)
	m.RecurringOrderScope, m.RecurrencePolicyIDs = types.StringNull(), types.SetNull(types.StringType)
	if s := d.RecurringOrderScope; s != nil {
		m.RecurringOrderScope = types.StringValue(s.Type)
		ids := make([]string, 0, len(s.RecurrencePolicies))
		for _, r := range s.RecurrencePolicies {
			ids = append(ids, r.ID)
		}
		if len(ids) > 0 {
			m.RecurrencePolicyIDs = flex.StringSet(ids)
		}
	}
	m.Value = flattenValue(&diags, d.Value, m.Value, cartValues)
	m.Target = flattenTarget(&diags, d.Target, m.Target)
	m.Custom = customfields.Flatten(d.Custom, m.Custom)
	return diags
}

// validity returns the actions that take valid_from and valid_until from "from" to "to".
func validity(fromFrom, fromUntil, toFrom, toUntil timestamp.Value) []action {
	fromChanged := !timestamp.Same(fromFrom.ValueString(), toFrom.ValueString()) || fromFrom.IsNull() != toFrom.IsNull()
	untilChanged := !timestamp.Same(fromUntil.ValueString(), toUntil.ValueString()) || fromUntil.IsNull() != toUntil.IsNull()
	switch {
	case fromChanged && untilChanged:
		return []action{updates.Act("setValidFromAndUntil", "validFrom", timestamp.Pointer(toFrom), "validUntil", timestamp.Pointer(toUntil))}
	case fromChanged:
		return []action{updates.Act("setValidFrom", "validFrom", timestamp.Pointer(toFrom))}
	case untilChanged:
		return []action{updates.Act("setValidUntil", "validUntil", timestamp.Pointer(toUntil))}
	}
	return nil
}

func cartActions(ctx context.Context, c *client.Client, from, to *cartModel) ([]action, diag.Diagnostics) {
	var out []action
	if n := flex.Localized(to.Name); !flex.SameLocalized(flex.Localized(from.Name), n) {
		out = append(out, action{"action": "changeName", "name": n})
	}
	if d := flex.Localized(to.Description); !flex.SameLocalized(flex.Localized(from.Description), d) {
		out = append(out, updates.Act("setDescription", "description", d))
	}
	if k := to.Key.ValueString(); k != from.Key.ValueString() {
		out = append(out, updates.Act("setKey", "key", flex.String(to.Key)))
	}
	var valueAct, targetAct action
	if len(to.Value) == 1 && len(from.Value) == 1 && !updates.SameJSON(valueDraft(from.Value[0]), valueDraft(to.Value[0])) {
		valueAct = action{"action": "changeValue", "value": valueDraft(to.Value[0])}
	}
	if t := targetDraft(to.Target); t != nil && !updates.SameJSON(targetDraft(from.Target), t) {
		targetAct = action{"action": "changeTarget", "target": t}
	}
	// The API checks the value against the target after each action: when the new value does
	// not fit the old target, the target goes first.
	if valueAct != nil && targetAct != nil && len(to.Value) == 1 && misfit(valueDraft(to.Value[0]), targetDraft(from.Target)) != "" {
		valueAct, targetAct = targetAct, valueAct
	}
	for _, a := range []action{valueAct, targetAct} {
		if a != nil {
			out = append(out, a)
		}
	}
	if p := to.Predicate.ValueString(); p != from.Predicate.ValueString() {
		out = append(out, action{"action": "changeCartPredicate", "cartPredicate": p})
	}
	groupChanged := from.DiscountGroupID.ValueString() != to.DiscountGroupID.ValueString()
	if groupChanged {
		out = append(out, updates.Act("setDiscountGroup", "discountGroup", refTo("discount-group", to.DiscountGroupID),
			"sortOrder", flex.String(to.SortOrder)))
	} else if s := to.SortOrder.ValueString(); s != "" && s != from.SortOrder.ValueString() {
		out = append(out, action{"action": "changeSortOrder", "sortOrder": s})
	}
	if to.IsActive.ValueBool() != from.IsActive.ValueBool() {
		out = append(out, action{"action": "changeIsActive", "isActive": to.IsActive.ValueBool()})
	}
	if to.RequiresDiscountCode.ValueBool() != from.RequiresDiscountCode.ValueBool() {
		out = append(out, action{"action": "changeRequiresDiscountCode", "requiresDiscountCode": to.RequiresDiscountCode.ValueBool()})
	}
	if m := to.StackingMode.ValueString(); m != from.StackingMode.ValueString() {
		out = append(out, action{"action": "changeStackingMode", "stackingMode": m})
	}
	out = append(out, validity(from.ValidFrom, from.ValidUntil, to.ValidFrom, to.ValidUntil)...)
	out = append(out, storeActions(flex.Strings(from.Stores), flex.Strings(to.Stores))...)
	if s := scopeDraft(to); s != nil && !updates.SameJSON(scopeDraft(from), s) {
		out = append(out, action{"action": "setRecurringOrderScope", "recurringOrderScope": s})
	}
	custom, diags := customfields.JSONActions(ctx, c, from.Custom, to.Custom)
	return append(out, custom...), diags
}

// misfit says why a value does not fit a target ("" when it does): an application mode other
// than the default needs a pattern target (spreading modes with a trigger pattern), and an
// absolute value cannot discount multi-buy targets (types/cart-discount, DiscountApplicationMode
// and the value types).
func misfit(v cartValue, t *cartTarget) string {
	if t == nil || v.Type == "giftLineItem" {
		return ""
	}
	mode := ""
	if v.ApplicationMode != nil {
		mode = *v.ApplicationMode
	}
	spread := mode == "ProportionateDistribution" || mode == "EvenDistribution"
	switch v.Type {
	case "relative":
		if mode != "" && t.Type != "pattern" {
			return fmt.Sprintf("a relative value with application_mode needs a pattern target, not %s", t.Type)
		}
		if spread && (t.TriggerPattern == nil || len(*t.TriggerPattern) == 0) {
			return fmt.Sprintf("application_mode %s needs a pattern target with a trigger_pattern", mode)
		}
	case "fixed":
		if spread && t.Type != "pattern" {
			return fmt.Sprintf("a fixed value with application_mode %s needs a pattern target, not %s", mode, t.Type)
		}
	case "absolute":
		if t.Type == "multiBuyLineItems" || t.Type == "multiBuyCustomLineItems" {
			return fmt.Sprintf("an absolute value cannot discount a %s target", t.Type)
		}
	}
	return ""
}

// storeActions adds and removes single stores, or sets them all when the list starts or ends empty.
func storeActions(from, to []string) []action {
	added, removed := updates.Set(from, to)
	switch {
	case len(added) == 0 && len(removed) == 0:
		return nil
	case len(from) == 0 || len(to) == 0:
		return []action{{"action": "setStores", "stores": storeRefs(to)}}
	}
	out := make([]action, 0, len(added)+len(removed))
	for _, k := range removed {
		out = append(out, action{"action": "removeStore", "store": ref{TypeID: "store", Key: k}})
	}
	for _, k := range added {
		out = append(out, action{"action": "addStore", "store": ref{TypeID: "store", Key: k}})
	}
	return out
}

// giftChanged replaces a discount whose giftLineItem value changes (commercetools has no action
// for it).
func giftChanged(ctx context.Context, req planmodifier.ListRequest, resp *listplanmodifier.RequiresReplaceIfFuncResponse) {
	if req.StateValue.IsNull() || req.PlanValue.IsUnknown() {
		return
	}
	var from, to []valueModel
	if req.StateValue.ElementsAs(ctx, &from, false).HasError() || req.PlanValue.ElementsAs(ctx, &to, false).HasError() {
		return
	}
	if len(from) != 1 || len(to) != 1 {
		return
	}
	gift := from[0].Type.ValueString() == "giftLineItem" || to[0].Type.ValueString() == "giftLineItem"
	resp.RequiresReplace = gift && !updates.SameJSON(valueDraft(from[0]), valueDraft(to[0]))
}

func checkCart(_ context.Context, state, plan *cartModel) diag.Diagnostics {
	var diags diag.Diagnostics
	if state != nil && len(state.Target) == 1 && len(plan.Target) == 0 && len(plan.Value) == 1 && plan.Value[0].Type.ValueString() != "giftLineItem" {
		diags.AddAttributeError(path.Root("target"), "Target removed", "commercetools cannot remove the target of a cart discount; give the new target instead.")
	}
	return diags
}

func validateCart(_ context.Context, m *cartModel) diag.Diagnostics {
	var diags diag.Diagnostics
	kind := ""
	if len(m.Value) == 1 {
		kind = m.Value[0].Type.ValueString()
		checkValue(&diags, path.Root("value").AtListIndex(0), m.Value[0], true)
	}
	hasTarget := len(m.Target) == 1
	switch {
	case kind == "giftLineItem" && hasTarget:
		diags.AddAttributeError(path.Root("target"), "Target with a gift", "A giftLineItem value has no target: remove the target block.")
	case kind != "giftLineItem" && kind != "" && !hasTarget:
		diags.AddAttributeError(path.Root("target"), "Missing target", fmt.Sprintf("A %s value needs a target block.", kind))
	}
	tkind := ""
	if hasTarget {
		tkind = m.Target[0].Type.ValueString()
		checkTarget(&diags, path.Root("target").AtListIndex(0), m.Target[0])
	}
	if hasTarget && kind != "" && flex.Known(m.Target[0].Type) && (m.Value[0].ApplicationMode.IsNull() || flex.Known(m.Value[0].ApplicationMode)) {
		if why := misfit(valueDraft(m.Value[0]), targetDraft(m.Target)); why != "" {
			diags.AddAttributeError(path.Root("value"), "Value does not fit the target", "commercetools refuses this combination: "+why+".")
		}
	}
	inGroup := !m.DiscountGroupID.IsNull()
	switch {
	case inGroup && !m.SortOrder.IsNull() && !m.DiscountGroupID.IsUnknown():
		diags.AddAttributeError(path.Root("sort_order"), "sort_order with a discount group",
			"A discount of a discount group takes the group's sort order: remove sort_order.")
	case !inGroup && m.SortOrder.IsNull():
		diags.AddAttributeError(path.Root("sort_order"), "Missing sort_order", "A cart discount needs sort_order unless it belongs to a discount group (discount_group_id).")
	}
	if inGroup && tkind != "" && !slices.Contains(groupTargets, tkind) {
		diags.AddAttributeError(path.Root("discount_group_id"), "Target not allowed in a discount group",
			fmt.Sprintf("A discount with a %s target cannot belong to a discount group; allowed targets: %v.", tkind, groupTargets))
	}
	// An empty set is no set: absent, null and empty are one value.
	scope, ids := m.RecurringOrderScope.ValueString(), !m.RecurrencePolicyIDs.IsNull() && (!flex.Known(m.RecurrencePolicyIDs) || len(m.RecurrencePolicyIDs.Elements()) > 0)
	if flex.Known(m.RecurringOrderScope) && (scope == "ApplicableRecurrencePolicies") != ids {
		diags.AddAttributeError(path.Root("recurrence_policy_ids"), "recurrence_policy_ids and recurring_order_scope",
			"recurrence_policy_ids is required with recurring_order_scope = \"ApplicableRecurrencePolicies\" and allowed only with it.")
	}
	if ids && m.RecurringOrderScope.IsNull() {
		diags.AddAttributeError(path.Root("recurring_order_scope"), "Missing recurring_order_scope",
			"recurrence_policy_ids needs recurring_order_scope = \"ApplicableRecurrencePolicies\".")
	}
	checkValidity(&diags, m.ValidFrom, m.ValidUntil)
	return diags
}

// checkValidity requires valid_until after valid_from.
func checkValidity(diags *diag.Diagnostics, from, until timestamp.Value) {
	if !flex.Known(from.StringValue) || !flex.Known(until.StringValue) {
		return
	}
	f, err1 := timestamp.Parse(from.ValueString())
	u, err2 := timestamp.Parse(until.ValueString())
	if err1 == nil && err2 == nil && !f.Before(u) {
		diags.AddAttributeError(path.Root("valid_until"), "valid_until not after valid_from",
			fmt.Sprintf("valid_until (%s) must be later than valid_from (%s).", until.ValueString(), from.ValueString()))
	}
}

// need reports a missing or forbidden argument of a kind.
func need(diags *diag.Diagnostics, at path.Path, name, kind string, present, wanted bool) {
	switch {
	case wanted && !present:
		diags.AddAttributeError(at.AtName(name), "Missing "+name, fmt.Sprintf("A %s needs %s.", kind, name))
	case !wanted && present:
		diags.AddAttributeError(at.AtName(name), name+" not allowed", fmt.Sprintf("A %s has no %s: remove it.", kind, name))
	}
}

func checkValue(diags *diag.Diagnostics, at path.Path, v valueModel, cart bool) {
	kind := v.Type.ValueString()
	if !flex.Known(v.Type) {
		return
	}
	label := kind + " value"
	need(diags, at, "permyriad", label, !v.Permyriad.IsNull(), kind == "relative")
	moneyKinds := kind == "absolute" || kind == "fixed"
	if moneyKinds {
		codes := make([]types.String, 0, len(v.Money))
		for i, m := range v.Money {
			codes = append(codes, m.CurrencyCode)
			if kind == "absolute" && !m.PreciseAmount.IsNull() {
				diags.AddAttributeError(at.AtName("money").AtListIndex(i).AtName("precise_amount"), "precise_amount not allowed",
					"An absolute value takes cent amounts only; high-precision amounts are for fixed values.")
			}
			money.CheckPrecision(diags, at.AtName("money").AtListIndex(i), m.CurrencyCode, m.CentAmount, m.PreciseAmount, m.FractionDigits)
		}
		money.CheckList(diags, at.AtName("money"), codes)
	} else if len(v.Money) > 0 {
		diags.AddAttributeError(at.AtName("money"), "money not allowed", fmt.Sprintf("A %s has no money: remove the money blocks.", label))
	}
	if !cart {
		return
	}
	gift := kind == "giftLineItem"
	need(diags, at, "product_id", label, !v.ProductID.IsNull(), gift)
	need(diags, at, "variant_id", label, !v.VariantID.IsNull(), gift)
	if !gift {
		need(diags, at, "supply_channel_id", label, !v.SupplyChannelID.IsNull(), false)
		need(diags, at, "distribution_channel_id", label, !v.DistributionChannelID.IsNull(), false)
	} else {
		need(diags, at, "application_mode", label, !v.ApplicationMode.IsNull(), false)
	}
}

func checkTarget(diags *diag.Diagnostics, at path.Path, t targetModel) {
	if !flex.Known(t.Type) {
		return
	}
	kind := t.Type.ValueString()
	label := kind + " target"
	multi := kind == "multiBuyLineItems" || kind == "multiBuyCustomLineItems"
	pattern := kind == "pattern"
	need(diags, at, "predicate", label, !t.Predicate.IsNull(), kind == "lineItems" || kind == "customLineItems" || multi)
	need(diags, at, "trigger_quantity", label, !t.TriggerQuantity.IsNull(), multi)
	if multi || pattern {
		need(diags, at, "selection_mode", label, !t.SelectionMode.IsNull(), true)
	}
	need(diags, at, "discounted_quantity", label, !t.DiscountedQuantity.IsNull(), multi)
	if !multi && !pattern {
		// 0 is the incumbent's "not set" (and what an import of such a target reads back).
		need(diags, at, "max_occurrence", label, !t.MaxOccurrence.IsNull() && (!flex.Known(t.MaxOccurrence) || t.MaxOccurrence.ValueInt64() != 0), false)
		need(diags, at, "selection_mode", label, !t.SelectionMode.IsNull(), false)
	}
	if multi && flex.Known(t.TriggerQuantity) && flex.Known(t.DiscountedQuantity) && t.DiscountedQuantity.ValueInt64() > t.TriggerQuantity.ValueInt64() {
		diags.AddAttributeError(at.AtName("discounted_quantity"), "discounted_quantity above trigger_quantity",
			fmt.Sprintf("discounted_quantity (%d) must be at most trigger_quantity (%d).", t.DiscountedQuantity.ValueInt64(), t.TriggerQuantity.ValueInt64()))
	}
	if pattern && len(t.TargetPattern) == 0 {
		diags.AddAttributeError(at.AtName("target_pattern"), "Missing target_pattern", "A pattern target needs at least one target_pattern block.")
	}
	if !pattern && (len(t.TargetPattern) > 0 || len(t.TriggerPattern) > 0) {
		diags.AddAttributeError(at.AtName("target_pattern"), "Patterns not allowed", fmt.Sprintf("A %s has no trigger_pattern or target_pattern.", label))
	}
}

func cartInterim(field string, from *cartModel) []action {
	return parkSortOrder("changeSortOrder", field, from.SortOrder)
}

var cartFamily = &versioned.Family[cartModel, *cartModel, cartDiscount, action]{
	TypeName: "cart_discount", Noun: "cart discount", Endpoint: cartEndpoint, Hint: framework.ScopesOf("cart_discounts", "orders"),
	Schema: cartDiscountSchema, Draft: cartDraftOf, Flatten: flattenCart, Actions: cartActions, Check: checkCart, Validate: validateCart,
	Contended: []string{"sortOrder"}, Interim: cartInterim,
	Unique: func(m *cartModel) versioned.UniqueValue { return uniqueSortOrder(cartPool, m.SortOrder, m.Name) },
}

// NewCartDiscountResource returns the commercetools_cart_discount resource.
var NewCartDiscountResource = versioned.NewResource(cartFamily)

// NewCartDiscountDataSource returns the commercetools_cart_discount data source (by key).
var NewCartDiscountDataSource = versioned.NewDataSource(cartFamily)
