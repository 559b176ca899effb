package emulator

import (
	"fmt"
	"net/http"
	"slices"
	"time"
)

// The project (commercetools-api-reference: api.raml, the /{projectKey} resource, and
// types/project/*.raml): GET and POST (update) at the project's own path, no create or delete.
// It is stored like a versioned resource of the collection "project" under the project key.
//
// Choices where the reference is silent, written down:
//   - A new project starts as the API's defaults describe it (MessagesConfiguration,
//     CartsConfiguration, ShoppingListsConfiguration, DiscountsConfiguration, ...), with the name
//     set to its key, the currency EUR and the language en (a project has at least one of each).
//   - changeProductSearchIndexingEnabled with enabled=true sets "Activated" at once (the API
//     passes through "Indexing").
//   - A search status change to the status it already has is refused with InvalidOperation, as
//     the API answers (the incumbent's issue #434 shows the message).
//   - externalOAuth.authorizationHeader is "partially hidden on retrieval": responses show "****".
func init() { registerFamily(projectFamily) }

const projectColl = "project"

var roundingModes = []string{"HalfEven", "HalfUp", "HalfDown"}

var projectFamily = &family{
	coll: projectColl, typeID: "project", noun: "Project",
	view:   []string{"view_project_settings", "manage_project_settings", "manage_project"},
	manage: []string{"manage_project_settings", "manage_project"},
	routes: func(f *family, r *router) {
		view := append(append([]string{}, f.view...), f.manage...)
		r.handle(http.MethodGet, "/{projectKey}", view, f.handleGet)
		r.handle(http.MethodHead, "/{projectKey}", view, f.handleGet)
		r.handle(http.MethodPost, "/{projectKey}", f.manage, f.handleUpdate)
	},
	locate: func(c *call, p *projectStore) (string, doc, *apiError) {
		return p.key, projectDoc(c.e, p), nil
	},
	onRead:  renderProject,
	updated: noteStale,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"changeName":                               projectChangeName,
		"changeCountries":                          projectChangeList("countries", countryPattern.MatchString, "two-letter ISO 3166-1 country codes"),
		"changeCurrencies":                         projectChangeList("currencies", currencyPattern.MatchString, "three-letter ISO 4217 currency codes"),
		"changeLanguages":                          projectChangeLanguages,
		"changeMessagesConfiguration":              projectChangeMessages,
		"changeMessagesEnabled":                    projectChangeMessagesEnabled,
		"changeCartsConfiguration":                 projectChangeCarts,
		"changeCountryTaxRateFallbackEnabled":      projectSetCartsField("countryTaxRateFallbackEnabled", nil),
		"changePriceRoundingMode":                  projectSetCartsField("priceRoundingMode", roundingModes),
		"changeTaxRoundingMode":                    projectSetCartsField("taxRoundingMode", roundingModes),
		"changeShoppingListsConfiguration":         projectChangeShoppingLists,
		"changeProductSearchIndexingEnabled":       projectChangeProductSearch,
		"changeOrderSearchStatus":                  projectChangeSearchStatus("orders"),
		"changeCustomerSearchStatus":               projectChangeSearchStatus("customers"),
		"changeBusinessUnitSearchStatus":           projectChangeSearchStatus("businessUnits"),
		"changeMyBusinessUnitStatusOnCreation":     projectChangeBusinessUnitStatus,
		"setMyBusinessUnitAssociateRoleOnCreation": projectSetAssociateRole,
		"setShippingRateInputType":                 projectSetShippingRateInputType,
		"setExternalOAuth":                         projectSetExternalOAuth,
		"setDiscountsConfiguration":                projectSetDiscounts,
		"setReservationExpirationInMinutes":        projectSetReservationExpiration,
		"setReleaseExpiredReservations":            projectSetReleaseExpired,
		"setProductCatalogModel":                   projectSetCatalogModel,
	},
}

