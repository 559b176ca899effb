package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/unset"
)

const (
	zeroBegin = "<!-- zero-values:begin (TestZeroValueTable writes this table; UPDATE_ZERO_TABLE=1 go test ./internal/provider -run TestZeroValueTable) -->"
	zeroEnd   = "<!-- zero-values:end -->"
)

// TestZeroValueTable holds the migration guide's table of zero values to the schema: for every
// optional string, number and bool of the incumbent's schema, what "", 0 or false means here,
// and the default when the attribute is left out. The table is worked out from the schema (the
// rule of package unset, the validators, the defaults), so it cannot go stale.
func TestZeroValueTable(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	table := zeroValueTable(t, root)
	guide := filepath.Join(root, "templates", "guides", "migrating-from-labd.md.tmpl")
	raw, err := os.ReadFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	i, j := strings.Index(text, zeroBegin), strings.Index(text, zeroEnd)
	if i < 0 || j < i {
		t.Fatalf("%s has no %q … %q section", guide, zeroBegin, zeroEnd)
	}
	want := text[:i] + zeroBegin + "\n" + table + zeroEnd + text[j+len(zeroEnd):]
	if want == text {
		return
	}
	if os.Getenv("UPDATE_ZERO_TABLE") != "" {
		if err := os.WriteFile(guide, []byte(want), 0o644); err != nil { //nolint:gosec // a template of the repository
			t.Fatal(err)
		}
		return
	}
	t.Errorf("the zero-value table of %s is stale: run UPDATE_ZERO_TABLE=1 go test ./internal/provider -run TestZeroValueTable, then make docs", guide)
}

type zeroRow struct{ typ, attr, kind, zero, meaning, def string }

func zeroValueTable(t *testing.T, root string) string {
	t.Helper()
	ctx := context.Background()
	raw, err := os.ReadFile(filepath.Join(root, "testdata", "labd-v1.22.2-schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		ProviderSchemas map[string]struct {
			ResourceSchemas map[string]struct {
				Block labdBlock `json:"block"`
			} `json:"resource_schemas"`
		} `json:"provider_schemas"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	labd := doc.ProviderSchemas["registry.terraform.io/labd/commercetools"].ResourceSchemas
	ours := map[string]schema.Schema{}
	for _, f := range New("test")().Resources(ctx) {
		r := f()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "commercetools"}, &md)
		var sr resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sr)
		ours[md.TypeName] = sr.Schema
	}
	var rows []zeroRow
	for typ, s := range labd {
		mine, ok := ours[typ]
		if !ok {
			continue
		}
		walkZero(ctx, typ, "", s.Block, mine.Attributes, mine.Blocks, &rows)
	}
	sort.Slice(rows, func(i, j int) bool {
		return rows[i].typ < rows[j].typ || rows[i].typ == rows[j].typ && rows[i].attr < rows[j].attr
	})
	var b strings.Builder
	b.WriteString("| resource | attribute | written as | means | left out |\n|---|---|---|---|---|\n")
	for _, r := range rows {
		def := "unset"
		if r.def != "" {
			def = "`" + r.def + "`"
		}
		fmt.Fprintf(&b, "| `%s` | `%s` | `%s` | %s | %s |\n", strings.TrimPrefix(r.typ, "commercetools_"), r.attr, r.zero, r.meaning, def)
	}
	return b.String()
}

type unwrapped interface{ Unwrapped() schema.Block }

func walkZero(ctx context.Context, typ, at string, theirs labdBlock, attrs map[string]schema.Attribute, blocks map[string]schema.Block, rows *[]zeroRow) {
	for name, ta := range theirs.Attributes {
		var kind string
		if err := json.Unmarshal(ta.Type, &kind); err != nil || !ta.Optional || kind == "" {
			continue // collections, and what the configuration cannot set
		}
		if name == "id" && at == "" {
			continue // the SDK's own id
		}
		a, ok := attrs[name]
		if !ok {
			continue
		}
		p := at + name
		row := zeroRow{typ: typ, attr: p, kind: kind, def: unset.DefaultOf(ctx, a)}
		switch kind {
		case "string":
			row.zero = `""`
		case "number":
			row.zero = "0"
		case "bool":
			row.zero = "false"
		}
		switch {
		case a.IsWriteOnly():
			continue
		case a.IsRequired():
			row.meaning = "required here: write a value"
		case unset.Covers(a):
			row.meaning = "unset: the same as leaving it out"
		case refusesZero(ctx, a):
			row.meaning = "refused at plan time, with a message: leave it out instead"
		case kind == "bool" && row.def == "true":
			row.meaning = "`false`, which differs from the default"
		default:
			row.meaning = "the value " + row.zero + ", sent as written"
		}
		*rows = append(*rows, row)
	}
	for name, tb := range theirs.BlockTypes {
		b, ok := blocks[name]
		if !ok {
			continue
		}
		if u, ok := b.(unwrapped); ok {
			b = u.Unwrapped()
		}
		switch x := b.(type) {
		case schema.ListNestedBlock:
			walkZero(ctx, typ, at+name+".", tb.Block, x.NestedObject.Attributes, x.NestedObject.Blocks, rows)
		case schema.SetNestedBlock:
			walkZero(ctx, typ, at+name+".", tb.Block, x.NestedObject.Attributes, x.NestedObject.Blocks, rows)
		case schema.SingleNestedBlock:
			walkZero(ctx, typ, at+name+".", tb.Block, x.Attributes, x.Blocks, rows)
		}
	}
}

// refusesZero runs an attribute's validators on its zero value.
func refusesZero(ctx context.Context, a schema.Attribute) bool {
	p := path.Root("x")
	switch x := a.(type) {
	case schema.StringAttribute:
		for _, v := range x.Validators {
			var resp validator.StringResponse
			v.ValidateString(ctx, validator.StringRequest{Path: p, ConfigValue: types.StringValue("")}, &resp)
			if resp.Diagnostics.HasError() {
				return true
			}
		}
	case schema.Int64Attribute:
		for _, v := range x.Validators {
			var resp validator.Int64Response
			v.ValidateInt64(ctx, validator.Int64Request{Path: p, ConfigValue: types.Int64Value(0)}, &resp)
			if resp.Diagnostics.HasError() {
				return true
			}
		}
	case schema.Float64Attribute:
		for _, v := range x.Validators {
			var resp validator.Float64Response
			v.ValidateFloat64(ctx, validator.Float64Request{Path: p, ConfigValue: types.Float64Value(0)}, &resp)
			if resp.Diagnostics.HasError() {
				return true
			}
		}
	}
	return false
}
