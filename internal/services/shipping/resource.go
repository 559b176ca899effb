// Package shipping implements commercetools_shipping_zone and commercetools_shipping_method
// (with their data sources by key) and commercetools_shipping_zone_rate, a child of the method.
package shipping

import (
	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

var zones = &client.Endpoint[zone, action]{
	Path: "zones", Noun: "shipping zone",
	Meta: func(z *zone) client.Meta {
		return client.Meta{ID: z.ID, Key: deref(z.Key), Version: z.Version, CreatedAt: z.CreatedAt}
	},
}

var methods = &client.Endpoint[shippingMethod, action]{
	Path: "shipping-methods", Noun: "shipping method",
	Meta: func(s *shippingMethod) client.Meta {
		return client.Meta{ID: s.ID, Key: deref(s.Key), Version: s.Version, CreatedAt: s.CreatedAt}
	},
}

var zoneFamily = &versioned.Family[zoneModel, *zoneModel, zone, action]{
	TypeName: "shipping_zone", Noun: "shipping zone", Endpoint: zones, Hint: framework.ScopesOf("zones", "orders"),
	Schema: zoneSchema, Draft: zoneDraftOf, Flatten: flattenZone, Actions: zoneActions,
}

var methodHint = framework.ScopesOf("shipping_methods", "orders")

var methodFamily = &versioned.Family[methodModel, *methodModel, shippingMethod, action]{
	TypeName: "shipping_method", Noun: "shipping method", Endpoint: methods, Hint: methodHint,
	Schema: methodSchema, Draft: methodDraftOf, Flatten: flattenMethod, Actions: methodActions,
}

var rateFamily = &versioned.ChildFamily[rateModel, *rateModel, shippingMethod, action]{
	TypeName: "shipping_zone_rate", Noun: "shipping zone rate", Parent: methods, ParentType: "shipping_method", Hint: methodHint,
	Schema:   rateSchema,
	ParentID: func(m *rateModel) string { return m.ShippingMethodID.ValueString() },
	Find:     findRateInto, Add: addRate, Change: changeRate, Remove: removeRate, Import: importRate, Check: checkRate,
	Children: func(m *shippingMethod) []string {
		var ids []string
		for _, z := range m.ZoneRates {
			for _, r := range z.ShippingRates {
				ids = append(ids, m.ID+"@"+z.Zone.ID+"@"+r.Price.CurrencyCode)
			}
		}
		return ids
	},
}

// NewZoneResource returns the commercetools_shipping_zone resource.
var NewZoneResource = versioned.NewResource(zoneFamily)

// NewZoneDataSource returns the commercetools_shipping_zone data source (by key).
var NewZoneDataSource = versioned.NewDataSource(zoneFamily)

// NewMethodResource returns the commercetools_shipping_method resource.
var NewMethodResource = versioned.NewResource(methodFamily)

// NewMethodDataSource returns the commercetools_shipping_method data source (by key).
var NewMethodDataSource = versioned.NewDataSource(methodFamily)

// NewRateResource returns the commercetools_shipping_zone_rate resource.
var NewRateResource = versioned.NewChildResource(rateFamily)
