package emulator

import (
	"fmt"
	"net/http"
	"slices"
)

// Zones and shipping methods (commercetools-api-reference: resources/zones.raml,
// resources/shipping-methods.raml, types/zone/*.raml, types/shipping-method/*.raml). At most 100
// of each per project.
//
// Choices where the reference is silent, written down:
//   - "A location can only be assigned to one Zone": a location of another zone is refused with
//     InvalidOperation, as is removing a location the zone does not have.
//   - A zone that a shipping method's zone rates use cannot be deleted (ReferenceExists), like a
//     tax category that a shipping method uses.
//   - removeShippingRate removes the rate of the zone that equals the draft (price, freeAbove and
//     tiers, as stored); anything else is InvalidOperation. Two rates of one zone cannot share a
//     currency, and a second default method is refused ("Only one ShippingMethod can be default").
//   - A CartClassification tier's value must be a key of the project's cart classification values.
//   - predicate is kept as sent (the emulator does not evaluate cart predicates).
//   - stores (ShippingMethodDraft.stores, addStore/removeStore/setStores): stored as
//     StoreKeyReferences, at most 100 (InvalidOperation, as the draft's description says);
//     adding a store the method has, or removing one it does not have, changes nothing (as on
//     business units); a store a shipping method uses cannot be deleted (ReferenceExists).
func init() {
	registerFamily(zonesFamily)
	registerFamily(shippingMethodsFamily)
}

var zonesFamily = &family{
	coll: "zones", typeID: "zone", noun: "Zone",
	view:     []string{"view_zones", "view_orders", "manage_project"},
	manage:   []string{"manage_zones", "manage_orders", "manage_project"},
	maxCount: 100,
	query: querySpec{
		whereFields: setOf("id", "key", "version", "name", "description", "locations", "createdAt", "lastModifiedAt"),
		sortFields:  setOf("id", "key", "name", "createdAt", "lastModifiedAt", "version"),
	},
	create: createZone,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"changeName":     changeRequiredName,
		"setKey":         setOptionalKey,
		"setDescription": setOptionalString("description"),
		"addLocation":    zoneAddLocation,
		"removeLocation": zoneRemoveLocation,
	},
}

