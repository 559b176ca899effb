package updates

import (
	"fmt"
	"reflect"
	"testing"
)

type item struct{ k, v string }

func key(i item) string { return i.k }

func keys(l []item) []string {
	out := []string{}
	for _, i := range l {
		out = append(out, i.k)
	}
	return out
}

func TestDiff(t *testing.T) {
	cases := []struct {
		name                  string
		old, new              []item
		added, removed, order []string
		kept                  int
	}{
		{"same", []item{{"a", "1"}, {"b", "2"}}, []item{{"a", "1"}, {"b", "2"}}, nil, nil, nil, 2},
		{"append needs no reorder", []item{{"a", ""}}, []item{{"a", ""}, {"b", ""}}, []string{"b"}, nil, nil, 1},
		{"insert in front reorders", []item{{"a", ""}}, []item{{"b", ""}, {"a", ""}}, []string{"b"}, nil, []string{"b", "a"}, 1},
		{"remove keeps order", []item{{"a", ""}, {"b", ""}, {"c", ""}}, []item{{"a", ""}, {"c", ""}}, nil, []string{"b"}, nil, 2},
		{"swap", []item{{"a", ""}, {"b", ""}}, []item{{"b", ""}, {"a", ""}}, nil, nil, []string{"b", "a"}, 2},
		{"from nothing", nil, []item{{"a", ""}}, []string{"a"}, nil, nil, 0},
		{"to nothing", []item{{"a", ""}}, nil, nil, []string{"a"}, nil, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := Diff(tc.old, tc.new, key)
			if got := keys(d.Added); !reflect.DeepEqual(got, orEmpty(tc.added)) {
				t.Errorf("added %v, want %v", got, tc.added)
			}
			if got := keys(d.Removed); !reflect.DeepEqual(got, orEmpty(tc.removed)) {
				t.Errorf("removed %v, want %v", got, tc.removed)
			}
			if !reflect.DeepEqual(d.Order, tc.order) {
				t.Errorf("order %v, want %v", d.Order, tc.order)
			}
			if len(d.Kept) != tc.kept {
				t.Errorf("kept %d, want %d", len(d.Kept), tc.kept)
			}
		})
	}
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func TestSetAndMap(t *testing.T) {
	a, r := Set([]string{"x", "y"}, []string{"y", "z", "z"})
	if !reflect.DeepEqual(a, []string{"z"}) || !reflect.DeepEqual(r, []string{"x"}) {
		t.Errorf("Set: %v %v", a, r)
	}
	if !SameSet([]string{"a", "b"}, []string{"b", "a", "a"}) || SameSet([]string{"a"}, []string{"b"}) {
		t.Error("SameSet")
	}
	c, rm := Map(map[string]string{"a": "1", "b": "2"}, map[string]string{"a": "1", "b": "3", "c": "4"})
	if !reflect.DeepEqual(c, []string{"b", "c"}) || rm != nil {
		t.Errorf("Map: %v %v", c, rm)
	}
}

func TestMatchByKey(t *testing.T) {
	type e struct{ key, name string }
	k := func(x e) string { return x.key }
	from := []e{{"a", "A"}, {"", "first keyless"}, {"b", "B"}}
	to := []e{{"b", "B"}, {"", "keyless at 1"}, {"c", "C"}, {"a", "A"}}
	got := MatchByKey(from, to, k)
	want := []int{2, 1, -1, 0}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}
