package emulator

import (
	"fmt"
	"math"
	"net/http"
)

// Tax categories (commercetools-api-reference: resources/tax-categories.raml,
// types/tax-category/*.raml). At most 100 per project (MaxResourceLimitExceeded, the API's
// limits page). Each rate gets an id of its own; replaceTaxRate gives the new rate a new id, as
// the API does.
func init() { registerFamily(taxCategoriesFamily) }

var taxCategoriesFamily = &family{
	coll: "tax-categories", typeID: "tax-category", noun: "TaxCategory",
	view:     []string{"view_tax_categories", "view_products", "manage_project"},
	manage:   []string{"manage_tax_categories", "manage_products", "manage_project"},
	maxCount: 100,
	query: querySpec{
		whereFields: setOf("id", "key", "version", "name", "description", "rates", "createdAt", "lastModifiedAt"),
		sortFields:  setOf("id", "key", "name", "createdAt", "lastModifiedAt", "version"),
	},
	create: createTaxCategory,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"changeName":     taxCategoryChangeName,
		"setKey":         setOptionalKey,
		"setDescription": setOptionalString("description"),
		"addTaxRate":     taxCategoryAddRate,
		"removeTaxRate":  taxCategoryRemoveRate,
		"replaceTaxRate": taxCategoryReplaceRate,
	},
}

// nameTaken reports whether another resource of coll has the name.
func nameTaken(p *projectStore, coll, name, except string) bool {
	f := familyByColl(coll)
	for _, d := range f.rows(p) {
		if d["name"] == name && d["id"] != except {
			return true
		}
	}
	return false
}

func createTaxCategory(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{}
	if name, ok := f.str("name", true); ok {
		if nameTaken(x.p, "tax-categories", name, "") {
			p.add(errInvalidOperation("A tax category with the name '%s' already exists.", name))
		}
		out["name"] = name
	}
	if desc, ok := f.str("description", false); ok {
		out["description"] = desc
	}
	if key, ok := f.key(false); ok {
		out["key"] = key
	}
	rates := []any{}
	if l, ok := f.list("rates", false); ok {
		for i, e := range l {
			if r := readTaxRate(f.child(fmt.Sprintf("rates[%d]", i), e)); r != nil {
				if apiErr := rateConflict(rates, r, ""); apiErr != nil {
					p.add(apiErr)
					continue
				}
				rates = append(rates, r)
			}
		}
	}
	out["rates"] = rates
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	return out, nil
}

// readTaxRate reads a TaxRateDraft and returns the TaxRate it makes (with a new id).
func readTaxRate(f *fields) doc {
	if f == nil {
		return nil
	}
	out := doc{"id": randomString(6)}
	if name, ok := f.str("name", true); ok {
		out["name"] = name
	}
	incl, _ := f.boolean("includedInPrice", true)
	out["includedInPrice"] = incl
	if c, ok := f.str("country", true); ok {
		if !countryPattern.MatchString(c) {
			f.p.add(newError(http.StatusBadRequest, "InvalidField",
				fmt.Sprintf("The value '%s' is not valid for field '%s': a two-letter ISO 3166-1 country code is expected.", c, f.path("country")),
				"field", f.path("country"), "invalidValue", c))
		}
		out["country"] = c
	}
	if s, ok := f.str("state", false); ok && s != "" { // an empty state counts as omitted
		out["state"] = s
	}
	if key, ok := f.key(false); ok {
		out["key"] = key
	}
	amount, hasAmount := f.get("amount", false)
	sum, hasSubs := 0.0, false
	if l, ok := f.list("subRates", false); ok && len(l) > 0 {
		hasSubs = true
		subs := []any{}
		for i, e := range l {
			s := f.child(fmt.Sprintf("%s.subRates[%d]", f.at, i), e)
			if s == nil {
				continue
			}
			name, _ := s.str("name", true)
			a, _ := s.get("amount", true)
			n, isNum := a.(float64)
			if !isNum || n < 0 || n > 1 {
				f.p.add(errInvalidInput("Invalid amount of sub-rate '%s' in '%s': a number from 0 to 1 is expected.", name, f.at))
			}
			s.done()
			sum += n
			subs = append(subs, doc{"name": name, "amount": n})
		}
		out["subRates"] = subs
	}
	switch {
	case hasAmount:
		n, isNum := amount.(float64)
		if !isNum || n < 0 || n > 1 {
			f.p.add(errInvalidInput("Invalid value for field '%s.amount': a number from 0 to 1 is expected.", f.at))
		}
		if hasSubs && math.Abs(n-sum) > 1e-9 {
			f.p.add(errInvalidOperation("The amount %v of tax rate '%v' is not the sum %v of its sub-rates.", n, out["name"], sum))
		}
		out["amount"] = n
	case hasSubs:
		out["amount"] = math.Round(sum*1e9) / 1e9
	default:
		f.p.add(errInvalidOperation("Tax rate '%v' needs an amount or sub-rates.", out["name"]))
	}
	f.done()
	return out
}

