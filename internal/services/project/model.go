package project

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// The project as the API returns it (types/project/Project.raml), our own type: the SDK lacks
// parts of it.
type apiProject struct {
	Key        string    `json:"key"`
	Version    int64     `json:"version"`
	CreatedAt  time.Time `json:"createdAt"`
	Name       string    `json:"name"`
	Countries  []string  `json:"countries"`
	Currencies []string  `json:"currencies"`
	Languages  []string  `json:"languages"`
	Messages   struct {
		Enabled                 bool   `json:"enabled"`
		DeleteDaysAfterCreation *int64 `json:"deleteDaysAfterCreation"`
	} `json:"messages"`
	Carts struct {
		DeleteDaysAfterLastModification *int64  `json:"deleteDaysAfterLastModification"`
		CountryTaxRateFallbackEnabled   *bool   `json:"countryTaxRateFallbackEnabled"`
		PriceRoundingMode               *string `json:"priceRoundingMode"`
		TaxRoundingMode                 *string `json:"taxRoundingMode"`
	} `json:"carts"`
	ShoppingLists *struct {
		DeleteDaysAfterLastModification *int64 `json:"deleteDaysAfterLastModification"`
	} `json:"shoppingLists"`
	ShippingRateInputType *struct {
		Type   string `json:"type"`
		Values []struct {
			Key   string            `json:"key"`
			Label map[string]string `json:"label"`
		} `json:"values"`
	} `json:"shippingRateInputType"`
	ExternalOAuth *struct {
		URL string `json:"url"`
	} `json:"externalOAuth"`
	ProductCatalogModel string `json:"productCatalogModel,omitempty"`
	SearchIndexing      map[string]struct {
		Status string `json:"status"`
	} `json:"searchIndexing"`
	BusinessUnits *struct {
		MyBusinessUnitStatusOnCreation        string `json:"myBusinessUnitStatusOnCreation"`
		MyBusinessUnitAssociateRoleOnCreation *struct {
			Key string `json:"key"`
		} `json:"myBusinessUnitAssociateRoleOnCreation"`
	} `json:"businessUnits"`
	Discounts *struct {
		DiscountCombinationMode string `json:"discountCombinationMode"`
	} `json:"discounts"`
	Inventory *struct {
		ReservationExpirationInMinutes *int64 `json:"reservationExpirationInMinutes"`
		ReleaseExpiredReservations     *bool  `json:"releaseExpiredReservations"`
	} `json:"inventory"`
}

// model is the state of commercetools_project_settings, with the incumbent's names.
type model struct {
	versioned.Common
	Name                     types.String          `tfsdk:"name"`
	Currencies               types.List            `tfsdk:"currencies"`
	Countries                types.List            `tfsdk:"countries"`
	Languages                types.List            `tfsdk:"languages"`
	SearchProducts           types.Bool            `tfsdk:"enable_search_index_products"`
	SearchProductSearch      types.Bool            `tfsdk:"enable_search_index_product_search"`
	SearchOrders             types.Bool            `tfsdk:"enable_search_index_orders"`
	SearchCustomers          types.Bool            `tfsdk:"enable_search_index_customers"`
	SearchBusinessUnits      types.Bool            `tfsdk:"enable_search_index_business_units"`
	ShippingRateInputType    types.String          `tfsdk:"shipping_rate_input_type"`
	ProductCatalogModel      types.String          `tfsdk:"product_catalog_model"`
	Messages                 []messagesModel       `tfsdk:"messages"`
	Carts                    []cartsModel          `tfsdk:"carts"`
	ShoppingLists            []shoppingListsModel  `tfsdk:"shopping_lists"`
	CartClassificationValues []classificationModel `tfsdk:"shipping_rate_cart_classification_value"`
	ExternalOAuth            []externalOAuthModel  `tfsdk:"external_oauth"`
	BusinessUnits            []businessUnitsModel  `tfsdk:"business_units"`
	Discounts                []discountsModel      `tfsdk:"discounts"`
	Inventory                []inventoryModel      `tfsdk:"inventory"`
}

type inventoryModel struct {
	ReservationExpiration types.Int64 `tfsdk:"reservation_expiration_in_minutes"`
	ReleaseExpired        types.Bool  `tfsdk:"release_expired_reservations"`
}

type messagesModel struct {
	Enabled                 types.Bool  `tfsdk:"enabled"`
	DeleteDaysAfterCreation types.Int64 `tfsdk:"delete_days_after_creation"`
}

