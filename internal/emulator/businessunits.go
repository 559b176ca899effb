package emulator

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Business units: companies and divisions (commercetools-api-reference: resources/business-units.raml
// and types/business-unit: BusinessUnitDraft, CompanyDraft, DivisionDraft, BusinessUnit, Company,
// Division, Associate*, InheritedAssociate*, the 31 update actions in updates/).
//
// What the reference says and the emulator does:
//   - unitType (Company | Division) is the discriminator. key is required, 2 to 256 characters of
//     ^[A-Za-z0-9_-]+$, unique (DuplicateField) and immutable: there is no setKey action.
//   - status defaults to Active. storeMode, associateMode and approvalRuleMode are always
//     Explicit for a Company (anything else in a CompanyDraft is InvalidInput); for a Division
//     they default to FromParent, ExplicitAndFromParent and ExplicitAndFromParent.
//   - stores is only present when storeMode is Explicit ([] for a Company without stores, and for
//     a Division that is Explicit without stores); inheritedStores only when storeMode is
//     FromParent; inheritedAssociates only when associateMode is ExplicitAndFromParent (the
//     spec's Company example shows "inheritedAssociates": [] for an Explicit company; the
//     emulator follows the field's description, "only present when").
//   - Stores are StoreKeyReferences {typeId: "store", key}; the emulator keeps the store's id next
//     to the key inside the stored reference (for ReferenceExists when a store is deleted) and
//     strips it from responses, as for cart discounts.
//   - parentUnit (Division only, required) and topLevelUnit are BusinessUnitKeyReferences
//     {typeId: "business-unit", key}; a Company's topLevelUnit is itself. A CompanyDraft with a
//     parentUnit is InvalidInput ("A Company must not have a parentUnit").
//   - An associate role assignment stores its role as an AssociateRoleKeyReference
//     {typeId: "associate-role", key}; inheritance defaults to Disabled. An associate has 1 to 5
//     assignments (InvalidJsonInput otherwise, as for any minItems/maxItems); a unit has at most
//     2000 associates (InvalidInput). Customers, roles, stores, customer groups and the parent
//     unit must exist: ReferencedResourceNotFound.
//   - inheritedStores (FromParent): the stores of the nearest ancestor that "has Stores defined",
//     read literally: the closest ancestor whose storeMode is Explicit and whose stores are not
//     empty; [] when there is none.
//   - inheritedAssociates (ExplicitAndFromParent): the parent's associates' assignments with
//     inheritance Enabled, then, if the parent is ExplicitAndFromParent itself, what the parent
//     inherits (recursively). One InheritedAssociate per customer (in order of first appearance,
//     nearest ancestor first) whose assignments are InheritedAssociateRoleAssignments
//     {associateRole, source} (source: the unit where the assignment is explicit; the spec names
//     it source, not inheritedFrom). A customer may be explicit and inherited at once.
//   - Business units are organized up to 5 levels deep (the Business Units overview): a division
//     or a re-parent that would make a sixth level is InvalidOperation.
//   - changeParentUnit: "It must be associated with the same Stores, as the old parent unit":
//     the parent's stores (its stores when Explicit, its inherited stores when FromParent) are
//     compared as sets of keys; a difference is InvalidOperation. The rule is applied whatever the
//     unit's own storeMode is (the reference states it without condition). The new parent may not
//     be the unit itself or one of its descendants (InvalidOperation); a Company has no parent to
//     change (InvalidOperation, use setUnitType). The same parent again is a no-op.
//   - setUnitType (beta): to Company requires storeMode, associateMode and approvalRuleMode all
//     Explicit (InvalidOperation) and no parentUnit (InvalidInput); to Division requires a
//     parentUnit (InvalidInput) checked as for changeParentUnit (without the stores rule, which
//     the reference states for changeParentUnit only). The current type again is a no-op when the
//     parent is the same; a Division given another parent is InvalidOperation (use
//     changeParentUnit).
//   - setStoreMode FromParent is only for Divisions (InvalidOperation) and removes stores;
//     changeAssociateMode and changeApprovalRuleMode to ExplicitAndFromParent are only for
//     Divisions (InvalidOperation). setStores, addStore and removeStore need storeMode Explicit
//     (InvalidOperation).
//   - changeAssociateMode to Explicit with makeInheritedAssociatesExplicit: the (settled)
//     inherited assignments become explicit assignments of the unit, merged into the customer's
//     existing associate when there is one (a role it already holds is not added twice).
//   - Custom fields: setCustomType/setCustomField ("business-unit"), setAddressCustomType and
//     setAddressCustomField ("address"); a draft address's custom fields are checked against
//     their Type like any CustomFieldsDraft.
//   - Scopes: view_business_units for GET and HEAD, manage_business_units for everything
//     (securedBy of resources/business-units.raml); manage_project opens both, as for every
//     project resource.
//
// Eventual consistency: the reference calls inheritedStores and inheritedAssociates eventually
// consistent (and so after changeParentUnit). The emulator computes them at once, in the same
// request, for the unit and its whole subtree, unless the DelayInheritance fault is on (see
// below). topLevelUnit is not called eventually consistent and is always computed at once.
//
// Choices where the reference is silent, written down:
//   - A CompanyDraft or DivisionDraft with storeMode FromParent may carry "stores": [] (taken as
//     absent); non-empty stores with FromParent is InvalidInput. setStoreMode likewise: FromParent
//     with non-empty stores is InvalidInput; Explicit without stores keeps the current stores when
//     the unit is Explicit already and starts with [] when it comes from FromParent.
//   - Stores are a set: duplicates are dropped. addStore of a store the unit has and removeStore
//     of one it has not are no-ops; the store must exist either way.
//   - A customer is an associate of a unit at most once: a draft or setAssociates listing one
//     twice is InvalidInput; addAssociate of an associate is InvalidOperation (use
//     changeAssociate); changeAssociate and removeAssociate of a customer that is not an
//     associate are InvalidOperation. One role twice in one associate is InvalidInput. The
//     deprecated roles (Admin | Buyer) are accepted and kept as sent.
//   - Deleting a unit that has child units is refused: 400 ReferenceExists (referencedBy
//     "business-unit") whose message names the children. The parent is therefore not in refs.
//     Deleting a store, customer, customer group or Type that a unit uses is ReferenceExists
//     (referencedBy "business-unit"); the associate roles family refuses its own deletes.
//   - The subtree's recomputed topLevelUnit and inherited values do not change the descendants'
//     version or lastModifiedAt (a derived, eventually consistent value, as the ancestors of
//     categories).
//   - Addresses: each gets an 8-character id unless it has one; address keys and ids are unique
//     within the unit (DuplicateField, field "addresses.key" / "addresses.id"). Draft indexes
//     (shippingAddresses, billingAddresses, defaultShippingAddress, defaultBillingAddress) must be
//     integers that name an address (InvalidInput). As the Customer reference states for its
//     setDefault*Address actions, a default address is also added to shippingAddressIds /
//     billingAddressIds (also from the draft); removeShipping/BillingAddressId of the default
//     unsets the default; removeAddress removes the id from both lists and the defaults.
//   - Address actions need exactly one of addressId and addressKey (InvalidJsonInput, as for a
//     ResourceIdentifier); setAddressCustomType/Field take addressId (required by the spec). An
//     unknown address is InvalidOperation. addShipping/BillingAddressId of an id already listed
//     and removeShipping/BillingAddressId of one that is not are no-ops. changeAddress keeps the
//     address's id (another id in the new address is InvalidInput).
//   - customerGroupAssignments is kept only when sent (the reference makes it optional and gives
//     "if provided (non-null)" a meaning); setCustomerGroupAssignments without the field removes
//     it. Groups are a set; adding one that is assigned or removing one that is not is a no-op.
//   - changeStatus takes Active or Inactive (InvalidInput otherwise; the action types it as a
//     string). name and contactEmail are kept as sent (no format check).
func init() { registerFamily(businessUnitsFamily) }

const (
	buColl = "business-units"
	// maxUnitLevels is the depth of a business unit hierarchy (the Business Units overview).
	maxUnitLevels      = 5
	maxAssociates      = 2000
	maxRoleAssignments = 5
	// inheritanceShownKey is the hidden field of a stored unit that holds, while the
	// DelayInheritance fault is on, the inherited values responses still show and until when.
	inheritanceShownKey = "_inheritanceShown"
)

var (
	unitTypes        = []string{"Company", "Division"}
	unitStatuses     = []string{"Active", "Inactive"}
	unitStoreModes   = []string{"Explicit", "FromParent"}
	unitInheritModes = []string{"Explicit", "ExplicitAndFromParent"}
	inheritanceModes = []string{"Enabled", "Disabled"}
	inheritedFields  = []string{"inheritedStores", "inheritedAssociates"}
)

var businessUnitsFamily = &family{
	coll: buColl, typeID: "business-unit", noun: "BusinessUnit",
	view:        []string{"view_business_units", "manage_project"},
	manage:      []string{"manage_business_units", "manage_project"},
	keyRequired: true,
	query: querySpec{
		whereFields: setOf("id", "key", "version", "unitType", "name", "contactEmail", "status", "storeMode", "stores",
			"inheritedStores", "associateMode", "associates", "inheritedAssociates", "approvalRuleMode", "addresses",
			"shippingAddressIds", "billingAddressIds", "defaultShippingAddressId", "defaultBillingAddressId", "parentUnit",
			"topLevelUnit", "custom", "customerGroupAssignments", "createdAt", "lastModifiedAt"),
		sortFields: setOf("id", "key", "name", "unitType", "status", "createdAt", "lastModifiedAt", "version"),
	},
	create: createBusinessUnit,
	actions: func() map[string]func(x *vctx, cur doc, a doc) *apiError {
		m := map[string]func(x *vctx, cur doc, a doc) *apiError{
			"changeName":                    unitChangeName,
			"setContactEmail":               setOptionalString("contactEmail"),
			"changeStatus":                  unitChangeStatus,
			"changeParentUnit":              unitChangeParentUnit,
			"setUnitType":                   unitSetUnitType,
			"setStores":                     unitSetStores,
			"addStore":                      unitAddStore,
			"removeStore":                   unitRemoveStore,
			"setStoreMode":                  unitSetStoreMode,
			"changeAssociateMode":           unitChangeAssociateMode,
			"changeApprovalRuleMode":        unitChangeApprovalRuleMode,
			"addAssociate":                  unitAddAssociate,
			"removeAssociate":               unitRemoveAssociate,
			"changeAssociate":               unitChangeAssociate,
			"setAssociates":                 unitSetAssociates,
			"addCustomerGroupAssignment":    addGroupAssignment,
			"removeCustomerGroupAssignment": removeGroupAssignment,
			"setCustomerGroupAssignments":   setGroupAssignments(false),
			"setCustomType":                 applySetCustomType("business-unit"),
			"setCustomField":                applySetCustomField,
		}
		for name, apply := range addressActions("Business Unit") {
			m[name] = apply
		}
		return m
	}(),
	refs:        businessUnitRefs,
	onRead:      renderBusinessUnit,
	updated:     businessUnitUpdated,
	deleteCheck: businessUnitDeleteCheck,
}

func createBusinessUnit(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{"status": "Active", "associates": []any{}}
	unitType, _ := f.enum("unitType", true, unitTypes)
	out["unitType"] = unitType
	company := unitType == "Company"
	if key, ok := f.key(true); ok {
		out["key"] = key
	}
	if name, ok := f.str("name", true); ok {
		out["name"] = name
	}
	if email, ok := f.str("contactEmail", false); ok {
		out["contactEmail"] = email
	}
	if s, ok := f.enum("status", false, unitStatuses); ok {
		out["status"] = s
	}
	storeDefault, inheritDefault := "FromParent", "ExplicitAndFromParent"
	if company {
		storeDefault, inheritDefault = "Explicit", "Explicit"
	}
	storeMode := readUnitMode(f, "storeMode", unitStoreModes, storeDefault, company)
	out["storeMode"] = storeMode
	out["associateMode"] = readUnitMode(f, "associateMode", unitInheritModes, inheritDefault, company)
	out["approvalRuleMode"] = readUnitMode(f, "approvalRuleMode", unitInheritModes, inheritDefault, company)
	if l, ok := f.list("stores", false); ok && len(l) > 0 {
		if storeMode != "Explicit" {
			p.add(errStoresNeedExplicit(storeMode))
		} else {
			refs, apiErr := unitStoreRefs(x, l)
			p.add(apiErr)
			out["stores"] = refs
		}
	}
	if storeMode == "Explicit" && out["stores"] == nil {
		out["stores"] = []any{}
	}
	if l, ok := f.list("associates", false); ok {
		out["associates"] = x.readAssociates(f, "associates", l)
	}
	x.readDraftAddresses(f, out)
	if c := x.readCustom(f.object("custom", false), "business-unit"); c != nil {
		out["custom"] = c
	}
	if l, ok := f.list("customerGroupAssignments", false); ok {
		out["customerGroupAssignments"] = x.readGroupAssignments(f, "customerGroupAssignments", l)
	}
	parentRI, hasParent := f.get("parentUnit", unitType == "Division")
	if company && hasParent {
		p.add(errInvalidInput("A Company must not have a parentUnit: only a Division has a parent unit."))
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	units := unitsByKey(x.p)
	if !company {
		parent, apiErr := x.checkNewParent(units, out, parentRI, "parentUnit")
		if apiErr != nil {
			return nil, apiErr
		}
		out["parentUnit"] = unitKeyRef(str(parent["key"]))
	}
	x.settleUnit(units, out)
	return out, nil
}

// readUnitMode reads storeMode, associateMode or approvalRuleMode; a Company's is always Explicit.
func readUnitMode(f *fields, k string, allowed []string, def string, company bool) string {
	v, ok := f.enum(k, false, allowed)
	if !ok {
		return def
	}
	if company && v != "Explicit" {
		f.p.add(errInvalidInput("Invalid value '%s' for field '%s': the %s of a Company is always Explicit.", v, f.path(k), k))
	}
	return v
}

func errStoresNeedExplicit(storeMode string) *apiError {
	return errInvalidInput("The stores of a Business Unit can only be set when its storeMode is Explicit (storeMode is %s).", storeMode)
}

func unitKeyRef(key string) doc { return doc{"typeId": "business-unit", "key": key} }

// ---- Hierarchy ----

// unitRows returns the stored business units in id order (not through businessUnitsFamily, whose
// callbacks use it).
func unitRows(p *projectStore) []doc {
	var out []doc
	for _, id := range p.ids(buColl) {
		if d, ok := p.doc(buColl, id); ok {
			out = append(out, d)
		}
	}
	return out
}

// unitsByKey returns the stored business units of the project by key.
func unitsByKey(p *projectStore) map[string]doc {
	out := map[string]doc{}
	for _, d := range unitRows(p) {
		out[str(d["key"])] = d
	}
	return out
}

func unitParentKey(d doc) string { return str(mapOf(d["parentUnit"])["key"]) }

// unitAncestors returns the ancestors of d, parent first. It stops at a missing parent or a loop
// (possible only in fixtures).
func unitAncestors(units map[string]doc, d doc) []doc {
	var out []doc
	seen := map[string]bool{str(d["key"]): true}
	for k := unitParentKey(d); k != "" && !seen[k]; {
		parent := units[k]
		if parent == nil {
			break
		}
		seen[k] = true
		out = append(out, parent)
		k = unitParentKey(parent)
	}
	return out
}

// unitHeight is the number of levels of the subtree below and including d.
func unitHeight(units map[string]doc, d doc) int {
	children := map[string][]doc{}
	for _, u := range units {
		if k := unitParentKey(u); k != "" {
			children[k] = append(children[k], u)
		}
	}
	seen := map[string]bool{}
	var height func(u doc) int
	height = func(u doc) int {
		k := str(u["key"])
		if seen[k] {
			return 0
		}
		seen[k] = true
		h := 0
		for _, c := range children[k] {
			h = max(h, height(c))
		}
		return h + 1
	}
	return height(d)
}

// checkNewParent resolves a BusinessUnitResourceIdentifier that is to become cur's parent unit:
// it must exist, must not be cur or below it, and the hierarchy must stay within 5 levels.
func (x *vctx) checkNewParent(units map[string]doc, cur doc, ri any, at string) (doc, *apiError) {
	id, apiErr := x.resolve("business-unit", ri, at)
	if apiErr != nil {
		return nil, apiErr
	}
	parent, _ := x.p.doc(buColl, id)
	self := str(cur["key"])
	if cur["id"] != nil && id == cur["id"] {
		return nil, errInvalidOperation("The Business Unit '%s' cannot be its own parent unit.", self)
	}
	for _, a := range unitAncestors(units, parent) {
		if cur["id"] != nil && a["id"] == cur["id"] {
			return nil, errInvalidOperation("The Business Unit '%s' cannot get the parent unit '%s': it is one of its descendants, and a Business Unit cannot be its own ancestor.", self, parent["key"])
		}
	}
	height := 1
	if cur["id"] != nil {
		height = unitHeight(units, cur)
	}
	if levels := len(unitAncestors(units, parent)) + 1 + height; levels > maxUnitLevels {
		return nil, errInvalidOperation("Business Units can be organized hierarchically up to %d levels: with the parent unit '%s' the hierarchy of '%s' would have %d levels.", maxUnitLevels, parent["key"], self, levels)
	}
	return parent, nil
}

// deriveUnit computes the topLevelUnit, inheritedStores and inheritedAssociates of d from its
// ancestors (nil lists: the field is absent for d's modes).
func deriveUnit(units map[string]doc, d doc) (top doc, stores, associates []any) {
	anc := unitAncestors(units, d)
	topKey := str(d["key"])
	if len(anc) > 0 {
		topKey = str(anc[len(anc)-1]["key"])
	}
	if d["storeMode"] == "FromParent" {
		stores = []any{}
		for _, a := range anc {
			if l := listOf(a["stores"]); a["storeMode"] == "Explicit" && len(l) > 0 {
				for _, s := range l {
					stores = append(stores, doc{"typeId": "store", "key": mapOf(s)["key"]})
				}
				break
			}
		}
	}
	if d["associateMode"] == "ExplicitAndFromParent" {
		associates = inheritedAssociatesOf(anc)
	}
	return unitKeyRef(topKey), stores, associates
}

// inheritedAssociatesOf collects the Enabled assignments of the ancestors (parent first); an
// ancestor that does not inherit itself ends the chain after its own associates.
func inheritedAssociatesOf(anc []doc) []any {
	out := []any{}
	index := map[string]int{}
	for _, a := range anc {
		for _, as := range listOf(a["associates"]) {
			am := mapOf(as)
			id := str(mapOf(am["customer"])["id"])
			for _, ra := range listOf(am["associateRoleAssignments"]) {
				rm := mapOf(ra)
				if rm["inheritance"] != "Enabled" {
					continue
				}
				i, ok := index[id]
				if !ok {
					i = len(out)
					index[id] = i
					out = append(out, doc{"customer": doc{"typeId": "customer", "id": id}, "associateRoleAssignments": []any{}})
				}
				entry := mapOf(out[i])
				entry["associateRoleAssignments"] = append(listOf(entry["associateRoleAssignments"]), doc{
					"associateRole": doc{"typeId": "associate-role", "key": mapOf(rm["associateRole"])["key"]},
					"source":        unitKeyRef(str(a["key"])),
				})
			}
		}
		if a["associateMode"] != "ExplicitAndFromParent" {
			break
		}
	}
	return out
}

// effectiveStoreKeys returns the keys of the stores a unit is associated with: its own when
// Explicit, its inherited ones when FromParent.
func effectiveStoreKeys(units map[string]doc, d doc) []string {
	l := listOf(d["stores"])
	if d["storeMode"] == "FromParent" {
		_, l, _ = deriveUnit(units, d)
	}
	var out []string
	for _, s := range l {
		out = append(out, str(mapOf(s)["key"]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// settleUnit writes the derived fields of d in place: topLevelUnit at once, the inherited values
// at once or, with the DelayInheritance fault on, behind a snapshot of what responses showed
// before. It reports whether d changed.
func (x *vctx) settleUnit(units map[string]doc, d doc) bool {
	before := deepCopy(d)
	top, stores, associates := deriveUnit(units, d)
	d["topLevelUnit"] = top
	changed := !sameValue(d["inheritedStores"], anyOrNil(stores)) || !sameValue(d["inheritedAssociates"], anyOrNil(associates))
	delay := x.c.e.faults.inheritanceDelay()
	switch {
	case changed && delay > 0:
		shown := deepCopy(shownInheritance(d, x.now, true))
		shown["until"] = formatTime(x.now.Add(delay))
		d[inheritanceShownKey] = shown
	case delay <= 0 || !x.now.Before(untilOf(d)):
		delete(d, inheritanceShownKey)
	}
	for k, v := range map[string][]any{"inheritedStores": stores, "inheritedAssociates": associates} {
		if v == nil {
			delete(d, k)
		} else {
			d[k] = v
		}
	}
	return !sameDoc(before, d)
}

// orEmpty returns l, or an empty list for nil (a nil []any would be stored as null).
func orEmpty(l []any) []any {
	if l == nil {
		return []any{}
	}
	return l
}

func anyOrNil(l []any) any {
	if l == nil {
		return nil
	}
	return l
}

// untilOf returns when a unit's inheritance snapshot expires (zero time: none).
func untilOf(d doc) time.Time {
	s := mapOf(d[inheritanceShownKey])
	if s == nil {
		return time.Time{}
	}
	t, err := time.Parse(timeLayout, str(s["until"]))
	if err != nil {
		return time.Time{}
	}
	return t
}

// shownInheritance returns the inherited fields a response shows at now: the snapshot while it
// lasts (delayed), else the stored values. Only the fields present in the result are shown.
func shownInheritance(d doc, now time.Time, delayed bool) doc {
	out := doc{}
	if s := mapOf(d[inheritanceShownKey]); delayed && s != nil && now.Before(untilOf(d)) {
		for _, k := range inheritedFields {
			if v, ok := s[k]; ok {
				out[k] = v
			}
		}
		return out
	}
	for _, k := range inheritedFields {
		if v, ok := d[k]; ok {
			out[k] = v
		}
	}
	return out
}

// businessUnitUpdated recomputes the derived fields of the updated unit (in place: it is the
// response) and of every other unit of the project (their subtrees may have moved).
func businessUnitUpdated(x *vctx, _, next doc) {
	units := unitsByKey(x.p)
	id := str(next["id"])
	if x.settleUnit(units, next) {
		_ = x.p.put(buColl, id, next)
	}
	for _, d := range unitRows(x.p) {
		if d["id"] == id {
			continue
		}
		c := deepCopy(d)
		if x.settleUnit(units, c) {
			_ = x.p.put(buColl, str(c["id"]), c)
		}
	}
}

// renderBusinessUnit drops the hidden fields and, while the DelayInheritance fault holds a
// snapshot, shows the inherited values of before the change. Out-of-band reads (no call) show
// the settled values.
func renderBusinessUnit(c *call, d doc) doc {
	out := make(doc, len(d))
	for k, v := range d {
		if k != inheritanceShownKey {
			out[k] = v
		}
	}
	out = withoutStoreIDs(out)
	if c == nil || d[inheritanceShownKey] == nil || c.e.faults.inheritanceDelay() <= 0 {
		return out
	}
	now := apiTime(c.e.now())
	if !now.Before(untilOf(d)) {
		return out
	}
	shown := shownInheritance(d, now, true)
	for _, k := range inheritedFields {
		if _, present := out[k]; present {
			if v, ok := shown[k]; ok {
				out[k] = v
			} else {
				out[k] = []any{}
			}
		}
	}
	return out
}

func businessUnitRefs(d doc) []ref {
	out := customRefs(d)
	for _, s := range listOf(d["stores"]) {
		if id := str(mapOf(s)["id"]); id != "" {
			out = append(out, ref{typeID: "store", id: id})
		}
	}
	for _, a := range listOf(d["associates"]) {
		out = append(out, ref{typeID: "customer", id: str(mapOf(mapOf(a)["customer"])["id"])})
	}
	out = append(out, groupRefs(d)...)
	for _, a := range listOf(d["addresses"]) {
		out = append(out, customRefs(mapOf(a))...)
	}
	return out
}

// businessUnitDeleteCheck refuses to delete a unit that has child units.
func businessUnitDeleteCheck(x *vctx, d doc) *apiError {
	var kids []string
	for _, other := range unitRows(x.p) {
		if other["id"] != d["id"] && unitParentKey(other) == d["key"] {
			kids = append(kids, "'"+str(other["key"])+"'")
		}
	}
	if len(kids) == 0 {
		return nil
	}
	sort.Strings(kids)
	return newError(http.StatusBadRequest, "ReferenceExists",
		fmt.Sprintf("Can not delete a BusinessUnit while it is referenced by at least one business-unit. The business unit '%s' is the parent unit of %s; delete the child units or change their parent unit first.", d["key"], strings.Join(kids, ", ")),
		"referencedBy", "business-unit")
}

// ---- DelayInheritance fault ----

// inheritanceDelays holds the DelayInheritance setting of each Faults value (the Faults struct is
// declared in faults.go; this family keeps its one setting beside it).
var inheritanceDelays sync.Map // *Faults -> time.Duration

// DelayInheritance makes the inherited values of business units (inheritedStores and
// inheritedAssociates, which the API computes eventually) lag behind a change by d on the
// emulator's clock (Options.Now): a create, update or re-parent that changes the inherited
// values of a unit or of units below it stores the new values at once, but responses (of the
// request itself and of GETs and queries) show the values shown before the change until d has
// passed; a unit created meanwhile shows empty lists. Changing a unit again while a delay runs
// restarts it, still showing the values of before the first change. topLevelUnit, stores and the
// modes are never delayed. 0 (the default) turns the fault off, and every unit then shows its
// settled values at once. Faults.Reset does not clear it; call DelayInheritance(0). Out-of-band
// reads (Emulator.Docs, Emulator.Doc) show the settled values.
func (f *Faults) DelayInheritance(d time.Duration) {
	if d <= 0 {
		inheritanceDelays.Delete(f)
		return
	}
	inheritanceDelays.Store(f, d)
}

func (f *Faults) inheritanceDelay() time.Duration {
	v, ok := inheritanceDelays.Load(f)
	if !ok {
		return 0
	}
	d, _ := v.(time.Duration)
	return d
}

// ---- Stores ----

// unitStoreRefs resolves StoreResourceIdentifiers to stored StoreKeyReferences, without duplicates.
func unitStoreRefs(x *vctx, l []any) ([]any, *apiError) {
	out := []any{}
	for i, e := range l {
		r, apiErr := storeKeyRef(x, e, fmt.Sprintf("stores[%d]", i))
		if apiErr != nil {
			return out, apiErr
		}
		if !slices.ContainsFunc(out, func(o any) bool { return mapOf(o)["id"] == r["id"] }) {
			out = append(out, r)
		}
	}
	return out, nil
}

// needExplicitStores returns the check of a store action (named in the message): the unit's
// storeMode must be Explicit.
func needExplicitStores(action string) func(cur doc) *apiError {
	return func(cur doc) *apiError {
		if cur["storeMode"] != "Explicit" {
			return errInvalidOperation("%s is only applicable when the storeMode of the Business Unit is Explicit (it is %v).", action, cur["storeMode"])
		}
		return nil
	}
}

func unitSetStores(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	l, _ := f.list("stores", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if apiErr := needExplicitStores("setStores")(cur); apiErr != nil {
		return apiErr
	}
	refs, apiErr := unitStoreRefs(x, l)
	if apiErr != nil {
		return apiErr
	}
	cur["stores"] = refs
	return nil
}

func unitAddStore(x *vctx, cur doc, a doc) *apiError {
	r, apiErr := readStoreAction(x, cur, a, needExplicitStores("addStore"))
	if apiErr != nil {
		return apiErr
	}
	if have := listOf(cur["stores"]); storeIndex(have, r["key"]) < 0 {
		cur["stores"] = append(slices.Clone(have), r)
	}
	return nil
}

func unitRemoveStore(x *vctx, cur doc, a doc) *apiError {
	r, apiErr := readStoreAction(x, cur, a, needExplicitStores("removeStore"))
	if apiErr != nil {
		return apiErr
	}
	withoutStore(cur, r["key"])
	return nil
}

// withoutStore removes the store with key from a resource's stores (nothing when it has none).
func withoutStore(cur doc, key any) {
	cur["stores"] = orEmpty(slices.DeleteFunc(slices.Clone(listOf(cur["stores"])), func(o any) bool { return mapOf(o)["key"] == key }))
}

func unitSetStoreMode(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	mode, _ := f.enum("storeMode", true, unitStoreModes)
	l, hasStores := f.list("stores", false)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if mode == "FromParent" {
		if cur["unitType"] != "Division" {
			return errInvalidOperation("Only Business Units of type Division can have the storeMode FromParent.")
		}
		if len(l) > 0 {
			return errStoresNeedExplicit(mode)
		}
		delete(cur, "stores")
		cur["storeMode"] = mode
		return nil
	}
	refs := listOf(cur["stores"])
	if cur["storeMode"] != "Explicit" || refs == nil {
		refs = []any{}
	}
	if hasStores {
		var apiErr *apiError
		if refs, apiErr = unitStoreRefs(x, l); apiErr != nil {
			return apiErr
		}
	}
	cur["stores"] = refs
	cur["storeMode"] = mode
	return nil
}

// ---- Name, status, modes, hierarchy ----

func unitChangeName(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	name, _ := f.str("name", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	cur["name"] = name
	return nil
}

func unitChangeStatus(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	status, _ := f.str("status", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if !slices.Contains(unitStatuses, status) {
		return errInvalidInput("Invalid status '%s': a Business Unit's status is Active or Inactive.", status)
	}
	cur["status"] = status
	return nil
}

func unitChangeApprovalRuleMode(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	mode, _ := f.enum("approvalRuleMode", true, unitInheritModes)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if mode != "Explicit" && cur["unitType"] != "Division" {
		return errInvalidOperation("Only Business Units of type Division can have the approvalRuleMode %s.", mode)
	}
	cur["approvalRuleMode"] = mode
	return nil
}

func unitChangeAssociateMode(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	mode, _ := f.enum("associateMode", true, unitInheritModes)
	makeExplicit, _ := f.boolean("makeInheritedAssociatesExplicit", false)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if mode != "Explicit" && cur["unitType"] != "Division" {
		return errInvalidOperation("Only Business Units of type Division can have the associateMode %s.", mode)
	}
	if mode == "Explicit" && makeExplicit && cur["associateMode"] == "ExplicitAndFromParent" {
		_, _, inherited := deriveUnit(unitsByKey(x.p), cur)
		if apiErr := mergeInheritedAssociates(cur, inherited); apiErr != nil {
			return apiErr
		}
	}
	cur["associateMode"] = mode
	return nil
}

// mergeInheritedAssociates turns inherited assignments into explicit ones (inheritance Enabled,
// as they were at their source, so that child units keep inheriting them).
func mergeInheritedAssociates(cur doc, inherited []any) *apiError {
	list := slices.Clone(listOf(cur["associates"]))
	for _, ia := range inherited {
		im := mapOf(ia)
		id := str(mapOf(im["customer"])["id"])
		i := associateIndex(list, id)
		if i < 0 {
			list = append(list, doc{"customer": doc{"typeId": "customer", "id": id}, "associateRoleAssignments": []any{}})
			i = len(list) - 1
		}
		am := deepCopy(mapOf(list[i]))
		assignments := listOf(am["associateRoleAssignments"])
		for _, ra := range listOf(im["associateRoleAssignments"]) {
			key := mapOf(mapOf(ra)["associateRole"])["key"]
			if slices.ContainsFunc(assignments, func(o any) bool { return mapOf(mapOf(o)["associateRole"])["key"] == key }) {
				continue
			}
			assignments = append(assignments, doc{"associateRole": doc{"typeId": "associate-role", "key": key}, "inheritance": "Enabled"})
		}
		if len(assignments) > maxRoleAssignments {
			return errInvalidInput("The inherited role assignments of the Customer '%s' cannot become explicit: an Associate has at most %d role assignments.", id, maxRoleAssignments)
		}
		am["associateRoleAssignments"] = assignments
		list[i] = am
	}
	if len(list) > maxAssociates {
		return errInvalidInput("A Business Unit has at most %d Associates.", maxAssociates)
	}
	cur["associates"] = list
	return nil
}

func unitChangeParentUnit(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	ri, _ := f.get("parentUnit", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if cur["unitType"] != "Division" {
		return errInvalidOperation("The Business Unit '%s' is a Company, which has no parent unit; use setUnitType to make it a Division.", cur["key"])
	}
	units := unitsByKey(x.p)
	parent, apiErr := x.checkNewParent(units, cur, ri, "parentUnit")
	if apiErr != nil {
		return apiErr
	}
	oldKey, newKey := unitParentKey(cur), str(parent["key"])
	if oldKey == newKey {
		return nil
	}
	if old := units[oldKey]; old != nil {
		was, will := effectiveStoreKeys(units, old), effectiveStoreKeys(units, parent)
		if !slices.Equal(was, will) {
			return errInvalidOperation("The new parent unit '%s' must be associated with the same Stores as the old parent unit '%s': %s instead of %s.",
				newKey, oldKey, compactJSON(anyList(will)), compactJSON(anyList(was)))
		}
	}
	cur["parentUnit"] = unitKeyRef(newKey)
	return nil
}

func unitSetUnitType(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	unitType, _ := f.enum("unitType", true, unitTypes)
	ri, hasParent := f.get("parentUnit", false)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if unitType == "Company" {
		if hasParent {
			return errInvalidInput("setUnitType takes a parentUnit only with unitType Division.")
		}
		for _, k := range []string{"storeMode", "associateMode", "approvalRuleMode"} {
			if cur[k] != "Explicit" {
				return errInvalidOperation("A Business Unit can only become a Company when its storeMode, associateMode and approvalRuleMode are Explicit; its %s is %v.", k, cur[k])
			}
		}
		cur["unitType"] = unitType
		delete(cur, "parentUnit")
		return nil
	}
	if !hasParent {
		return errInvalidInput("setUnitType with unitType Division requires a parentUnit.")
	}
	parent, apiErr := x.checkNewParent(unitsByKey(x.p), cur, ri, "parentUnit")
	if apiErr != nil {
		return apiErr
	}
	if cur["unitType"] == "Division" && unitParentKey(cur) != parent["key"] {
		return errInvalidOperation("The Business Unit '%s' is a Division already; use changeParentUnit to change its parent unit.", cur["key"])
	}
	cur["unitType"] = unitType
	cur["parentUnit"] = unitKeyRef(str(parent["key"]))
	return nil
}

// ---- Associates ----

// readAssociates reads AssociateDraft[]; a customer may appear once.
func (x *vctx) readAssociates(f *fields, at string, l []any) []any {
	out := []any{}
	if len(l) > maxAssociates {
		f.p.add(errInvalidInput("A Business Unit has at most %d Associates; %d were sent.", maxAssociates, len(l)))
		return out
	}
	seen := map[string]bool{}
	for i, e := range l {
		a := x.readAssociate(f.child(fmt.Sprintf("%s[%d]", f.path(at), i), e))
		if a == nil {
			continue
		}
		id := associateCustomerID(a)
		if seen[id] {
			f.p.add(errInvalidInput("The Customer '%s' is listed more than once in '%s': a Customer is an Associate of a Business Unit at most once.", id, f.path(at)))
			continue
		}
		seen[id] = true
		out = append(out, a)
	}
	return out
}

// readAssociate reads an AssociateDraft (nil after an error, which f's problems hold).
func (x *vctx) readAssociate(f *fields) doc {
	if f == nil {
		return nil
	}
	customerRI, hasCustomer := f.get("customer", true)
	l, hasAssignments := f.list("associateRoleAssignments", true)
	roles, hasRoles := f.strings("roles", false)
	f.done()
	for _, r := range roles {
		if r != "Admin" && r != "Buyer" {
			f.p.addShape("%s: Invalid enum value '%s', expected one of Admin, Buyer", f.path("roles"), r)
		}
	}
	if hasAssignments && (len(l) < 1 || len(l) > maxRoleAssignments) {
		f.p.addShape("%s: between 1 and %d role assignments are required, %d were sent", f.path("associateRoleAssignments"), maxRoleAssignments, len(l))
	}
	assignments := []any{}
	seen := map[string]bool{}
	for i, e := range l {
		af := f.child(fmt.Sprintf("%s[%d]", f.path("associateRoleAssignments"), i), e)
		if af == nil {
			continue
		}
		ri, hasRole := af.get("associateRole", true)
		inheritance, given := af.enum("inheritance", false, inheritanceModes)
		af.done()
		if !given {
			inheritance = "Disabled"
		}
		if !hasRole {
			continue
		}
		key, apiErr := x.associateRoleKey(ri, af.path("associateRole"))
		if apiErr != nil {
			f.p.add(apiErr)
			continue
		}
		if seen[key] {
			f.p.add(errInvalidInput("The Associate Role '%s' is assigned more than once in '%s'.", key, f.path("associateRoleAssignments")))
			continue
		}
		seen[key] = true
		assignments = append(assignments, doc{"associateRole": doc{"typeId": "associate-role", "key": key}, "inheritance": inheritance})
	}
	if !hasCustomer {
		return nil
	}
	id, apiErr := x.resolve("customer", customerRI, f.path("customer"))
	if apiErr != nil {
		f.p.add(apiErr)
		return nil
	}
	out := doc{"customer": doc{"typeId": "customer", "id": id}, "associateRoleAssignments": assignments}
	if hasRoles && len(roles) > 0 {
		out["roles"] = anyList(roles)
	}
	return out
}

// associateRoleKey resolves an AssociateRoleResourceIdentifier to the role's (immutable) key.
func (x *vctx) associateRoleKey(ri any, at string) (string, *apiError) {
	id, apiErr := x.resolve("associate-role", ri, at)
	if apiErr != nil {
		return "", apiErr
	}
	return str(x.lookup("associate-role", id)["key"]), nil
}

func associateCustomerID(a any) string { return str(mapOf(mapOf(a)["customer"])["id"]) }

func associateIndex(list []any, customerID string) int {
	return slices.IndexFunc(list, func(o any) bool { return associateCustomerID(o) == customerID })
}

func unitAddAssociate(x *vctx, cur doc, a doc) *apiError {
	as, apiErr := readObjectAction(a, "associate", x.readAssociate)
	if apiErr != nil {
		return apiErr
	}
	list := listOf(cur["associates"])
	if associateIndex(list, associateCustomerID(as)) >= 0 {
		return errInvalidOperation("The Customer '%s' is an Associate of the Business Unit already; use changeAssociate to change its role assignments.", associateCustomerID(as))
	}
	if len(list) >= maxAssociates {
		return errInvalidInput("A Business Unit has at most %d Associates.", maxAssociates)
	}
	cur["associates"] = append(slices.Clone(list), any(as))
	return nil
}

func unitChangeAssociate(x *vctx, cur doc, a doc) *apiError {
	as, apiErr := readObjectAction(a, "associate", x.readAssociate)
	if apiErr != nil {
		return apiErr
	}
	list := slices.Clone(listOf(cur["associates"]))
	i := associateIndex(list, associateCustomerID(as))
	if i < 0 {
		return errNotAnAssociate(associateCustomerID(as))
	}
	list[i] = as
	cur["associates"] = list
	return nil
}

func unitRemoveAssociate(x *vctx, cur doc, a doc) *apiError {
	id, apiErr := x.readRefAction(a, "customer", "customer")
	if apiErr != nil {
		return apiErr
	}
	list := listOf(cur["associates"])
	i := associateIndex(list, id)
	if i < 0 {
		return errNotAnAssociate(id)
	}
	cur["associates"] = orEmpty(slices.Delete(slices.Clone(list), i, i+1))
	return nil
}

func errNotAnAssociate(id string) *apiError {
	return errInvalidOperation("The Customer '%s' is not an Associate of the Business Unit.", id)
}

func unitSetAssociates(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	l, _ := f.list("associates", true)
	list := x.readAssociates(f, "associates", l)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	cur["associates"] = list
	return nil
}

// ---- Customer group assignments (shared with customers.go) ----

// readGroupAssignment reads a CustomerGroupAssignmentDraft (nil after an error).
func (x *vctx) readGroupAssignment(f *fields) doc {
	if f == nil {
		return nil
	}
	ri, ok := f.get("customerGroup", true)
	f.done()
	if !ok {
		return nil
	}
	id, apiErr := x.resolve("customer-group", ri, f.path("customerGroup"))
	if apiErr != nil {
		f.p.add(apiErr)
		return nil
	}
	return doc{"customerGroup": doc{"typeId": "customer-group", "id": id}}
}

// readGroupAssignments reads CustomerGroupAssignmentDraft[] as a set.
func (x *vctx) readGroupAssignments(f *fields, at string, l []any) []any {
	out := []any{}
	for i, e := range l {
		g := x.readGroupAssignment(f.child(fmt.Sprintf("%s[%d]", f.path(at), i), e))
		if g != nil && groupIndex(out, groupID(g)) < 0 {
			out = append(out, g)
		}
	}
	return out
}

func groupID(g any) string { return str(mapOf(mapOf(g)["customerGroup"])["id"]) }

func groupIndex(list []any, id string) int {
	return slices.IndexFunc(list, func(o any) bool { return groupID(o) == id })
}

func groupRefs(d doc) []ref {
	var out []ref
	for _, g := range listOf(d["customerGroupAssignments"]) {
		out = append(out, ref{typeID: "customer-group", id: groupID(g)})
	}
	return out
}

func addGroupAssignment(x *vctx, cur doc, a doc) *apiError {
	g, apiErr := readObjectAction(a, "customerGroupAssignment", x.readGroupAssignment)
	if apiErr != nil {
		return apiErr
	}
	list := listOf(cur["customerGroupAssignments"])
	if groupIndex(list, groupID(g)) < 0 {
		list = append(slices.Clone(list), any(g))
	}
	cur["customerGroupAssignments"] = list
	return nil
}

func removeGroupAssignment(x *vctx, cur doc, a doc) *apiError {
	id, apiErr := x.readRefAction(a, "customerGroup", "customer-group")
	if apiErr != nil {
		return apiErr
	}
	if list := listOf(cur["customerGroupAssignments"]); groupIndex(list, id) >= 0 {
		cur["customerGroupAssignments"] = orEmpty(slices.DeleteFunc(slices.Clone(list), func(o any) bool { return groupID(o) == id }))
	}
	return nil
}

// setGroupAssignments implements setCustomerGroupAssignments; always (customers, whose field is
// required) sets [] when the action has none, else the field is removed.
func setGroupAssignments(always bool) func(*vctx, doc, doc) *apiError {
	return func(x *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		l, ok := f.list("customerGroupAssignments", false)
		list := x.readGroupAssignments(f, "customerGroupAssignments", l)
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		if !ok && !always {
			delete(cur, "customerGroupAssignments")
			return nil
		}
		cur["customerGroupAssignments"] = list
		return nil
	}
}

// ---- Addresses (shared with customers.go) ----

// readFullAddress reads a BaseAddress and checks its custom fields against their Type.
func (x *vctx) readFullAddress(f *fields) doc {
	if f == nil {
		return nil
	}
	raw := f.obj["custom"]
	addr := readAddress(f)
	delete(addr, "custom")
	if raw != nil {
		if c := x.readCustom(f.child(f.path("custom"), raw), "address"); c != nil {
			addr["custom"] = c
		}
	}
	return addr
}

// checkAddressesUnique answers DuplicateField for two addresses with one key or one id.
func checkAddressesUnique(addrs []any) *apiError {
	ids, keys := map[string]bool{}, map[string]bool{}
	for _, a := range addrs {
		m := mapOf(a)
		id := str(m["id"])
		if ids[id] {
			return errDuplicateField("addresses.id", id)
		}
		ids[id] = true
		if k := str(m["key"]); k != "" {
			if keys[k] {
				return errDuplicateField("addresses.key", k)
			}
			keys[k] = true
		}
	}
	return nil
}

// readDraftAddresses reads addresses and the index fields of a draft (BusinessUnitDraft,
// CustomerDraft) into out's addresses, shippingAddressIds, billingAddressIds and default ids.
func (x *vctx) readDraftAddresses(f *fields, out doc) {
	addrs := []any{}
	if l, ok := f.list("addresses", false); ok {
		for i, e := range l {
			if a := x.readFullAddress(f.child(fmt.Sprintf("addresses[%d]", i), e)); a != nil {
				addrs = append(addrs, a)
			}
		}
	}
	f.p.add(checkAddressesUnique(addrs))
	out["addresses"] = addrs
	idAt := func(k string, v any) (any, bool) {
		n, isNum := v.(float64)
		if !isNum || n != float64(int64(n)) {
			f.p.addShape("%s: an integer is expected", k)
			return nil, false
		}
		if n < 0 || int(n) >= len(addrs) {
			f.p.add(errInvalidInput("Invalid value %v for field '%s': it is not the index of an address (the draft has %d addresses).", n, k, len(addrs)))
			return nil, false
		}
		return mapOf(addrs[int(n)])["id"], true
	}
	lists := map[string][]any{}
	for _, k := range []string{"shippingAddresses", "billingAddresses"} {
		ids := []any{}
		l, _ := f.list(k, false)
		for i, v := range l {
			if id, ok := idAt(fmt.Sprintf("%s[%d]", k, i), v); ok && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		lists[k] = ids
	}
	for _, d := range []struct{ draft, field, list string }{
		{"defaultShippingAddress", "defaultShippingAddressId", "shippingAddresses"},
		{"defaultBillingAddress", "defaultBillingAddressId", "billingAddresses"},
	} {
		v, ok := f.get(d.draft, false)
		if !ok {
			continue
		}
		if id, ok := idAt(d.draft, v); ok {
			out[d.field] = id
			if !slices.Contains(lists[d.list], id) {
				lists[d.list] = append(lists[d.list], id)
			}
		}
	}
	out["shippingAddressIds"], out["billingAddressIds"] = lists["shippingAddresses"], lists["billingAddresses"]
}

// addressSelector is the addressId or addressKey of an address action.
type addressSelector struct{ id, key string }

func readAddressSelector(f *fields) addressSelector {
	id, hasID := f.str("addressId", false)
	key, hasKey := f.str("addressKey", false)
	if hasID == hasKey {
		f.p.addShape("exactly one of 'addressId' and 'addressKey' is required")
	}
	return addressSelector{id: id, key: key}
}

// find returns the index of the selected address in cur's addresses.
func (s addressSelector) find(cur doc, noun string) (int, *apiError) {
	i := slices.IndexFunc(listOf(cur["addresses"]), func(o any) bool {
		m := mapOf(o)
		return (s.key != "" && m["key"] == s.key) || (s.key == "" && m["id"] == s.id)
	})
	if i >= 0 {
		return i, nil
	}
	if s.key != "" {
		return -1, errInvalidOperation("The %s has no address with key '%s'.", noun, s.key)
	}
	return -1, errInvalidOperation("The %s has no address with id '%s'.", noun, s.id)
}

// addressActions returns the address update actions that business units and customers share.
func addressActions(noun string) map[string]func(x *vctx, cur doc, a doc) *apiError {
	// selected reads an action that names one address (read, when given, reads its other
	// properties) and returns the address's index in cur's addresses and its id.
	selected := func(cur doc, a doc, read func(f *fields)) (int, any, *apiError) {
		f, p := readFields(a)
		sel := readAddressSelector(f)
		if read != nil {
			read(f)
		}
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return -1, nil, apiErr
		}
		i, apiErr := sel.find(cur, noun)
		if apiErr != nil {
			return -1, nil, apiErr
		}
		return i, mapOf(listOf(cur["addresses"])[i])["id"], nil
	}
	// addTo implements add<Kind>AddressId and, with def, setDefault<Kind>Address, whose address
	// joins the list as well.
	addTo := func(list, def string) func(*vctx, doc, doc) *apiError {
		return func(_ *vctx, cur doc, a doc) *apiError {
			_, id, apiErr := selected(cur, a, nil)
			if apiErr != nil {
				return apiErr
			}
			if l := listOf(cur[list]); !slices.Contains(l, id) {
				cur[list] = append(slices.Clone(l), id)
			}
			if def != "" {
				cur[def] = id
			}
			return nil
		}
	}
	removeFrom := func(list, def string) func(*vctx, doc, doc) *apiError {
		return func(_ *vctx, cur doc, a doc) *apiError {
			_, id, apiErr := selected(cur, a, nil)
			if apiErr != nil {
				return apiErr
			}
			cur[list] = orEmpty(slices.DeleteFunc(slices.Clone(listOf(cur[list])), func(o any) bool { return o == id }))
			if cur[def] == id {
				delete(cur, def)
			}
			return nil
		}
	}
	withAddress := func(apply func(*vctx, doc, doc) *apiError) func(*vctx, doc, doc) *apiError {
		return func(x *vctx, cur doc, a doc) *apiError {
			id, isStr := a["addressId"].(string)
			if !isStr {
				return errInvalidJSON("addressId: Missing required value")
			}
			i, apiErr := addressSelector{id: id}.find(cur, noun)
			if apiErr != nil {
				return apiErr
			}
			rest := make(doc, len(a))
			for k, v := range a {
				if k != "addressId" {
					rest[k] = v
				}
			}
			addrs := slices.Clone(listOf(cur["addresses"]))
			addr := deepCopy(mapOf(addrs[i]))
			if apiErr := apply(x, addr, rest); apiErr != nil {
				return apiErr
			}
			addrs[i] = addr
			cur["addresses"] = addrs
			return nil
		}
	}
	return map[string]func(x *vctx, cur doc, a doc) *apiError{
		"addAddress": func(x *vctx, cur doc, a doc) *apiError {
			f, p := readFields(a)
			addr := x.readFullAddress(f.object("address", true))
			f.done()
			if apiErr := p.err(); apiErr != nil {
				return apiErr
			}
			addrs := append(slices.Clone(listOf(cur["addresses"])), any(addr))
			if apiErr := checkAddressesUnique(addrs); apiErr != nil {
				return apiErr
			}
			cur["addresses"] = addrs
			return nil
		},
		"changeAddress": func(x *vctx, cur doc, a doc) *apiError {
			raw := mapOf(a["address"])
			var addr doc
			i, id, apiErr := selected(cur, a, func(f *fields) { addr = x.readFullAddress(f.object("address", true)) })
			if apiErr != nil {
				return apiErr
			}
			addrs := slices.Clone(listOf(cur["addresses"]))
			if given, ok := raw["id"].(string); ok && given != "" && given != id {
				return errInvalidInput("The address '%v' keeps its id: the new address must not have another id ('%s').", id, given)
			}
			addr["id"] = id
			addrs[i] = addr
			if apiErr := checkAddressesUnique(addrs); apiErr != nil {
				return apiErr
			}
			cur["addresses"] = addrs
			return nil
		},
		"removeAddress": func(_ *vctx, cur doc, a doc) *apiError {
			i, id, apiErr := selected(cur, a, nil)
			if apiErr != nil {
				return apiErr
			}
			cur["addresses"] = orEmpty(slices.Delete(slices.Clone(listOf(cur["addresses"])), i, i+1))
			for _, k := range []string{"shippingAddressIds", "billingAddressIds"} {
				cur[k] = orEmpty(slices.DeleteFunc(slices.Clone(listOf(cur[k])), func(o any) bool { return o == id }))
			}
			for _, k := range []string{"defaultShippingAddressId", "defaultBillingAddressId"} {
				if cur[k] == id {
					delete(cur, k)
				}
			}
			return nil
		},
		"addShippingAddressId":      addTo("shippingAddressIds", ""),
		"removeShippingAddressId":   removeFrom("shippingAddressIds", "defaultShippingAddressId"),
		"addBillingAddressId":       addTo("billingAddressIds", ""),
		"removeBillingAddressId":    removeFrom("billingAddressIds", "defaultBillingAddressId"),
		"setDefaultShippingAddress": addTo("shippingAddressIds", "defaultShippingAddressId"),
		"setDefaultBillingAddress":  addTo("billingAddressIds", "defaultBillingAddressId"),
		"setAddressCustomType":      withAddress(applySetCustomType("address")),
		"setAddressCustomField":     withAddress(applySetCustomField),
	}
}
