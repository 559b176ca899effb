// Package money is the money of discounts and prices: amounts in a currency's minor units, with
// the currency's fraction digits from ISO 4217, high-precision amounts where the API takes them,
// and a currency code checked at plan time.
package money

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"golang.org/x/text/currency"
)

// Types of typed money in the API.
const (
	CentPrecision = "centPrecision"
	HighPrecision = "highPrecision"
)

// Money is a TypedMoney or a Money of the API, in one struct.
type Money struct {
	Type         string `json:"type,omitempty"`
	CurrencyCode string `json:"currencyCode"`
	CentAmount   *int64 `json:"centAmount,omitempty"` // derived by commercetools for high precision

	FractionDigits *int64 `json:"fractionDigits,omitempty"`
	PreciseAmount  *int64 `json:"preciseAmount,omitempty"`
}

var codePattern = regexp.MustCompile(`^[A-Z]{3}$`)

// Known reports whether code is an ISO 4217 currency code (upper case).
func Known(code string) bool {
	if !codePattern.MatchString(code) {
		return false
	}
	_, err := currency.ParseISO(code)
	return err == nil
}

// Digits is the number of fraction digits of a currency (ISO 4217): 2 for EUR, 0 for JPY, 3 for
// KWD. An unknown code has 2.
func Digits(code string) int64 {
	u, err := currency.ParseISO(code)
	if err != nil {
		return 2
	}
	scale, _ := currency.Standard.Rounding(u)
	return int64(scale)
}

// CurrencyValidator requires an ISO 4217 currency code.
type CurrencyValidator struct{}

// Description describes the validator.
func (CurrencyValidator) Description(context.Context) string {
	return "must be an ISO 4217 currency code in capitals, such as EUR"
}

// MarkdownDescription describes the validator.
func (v CurrencyValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

// ValidateString checks the value.
func (v CurrencyValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if c := req.ConfigValue.ValueString(); !Known(c) {
		resp.Diagnostics.AddAttributeError(req.Path, "Unknown currency", fmt.Sprintf("%q is not a currency: the value %s.", c, v.Description(ctx)))
	}
}

// CheckList reports money lists the API refuses: none, or one currency twice.
func CheckList(diags *diag.Diagnostics, at path.Path, codes []types.String) {
	if len(codes) == 0 {
		diags.AddAttributeError(at, "Missing money", "At least one money block is required: one amount per currency.")
		return
	}
	seen := map[string]bool{}
	for i, c := range codes {
		if c.IsNull() || c.IsUnknown() {
			continue
		}
		if seen[c.ValueString()] {
			diags.AddAttributeError(at.AtListIndex(i).AtName("currency_code"), "Currency given twice",
				fmt.Sprintf("%s has more than one money block; give one amount per currency.", c.ValueString()))
		}
		seen[c.ValueString()] = true
	}
}

// CheckPrecision checks a high-precision amount: precise_amount needs fraction_digits above the
// currency's own, and fraction_digits alone must be the currency's.
func CheckPrecision(diags *diag.Diagnostics, at path.Path, code types.String, cents, precise, digits types.Int64) {
	if code.IsUnknown() || code.IsNull() || digits.IsUnknown() {
		return
	}
	own := Digits(code.ValueString())
	switch {
	case !precise.IsNull():
		if digits.IsNull() || digits.ValueInt64() <= own || digits.ValueInt64() > 20 {
			diags.AddAttributeError(at.AtName("fraction_digits"), "Invalid fraction digits",
				fmt.Sprintf("A precise_amount needs fraction_digits above the %d of %s (at most 20), giving the precision of precise_amount.",
					own, code.ValueString()))
		}
		if !cents.IsNull() {
			diags.AddAttributeError(at.AtName("cent_amount"), "cent_amount with precise_amount",
				"Give either cent_amount or precise_amount (commercetools derives the cent amount from the precise one).")
		}
	case cents.IsNull():
		diags.AddAttributeError(at.AtName("cent_amount"), "Missing amount", "The money block needs cent_amount (or precise_amount).")
	case !digits.IsNull() && digits.ValueInt64() != own:
		diags.AddAttributeError(at.AtName("fraction_digits"), "Invalid fraction digits",
			fmt.Sprintf("%s has %d fraction digits; cent_amount is in those units. For more precision give precise_amount.", code.ValueString(), own))
	}
}

// Draft is the money to send for a block: high precision when a precise amount is given.
func Draft(code string, cents, precise, digits types.Int64) Money {
	if !precise.IsNull() && !precise.IsUnknown() {
		d, p := digits.ValueInt64(), precise.ValueInt64()
		return Money{Type: HighPrecision, CurrencyCode: code, FractionDigits: &d, PreciseAmount: &p}
	}
	c := cents.ValueInt64()
	return Money{Type: CentPrecision, CurrencyCode: code, CentAmount: &c}
}

// Supported reports whether the provider models a money type read from the API.
func Supported(m Money) bool {
	return m.Type == "" || m.Type == CentPrecision || m.Type == HighPrecision
}

// DigitsOfCurrency plans a computed fraction_digits left out of the configuration as the
// fraction digits of the sibling currency_code (what commercetools reports for cent-precision
// money).
type DigitsOfCurrency struct{}

// Description describes the plan modifier.
func (DigitsOfCurrency) Description(context.Context) string {
	return "plans the currency's fraction digits when none are configured"
}

// MarkdownDescription describes the plan modifier.
func (m DigitsOfCurrency) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

// PlanModifyInt64 plans the digits of the currency in the same block.
func (DigitsOfCurrency) PlanModifyInt64(ctx context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	if !req.ConfigValue.IsNull() {
		return
	}
	var code types.String
	if d := req.Plan.GetAttribute(ctx, req.Path.ParentPath().AtName("currency_code"), &code); d.HasError() {
		return
	}
	if code.IsUnknown() || code.IsNull() {
		resp.PlanValue = types.Int64Unknown()
		return
	}
	resp.PlanValue = types.Int64Value(Digits(code.ValueString()))
}