type cartsModel struct {
	CountryTaxRateFallbackEnabled   types.Bool   `tfsdk:"country_tax_rate_fallback_enabled"`
	DeleteDaysAfterLastModification types.Int64  `tfsdk:"delete_days_after_last_modification"`
	PriceRoundingMode               types.String `tfsdk:"price_rounding_mode"`
	TaxRoundingMode                 types.String `tfsdk:"tax_rounding_mode"`
}

type shoppingListsModel struct {
	DeleteDaysAfterLastModification types.Int64 `tfsdk:"delete_days_after_last_modification"`
}

type classificationModel struct {
	Key   types.String `tfsdk:"key"`
	Label types.Map    `tfsdk:"label"`
}

type externalOAuthModel struct {
	URL                 types.String `tfsdk:"url"`
	AuthorizationHeader types.String `tfsdk:"authorization_header"`
}

type businessUnitsModel struct {
	StatusOnCreation  types.String `tfsdk:"my_business_unit_status_on_creation"`
	RoleKeyOnCreation types.String `tfsdk:"my_business_unit_associate_role_key_on_creation"`
}

type discountsModel struct {
	Mode types.String `tfsdk:"discount_combination_mode"`
}

func int64Or(p *int64, def int64) types.Int64 {
	if p == nil {
		return types.Int64Value(def)
	}
	return types.Int64Value(*p)
}

func stringOr(p *string, def string) types.String {
	if p == nil || *p == "" {
		return types.StringValue(def)
	}
	return types.StringValue(*p)
}

// searching reports whether an index is on: any status but Deactivated (Indexing counts as on).
func searching(p *apiProject, which string) types.Bool {
	s, ok := p.SearchIndexing[which]
	return types.BoolValue(ok && s.Status != "" && s.Status != "Deactivated")
}

