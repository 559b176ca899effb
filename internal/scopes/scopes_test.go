package scopes

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	cases := []struct {
		in      string
		want    Scope
		wantErr string
	}{
		{in: "manage_orders:my-project", want: Scope{Name: "manage_orders", ProjectKey: "my-project"}},
		{in: "view_orders:my-project:store_1", want: Scope{Name: "view_orders", ProjectKey: "my-project", StoreKey: "store_1"}},
		{in: "manage_orders", wantErr: "must have the form"},
		{in: "a:b:c:d", wantErr: "must have the form"},
		{in: "Manage_orders:p1", wantErr: "scope name"},
		{in: "manage_orders:P1", wantErr: "project key"},
		{in: "manage_orders:p", wantErr: "project key"},
		{in: "manage_orders:" + strings.Repeat("a", 37), wantErr: "project key"},
		{in: "manage_orders:p1:" + strings.Repeat("s", 257), wantErr: "store key"},
		{in: "manage_orders:p1:s", wantErr: "store key"},
		{in: "manage_orders:p1:bad store", wantErr: "store key"},
		{in: "", wantErr: "must have the form"},
	}
	for _, c := range cases {
		got, err := Parse(c.in)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("Parse(%q) error = %v, want it to mention %q", c.in, err, c.wantErr)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
		if got.String() != c.in {
			t.Errorf("String() = %q, want %q", got.String(), c.in)
		}
	}
}

func TestKnownAndImplied(t *testing.T) {
	for in, want := range map[string]bool{
		"manage_api_clients:p1":         true,
		"manage_project:p1":             true,
		"view_audit_log:p1":             true,
		"manage_order:p1":               false,
		"manage_orders:p1:store":        true,
		"manage_types:p1:store":         false,
		"manage_my_profile:p1:store":    true,
		"create_anonymous_token:p1":     true,
		"introspect_oauth_tokens:p1:xx": false,
	} {
		s, err := Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if Known(s) != want {
			t.Errorf("Known(%q) = %v, want %v", in, !want, want)
		}
	}
	s, _ := Parse("manage_orders:p1:store")
	if v, ok := Implied(s); !ok || v.String() != "view_orders:p1:store" {
		t.Errorf("Implied(manage_orders:p1:store) = %v, %v", v, ok)
	}
	for _, in := range []string{"manage_project:p1", "manage_my_orders:p1", "view_orders:p1", "manage_extensions:p1"} {
		s, _ := Parse(in)
		if v, ok := Implied(s); ok {
			t.Errorf("Implied(%q) = %v, want none", in, v)
		}
	}
}

func TestEquivalent(t *testing.T) {
	cases := []struct {
		a, b []string
		want bool
	}{
		{[]string{"manage_orders:p1", "manage_payments:p1"}, []string{"manage_payments:p1", "manage_orders:p1"}, true},
		{[]string{"manage_orders:p1"}, []string{"manage_orders:p1", "view_orders:p1"}, true},
		{[]string{"manage_orders:p1", "manage_orders:p1"}, []string{"manage_orders:p1"}, true},
		{[]string{"view_orders:p1"}, []string{"manage_orders:p1"}, false},
		{[]string{"manage_orders:p1"}, []string{"manage_orders:p2"}, false},
		{[]string{"manage_orders:p1"}, []string{"manage_orders:p1", "view_products:p1"}, false},
	}
	for _, c := range cases {
		if got := Equivalent(c.a, c.b); got != c.want {
			t.Errorf("Equivalent(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	if !Contains([]string{"manage_api_clients:p1"}, "view_api_clients:p1") {
		t.Error("manage_api_clients should contain view_api_clients")
	}
}

func FuzzParseScope(f *testing.F) {
	for _, s := range []string{"manage_orders:p1", "view_orders:p1:store", "x", "::", "a:b:c:d", "manage_orders:my-project:Store_1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := Parse(in)
		if err != nil {
			if !strings.Contains(err.Error(), "malformed") {
				t.Fatalf("error %q does not say the scope is malformed", err)
			}
			return
		}
		if s.String() != in {
			t.Fatalf("round trip: %q -> %q", in, s.String())
		}
		if _, err := Parse(s.String()); err != nil {
			t.Fatalf("re-parse of %q failed: %v", s.String(), err)
		}
		_ = Normalize([]string{in})
	})
}
