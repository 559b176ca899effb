package emulator

import (
	"net/url"
	"strings"
	"testing"
)

func FuzzDraftDecode(f *testing.F) {
	for _, s := range []string{
		`{"name":"x","scope":"view_types:p"}`,
		`{"name":"x","scope":"manage_orders:p:store-1 view_orders:p:store-1","deleteDaysAfterCreation":1,"accessTokenValiditySeconds":3600,"refreshTokenValiditySeconds":30}`,
		`{"name":null}`, `[]`, `{`, `{"name":"x","scope":"a:b:c:d"}`, `{"name":1e400,"scope":""}`,
		`{"name":"x","scope":"view_types:p","deleteDaysAfterCreation":99999999999999999999}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := decodeClientDraft(body, "p")
		if err != nil {
			if err.status != 400 || len(err.errors) == 0 {
				t.Fatalf("bad error %+v", err)
			}
			for _, o := range err.errors {
				if c, _ := o["code"].(string); c != "InvalidInput" && c != "InvalidJsonInput" {
					t.Fatalf("code %v", o["code"])
				}
			}
			return
		}
		if strings.TrimSpace(d.name) == "" || d.scope == "" || strings.Contains(d.scope, "  ") {
			t.Fatalf("accepted invalid draft %+v", d)
		}
		for _, s := range splitScopes(d.scope) {
			sc, err := parseScope(s)
			if err != nil || sc.project != "p" {
				t.Fatalf("accepted scope %q", s)
			}
		}
		if d.deleteDays != nil && (*d.deleteDays < minDeleteDays || *d.deleteDays > maxDeleteDays) {
			t.Fatal("deleteDays out of range")
		}
	})
}

func FuzzTokenScope(f *testing.F) {
	for _, s := range []string{"", "manage_types:p", "manage_types:p view_types:p", "a:b:c", "manage_orders:p:s1", "::", "manage_project:p"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, scope string) {
		held := []string{"manage_types:p", "manage_orders:p:s1"}
		got, err := grantScopes("p", held, scope)
		if err != nil {
			if err.oauth != "invalid_scope" || err.status != 400 {
				t.Fatalf("bad error %+v", err)
			}
			return
		}
		for _, s := range got {
			if _, e := parseScope(s); e != nil {
				t.Fatalf("granted malformed scope %q", s)
			}
		}
		_, _ = url.ParseQuery("scope=" + url.QueryEscape(scope))
	})
}
