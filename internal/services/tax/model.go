package tax

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// categoryModel is the state of commercetools_tax_category.
type categoryModel struct {
	versioned.Common
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
}

// categoryDraft is TaxCategoryDraft; rates are always sent empty (they are separate resources).
type categoryDraft struct {
	Key         *string                 `json:"key,omitempty"`
	Name        string                  `json:"name"`
	Description *string                 `json:"description,omitempty"`
	Rates       []platform.TaxRateDraft `json:"rates"`
}

func categoryDraftOf(_ context.Context, _ *client.Client, m *categoryModel) (any, diag.Diagnostics) {
	return categoryDraft{Key: flex.String(m.Key), Name: m.Name.ValueString(), Description: flex.String(m.Description), Rates: []platform.TaxRateDraft{}}, nil
}

func flattenCategory(_ context.Context, _ *client.Client, t *platform.TaxCategory, m *categoryModel) diag.Diagnostics {
	m.Key = flex.Optional(t.Key)
	m.Name = types.StringValue(t.Name)
	m.Description = flex.Optional(t.Description)
	return nil
}

func categoryActions(_ context.Context, _ *client.Client, from, to *categoryModel) ([]platform.TaxCategoryUpdateAction, diag.Diagnostics) {
	var out []platform.TaxCategoryUpdateAction
	if to.Name.ValueString() != from.Name.ValueString() {
		out = append(out, platform.TaxCategoryChangeNameAction{Name: to.Name.ValueString()})
	}
	if to.Key.ValueString() != from.Key.ValueString() {
		out = append(out, platform.TaxCategorySetKeyAction{Key: nonEmpty(to.Key)})
	}
	if to.Description.ValueString() != from.Description.ValueString() {
		out = append(out, platform.TaxCategorySetDescriptionAction{Description: nonEmpty(to.Description)})
	}
	return out, nil
}

// nonEmpty is the value for a set… action: nil (remove) for null or "".
func nonEmpty(v types.String) *string {
	if !flex.Known(v) || v.ValueString() == "" {
		return nil
	}
	s := v.ValueString()
	return &s
}

// rateModel is the state of commercetools_tax_category_rate, with the incumbent's names.
type rateModel struct {
	versioned.ChildCommon
	TaxCategoryID   types.String   `tfsdk:"tax_category_id"`
	Key             types.String   `tfsdk:"key"`
	Name            types.String   `tfsdk:"name"`
	Amount          types.Float64  `tfsdk:"amount"`
	IncludedInPrice types.Bool     `tfsdk:"included_in_price"`
	Country         types.String   `tfsdk:"country"`
	State           types.String   `tfsdk:"state"`
	SubRate         []subRateModel `tfsdk:"sub_rate"`
}

type subRateModel struct {
	Name   types.String  `tfsdk:"name"`
	Amount types.Float64 `tfsdk:"amount"`
}

func (m *rateModel) draft() platform.TaxRateDraft {
	d := platform.TaxRateDraft{
		Name: m.Name.ValueString(), Amount: flex.Float64(m.Amount), IncludedInPrice: m.IncludedInPrice.ValueBool(),
		Country: m.Country.ValueString(), State: nonEmpty(m.State), Key: nonEmpty(m.Key),
	}
	for _, s := range m.SubRate {
		d.SubRates = append(d.SubRates, platform.SubRate{Name: s.Name.ValueString(), Amount: s.Amount.ValueFloat64()})
	}
	if d.Amount == nil && len(d.SubRates) == 0 {
		// No amount and no sub-rates: a 0 % rate, as the incumbent sent it (its amount was 0 unless set).
		zero := 0.0
		d.Amount = &zero
	}
	return d
}

