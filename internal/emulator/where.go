package emulator

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// maxWhereDepth bounds nesting so hostile predicates cannot exhaust the stack.
const maxWhereDepth = 64

// predicate is a parsed where clause evaluated against a JSON-ish record
// (map[string]any with string, float64, bool, nested map and []any values).
type predicate interface {
	eval(rec map[string]any) bool
}

type andPred []predicate
type orPred []predicate
type notPred struct{ p predicate }

// cmpPred compares a field with a literal: = != < > <= >=.
type cmpPred struct {
	field, op string
	val       any
}

// inPred tests membership of a field value in a literal list.
type inPred struct {
	field  string
	vals   []any
	negate bool
}

// definedPred tests whether a field is present.
type definedPred struct {
	field   string
	defined bool
}

// nestedPred applies a predicate to an object field (or to any element of
// an array of objects), as in masterData(published = true).
type nestedPred struct {
	field string
	inner predicate
}

func (p andPred) eval(r map[string]any) bool {
	for _, q := range p {
		if !q.eval(r) {
			return false
		}
	}
	return true
}

func (p orPred) eval(r map[string]any) bool {
	for _, q := range p {
		if q.eval(r) {
			return true
		}
	}
	return false
}

func (p notPred) eval(r map[string]any) bool { return !p.p.eval(r) }

func (p cmpPred) eval(r map[string]any) bool {
	v, ok := r[p.field]
	if !ok || v == nil {
		return false
	}
	if p.op == "!=" {
		c, ok := compareValues(v, p.val)
		return !ok || c != 0
	}
	c, ok := compareValues(v, p.val)
	if !ok {
		return false
	}
	switch p.op {
	case "=":
		return c == 0
	case "<":
		return c < 0
	case ">":
		return c > 0
	case "<=":
		return c <= 0
	case ">=":
		return c >= 0
	}
	return false
}

func (p inPred) eval(r map[string]any) bool {
	v, ok := r[p.field]
	if !ok || v == nil {
		return false
	}
	for _, lit := range p.vals {
		if c, ok := compareValues(v, lit); ok && c == 0 {
			return !p.negate
		}
	}
	return p.negate
}

func (p definedPred) eval(r map[string]any) bool {
	v, ok := r[p.field]
	return (ok && v != nil) == p.defined
}

func (p nestedPred) eval(r map[string]any) bool {
	switch v := r[p.field].(type) {
	case map[string]any:
		return p.inner.eval(v)
	case []any:
		for _, el := range v {
			if m, ok := el.(map[string]any); ok && p.inner.eval(m) {
				return true
			}
		}
	}
	return false
}

// varLiteral is an input variable value (always a string in the URL); it
// is coerced to the type of the field it is compared with.
type varLiteral string

// compareValues orders a record value against a literal of the same type.
func compareValues(v, lit any) (int, bool) {
	if s, ok := lit.(varLiteral); ok {
		switch v.(type) {
		case float64:
			f, err := strconv.ParseFloat(string(s), 64)
			if err != nil {
				return 0, false
			}
			lit = f
		case bool:
			b, err := strconv.ParseBool(string(s))
			if err != nil {
				return 0, false
			}
			lit = b
		default:
			lit = string(s)
		}
	}
	switch a := v.(type) {
	case string:
		if b, ok := lit.(string); ok {
			return strings.Compare(a, b), true
		}
	case float64:
		if b, ok := lit.(float64); ok {
			switch {
			case a < b:
				return -1, true
			case a > b:
				return 1, true
			}
			return 0, true
		}
	case int:
		return compareValues(float64(a), lit)
	case int64:
		return compareValues(float64(a), lit)
	case bool:
		if b, ok := lit.(bool); ok {
			switch {
			case a == b:
				return 0, true
			case !a:
				return -1, true
			}
			return 1, true
		}
	}
	return 0, false
}

// whereParser is a recursive-descent parser for one predicate.
type whereParser struct {
	toks   []tok
	i      int
	fields map[string]bool // allowed top-level fields
	vars   map[string]string
	depth  int
}

// parseWhere parses a predicate. fields lists the queryable top-level
// fields; vars holds the var.<name> parameters.
func parseWhere(src string, fields map[string]bool, vars map[string]string) (predicate, error) {
	toks, err := lexPredicate(src, whereDialect)
	if err != nil {
		return nil, err
	}
	p := &whereParser{toks: toks, fields: fields, vars: vars}
	if p.peek().kind == tkEOF {
		return nil, fmt.Errorf("the predicate is empty")
	}
	pred, err := p.or(true)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tkEOF {
		return nil, p.unexpected(t, "'and', 'or' or end of input")
	}
	return pred, nil
}

func (p *whereParser) peek() tok { return p.toks[p.i] }
func (p *whereParser) next() tok { t := p.toks[p.i]; p.i = min(p.i+1, len(p.toks)-1); return t }

