// Package address is the shared `address` block (a BaseAddress of the API) of channels and, in
// later families, stores of addresses such as business units.
package address

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/planmod"
)

// Model is one address block, with the incumbent's attribute names.
type Model struct {
	ID                    types.String `tfsdk:"id"`
	Key                   types.String `tfsdk:"key"`
	Country               types.String `tfsdk:"country"`
	Title                 types.String `tfsdk:"title"`
	Salutation            types.String `tfsdk:"salutation"`
	FirstName             types.String `tfsdk:"first_name"`
	LastName              types.String `tfsdk:"last_name"`
	StreetName            types.String `tfsdk:"street_name"`
	StreetNumber          types.String `tfsdk:"street_number"`
	AdditionalStreetInfo  types.String `tfsdk:"additional_street_info"`
	PostalCode            types.String `tfsdk:"postal_code"`
	City                  types.String `tfsdk:"city"`
	Region                types.String `tfsdk:"region"`
	State                 types.String `tfsdk:"state"`
	Company               types.String `tfsdk:"company"`
	Department            types.String `tfsdk:"department"`
	Building              types.String `tfsdk:"building"`
	Apartment             types.String `tfsdk:"apartment"`
	POBox                 types.String `tfsdk:"po_box"`
	Phone                 types.String `tfsdk:"phone"`
	Mobile                types.String `tfsdk:"mobile"`
	Email                 types.String `tfsdk:"email"`
	Fax                   types.String `tfsdk:"fax"`
	AdditionalAddressInfo types.String `tfsdk:"additional_address_info"`
	ExternalID            types.String `tfsdk:"external_id"`
}

// optional lists the plain optional text attributes with their descriptions.
var optional = map[string]string{
	"title":                   "Title of the contact, for example 'Dr.'.",
	"salutation":              "Salutation of the contact, for example 'Ms.'.",
	"first_name":              "Given name of the contact.",
	"last_name":               "Family name of the contact.",
	"street_name":             "Name of the street.",
	"street_number":           "Street number.",
	"additional_street_info":  "Further information on the street address.",
	"postal_code":             "Postal code.",
	"city":                    "Name of the city.",
	"region":                  "Name of the region.",
	"state":                   "Name of the state, for example Colorado.",
	"company":                 "Name of the company.",
	"department":              "Name of the department.",
	"building":                "Number or name of the building.",
	"apartment":               "Number or name of the apartment.",
	"po_box":                  "Post office box number.",
	"phone":                   "Phone number of the contact.",
	"mobile":                  "Mobile phone number of the contact.",
	"email":                   "Email address of the contact.",
	"fax":                     "Fax number of the contact.",
	"additional_address_info": "Further information on the address.",
	"external_id":             "Id of the contact in an external system.",
}

var keyPattern = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// Block is the `address` block: a list of at most one, as the incumbent stored it.
func Block(noun string) schema.ListNestedBlock {
	return schema.ListNestedBlock{
		MarkdownDescription: "The postal address of the " + noun + ".",
		Validators:          []validator.List{listvalidator.SizeAtMost(1)},
		NestedObject:        schema.NestedBlockObject{Attributes: attributes(planmod.UseStateIfParentUnchanged("id"))},
	}
}

// ListBlock is the `address` block of a resource with many addresses (business units): each
// keeps its id by its key wherever it moves in the list; addresses without a key (as an import
// may bring) are matched by position.
func ListBlock(desc string) schema.ListNestedBlock {
	return schema.ListNestedBlock{MarkdownDescription: desc,
		NestedObject: schema.NestedBlockObject{Attributes: attributes(planmod.UseStateOfSameKey("key", "id"))}}
}

func attributes(id planmodifier.String) map[string]schema.Attribute {
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "The id commercetools gave the address.",
			PlanModifiers:       []planmodifier.String{id},
		},
		"key": schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: "User-defined identifier of the address (2 to 256 characters of A-Z, a-z, 0-9, `_` and `-`).",
			Validators: []validator.String{stringvalidator.LengthBetween(2, 256),
				stringvalidator.RegexMatches(keyPattern, "must contain only A-Z, a-z, 0-9, '_' and '-'")},
		},
		"country": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "Two-letter country code (ISO 3166-1 alpha-2), for example `DE`.",
			Validators:          []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(`^[A-Z]{2}$`), "must be a two-letter ISO 3166-1 country code in upper case, such as DE")},
		},
	}
	for name, desc := range optional {
		attrs[name] = schema.StringAttribute{Optional: true, MarkdownDescription: desc}
	}
	return attrs
}

