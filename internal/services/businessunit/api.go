// Package businessunit implements the B2B units: commercetools_business_unit_company and
// commercetools_business_unit_division (one API collection, two resource types as the incumbent
// has them) with their data sources by key, and commercetools_business_unit_associate, one
// customer's roles in one unit, so that associates added in the storefront are never removed by
// an apply.
package businessunit

import (
	"time"

	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
)

type action = updates.Action

// ref is a reference, key reference or resource identifier of the API.
type ref struct {
	TypeID string `json:"typeId"`
	ID     string `json:"id,omitempty"`
	Key    string `json:"key,omitempty"`
}

type roleAssignment struct {
	AssociateRole ref    `json:"associateRole"`
	Inheritance   string `json:"inheritance,omitempty"`
}

type associate struct {
	Customer                 ref              `json:"customer"`
	AssociateRoleAssignments []roleAssignment `json:"associateRoleAssignments"`
}

type groupAssignment struct {
	CustomerGroup ref `json:"customerGroup"`
}

// unit is a BusinessUnit (a Company or a Division) as the API returns it.
type unit struct {
	ID                       string                 `json:"id"`
	Version                  int64                  `json:"version"`
	CreatedAt                time.Time              `json:"createdAt"`
	Key                      string                 `json:"key"`
	UnitType                 string                 `json:"unitType"`
	Name                     string                 `json:"name"`
	ContactEmail             *string                `json:"contactEmail,omitempty"`
	Status                   string                 `json:"status"`
	Stores                   []ref                  `json:"stores"`
	StoreMode                string                 `json:"storeMode"`
	AssociateMode            string                 `json:"associateMode"`
	ApprovalRuleMode         string                 `json:"approvalRuleMode"`
	Associates               []associate            `json:"associates"`
	Addresses                []platform.Address     `json:"addresses"`
	ShippingAddressIds       []string               `json:"shippingAddressIds"`
	BillingAddressIds        []string               `json:"billingAddressIds"`
	DefaultShippingAddressID *string                `json:"defaultShippingAddressId,omitempty"`
	DefaultBillingAddressID  *string                `json:"defaultBillingAddressId,omitempty"`
	Custom                   *platform.CustomFields `json:"custom,omitempty"`
	CustomerGroupAssignments []groupAssignment      `json:"customerGroupAssignments"`
	ParentUnit               *ref                   `json:"parentUnit,omitempty"`
	TopLevelUnit             *ref                   `json:"topLevelUnit,omitempty"`
}

// draft is a CompanyDraft or DivisionDraft: addresses, shipping and billing addresses and the
// defaults refer to addresses by their index.
type draft struct {
	Key                      string                      `json:"key"`
	UnitType                 string                      `json:"unitType"`
	Name                     string                      `json:"name"`
	ContactEmail             *string                     `json:"contactEmail,omitempty"`
	Status                   string                      `json:"status,omitempty"`
	Stores                   []ref                       `json:"stores,omitempty"`
	StoreMode                string                      `json:"storeMode,omitempty"`
	AssociateMode            string                      `json:"associateMode,omitempty"`
	ApprovalRuleMode         string                      `json:"approvalRuleMode,omitempty"`
	Addresses                []platform.BaseAddress      `json:"addresses,omitempty"`
	ShippingAddresses        []int                       `json:"shippingAddresses,omitempty"`
	BillingAddresses         []int                       `json:"billingAddresses,omitempty"`
	DefaultShippingAddress   *int                        `json:"defaultShippingAddress,omitempty"`
	DefaultBillingAddress    *int                        `json:"defaultBillingAddress,omitempty"`
	Custom                   *platform.CustomFieldsDraft `json:"custom,omitempty"`
	CustomerGroupAssignments []groupAssignment           `json:"customerGroupAssignments,omitempty"`
	ParentUnit               *ref                        `json:"parentUnit,omitempty"`
}

// endpoint is the collection of both unit types; they share its listing.
var endpoint = &client.Endpoint[unit, action]{
	Path: "business-units", Noun: "business unit",
	Meta: func(u *unit) client.Meta {
		return client.Meta{ID: u.ID, Key: u.Key, Version: u.Version, CreatedAt: u.CreatedAt}
	},
}

// lockGroup is the lock both unit types and the associates share.
const lockGroup = "business_unit"
