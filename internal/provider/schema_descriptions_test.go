package provider_test

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// frameworkBlocks are blocks whose own description comes from a framework
// package we do not control (terraform-plugin-framework-timeouts). Their
// attributes are still checked.
var frameworkBlocks = map[string]bool{"timeouts": true}

// describedField is what every framework schema, attribute and block offers.
type describedField interface {
	GetDescription() string
	GetMarkdownDescription() string
}

// servedSchema is one schema the provider serves.
type servedSchema struct {
	label  string // e.g. "resource commercetools_api_client"
	schema describedField
	attrs  any // map[string]<package>.Attribute
	blocks any // map[string]<package>.Block
}

// TestSchemaDescriptions checks that every attribute and block of every
// schema the provider serves (provider, resources, data sources, ephemeral
// resources, nested levels included) is documented, and that no two
// attributes with different names were given the same description word for
// word, which is usually a copy-and-paste slip. Attributes with the same name
// in different types may share a description.
func TestSchemaDescriptions(t *testing.T) {
	schemas := providerSchemas(t)
	problems, checked := descriptionProblems(schemas)
	if checked == 0 {
		t.Fatal("no attributes found: the schema walk is broken")
	}
	t.Logf("checked %d attributes and blocks in %d schemas", checked, len(schemas))
	for _, p := range problems {
		t.Error(p)
	}
}

// TestSchemaDescriptionsDetector makes sure the check above can fail.
func TestSchemaDescriptionsDetector(t *testing.T) {
	s := rschema.Schema{
		MarkdownDescription: "A test resource.",
		Attributes: map[string]rschema.Attribute{
			"a":           rschema.StringAttribute{Optional: true, MarkdownDescription: "Same text."},
			"b":           rschema.StringAttribute{Optional: true, Description: "Same text."},
			"undescribed": rschema.StringAttribute{Optional: true},
			"nested": rschema.ListNestedAttribute{
				Optional:            true,
				MarkdownDescription: "A list.",
				NestedObject: rschema.NestedAttributeObject{Attributes: map[string]rschema.Attribute{
					"deep": rschema.StringAttribute{Optional: true},
				}},
			},
		},
		Blocks: map[string]rschema.Block{
			"settings": rschema.SingleNestedBlock{
				Attributes: map[string]rschema.Attribute{
					"a": rschema.StringAttribute{Optional: true, MarkdownDescription: "Same text."},
				},
			},
		},
	}
	problems, _ := descriptionProblems([]servedSchema{{"resource test", s, s.GetAttributes(), s.GetBlocks()}})
	joined := strings.Join(problems, "\n")
	for _, want := range []string{
		"resource test: undescribed has no",
		"resource test: nested.deep has no",
		"resource test: settings (block) has no",
		`different names share the description "Same text."`,
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("expected a problem containing %q, got:\n%s", want, joined)
		}
	}
	if len(problems) != 4 {
		t.Errorf("expected 4 problems, got %d:\n%s", len(problems), joined)
	}
}

// providerSchemas returns the schema of the provider and of every resource,
// data source and ephemeral resource it registers.
func providerSchemas(t *testing.T) []servedSchema {
	t.Helper()
	ctx := t.Context()
	p := provider.New("test")()
	var out []servedSchema

	var pr fwprovider.SchemaResponse
	p.Schema(ctx, fwprovider.SchemaRequest{}, &pr)
	requireNoErrors(t, "provider schema", pr.Diagnostics)
	out = append(out, servedSchema{"provider commercetools", pr.Schema, pr.Schema.GetAttributes(), pr.Schema.GetBlocks()})

	for _, f := range p.Resources(ctx) {
		r := f()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "commercetools"}, &md)
		var sr resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sr)
		requireNoErrors(t, "resource "+md.TypeName, sr.Diagnostics)
		out = append(out, servedSchema{"resource " + md.TypeName, sr.Schema, sr.Schema.GetAttributes(), sr.Schema.GetBlocks()})
	}

	for _, f := range p.DataSources(ctx) {
		d := f()
		var md datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "commercetools"}, &md)
		var sr datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &sr)
		requireNoErrors(t, "data source "+md.TypeName, sr.Diagnostics)
		out = append(out, servedSchema{"data source " + md.TypeName, sr.Schema, sr.Schema.GetAttributes(), sr.Schema.GetBlocks()})
	}

	if pe, ok := p.(fwprovider.ProviderWithEphemeralResources); ok {
		for _, f := range pe.EphemeralResources(ctx) {
			e := f()
			var md ephemeral.MetadataResponse
			e.Metadata(ctx, ephemeral.MetadataRequest{ProviderTypeName: "commercetools"}, &md)
			var sr ephemeral.SchemaResponse
			e.Schema(ctx, ephemeral.SchemaRequest{}, &sr)
			requireNoErrors(t, "ephemeral resource "+md.TypeName, sr.Diagnostics)
			out = append(out, servedSchema{"ephemeral resource " + md.TypeName, sr.Schema, sr.Schema.GetAttributes(), sr.Schema.GetBlocks()})
		}
	}
	return out
}

