package emulator

import (
	"fmt"
	"math"
	"math/big"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Cart discounts, discount groups, product discounts and discount codes
// (commercetools-api-reference: resources/cart-discounts.raml, discount-groups.raml,
// product-discounts.raml, discount-codes.raml and types/cart-discount, types/discount-group,
// types/product-discount, types/discount-code, types/recurring-order/scope).
//
// What the reference says and the emulator does:
//   - Money arrays (absolute and fixed values) that are empty or hold a currency twice are
//     InvalidOperation. Absolute values take Money and are stored as CentPrecisionMoney; fixed
//     values take TypedMoneyDraft and are stored as CentPrecisionMoney or HighPrecisionMoney
//     (centAmount rounded half even from preciseAmount when not given). fractionDigits comes from
//     the currency (fractionDigits in customfields.go).
//   - sortOrder is unique among cart discounts and discount groups, and among product discounts;
//     a clash is DuplicateField "sortOrder". A cart discount in a discount group uses the group's
//     sort order. discountGroup is only allowed with lineItems, customLineItems, multiBuy* and
//     pattern targets (InvalidInput). A giftLineItem value has no target; changeValue to
//     giftLineItem is InvalidInput. A relative value with an applicationMode needs a pattern
//     target, ProportionateDistribution/EvenDistribution a non-empty triggerPattern
//     (InvalidOperation). ApplicableRecurrencePolicies names 1 to 20 policies (InvalidOperation).
//   - A malformed discount predicate is SyntaxError (types/error/SyntaxErrorError.raml: "Returned
//     when a Discount predicate ... does not have the correct syntax"), message "Malformed
//     parameter: <field>: Syntax error while parsing '<field>'. <detail>.".
//   - Limits: 100 active cart discounts without a code and without stores
//     (MaxCartDiscountsReached), 100 per store (StoreCartDiscountsLimitReached), 500 stores on a
//     cart discount (MaxStoreReferencesReached), 100 active discount groups
//     (MaxDiscountGroupsReached), 500 product discounts (MaxResourceLimitExceeded), 1 to 10 cart
//     discounts on a discount code. A discount group or store that a cart discount uses cannot be
//     deleted (ReferenceExists).
//
// Choices where the reference is silent, written down:
//   - Predicates (cartPredicate, target predicates, pattern predicates, product discount
//     predicate, discount code cartPredicate) get a syntax check only: the emulator holds no carts
//     or products, so fields and functions cannot be checked for meaning. The check tokenizes like
//     the where predicates (where_lex.go: double-quoted strings with escapes, numbers, operators
//     = != <> < > <= >=) plus dotted and hyphenated names, and parses: and/or/not, parentheses,
//     comparisons, "is [not] defined|empty", "[not] in (...)", "contains [any|all] ...", function
//     calls with predicate or value arguments (lineItemCount(1 = 1) > 0, lineItemExists(sku =
//     "x")), value lists ("x" = ("a", "b")), and bare names as conditions (true, false,
//     lineItemExists(...)). It refuses an empty predicate, unclosed strings, unbalanced
//     parentheses, a dangling operator, and a bare literal outside function arguments. Keywords
//     are case-insensitive. references stays an empty list (nothing in a predicate is resolved).
//   - sortOrder is a string "0." followed by digits, not all zero (so 0 < value < 1); anything
//     else is InvalidInput. Uniqueness compares numbers ("0.5" and "0.50" clash). A cart discount
//     without discountGroup must have sortOrder (InvalidInput); with a discountGroup a given
//     sortOrder is checked for its form and then replaced by the group's. changeSortOrder on a
//     discount in a group is InvalidOperation (leave the group with setDiscountGroup). When a
//     group's sortOrder changes, its cart discounts' sortOrder follows without a new version. A
//     discount group holds at most 100 cart discounts ("Each Discount Group can include up to 100
//     Cart Discounts"): InvalidOperation.
//   - Optional fields with a documented default are filled only where the representation's
//     field is required (isActive, requiresDiscountCode, stackingMode, recurringOrderScope
//     {type: NonRecurringOrdersOnly}, stores [], groups []); optional nested fields
//     (applicationMode, minCount, excludeCount) are kept only when sent, like the reference's
//     examples.
//   - permyriad is 0 to 10000; triggerQuantity >= 2, discountedQuantity >= 1 and <=
//     triggerQuantity, maxOccurrence >= 1, minCount >= 0, maxCount >= 1 and >= minCount (its
//     default 1), excludeCount >= 0 and only in targetPattern, targetPattern not empty, variantId
//     >= 1: InvalidInput otherwise. An absolute value with a multiBuy target and a fixed value
//     with ProportionateDistribution/EvenDistribution outside a pattern target are
//     InvalidOperation. A missing target (non-gift) or a target with a giftLineItem value is
//     InvalidInput. Value and target are checked after each action: when changeValue and
//     changeTarget come in one request, send first the one whose result is valid with the other
//     field as it is.
//   - validFrom/validUntil are RFC 3339 date-times (InvalidJsonInput otherwise), stored in UTC
//     with milliseconds; validFrom must be earlier than validUntil (InvalidOperation), checked
//     after each action (change both with setValidFromAndUntil).
//   - Stores are stored as StoreKeyReference {typeId: "store", key}; the emulator keeps the
//     store's id next to the key inside the stored reference (for ReferenceExists) and strips it
//     from responses. addStore of a store the discount has, or removeStore of one it has not, is
//     InvalidOperation.
//   - giftLineItem.product: the emulator holds no products; a product by id is accepted
//     unchecked, by key it is ReferencedResourceNotFound. Recurrence policies are not modelled
//     either: any policy is ReferencedResourceNotFound (both are resolved normally once a
//     family for them exists).
//   - Discount codes: code is unique and not empty (InvalidInput); cartDiscounts must exist
//     (ReferencedResourceNotFound) and differ (InvalidInput); their requiresDiscountCode is not
//     checked. maxApplications and maxApplicationsPerCustomer are integers >= 0. groups are kept
//     as sent. applicationVersion is 1 and never changes (the emulator applies no codes).
//     stores is derived from the cart discounts' stores (deduplicated by key, in order) and
//     follows their changes without a new version of the code. A cart discount that a discount
//     code uses cannot be deleted (ReferenceExists). DELETE accepts dataErasure and ignores it.
//   - Product discounts: an empty name is InvalidInput (changeName: "Must not be empty").
//   - Scopes: the deprecated view_orders/manage_orders still open discount codes (the reference
//     names them as deprecated, not removed); manage_project opens all four.
func init() {
	registerFamily(cartDiscountsFamily)
	registerFamily(discountGroupsFamily)
	registerFamily(productDiscountsFamily)
	registerFamily(discountCodesFamily)
}

// ---- Predicates ----

// predicateErrorCode is the code of a malformed discount predicate (types/error/SyntaxErrorError.raml).
const predicateErrorCode = "SyntaxError"

func errPredicateSyntax(field string, err error) *apiError {
	detail := strings.TrimSuffix(err.Error(), ".")
	if detail != "" {
		detail = strings.ToUpper(detail[:1]) + detail[1:]
	}
	return newError(http.StatusBadRequest, predicateErrorCode,
		fmt.Sprintf("Malformed parameter: %s: Syntax error while parsing '%s'. %s.", field, field, detail))
}

// readDiscountPredicate reads a predicate property and checks its syntax.
func readDiscountPredicate(f *fields, k string, required bool) (string, bool) {
	s, ok := f.str(k, required)
	if !ok {
		return "", false
	}
	if err := checkDiscountPredicate(s); err != nil {
		f.p.add(errPredicateSyntax(f.path(k), err))
		return s, false
	}
	return s, true
}

// predicateKeywords cannot be names or values.
var predicateKeywords = []string{"and", "or", "not", "is", "in", "contains"}

// predicateChecker parses a discount predicate without building it (syntax only).
type predicateChecker struct {
	toks  []tok
	i     int
	depth int
	args  int // > 0 inside function arguments, where a bare value is an argument
}

// checkDiscountPredicate reports the first syntax error of a discount predicate.
func checkDiscountPredicate(src string) error {
	toks, err := lexPredicate(src, discountDialect)
	if err != nil {
		return err
	}
	p := &predicateChecker{toks: toks}
	if p.peek().kind == tkEOF {
		return fmt.Errorf("the predicate is empty")
	}
	if err := p.or(); err != nil {
		return err
	}
	if t := p.peek(); t.kind != tkEOF {
		return p.unexpected(t, "'and', 'or' or end of input")
	}
	return nil
}

func (p *predicateChecker) peek() tok { return p.toks[p.i] }
func (p *predicateChecker) next() tok {
	t := p.toks[p.i]
	p.i = min(p.i+1, len(p.toks)-1)
	return t
}

func (p *predicateChecker) unexpected(t tok, want string) error {
	return fmt.Errorf("invalid input %s at position %d, expected %s", t.describe(), t.pos, want)
}

func (p *predicateChecker) kw(t tok, words ...string) bool {
	if t.kind != tkIdent {
		return false
	}
	for _, w := range words {
		if strings.EqualFold(t.text, w) {
			return true
		}
	}
	return false
}

// enter guards nesting; the caller must call leave.
func (p *predicateChecker) enter() error {
	p.depth++
	if p.depth > maxWhereDepth {
		return fmt.Errorf("the predicate is nested more than %d levels deep", maxWhereDepth)
	}
	return nil
}
func (p *predicateChecker) leave() { p.depth-- }

func (p *predicateChecker) or() error {
	defer p.leave()
	if err := p.enter(); err != nil {
		return err
	}
	return p.chain("or", p.and)
}

func (p *predicateChecker) and() error { return p.chain("and", p.unary) }

// chain parses operand (word operand)*.
func (p *predicateChecker) chain(word string, operand func() error) error {
	for {
		if err := operand(); err != nil {
			return err
		}
		if !p.kw(p.peek(), word) {
			return nil
		}
		p.next()
	}
}

func (p *predicateChecker) unary() error {
	t := p.peek()
	switch {
	case p.kw(t, "not") && p.toks[p.i+1].kind != tkOp && !p.kw(p.toks[p.i+1], "in"):
		p.next()
		defer p.leave()
		if err := p.enter(); err != nil {
			return err
		}
		return p.unary()
	case t.kind == tkLParen:
		p.next()
		outer := p.args
		p.args = 0
		err := p.or()
		p.args = outer
		if err != nil {
			return err
		}
		if r := p.next(); r.kind != tkRParen {
			return p.unexpected(r, "')'")
		}
		return nil
	}
	return p.condition()
}

// condition is an operand with an optional operator tail.
func (p *predicateChecker) condition() error {
	first := p.peek()
	if err := p.operand(false); err != nil {
		return err
	}
	t := p.peek()
	switch {
	case t.kind == tkOp:
		p.next()
		return p.operand(true)
	case p.kw(t, "is"):
		p.next()
		if p.kw(p.peek(), "not") {
			p.next()
		}
		if r := p.next(); !p.kw(r, "defined", "empty") {
			return p.unexpected(r, "'defined' or 'empty'")
		}
	case p.kw(t, "not"):
		p.next()
		if r := p.next(); !p.kw(r, "in") {
			return p.unexpected(r, "'in'")
		}
		return p.list()
	case p.kw(t, "in"):
		p.next()
		return p.list()
	case p.kw(t, "contains"):
		p.next()
		if p.kw(p.peek(), "any", "all") {
			p.next()
			return p.list()
		}
		return p.operand(true)
	default:
		if (first.kind == tkString || first.kind == tkNumber) && p.args == 0 {
			return p.unexpected(t, "an operator")
		}
	}
	return nil
}

// operand is a value, a name or a function call; on the right of an operator also a value list.
func (p *predicateChecker) operand(right bool) error {
	t := p.next()
	switch t.kind {
	case tkString, tkNumber:
		return nil
	case tkLParen:
		if right {
			p.i--
			return p.list()
		}
	case tkIdent:
		if p.kw(t, predicateKeywords...) {
			return p.unexpected(t, "a value or a field name")
		}
		if p.peek().kind != tkLParen {
			return nil
		}
		p.next()
		if p.peek().kind == tkRParen {
			p.next()
			return nil
		}
		defer p.leave()
		if err := p.enter(); err != nil {
			return err
		}
		p.args++
		defer func() { p.args-- }()
		for {
			if err := p.or(); err != nil {
				return err
			}
			r := p.next()
			if r.kind == tkRParen {
				return nil
			}
			if r.kind != tkComma {
				return p.unexpected(r, "',' or ')'")
			}
		}
	}
	return p.unexpected(t, "a value, a field name or '('")
}

// list is "(" value ("," value)* ")".
func (p *predicateChecker) list() error {
	if r := p.next(); r.kind != tkLParen {
		return p.unexpected(r, "'('")
	}
	for {
		t := p.next()
		if t.kind != tkString && t.kind != tkNumber && (t.kind != tkIdent || p.kw(t, predicateKeywords...)) {
			return p.unexpected(t, "a value")
		}
		r := p.next()
		if r.kind == tkRParen {
			return nil
		}
		if r.kind != tkComma {
			return p.unexpected(r, "',' or ')'")
		}
	}
}

// ---- Shared field readers ----

func listOf(v any) []any {
	l, _ := v.([]any)
	return l
}

// markAllUsed accepts every property of an object whose discriminator was wrong (one error is enough).
func markAllUsed(f *fields) {
	for k := range f.obj {
		f.used[k] = true
	}
}

// sortOrderPattern is "0." and digits; checkSortOrder also refuses all zeros.
var sortOrderPattern = regexp.MustCompile(`^0\.[0-9]+$`)

func checkSortOrder(field, s string) *apiError {
	if !sortOrderPattern.MatchString(s) || strings.Trim(s[2:], "0") == "" {
		return newError(http.StatusBadRequest, "InvalidInput",
			fmt.Sprintf("Invalid value '%s' for field '%s': a decimal number between 0 and 1 (exclusive) as a string, such as \"0.5\", is expected.", s, field),
			"field", field)
	}
	return nil
}

// normSortOrder returns the number a valid sort order stands for, as a string ("0.50" -> "0.5").
func normSortOrder(s string) string { return strings.TrimRight(s, "0") }

// readSortOrder reads and checks the "sortOrder" property.
func readSortOrder(f *fields, required bool) (string, bool) {
	const k = "sortOrder"
	s, ok := f.str(k, required)
	if !ok {
		return "", false
	}
	if apiErr := checkSortOrder(f.path(k), s); apiErr != nil {
		f.p.add(apiErr)
		return s, false
	}
	return s, true
}

// cartSortOrderTaken reports whether a cart discount outside any group (other than
// exceptDiscount) or a discount group (other than exceptGroup) has the sort order s.
func cartSortOrderTaken(p *projectStore, s, exceptDiscount, exceptGroup string) bool {
	n := normSortOrder(s)
	for _, d := range versionedFamilies["cart-discount"].rows(p) {
		if d["id"] != exceptDiscount && d["discountGroup"] == nil && normSortOrder(str(d["sortOrder"])) == n {
			return true
		}
	}
	for _, g := range versionedFamilies["discount-group"].rows(p) {
		if g["id"] != exceptGroup && normSortOrder(str(g["sortOrder"])) == n {
			return true
		}
	}
	return false
}

func productSortOrderTaken(p *projectStore, s, except string) bool {
	n := normSortOrder(s)
	for _, d := range versionedFamilies["product-discount"].rows(p) {
		if d["id"] != except && normSortOrder(str(d["sortOrder"])) == n {
			return true
		}
	}
	return false
}

// sortOrderAction implements changeSortOrder and setSortOrder: taken reports whether another
// resource than the one with the given id has the sort order; refuse, when given, may refuse the
// change first.
func sortOrderAction(taken func(p *projectStore, s, id string) bool, refuse func(cur doc) *apiError) func(*vctx, doc, doc) *apiError {
	return func(x *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		s, _ := readSortOrder(f, true)
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		if refuse != nil {
			if apiErr := refuse(cur); apiErr != nil {
				return apiErr
			}
		}
		if taken(x.p, s, str(cur["id"])) {
			return errDuplicateField("sortOrder", s)
		}
		cur["sortOrder"] = s
		return nil
	}
}

// readDiscountDateTime reads an optional DateTime and returns it in the API's format.
func readDiscountDateTime(f *fields, k string) (string, bool) {
	s, ok := f.str(k, false)
	if !ok {
		return "", false
	}
	if !dateTimePattern.MatchString(s) {
		f.p.addShape("%s: Invalid date-time '%s', an RFC 3339 date and time such as 2026-01-31T23:00:00.000Z is expected", f.path(k), s)
		return "", false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		f.p.addShape("%s: Invalid date-time '%s', an RFC 3339 date and time such as 2026-01-31T23:00:00.000Z is expected", f.path(k), s)
		return "", false
	}
	return formatTime(t), true
}

// checkValidity refuses validFrom at or after validUntil.
func checkValidity(d doc) *apiError {
	from, okF := d["validFrom"].(string)
	until, okU := d["validUntil"].(string)
	if !okF || !okU {
		return nil
	}
	tf, err1 := time.Parse(time.RFC3339Nano, from)
	tu, err2 := time.Parse(time.RFC3339Nano, until)
	if err1 == nil && err2 == nil && !tf.Before(tu) {
		return errInvalidOperation("validFrom (%s) must be earlier than validUntil (%s).", from, until)
	}
	return nil
}

func readValidity(f *fields, out doc) {
	if v, ok := readDiscountDateTime(f, "validFrom"); ok {
		out["validFrom"] = v
	}
	if v, ok := readDiscountDateTime(f, "validUntil"); ok {
		out["validUntil"] = v
	}
}

// setValidity implements setValidFrom, setValidUntil and setValidFromAndUntil: an absent value
// removes the field.
func setValidity(from, until bool) func(*vctx, doc, doc) *apiError {
	return func(_ *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		var vf, vu string
		var okF, okU bool
		if from {
			vf, okF = readDiscountDateTime(f, "validFrom")
		}
		if until {
			vu, okU = readDiscountDateTime(f, "validUntil")
		}
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		for _, s := range []struct {
			on, ok bool
			k, v   string
		}{{from, okF, "validFrom", vf}, {until, okU, "validUntil", vu}} {
			switch {
			case !s.on:
			case s.ok:
				cur[s.k] = s.v
			default:
				delete(cur, s.k)
			}
		}
		return checkValidity(cur)
	}
}

// changeRequiredLocalized implements change<Field> for a required LocalizedString.
func changeRequiredLocalized(field string, nonEmpty bool) func(*vctx, doc, doc) *apiError {
	return func(_ *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		v, _ := f.localized(field, true)
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		if nonEmpty && emptyLocalized(v) {
			return errInvalidInput("The %s must not be empty.", field)
		}
		cur[field] = v
		return nil
	}
}

func setRequiredEnum(field string, allowed []string) func(*vctx, doc, doc) *apiError {
	return func(_ *vctx, cur doc, a doc) *apiError {
		f, p := readFields(a)
		v, _ := f.enum(field, true, allowed)
		f.done()
		if apiErr := p.err(); apiErr != nil {
			return apiErr
		}
		cur[field] = v
		return nil
	}
}

// setOptionalCount implements set<Field> for an optional integer >= 0.
func setOptionalCount(field string) func(*vctx, doc, doc) *apiError {
	return setOrRemove(field, func(f *fields) (float64, bool) { return intIn(f, field, 0, math64, false) })
}

// changePredicate implements change/set<Predicate>; optional predicates are removed when absent.
func changePredicate(field string, required bool) func(*vctx, doc, doc) *apiError {
	return setOrRemove(field, func(f *fields) (string, bool) { return readDiscountPredicate(f, field, required) })
}

// setRequiredKey implements setKey/changeKey where the key is required (discount groups, types).
func setRequiredKey(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	key, _ := f.key(true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	cur["key"] = key
	return nil
}

// resolveUnmodelled resolves a reference to a type the emulator may not model (products,
// recurrence policies): when no family exists, an id is accepted unchecked if acceptID, anything
// else is ReferencedResourceNotFound.
func resolveUnmodelled(x *vctx, typeID string, ri any, at string, acceptID bool) (string, *apiError) {
	if versionedFamilies[typeID] != nil {
		return x.resolve(typeID, ri, at)
	}
	id, key, apiErr := readResourceIdentifier(typeID, ri, at)
	if apiErr != nil {
		return "", apiErr
	}
	if id != "" && acceptID {
		return id, nil
	}
	return "", errReferencedResourceNotFound(typeID, id, key)
}

// ---- Money ----

// readDiscountMoney reads the "money" array of a discount value: Money drafts (typed = false:
// absolute values) or TypedMoneyDraft (typed = true: fixed values).
func readDiscountMoney(f *fields, typed bool) []any {
	l, ok := f.list("money", true)
	if !ok {
		return nil
	}
	at := f.path("money")
	out := []any{}
	seen := map[string]bool{}
	dup := ""
	for i, e := range l {
		mf := f.child(fmt.Sprintf("%s[%d]", at, i), e)
		if mf == nil {
			continue
		}
		m := readOneMoney(mf, typed)
		if m == nil {
			continue
		}
		cur := str(m["currencyCode"])
		if seen[cur] && dup == "" {
			dup = cur
		}
		seen[cur] = true
		out = append(out, m)
	}
	if len(l) == 0 {
		f.p.add(errInvalidOperation("The field '%s' must hold at least one money value.", at))
	}
	if dup != "" {
		f.p.add(errInvalidOperation("The field '%s' holds more than one value in %s; a discount has at most one value per currency.", at, dup))
	}
	return out
}

func readOneMoney(mf *fields, typed bool) doc {
	kind := "centPrecision"
	if typed {
		if t, ok := mf.enum("type", false, []string{"centPrecision", "highPrecision"}); ok {
			kind = t
		}
	} else if t, ok := mf.str("type", false); ok && t != "centPrecision" {
		mf.p.add(invalidFieldValue(mf.at, mf.obj, "an absolute discount takes cent precision money {currencyCode, centAmount}"))
		return nil
	}
	mf.get("currencyCode", true)
	mf.get("centAmount", kind == "centPrecision")
	mf.get("fractionDigits", kind == "highPrecision")
	if kind == "highPrecision" {
		mf.get("preciseAmount", true)
	}
	mf.done()
	if len(mf.p.shape) > 0 {
		return nil
	}
	var m any
	var apiErr *apiError
	if kind == "highPrecision" {
		m, apiErr = checkHighPrecisionMoney(mf.at, mf.obj)
	} else {
		m, apiErr = checkMoney(mf.at, mf.obj)
	}
	if apiErr != nil {
		mf.p.add(apiErr)
		return nil
	}
	out, _ := m.(doc)
	return out
}

// checkHighPrecisionMoney reads a HighPrecisionMoneyDraft and returns the HighPrecisionMoney the
// API stores; a missing centAmount is preciseAmount rounded half even, a given one must be
// preciseAmount rounded down or up.
func checkHighPrecisionMoney(name string, m map[string]any) (any, *apiError) {
	cur, _ := m["currencyCode"].(string)
	if !currencyPattern.MatchString(cur) {
		return nil, invalidFieldValue(name, m, "a three-letter currencyCode is expected")
	}
	def := fractionDigits(cur)
	fd, ok := m["fractionDigits"].(float64)
	if !ok || fd != math.Trunc(fd) || int(fd) <= def || fd > 20 {
		return nil, invalidFieldValue(name, m, fmt.Sprintf("high precision money in %s has fractionDigits from %d to 20", cur, def+1))
	}
	pa, ok := m["preciseAmount"].(float64)
	if !ok || pa != math.Trunc(pa) {
		return nil, invalidFieldValue(name, m, "preciseAmount must be an integer")
	}
	if math.Abs(pa) >= math.MaxInt64 {
		return nil, newError(http.StatusBadRequest, "MoneyOverflow", "A Money operation resulted in an overflow.")
	}
	precise := big.NewInt(int64(pa))
	div := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(int(fd)-def)), nil)
	q, r := new(big.Int).QuoRem(precise, div, new(big.Int))
	away := new(big.Int).Set(q) // q rounded away from zero, when r != 0
	if r.Sign() != 0 {
		away.Add(away, big.NewInt(int64(precise.Sign())))
	}
	rounded := new(big.Int).Set(q)
	if r.Sign() != 0 {
		twice := new(big.Int).Mul(new(big.Int).Abs(r), big.NewInt(2))
		if c := twice.Cmp(div); c > 0 || c == 0 && q.Bit(0) == 1 {
			rounded = away
		}
	}
	cents := float64(rounded.Int64())
	if v, given := m["centAmount"]; given && v != nil {
		n, isNum := v.(float64)
		if !isNum || n != math.Trunc(n) || (n != float64(q.Int64()) && n != float64(away.Int64())) {
			return nil, invalidFieldValue(name, m, fmt.Sprintf("centAmount must be preciseAmount rounded correctly (%v or %v)", q.Int64(), away.Int64()))
		}
		cents = n
	}
	if t, given := m["type"]; given && t != "highPrecision" {
		return nil, invalidFieldValue(name, m, "type must be highPrecision")
	}
	return doc{"type": "highPrecision", "currencyCode": cur, "centAmount": cents, "preciseAmount": pa, "fractionDigits": fd}, nil
}

