package channel

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/labd/commercetools-go-sdk/platform"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/address"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/customfields"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// model is the state of commercetools_channel, with the incumbent's attribute names.
type model struct {
	versioned.Common
	Roles       types.List           `tfsdk:"roles"`
	Name        types.Map            `tfsdk:"name"`
	Description types.Map            `tfsdk:"description"`
	Address     []address.Model      `tfsdk:"address"`
	Custom      []customfields.Model `tfsdk:"custom"`
	GeoLocation []geoModel           `tfsdk:"geolocation"`
}

type geoModel struct {
	Coordinates types.List `tfsdk:"coordinates"`
}

func roleEnums(l types.List) []platform.ChannelRoleEnum {
	s := flex.Strings(l)
	out := make([]platform.ChannelRoleEnum, len(s))
	for i, r := range s {
		out[i] = platform.ChannelRoleEnum(r)
	}
	return out
}

func localized(v types.Map) *platform.LocalizedString {
	m := flex.Localized(v)
	if m == nil {
		return nil
	}
	ls := platform.LocalizedString(m)
	return &ls
}

func geoPoint(l []geoModel) platform.GeoJson {
	if len(l) == 0 || !flex.Known(l[0].Coordinates) {
		return nil
	}
	var coords []float64
	for _, e := range l[0].Coordinates.Elements() {
		if f, ok := e.(types.Float64); ok {
			coords = append(coords, f.ValueFloat64())
		}
	}
	return platform.GeoJsonPoint{Coordinates: coords}
}

// draft builds the ChannelDraft.
func draft(ctx context.Context, c *client.Client, m *model) (any, diag.Diagnostics) {
	custom, diags := customfields.Draft(ctx, c, m.Custom)
	return platform.ChannelDraft{
		Key:         m.Key.ValueString(),
		Roles:       roleEnums(m.Roles),
		Name:        localized(m.Name),
		Description: localized(m.Description),
		Address:     address.Draft(m.Address),
		Custom:      custom,
		GeoLocation: geoPoint(m.GeoLocation),
	}, diags
}

// flatten copies the API's channel into m. Roles keep the prior order when they are the same
// set, because the API's order carries no meaning.
func flatten(_ context.Context, _ *client.Client, ch *platform.Channel, m *model) diag.Diagnostics {
	m.Key = types.StringValue(ch.Key)
	apiRoles := make([]string, len(ch.Roles))
	for i, r := range ch.Roles {
		apiRoles[i] = string(r)
	}
	if prior := flex.Strings(m.Roles); prior == nil || !updates.SameSet(prior, apiRoles) {
		m.Roles = flex.StringList(apiRoles)
	}
	m.Name = flex.LocalizedValue(derefLocalized(ch.Name))
	m.Description = flex.LocalizedValue(derefLocalized(ch.Description))
	m.Address = address.Flatten(ch.Address)
	m.Custom = customfields.Flatten(ch.Custom, m.Custom)
	m.GeoLocation = []geoModel{}
	if p, ok := ch.GeoLocation.(platform.GeoJsonPoint); ok && len(p.Coordinates) == 2 {
		m.GeoLocation = []geoModel{{Coordinates: types.ListValueMust(types.Float64Type, []attr.Value{
			types.Float64Value(p.Coordinates[0]), types.Float64Value(p.Coordinates[1]),
		})}}
	}
	return nil
}

func derefLocalized(p *platform.LocalizedString) map[string]string {
	if p == nil {
		return nil
	}
	return *p
}

// actions returns the update actions from one model to another; the API rejects no-op actions
// (changeName to the same name, setRoles to the same roles), so only changes are sent.
func actions(ctx context.Context, c *client.Client, from, to *model) ([]platform.ChannelUpdateAction, diag.Diagnostics) {
	var out []platform.ChannelUpdateAction
	if k := to.Key.ValueString(); k != from.Key.ValueString() {
		out = append(out, platform.ChannelChangeKeyAction{Key: k})
	}
	if n := flex.Localized(to.Name); n != nil && !flex.SameLocalized(n, flex.Localized(from.Name)) {
		out = append(out, platform.ChannelChangeNameAction{Name: n})
	}
	if d := flex.Localized(to.Description); d != nil && !flex.SameLocalized(d, flex.Localized(from.Description)) {
		out = append(out, platform.ChannelChangeDescriptionAction{Description: d})
	}
	if r := flex.Strings(to.Roles); !updates.SameSet(r, flex.Strings(from.Roles)) {
		out = append(out, platform.ChannelSetRolesAction{Roles: roleEnums(to.Roles)})
	}
	if !address.Same(from.Address, to.Address) {
		out = append(out, platform.ChannelSetAddressAction{Address: address.Draft(to.Address)})
	}
	if !sameGeo(from.GeoLocation, to.GeoLocation) {
		out = append(out, platform.ChannelSetGeoLocationAction{GeoLocation: geoPoint(to.GeoLocation)})
	}
	custom, diags := customfields.Actions(ctx, c, from.Custom, to.Custom,
		func(t *platform.TypeResourceIdentifier, f *platform.FieldContainer) platform.ChannelUpdateAction {
			return platform.ChannelSetCustomTypeAction{Type: t, Fields: f}
		},
		func(name string, v any) platform.ChannelUpdateAction {
			return platform.ChannelSetCustomFieldAction{Name: name, Value: v}
		})
	return append(out, custom...), diags
}

func sameGeo(a, b []geoModel) bool {
	pa, pb := geoPoint(a), geoPoint(b)
	if pa == nil || pb == nil {
		return pa == nil && pb == nil
	}
	return fmt.Sprint(pa) == fmt.Sprint(pb)
}

// check refuses what the API cannot do: a name or description, once set, cannot be removed
// (changeName and changeDescription reject an empty value).
func check(_ context.Context, state, plan *model) diag.Diagnostics {
	var diags diag.Diagnostics
	if state == nil {
		return diags
	}
	for _, f := range []struct {
		attr        string
		prior, next types.Map
	}{{"name", state.Name, plan.Name}, {"description", state.Description, plan.Description}} {
		if f.next.IsNull() && len(flex.Localized(f.prior)) > 0 {
			diags.AddAttributeError(path.Root(f.attr), fmt.Sprintf("The %s of a channel cannot be removed", f.attr),
				fmt.Sprintf("commercetools has no way to remove the %s of channel %q once it is set. Keep it, give it other text, "+
					"or replace the channel (terraform apply -replace=...).", f.attr, state.Key.ValueString()))
		}
	}
	return diags
}