// flatten copies the project into m. A block that m does not have is not managed and stays
// empty, except after an import, which reads every block (the incumbent's import read none: its
// issues #538 and #660); the external OAuth header, which the API masks, keeps m's value ("" after
// an import: the next apply sends the configured one).
func flatten(ctx context.Context, _ *client.Client, p *apiProject, m *model) diag.Diagnostics {
	if versioned.Importing(ctx) {
		m.Messages, m.Carts, m.ShoppingLists = []messagesModel{{}}, []cartsModel{{}}, []shoppingListsModel{{}}
		m.BusinessUnits, m.Discounts, m.Inventory = []businessUnitsModel{{}}, []discountsModel{{}}, []inventoryModel{{}}
		if p.ExternalOAuth != nil {
			m.ExternalOAuth = []externalOAuthModel{{AuthorizationHeader: types.StringValue("")}}
		}
	}
	m.ID = types.StringValue(p.Key)
	m.Key = types.StringValue(p.Key)
	m.Name = types.StringValue(p.Name)
	m.Currencies = flex.StringList(p.Currencies)
	m.Countries = flex.StringList(p.Countries)
	m.Languages = flex.StringList(p.Languages)
	m.SearchProducts = searching(p, "products")
	m.SearchProductSearch = searching(p, "productsSearch")
	m.SearchOrders = searching(p, "orders")
	m.SearchCustomers = searching(p, "customers")
	m.SearchBusinessUnits = searching(p, "businessUnits")
	m.ProductCatalogModel = types.StringNull()
	if p.ProductCatalogModel != "" {
		m.ProductCatalogModel = types.StringValue(p.ProductCatalogModel)
	}
	m.ShippingRateInputType = types.StringNull()
	m.CartClassificationValues = []classificationModel{}
	if t := p.ShippingRateInputType; t != nil {
		m.ShippingRateInputType = types.StringValue(t.Type)
		for _, v := range t.Values {
			m.CartClassificationValues = append(m.CartClassificationValues, classificationModel{Key: types.StringValue(v.Key), Label: flex.LocalizedValue(v.Label)})
		}
	}
	if len(m.Messages) > 0 {
		m.Messages = []messagesModel{{Enabled: types.BoolValue(p.Messages.Enabled), DeleteDaysAfterCreation: int64Or(p.Messages.DeleteDaysAfterCreation, 15)}}
	} else {
		m.Messages = []messagesModel{}
	}
	if len(m.Carts) > 0 {
		fallback := false
		if p.Carts.CountryTaxRateFallbackEnabled != nil {
			fallback = *p.Carts.CountryTaxRateFallbackEnabled
		}
		m.Carts = []cartsModel{{CountryTaxRateFallbackEnabled: types.BoolValue(fallback),
			DeleteDaysAfterLastModification: int64Or(p.Carts.DeleteDaysAfterLastModification, 90),
			PriceRoundingMode:               stringOr(p.Carts.PriceRoundingMode, "HalfEven"), TaxRoundingMode: stringOr(p.Carts.TaxRoundingMode, "HalfEven")}}
	} else {
		m.Carts = []cartsModel{}
	}
	if len(m.ShoppingLists) > 0 {
		var days *int64
		if p.ShoppingLists != nil {
			days = p.ShoppingLists.DeleteDaysAfterLastModification
		}
		m.ShoppingLists = []shoppingListsModel{{DeleteDaysAfterLastModification: int64Or(days, 360)}}
	} else {
		m.ShoppingLists = []shoppingListsModel{}
	}
	switch {
	case p.ExternalOAuth == nil:
		m.ExternalOAuth = []externalOAuthModel{}
	case len(m.ExternalOAuth) > 0:
		m.ExternalOAuth = []externalOAuthModel{{URL: types.StringValue(p.ExternalOAuth.URL), AuthorizationHeader: m.ExternalOAuth[0].AuthorizationHeader}}
	default:
		// Imported, or set outside Terraform: the header cannot be read; the plan asks for it.
		m.ExternalOAuth = []externalOAuthModel{}
	}
	if len(m.BusinessUnits) > 0 {
		bu := businessUnitsModel{StatusOnCreation: types.StringValue("Inactive"), RoleKeyOnCreation: types.StringNull()}
		if b := p.BusinessUnits; b != nil {
			bu.StatusOnCreation = stringOr(&b.MyBusinessUnitStatusOnCreation, "Inactive")
			if b.MyBusinessUnitAssociateRoleOnCreation != nil {
				bu.RoleKeyOnCreation = types.StringValue(b.MyBusinessUnitAssociateRoleOnCreation.Key)
			}
		}
		m.BusinessUnits = []businessUnitsModel{bu}
	} else {
		m.BusinessUnits = []businessUnitsModel{}
	}
	if len(m.Discounts) > 0 {
		mode := "Stacking"
		if p.Discounts != nil && p.Discounts.DiscountCombinationMode != "" {
			mode = p.Discounts.DiscountCombinationMode
		}
		m.Discounts = []discountsModel{{Mode: types.StringValue(mode)}}
	} else {
		m.Discounts = []discountsModel{}
	}
	m.Inventory = flattenInventory(p, m.Inventory)
	return nil
}

func flattenInventory(p *apiProject, prior []inventoryModel) []inventoryModel {
	if len(prior) == 0 {
		return []inventoryModel{}
	}
	inv := inventoryModel{ReservationExpiration: types.Int64Null(), ReleaseExpired: types.BoolValue(true)}
	if i := p.Inventory; i != nil {
		if i.ReservationExpirationInMinutes != nil {
			inv.ReservationExpiration = types.Int64Value(*i.ReservationExpirationInMinutes)
		}
		if i.ReleaseExpiredReservations != nil {
			inv.ReleaseExpired = types.BoolValue(*i.ReleaseExpiredReservations)
		}
	}
	return []inventoryModel{inv}
}

// action is a ProjectUpdateAction.
type action map[string]any

func strings(l types.List) []string { return flex.Strings(l) }

func changedList(from, to types.List) bool {
	return flex.Known(to) && !slices.Equal(strings(from), strings(to))
}

