package emulator

import (
	"fmt"
	"slices"
	"strings"
)

// Associate roles (commercetools-api-reference: resources/associate-roles.raml and
// types/associate-role: AssociateRoleDraft, AssociateRole, Permission and the seven update
// actions addPermission, removePermission, setPermissions, changeBuyerAssignable, setName,
// setCustomType, setCustomField).
//
// What the reference says and the emulator does:
//   - key is required, 2 to 256 characters of ^[A-Za-z0-9_-]+$, unique (DuplicateField) and
//     immutable: there is no setKey action (an unknown action is InvalidInput "Invalid action").
//   - buyerAssignable defaults to true; permissions is required in the representation, so a draft
//     without permissions gives an empty list; name and custom are kept only when sent.
//   - Permission values come from types/associate-role/Permission.raml (47 values); anything
//     else is InvalidJsonInput, the error of a value the request's JSON types do not allow
//     (detailedErrorMessage "permissions[i]: Invalid enum value 'X', expected one of ...").
//   - Scopes: view_associate_roles for GET and HEAD, manage_associate_roles for everything
//     (securedBy in resources/associate-roles.raml); manage_project also opens both, as for
//     every project resource.
//   - "An AssociateRole can only be deleted if it is not assigned to any Associates": deleting a
//     role that an associate of a business unit holds is ReferenceExists (referencedBy
//     "business-unit"). A Type that a role's custom fields use cannot be deleted either.
//
// Choices where the reference is silent, written down:
//   - Permissions are a set kept in a canonical order: the order of the enum in Permission.raml
//     (permissionOrder), whatever order the draft or setPermissions sent, without duplicates. The
//     real API is reported to return them in an unpredictable order (labd
//     terraform-provider-commercetools #505, #551, #568); a fixed order that differs from the
//     input order makes a provider that relies on the input order fail in tests.
//   - addPermission of a permission the role has, and removePermission of one it has not, are
//     no-ops (no error, no new version). setPermissions without permissions (absent or null)
//     sets the empty list.
//   - name is any string, the empty string included (the reference gives no length);
//     setName without name (absent or null) removes it.
//   - Deleting a role the project names in businessUnits.myBusinessUnitAssociateRoleOnCreation
//     is allowed (the project holds a KeyReference that then dangles).
//   - ReferenceExists on business units checks every associate's associateRoleAssignments for a
//     reference with the role's key or id, so it holds however the business units family stores
//     the AssociateRoleKeyReference (the key is immutable, so matching by key is exact).
//   - No per-project limit on the number of roles.
func init() {
	registerFamily(associateRolesFamily)
}

// permissionOrder is the Permission enum of types/associate-role/Permission.raml, in its order.
var permissionOrder = []string{
	"AddChildUnits", "UpdateAssociates", "UpdateBusinessUnitDetails", "UpdateParentUnit",
	"ViewMyCarts", "ViewOthersCarts", "UpdateMyCarts", "UpdateOthersCarts", "CreateMyCarts", "CreateOthersCarts",
	"DeleteMyCarts", "DeleteOthersCarts",
	"ViewMyOrders", "ViewOthersOrders", "UpdateMyOrders", "UpdateOthersOrders", "CreateMyOrdersFromMyCarts",
	"CreateMyOrdersFromMyQuotes", "CreateOrdersFromOthersCarts", "CreateOrdersFromOthersQuotes",
	"ViewMyQuotes", "ViewOthersQuotes", "AcceptMyQuotes", "AcceptOthersQuotes", "DeclineMyQuotes",
	"DeclineOthersQuotes", "RenegotiateMyQuotes", "RenegotiateOthersQuotes", "ReassignMyQuotes", "ReassignOthersQuotes",
	"ViewMyQuoteRequests", "ViewOthersQuoteRequests", "UpdateMyQuoteRequests", "UpdateOthersQuoteRequests",
	"CreateMyQuoteRequestsFromMyCarts", "CreateQuoteRequestsFromOthersCarts",
	"CreateApprovalRules", "UpdateApprovalRules", "UpdateApprovalFlows",
	"ViewMyShoppingLists", "ViewOthersShoppingLists", "UpdateMyShoppingLists", "UpdateOthersShoppingLists",
	"CreateMyShoppingLists", "CreateOthersShoppingLists", "DeleteMyShoppingLists", "DeleteOthersShoppingLists",
}

