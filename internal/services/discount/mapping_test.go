package discount

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/money"
)

func TestFlattenValueUnknownKinds(t *testing.T) {
	prior := []valueModel{{Type: types.StringValue("absolute"), Money: []moneyModel{{CurrencyCode: types.StringValue("EUR"), CentAmount: types.Int64Value(100)}}}}
	cents := int64(100)
	for name, v := range map[string]cartValue{
		"money type": {Type: "absolute", Money: []money.Money{{Type: "quantumPrecision", CurrencyCode: "EUR", CentAmount: &cents}}},
		"value type": {Type: "loyaltyPoints"},
	} {
		var diags diag.Diagnostics
		got := flattenValue(&diags, v, prior, cartValues)
		if diags.HasError() || diags.WarningsCount() != 1 {
			t.Fatalf("%s: want one warning, got %v", name, diags)
		}
		if !strings.Contains(diags.Warnings()[0].Detail(), "does not model") {
			t.Errorf("%s: warning %q", name, diags.Warnings()[0].Detail())
		}
		if len(got) != 1 || !got[0].Type.Equal(prior[0].Type) {
			t.Errorf("%s: the prior value must be kept, got %v", name, got)
		}
	}
	var diags diag.Diagnostics
	if got := flattenTarget(&diags, &cartTarget{Type: "bundle"}, nil); diags.WarningsCount() != 1 || len(got) != 0 {
		t.Fatalf("unknown target: %v %v", got, diags)
	}
}

func TestMisfitAndOrder(t *testing.T) {
	even := "EvenDistribution"
	fixed := cartValue{Type: "fixed", ApplicationMode: &even}
	if misfit(fixed, &cartTarget{Type: "lineItems"}) == "" {
		t.Fatal("a spreading fixed value needs a pattern target")
	}
	if misfit(fixed, &cartTarget{Type: "pattern"}) != "" {
		t.Fatal("a spreading fixed value fits a pattern target")
	}
	if misfit(cartValue{Type: "absolute"}, &cartTarget{Type: "multiBuyLineItems"}) == "" {
		t.Fatal("absolute and multi-buy do not fit")
	}
	if misfit(cartValue{Type: "relative"}, &cartTarget{Type: "shipping"}) != "" {
		t.Fatal("a plain relative value fits every target")
	}
}

func TestTemporarySortOrder(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		s := temporarySortOrder("0.7")
		if !sortOrderPattern.MatchString(s) || !strings.HasPrefix(s, "0.7") || seen[s] {
			t.Fatalf("bad or repeated temporary sort order %q", s)
		}
		seen[s] = true
	}
	if s := temporarySortOrder("weird"); !sortOrderPattern.MatchString(s) {
		t.Fatalf("%q", s)
	}
}

func TestStoreActions(t *testing.T) {
	if a := storeActions(nil, []string{"de"}); len(a) != 1 || a[0]["action"] != "setStores" {
		t.Fatalf("%v", a)
	}
	a := storeActions([]string{"de", "at"}, []string{"de", "ch"})
	if len(a) != 2 || a[0]["action"] != "removeStore" || a[1]["action"] != "addStore" {
		t.Fatalf("%v", a)
	}
	if a := storeActions([]string{"de"}, nil); len(a) != 1 || a[0]["action"] != "setStores" {
		t.Fatalf("%v", a)
	}
}

func TestProductValuesAcceptExternal(t *testing.T) {
	var diags diag.Diagnostics
	got := flattenValue(&diags, cartValue{Type: "external"}, nil, productValues)
	if diags.WarningsCount() != 0 || len(got) != 1 || got[0].Type.ValueString() != "external" {
		t.Fatalf("external product discount value: %v %v", got, diags)
	}
	diags = nil
	flattenValue(&diags, cartValue{Type: "external"}, nil, cartValues)
	if diags.WarningsCount() != 1 {
		t.Fatalf("an external cart discount value must warn: %v", diags)
	}
}
