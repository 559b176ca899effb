package emulator

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// Stores, customer groups and product selections (commercetools-api-reference:
// resources/stores.raml, customer-groups.raml, product-selections.raml and the types of each).
//
// Choices where the reference is silent, written down:
//   - A product selection that a store uses cannot be deleted: ReferenceExists ("Deletion will
//     only succeed if the Product Selection is not assigned to any Store").
//   - changeProductSelectionActive for a selection the store does not have is InvalidOperation.
//   - Storefront URLs must be absolute https URLs; the templates must contain {checkoutId} and
//     {orderId}; anything else is InvalidInput.
//   - Product selections are kept without products: the emulator has no products, so the product
//     actions answer ReferencedResourceNotFound for the product.
func init() {
	registerFamily(storesFamily)
	registerFamily(customerGroupsFamily)
	registerFamily(productSelectionsFamily)
}

var storefrontURLs = []string{"termsOfServiceUrl", "privacyPolicyUrl", "refundPolicyUrl", "shippingPolicyUrl",
	"cookiePolicyUrl", "imprintUrl", "faqUrl", "contactUrl"}

var storesFamily = &family{
	coll: "stores", typeID: "store", noun: "Store",
	view:        []string{"view_stores", "manage_project"},
	manage:      []string{"manage_stores", "manage_project"},
	keyRequired: true,
	query: querySpec{
		whereFields: setOf("id", "key", "version", "name", "languages", "countries", "distributionChannels", "supplyChannels", "productSelections", "custom", "createdAt", "lastModifiedAt"),
		sortFields:  setOf("id", "key", "createdAt", "lastModifiedAt", "version"),
	},
	create: createStore,
	actions: func() map[string]func(x *vctx, cur doc, a doc) *apiError {
		m := map[string]func(x *vctx, cur doc, a doc) *apiError{
			"setName":                      setOptionalLocalized("name"),
			"setLanguages":                 storeSetLanguages,
			"setCountries":                 storeSetCountries,
			"addCountry":                   storeAddCountry,
			"removeCountry":                storeRemoveCountry,
			"setDistributionChannels":      storeSetChannels("distributionChannels", "ProductDistribution"),
			"addDistributionChannel":       storeAddChannel("distributionChannel", "distributionChannels", "ProductDistribution"),
			"removeDistributionChannel":    storeRemoveChannel("distributionChannel", "distributionChannels"),
			"setSupplyChannels":            storeSetChannels("supplyChannels", "InventorySupply"),
			"addSupplyChannel":             storeAddChannel("supplyChannel", "supplyChannels", "InventorySupply"),
			"removeSupplyChannel":          storeRemoveChannel("supplyChannel", "supplyChannels"),
			"setProductSelections":         storeSetProductSelections,
			"addProductSelection":          storeAddProductSelection,
			"removeProductSelection":       storeRemoveProductSelection,
			"changeProductSelectionActive": storeChangeProductSelectionActive,
			"setCustomType":                applySetCustomType("store"),
			"setCustomField":               applySetCustomField,
			"setCheckoutUrlTemplate":       storeSetStorefront("checkoutUrlTemplate"),
			"setOrderUrlTemplate":          storeSetStorefront("orderUrlTemplate"),
		}
		for _, u := range storefrontURLs {
			m["set"+strings.ToUpper(u[:1])+u[1:]] = storeSetStorefront(u)
		}
		return m
	}(),
	refs: func(d doc) []ref {
		out := customRefs(d)
		for _, field := range []string{"distributionChannels", "supplyChannels"} {
			l, _ := d[field].([]any)
			for _, e := range l {
				c, _ := e.(map[string]any)
				out = append(out, ref{typeID: "channel", id: str(c["id"])})
			}
		}
		l, _ := d["productSelections"].([]any)
		for _, e := range l {
			s, _ := e.(map[string]any)
			ps, _ := s["productSelection"].(map[string]any)
			out = append(out, ref{typeID: "product-selection", id: str(ps["id"])})
		}
		return out
	},
}