// findRate locates the rate of m in a category: by key when m has one; else by id; else (the
// id changed when the rate was replaced) by country and state.
func findRate(t *platform.TaxCategory, m *rateModel) *platform.TaxRate {
	key, id := m.Key.ValueString(), m.ID.ValueString()
	for i := range t.Rates {
		r := &t.Rates[i]
		if key != "" && r.Key != nil && *r.Key == key {
			return r
		}
	}
	if key != "" {
		return nil
	}
	for i := range t.Rates {
		if r := &t.Rates[i]; id != "" && r.ID != nil && *r.ID == id {
			return r
		}
	}
	for i := range t.Rates {
		r := &t.Rates[i]
		if r.Country == m.Country.ValueString() && deref(r.State) == m.State.ValueString() && (r.Key == nil || *r.Key == "") {
			return r
		}
	}
	return nil
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func findRateInto(_ context.Context, t *platform.TaxCategory, m *rateModel) (bool, diag.Diagnostics) {
	r := findRate(t, m)
	if r == nil {
		return false, nil
	}
	m.ID = flex.StringValue(r.ID)
	m.TaxCategoryID = types.StringValue(t.ID)
	m.Key = flex.Optional(r.Key)
	m.Name = types.StringValue(r.Name)
	m.Amount = types.Float64Value(r.Amount)
	m.IncludedInPrice = types.BoolValue(r.IncludedInPrice)
	m.Country = types.StringValue(r.Country)
	m.State = flex.Optional(r.State)
	m.SubRate = make([]subRateModel, 0, len(r.SubRates))
	for _, s := range r.SubRates {
		m.SubRate = append(m.SubRate, subRateModel{Name: types.StringValue(s.Name), Amount: types.Float64Value(s.Amount)})
	}
	return true, nil
}

// address names the rate in remove and replace actions: by key when it has one, else by id.
func address(r *platform.TaxRate) (id, key *string) {
	if r.Key != nil && *r.Key != "" {
		return nil, r.Key
	}
	return r.ID, nil
}

func addRate(_ context.Context, _ *client.Client, _ *platform.TaxCategory, plan *rateModel) ([]platform.TaxCategoryUpdateAction, diag.Diagnostics) {
	return []platform.TaxCategoryUpdateAction{platform.TaxCategoryAddTaxRateAction{TaxRate: plan.draft()}}, nil
}

func changeRate(_ context.Context, _ *client.Client, t *platform.TaxCategory, state, plan *rateModel) ([]platform.TaxCategoryUpdateAction, diag.Diagnostics) {
	r := findRate(t, state)
	id, key := address(r)
	return []platform.TaxCategoryUpdateAction{platform.TaxCategoryReplaceTaxRateAction{TaxRateId: id, TaxRateKey: key, TaxRate: plan.draft()}}, nil
}

func removeRate(_ context.Context, t *platform.TaxCategory, state *rateModel) []platform.TaxCategoryUpdateAction {
	id, key := address(findRate(t, state))
	return []platform.TaxCategoryUpdateAction{platform.TaxCategoryRemoveTaxRateAction{TaxRateId: id, TaxRateKey: key}}
}

// checkRate refuses an amount that is not the sum of the sub-rates (the API's InvalidOperation).
func checkRate(_ context.Context, _, plan *rateModel) diag.Diagnostics {
	var diags diag.Diagnostics
	if !flex.Known(plan.Amount) || len(plan.SubRate) == 0 {
		return diags
	}
	sum := 0.0
	for _, s := range plan.SubRate {
		if !flex.Known(s.Amount) {
			return diags
		}
		sum += s.Amount.ValueFloat64()
	}
	if math.Abs(sum-plan.Amount.ValueFloat64()) > 1e-9 {
		diags.AddAttributeError(path.Root("amount"), "The amount is not the sum of the sub-rates",
			fmt.Sprintf("amount is %v, but the sub-rates add up to %v. Leave amount out (commercetools computes it) or make them agree.", plan.Amount.ValueFloat64(), sum))
	}
	return diags
}

// importRate takes the rate's id (as the incumbent did) or <tax category id>@<rate key>.
func importRate(ctx context.Context, c *client.Client, id string, resp *resource.ImportStateResponse) {
	usage := "Import a commercetools_tax_category_rate by the rate's id, by <tax category id>@<rate key>, or by " +
		"key=<tax category key>/<rate key>, for example:\n" +
		"  terraform import commercetools_tax_category_rate.de 2684ef81-2e0b-435f-8c5d-009803299c8b\n" +
		"  terraform import commercetools_tax_category_rate.de 4f7e5cfd-2a0c-4c5e-9f3e-1c2d3b4a5e6f@de-standard\n" +
		"  terraform import commercetools_tax_category_rate.de key=standard/de-standard"
	raw := strings.TrimSpace(id)
	if keys, ok := strings.CutPrefix(raw, "key="); ok {
		categoryKey, rateKey, ok := strings.Cut(keys, "/")
		if !ok || categoryKey == "" || rateKey == "" || strings.ContainsAny(keys, "?# @") {
			resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf("%q is not key=<tax category key>/<rate key>.\n\n%s", id, usage))
			return
		}
		found, err := categories.Get(ctx, c, client.ByKey(categoryKey))
		if client.IsNotFound(err) {
			resp.Diagnostics.AddError(fmt.Sprintf("No tax category with key %q", categoryKey),
				fmt.Sprintf("Project %s has no tax category with key %q.", c.ProjectKey(), categoryKey))
			return
		}
		if err != nil {
			resp.Diagnostics.AddError("Unable to look up the tax category "+categoryKey, err.Error())
			return
		}
		raw = found.ID + "@" + rateKey
	}
	if raw == "" || strings.ContainsAny(raw, "/?# ") || strings.Count(raw, "@") > 1 {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf("%q is not a rate id or <tax category id>@<rate key>.\n\n%s", id, usage))
		return
	}
	var categoryID, key, rateID string
	if before, after, ok := strings.Cut(raw, "@"); ok {
		if before == "" || after == "" {
			resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf("%q is not a rate id or <tax category id>@<rate key>.\n\n%s", id, usage))
			return
		}
		categoryID, key = before, after
	} else {
		rateID = raw
		holds := func(t *platform.TaxCategory) bool {
			for _, r := range t.Rates {
				if r.ID != nil && *r.ID == rateID {
					return true
				}
			}
			return false
		}
		var found []platform.TaxCategory
		var err error
		if t := categories.Cached(c, holds); t != nil {
			found = []platform.TaxCategory{*t} // listed already (terraform query, an export): no request
		} else {
			found, err = categories.Query(ctx, c, "rates(id = "+client.QuotePredicate(rateID)+")")
		}
		if err != nil {
			resp.Diagnostics.AddError("Unable to look up the tax rate "+rateID, err.Error())
			return
		}
		if len(found) != 1 {
			resp.Diagnostics.AddError("No tax rate with id "+rateID, fmt.Sprintf("No tax category of project %s holds a rate with the id %q.", c.ProjectKey(), rateID))
			return
		}
		categoryID = found[0].ID
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("tax_category_id"), categoryID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), rateID)...)
	if key != "" {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("key"), key)...)
	}
}