// rateConflict checks a rate against the others of its category: keys and country+state pairs
// are unique (DuplicateField).
func rateConflict(rates []any, r doc, exceptID string) *apiError {
	for _, e := range rates {
		o, _ := e.(map[string]any)
		if o["id"] == exceptID && exceptID != "" {
			continue
		}
		if k, ok := r["key"]; ok && o["key"] == k {
			return errDuplicateField("rates.key", k)
		}
		if o["country"] == r["country"] && o["state"] == r["state"] {
			return newError(http.StatusBadRequest, "DuplicateField",
				fmt.Sprintf("A tax rate for country '%v' and state '%v' already exists.", r["country"], str(r["state"])),
				"field", "rates.country", "duplicateValue", r["country"])
		}
	}
	return nil
}

func taxCategoryChangeName(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	name, _ := f.str("name", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if nameTaken(x.p, "tax-categories", name, str(cur["id"])) {
		return errInvalidOperation("A tax category with the name '%s' already exists.", name)
	}
	cur["name"] = name
	return nil
}

// setOptionalKey implements setKey where the key is optional: absent or null removes it.
var setOptionalKey = setOrRemove("key", func(f *fields) (string, bool) { return f.key(false) })

// setOptionalString implements set<Field> for a plain optional string: absent removes it.
func setOptionalString(field string) func(*vctx, doc, doc) *apiError {
	return setOrRemove(field, func(f *fields) (string, bool) { return f.str(field, false) })
}

func ratesOf(cur doc) []any {
	l, _ := cur["rates"].([]any)
	return l
}

// rateIndex finds the rate a taxRateId or taxRateKey names.
func rateIndex(f *fields, cur doc) (int, *apiError) {
	id, hasID := f.str("taxRateId", false)
	key, hasKey := f.str("taxRateKey", false)
	if hasID == hasKey {
		return -1, errInvalidJSON("exactly one of 'taxRateId' and 'taxRateKey' is required")
	}
	for i, e := range ratesOf(cur) {
		r, _ := e.(map[string]any)
		if (hasID && r["id"] == id) || (hasKey && r["key"] == key) {
			return i, nil
		}
	}
	if hasID {
		return -1, errInvalidInput("The tax category has no tax rate with the id '%s'.", id)
	}
	return -1, errInvalidInput("The tax category has no tax rate with the key '%s'.", key)
}

func taxCategoryAddRate(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	r := readTaxRate(f.object("taxRate", true))
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if apiErr := rateConflict(ratesOf(cur), r, ""); apiErr != nil {
		return apiErr
	}
	cur["rates"] = append(ratesOf(cur), r)
	return nil
}

func taxCategoryRemoveRate(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	i, apiErr := rateIndex(f, cur)
	f.done()
	if e := p.err(); e != nil {
		return e
	}
	if apiErr != nil {
		return apiErr
	}
	rates := ratesOf(cur)
	cur["rates"] = append(append([]any{}, rates[:i]...), rates[i+1:]...)
	return nil
}

func taxCategoryReplaceRate(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	i, apiErr := rateIndex(f, cur)
	r := readTaxRate(f.object("taxRate", true))
	f.done()
	if e := p.err(); e != nil {
		return e
	}
	if apiErr != nil {
		return apiErr
	}
	rates := ratesOf(cur)
	old, _ := rates[i].(map[string]any)
	if apiErr := rateConflict(rates, r, str(old["id"])); apiErr != nil {
		return apiErr
	}
	next := append([]any{}, rates...)
	next[i] = r
	cur["rates"] = next
	return nil
}