var associateRolesFamily = &family{
	coll: "associate-roles", typeID: "associate-role", noun: "AssociateRole",
	view:        []string{"view_associate_roles", "manage_project"},
	manage:      []string{"manage_associate_roles", "manage_project"},
	keyRequired: true,
	query: querySpec{
		whereFields: setOf("id", "key", "version", "name", "buyerAssignable", "permissions", "custom", "createdAt", "lastModifiedAt"),
		sortFields:  setOf("id", "key", "name", "buyerAssignable", "createdAt", "lastModifiedAt", "version"),
	},
	create: createAssociateRole,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"addPermission":         associateRoleAddPermission,
		"removePermission":      associateRoleRemovePermission,
		"setPermissions":        associateRoleSetPermissions,
		"changeBuyerAssignable": associateRoleChangeBuyerAssignable,
		"setName":               setOptionalString("name"),
		"setCustomType":         applySetCustomType("associate-role"),
		"setCustomField":        applySetCustomField,
	},
	refs:        customRefs,
	deleteCheck: associateRoleDeleteCheck,
}

func createAssociateRole(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{"buyerAssignable": true, "permissions": []any{}}
	if key, ok := f.key(true); ok {
		out["key"] = key
	}
	if name, ok := f.str("name", false); ok {
		out["name"] = name
	}
	if b, ok := f.boolean("buyerAssignable", false); ok {
		out["buyerAssignable"] = b
	}
	if l, ok := readPermissions(f, "permissions", false); ok {
		out["permissions"] = l
	}
	if c := x.readCustom(f.object("custom", false), "associate-role"); c != nil {
		out["custom"] = c
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	return out, nil
}

// readPermissions reads a Permission[] and returns it in canonical order without duplicates.
func readPermissions(f *fields, k string, required bool) ([]any, bool) {
	l, ok := f.list(k, required)
	if !ok {
		return nil, false
	}
	have := map[string]bool{}
	valid := true
	for i, e := range l {
		s, isStr := e.(string)
		if !isStr {
			f.p.addShape("%s[%d]: String expected", f.path(k), i)
			valid = false
			continue
		}
		if !slices.Contains(permissionOrder, s) {
			f.p.addShape("%s[%d]: %s", f.path(k), i, invalidPermission(s))
			valid = false
			continue
		}
		have[s] = true
	}
	if !valid {
		return nil, false
	}
	return orderedPermissions(have), true
}

func invalidPermission(s string) string {
	return fmt.Sprintf("Invalid enum value '%s', expected one of %s", s, strings.Join(permissionOrder, ", "))
}

// readPermission reads the single Permission of addPermission and removePermission.
func readPermission(f *fields) string {
	s, ok := f.str("permission", true)
	if ok && !slices.Contains(permissionOrder, s) {
		f.p.addShape("%s: %s", f.path("permission"), invalidPermission(s))
		return ""
	}
	return s
}

// orderedPermissions lists the permissions in set in the order of permissionOrder.
func orderedPermissions(set map[string]bool) []any {
	out := []any{}
	for _, perm := range permissionOrder {
		if set[perm] {
			out = append(out, perm)
		}
	}
	return out
}

func permissionSet(cur doc) map[string]bool {
	set := map[string]bool{}
	l, _ := cur["permissions"].([]any)
	for _, e := range l {
		if s, ok := e.(string); ok {
			set[s] = true
		}
	}
	return set
}

func associateRoleAddPermission(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	perm := readPermission(f)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	set := permissionSet(cur)
	set[perm] = true
	cur["permissions"] = orderedPermissions(set)
	return nil
}

func associateRoleRemovePermission(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	perm := readPermission(f)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	set := permissionSet(cur)
	delete(set, perm)
	cur["permissions"] = orderedPermissions(set)
	return nil
}

func associateRoleSetPermissions(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	l, ok := readPermissions(f, "permissions", false)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if !ok {
		l = []any{}
	}
	cur["permissions"] = l
	return nil
}

func associateRoleChangeBuyerAssignable(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	b, _ := f.boolean("buyerAssignable", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	cur["buyerAssignable"] = b
	return nil
}

// associateRoleDeleteCheck refuses to delete a role that an associate of a business unit holds.
func associateRoleDeleteCheck(x *vctx, d doc) *apiError {
	id, key := str(d["id"]), str(d["key"])
	for _, buID := range x.p.ids("business-units") {
		bu, _ := x.p.doc("business-units", buID)
		for _, as := range listOf(bu["associates"]) {
			for _, asg := range listOf(mapOf(as)["associateRoleAssignments"]) {
				r := mapOf(mapOf(asg)["associateRole"])
				if (key != "" && r["key"] == key) || (id != "" && r["id"] == id) {
					return errReferenceExists("AssociateRole", []string{"business-unit"})
				}
			}
		}
	}
	return nil
}
