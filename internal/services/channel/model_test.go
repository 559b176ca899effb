package channel

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/address"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
)

func channel(roles ...string) *model {
	m := &model{Roles: flex.StringList(roles), Name: flex.LocalizedValue(map[string]string{"en": "N"}),
		Address: []address.Model{}, Custom: nil, GeoLocation: []geoModel{}}
	m.Key = types.StringValue("k")
	return m
}

func actionNames(t *testing.T, from, to *model) string {
	t.Helper()
	acts, d := actions(context.Background(), nil, from, to)
	if d.HasError() {
		t.Fatal(d)
	}
	var out []string
	for _, a := range acts {
		b, _ := json.Marshal(a)
		var m map[string]any
		_ = json.Unmarshal(b, &m)
		name, _ := m["action"].(string)
		out = append(out, name)
	}
	return strings.Join(out, ",")
}

func TestActions(t *testing.T) {
	if got := actionNames(t, channel("A", "B"), channel("B", "A")); got != "" {
		t.Errorf("a new order of roles sends %q, want nothing", got)
	}
	if got := actionNames(t, channel("A"), channel("A", "B")); got != "setRoles" {
		t.Errorf("new role: %q", got)
	}
	to := channel("A")
	to.Key = types.StringValue("k2")
	to.Description = flex.LocalizedValue(map[string]string{"en": "D"})
	to.Address = []address.Model{{Country: types.StringValue("DE")}}
	if got := actionNames(t, channel("A"), to); got != "changeKey,changeDescription,setAddress" {
		t.Errorf("actions %q", got)
	}
}

func TestFlattenKeepsRoleOrderAndBothAddressLines(t *testing.T) {
	m := channel("OrderExport", "InventorySupply")
	info, street := "Rampe", "Hof"
	ch := &platform.Channel{Key: "k", Roles: []platform.ChannelRoleEnum{"InventorySupply", "OrderExport"},
		Address: &platform.Address{Country: "DE", AdditionalAddressInfo: &info, AdditionalStreetInfo: &street}}
	_ = flatten(context.Background(), nil, ch, m)
	if got := flex.Strings(m.Roles); got[0] != "OrderExport" {
		t.Errorf("roles reordered to %v", got)
	}
	if a := m.Address[0]; a.AdditionalStreetInfo.ValueString() != "Hof" || a.AdditionalAddressInfo.ValueString() != "Rampe" {
		t.Errorf("address lines %v %v", a.AdditionalStreetInfo, a.AdditionalAddressInfo)
	}
	if d := check(context.Background(), channel("A"), func() *model { c := channel("A"); c.Name = types.MapNull(types.StringType); return c }()); !d.HasError() {
		t.Error("removing the name must be refused")
	}
}
