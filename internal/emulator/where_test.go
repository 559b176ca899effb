package emulator

import (
	"strings"
	"testing"
)

var whereFields = map[string]bool{"id": true, "name": true, "scope": true, "createdAt": true, "version": true, "obj": true, "flag": true}

func whereRecord() map[string]any {
	return map[string]any{
		"id": "abc", "name": `tf "quoted" \ name`, "scope": "view_types:p", "createdAt": "2026-03-01T09:15:27.118Z",
		"version": float64(3), "flag": true,
		"obj": map[string]any{"inner": "x", "list": []any{map[string]any{"k": "v"}}},
	}
}

func TestWhereValid(t *testing.T) {
	vars := map[string]string{"n": "abc", "v": "3", "b": "true"}
	tests := []struct {
		src  string
		want bool
	}{
		{`id = "abc"`, true},
		{`id="abc"`, true},
		{`id != "abc"`, false},
		{`id <> "abd"`, true},
		{`name = "tf \"quoted\" \\ name"`, true},
		{`name = "tf \u0022quoted\u0022 \\ name"`, true},
		{`createdAt > "2026-03-01T00:00:00.000Z"`, true},
		{`createdAt >= "2026-03-01T09:15:27.118Z" and createdAt <= "2026-03-01T09:15:27.118Z"`, true},
		{`createdAt < "2026-03-01T00:00:00.000Z"`, false},
		{`id in ("x", "abc")`, true},
		{`id in ("x")`, false},
		{`id not in ("x", "y")`, true},
		{`id = "x" or id = "abc"`, true},
		{`id = "x" or id = "y" and id = "abc"`, false},
		{`(id = "x" or id = "abc") and scope = "view_types:p"`, true},
		{`not(id = "abc")`, false},
		{`not (id = "x") and NOT id = "y"`, true},
		{`id = :n`, true},
		{`version = :v and flag = :b`, true},
		{`version > 2 and version < 3.5 and version = 3`, true},
		{`version = "3"`, false},
		{`flag = true and flag != false`, true},
		{`scope is defined and name is not defined`, false},
		{`obj(inner = "x")`, true},
		{`obj(list(k = "v"))`, true},
		{`obj(missing = "x")`, false},
		{`name(inner = "x")`, false},
		{`id in (:n)`, true},
		{`((((id = "abc"))))`, true},
	}
	for _, tc := range tests {
		p, err := parseWhere(tc.src, whereFields, vars)
		if err != nil {
			t.Errorf("%s: %v", tc.src, err)
			continue
		}
		if got := p.eval(whereRecord()); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.src, got, tc.want)
		}
	}
}

func TestWhereInvalid(t *testing.T) {
	tests := []struct{ src, want string }{
		{``, "empty"},
		{`   `, "empty"},
		{`id`, "expected an operator"},
		{`id =`, "expected a value"},
		{`id = abc`, "invalid input 'abc'"},
		{`id = "abc`, "unterminated string"},
		{`id = "a\qb"`, `invalid escape '\q'`},
		{`id = "\u12"`, `\u`},
		{`unknown = "x"`, "unknown field 'unknown'"},
		{`id = "a" and`, "expected a field name"},
		{`id = "a" xor id = "b"`, "invalid input 'xor'"},
		{`(id = "a"`, "expected ')'"},
		{`id = "a")`, "invalid input ')'"},
		{`id in "a"`, "expected '('"},
		{`id in ("a" "b")`, "expected ',' or ')'"},
		{`id = :missing`, "var.missing"},
		{`id = :`, "input variable name"},
		{`id ! "a"`, "expected '!='"},
		{`id = 1.2.3`, "invalid number"},
		{`id is maybe`, "expected 'defined'"},
		{`id = "a" # x`, "invalid input '#'"},
		{"id = \"\xff\"", "UTF-8"},
		{strings.Repeat("(", 200) + `id = "a"` + strings.Repeat(")", 200), "nested"},
		{strings.Repeat("not ", 200) + `id = "a"`, "nested"},
	}
	for _, tc := range tests {
		_, err := parseWhere(tc.src, whereFields, nil)
		if err == nil {
			t.Errorf("%q: expected error", tc.src)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %q does not mention %q", tc.src, err, tc.want)
		}
	}
}

func FuzzWhere(f *testing.F) {
	for _, s := range []string{
		`id = "abc"`, `name != "x" and createdAt > "2026-01-01T00:00:00.000Z"`, `id in ("a", "b")`,
		`not(id = "a") or (scope = "view_types:p")`, `id = :n`, `obj(list(k = "v"))`, `version >= 2.5e1`,
		`id is not defined`, `name = "\u00e9\n\"\\"`, `(((`, `id = "`, `:`, `id <> "x"`, `id not in (1, true, "x")`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		p, err := parseWhere(src, whereFields, map[string]string{"n": "abc"})
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		_ = p.eval(whereRecord())
		_ = p.eval(map[string]any{})
	})
}