// ---- Cart discounts ----

var (
	cartDiscountValueTypes  = []string{"relative", "absolute", "fixed", "giftLineItem"}
	cartDiscountTargetTypes = []string{"lineItems", "customLineItems", "shipping", "totalPrice", "multiBuyLineItems", "multiBuyCustomLineItems", "pattern"}
	groupTargetTypes        = []string{"lineItems", "customLineItems", "multiBuyLineItems", "multiBuyCustomLineItems", "pattern"}
	applicationModes        = []string{"ProportionateDistribution", "EvenDistribution", "IndividualApplication"}
	selectionModes          = []string{"Cheapest", "MostExpensive"}
	stackingModes           = []string{"Stacking", "StopAfterThisDiscount"}
	patternComponentTypes   = []string{"CountOnLineItemUnits", "CountOnCustomLineItemUnits"}
	recurringScopeTypes     = []string{"AnyOrder", "NonRecurringOrdersOnly", "RecurringOrdersOnly", "ApplicableRecurrencePolicies"}
)

const (
	maxActiveCartDiscounts = 100 // without a discount code: independent of stores, and per store
	maxCartDiscountStores  = 500
	maxDiscountGroupSize   = 100
	maxActiveGroups        = 100
)

var cartDiscountsFamily = &family{
	coll: "cart-discounts", typeID: "cart-discount", noun: "CartDiscount",
	view:   []string{"view_cart_discounts", "view_orders", "manage_project"},
	manage: []string{"manage_cart_discounts", "manage_orders", "manage_project"},
	query: querySpec{
		whereFields: setOf("id", "key", "version", "name", "description", "value", "cartPredicate", "target", "sortOrder", "stores",
			"isActive", "validFrom", "validUntil", "requiresDiscountCode", "references", "stackingMode", "custom", "discountGroup",
			"recurringOrderScope", "createdAt", "lastModifiedAt"),
		sortFields: setOf("id", "key", "name", "sortOrder", "isActive", "validFrom", "validUntil", "createdAt", "lastModifiedAt", "version"),
	},
	create: createCartDiscount,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"changeName":                 changeRequiredLocalized("name", false),
		"setDescription":             setOptionalLocalized("description"),
		"changeValue":                cartDiscountChangeValue,
		"changeCartPredicate":        changePredicate("cartPredicate", true),
		"changeTarget":               cartDiscountChangeTarget,
		"changeSortOrder":            cartDiscountChangeSortOrder,
		"changeIsActive":             cartDiscountLimited(setRequiredBool("isActive")),
		"changeRequiresDiscountCode": cartDiscountLimited(setRequiredBool("requiresDiscountCode")),
		"changeStackingMode":         setRequiredEnum("stackingMode", stackingModes),
		"setKey":                     setOptionalKey,
		"setValidFrom":               setValidity(true, false),
		"setValidUntil":              setValidity(false, true),
		"setValidFromAndUntil":       setValidity(true, true),
		"setStores":                  cartDiscountLimited(cartDiscountSetStores),
		"addStore":                   cartDiscountLimited(cartDiscountAddStore),
		"removeStore":                cartDiscountLimited(cartDiscountRemoveStore),
		"setCustomType":              applySetCustomType("cart-discount"),
		"setCustomField":             applySetCustomField,
		"setDiscountGroup":           cartDiscountSetDiscountGroup,
		"setRecurringOrderScope":     cartDiscountSetRecurringOrderScope,
	},
	refs:    cartDiscountRefs,
	onRead:  func(_ *call, d doc) doc { return withoutStoreIDs(d) },
	updated: cartDiscountUpdated,
}