func createStore(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{"languages": []any{}, "countries": []any{}, "distributionChannels": []any{}, "supplyChannels": []any{}, "productSelections": []any{}}
	if key, ok := f.key(true); ok {
		out["key"] = key
	}
	if name, ok := f.localized("name", false); ok {
		out["name"] = name
	}
	if l, ok := f.strings("languages", false); ok {
		if apiErr := checkProjectLanguages(x, l); apiErr != nil {
			p.add(apiErr)
		}
		out["languages"] = anyList(l)
	}
	if l, ok := f.list("countries", false); ok {
		out["countries"] = readStoreCountries(f, "countries", l)
	}
	for _, c := range []struct{ field, role string }{{"distributionChannels", "ProductDistribution"}, {"supplyChannels", "InventorySupply"}} {
		if l, ok := f.list(c.field, false); ok {
			refs, apiErr := channelRefs(x, l, c.field, c.role)
			if apiErr != nil {
				p.add(apiErr)
			}
			out[c.field] = refs
		}
	}
	if l, ok := f.list("productSelections", false); ok {
		settings, apiErr := readSelectionSettings(x, f, l)
		if apiErr != nil {
			p.add(apiErr)
		}
		out["productSelections"] = settings
	}
	if c := x.readCustom(f.object("custom", false), "store"); c != nil {
		out["custom"] = c
	}
	if sf := f.object("storefront", false); sf != nil {
		front := doc{}
		for _, k := range append([]string{"checkoutUrlTemplate", "orderUrlTemplate"}, storefrontURLs...) {
			if v, ok := sf.str(k, false); ok && v != "" {
				if apiErr := checkStorefront(k, v); apiErr != nil {
					p.add(apiErr)
				}
				front[k] = v
			}
		}
		sf.done()
		if len(front) > 0 {
			out["storefront"] = front
		}
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	return out, nil
}

func anyList(l []string) []any {
	out := make([]any, len(l))
	for i, s := range l {
		out[i] = s
	}
	return out
}

// checkProjectLanguages answers ProjectNotConfiguredForLanguages for languages the project lacks.
func checkProjectLanguages(x *vctx, langs []string) *apiError {
	pr := projectDoc(x.c.e, x.p)
	have, _ := pr["languages"].([]any)
	var missing []any
	for _, l := range langs {
		if !slices.Contains(have, any(l)) {
			missing = append(missing, l)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return newError(http.StatusBadRequest, "ProjectNotConfiguredForLanguages",
		fmt.Sprintf("The project is not configured for given languages: %s (the project's languages are %s).", compactJSON(missing), compactJSON(have)),
		"languages", missing)
}

// readStoreCountries reads StoreCountry objects ({code}).
func readStoreCountries(f *fields, at string, l []any) []any {
	out := []any{}
	for i, e := range l {
		cf := f.child(fmt.Sprintf("%s[%d]", at, i), e)
		if cf == nil {
			continue
		}
		code, _ := cf.str("code", true)
		cf.done()
		if !countryPattern.MatchString(code) {
			f.p.add(newError(http.StatusBadRequest, "InvalidField", fmt.Sprintf("The value '%s' is not valid for field '%s.code': a two-letter ISO 3166-1 country code is expected.", code, cf.at),
				"field", cf.at+".code", "invalidValue", code))
			continue
		}
		c := doc{"code": code}
		if !slices.ContainsFunc(out, func(o any) bool { return sameValue(o, c) }) {
			out = append(out, c)
		}
	}
	return out
}

// channelRef resolves a ChannelResourceIdentifier that must have role.
func channelRef(x *vctx, ri any, at, role string) (doc, *apiError) {
	id, apiErr := x.resolve("channel", ri, at)
	if apiErr != nil {
		return nil, apiErr
	}
	ch := x.lookup("channel", id)
	roles, _ := ch["roles"].([]any)
	if !slices.Contains(roles, any(role)) {
		m, _ := ri.(map[string]any)
		return nil, newError(http.StatusBadRequest, "MissingRoleOnChannel",
			fmt.Sprintf("Given channel with %s does not have the required role %s.", channelName(m), role), "channel", m, "missingRole", role)
	}
	return doc{"typeId": "channel", "id": id}, nil
}

func channelName(ri map[string]any) string {
	if k, ok := ri["key"].(string); ok {
		return "key '" + k + "'"
	}
	return "id '" + str(ri["id"]) + "'"
}

func channelRefs(x *vctx, l []any, at, role string) ([]any, *apiError) {
	out := []any{}
	for i, e := range l {
		r, apiErr := channelRef(x, e, fmt.Sprintf("%s[%d]", at, i), role)
		if apiErr != nil {
			return out, apiErr
		}
		if !slices.ContainsFunc(out, func(o any) bool { return sameValue(o, r) }) {
			out = append(out, r)
		}
	}
	if len(out) > 100 {
		return out, errInvalidInput("A store has at most 100 %s.", at)
	}
	return out, nil
}

func readSelectionSettings(x *vctx, f *fields, l []any) ([]any, *apiError) {
	out := []any{}
	for i, e := range l {
		sf := f.child(fmt.Sprintf("productSelections[%d]", i), e)
		if sf == nil {
			continue
		}
		ri, _ := sf.get("productSelection", true)
		active, _ := sf.boolean("active", false)
		sf.done()
		id, apiErr := x.resolve("product-selection", ri, sf.path("productSelection"))
		if apiErr != nil {
			return out, apiErr
		}
		out = append(out, doc{"productSelection": doc{"typeId": "product-selection", "id": id}, "active": active})
	}
	if len(out) > 100 {
		return out, errInvalidInput("A store has at most 100 product selections.")
	}
	return out, nil
}

func checkStorefront(field, v string) *apiError {
	switch field {
	case "checkoutUrlTemplate":
		if !strings.Contains(v, "{checkoutId}") {
			return errInvalidInput("Invalid value '%s' for field 'storefront.checkoutUrlTemplate': the template must contain {checkoutId}.", v)
		}
	case "orderUrlTemplate":
		if !strings.Contains(v, "{orderId}") {
			return errInvalidInput("Invalid value '%s' for field 'storefront.orderUrlTemplate': the template must contain {orderId}.", v)
		}
	}
	if !strings.HasPrefix(v, "https://") || len(v) <= len("https://") {
		return errInvalidInput("Invalid value '%s' for field 'storefront.%s': an absolute https URL is expected.", v, field)
	}
	return nil
}

func storeSetLanguages(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	l, _ := f.strings("languages", false)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if apiErr := checkProjectLanguages(x, l); apiErr != nil {
		return apiErr
	}
	cur["languages"] = anyList(l)
	return nil
}

func storeSetCountries(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	l, _ := f.list("countries", false)
	countries := readStoreCountries(f, "countries", l)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	cur["countries"] = countries
	return nil
}

func storeAddCountry(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	c, _ := f.get("country", true)
	countries := readStoreCountries(f, "country", []any{c})
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	have, _ := cur["countries"].([]any)
	for _, n := range countries {
		if !slices.ContainsFunc(have, func(o any) bool { return sameValue(o, n) }) {
			have = append(have, n)
		}
	}
	cur["countries"] = have
	return nil
}

func storeRemoveCountry(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	c, _ := f.get("country", true)
	countries := readStoreCountries(f, "country", []any{c})
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	have, _ := cur["countries"].([]any)
	cur["countries"] = slices.DeleteFunc(slices.Clone(have), func(o any) bool {
		return len(countries) > 0 && sameValue(o, countries[0])
	})
	return nil
}

func storeSetChannels(field, role string) func(*vctx, doc, doc) *apiError {
	return func(x *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		l, _ := f.list(field, false)
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		refs, apiErr := channelRefs(x, l, field, role)
		if apiErr != nil {
			return apiErr
		}
		cur[field] = refs
		return nil
	}
}

func storeAddChannel(prop, field, role string) func(*vctx, doc, doc) *apiError {
	return func(x *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		ri, _ := f.get(prop, true)
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		r, apiErr := channelRef(x, ri, prop, role)
		if apiErr != nil {
			return apiErr
		}
		have, _ := cur[field].([]any)
		if !slices.ContainsFunc(have, func(o any) bool { return sameValue(o, r) }) {
			if len(have) >= 100 {
				return errInvalidInput("A store has at most 100 %s.", field)
			}
			have = append(have, r)
		}
		cur[field] = have
		return nil
	}
}

func storeRemoveChannel(prop, field string) func(*vctx, doc, doc) *apiError {
	return func(x *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		ri, _ := f.get(prop, true)
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		id, apiErr := x.resolve("channel", ri, prop)
		if apiErr != nil {
			return apiErr
		}
		have, _ := cur[field].([]any)
		cur[field] = slices.DeleteFunc(slices.Clone(have), func(o any) bool { m, _ := o.(map[string]any); return m["id"] == id })
		return nil
	}
}

func storeSetProductSelections(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	l, _ := f.list("productSelections", false)
	settings, apiErr := readSelectionSettings(x, f, l)
	f.done()
	if e := p.err(); e != nil {
		return e
	}
	if apiErr != nil {
		return apiErr
	}
	cur["productSelections"] = settings
	return nil
}

func selectionIndex(x *vctx, f *fields, cur doc) (string, int, *apiError) {
	ri, ok := f.get("productSelection", true)
	if !ok {
		return "", -1, nil
	}
	id, apiErr := x.resolve("product-selection", ri, "productSelection")
	if apiErr != nil {
		return "", -1, apiErr
	}
	l, _ := cur["productSelections"].([]any)
	for i, e := range l {
		s, _ := e.(map[string]any)
		if ps, _ := s["productSelection"].(map[string]any); ps["id"] == id {
			return id, i, nil
		}
	}
	return id, -1, nil
}

func storeAddProductSelection(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	id, i, apiErr := selectionIndex(x, f, cur)
	active, _ := f.boolean("active", false)
	f.done()
	if e := p.err(); e != nil {
		return e
	}
	if apiErr != nil {
		return apiErr
	}
	l, _ := cur["productSelections"].([]any)
	setting := doc{"productSelection": doc{"typeId": "product-selection", "id": id}, "active": active}
	if i >= 0 {
		l[i] = setting
	} else {
		if len(l) >= 100 {
			return errInvalidInput("A store has at most 100 product selections.")
		}
		l = append(l, setting)
	}
	cur["productSelections"] = l
	return nil
}

func storeRemoveProductSelection(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	_, i, apiErr := selectionIndex(x, f, cur)
	f.done()
	if e := p.err(); e != nil {
		return e
	}
	if apiErr != nil {
		return apiErr
	}
	if i >= 0 {
		l, _ := cur["productSelections"].([]any)
		cur["productSelections"] = append(append([]any{}, l[:i]...), l[i+1:]...)
	}
	return nil
}

func storeChangeProductSelectionActive(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	id, i, apiErr := selectionIndex(x, f, cur)
	active, _ := f.boolean("active", false)
	f.done()
	if e := p.err(); e != nil {
		return e
	}
	if apiErr != nil {
		return apiErr
	}
	if i < 0 {
		return errInvalidOperation("The store has no product selection %s.", id)
	}
	l, _ := cur["productSelections"].([]any)
	s, _ := l[i].(map[string]any)
	s["active"] = active
	return nil
}

func storeSetStorefront(field string) func(*vctx, doc, doc) *apiError {
	return func(_ *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		v, ok := f.str(field, false)
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		front, _ := cur["storefront"].(map[string]any)
		if front == nil {
			front = doc{}
		}
		if !ok || v == "" {
			delete(front, field)
		} else {
			if apiErr := checkStorefront(field, v); apiErr != nil {
				return apiErr
			}
			front[field] = v
		}
		if len(front) == 0 {
			delete(cur, "storefront")
		} else {
			cur["storefront"] = front
		}
		return nil
	}
}

var customerGroupsFamily = &family{
	coll: "customer-groups", typeID: "customer-group", noun: "CustomerGroup",
	view:     []string{"view_customer_groups", "view_customers", "manage_project"},
	manage:   []string{"manage_customer_groups", "manage_customers", "manage_project"},
	maxCount: 10000,
	query: querySpec{
		whereFields: setOf("id", "key", "version", "name", "custom", "createdAt", "lastModifiedAt"),
		sortFields:  setOf("id", "key", "name", "createdAt", "lastModifiedAt", "version"),
	},
	create: createCustomerGroup,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"changeName":     customerGroupChangeName,
		"setKey":         setOptionalKey,
		"setCustomType":  applySetCustomType("customer-group"),
		"setCustomField": applySetCustomField,
	},
	refs: customRefs,
}

func createCustomerGroup(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{}
	if name, ok := f.str("groupName", true); ok {
		if nameTaken(x.p, "customer-groups", name, "") {
			p.add(errDuplicateField("name", name))
		}
		out["name"] = name
	}
	if key, ok := f.key(false); ok {
		out["key"] = key
	}
	if c := x.readCustom(f.object("custom", false), "customer-group"); c != nil {
		out["custom"] = c
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	return out, nil
}

func customerGroupChangeName(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	name, _ := f.str("name", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if nameTaken(x.p, "customer-groups", name, str(cur["id"])) {
		return errDuplicateField("name", name)
	}
	cur["name"] = name
	return nil
}

var productSelectionsFamily = &family{
	coll: "product-selections", typeID: "product-selection", noun: "ProductSelection",
	view:   []string{"view_product_selections", "manage_project"},
	manage: []string{"manage_product_selections", "manage_project"},
	query: querySpec{
		whereFields: setOf("id", "key", "version", "name", "mode", "custom", "createdAt", "lastModifiedAt"),
		sortFields:  setOf("id", "key", "createdAt", "lastModifiedAt", "version"),
	},
	create: createProductSelection,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"changeName":          productSelectionChangeName,
		"setKey":              setOptionalKey,
		"setCustomType":       applySetCustomType("product-selection"),
		"setCustomField":      applySetCustomField,
		"addProduct":          noProducts,
		"excludeProduct":      noProducts,
		"removeProduct":       noProducts,
		"setVariantSelection": noProducts,
		"setVariantExclusion": noProducts,
	},
	refs: customRefs,
}

func createProductSelection(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{"mode": "Individual", "productCount": float64(0)}
	if key, ok := f.key(false); ok {
		out["key"] = key
	}
	if name, ok := f.localized("name", true); ok {
		out["name"] = name
	}
	if mode, ok := f.enum("mode", false, []string{"Individual", "IndividualExclusion"}); ok {
		out["mode"] = mode
	}
	if t, ok := f.enum("type", false, []string{"individual", "individualExclusion"}); ok && !f.has("mode") {
		out["mode"] = strings.ToUpper(t[:1]) + t[1:]
	}
	if c := x.readCustom(f.object("custom", false), "product-selection"); c != nil {
		out["custom"] = c
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	return out, nil
}

func productSelectionChangeName(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	name, _ := f.localized("name", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	cur["name"] = name
	return nil
}

func noProducts(x *vctx, _ doc, a doc) *apiError {
	pr, _ := a["product"].(map[string]any)
	return errReferencedResourceNotFound("product", str(pr["id"]), str(pr["key"]))
}
