package enums

import (
	"encoding/json"
	"testing"
)

func values(kv ...string) Values {
	out := Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		label, _ := json.Marshal(kv[i+1])
		out = append(out, Value{Key: kv[i], Label: label})
	}
	return out
}

func keys(vs Values) []string {
	out := []string{}
	for _, v := range vs {
		out = append(out, v.Key)
	}
	return out
}

func TestDiff(t *testing.T) {
	old := values("a", "A", "b", "B", "c", "C")
	for _, tc := range []struct {
		name                    string
		next                    Values
		removed, added, relabel int
		order                   bool
	}{
		{"same", values("a", "A", "b", "B", "c", "C"), 0, 0, 0, false},
		{"append", values("a", "A", "b", "B", "c", "C", "d", "D"), 0, 1, 0, false},
		{"prepend", values("d", "D", "a", "A", "b", "B", "c", "C"), 0, 1, 0, true},
		{"remove middle keeps order", values("a", "A", "c", "C"), 1, 0, 0, false},
		{"relabel", values("a", "A", "b", "Bee", "c", "C"), 0, 0, 1, false},
		{"reverse", values("c", "C", "b", "B", "a", "A"), 0, 0, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Diff(old, tc.next, false)
			if len(c.Removed) != tc.removed || len(c.Added) != tc.added || len(c.Relabelled) != tc.relabel || (c.Order != nil) != tc.order {
				t.Errorf("changes %+v", c)
			}
			if c.Empty() != (tc.name == "same") {
				t.Errorf("Empty() = %v", c.Empty())
			}
		})
	}
	// Localized labels compare without regard to key order.
	a, b := Value{Key: "x", Label: json.RawMessage(`{"en":"X","de":"Y"}`)}, Value{Key: "x", Label: json.RawMessage(`{"de":"Y","en":"X"}`)}
	if c := Diff(Values{a}, Values{b}, true); !c.Empty() {
		t.Errorf("localized labels in another key order: %+v", c)
	}
	if d := Duplicate(values("a", "A", "b", "B", "a", "C")); d != "a" {
		t.Errorf("duplicate %q", d)
	}
	plain, err := ToPlain(values("k", "K"))
	if err != nil || len(plain) != 1 || plain[0].Label.ValueString() != "K" || keys(FromPlain(plain))[0] != "k" {
		t.Errorf("round trip: %v %v", plain, err)
	}
	if _, err := ToPlain(Values{{Key: "k", Label: json.RawMessage(`{"en":"K"}`)}}); err == nil {
		t.Error("a localized label read as plain must be an error")
	}
}
