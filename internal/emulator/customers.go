package emulator

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"slices"
	"strings"
)

// Customers, minimal (commercetools-api-reference: resources/customers.raml, types/customer:
// CustomerDraft, Customer, CustomerSignInResult). The emulator keeps them so that business unit
// associates can reference customers; carts, sign-in, tokens and the password endpoints are not
// modelled.
//
// What the reference says and the emulator does:
//   - POST /{projectKey}/customers answers 201 with a CustomerSignInResult {customer} (no cart:
//     the emulator has none). GET, HEAD, query, update and DELETE by id and key= are the generic
//     ones and answer the Customer itself.
//   - email is required and unique (customer uniqueness: for the project, or for the stores the
//     customer belongs to); authenticationMode defaults to Password, and then password is
//     required. isEmailVerified defaults to false. addresses, shippingAddressIds,
//     billingAddressIds, customerGroupAssignments and stores are always present ([] when none).
//   - stores are StoreKeyReferences (the store's id is kept inside the stored reference for
//     ReferenceExists and stripped from responses); customerGroup is a CustomerGroupReference;
//     custom fields are checked against their Type ("customer"; "address" for addresses).
//   - Scopes: view_customers for GET and HEAD, manage_customers for everything; manage_project
//     opens both.
//
// Choices where the reference is silent, written down:
//   - The password is never stored: the Customer's password (the reference returns "****aGg=",
//     a masked hash) is "****" and the last four characters of the base64 SHA-256 of the password
//     sent. With authenticationMode ExternalAuth a password is ignored and none is shown.
//   - Two customers conflict on email when the emails are equal ignoring case and either customer
//     is global (no stores) or they share a store: 400 DuplicateField {field "email",
//     duplicateValue the email sent}, message "There is already an existing customer with the
//     provided email.". The email is kept as sent. customerNumber is unique too (DuplicateField,
//     field "customerNumber").
//   - An empty email or password is InvalidInput. dateOfBirth must be a valid YYYY-MM-DD date and
//     locale a language of the project (ProjectNotConfiguredForLanguages), as the reference
//     requires. anonymousId is accepted and ignored; anonymousCart and anonymousCartId name a cart,
//     and the emulator has none: ReferencedResourceNotFound.
//   - Draft addresses and the address actions work as for business units (see businessunits.go):
//     indexes into addresses, ids for each address, the default also added to the id list.
//   - Update actions: only changeEmail, setKey, setFirstName, setLastName, setMiddleName,
//     setTitle, setSalutation, setCompanyName, setVatId, setExternalId, setCustomerGroup,
//     setCustomerGroupAssignments, addCustomerGroupAssignment, removeCustomerGroupAssignment,
//     setCustomType, setCustomField and the address actions; any other is InvalidInput "Invalid
//     action".
//   - A customer that is an associate of a business unit cannot be deleted: ReferenceExists
//     (referencedBy "business-unit").
func init() { registerFamily(customersFamily) }

const customersColl = "customers"

var customerStrings = []string{"customerNumber", "externalId", "firstName", "lastName", "middleName", "title", "salutation",
	"companyName", "vatId"}

var customersFamily = &family{
	coll: customersColl, typeID: "customer", noun: "Customer",
	view:   []string{"view_customers", "manage_project"},
	manage: []string{"manage_customers", "manage_project"},
	query: querySpec{
		whereFields: setOf("id", "key", "version", "email", "customerNumber", "externalId", "firstName", "lastName", "middleName",
			"title", "salutation", "companyName", "vatId", "dateOfBirth", "locale", "isEmailVerified", "authenticationMode",
			"customerGroup", "customerGroupAssignments", "stores", "addresses", "shippingAddressIds", "billingAddressIds",
			"defaultShippingAddressId", "defaultBillingAddressId", "custom", "createdAt", "lastModifiedAt"),
		sortFields: setOf("id", "key", "email", "customerNumber", "firstName", "lastName", "createdAt", "lastModifiedAt", "version"),
	},
	create: createCustomer,
	actions: func() map[string]func(x *vctx, cur doc, a doc) *apiError {
		m := map[string]func(x *vctx, cur doc, a doc) *apiError{
			"changeEmail":                   customerChangeEmail,
			"setKey":                        setOptionalKey,
			"setCustomerGroup":              customerSetCustomerGroup,
			"setCustomerGroupAssignments":   setGroupAssignments(true),
			"addCustomerGroupAssignment":    addGroupAssignment,
			"removeCustomerGroupAssignment": removeGroupAssignment,
			"setCustomType":                 applySetCustomType("customer"),
			"setCustomField":                applySetCustomField,
		}
		for _, k := range customerStrings[1:] {
			m["set"+strings.ToUpper(k[:1])+k[1:]] = setOptionalString(k)
		}
		for name, apply := range addressActions("Customer") {
			m[name] = apply
		}
		return m
	}(),
	refs: func(d doc) []ref {
		out := customRefs(d)
		for _, s := range listOf(d["stores"]) {
			if id := str(mapOf(s)["id"]); id != "" {
				out = append(out, ref{typeID: "store", id: id})
			}
		}
		if g := mapOf(d["customerGroup"]); g != nil {
			out = append(out, ref{typeID: "customer-group", id: str(g["id"])})
		}
		out = append(out, groupRefs(d)...)
		for _, a := range listOf(d["addresses"]) {
			out = append(out, customRefs(mapOf(a))...)
		}
		return out
	},
	onRead: renderCustomer,
}