func changeRequiredName(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	name, _ := f.str("name", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if name == "" {
		return errInvalidInput("The name must not be empty.")
	}
	cur["name"] = name
	return nil
}

func readLocation(f *fields) doc {
	if f == nil {
		return nil
	}
	out := doc{}
	if c, ok := f.str("country", true); ok {
		if !countryPattern.MatchString(c) {
			f.p.add(newError(http.StatusBadRequest, "InvalidField",
				fmt.Sprintf("The value '%s' is not valid for field '%s': a two-letter ISO 3166-1 country code is expected.", c, f.path("country")),
				"field", f.path("country"), "invalidValue", c))
		}
		out["country"] = c
	}
	if s, ok := f.str("state", false); ok && s != "" {
		out["state"] = s
	}
	f.done()
	return out
}

func sameLocation(a, b any) bool {
	x, _ := a.(map[string]any)
	y, _ := b.(map[string]any)
	return x["country"] == y["country"] && x["state"] == y["state"]
}

// locationOwner returns the key or id of another zone that holds the location.
func locationOwner(p *projectStore, loc doc, except string) string {
	for _, z := range versionedFamilies["zone"].rows(p) {
		if z["id"] == except {
			continue
		}
		l, _ := z["locations"].([]any)
		for _, e := range l {
			if sameLocation(e, loc) {
				if k, ok := z["key"].(string); ok {
					return k
				}
				return str(z["id"])
			}
		}
	}
	return ""
}

func describeLocation(l doc) string {
	if s, ok := l["state"]; ok {
		return fmt.Sprintf("%v/%v", l["country"], s)
	}
	return fmt.Sprint(l["country"])
}

func createZone(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{}
	if name, ok := f.str("name", true); ok {
		out["name"] = name
	}
	if desc, ok := f.str("description", false); ok {
		out["description"] = desc
	}
	if key, ok := f.key(false); ok {
		out["key"] = key
	}
	locs := []any{}
	if l, ok := f.list("locations", false); ok {
		for i, e := range l {
			loc := readLocation(f.child(fmt.Sprintf("locations[%d]", i), e))
			if loc == nil {
				continue
			}
			if owner := locationOwner(x.p, loc, ""); owner != "" {
				p.add(errInvalidOperation("The location %s belongs to zone %s already; a location can belong to one zone only.", describeLocation(loc), owner))
				continue
			}
			if !slices.ContainsFunc(locs, func(o any) bool { return sameLocation(o, loc) }) {
				locs = append(locs, loc)
			}
		}
	}
	out["locations"] = locs
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	return out, nil
}

func zoneAddLocation(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	loc := readLocation(f.object("location", true))
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	locs, _ := cur["locations"].([]any)
	if slices.ContainsFunc(locs, func(o any) bool { return sameLocation(o, loc) }) {
		return errInvalidOperation("The zone has the location %s already.", describeLocation(loc))
	}
	if owner := locationOwner(x.p, loc, str(cur["id"])); owner != "" {
		return errInvalidOperation("The location %s belongs to zone %s already; a location can belong to one zone only.", describeLocation(loc), owner)
	}
	cur["locations"] = append(locs, loc)
	return nil
}

func zoneRemoveLocation(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	loc := readLocation(f.object("location", true))
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	locs, _ := cur["locations"].([]any)
	i := slices.IndexFunc(locs, func(o any) bool { return sameLocation(o, loc) })
	if i < 0 {
		return errInvalidOperation("The zone has no location %s.", describeLocation(loc))
	}
	cur["locations"] = append(append([]any{}, locs[:i]...), locs[i+1:]...)
	return nil
}

var shippingMethodsFamily = &family{
	coll: "shipping-methods", typeID: "shipping-method", noun: "ShippingMethod",
	view:     []string{"view_shipping_methods", "view_orders", "manage_my_orders", "manage_project"},
	manage:   []string{"manage_shipping_methods", "manage_orders", "manage_project"},
	maxCount: 100,
	query: querySpec{
		whereFields: setOf("id", "key", "version", "name", "localizedName", "description", "taxCategory", "zoneRates", "active", "isDefault", "predicate", "custom", "stores", "createdAt", "lastModifiedAt"),
		sortFields:  setOf("id", "key", "name", "createdAt", "lastModifiedAt", "version"),
	},
	create: createShippingMethod,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"changeName":              shippingMethodChangeName,
		"setKey":                  setOptionalKey,
		"setDescription":          setOptionalString("description"),
		"setLocalizedName":        setOptionalLocalized("localizedName"),
		"setLocalizedDescription": setOptionalLocalized("localizedDescription"),
		"changeTaxCategory":       shippingMethodChangeTaxCategory,
		"changeActive":            setRequiredBool("active"),
		"changeIsDefault":         shippingMethodChangeIsDefault,
		"setPredicate":            setOptionalString("predicate"),
		"setCarrier":              setOptionalString("carrier"),
		"addZone":                 shippingMethodAddZone,
		"removeZone":              shippingMethodRemoveZone,
		"addShippingRate":         shippingMethodAddRate,
		"removeShippingRate":      shippingMethodRemoveRate,
		"setCustomType":           applySetCustomType("shipping-method"),
		"setCustomField":          applySetCustomField,
		"addStore":                shippingMethodAddStore,
		"removeStore":             shippingMethodRemoveStore,
		"setStores":               shippingMethodSetStores,
	},
	refs: func(d doc) []ref {
		out := customRefs(d)
		for _, st := range listOf(d["stores"]) {
			if id := str(mapOf(st)["id"]); id != "" {
				out = append(out, ref{typeID: "store", id: id})
			}
		}
		if tc, ok := d["taxCategory"].(map[string]any); ok {
			out = append(out, ref{typeID: "tax-category", id: str(tc["id"])})
		}
		zr, _ := d["zoneRates"].([]any)
		for _, e := range zr {
			z, _ := e.(map[string]any)
			if zone, ok := z["zone"].(map[string]any); ok {
				out = append(out, ref{typeID: "zone", id: str(zone["id"])})
			}
		}
		return out
	},
}

func setOptionalLocalized(field string) func(*vctx, doc, doc) *apiError {
	return setOrRemove(field, func(f *fields) (doc, bool) { return f.localized(field, false) })
}

func setRequiredBool(field string) func(*vctx, doc, doc) *apiError {
	return func(_ *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		v, _ := f.boolean(field, true)
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		cur[field] = v
		return nil
	}
}

