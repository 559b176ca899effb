package provider

import (
	"context"
	"testing"
)

// TestUpgradeShortcutCoversEveryResource makes sure the passthrough knows every resource type
// with its schema version, so that TestUpgradeShortcutMatchesFramework compares the shortcut and
// not two framework answers.
func TestUpgradeShortcutCoversEveryResource(t *testing.T) {
	p := New("test")()
	ps, err := NewServer(p)()
	if err != nil {
		t.Fatal(err)
	}
	s, ok := ps.(*server)
	if !ok {
		t.Fatalf("NewServer returned %T", ps)
	}
	ctx := context.Background()
	types := s.stateTypes(ctx)
	if want := len(p.Resources(ctx)); len(types) != want {
		t.Fatalf("the shortcut knows %d resource types, the provider has %d", len(types), want)
	}
	for name, want := range map[string]int64{"commercetools_cart_discount": 1, "commercetools_category": 1, "commercetools_product_selection": 0} {
		if got := types[name]; got.typ == nil || got.version != want {
			t.Errorf("%s: version %d (type %v), want version %d", name, got.version, got.typ, want)
		}
	}
	if v := types["commercetools_cart_discount"].blocks["value"]; v == nil || !v.collection || v.children["money"] == nil {
		t.Error("the shortcut does not know the cart discount's list blocks (value, value.money)")
	}
}
