// Package scopes parses and compares commercetools OAuth scopes
// ("name:projectKey" or "name:projectKey:storeKey").
package scopes

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Scope is one parsed OAuth scope.
type Scope struct {
	Name       string
	ProjectKey string
	StoreKey   string
}

// String renders the scope in its wire form.
func (s Scope) String() string {
	if s.StoreKey != "" {
		return s.Name + ":" + s.ProjectKey + ":" + s.StoreKey
	}
	return s.Name + ":" + s.ProjectKey
}

var (
	namePattern = regexp.MustCompile(`^[a-z][a-z_]*[a-z]$`)
	// ProjectKeyPattern is the form commercetools accepts for project keys.
	ProjectKeyPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,35}$`)
	storeKeyPattern   = regexp.MustCompile(`^[A-Za-z0-9_-]{2,256}$`)
)

// Form is the human description of the accepted shapes, used in error messages.
const Form = "name:projectKey or name:projectKey:storeKey (for example manage_orders:my-project or manage_orders:my-project:my-store)"

// Parse parses one scope and explains exactly what is wrong when it is malformed.
func Parse(raw string) (Scope, error) {
	parts := strings.Split(raw, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return Scope{}, fmt.Errorf("scope %q is malformed: it must have the form %s", raw, Form)
	}
	s := Scope{Name: parts[0], ProjectKey: parts[1]}
	if len(parts) == 3 {
		s.StoreKey = parts[2]
	}
	switch {
	case !namePattern.MatchString(s.Name):
		return Scope{}, fmt.Errorf("scope %q is malformed: the scope name %q must be lowercase letters and underscores; the form is %s", raw, s.Name, Form)
	case !ProjectKeyPattern.MatchString(s.ProjectKey):
		return Scope{}, fmt.Errorf("scope %q is malformed: the project key %q must be 2 to 36 lowercase letters, digits and hyphens; the form is %s", raw, s.ProjectKey, Form)
	case len(parts) == 3 && !storeKeyPattern.MatchString(s.StoreKey):
		return Scope{}, fmt.Errorf("scope %q is malformed: the store key %q must be 2 to 256 letters, digits, underscores and hyphens; the form is %s", raw, s.StoreKey, Form)
	}
	return s, nil
}

// Known reports whether the scope name is one the commercetools HTTP API
// documents for its form (project-level or store-level).
func Known(s Scope) bool {
	if s.StoreKey != "" {
		return storeScoped[s.Name]
	}
	return projectScoped[s.Name]
}

// Implied returns the view_ scope implied by a manage_ scope, if any.
func Implied(s Scope) (Scope, bool) {
	rest, ok := strings.CutPrefix(s.Name, "manage_")
	if !ok || strings.HasPrefix(rest, "my_") {
		return Scope{}, false
	}
	v := Scope{Name: "view_" + rest, ProjectKey: s.ProjectKey, StoreKey: s.StoreKey}
	if !Known(v) {
		return Scope{}, false
	}
	return v, true
}

// Split splits a whitespace-separated scope string.
func Split(raw string) []string { return strings.Fields(raw) }

// Normalize returns the sorted, de-duplicated set of scopes with the view_
// scopes implied by manage_ scopes added. Malformed entries are kept as they are.
func Normalize(list []string) []string {
	set := map[string]bool{}
	for _, raw := range list {
		set[raw] = true
		if s, err := Parse(raw); err == nil {
			if v, ok := Implied(s); ok {
				set[v.String()] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Equivalent reports whether two scope lists grant the same permissions once
// order, duplicates and implied view_ scopes are disregarded.
func Equivalent(a, b []string) bool {
	na, nb := Normalize(a), Normalize(b)
	if len(na) != len(nb) {
		return false
	}
	for i := range na {
		if na[i] != nb[i] {
			return false
		}
	}
	return true
}

// Contains reports whether the list grants want (directly or implied).
func Contains(list []string, want string) bool {
	for _, s := range Normalize(list) {
		if s == want {
			return true
		}
	}
	return false
}

var viewManage = []string{"api_clients", "approval_flows", "approval_rules", "associate_roles", "attribute_groups",
	"business_units", "cart_discounts", "categories", "channels", "customer_groups", "customers", "discount_codes",
	"key_value_documents", "mcp_servers", "order_edits", "orders", "payment_methods", "payments", "product_discounts",
	"product_selections", "product_types", "products", "project_settings", "quote_requests", "quotes",
	"recurrence_policies", "recurring_orders", "shipping_methods", "shopping_lists", "staged_quotes",
	"standalone_prices", "states", "stores", "tax_categories", "types", "zones"}

var projectScoped = func() map[string]bool {
	m := map[string]bool{}
	for _, x := range viewManage {
		m["view_"+x] = true
		m["manage_"+x] = true
	}
	for _, x := range []string{"view_audit_log", "view_messages", "view_published_products", "manage_project",
		"manage_extensions", "manage_subscriptions", "manage_locked_carts", "manage_my_profile", "manage_my_orders",
		"manage_my_payments", "manage_my_shopping_lists", "manage_my_quote_requests", "manage_my_quotes",
		"manage_my_business_units", "create_anonymous_token", "introspect_oauth_tokens"} {
		m[x] = true
	}
	return m
}()

var storeScoped = func() map[string]bool {
	m := map[string]bool{}
	for _, x := range []string{"business_units", "cart_discounts", "customers", "orders", "quote_requests", "quotes",
		"shopping_lists", "staged_quotes", "products", "discount_codes"} {
		m["view_"+x] = true
		m["manage_"+x] = true
	}
	for _, x := range []string{"manage_my_profile", "manage_my_orders", "manage_my_shopping_lists"} {
		m[x] = true
	}
	return m
}()