func createShippingMethod(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{"active": true, "stores": []any{}}
	if name, ok := f.str("name", true); ok {
		if nameTaken(x.p, "shipping-methods", name, "") {
			p.add(errInvalidOperation("A shipping method with the name '%s' already exists.", name))
		}
		out["name"] = name
	}
	if key, ok := f.key(false); ok {
		out["key"] = key
	}
	for _, k := range []string{"description", "predicate", "carrier"} {
		if v, ok := f.str(k, false); ok {
			out[k] = v
		}
	}
	for _, k := range []string{"localizedName", "localizedDescription"} {
		if v, ok := f.localized(k, false); ok {
			out[k] = v
		}
	}
	if tc, ok := f.get("taxCategory", true); ok {
		if id, apiErr := x.resolve("tax-category", tc, "taxCategory"); apiErr != nil {
			p.add(apiErr)
		} else {
			out["taxCategory"] = doc{"typeId": "tax-category", "id": id}
		}
	}
	if v, ok := f.boolean("active", false); ok {
		out["active"] = v
	}
	def, _ := f.boolean("isDefault", true)
	out["isDefault"] = def
	if def && otherDefault(x.p, "") != "" {
		p.add(errInvalidOperation("Shipping method %s is the project's default already; only one shipping method can be default.", otherDefault(x.p, "")))
	}
	zoneRates := []any{}
	if l, ok := f.list("zoneRates", true); ok {
		for i, e := range l {
			zf := f.child(fmt.Sprintf("zoneRates[%d]", i), e)
			if zf == nil {
				continue
			}
			zv, _ := zf.get("zone", true)
			zoneID, apiErr := x.resolve("zone", zv, zf.path("zone"))
			if apiErr != nil {
				p.add(apiErr)
			}
			rates := []any{}
			if rl, ok := zf.list("shippingRates", true); ok {
				for j, re := range rl {
					r := readShippingRate(x, zf.child(fmt.Sprintf("%s.shippingRates[%d]", zf.at, j), re))
					if r == nil {
						continue
					}
					if apiErr := rateCurrencyTaken(rates, r); apiErr != nil {
						p.add(apiErr)
						continue
					}
					rates = append(rates, r)
				}
			}
			zf.done()
			zoneRates = append(zoneRates, doc{"zone": doc{"typeId": "zone", "id": zoneID}, "shippingRates": rates})
		}
	}
	out["zoneRates"] = zoneRates
	if c := x.readCustom(f.object("custom", false), "shipping-method"); c != nil {
		out["custom"] = c
	}
	if l, ok := f.list("stores", false); ok {
		refs, apiErr := shippingMethodStores(x, l)
		if apiErr != nil {
			p.add(apiErr)
		}
		out["stores"] = refs
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	return out, nil
}

// maxShippingMethodStores is the limit of Stores per Shipping Method (api/limits#shipping-methods).
const maxShippingMethodStores = 100

// shippingMethodStores resolves a draft's or setStores' StoreResourceIdentifiers to stored
// StoreKeyReferences (duplicates once), at most maxShippingMethodStores (InvalidOperation, as
// ShippingMethodDraft.stores says).
func shippingMethodStores(x *vctx, l []any) ([]any, *apiError) {
	refs, apiErr := unitStoreRefs(x, l)
	if apiErr != nil {
		return []any{}, apiErr
	}
	if len(refs) > maxShippingMethodStores {
		return []any{}, errInvalidOperation("A shipping method can apply to at most %d stores; %d were given.", maxShippingMethodStores, len(refs))
	}
	return refs, nil
}

// shippingMethodAddStore adds a store; adding one the method has already changes nothing (the
// reference is silent; this is what addStore does on business units).
func shippingMethodAddStore(x *vctx, cur doc, a doc) *apiError {
	r, apiErr := readStoreAction(x, cur, a, nil)
	if apiErr != nil {
		return apiErr
	}
	have := listOf(cur["stores"])
	if storeIndex(have, r["key"]) >= 0 {
		return nil
	}
	if len(have) >= maxShippingMethodStores {
		return errInvalidOperation("A shipping method can apply to at most %d stores.", maxShippingMethodStores)
	}
	cur["stores"] = append(slices.Clone(have), r)
	return nil
}

// shippingMethodRemoveStore removes a store; one the method does not have changes nothing.
func shippingMethodRemoveStore(x *vctx, cur doc, a doc) *apiError {
	r, apiErr := readStoreAction(x, cur, a, nil)
	if apiErr != nil {
		return apiErr
	}
	withoutStore(cur, r["key"])
	return nil
}

func shippingMethodSetStores(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	l, _ := f.list("stores", false)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	refs, apiErr := shippingMethodStores(x, l)
	if apiErr != nil {
		return apiErr
	}
	cur["stores"] = refs
	return nil
}

func otherDefault(p *projectStore, except string) string {
	for _, m := range versionedFamilies["shipping-method"].rows(p) {
		if m["isDefault"] == true && m["id"] != except {
			if k, ok := m["key"].(string); ok {
				return k
			}
			return str(m["id"])
		}
	}
	return ""
}

// readMoney reads a Money draft and returns the CentPrecisionMoney the API stores.
func readMoney(f *fields, k string, required bool) doc {
	v, ok := f.get(k, required)
	if !ok {
		return nil
	}
	m, apiErr := checkMoney(f.path(k), v)
	if apiErr != nil {
		f.p.add(apiErr)
		return nil
	}
	out, _ := m.(doc)
	return out
}

var tierTypes = []string{"CartValue", "CartClassification", "CartScore"}

// readShippingRate reads a ShippingRateDraft: price, freeAbove and tiers.
func readShippingRate(x *vctx, f *fields) doc {
	if f == nil {
		return nil
	}
	out := doc{"tiers": []any{}}
	if m := readMoney(f, "price", true); m != nil {
		out["price"] = m
	}
	if m := readMoney(f, "freeAbove", false); m != nil {
		out["freeAbove"] = m
	}
	if l, ok := f.list("tiers", false); ok {
		tiers := []any{}
		for i, e := range l {
			tf := f.child(fmt.Sprintf("%s.tiers[%d]", f.at, i), e)
			if tf == nil {
				continue
			}
			kind, _ := tf.enum("type", true, tierTypes)
			t := doc{"type": kind}
			switch kind {
			case "CartValue":
				if n, ok := intIn(tf, "minimumCentAmount", 0, math64, true); ok {
					t["minimumCentAmount"] = n
				}
				if m := readMoney(tf, "price", true); m != nil {
					t["price"] = m
				}
			case "CartClassification":
				v, _ := tf.str("value", true)
				t["value"] = v
				if !classificationKey(x, v) {
					f.p.add(errInvalidOperation("The tier value '%s' is not a key of the project's cart classification values.", v))
				}
				if m := readMoney(tf, "price", true); m != nil {
					t["price"] = m
				}
			case "CartScore":
				if n, ok := intIn(tf, "score", 0, math64, true); ok {
					t["score"] = n
				}
				if m := readMoney(tf, "price", false); m != nil {
					t["price"] = m
				}
				if pf := tf.object("priceFunction", false); pf != nil {
					cur, _ := pf.str("currencyCode", true)
					fn, _ := pf.str("function", true)
					pf.done()
					t["priceFunction"] = doc{"currencyCode": cur, "function": fn}
				}
				if (t["price"] == nil) == (t["priceFunction"] == nil) {
					f.p.add(errInvalidInput("A CartScore tier needs either a price or a priceFunction (%s).", tf.at))
				}
			}
			tf.done()
			tiers = append(tiers, t)
		}
		out["tiers"] = tiers
	}
	f.done()
	return out
}

const math64 = 1 << 62

func classificationKey(x *vctx, v string) bool {
	pr := projectDoc(x.c.e, x.p)
	t, _ := pr["shippingRateInputType"].(map[string]any)
	return t["type"] == "CartClassification" && hasEnumKey(t, v)
}

func rateCurrency(r doc) string {
	p, _ := r["price"].(map[string]any)
	return str(p["currencyCode"])
}

func rateCurrencyTaken(rates []any, r doc) *apiError {
	for _, e := range rates {
		o, _ := e.(map[string]any)
		if rateCurrency(o) == rateCurrency(r) {
			return errInvalidOperation("The zone has a shipping rate in %s already; a zone has one rate per currency.", rateCurrency(r))
		}
	}
	return nil
}

func shippingMethodChangeName(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	name, _ := f.str("name", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if name == "" {
		return errInvalidInput("The name of a shipping method must not be empty.")
	}
	if nameTaken(x.p, "shipping-methods", name, str(cur["id"])) {
		return errInvalidOperation("A shipping method with the name '%s' already exists.", name)
	}
	cur["name"] = name
	return nil
}

func shippingMethodChangeTaxCategory(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	tc, _ := f.get("taxCategory", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	id, apiErr := x.resolve("tax-category", tc, "taxCategory")
	if apiErr != nil {
		return apiErr
	}
	cur["taxCategory"] = doc{"typeId": "tax-category", "id": id}
	return nil
}

func shippingMethodChangeIsDefault(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	v, _ := f.boolean("isDefault", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if other := otherDefault(x.p, str(cur["id"])); v && other != "" {
		return errInvalidOperation("Shipping method %s is the project's default already; only one shipping method can be default.", other)
	}
	cur["isDefault"] = v
	return nil
}

func zoneRatesOf(cur doc) []any {
	l, _ := cur["zoneRates"].([]any)
	return l
}

// zoneIndex resolves the zone identifier of an action and finds its zone rate (-1 = none).
func zoneIndex(x *vctx, f *fields, cur doc) (string, int, *apiError) {
	zv, ok := f.get("zone", true)
	if !ok {
		return "", -1, nil
	}
	id, apiErr := x.resolve("zone", zv, "zone")
	if apiErr != nil {
		return "", -1, apiErr
	}
	for i, e := range zoneRatesOf(cur) {
		z, _ := e.(map[string]any)
		if zone, _ := z["zone"].(map[string]any); zone["id"] == id {
			return id, i, nil
		}
	}
	return id, -1, nil
}

func shippingMethodAddZone(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	id, i, apiErr := zoneIndex(x, f, cur)
	f.done()
	if e := p.err(); e != nil {
		return e
	}
	if apiErr != nil {
		return apiErr
	}
	if i >= 0 {
		return errInvalidOperation("The shipping method contains zone %s already.", id)
	}
	cur["zoneRates"] = append(zoneRatesOf(cur), doc{"zone": doc{"typeId": "zone", "id": id}, "shippingRates": []any{}})
	return nil
}

func shippingMethodRemoveZone(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	id, i, apiErr := zoneIndex(x, f, cur)
	f.done()
	if e := p.err(); e != nil {
		return e
	}
	if apiErr != nil {
		return apiErr
	}
	if i < 0 {
		return errInvalidOperation("Shipping method does not contain zone %s.", id)
	}
	zr := zoneRatesOf(cur)
	cur["zoneRates"] = append(append([]any{}, zr[:i]...), zr[i+1:]...)
	return nil
}

func shippingMethodAddRate(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	id, i, apiErr := zoneIndex(x, f, cur)
	r := readShippingRate(x, f.object("shippingRate", true))
	f.done()
	if e := p.err(); e != nil {
		return e
	}
	if apiErr != nil {
		return apiErr
	}
	if i < 0 {
		return errInvalidOperation("Shipping method does not contain zone %s.", id)
	}
	z, _ := zoneRatesOf(cur)[i].(map[string]any)
	rates, _ := z["shippingRates"].([]any)
	if apiErr := rateCurrencyTaken(rates, r); apiErr != nil {
		return apiErr
	}
	z["shippingRates"] = append(rates, r)
	return nil
}

func shippingMethodRemoveRate(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	id, i, apiErr := zoneIndex(x, f, cur)
	r := readShippingRate(x, f.object("shippingRate", true))
	f.done()
	if e := p.err(); e != nil {
		return e
	}
	if apiErr != nil {
		return apiErr
	}
	if i < 0 {
		return errInvalidOperation("Shipping method does not contain zone %s.", id)
	}
	z, _ := zoneRatesOf(cur)[i].(map[string]any)
	rates, _ := z["shippingRates"].([]any)
	j := slices.IndexFunc(rates, func(o any) bool { m, _ := o.(map[string]any); return sameDoc(m, r) })
	if j < 0 {
		return errInvalidOperation("Zone %s of the shipping method has no shipping rate equal to %s.", id, compactJSON(r))
	}
	z["shippingRates"] = append(append([]any{}, rates[:j]...), rates[j+1:]...)
	return nil
}