// descriptionProblems lists undocumented attributes and blocks and
// descriptions shared by attributes with different names. It also returns
// how many described attributes and blocks it saw.
func descriptionProblems(schemas []servedSchema) (problems []string, checked int) {
	type use struct{ where, name string }
	byDescription := map[string][]use{}
	var missing []string

	for _, s := range schemas {
		if description(s.schema) == "" {
			missing = append(missing, s.label+" (the schema itself)")
		}
		walk(s.label, "", s.attrs, s.blocks, func(where, name string, f describedField, isBlock bool) {
			d := description(f)
			if d == "" {
				if !isBlock || !frameworkBlocks[name] {
					missing = append(missing, where)
				}
				return
			}
			checked++
			byDescription[d] = append(byDescription[d], use{where, name})
		})
	}

	sort.Strings(missing)
	for _, m := range missing {
		problems = append(problems, m+" has no Description or MarkdownDescription")
	}

	descs := make([]string, 0, len(byDescription))
	for d := range byDescription {
		descs = append(descs, d)
	}
	sort.Strings(descs)
	for _, d := range descs {
		names := map[string]bool{}
		var where []string
		for _, u := range byDescription[d] {
			names[u.name] = true
			where = append(where, u.where)
		}
		if len(names) > 1 {
			problems = append(problems, fmt.Sprintf(
				"attributes with different names share the description %q; give each its own:\n  %s",
				d, strings.Join(where, "\n  ")))
		}
	}
	return problems, checked
}

func requireNoErrors(t *testing.T, what string, diags diag.Diagnostics) {
	t.Helper()
	if errs := diags.Errors(); len(errs) > 0 {
		t.Fatalf("%s: %s: %s", what, errs[0].Summary(), errs[0].Detail())
	}
}

func description(f describedField) string {
	if d := strings.TrimSpace(f.GetMarkdownDescription()); d != "" {
		return d
	}
	return strings.TrimSpace(f.GetDescription())
}

// walk visits the attributes and blocks of one schema level and descends into
// nested attributes and blocks. The framework's generic schema types live in
// an internal package, so nested levels are reached through their exported
// methods (GetNestedObject, GetAttributes, GetBlocks) by reflection; this
// works the same for provider, resource, data source and ephemeral schemas.
func walk(label, prefix string, attrs, blocks any, visit func(where, name string, f describedField, isBlock bool)) {
	for _, name := range sortedKeys(attrs) {
		a := mapValue(attrs, name)
		f, ok := a.(describedField)
		if !ok {
			panic(fmt.Sprintf("%s: attribute %s%s (%T) has no description methods", label, prefix, name, a))
		}
		visit(fmt.Sprintf("%s: %s%s", label, prefix, name), name, f, false)
		if nested, ok := callMethod(a, "GetNestedObject"); ok {
			na, _ := callMethod(nested, "GetAttributes")
			walk(label, prefix+name+".", na, nil, visit)
		}
	}
	for _, name := range sortedKeys(blocks) {
		b := mapValue(blocks, name)
		f, ok := b.(describedField)
		if !ok {
			panic(fmt.Sprintf("%s: block %s%s (%T) has no description methods", label, prefix, name, b))
		}
		visit(fmt.Sprintf("%s: %s%s (block)", label, prefix, name), name, f, true)
		if nested, ok := callMethod(b, "GetNestedObject"); ok {
			na, _ := callMethod(nested, "GetAttributes")
			nb, _ := callMethod(nested, "GetBlocks")
			walk(label, prefix+name+".", na, nb, visit)
		}
	}
}

// callMethod calls a method that takes no argument and returns one value, if
// v has it.
func callMethod(v any, method string) (any, bool) {
	if v == nil {
		return nil, false
	}
	m := reflect.ValueOf(v).MethodByName(method)
	if !m.IsValid() || m.Type().NumIn() != 0 || m.Type().NumOut() != 1 {
		return nil, false
	}
	return m.Call(nil)[0].Interface(), true
}

func sortedKeys(m any) []string {
	if m == nil {
		return nil
	}
	v := reflect.ValueOf(m)
	if v.Kind() != reflect.Map {
		return nil
	}
	keys := make([]string, 0, v.Len())
	for _, k := range v.MapKeys() {
		keys = append(keys, k.String())
	}
	sort.Strings(keys)
	return keys
}

func mapValue(m any, key string) any {
	return reflect.ValueOf(m).MapIndex(reflect.ValueOf(key)).Interface()
}
