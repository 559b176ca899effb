// Package discount implements the promotions: commercetools_cart_discount, commercetools_discount_code,
// commercetools_product_discount and commercetools_discount_group, with their data sources by key.
// They share money, predicates, validity periods and unique sort orders.
package discount

import (
	"fmt"
	"math/rand/v2"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// sortOrderPattern is a decimal strictly between 0 and 1 without a trailing zero, as the API
// takes it ("0.1", "0.05"; not "0.10", "1" or "0").
var sortOrderPattern = regexp.MustCompile(`^0\.[0-9]*[1-9]$`)

const sortOrderRule = "a decimal strictly between 0 and 1 written without a trailing zero, such as \"0.5\" or \"0.05\""

// Pools of sort orders that must be unique.
const (
	cartPool    = "cart discounts and discount groups"
	productPool = "product discounts"
)

// uniqueSortOrder is the sort order a plan gives a resource, for the plan-time check that no two
// resources of the configuration plan the same one.
func uniqueSortOrder(pool string, order types.String, name types.Map) versioned.UniqueValue {
	if !flex.Known(order) {
		return versioned.UniqueValue{}
	}
	return versioned.UniqueValue{Pool: pool, Value: order.ValueString(), At: path.Root("sort_order"),
		Label: fmt.Sprintf("named %v", flex.Localized(name))}
}

// temporarySortOrder is a unique value near order to park a resource on while it trades its
// sort order with another one.
func temporarySortOrder(order string) string {
	if !sortOrderPattern.MatchString(order) {
		order = "0.5"
	}
	return fmt.Sprintf("%s%08d%d", order, rand.IntN(100000000), 1+rand.IntN(9)) //nolint:gosec // a temporary value, not a secret
}

// parkSortOrder is the interim update of a resource that must give up its sort order (see
// versioned.Family.Interim): the family's action that sets it to a temporary value.
func parkSortOrder(actionName, field string, order types.String) []action {
	if field != "sortOrder" || order.IsNull() {
		return nil
	}
	return []action{{"action": actionName, "sortOrder": temporarySortOrder(order.ValueString())}}
}