func cartDiscountRefs(d doc) []ref {
	out := customRefs(d)
	for _, s := range listOf(d["stores"]) {
		if id := str(mapOf(s)["id"]); id != "" {
			out = append(out, ref{typeID: "store", id: id})
		}
	}
	if g := mapOf(d["discountGroup"]); g != nil {
		out = append(out, ref{typeID: "discount-group", id: str(g["id"])})
	}
	v := mapOf(d["value"])
	for _, k := range []string{"supplyChannel", "distributionChannel"} {
		if c := mapOf(v[k]); c != nil {
			out = append(out, ref{typeID: "channel", id: str(c["id"])})
		}
	}
	if pr := mapOf(v["product"]); pr != nil {
		out = append(out, ref{typeID: "product", id: str(pr["id"])})
	}
	for _, rp := range listOf(mapOf(d["recurringOrderScope"])["recurrencePolicies"]) {
		out = append(out, ref{typeID: "recurrence-policy", id: str(mapOf(rp)["id"])})
	}
	return out
}

// withoutStoreIDs drops the store ids the emulator keeps inside stored StoreKeyReferences.
func withoutStoreIDs(d doc) doc {
	l := listOf(d["stores"])
	if !slices.ContainsFunc(l, func(e any) bool { _, has := mapOf(e)["id"]; return has }) {
		return d
	}
	out := make(doc, len(d))
	for k, v := range d {
		out[k] = v
	}
	stores := make([]any, len(l))
	for i, e := range l {
		m := mapOf(e)
		stores[i] = doc{"typeId": "store", "key": m["key"]}
	}
	out["stores"] = stores
	return out
}