// defaultProject is a new project as the API's defaults describe it.
func defaultProject(key string, now time.Time) doc {
	deactivated := func() doc { return doc{"status": "Deactivated"} }
	return doc{
		"id": key, "key": key, "name": key, "version": float64(1), "createdAt": formatTime(now),
		"countries": []any{}, "currencies": []any{"EUR"}, "languages": []any{"en"},
		"messages":      doc{"enabled": false, "deleteDaysAfterCreation": float64(15)},
		"carts":         doc{"deleteDaysAfterLastModification": float64(90), "countryTaxRateFallbackEnabled": false, "priceRoundingMode": "HalfEven", "taxRoundingMode": "HalfEven"},
		"shoppingLists": doc{"deleteDaysAfterLastModification": float64(360)},
		"searchIndexing": doc{"products": deactivated(), "productsSearch": deactivated(), "orders": deactivated(),
			"customers": deactivated(), "businessUnits": deactivated()},
		"businessUnits": doc{"myBusinessUnitStatusOnCreation": "Inactive"},
		"inventory":     doc{"releaseExpiredReservations": true},
		"discounts":     doc{"discountCombinationMode": "Stacking"},
	}
}

// projectDoc returns the stored project, creating it with its defaults on first use. The caller
// holds e.mu.
func projectDoc(e *Emulator, p *projectStore) doc {
	if d, ok := p.doc(projectColl, p.key); ok {
		return d
	}
	d := defaultProject(p.key, apiTime(e.now()))
	_ = p.put(projectColl, p.key, d)
	return d
}

// noteStale records, while the StaleProjectReads fault is on, the values an update replaced:
// until the fault's delay has passed, responses show them instead of the new ones, as the API
// does for some settings that it applies with a delay.
func noteStale(x *vctx, old, next doc) {
	changed := doc{}
	for k, v := range old {
		if k == "version" || k == "lastModifiedAt" || k == "lastModifiedBy" {
			continue
		}
		if compactJSON(v) != compactJSON(next[k]) {
			changed[k] = v
		}
	}
	x.c.e.faults.noteStale(x.p.key, changed, x.c.e.now())
}

// renderProject drops what the Project representation does not have, masks the external OAuth
// header, and shows stale values while the StaleProjectReads fault says so.
func renderProject(c *call, d doc) doc {
	out := deepCopy(d)
	delete(out, "id")
	delete(out, "lastModifiedAt")
	delete(out, "lastModifiedBy")
	delete(out, "createdBy")
	if o, ok := out["externalOAuth"].(map[string]any); ok {
		o["authorizationHeader"] = "****"
	}
	if c != nil {
		for k, v := range c.e.faults.staleValues(c.projectKey, c.e.now()) {
			out[k] = deepCopy(v)
		}
	}
	return out
}