// actions computes the project update actions. Blocks the plan leaves out are not managed.
func actions(_ context.Context, _ *client.Client, from, to *model) ([]action, diag.Diagnostics) {
	var out []action
	if flex.Known(to.Name) && to.Name.ValueString() != from.Name.ValueString() {
		out = append(out, action{"action": "changeName", "name": to.Name.ValueString()})
	}
	for _, l := range []struct {
		action, field string
		from, to      types.List
	}{
		{"changeCurrencies", "currencies", from.Currencies, to.Currencies},
		{"changeCountries", "countries", from.Countries, to.Countries},
		{"changeLanguages", "languages", from.Languages, to.Languages},
	} {
		if changedList(l.from, l.to) {
			out = append(out, action{"action": l.action, l.field: strings(l.to)})
		}
	}
	if len(to.Messages) > 0 && (len(from.Messages) == 0 || from.Messages[0] != to.Messages[0]) {
		m := to.Messages[0]
		out = append(out, action{"action": "changeMessagesConfiguration", "messagesConfiguration": map[string]any{
			"enabled": m.Enabled.ValueBool(), "deleteDaysAfterCreation": m.DeleteDaysAfterCreation.ValueInt64()}})
	}
	if len(to.Carts) > 0 && (len(from.Carts) == 0 || from.Carts[0] != to.Carts[0]) {
		c := to.Carts[0]
		out = append(out, action{"action": "changeCartsConfiguration", "cartsConfiguration": map[string]any{
			"countryTaxRateFallbackEnabled":   c.CountryTaxRateFallbackEnabled.ValueBool(),
			"deleteDaysAfterLastModification": c.DeleteDaysAfterLastModification.ValueInt64(),
			"priceRoundingMode":               c.PriceRoundingMode.ValueString(), "taxRoundingMode": c.TaxRoundingMode.ValueString()}})
		// Older projects apply the fallback flag only through its own action (the incumbent's #228).
		if len(from.Carts) == 0 || from.Carts[0].CountryTaxRateFallbackEnabled != c.CountryTaxRateFallbackEnabled {
			out = append(out, action{"action": "changeCountryTaxRateFallbackEnabled", "countryTaxRateFallbackEnabled": c.CountryTaxRateFallbackEnabled.ValueBool()})
		}
	}
	if len(to.ShoppingLists) > 0 && (len(from.ShoppingLists) == 0 || from.ShoppingLists[0] != to.ShoppingLists[0]) {
		out = append(out, action{"action": "changeShoppingListsConfiguration", "shoppingListsConfiguration": map[string]any{
			"deleteDaysAfterLastModification": to.ShoppingLists[0].DeleteDaysAfterLastModification.ValueInt64()}})
	}
	for _, s := range []struct {
		from, to types.Bool
		make     func(on bool) action
	}{
		{from.SearchProducts, to.SearchProducts, func(on bool) action {
			return action{"action": "changeProductSearchIndexingEnabled", "enabled": on, "mode": "ProductProjectionsSearch"}
		}},
		{from.SearchProductSearch, to.SearchProductSearch, func(on bool) action {
			return action{"action": "changeProductSearchIndexingEnabled", "enabled": on, "mode": "ProductsSearch"}
		}},
		{from.SearchOrders, to.SearchOrders, statusAction("changeOrderSearchStatus")},
		{from.SearchCustomers, to.SearchCustomers, statusAction("changeCustomerSearchStatus")},
		{from.SearchBusinessUnits, to.SearchBusinessUnits, statusAction("changeBusinessUnitSearchStatus")},
	} {
		if flex.Known(s.to) && s.to.ValueBool() != s.from.ValueBool() {
			out = append(out, s.make(s.to.ValueBool()))
		}
	}
	// Sent only when configured (a beta setting that changes how the product APIs behave).
	if m := to.ProductCatalogModel.ValueString(); flex.Known(to.ProductCatalogModel) && m != "" && m != from.ProductCatalogModel.ValueString() {
		out = append(out, action{"action": "setProductCatalogModel", "productCatalogModel": to.ProductCatalogModel.ValueString()})
	}
	if !sameInputType(from, to) {
		a := action{"action": "setShippingRateInputType"}
		if t := to.ShippingRateInputType.ValueString(); t != "" {
			in := map[string]any{"type": t}
			if t == "CartClassification" {
				values := []any{}
				for _, v := range to.CartClassificationValues {
					values = append(values, map[string]any{"key": v.Key.ValueString(), "label": localizedOrEmpty(v.Label)})
				}
				in["values"] = values
			}
			a["shippingRateInputType"] = in
		}
		out = append(out, a)
	}
	switch {
	case len(to.ExternalOAuth) > 0 && (len(from.ExternalOAuth) == 0 || from.ExternalOAuth[0] != to.ExternalOAuth[0]):
		o := to.ExternalOAuth[0]
		out = append(out, action{"action": "setExternalOAuth", "externalOAuth": map[string]any{
			"url": o.URL.ValueString(), "authorizationHeader": o.AuthorizationHeader.ValueString()}})
	case len(to.ExternalOAuth) == 0 && len(from.ExternalOAuth) > 0:
		out = append(out, action{"action": "setExternalOAuth"})
	}
	if len(to.BusinessUnits) > 0 {
		var prior businessUnitsModel
		if len(from.BusinessUnits) > 0 {
			prior = from.BusinessUnits[0]
		}
		b := to.BusinessUnits[0]
		if b.StatusOnCreation.ValueString() != prior.StatusOnCreation.ValueString() {
			out = append(out, action{"action": "changeMyBusinessUnitStatusOnCreation", "status": b.StatusOnCreation.ValueString()})
		}
		if k := b.RoleKeyOnCreation.ValueString(); k != "" && k != prior.RoleKeyOnCreation.ValueString() {
			out = append(out, action{"action": "setMyBusinessUnitAssociateRoleOnCreation", "associateRole": map[string]any{"typeId": "associate-role", "key": k}})
		}
	}
	if len(to.Inventory) > 0 {
		var prior inventoryModel
		if len(from.Inventory) > 0 {
			prior = from.Inventory[0]
		}
		i := to.Inventory[0]
		if i.ReservationExpiration != prior.ReservationExpiration {
			a := action{"action": "setReservationExpirationInMinutes"}
			if flex.Known(i.ReservationExpiration) {
				a["reservationExpirationInMinutes"] = i.ReservationExpiration.ValueInt64()
			}
			out = append(out, a)
		}
		if i.ReleaseExpired != prior.ReleaseExpired {
			out = append(out, action{"action": "setReleaseExpiredReservations", "releaseExpiredReservations": i.ReleaseExpired.ValueBool()})
		}
	}
	if len(to.Discounts) > 0 && (len(from.Discounts) == 0 || from.Discounts[0] != to.Discounts[0]) {
		out = append(out, action{"action": "setDiscountsConfiguration", "discountsConfiguration": map[string]any{
			"discountCombinationMode": to.Discounts[0].Mode.ValueString()}})
	}
	return out, nil
}

