package shipping

import (
	"time"

	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
)

// The API's shipping types, our own: the SDK decodes price tiers through interface{} and lacks
// carrier.

type money struct {
	Type           string `json:"type,omitempty"`
	CurrencyCode   string `json:"currencyCode"`
	CentAmount     int64  `json:"centAmount"`
	FractionDigits int    `json:"fractionDigits,omitempty"`
}

// draft is the Money of a request (the API answers with CentPrecisionMoney).
func (m money) draft() money { return money{CurrencyCode: m.CurrencyCode, CentAmount: m.CentAmount} }

type priceFunction struct {
	CurrencyCode string `json:"currencyCode"`
	Function     string `json:"function"`
}

// tier is a ShippingRatePriceTier of any type (CartValue, CartClassification, CartScore).
type tier struct {
	Type              string         `json:"type"`
	MinimumCentAmount *int64         `json:"minimumCentAmount,omitempty"`
	Value             *string        `json:"value,omitempty"`
	Score             *int64         `json:"score,omitempty"`
	Price             *money         `json:"price,omitempty"`
	PriceFunction     *priceFunction `json:"priceFunction,omitempty"`
}

type shippingRate struct {
	Price     money  `json:"price"`
	FreeAbove *money `json:"freeAbove,omitempty"`
	Tiers     []tier `json:"tiers"`
}

// draft is the ShippingRateDraft that matches the rate.
func (r shippingRate) draft() shippingRate {
	out := shippingRate{Price: r.Price.draft(), Tiers: []tier{}}
	if r.FreeAbove != nil {
		f := r.FreeAbove.draft()
		out.FreeAbove = &f
	}
	for _, t := range r.Tiers {
		if t.Price != nil {
			p := t.Price.draft()
			t.Price = &p
		}
		out.Tiers = append(out.Tiers, t)
	}
	return out
}

type ref struct {
	TypeID string `json:"typeId,omitempty"`
	ID     string `json:"id,omitempty"`
	Key    string `json:"key,omitempty"`
}

type zoneRate struct {
	Zone          ref            `json:"zone"`
	ShippingRates []shippingRate `json:"shippingRates"`
}

type shippingMethod struct {
	ID                   string                 `json:"id"`
	Version              int64                  `json:"version"`
	CreatedAt            time.Time              `json:"createdAt"`
	Key                  *string                `json:"key,omitempty"`
	Name                 string                 `json:"name"`
	LocalizedName        map[string]string      `json:"localizedName,omitempty"`
	Description          *string                `json:"description,omitempty"`
	LocalizedDescription map[string]string      `json:"localizedDescription,omitempty"`
	TaxCategory          ref                    `json:"taxCategory"`
	ZoneRates            []zoneRate             `json:"zoneRates"`
	Active               bool                   `json:"active"`
	IsDefault            bool                   `json:"isDefault"`
	Predicate            *string                `json:"predicate,omitempty"`
	Carrier              *string                `json:"carrier,omitempty"`
	Custom               *platform.CustomFields `json:"custom,omitempty"`
	Stores               []ref                  `json:"stores"`
}

// methodDraft is ShippingMethodDraft: zoneRates always empty (zone rates are separate
// resources), isDefault always sent.
type methodDraft struct {
	Key                  *string                     `json:"key,omitempty"`
	Name                 string                      `json:"name"`
	LocalizedName        map[string]string           `json:"localizedName,omitempty"`
	Description          *string                     `json:"description,omitempty"`
	LocalizedDescription map[string]string           `json:"localizedDescription,omitempty"`
	TaxCategory          ref                         `json:"taxCategory"`
	ZoneRates            []zoneRate                  `json:"zoneRates"`
	Active               *bool                       `json:"active,omitempty"`
	IsDefault            bool                        `json:"isDefault"`
	Predicate            *string                     `json:"predicate,omitempty"`
	Carrier              *string                     `json:"carrier,omitempty"`
	Custom               *platform.CustomFieldsDraft `json:"custom,omitempty"`
	Stores               []ref                       `json:"stores,omitempty"`
}

type location struct {
	Country string  `json:"country"`
	State   *string `json:"state,omitempty"`
}

type zone struct {
	ID          string     `json:"id"`
	Version     int64      `json:"version"`
	CreatedAt   time.Time  `json:"createdAt"`
	Key         *string    `json:"key,omitempty"`
	Name        string     `json:"name"`
	Description *string    `json:"description,omitempty"`
	Locations   []location `json:"locations"`
}

type zoneDraft struct {
	Key         *string    `json:"key,omitempty"`
	Name        string     `json:"name"`
	Description *string    `json:"description,omitempty"`
	Locations   []location `json:"locations"`
}

// action is an update action of zones and shipping methods.
type action = updates.Action

var act = updates.Act