func projectChangeName(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	name, _ := f.str("name", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if name == "" {
		return errInvalidInput("The name of a project must not be empty.")
	}
	cur["name"] = name
	return nil
}

func projectChangeList(field string, valid func(string) bool, what string) func(*vctx, doc, doc) *apiError {
	return func(_ *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		l, _ := f.strings(field, true)
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		if field != "countries" && len(l) == 0 {
			return errInvalidInput("The %s of a project must not be empty.", field)
		}
		out := []any{}
		for _, v := range l {
			if !valid(v) {
				return newError(http.StatusBadRequest, "InvalidField",
					fmt.Sprintf("The value '%s' is not valid for field '%s': %s are expected.", v, field, what), "field", field, "invalidValue", v)
			}
			out = append(out, v)
		}
		cur[field] = out
		return nil
	}
}

func projectChangeLanguages(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	l, _ := f.strings("languages", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if len(l) == 0 {
		return errInvalidOperation("The languages of a project must not be empty.")
	}
	out := []any{}
	for _, v := range l {
		if !localePattern.MatchString(v) {
			return newError(http.StatusBadRequest, "InvalidField", fmt.Sprintf("The value '%s' is not valid for field 'languages': a language tag is expected.", v),
				"field", "languages", "invalidValue", v)
		}
		out = append(out, v)
	}
	// LanguageUsedInStores: a language a store uses cannot be removed.
	if stores := versionedFamilies["store"]; stores != nil {
		for _, s := range stores.rows(x.p) {
			used, _ := s["languages"].([]any)
			for _, u := range used {
				if !slices.Contains(out, u) {
					return newError(http.StatusBadRequest, "LanguageUsedInStores",
						"Language(s) in use by a store cannot be deleted. Remove them in all the stores of this project first.")
				}
			}
		}
	}
	cur["languages"] = out
	return nil
}

func intIn(f *fields, k string, lo, hi float64, required bool) (float64, bool) {
	v, ok := f.get(k, required)
	if !ok {
		return 0, false
	}
	n, isNum := v.(float64)
	if !isNum || n != float64(int64(n)) {
		f.p.addShape("%s: an integer is expected", f.path(k))
		return 0, false
	}
	if n < lo || n > hi {
		f.p.add(errInvalidInput("Invalid value %v for field '%s': it must be between %v and %v.", n, f.path(k), lo, hi))
	}
	return n, true
}

func projectChangeMessages(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	m := f.object("messagesConfiguration", true)
	out := doc{}
	if m != nil {
		enabled, _ := m.boolean("enabled", true)
		days, _ := intIn(m, "deleteDaysAfterCreation", 1, 90, true)
		m.done()
		out = doc{"enabled": enabled, "deleteDaysAfterCreation": days}
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	cur["messages"] = out
	return nil
}

func projectChangeMessagesEnabled(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	on, _ := f.boolean("messagesEnabled", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	m, _ := cur["messages"].(map[string]any)
	if m == nil {
		m = doc{}
	}
	m["enabled"] = on
	cur["messages"] = m
	return nil
}

func projectChangeCarts(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	cf := f.object("cartsConfiguration", true)
	out := doc{"deleteDaysAfterLastModification": float64(90), "countryTaxRateFallbackEnabled": false, "priceRoundingMode": "HalfEven", "taxRoundingMode": "HalfEven"}
	if cf != nil {
		if n, ok := intIn(cf, "deleteDaysAfterLastModification", 1, 365250, false); ok {
			out["deleteDaysAfterLastModification"] = n
		}
		if b, ok := cf.boolean("countryTaxRateFallbackEnabled", false); ok {
			out["countryTaxRateFallbackEnabled"] = b
		}
		if m, ok := cf.enum("priceRoundingMode", false, roundingModes); ok {
			out["priceRoundingMode"] = m
		}
		if m, ok := cf.enum("taxRoundingMode", false, roundingModes); ok {
			out["taxRoundingMode"] = m
		}
		cf.done()
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	cur["carts"] = out
	return nil
}

// projectSetCartsField implements the actions that set one field of carts (a boolean when
// allowed is nil, else one of allowed). Each action's property has the field's name.
func projectSetCartsField(field string, allowed []string) func(*vctx, doc, doc) *apiError {
	return func(_ *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		var v any
		if allowed == nil {
			v, _ = f.boolean(field, true)
		} else {
			v, _ = f.enum(field, true, allowed)
		}
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		carts, _ := cur["carts"].(map[string]any)
		if carts == nil {
			carts = doc{}
		}
		carts[field] = v
		cur["carts"] = carts
		return nil
	}
}

func projectChangeShoppingLists(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	cf := f.object("shoppingListsConfiguration", true)
	out := doc{"deleteDaysAfterLastModification": float64(360)}
	if cf != nil {
		if n, ok := intIn(cf, "deleteDaysAfterLastModification", 1, 365250, false); ok {
			out["deleteDaysAfterLastModification"] = n
		}
		cf.done()
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	cur["shoppingLists"] = out
	return nil
}

// setSearchStatus sets searchIndexing.<which>.status, refusing a change to the same status.
func setSearchStatus(x *vctx, cur doc, which, status string) *apiError {
	si, _ := cur["searchIndexing"].(map[string]any)
	if si == nil {
		si = doc{}
	}
	entry, _ := si[which].(map[string]any)
	if entry == nil {
		entry = doc{"status": "Deactivated"}
	}
	if entry["status"] == status {
		return errInvalidOperation("The project already has the %s search indexing status %s.", which, status)
	}
	si[which] = doc{"status": status, "lastModifiedAt": formatTime(x.now)}
	cur["searchIndexing"] = si
	return nil
}

func projectChangeProductSearch(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	on, _ := f.boolean("enabled", true)
	mode, ok := f.enum("mode", false, []string{"ProductProjectionsSearch", "ProductsSearch"})
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	which := "products"
	if ok && mode == "ProductsSearch" {
		which = "productsSearch"
	}
	status := "Deactivated"
	if on {
		status = "Activated"
	}
	return setSearchStatus(x, cur, which, status)
}

func projectChangeSearchStatus(which string) func(*vctx, doc, doc) *apiError {
	return func(x *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		status, _ := f.enum("status", true, []string{"Activated", "Deactivated"})
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		return setSearchStatus(x, cur, which, status)
	}
}

func businessUnits(cur doc) doc {
	bu, _ := cur["businessUnits"].(map[string]any)
	if bu == nil {
		bu = doc{"myBusinessUnitStatusOnCreation": "Inactive"}
	}
	cur["businessUnits"] = bu
	return bu
}

func projectChangeBusinessUnitStatus(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	status, _ := f.enum("status", true, []string{"Active", "Inactive"})
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	businessUnits(cur)["myBusinessUnitStatusOnCreation"] = status
	return nil
}

// projectSetAssociateRole stores the role as an AssociateRoleKeyReference. With the associate
// roles family present, the role must exist.
func projectSetAssociateRole(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	ri := f.object("associateRole", true)
	key := ""
	if ri != nil {
		ri.str("typeId", false)
		key, _ = ri.str("key", false)
		id, _ := ri.str("id", false)
		ri.done()
		if fam := versionedFamilies["associate-role"]; fam != nil && p.err() == nil {
			if id != "" {
				d, ok := x.p.doc(fam.coll, id)
				if !ok {
					return errReferencedResourceNotFound("associate-role", id, "")
				}
				key, _ = d["key"].(string)
			} else if _, ok := x.p.idByKey(fam.coll, key); !ok {
				return errReferencedResourceNotFound("associate-role", "", key)
			}
		}
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	businessUnits(cur)["myBusinessUnitAssociateRoleOnCreation"] = doc{"typeId": "associate-role", "key": key}
	return nil
}

func projectSetShippingRateInputType(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	t := f.object("shippingRateInputType", false)
	var out doc
	if t != nil {
		kind, _ := t.enum("type", true, []string{"CartValue", "CartClassification", "CartScore"})
		out = doc{"type": kind}
		if kind == "CartClassification" {
			values := []any{}
			l, _ := t.list("values", true)
			for i, e := range l {
				v := readEnumValue(t.child(fmt.Sprintf("%s.values[%d]", t.at, i), e), true)
				if v == nil {
					continue
				}
				if hasEnumKey(doc{"values": values}, str(v["key"])) {
					p.add(errInvalidInput("The keys of the cart classification values must be unique; '%v' appears more than once.", v["key"]))
					continue
				}
				values = append(values, v)
			}
			out["values"] = values
		}
		t.done()
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if out == nil {
		delete(cur, "shippingRateInputType")
		return nil
	}
	cur["shippingRateInputType"] = out
	return nil
}

func projectSetExternalOAuth(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	o := f.object("externalOAuth", false)
	var out doc
	if o != nil {
		url, _ := o.str("url", true)
		header, ok := o.str("authorizationHeader", true)
		o.done()
		if ok && (len(header) < 3 || header[0] == ' ' || header[len(header)-1] == ' ') {
			p.add(errInvalidInput("Invalid value for field 'externalOAuth.authorizationHeader': it must not start or end with a space."))
		}
		out = doc{"url": url, "authorizationHeader": header}
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if out == nil {
		delete(cur, "externalOAuth")
		return nil
	}
	cur["externalOAuth"] = out
	return nil
}

func projectSetDiscounts(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	d := f.object("discountsConfiguration", true)
	out := doc{"discountCombinationMode": "Stacking"}
	if d != nil {
		if m, ok := d.enum("discountCombinationMode", true, []string{"BestDeal", "Stacking"}); ok {
			out["discountCombinationMode"] = m
		}
		d.done()
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	cur["discounts"] = out
	return nil
}

func inventory(cur doc) doc {
	inv, _ := cur["inventory"].(map[string]any)
	if inv == nil {
		inv = doc{"releaseExpiredReservations": true}
	}
	cur["inventory"] = inv
	return inv
}

func projectSetReservationExpiration(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	n, ok := intIn(f, "reservationExpirationInMinutes", 1, 44640, false)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if !ok {
		delete(inventory(cur), "reservationExpirationInMinutes")
		return nil
	}
	inventory(cur)["reservationExpirationInMinutes"] = n
	return nil
}

func projectSetReleaseExpired(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	on, _ := f.boolean("releaseExpiredReservations", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	inventory(cur)["releaseExpiredReservations"] = on
	return nil
}

func projectSetCatalogModel(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	m, _ := f.enum("productCatalogModel", true, []string{"Classic", "Modular"})
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	cur["productCatalogModel"] = m
	return nil
}

// ProjectDoc returns a copy of a project as the API returns it, created with the API's defaults
// if nothing has read it yet: a test or a seed changes it and stores it back with PutDoc.
func (e *Emulator) ProjectDoc(projectKey string) map[string]any {
	var out doc
	_ = e.update(projectKey, func(p *projectStore) *apiError {
		out = deepCopy(projectDoc(e, p))
		return nil
	})
	return out
}
