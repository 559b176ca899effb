package emulator

import (
	"slices"
)

// Channels (commercetools-api-reference: resources/channels.raml, types/channel/*.raml).
func init() { registerFamily(channelsFamily) }

// channelRoles is ChannelRoleEnum.
var channelRoles = []string{"InventorySupply", "ProductDistribution", "OrderExport", "OrderImport", "Primary"}

var channelsFamily = &family{
	coll: "channels", typeID: "channel", noun: "Channel",
	view:        []string{"view_channels", "view_products", "manage_project"},
	manage:      []string{"manage_channels", "manage_products", "manage_project"},
	keyRequired: true,
	query: querySpec{
		whereFields: setOf("id", "key", "version", "roles", "name", "description", "address", "custom", "geoLocation", "createdAt", "lastModifiedAt"),
		sortFields:  setOf("id", "key", "createdAt", "lastModifiedAt", "version"),
	},
	create: createChannel,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"changeKey":             channelChangeKey,
		"changeName":            channelChangeLocalized("name"),
		"changeDescription":     channelChangeLocalized("description"),
		"setRoles":              channelSetRoles,
		"addRoles":              channelAddRoles,
		"removeRoles":           channelRemoveRoles,
		"setAddress":            channelSetAddress,
		"setAddressCustomType":  channelSetAddressCustomType,
		"setAddressCustomField": channelSetAddressCustomField,
		"setGeoLocation":        channelSetGeoLocation,
		"setCustomType":         applySetCustomType("channel"),
		"setCustomField":        applySetCustomField,
	},
	refs: customRefs,
}

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// readRoles reads a ChannelRoleEnum array.
func readRoles(f *fields, required bool) ([]any, bool) {
	const k = "roles"
	l, ok := f.strings(k, required)
	if !ok {
		return nil, false
	}
	out := make([]any, 0, len(l))
	for _, r := range l {
		if !slices.Contains(channelRoles, r) {
			f.p.addShape("%s: Invalid enum value '%s', expected one of InventorySupply, ProductDistribution, OrderExport, OrderImport, Primary", f.path(k), r)
			return nil, false
		}
		if !slices.Contains(out, any(r)) {
			out = append(out, r)
		}
	}
	return out, true
}

// createChannel validates a ChannelDraft: key required and not empty (InvalidOperation),
// roles default to [InventorySupply] and must not be empty, geoLocation a Point.
func createChannel(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{}
	if key, ok := f.str("key", true); ok {
		if key == "" {
			p.add(errInvalidOperation("The key of a Channel must not be empty."))
		}
		out["key"] = key
	}
	roles, given := readRoles(f, false)
	switch {
	case !given && !f.has("roles"):
		roles = []any{"InventorySupply"}
	case given && len(roles) == 0:
		p.add(errInvalidOperation("A Channel must have at least one role."))
	}
	out["roles"] = roles
	if name, ok := f.localized("name", false); ok {
		out["name"] = name
	}
	if desc, ok := f.localized("description", false); ok {
		out["description"] = desc
	}
	if a := readAddress(f.object("address", false)); a != nil {
		out["address"] = a
	}
	if c := x.readCustom(f.object("custom", false), "channel"); c != nil {
		out["custom"] = c
	}
	if g := readGeoLocation(f.object("geoLocation", false)); g != nil {
		out["geoLocation"] = g
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	return out, nil
}

func channelChangeKey(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	key, ok := f.str("key", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if ok && key == "" {
		return errInvalidOperation("The key of a Channel must not be empty.")
	}
	cur["key"] = key
	return nil
}

// channelChangeLocalized implements changeName and changeDescription, which reject an empty
// value and a value equal to the current one (InvalidOperation).
func channelChangeLocalized(field string) func(*vctx, doc, doc) *apiError {
	return func(_ *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		v, _ := f.localized(field, true)
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		if len(v) == 0 || emptyLocalized(v) {
			return errInvalidOperation("The %s of a Channel must not be set to an empty value.", field)
		}
		if old, ok := cur[field].(map[string]any); ok && sameDoc(old, v) {
			return errInvalidOperation("The %s of the Channel is already %s.", field, compactJSON(v))
		}
		cur[field] = v
		return nil
	}
}

func rolesOf(cur doc) []any {
	l, _ := cur["roles"].([]any)
	return l
}

func sameRoleSet(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for _, r := range a {
		if !slices.Contains(b, r) {
			return false
		}
	}
	return true
}

func channelSetRoles(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	roles, _ := readRoles(f, true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if len(roles) == 0 {
		return errInvalidOperation("A Channel must have at least one role.")
	}
	if sameRoleSet(roles, rolesOf(cur)) {
		return errInvalidOperation("The Channel already has the roles %s.", compactJSON(roles))
	}
	cur["roles"] = roles
	return nil
}

func channelAddRoles(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	roles, _ := readRoles(f, true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	have := rolesOf(cur)
	for _, r := range roles {
		if slices.Contains(have, r) {
			return errInvalidOperation("The Channel already has the role %v.", r)
		}
		have = append(have, r)
	}
	cur["roles"] = have
	return nil
}

func channelRemoveRoles(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	roles, _ := readRoles(f, true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	have := rolesOf(cur)
	var keep []any
	hit := false
	for _, r := range have {
		if slices.Contains(roles, r) {
			hit = true
			continue
		}
		keep = append(keep, r)
	}
	if !hit {
		return errInvalidOperation("The Channel has none of the roles %s.", compactJSON(roles))
	}
	if len(keep) == 0 {
		return errInvalidOperation("A Channel must have at least one role; removing all of them is not allowed.")
	}
	cur["roles"] = keep
	return nil
}

func channelSetAddress(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	addr := readAddress(f.object("address", false))
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if addr == nil {
		delete(cur, "address")
		return nil
	}
	cur["address"] = addr
	return nil
}

func channelSetAddressCustomType(x *vctx, cur doc, a doc) *apiError {
	addr, ok := cur["address"].(map[string]any)
	if !ok {
		return errInvalidInput("The Channel has no address, so its address cannot have custom fields.")
	}
	return applySetCustomType("address")(x, addr, a)
}

func channelSetAddressCustomField(x *vctx, cur doc, a doc) *apiError {
	addr, ok := cur["address"].(map[string]any)
	if !ok {
		return errInvalidInput("The Channel has no address, so its address cannot have custom fields.")
	}
	return applySetCustomField(x, addr, a)
}

func channelSetGeoLocation(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	g := readGeoLocation(f.object("geoLocation", false))
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if g == nil {
		delete(cur, "geoLocation")
		return nil
	}
	cur["geoLocation"] = g
	return nil
}
