package provider

import (
	"encoding/json"
	"errors"
	"math/big"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Stored state JSON, decoded for the upgrade shortcut.
//
// tftypes.ValueFromJSONWithOpts makes a json.Decoder (with its read buffer) for every value it
// decodes, nested ones included: for an API client's state that was 55 of the 62 KB its upgrade
// allocated. decodeState reads the same JSON in one pass over the bytes. It covers what
// Terraform writes into a state file for these schemas: null, strings, numbers, booleans, arrays
// (lists and sets) and objects (maps and objects, with attributes the schema no longer has left
// out and missing ones null). Anything else (the loose conversions tftypes also accepts, such
// as a number given for a string, duplicate keys, dynamic types, tuples, invalid JSON) is an
// error, and the caller then decodes with tftypes, which gives its own answer or error.
// FuzzDecodeState compares both on arbitrary input.

var errNotPlain = errors.New("not plain state JSON")

// decodeState decodes state JSON of type t as tftypes.ValueFromJSONWithOpts does with
// IgnoreUndefinedAttributes, or returns an error (then use tftypes).
func decodeState(b []byte, t tftypes.Type) (tftypes.Value, error) {
	r := jsonReader{b: b}
	v, err := r.value(t)
	if err != nil {
		return tftypes.Value{}, err
	}
	r.space()
	if r.i != len(r.b) {
		return tftypes.Value{}, errNotPlain
	}
	return v, nil
}

type jsonReader struct {
	b []byte
	i int
}

func (r *jsonReader) space() {
	for r.i < len(r.b) {
		switch r.b[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

// literal consumes word (null, true, false) if it comes next.
func (r *jsonReader) literal(word string) bool {
	if len(r.b)-r.i < len(word) || string(r.b[r.i:r.i+len(word)]) != word {
		return false
	}
	end := r.i + len(word)
	if end < len(r.b) && isWordByte(r.b[end]) {
		return false
	}
	r.i = end
	return true
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

func (r *jsonReader) peek() byte {
	r.space()
	if r.i >= len(r.b) {
		return 0
	}
	return r.b[r.i]
}

func (r *jsonReader) value(t tftypes.Type) (tftypes.Value, error) {
	c := r.peek()
	if c == 'n' {
		if !r.literal("null") {
			return tftypes.Value{}, errNotPlain
		}
		return tftypes.NewValue(t, nil), nil
	}
	switch tt := t.(type) {
	case tftypes.Object:
		return r.object(tt)
	case tftypes.List:
		elems, err := r.array(tt.ElementType)
		if err != nil {
			return tftypes.Value{}, err
		}
		return tftypes.NewValue(t, elems), nil
	case tftypes.Set:
		elems, err := r.array(tt.ElementType)
		if err != nil {
			return tftypes.Value{}, err
		}
		return tftypes.NewValue(t, elems), nil
	case tftypes.Map:
		return r.mapValue(tt)
	}
	switch {
	case t.Is(tftypes.String) && c == '"':
		s, err := r.str()
		if err != nil {
			return tftypes.Value{}, err
		}
		return tftypes.NewValue(tftypes.String, s), nil
	case t.Is(tftypes.Bool) && (c == 't' || c == 'f'):
		if r.literal("true") {
			return tftypes.NewValue(tftypes.Bool, true), nil
		}
		if r.literal("false") {
			return tftypes.NewValue(tftypes.Bool, false), nil
		}
	case t.Is(tftypes.Number) && (c == '-' || c >= '0' && c <= '9'):
		return r.number(t)
	}
	return tftypes.Value{}, errNotPlain
}

// number reads a JSON number as tftypes does: the literal parsed at 512 bits, to nearest even.
func (r *jsonReader) number(t tftypes.Type) (tftypes.Value, error) {
	start := r.i
	if r.b[r.i] == '-' {
		r.i++
	}
	digits := func() int {
		n := 0
		for r.i < len(r.b) && r.b[r.i] >= '0' && r.b[r.i] <= '9' {
			r.i++
			n++
		}
		return n
	}
	intStart := r.i
	if digits() == 0 || r.b[intStart] == '0' && r.i-intStart > 1 {
		return tftypes.Value{}, errNotPlain
	}
	if r.i < len(r.b) && r.b[r.i] == '.' {
		r.i++
		if digits() == 0 {
			return tftypes.Value{}, errNotPlain
		}
	}
	if r.i < len(r.b) && (r.b[r.i] == 'e' || r.b[r.i] == 'E') {
		r.i++
		if r.i < len(r.b) && (r.b[r.i] == '+' || r.b[r.i] == '-') {
			r.i++
		}
		if digits() == 0 {
			return tftypes.Value{}, errNotPlain
		}
	}
	f, _, err := big.ParseFloat(string(r.b[start:r.i]), 10, 512, big.ToNearestEven)
	if err != nil {
		return tftypes.Value{}, errNotPlain
	}
	return tftypes.NewValue(t, f), nil
}

// str reads a JSON string; one with escapes is unquoted by encoding/json.
func (r *jsonReader) str() (string, error) {
	start := r.i
	r.i++ // the opening quote
	escaped := false
	for r.i < len(r.b) {
		switch c := r.b[r.i]; {
		case c == '"':
			r.i++
			if !escaped {
				return string(r.b[start+1 : r.i-1]), nil
			}
			var s string
			if err := json.Unmarshal(r.b[start:r.i], &s); err != nil {
				return "", errNotPlain
			}
			return s, nil
		case c == '\\':
			escaped = true
			r.i += 2
		case c < 0x20 || c >= 0x80:
			// Control characters are invalid; other bytes may be invalid UTF-8, which
			// encoding/json replaces: let it decide.
			escaped = true
			r.i++
		default:
			r.i++
		}
	}
	return "", errNotPlain
}

func (r *jsonReader) array(elem tftypes.Type) ([]tftypes.Value, error) {
	if r.peek() != '[' {
		return nil, errNotPlain
	}
	r.i++
	elems := []tftypes.Value{}
	if r.peek() == ']' {
		r.i++
		return elems, nil
	}
	for {
		v, err := r.value(elem)
		if err != nil {
			return nil, err
		}
		elems = append(elems, v)
		switch r.peek() {
		case ',':
			r.i++
		case ']':
			r.i++
			return elems, nil
		default:
			return nil, errNotPlain
		}
	}
}

// members reads the members of a JSON object, calling member with each key; a key twice is an
// error.
func (r *jsonReader) members(member func(key string) error) error {
	if r.peek() != '{' {
		return errNotPlain
	}
	r.i++
	if r.peek() == '}' {
		r.i++
		return nil
	}
	for {
		if r.peek() != '"' {
			return errNotPlain
		}
		key, err := r.str()
		if err != nil {
			return err
		}
		if r.peek() != ':' {
			return errNotPlain
		}
		r.i++
		if err := member(key); err != nil {
			return err
		}
		switch r.peek() {
		case ',':
			r.i++
		case '}':
			r.i++
			return nil
		default:
			return errNotPlain
		}
	}
}

func (r *jsonReader) object(t tftypes.Object) (tftypes.Value, error) {
	if len(t.OptionalAttributes) > 0 {
		return tftypes.Value{}, errNotPlain
	}
	vals := make(map[string]tftypes.Value, len(t.AttributeTypes))
	err := r.members(func(key string) error {
		at, ok := t.AttributeTypes[key]
		if !ok {
			return r.skip() // an attribute the schema no longer has
		}
		if _, dup := vals[key]; dup {
			return errNotPlain
		}
		v, err := r.value(at)
		vals[key] = v
		return err
	})
	if err != nil {
		return tftypes.Value{}, err
	}
	for k, at := range t.AttributeTypes {
		if _, ok := vals[k]; !ok {
			vals[k] = tftypes.NewValue(at, nil)
		}
	}
	return tftypes.NewValue(t, vals), nil
}

func (r *jsonReader) mapValue(t tftypes.Map) (tftypes.Value, error) {
	vals := map[string]tftypes.Value{}
	err := r.members(func(key string) error {
		if _, dup := vals[key]; dup {
			return errNotPlain
		}
		v, err := r.value(t.ElementType)
		vals[key] = v
		return err
	})
	if err != nil {
		return tftypes.Value{}, err
	}
	return tftypes.NewValue(t, vals), nil
}

// skip passes over one JSON value of any kind; it must be valid, as tftypes decodes it.
func (r *jsonReader) skip() error {
	start := r.peek()
	begin := r.i
	switch start {
	case '{', '[':
		depth := 0
		for r.i < len(r.b) {
			switch c := r.b[r.i]; c {
			case '"':
				if _, err := r.str(); err != nil {
					return err
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
			r.i++
			if depth == 0 {
				break
			}
		}
		if depth != 0 {
			return errNotPlain
		}
	case '"':
		if _, err := r.str(); err != nil {
			return err
		}
	default:
		for r.i < len(r.b) && r.b[r.i] != ',' && r.b[r.i] != '}' && r.b[r.i] != ']' && r.b[r.i] > ' ' {
			r.i++
		}
	}
	if !json.Valid(r.b[begin:r.i]) {
		return errNotPlain
	}
	return nil
}
