package money

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCurrencies(t *testing.T) {
	for code, digits := range map[string]int64{"EUR": 2, "JPY": 0, "KWD": 3, "USD": 2, "CLF": 4} {
		if !Known(code) || Digits(code) != digits {
			t.Errorf("%s: known %v, digits %d, want %d", code, Known(code), Digits(code), digits)
		}
	}
	for _, bad := range []string{"eur", "EU", "ABC", "EURO", ""} {
		if Known(bad) {
			t.Errorf("%q should be unknown", bad)
		}
	}
}

func TestChecks(t *testing.T) {
	at := path.Root("value").AtListIndex(0).AtName("money")
	var d diag.Diagnostics
	CheckList(&d, at, []types.String{types.StringValue("EUR"), types.StringValue("GBP"), types.StringValue("EUR")})
	if d.ErrorsCount() != 1 {
		t.Fatalf("duplicate currency: %v", d)
	}
	d = nil
	CheckList(&d, at, nil)
	if d.ErrorsCount() != 1 {
		t.Fatalf("empty list: %v", d)
	}
	null := types.Int64Null()
	for name, c := range map[string]struct {
		cents, precise, digits types.Int64
		errors                 int
	}{
		"cents":              {types.Int64Value(100), null, null, 0},
		"cents with digits":  {types.Int64Value(100), null, types.Int64Value(2), 0},
		"wrong digits":       {types.Int64Value(100), null, types.Int64Value(3), 1},
		"precise":            {null, types.Int64Value(12345), types.Int64Value(4), 0},
		"precise low digits": {null, types.Int64Value(12345), types.Int64Value(2), 1},
		"precise and cents":  {types.Int64Value(1), types.Int64Value(12345), types.Int64Value(4), 1},
		"no amount":          {null, null, null, 1},
	} {
		d = nil
		CheckPrecision(&d, at.AtListIndex(0), types.StringValue("EUR"), c.cents, c.precise, c.digits)
		if d.ErrorsCount() != c.errors {
			t.Errorf("%s: %d errors, want %d: %v", name, d.ErrorsCount(), c.errors, d)
		}
	}
	m := Draft("EUR", null, types.Int64Value(12345), types.Int64Value(4))
	if m.Type != HighPrecision || *m.PreciseAmount != 12345 || *m.FractionDigits != 4 {
		t.Fatalf("high precision draft: %+v", m)
	}
	if !Supported(Money{Type: "centPrecision"}) || Supported(Money{Type: "futurePrecision"}) {
		t.Fatal("Supported")
	}
}
