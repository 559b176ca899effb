package emulator

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// viewManageScopes have both a view_X and a manage_X form at project level.
var viewManageScopes = []string{
	"api_clients", "approval_flows", "approval_rules", "associate_roles", "attribute_groups", "business_units",
	"cart_discounts", "categories", "channels", "customer_groups", "customers", "discount_codes",
	"key_value_documents", "mcp_servers", "order_edits", "orders", "payment_methods", "payments",
	"product_discounts", "product_selections", "product_types", "products", "project_settings",
	"quote_requests", "quotes", "recurrence_policies", "recurring_orders", "shipping_methods",
	"shopping_lists", "staged_quotes", "standalone_prices", "states", "stores", "tax_categories", "types", "zones",
}

// otherProjectScopes are the remaining project-level scope names.
var otherProjectScopes = []string{
	"view_audit_log", "view_messages", "view_published_products",
	"manage_project", "manage_extensions", "manage_subscriptions", "manage_locked_carts",
	"manage_my_profile", "manage_my_orders", "manage_my_payments", "manage_my_shopping_lists",
	"manage_my_quote_requests", "manage_my_quotes", "manage_my_business_units",
	"create_anonymous_token", "introspect_oauth_tokens",
}

// storeViewManageScopes have view_X and manage_X forms with a store suffix.
var storeViewManageScopes = []string{
	"business_units", "cart_discounts", "customers", "orders", "quote_requests", "quotes", "shopping_lists",
	"staged_quotes", "products",
}

// otherStoreScopes are the remaining store-scoped scope names.
var otherStoreScopes = []string{
	"manage_my_profile", "manage_my_orders", "manage_my_shopping_lists", "view_discount_codes",
}

var (
	projectScopeNames = map[string]bool{}
	storeScopeNames   = map[string]bool{}
	storeKeyPattern   = regexp.MustCompile(`^[A-Za-z0-9_-]{2,256}$`)
)

func init() {
	for _, x := range viewManageScopes {
		projectScopeNames["view_"+x], projectScopeNames["manage_"+x] = true, true
	}
	for _, n := range otherProjectScopes {
		projectScopeNames[n] = true
	}
	for _, x := range storeViewManageScopes {
		storeScopeNames["view_"+x], storeScopeNames["manage_"+x] = true, true
	}
	for _, n := range otherStoreScopes {
		storeScopeNames[n] = true
	}
}

// scope is one parsed scope string "name:project[:store]".
type scope struct {
	name, project, store string
}

func (s scope) String() string {
	if s.store != "" {
		return s.name + ":" + s.project + ":" + s.store
	}
	return s.name + ":" + s.project
}

// parseScope parses and checks one scope against the known scope names.
func parseScope(s string) (scope, error) {
	parts := strings.Split(s, ":")
	switch {
	case len(parts) < 2 || len(parts) > 3:
		return scope{}, fmt.Errorf("scope '%s' must have the form name:projectKey or name:projectKey:storeKey", s)
	case parts[1] == "":
		return scope{}, fmt.Errorf("scope '%s' has an empty project key", s)
	case len(parts) == 2 && !projectScopeNames[parts[0]]:
		return scope{}, fmt.Errorf("scope '%s' has an unknown scope name '%s'", s, parts[0])
	case len(parts) == 3 && !storeScopeNames[parts[0]]:
		return scope{}, fmt.Errorf("scope '%s': '%s' cannot be restricted to a store", s, parts[0])
	case len(parts) == 3 && !storeKeyPattern.MatchString(parts[2]):
		return scope{}, fmt.Errorf("scope '%s' has an invalid store key '%s' (2 to 256 characters of A-Z, a-z, 0-9, '_' and '-')", s, parts[2])
	}
	sc := scope{name: parts[0], project: parts[1]}
	if len(parts) == 3 {
		sc.store = parts[2]
	}
	return sc, nil
}

// splitScopes splits a whitespace-separated scope list.
func splitScopes(s string) []string { return strings.Fields(s) }

// impliedScopes returns the given scopes plus view_X for each manage_X
// (same project and store suffix) when view_X exists, de-duplicated and
// in first-seen order.
func impliedScopes(scopes []string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, s := range scopes {
		add(s)
		if v, ok := viewPartner(s); ok {
			add(v)
		}
	}
	return out
}

// viewPartner returns the view_X scope implied by a manage_X scope.
func viewPartner(s string) (string, bool) {
	sc, err := parseScope(s)
	if err != nil || !strings.HasPrefix(sc.name, "manage_") {
		return "", false
	}
	sc.name = "view_" + strings.TrimPrefix(sc.name, "manage_")
	known := projectScopeNames
	if sc.store != "" {
		known = storeScopeNames
	}
	if !known[sc.name] {
		return "", false
	}
	return sc.String(), true
}

// normalizedScope is the sorted, de-duplicated scope string with implied
// view scopes, as returned when NormalizeScopesOnRead is on.
func normalizedScope(s string) string {
	out := impliedScopes(splitScopes(s))
	sort.Strings(out)
	return strings.Join(out, " ")
}