// renderCustomer strips the store ids and wraps the answer of a create in a CustomerSignInResult.
func renderCustomer(c *call, d doc) doc {
	out := withoutStoreIDs(d)
	if c != nil && c.r.Method == http.MethodPost && c.route != nil && c.route.pattern == "/{projectKey}/"+customersColl {
		return doc{"customer": out}
	}
	return out
}

func createCustomer(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{"isEmailVerified": false, "authenticationMode": "Password", "stores": []any{}, "customerGroupAssignments": []any{}}
	email, _ := f.str("email", true)
	if f.has("email") {
		if strings.TrimSpace(email) == "" {
			p.add(errInvalidInput("The email of a Customer must not be empty."))
		}
		out["email"] = email
	}
	if m, ok := f.enum("authenticationMode", false, []string{"Password", "ExternalAuth"}); ok {
		out["authenticationMode"] = m
	}
	password := out["authenticationMode"] == "Password"
	if pw, ok := f.str("password", password); ok && password {
		if pw == "" {
			p.add(errInvalidInput("The password of a Customer must not be empty."))
		}
		out["password"] = maskPassword(pw)
	}
	if key, ok := f.key(false); ok {
		out["key"] = key
	}
	for _, k := range customerStrings {
		if s, ok := f.str(k, false); ok {
			out[k] = s
		}
	}
	if s, ok := f.str("dateOfBirth", false); ok {
		if !datePattern.MatchString(s) || !validDate(s) {
			p.add(errInvalidInput("Invalid value '%s' for field 'dateOfBirth': a date YYYY-MM-DD is expected.", s))
		}
		out["dateOfBirth"] = s
	}
	if s, ok := f.str("locale", false); ok {
		p.add(checkProjectLanguages(x, []string{s}))
		out["locale"] = s
	}
	if b, ok := f.boolean("isEmailVerified", false); ok {
		out["isEmailVerified"] = b
	}
	x.readDraftAddresses(f, out)
	if ri, ok := f.get("customerGroup", false); ok {
		id, apiErr := x.resolve("customer-group", ri, "customerGroup")
		p.add(apiErr)
		out["customerGroup"] = doc{"typeId": "customer-group", "id": id}
	}
	if l, ok := f.list("customerGroupAssignments", false); ok {
		out["customerGroupAssignments"] = x.readGroupAssignments(f, "customerGroupAssignments", l)
	}
	if l, ok := f.list("stores", false); ok {
		refs, apiErr := unitStoreRefs(x, l)
		p.add(apiErr)
		out["stores"] = refs
	}
	if c := x.readCustom(f.object("custom", false), "customer"); c != nil {
		out["custom"] = c
	}
	f.str("anonymousId", false)
	if id, ok := f.str("anonymousCartId", false); ok {
		p.add(errReferencedResourceNotFound("cart", id, ""))
	}
	if cart := f.object("anonymousCart", false); cart != nil {
		id, _ := cart.str("id", false)
		key, _ := cart.str("key", false)
		cart.str("typeId", false)
		cart.done()
		p.add(errReferencedResourceNotFound("cart", id, key))
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	if customerEmailTaken(x.p, email, storeKeysOf(out), "") {
		return nil, errDuplicateEmail(email)
	}
	if n, ok := out["customerNumber"].(string); ok && customerNumberTaken(x.p, n) {
		return nil, errDuplicateField("customerNumber", n)
	}
	return out, nil
}

// maskPassword is what a Customer shows of its password: never the password itself.
func maskPassword(pw string) string {
	sum := sha256.Sum256([]byte(pw))
	enc := base64.StdEncoding.EncodeToString(sum[:])
	return "****" + enc[len(enc)-4:]
}

func errDuplicateEmail(email string) *apiError {
	return newError(http.StatusBadRequest, "DuplicateField", "There is already an existing customer with the provided email.",
		"field", "email", "duplicateValue", email)
}

// customerEmailTaken reports whether another customer (not except) has email, ignoring case, in
// a scope that overlaps stores (global customers overlap every scope).
func customerEmailTaken(p *projectStore, email string, stores []string, except string) bool {
	for _, id := range p.ids(customersColl) {
		other, ok := p.doc(customersColl, id)
		if !ok || id == except || !strings.EqualFold(str(other["email"]), email) {
			continue
		}
		theirs := storeKeysOf(other)
		if len(stores) == 0 || len(theirs) == 0 || slices.ContainsFunc(stores, func(k string) bool { return slices.Contains(theirs, k) }) {
			return true
		}
	}
	return false
}

func customerNumberTaken(p *projectStore, n string) bool {
	for _, id := range p.ids(customersColl) {
		if other, ok := p.doc(customersColl, id); ok && other["customerNumber"] == n {
			return true
		}
	}
	return false
}

func customerChangeEmail(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	email, _ := f.str("email", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if strings.TrimSpace(email) == "" {
		return errInvalidInput("The email of a Customer must not be empty.")
	}
	if customerEmailTaken(x.p, email, storeKeysOf(cur), str(cur["id"])) {
		return errDuplicateEmail(email)
	}
	cur["email"] = email
	return nil
}

func customerSetCustomerGroup(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	ri, ok := f.get("customerGroup", false)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if !ok {
		delete(cur, "customerGroup")
		return nil
	}
	id, apiErr := x.resolve("customer-group", ri, "customerGroup")
	if apiErr != nil {
		return apiErr
	}
	cur["customerGroup"] = doc{"typeId": "customer-group", "id": id}
	return nil
}
