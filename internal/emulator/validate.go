package emulator

import (
	"fmt"
	"math"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Patterns from the API reference.
var (
	// keyPattern is the key of TaxCategory, Type, ProductType, Store and the others (2 to 256 characters).
	keyPattern = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
	// countryPattern is CountryCode (ISO 3166-1 alpha-2).
	countryPattern = regexp.MustCompile(`^[A-Z]{2}$`)
	// localePattern is a Locale (IETF language tag: language, optional region or script).
	localePattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	// currencyPattern is CurrencyCode (ISO 4217).
	currencyPattern  = regexp.MustCompile(`^[A-Z]{3}$`)
	datePattern      = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	fieldTimePattern = regexp.MustCompile(`^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$`)
	dateTimePattern  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$`)
)

// problems collects what is wrong with one request body: shape errors (a missing required
// property, a wrong JSON type, an unknown property) become one InvalidJsonInput, constraint
// violations their own error objects, all in one 400 answer.
//
// Unknown properties are refused. The reference does not say what the API does with them; the
// emulator is strict so that a misspelt field in the provider fails a test instead of vanishing.
type problems struct {
	shape []string
	other []*apiError
}

func (p *problems) addShape(format string, args ...any) {
	p.shape = append(p.shape, fmt.Sprintf(format, args...))
}
func (p *problems) add(e *apiError) {
	if e != nil {
		p.other = append(p.other, e)
	}
}

// err returns the error to answer with, or nil.
func (p *problems) err() *apiError {
	if len(p.shape) > 0 {
		return errInvalidJSON(strings.Join(p.shape, "; "))
	}
	if len(p.other) > 0 {
		return joinErrors(p.other)
	}
	return nil
}

// fields reads the properties of one JSON object of a request body.
type fields struct {
	at   string
	obj  doc
	used map[string]bool
	p    *problems
}

// readFields starts reading a body (or an update action; its "action" property is accepted).
func readFields(obj doc) (*fields, *problems) {
	p := &problems{}
	f := &fields{obj: obj, used: map[string]bool{"action": true}, p: p}
	return f, p
}

func (f *fields) path(k string) string {
	if f.at == "" {
		return k
	}
	return f.at + "." + k
}

func (f *fields) get(k string, required bool) (any, bool) {
	f.used[k] = true
	v, ok := f.obj[k]
	if !ok || v == nil {
		if required {
			f.p.addShape("%s: Missing required value", f.path(k))
		}
		return nil, false
	}
	return v, true
}

// has reports whether a property is present and not null.
func (f *fields) has(k string) bool {
	v, ok := f.obj[k]
	return ok && v != nil
}

func (f *fields) str(k string, required bool) (string, bool) {
	v, ok := f.get(k, required)
	if !ok {
		return "", false
	}
	s, isStr := v.(string)
	if !isStr {
		f.p.addShape("%s: String expected", f.path(k))
		return "", false
	}
	return s, true
}

func (f *fields) boolean(k string, required bool) (bool, bool) {
	v, ok := f.get(k, required)
	if !ok {
		return false, false
	}
	b, isBool := v.(bool)
	if !isBool {
		f.p.addShape("%s: Boolean expected", f.path(k))
		return false, false
	}
	return b, true
}

func (f *fields) object(k string, required bool) *fields {
	v, ok := f.get(k, required)
	if !ok {
		return nil
	}
	return f.child(f.path(k), v)
}

// child reads a nested object (nil, with a shape error, when v is not an object).
func (f *fields) child(at string, v any) *fields {
	m, isObj := v.(map[string]any)
	if !isObj {
		f.p.addShape("%s: JSON object expected", at)
		return nil
	}
	return &fields{at: at, obj: m, used: map[string]bool{}, p: f.p}
}

func (f *fields) list(k string, required bool) ([]any, bool) {
	v, ok := f.get(k, required)
	if !ok {
		return nil, false
	}
	l, isList := v.([]any)
	if !isList {
		f.p.addShape("%s: JSON array expected", f.path(k))
		return nil, false
	}
	return l, true
}

// strings reads an array of strings.
func (f *fields) strings(k string, required bool) ([]string, bool) {
	l, ok := f.list(k, required)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(l))
	for i, e := range l {
		s, isStr := e.(string)
		if !isStr {
			f.p.addShape("%s[%d]: String expected", f.path(k), i)
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// enum reads a string that must be one of allowed.
func (f *fields) enum(k string, required bool, allowed []string) (string, bool) {
	s, ok := f.str(k, required)
	if ok && !slices.Contains(allowed, s) {
		f.p.addShape("%s: Invalid enum value '%s', expected one of %s", f.path(k), s, strings.Join(allowed, ", "))
		return "", false
	}
	return s, ok
}

// localized reads a LocalizedString: an object of locale to string.
func (f *fields) localized(k string, required bool) (doc, bool) {
	v, ok := f.get(k, required)
	if !ok {
		return nil, false
	}
	return checkLocalized(f.p, f.path(k), v)
}

func checkLocalized(p *problems, at string, v any) (doc, bool) {
	m, isObj := v.(map[string]any)
	if !isObj {
		p.addShape("%s: LocalizedString (a JSON object of locale to text) expected", at)
		return nil, false
	}
	for loc, text := range m {
		if _, isStr := text.(string); !isStr {
			p.addShape("%s.%s: String expected", at, loc)
			return nil, false
		}
		if !localePattern.MatchString(loc) {
			p.add(errInvalidInput("Invalid locale '%s' in field '%s': a locale is a language tag such as 'en' or 'de-DE'.", loc, at))
		}
	}
	return m, true
}

// key reads the property "key" with the pattern and length of keyPattern.
func (f *fields) key(required bool) (string, bool) {
	const k = "key"
	s, ok := f.str(k, required)
	if ok && (len(s) < 2 || len(s) > 256 || !keyPattern.MatchString(s)) {
		f.p.add(newError(http.StatusBadRequest, "InvalidInput",
			fmt.Sprintf("Invalid value '%s' for field '%s': a key has 2 to 256 characters of A-Z, a-z, 0-9, '_' and '-'.", s, f.path(k)),
			"field", f.path(k)))
		return s, false
	}
	return s, ok
}

// done reports the properties nobody read.
func (f *fields) done() {
	if f == nil {
		return
	}
	var extra []string
	for k := range f.obj {
		if !f.used[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	for _, k := range extra {
		f.p.addShape("%s: Unknown field", f.path(k))
	}
}

// setOrRemove implements an action that sets field to the value read reads, or removes the field
// when read reports no value.
func setOrRemove[T any](field string, read func(f *fields) (T, bool)) func(*vctx, doc, doc) *apiError {
	return func(_ *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		v, ok := read(f)
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		if !ok {
			delete(cur, field)
			return nil
		}
		cur[field] = v
		return nil
	}
}

// readObjectAction reads an update action whose one property, k, is an object that read reads,
// and returns what read returned and the action's problems.
func readObjectAction(a doc, k string, read func(f *fields) doc) (doc, *apiError) {
	f, p := readFields(a)
	v := read(f.object(k, true))
	f.done()
	return v, p.err()
}

// readRefAction reads an update action whose one property, k, is a ResourceIdentifier of typeID,
// and returns the id of the referenced resource.
func (x *vctx) readRefAction(a doc, k, typeID string) (string, *apiError) {
	f, p := readFields(a)
	ri, _ := f.get(k, true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return "", apiErr
	}
	return x.resolve(typeID, ri, k)
}

// emptyLocalized reports whether a LocalizedString has no text at all.
func emptyLocalized(m doc) bool {
	for _, v := range m {
		if s, _ := v.(string); s != "" {
			return false
		}
	}
	return true
}

// addressFields are the string properties of BaseAddress besides id, key and country.
var addressFields = []string{
	"title", "salutation", "firstName", "lastName", "streetName", "streetNumber", "additionalStreetInfo", "postalCode",
	"city", "region", "state", "company", "department", "building", "apartment", "pOBox", "phone", "mobile", "email",
	"fax", "additionalAddressInfo", "externalId",
}

// readAddress reads a BaseAddress (types/common/BaseAddress.raml). The API gives an address
// without an id one of its own.
func readAddress(f *fields) doc {
	if f == nil {
		return nil
	}
	out := doc{}
	if id, ok := f.str("id", false); ok && id != "" {
		out["id"] = id
	} else {
		out["id"] = randomString(6)
	}
	if key, ok := f.key(false); ok {
		out["key"] = key
	}
	if c, ok := f.str("country", true); ok {
		if !countryPattern.MatchString(c) {
			f.p.add(newError(http.StatusBadRequest, "InvalidField",
				fmt.Sprintf("The value '%s' is not valid for field '%s': a two-letter ISO 3166-1 country code is expected.", c, f.path("country")),
				"field", f.path("country"), "invalidValue", c))
		}
		out["country"] = c
	}
	for _, k := range addressFields {
		if s, ok := f.str(k, false); ok {
			out[k] = s
		}
	}
	f.used["custom"] = true // an address's own custom fields are kept as sent
	if v, ok := f.obj["custom"]; ok && v != nil {
		out["custom"] = v
	}
	f.done()
	return out
}

// readGeoLocation reads a GeoJSON object; only a Point is supported (ChannelDraft.geoLocation).
func readGeoLocation(f *fields) doc {
	if f == nil {
		return nil
	}
	t, _ := f.str("type", true)
	coords, ok := f.list("coordinates", true)
	f.done()
	if t != "" && t != "Point" {
		f.p.add(errInvalidInput("Invalid GeoJSON type '%s' for field '%s': only 'Point' is supported.", t, f.at))
	}
	if !ok {
		return nil
	}
	if len(coords) != 2 {
		f.p.add(errInvalidInput("Invalid coordinates for field '%s': a Point has exactly two coordinates, [longitude, latitude].", f.at))
		return nil
	}
	lon, ok1 := coords[0].(float64)
	lat, ok2 := coords[1].(float64)
	if !ok1 || !ok2 {
		f.p.addShape("%s.coordinates: numbers expected", f.at)
		return nil
	}
	if math.Abs(lon) > 180 || math.Abs(lat) > 90 {
		f.p.add(errInvalidInput("Invalid coordinates [%v, %v] for field '%s': longitude is between -180 and 180, latitude between -90 and 90.", lon, lat, f.at))
	}
	return doc{"type": "Point", "coordinates": []any{lon, lat}}
}