func storeKeysOf(d doc) []string {
	var out []string
	for _, s := range listOf(d["stores"]) {
		out = append(out, str(mapOf(s)["key"]))
	}
	return out
}

func createCartDiscount(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{"stores": []any{}, "isActive": true, "requiresDiscountCode": false, "stackingMode": "Stacking", "references": []any{},
		"recurringOrderScope": doc{"type": "NonRecurringOrdersOnly"}}
	if name, ok := f.localized("name", true); ok {
		out["name"] = name
	}
	if key, ok := f.key(false); ok {
		out["key"] = key
	}
	if desc, ok := f.localized("description", false); ok {
		out["description"] = desc
	}
	value := readCartDiscountValue(x, f.object("value", true))
	out["value"] = value
	if s, ok := readDiscountPredicate(f, "cartPredicate", true); ok {
		out["cartPredicate"] = s
	}
	target := readCartDiscountTarget(f.object("target", false))
	if target != nil {
		out["target"] = target
	}
	sortOrder, hasSortOrder := readSortOrder(f, false)
	if l, ok := f.list("stores", false); ok {
		stores, apiErr := readStoreKeyRefs(x, l, "stores")
		if apiErr != nil {
			p.add(apiErr)
		}
		out["stores"] = stores
	}
	for _, k := range []string{"isActive", "requiresDiscountCode"} {
		if v, ok := f.boolean(k, false); ok {
			out[k] = v
		}
	}
	readValidity(f, out)
	if v, ok := f.enum("stackingMode", false, stackingModes); ok {
		out["stackingMode"] = v
	}
	if c := x.readCustom(f.object("custom", false), "cart-discount"); c != nil {
		out["custom"] = c
	}
	groupID := ""
	if ri, ok := f.get("discountGroup", false); ok {
		id, apiErr := x.resolve("discount-group", ri, "discountGroup")
		if apiErr != nil {
			p.add(apiErr)
		}
		groupID = id
	}
	if scope := readRecurringOrderScope(x, f.object("recurringOrderScope", false)); scope != nil {
		out["recurringOrderScope"] = scope
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	if apiErr := checkValueTarget(value, target); apiErr != nil {
		return nil, apiErr
	}
	if groupID != "" {
		if apiErr := joinGroup(x, out, groupID, ""); apiErr != nil {
			return nil, apiErr
		}
	} else {
		if !hasSortOrder {
			return nil, newError(http.StatusBadRequest, "InvalidInput", "The field 'sortOrder' is required when the cart discount has no discountGroup.", "field", "sortOrder")
		}
		if cartSortOrderTaken(x.p, sortOrder, "", "") {
			return nil, errDuplicateField("sortOrder", sortOrder)
		}
		out["sortOrder"] = sortOrder
	}
	if apiErr := checkValidity(out); apiErr != nil {
		return nil, apiErr
	}
	if apiErr := checkCartDiscountLimits(x, out); apiErr != nil {
		return nil, apiErr
	}
	return out, nil
}

// joinGroup puts a cart discount into a discount group: it takes the group's sort order.
func joinGroup(x *vctx, cur doc, groupID, selfID string) *apiError {
	target := mapOf(cur["target"])
	if target == nil || !slices.Contains(groupTargetTypes, str(target["type"])) {
		return errInvalidInput("A CartDiscount can only be added to a DiscountGroup if its target.type is lineItems, customLineItems, multiBuyLineItems, multiBuyCustomLineItems or pattern.")
	}
	n := 0
	for _, d := range versionedFamilies["cart-discount"].rows(x.p) {
		if d["id"] != selfID && mapOf(d["discountGroup"])["id"] == groupID {
			n++
		}
	}
	if n >= maxDiscountGroupSize {
		return errInvalidOperation("The discount group %s holds %d cart discounts already, the most a discount group can hold.", groupID, maxDiscountGroupSize)
	}
	g := x.lookup("discount-group", groupID)
	cur["discountGroup"] = doc{"typeId": "discount-group", "id": groupID}
	cur["sortOrder"] = g["sortOrder"]
	return nil
}

func readCartDiscountValue(x *vctx, vf *fields) doc {
	return readDiscountValue(vf, cartDiscountValueTypes, true, func(kind string, out doc) bool {
		switch kind {
		case "fixed":
			out["money"] = readDiscountMoney(vf, true)
		case "giftLineItem":
			if ri, ok := vf.get("product", true); ok {
				id, apiErr := resolveUnmodelled(x, "product", ri, vf.path("product"), true)
				if apiErr != nil {
					vf.p.add(apiErr)
				} else {
					out["product"] = doc{"typeId": "product", "id": id}
				}
			}
			if n, ok := intIn(vf, "variantId", 1, math64, true); ok {
				out["variantId"] = n
			}
			for _, c := range []struct{ k, role string }{{"supplyChannel", "InventorySupply"}, {"distributionChannel", "ProductDistribution"}} {
				if ri, ok := vf.get(c.k, false); ok {
					r, apiErr := channelRef(x, ri, vf.path(c.k), c.role)
					if apiErr != nil {
						vf.p.add(apiErr)
						continue
					}
					out[c.k] = r
				}
			}
		default:
			return false
		}
		return true
	})
}

// readDiscountValue reads a cart or product discount value whose type is one of kinds: the
// relative and absolute values they share, and the other kinds with more (false: a kind it does
// not know). With modes (cart discounts), relative, absolute and fixed values take an
// applicationMode.
func readDiscountValue(vf *fields, kinds []string, modes bool, more func(kind string, out doc) bool) doc {
	if vf == nil {
		return nil
	}
	kind, _ := vf.enum("type", true, kinds)
	out := doc{"type": kind}
	switch kind {
	case "relative":
		if n, ok := intIn(vf, "permyriad", 0, 10000, true); ok {
			out["permyriad"] = n
		}
	case "absolute":
		out["money"] = readDiscountMoney(vf, false)
	default:
		if !more(kind, out) {
			markAllUsed(vf)
		}
	}
	if modes && (kind == "relative" || kind == "absolute" || kind == "fixed") {
		if m, ok := vf.enum("applicationMode", false, applicationModes); ok {
			out["applicationMode"] = m
		}
	}
	vf.done()
	return out
}

func readCartDiscountTarget(tf *fields) doc {
	if tf == nil {
		return nil
	}
	kind, _ := tf.enum("type", true, cartDiscountTargetTypes)
	out := doc{"type": kind}
	switch kind {
	case "lineItems", "customLineItems":
		if s, ok := readDiscountPredicate(tf, "predicate", true); ok {
			out["predicate"] = s
		}
	case "shipping", "totalPrice":
	case "multiBuyLineItems", "multiBuyCustomLineItems":
		if s, ok := readDiscountPredicate(tf, "predicate", true); ok {
			out["predicate"] = s
		}
		trigger, okT := intIn(tf, "triggerQuantity", 2, math64, true)
		discounted, okD := intIn(tf, "discountedQuantity", 1, math64, true)
		if okT {
			out["triggerQuantity"] = trigger
		}
		if okD {
			out["discountedQuantity"] = discounted
		}
		if okT && okD && discounted > trigger {
			tf.p.add(errInvalidInput("Invalid value %v for field '%s': the discountedQuantity must not exceed the triggerQuantity (%v).", discounted, tf.path("discountedQuantity"), trigger))
		}
		if n, ok := intIn(tf, "maxOccurrence", 1, math64, false); ok {
			out["maxOccurrence"] = n
		}
		if m, ok := tf.enum("selectionMode", true, selectionModes); ok {
			out["selectionMode"] = m
		}
	case "pattern":
		out["triggerPattern"] = readPatternComponents(tf, "triggerPattern", true)
		targets := readPatternComponents(tf, "targetPattern", false)
		out["targetPattern"] = targets
		if targets != nil && len(targets) == 0 {
			tf.p.add(errInvalidInput("The field '%s' must not be empty.", tf.path("targetPattern")))
		}
		if n, ok := intIn(tf, "maxOccurrence", 1, math64, false); ok {
			out["maxOccurrence"] = n
		}
		if m, ok := tf.enum("selectionMode", true, selectionModes); ok {
			out["selectionMode"] = m
		}
	default:
		markAllUsed(tf)
	}
	tf.done()
	return out
}

func readPatternComponents(tf *fields, k string, trigger bool) []any {
	l, ok := tf.list(k, true)
	if !ok {
		return nil
	}
	out := []any{}
	for i, e := range l {
		cf := tf.child(fmt.Sprintf("%s[%d]", tf.path(k), i), e)
		if cf == nil {
			continue
		}
		kind, _ := cf.enum("type", true, patternComponentTypes)
		c := doc{"type": kind}
		if s, ok := readDiscountPredicate(cf, "predicate", true); ok {
			c["predicate"] = s
		}
		minCount, okMin := intIn(cf, "minCount", 0, math64, false)
		if okMin {
			c["minCount"] = minCount
		} else {
			minCount = 1
		}
		if n, ok := intIn(cf, "maxCount", 1, math64, false); ok {
			c["maxCount"] = n
			if n < minCount {
				cf.p.add(errInvalidInput("Invalid value %v for field '%s': the maxCount must be at least the minCount (%v).", n, cf.path("maxCount"), minCount))
			}
		}
		if n, ok := intIn(cf, "excludeCount", 0, math64, false); ok {
			c["excludeCount"] = n
			if trigger {
				cf.p.add(errInvalidInput("The field '%s' is set only in the targetPattern.", cf.path("excludeCount")))
			}
		}
		cf.done()
		out = append(out, c)
	}
	return out
}

// checkValueTarget checks that a value and a target fit together.
func checkValueTarget(value, target doc) *apiError {
	kind := str(value["type"])
	if kind == "giftLineItem" {
		if target != nil {
			return errInvalidInput("A cart discount with a giftLineItem value has no target.")
		}
		return nil
	}
	if target == nil {
		return newError(http.StatusBadRequest, "InvalidInput", "The field 'target' is required unless the value is giftLineItem.", "field", "target")
	}
	tt := str(target["type"])
	mode := str(value["applicationMode"])
	spread := mode == "ProportionateDistribution" || mode == "EvenDistribution"
	switch kind {
	case "relative":
		if mode != "" && tt != "pattern" {
			return errInvalidOperation("A relative value with an applicationMode needs a pattern target, not %s.", tt)
		}
		if spread && len(listOf(target["triggerPattern"])) == 0 {
			return errInvalidOperation("The applicationMode %s needs a pattern target with a non-empty triggerPattern.", mode)
		}
	case "fixed":
		if spread && tt != "pattern" {
			return errInvalidOperation("A fixed value with the applicationMode %s needs a pattern target, not %s.", mode, tt)
		}
	case "absolute":
		if tt == "multiBuyLineItems" || tt == "multiBuyCustomLineItems" {
			return errInvalidOperation("An absolute value is not allowed with a %s target.", tt)
		}
	}
	return nil
}

func readStoreKeyRefs(x *vctx, l []any, at string) ([]any, *apiError) {
	out := []any{}
	for i, e := range l {
		r, apiErr := storeKeyRef(x, e, fmt.Sprintf("%s[%d]", at, i))
		if apiErr != nil {
			return out, apiErr
		}
		if !slices.ContainsFunc(out, func(o any) bool { return mapOf(o)["key"] == r["key"] }) {
			out = append(out, r)
		}
	}
	if len(out) > maxCartDiscountStores {
		return out, errMaxStoreReferences()
	}
	return out, nil
}

func errMaxStoreReferences() *apiError {
	return newError(http.StatusBadRequest, "MaxStoreReferencesReached",
		fmt.Sprintf("Maximum number of store discounts on a single cart discount reached %d.", maxCartDiscountStores))
}

// storeKeyRef resolves a StoreResourceIdentifier to the stored StoreKeyReference (with the id).
func storeKeyRef(x *vctx, ri any, at string) (doc, *apiError) {
	id, apiErr := x.resolve("store", ri, at)
	if apiErr != nil {
		return nil, apiErr
	}
	return doc{"typeId": "store", "key": x.lookup("store", id)["key"], "id": id}, nil
}

// readStoreAction reads the "store" of an addStore or removeStore action (cart discounts,
// business units) and resolves it to the stored StoreKeyReference; check, when given, may refuse
// the action before the store is resolved.
func readStoreAction(x *vctx, cur doc, a doc, check func(cur doc) *apiError) (doc, *apiError) {
	f, p := readFields(a)
	ri, _ := f.get("store", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	if check != nil {
		if apiErr := check(cur); apiErr != nil {
			return nil, apiErr
		}
	}
	return storeKeyRef(x, ri, "store")
}

// storeIndex returns the index of the store with the given key in stores (-1: none).
func storeIndex(stores []any, key any) int {
	return slices.IndexFunc(stores, func(o any) bool { return mapOf(o)["key"] == key })
}

// limitBucket names what a cart discount counts against ("" = nothing).
func limitBucket(d doc) string {
	if d["isActive"] != true || d["requiresDiscountCode"] == true {
		return ""
	}
	keys := storeKeysOf(d)
	slices.Sort(keys)
	return "stores:" + strings.Join(keys, ",")
}

// checkCartDiscountLimits checks the limits on active cart discounts without a discount code.
func checkCartDiscountLimits(x *vctx, d doc) *apiError {
	if limitBucket(d) == "" {
		return nil
	}
	var others []doc
	for _, o := range versionedFamilies["cart-discount"].rows(x.p) {
		if o["id"] != d["id"] && limitBucket(o) != "" {
			others = append(others, o)
		}
	}
	keys := storeKeysOf(d)
	if len(keys) == 0 {
		n := 0
		for _, o := range others {
			if len(listOf(o["stores"])) == 0 {
				n++
			}
		}
		if n >= maxActiveCartDiscounts {
			return newError(http.StatusBadRequest, "MaxCartDiscountsReached",
				fmt.Sprintf("Maximum number of active cart discounts reached (%d).", maxActiveCartDiscounts))
		}
		return nil
	}
	var full []any
	var names []string
	for _, k := range keys {
		n := 0
		for _, o := range others {
			if slices.Contains(storeKeysOf(o), k) {
				n++
			}
		}
		if n >= maxActiveCartDiscounts {
			full = append(full, doc{"typeId": "store", "key": k})
			names = append(names, k)
		}
	}
	if len(full) > 0 {
		return newError(http.StatusBadRequest, "StoreCartDiscountsLimitReached",
			fmt.Sprintf("Maximum number of active cart discounts reached for %s.", strings.Join(names, ", ")), "stores", full)
	}
	return nil
}

// cartDiscountLimited runs an action and then the limit checks, when the action made the
// discount count against another limit.
func cartDiscountLimited(apply func(*vctx, doc, doc) *apiError) func(*vctx, doc, doc) *apiError {
	return func(x *vctx, cur doc, a doc) *apiError {
		before := limitBucket(cur)
		if apiErr := apply(x, cur, a); apiErr != nil {
			return apiErr
		}
		if after := limitBucket(cur); after != "" && after != before {
			return checkCartDiscountLimits(x, cur)
		}
		return nil
	}
}

func cartDiscountChangeValue(x *vctx, cur doc, a doc) *apiError {
	value, apiErr := readObjectAction(a, "value", func(vf *fields) doc { return readCartDiscountValue(x, vf) })
	if apiErr != nil {
		return apiErr
	}
	if value["type"] == "giftLineItem" {
		return errInvalidInput("Changing the value of a cart discount to giftLineItem is not supported.")
	}
	if mapOf(cur["value"])["type"] == "giftLineItem" {
		return errInvalidInput("The value of a cart discount with a giftLineItem value cannot be changed.")
	}
	if apiErr := checkValueTarget(value, mapOf(cur["target"])); apiErr != nil {
		return apiErr
	}
	cur["value"] = value
	return nil
}

func cartDiscountChangeTarget(_ *vctx, cur doc, a doc) *apiError {
	target, apiErr := readObjectAction(a, "target", readCartDiscountTarget)
	if apiErr != nil {
		return apiErr
	}
	if apiErr := checkValueTarget(mapOf(cur["value"]), target); apiErr != nil {
		return apiErr
	}
	if cur["discountGroup"] != nil && !slices.Contains(groupTargetTypes, str(target["type"])) {
		return errInvalidInput("A CartDiscount in a DiscountGroup must have a target.type of lineItems, customLineItems, multiBuyLineItems, multiBuyCustomLineItems or pattern.")
	}
	cur["target"] = target
	return nil
}

// cartDiscountChangeSortOrder refuses a cart discount in a discount group, which uses the group's
// sort order.
var cartDiscountChangeSortOrder = sortOrderAction(
	func(p *projectStore, s, id string) bool { return cartSortOrderTaken(p, s, id, "") },
	func(cur doc) *apiError {
		if g := mapOf(cur["discountGroup"]); g != nil {
			return errInvalidOperation("The cart discount uses the sort order of discount group %s; leave the group with setDiscountGroup to give it its own.", g["id"])
		}
		return nil
	})

func cartDiscountSetStores(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	l, _ := f.list("stores", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	stores, apiErr := readStoreKeyRefs(x, l, "stores")
	if apiErr != nil {
		return apiErr
	}
	cur["stores"] = stores
	return nil
}

func cartDiscountAddStore(x *vctx, cur doc, a doc) *apiError {
	r, apiErr := readStoreAction(x, cur, a, nil)
	if apiErr != nil {
		return apiErr
	}
	have := listOf(cur["stores"])
	if storeIndex(have, r["key"]) >= 0 {
		return errInvalidOperation("The cart discount has the store %v already.", r["key"])
	}
	if len(have) >= maxCartDiscountStores {
		return errMaxStoreReferences()
	}
	cur["stores"] = append(slices.Clone(have), r)
	return nil
}

func cartDiscountRemoveStore(x *vctx, cur doc, a doc) *apiError {
	r, apiErr := readStoreAction(x, cur, a, nil)
	if apiErr != nil {
		return apiErr
	}
	have := listOf(cur["stores"])
	i := storeIndex(have, r["key"])
	if i < 0 {
		return errInvalidOperation("The cart discount has no store %v.", r["key"])
	}
	cur["stores"] = slices.Delete(slices.Clone(have), i, i+1)
	return nil
}

func cartDiscountSetDiscountGroup(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	ri, hasGroup := f.get("discountGroup", false)
	s, hasSortOrder := readSortOrder(f, false)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if hasGroup {
		id, apiErr := x.resolve("discount-group", ri, "discountGroup")
		if apiErr != nil {
			return apiErr
		}
		return joinGroup(x, cur, id, str(cur["id"]))
	}
	if !hasSortOrder {
		return newError(http.StatusBadRequest, "InvalidInput", "The field 'sortOrder' is required when discountGroup is absent.", "field", "sortOrder")
	}
	if cartSortOrderTaken(x.p, s, str(cur["id"]), "") {
		return errDuplicateField("sortOrder", s)
	}
	delete(cur, "discountGroup")
	cur["sortOrder"] = s
	return nil
}

func readRecurringOrderScope(x *vctx, f *fields) doc {
	if f == nil {
		return nil
	}
	kind, _ := f.enum("type", true, recurringScopeTypes)
	out := doc{"type": kind}
	if kind == "ApplicableRecurrencePolicies" {
		if l, ok := f.list("recurrencePolicies", true); ok {
			if len(l) < 1 || len(l) > 20 {
				f.p.add(errInvalidOperation("An ApplicableRecurrencePolicies scope names 1 to 20 recurrence policies; %d were given.", len(l)))
			}
			refs := []any{}
			for i, e := range l {
				id, apiErr := resolveUnmodelled(x, "recurrence-policy", e, fmt.Sprintf("%s[%d]", f.path("recurrencePolicies"), i), false)
				if apiErr != nil {
					f.p.add(apiErr)
					continue
				}
				refs = append(refs, doc{"typeId": "recurrence-policy", "id": id})
			}
			out["recurrencePolicies"] = refs
		}
	} else if kind == "" {
		markAllUsed(f)
	}
	f.done()
	if kind == "" {
		return nil
	}
	return out
}

func cartDiscountSetRecurringOrderScope(x *vctx, cur doc, a doc) *apiError {
	scope, apiErr := readObjectAction(a, "recurringOrderScope", func(sf *fields) doc { return readRecurringOrderScope(x, sf) })
	if apiErr != nil {
		return apiErr
	}
	cur["recurringOrderScope"] = scope
	return nil
}

// cartDiscountUpdated keeps the stores of the discount codes that use the cart discount.
func cartDiscountUpdated(x *vctx, old, next doc) {
	if slices.Equal(storeKeysOf(old), storeKeysOf(next)) {
		return
	}
	id := str(next["id"])
	for _, code := range versionedFamilies["discount-code"].rows(x.p) {
		if !slices.ContainsFunc(listOf(code["cartDiscounts"]), func(r any) bool { return mapOf(r)["id"] == id }) {
			continue
		}
		stores := discountCodeStores(x.p, listOf(code["cartDiscounts"]))
		if !sameValue(stores, code["stores"]) {
			c := deepCopy(code)
			c["stores"] = stores
			_ = x.p.put("discount-codes", str(code["id"]), c)
		}
	}
}

// ---- Discount groups ----

var discountGroupsFamily = &family{
	coll: "discount-groups", typeID: "discount-group", noun: "DiscountGroup",
	view:        []string{"view_cart_discounts", "manage_project"},
	manage:      []string{"manage_cart_discounts", "manage_project"},
	keyRequired: true,
	query: querySpec{
		whereFields: setOf("id", "key", "version", "name", "description", "sortOrder", "isActive", "createdAt", "lastModifiedAt"),
		sortFields:  setOf("id", "key", "sortOrder", "isActive", "createdAt", "lastModifiedAt", "version"),
	},
	create: createDiscountGroup,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"setKey":         setRequiredKey,
		"setName":        setOptionalLocalized("name"),
		"setDescription": setOptionalLocalized("description"),
		"setSortOrder":   discountGroupSetSortOrder,
		"setIsActive":    discountGroupSetIsActive,
	},
	updated: discountGroupUpdated,
}

func createDiscountGroup(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{"isActive": true}
	if key, ok := f.key(true); ok {
		out["key"] = key
	}
	sortOrder, hasSortOrder := readSortOrder(f, true)
	for _, k := range []string{"name", "description"} {
		if v, ok := f.localized(k, false); ok {
			out[k] = v
		}
	}
	if v, ok := f.boolean("isActive", false); ok {
		out["isActive"] = v
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	if hasSortOrder && cartSortOrderTaken(x.p, sortOrder, "", "") {
		return nil, errDuplicateField("sortOrder", sortOrder)
	}
	out["sortOrder"] = sortOrder
	if out["isActive"] == true {
		if apiErr := checkActiveGroups(x, ""); apiErr != nil {
			return nil, apiErr
		}
	}
	return out, nil
}

func checkActiveGroups(x *vctx, except string) *apiError {
	n := 0
	for _, g := range versionedFamilies["discount-group"].rows(x.p) {
		if g["id"] != except && g["isActive"] == true {
			n++
		}
	}
	if n >= maxActiveGroups {
		return newError(http.StatusBadRequest, "MaxDiscountGroupsReached",
			fmt.Sprintf("Maximum number of active discount groups reached (%d).", maxActiveGroups))
	}
	return nil
}

var discountGroupSetSortOrder = sortOrderAction(
	func(p *projectStore, s, id string) bool { return cartSortOrderTaken(p, s, "", id) }, nil)

func discountGroupSetIsActive(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	v, _ := f.boolean("isActive", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if v && cur["isActive"] != true {
		if apiErr := checkActiveGroups(x, str(cur["id"])); apiErr != nil {
			return apiErr
		}
	}
	cur["isActive"] = v
	return nil
}

// discountGroupUpdated gives the group's cart discounts its new sort order.
func discountGroupUpdated(x *vctx, old, next doc) {
	if old["sortOrder"] == next["sortOrder"] {
		return
	}
	id := str(next["id"])
	for _, d := range versionedFamilies["cart-discount"].rows(x.p) {
		if mapOf(d["discountGroup"])["id"] == id {
			c := deepCopy(d)
			c["sortOrder"] = next["sortOrder"]
			_ = x.p.put("cart-discounts", str(d["id"]), c)
		}
	}
}

// ---- Product discounts ----

var productDiscountValueTypes = []string{"relative", "absolute", "external"}

var productDiscountsFamily = &family{
	coll: "product-discounts", typeID: "product-discount", noun: "ProductDiscount",
	view:     []string{"view_product_discounts", "view_products", "manage_project"},
	manage:   []string{"manage_product_discounts", "manage_products", "manage_project"},
	maxCount: 500,
	query: querySpec{
		whereFields: setOf("id", "key", "version", "name", "description", "value", "predicate", "sortOrder", "isActive", "references",
			"validFrom", "validUntil", "createdAt", "lastModifiedAt"),
		sortFields: setOf("id", "key", "name", "sortOrder", "isActive", "validFrom", "validUntil", "createdAt", "lastModifiedAt", "version"),
	},
	create: createProductDiscount,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"changeIsActive":       setRequiredBool("isActive"),
		"changeName":           changeRequiredLocalized("name", true),
		"changePredicate":      changePredicate("predicate", true),
		"changeSortOrder":      productDiscountChangeSortOrder,
		"changeValue":          productDiscountChangeValue,
		"setDescription":       setOptionalLocalized("description"),
		"setKey":               setOptionalKey,
		"setValidFrom":         setValidity(true, false),
		"setValidUntil":        setValidity(false, true),
		"setValidFromAndUntil": setValidity(true, true),
	},
}

func createProductDiscount(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{"references": []any{}}
	if name, ok := f.localized("name", true); ok {
		if emptyLocalized(name) {
			p.add(errInvalidInput("The name must not be empty."))
		}
		out["name"] = name
	}
	if key, ok := f.key(false); ok {
		out["key"] = key
	}
	if desc, ok := f.localized("description", false); ok {
		out["description"] = desc
	}
	out["value"] = readProductDiscountValue(f.object("value", true))
	if s, ok := readDiscountPredicate(f, "predicate", true); ok {
		out["predicate"] = s
	}
	sortOrder, hasSortOrder := readSortOrder(f, true)
	if v, ok := f.boolean("isActive", true); ok {
		out["isActive"] = v
	}
	readValidity(f, out)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	if hasSortOrder && productSortOrderTaken(x.p, sortOrder, "") {
		return nil, errDuplicateField("sortOrder", sortOrder)
	}
	out["sortOrder"] = sortOrder
	if apiErr := checkValidity(out); apiErr != nil {
		return nil, apiErr
	}
	return out, nil
}

func readProductDiscountValue(vf *fields) doc {
	return readDiscountValue(vf, productDiscountValueTypes, false, func(kind string, _ doc) bool { return kind == "external" })
}

var productDiscountChangeSortOrder = sortOrderAction(productSortOrderTaken, nil)

func productDiscountChangeValue(_ *vctx, cur doc, a doc) *apiError {
	value, apiErr := readObjectAction(a, "value", readProductDiscountValue)
	if apiErr != nil {
		return apiErr
	}
	cur["value"] = value
	return nil
}

// ---- Discount codes ----

var discountCodesFamily = &family{
	coll: "discount-codes", typeID: "discount-code", noun: "DiscountCode",
	view:   []string{"view_discount_codes", "view_orders", "manage_project"},
	manage: []string{"manage_discount_codes", "manage_orders", "manage_project"},
	query: querySpec{
		whereFields: setOf("id", "key", "version", "name", "description", "code", "cartDiscounts", "stores", "cartPredicate", "isActive",
			"references", "maxApplications", "maxApplicationsPerCustomer", "custom", "groups", "validFrom", "validUntil",
			"applicationVersion", "createdAt", "lastModifiedAt"),
		sortFields: setOf("id", "key", "code", "isActive", "validFrom", "validUntil", "createdAt", "lastModifiedAt", "version"),
	},
	create: createDiscountCode,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"changeCartDiscounts":           discountCodeChangeCartDiscounts,
		"changeGroups":                  discountCodeChangeGroups,
		"changeIsActive":                setRequiredBool("isActive"),
		"setCartPredicate":              changePredicate("cartPredicate", false),
		"setKey":                        setOptionalKey,
		"setName":                       setOptionalLocalized("name"),
		"setDescription":                setOptionalLocalized("description"),
		"setMaxApplications":            setOptionalCount("maxApplications"),
		"setMaxApplicationsPerCustomer": setOptionalCount("maxApplicationsPerCustomer"),
		"setValidFrom":                  setValidity(true, false),
		"setValidUntil":                 setValidity(false, true),
		"setValidFromAndUntil":          setValidity(true, true),
		"setCustomType":                 applySetCustomType("discount-code"),
		"setCustomField":                applySetCustomField,
	},
	refs: func(d doc) []ref {
		out := customRefs(d)
		for _, r := range listOf(d["cartDiscounts"]) {
			out = append(out, ref{typeID: "cart-discount", id: str(mapOf(r)["id"])})
		}
		return out
	},
}

func createDiscountCode(x *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{"isActive": true, "groups": []any{}, "references": []any{}, "applicationVersion": float64(1)}
	if key, ok := f.key(false); ok {
		out["key"] = key
	}
	for _, k := range []string{"name", "description"} {
		if v, ok := f.localized(k, false); ok {
			out[k] = v
		}
	}
	if code, ok := f.str("code", true); ok {
		switch {
		case code == "":
			p.add(newError(http.StatusBadRequest, "InvalidInput", "The field 'code' must not be empty.", "field", "code"))
		case discountCodeTaken(x.p, code):
			p.add(errDuplicateField("code", code))
		}
		out["code"] = code
	}
	refs := readCartDiscountRefs(x, f)
	out["cartDiscounts"] = refs
	if s, ok := readDiscountPredicate(f, "cartPredicate", false); ok {
		out["cartPredicate"] = s
	}
	if v, ok := f.boolean("isActive", false); ok {
		out["isActive"] = v
	}
	for _, k := range []string{"maxApplications", "maxApplicationsPerCustomer"} {
		if n, ok := intIn(f, k, 0, math64, false); ok {
			out[k] = n
		}
	}
	if c := x.readCustom(f.object("custom", false), "discount-code"); c != nil {
		out["custom"] = c
	}
	if g, ok := f.strings("groups", false); ok {
		out["groups"] = anyList(g)
	}
	readValidity(f, out)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	if apiErr := checkValidity(out); apiErr != nil {
		return nil, apiErr
	}
	out["stores"] = discountCodeStores(x.p, refs)
	return out, nil
}

func discountCodeTaken(p *projectStore, code string) bool {
	for _, d := range versionedFamilies["discount-code"].rows(p) {
		if d["code"] == code {
			return true
		}
	}
	return false
}

// readCartDiscountRefs reads cartDiscounts: 1 to 10 different CartDiscountResourceIdentifiers.
func readCartDiscountRefs(x *vctx, f *fields) []any {
	const k = "cartDiscounts"
	l, ok := f.list(k, true)
	if !ok {
		return nil
	}
	if len(l) < 1 || len(l) > 10 {
		f.p.add(newError(http.StatusBadRequest, "InvalidInput",
			fmt.Sprintf("A discount code references 1 to 10 cart discounts; %d were given.", len(l)), "field", k))
	}
	out := []any{}
	for i, e := range l {
		id, apiErr := x.resolve("cart-discount", e, fmt.Sprintf("%s[%d]", k, i))
		if apiErr != nil {
			f.p.add(apiErr)
			continue
		}
		if slices.ContainsFunc(out, func(o any) bool { return mapOf(o)["id"] == id }) {
			f.p.add(errInvalidInput("The cart discount %s is listed twice in '%s'.", id, k))
			continue
		}
		out = append(out, doc{"typeId": "cart-discount", "id": id})
	}
	return out
}

// discountCodeStores derives a discount code's stores from its cart discounts.
func discountCodeStores(p *projectStore, refs []any) []any {
	out := []any{}
	for _, r := range refs {
		cd, _ := p.doc("cart-discounts", str(mapOf(r)["id"]))
		for _, k := range storeKeysOf(cd) {
			if !slices.ContainsFunc(out, func(o any) bool { return mapOf(o)["key"] == k }) {
				out = append(out, doc{"typeId": "store", "key": k})
			}
		}
	}
	return out
}

func discountCodeChangeCartDiscounts(x *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	refs := readCartDiscountRefs(x, f)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	cur["cartDiscounts"] = refs
	cur["stores"] = discountCodeStores(x.p, refs)
	return nil
}

func discountCodeChangeGroups(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	g, _ := f.strings("groups", true)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	cur["groups"] = anyList(g)
	return nil
}