// Draft returns the BaseAddress of a block, nil when it is absent. The id is left to the API.
func Draft(l []Model) *platform.BaseAddress {
	if len(l) == 0 {
		return nil
	}
	d := DraftOne(l[0])
	return &d
}

// DraftOne is the BaseAddress of one address (the id left to the API).
func DraftOne(m Model) platform.BaseAddress {
	return platform.BaseAddress{
		Key: flex.String(m.Key), Country: m.Country.ValueString(), Title: flex.String(m.Title), Salutation: flex.String(m.Salutation),
		FirstName: flex.String(m.FirstName), LastName: flex.String(m.LastName), StreetName: flex.String(m.StreetName),
		StreetNumber: flex.String(m.StreetNumber), AdditionalStreetInfo: flex.String(m.AdditionalStreetInfo),
		PostalCode: flex.String(m.PostalCode), City: flex.String(m.City), Region: flex.String(m.Region), State: flex.String(m.State),
		Company: flex.String(m.Company), Department: flex.String(m.Department), Building: flex.String(m.Building),
		Apartment: flex.String(m.Apartment), POBox: flex.String(m.POBox), Phone: flex.String(m.Phone), Mobile: flex.String(m.Mobile),
		Email: flex.String(m.Email), Fax: flex.String(m.Fax), AdditionalAddressInfo: flex.String(m.AdditionalAddressInfo),
		ExternalId: flex.String(m.ExternalID),
	}
}

// Flatten renders an API address as a block (no block for nil). Each field maps to its own
// attribute; the incumbent filled both additional_* attributes from additionalAddressInfo.
func Flatten(a *platform.Address) []Model {
	if a == nil {
		return []Model{}
	}
	return []Model{FlattenOne(*a)}
}

// FlattenOne renders one API address.
func FlattenOne(a platform.Address) Model {
	s := flex.StringValue
	return Model{
		ID: s(a.ID), Key: s(a.Key), Country: types.StringValue(a.Country), Title: s(a.Title), Salutation: s(a.Salutation),
		FirstName: s(a.FirstName), LastName: s(a.LastName), StreetName: s(a.StreetName), StreetNumber: s(a.StreetNumber),
		AdditionalStreetInfo: s(a.AdditionalStreetInfo), PostalCode: s(a.PostalCode), City: s(a.City), Region: s(a.Region),
		State: s(a.State), Company: s(a.Company), Department: s(a.Department), Building: s(a.Building), Apartment: s(a.Apartment),
		POBox: s(a.POBox), Phone: s(a.Phone), Mobile: s(a.Mobile), Email: s(a.Email), Fax: s(a.Fax),
		AdditionalAddressInfo: s(a.AdditionalAddressInfo), ExternalID: s(a.ExternalId),
	}
}

// Same reports whether two blocks describe the same address (the id aside). Empty strings count
// as unset, as the incumbent's state holds them.
func Same(a, b []Model) bool {
	if len(a) != len(b) {
		return false
	}
	if len(a) == 0 {
		return true
	}
	return SameOne(a[0], b[0])
}

// SameOne reports whether two addresses are the same (the id aside; empty strings unset).
func SameOne(x, y Model) bool {
	dx, dy := DraftOne(x), DraftOne(y)
	return equalDrafts(&dx, &dy)
}

func equalDrafts(a, b *platform.BaseAddress) bool {
	v := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	pa := []*string{a.Key, a.Title, a.Salutation, a.FirstName, a.LastName, a.StreetName, a.StreetNumber, a.AdditionalStreetInfo,
		a.PostalCode, a.City, a.Region, a.State, a.Company, a.Department, a.Building, a.Apartment, a.POBox, a.Phone, a.Mobile,
		a.Email, a.Fax, a.AdditionalAddressInfo, a.ExternalId}
	pb := []*string{b.Key, b.Title, b.Salutation, b.FirstName, b.LastName, b.StreetName, b.StreetNumber, b.AdditionalStreetInfo,
		b.PostalCode, b.City, b.Region, b.State, b.Company, b.Department, b.Building, b.Apartment, b.POBox, b.Phone, b.Mobile,
		b.Email, b.Fax, b.AdditionalAddressInfo, b.ExternalId}
	if a.Country != b.Country {
		return false
	}
	for i := range pa {
		if v(pa[i]) != v(pb[i]) {
			return false
		}
	}
	return true
}