func localizedOrEmpty(v types.Map) map[string]string {
	if m := flex.Localized(v); m != nil {
		return m
	}
	return map[string]string{}
}

func statusAction(name string) func(on bool) action {
	return func(on bool) action {
		status := "Deactivated"
		if on {
			status = "Activated"
		}
		return action{"action": name, "status": status}
	}
}

func sameInputType(from, to *model) bool {
	if from.ShippingRateInputType.ValueString() != to.ShippingRateInputType.ValueString() {
		return false
	}
	if to.ShippingRateInputType.ValueString() != "CartClassification" {
		return true
	}
	if len(from.CartClassificationValues) != len(to.CartClassificationValues) {
		return false
	}
	for i, v := range to.CartClassificationValues {
		o := from.CartClassificationValues[i]
		if o.Key.ValueString() != v.Key.ValueString() || !flex.SameLocalized(flex.Localized(o.Label), flex.Localized(v.Label)) {
			return false
		}
	}
	return true
}

// check refuses at plan time what the API cannot do: classification values without the
// CartClassification input type, and removing the associate role on creation.
func check(_ context.Context, state, plan *model) diag.Diagnostics {
	var diags diag.Diagnostics
	t := plan.ShippingRateInputType
	if flex.Known(t) && t.ValueString() != "CartClassification" && len(plan.CartClassificationValues) > 0 {
		diags.AddAttributeError(path.Root("shipping_rate_cart_classification_value"), "Classification values need the CartClassification input type",
			fmt.Sprintf("shipping_rate_cart_classification_value blocks only apply with shipping_rate_input_type = \"CartClassification\"; it is %q.", t.ValueString()))
	}
	if flex.Known(t) && t.ValueString() == "CartClassification" && len(plan.CartClassificationValues) == 0 {
		diags.AddAttributeError(path.Root("shipping_rate_input_type"), "CartClassification needs classification values",
			"Add at least one shipping_rate_cart_classification_value block with the keys carts and shipping rate tiers may use.")
	}
	if state != nil && len(state.BusinessUnits) > 0 && state.BusinessUnits[0].RoleKeyOnCreation.ValueString() != "" &&
		(len(plan.BusinessUnits) == 0 || plan.BusinessUnits[0].RoleKeyOnCreation.IsNull()) {
		diags.AddAttributeError(path.Root("business_units"), "The associate role on creation cannot be removed",
			"commercetools can change my_business_unit_associate_role_key_on_creation but not remove it. Keep it, or set another role's key.")
	}
	return diags
}
