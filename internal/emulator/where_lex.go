package emulator

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Token kinds of the where-predicate language.
const (
	tkEOF = iota
	tkIdent
	tkString
	tkNumber
	tkVar
	tkOp
	tkLParen
	tkRParen
	tkComma
)

type tok struct {
	kind int
	text string // identifier, operator, decoded string, number literal or variable name
	pos  int    // 1-based character position in the predicate
}

func (t tok) describe() string {
	switch t.kind {
	case tkEOF:
		return "end of input"
	case tkString:
		return strconv.Quote(t.text)
	case tkVar:
		return "':" + t.text + "'"
	}
	return "'" + t.text + "'"
}

// lexDialect is what the two predicate languages tokenize differently: query where predicates
// (where.go) and discount predicates (discounts.go).
type lexDialect struct {
	inputVars     bool // ":name" is an input variable (where predicates)
	notEqualLtGt  bool // "<>" is read as "!=" (where predicates; discount predicates keep "<>")
	dottedNames   bool // "customer.email" and "attributes.size-eu" are one identifier (discount predicates)
	strictNumbers bool // "-" starts a number only before a digit, and a number must not run into a name (discount predicates)
}

var (
	whereDialect    = lexDialect{inputVars: true, notEqualLtGt: true}
	discountDialect = lexDialect{dottedNames: true, strictNumbers: true}
)

// punctKinds are the token kinds of the one-character tokens.
var punctKinds = map[byte]int{'(': tkLParen, ')': tkRParen, ',': tkComma, '=': tkOp}

// lexPredicate splits a predicate of dialect d into tokens.
func lexPredicate(src string, d lexDialect) ([]tok, error) {
	if !utf8.ValidString(src) {
		return nil, fmt.Errorf("the predicate is not valid UTF-8")
	}
	var out []tok
	i := 0
	for i < len(src) {
		c := src[i]
		pos := utf8.RuneCountInString(src[:i]) + 1
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case strings.IndexByte("(),=", c) >= 0:
			out = append(out, tok{punctKinds[c], string(c), pos})
			i++
		case c == '!' || c == '<' || c == '>':
			op := string(c)
			if i+1 < len(src) && (src[i+1] == '=' || (c == '<' && src[i+1] == '>')) {
				op += string(src[i+1])
			}
			if op == "!" {
				return nil, fmt.Errorf("invalid input '!' at position %d, expected '!='", pos)
			}
			i += len(op)
			if op == "<>" && d.notEqualLtGt {
				op = "!="
			}
			out = append(out, tok{tkOp, op, pos})
		case c == '"':
			s, n, err := lexString(src[i:])
			if err != nil {
				return nil, fmt.Errorf("%w in the string starting at position %d", err, pos)
			}
			out = append(out, tok{tkString, s, pos})
			i += n
		case c == ':' && d.inputVars:
			j := i + 1
			for j < len(src) && isIdentByte(src[j], j > i+1) {
				j++
			}
			if j == i+1 {
				return nil, fmt.Errorf("invalid input ':' at position %d, expected an input variable name", pos)
			}
			out = append(out, tok{tkVar, src[i+1 : j], pos})
			i = j
		case isDigit(c) || c == '-' && (!d.strictNumbers || i+1 < len(src) && isDigit(src[i+1])):
			j := i + 1
			for j < len(src) && strings.IndexByte("0123456789.eE+-", src[j]) >= 0 {
				j++
			}
			lit := src[i:j]
			if _, err := strconv.ParseFloat(lit, 64); err != nil || d.strictNumbers && j < len(src) && isIdentByte(src[j], false) {
				return nil, fmt.Errorf("invalid number '%s' at position %d", lit, pos)
			}
			out = append(out, tok{tkNumber, lit, pos})
			i = j
		case isIdentByte(c, false):
			j := i + 1
			for j < len(src) {
				if isIdentByte(src[j], true) {
					j++
				} else if d.dottedNames && (src[j] == '.' || src[j] == '-') && j+1 < len(src) && isIdentByte(src[j+1], true) {
					j += 2
				} else {
					break
				}
			}
			out = append(out, tok{tkIdent, src[i:j], pos})
			i = j
		default:
			r, _ := utf8.DecodeRuneInString(src[i:])
			return nil, fmt.Errorf("invalid input '%c' at position %d", r, pos)
		}
	}
	return append(out, tok{tkEOF, "", utf8.RuneCountInString(src) + 1}), nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isIdentByte(c byte, notFirst bool) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || notFirst && c >= '0' && c <= '9'
}

// lexString decodes a double-quoted string with backslash escapes
// (\" \\ \/ \b \f \n \r \t \uXXXX) and returns it with its byte length.
func lexString(s string) (string, int, error) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			return b.String(), i + 1, nil
		case c != '\\':
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(s) {
			break
		}
		switch s[i] {
		case '"', '\\', '/':
			b.WriteByte(s[i])
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			if i+4 >= len(s) {
				return "", 0, fmt.Errorf("incomplete \\u escape")
			}
			n, err := strconv.ParseUint(s[i+1:i+5], 16, 16)
			if err != nil {
				return "", 0, fmt.Errorf("invalid \\u escape '\\u%s'", s[i+1:i+5])
			}
			b.WriteRune(rune(n))
			i += 4
		default:
			return "", 0, fmt.Errorf("invalid escape '\\%c'", s[i])
		}
	}
	return "", 0, fmt.Errorf("unterminated string")
}