func (p *whereParser) unexpected(t tok, want string) error {
	return fmt.Errorf("invalid input %s at position %d, expected %s", t.describe(), t.pos, want)
}

func (p *whereParser) isKeyword(t tok, kw string) bool {
	return t.kind == tkIdent && strings.EqualFold(t.text, kw)
}

func (p *whereParser) or(top bool) (predicate, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxWhereDepth {
		return nil, fmt.Errorf("the predicate is nested more than %d levels deep", maxWhereDepth)
	}
	var parts orPred
	for {
		a, err := p.and(top)
		if err != nil {
			return nil, err
		}
		parts = append(parts, a)
		if !p.isKeyword(p.peek(), "or") {
			break
		}
		p.next()
	}
	if len(parts) == 1 {
		return parts[0], nil
	}
	return parts, nil
}

func (p *whereParser) and(top bool) (predicate, error) {
	var parts andPred
	for {
		u, err := p.unary(top)
		if err != nil {
			return nil, err
		}
		parts = append(parts, u)
		if !p.isKeyword(p.peek(), "and") {
			break
		}
		p.next()
	}
	if len(parts) == 1 {
		return parts[0], nil
	}
	return parts, nil
}

func (p *whereParser) unary(top bool) (predicate, error) {
	t := p.peek()
	switch {
	case p.isKeyword(t, "not") && p.toks[p.i+1].kind != tkOp:
		p.next()
		p.depth++
		defer func() { p.depth-- }()
		if p.depth > maxWhereDepth {
			return nil, fmt.Errorf("the predicate is nested more than %d levels deep", maxWhereDepth)
		}
		inner, err := p.unary(top)
		if err != nil {
			return nil, err
		}
		return notPred{inner}, nil
	case t.kind == tkLParen:
		p.next()
		inner, err := p.or(top)
		if err != nil {
			return nil, err
		}
		if r := p.next(); r.kind != tkRParen {
			return nil, p.unexpected(r, "')'")
		}
		return inner, nil
	case t.kind == tkIdent:
		return p.comparison(top)
	}
	return nil, p.unexpected(t, "a field name, 'not' or '('")
}

func (p *whereParser) comparison(top bool) (predicate, error) {
	f := p.next()
	if top && !p.fields[f.text] {
		return nil, fmt.Errorf("unknown field '%s' at position %d (queryable fields: %s)", f.text, f.pos, strings.Join(sortedKeys(p.fields), ", "))
	}
	t := p.next()
	switch {
	case t.kind == tkOp:
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		return cmpPred{field: f.text, op: t.text, val: v}, nil
	case p.isKeyword(t, "in"):
		return p.inList(f.text, false)
	case p.isKeyword(t, "not") && p.isKeyword(p.peek(), "in"):
		p.next()
		return p.inList(f.text, true)
	case p.isKeyword(t, "is"):
		neg := p.isKeyword(p.peek(), "not")
		if neg {
			p.next()
		}
		if d := p.next(); !p.isKeyword(d, "defined") {
			return nil, p.unexpected(d, "'defined'")
		}
		return definedPred{field: f.text, defined: !neg}, nil
	case t.kind == tkLParen:
		inner, err := p.or(false)
		if err != nil {
			return nil, err
		}
		if r := p.next(); r.kind != tkRParen {
			return nil, p.unexpected(r, "')'")
		}
		return nestedPred{field: f.text, inner: inner}, nil
	}
	return nil, p.unexpected(t, "an operator (=, !=, <, >, <=, >=, in, not in, is defined) after '"+f.text+"'")
}

func (p *whereParser) inList(field string, negate bool) (predicate, error) {
	if t := p.next(); t.kind != tkLParen {
		return nil, p.unexpected(t, "'('")
	}
	pred := inPred{field: field, negate: negate}
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		pred.vals = append(pred.vals, v)
		t := p.next()
		if t.kind == tkRParen {
			return pred, nil
		}
		if t.kind != tkComma {
			return nil, p.unexpected(t, "',' or ')'")
		}
	}
}

func (p *whereParser) value() (any, error) {
	t := p.next()
	switch {
	case t.kind == tkString:
		return t.text, nil
	case t.kind == tkNumber:
		f, _ := strconv.ParseFloat(t.text, 64)
		return f, nil
	case p.isKeyword(t, "true"):
		return true, nil
	case p.isKeyword(t, "false"):
		return false, nil
	case t.kind == tkVar:
		v, ok := p.vars[t.text]
		if !ok {
			return nil, fmt.Errorf("input variable ':%s' at position %d has no value (add the query parameter 'var.%s')", t.text, t.pos, t.text)
		}
		return varLiteral(v), nil
	}
	return nil, p.unexpected(t, "a value (a double-quoted string, a number, true, false or an input variable)")
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
