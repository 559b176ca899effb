// Package export writes the configuration objects of a commercetools project as Terraform
// configuration: one file per resource type, resource blocks named after keys, references
// between the exported objects instead of literal ids and keys, import blocks with key-based ids,
// and input variables for the secrets the API does not give back.
//
// It runs the provider in-process and asks it through the plugin protocol, as Terraform does: the
// list resource of every type (`terraform query`'s) returns each object as an import stores it,
// so that what is written plans nothing after the import.
package export

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// Options select what to export and how to reach the project.
type Options struct {
	// Provider holds provider settings (client_id, project_key, api_url, ...); unset ones come
	// from the CTP_* environment variables, as for the provider.
	Provider map[string]string
	// Types limits the export to these resource types (with or without the commercetools_
	// prefix); ExcludeTypes leaves these out.
	Types, ExcludeTypes []string
	// Keys exports only the objects with one of these keys; KeyPrefix only those whose key
	// starts with it. Objects without a key pass neither filter.
	Keys      []string
	KeyPrefix string
	// Progress, if set, is called after each resource type.
	Progress func(typ string, objects, done, total int)
	// Version is the provider version for the user agent.
	Version string
	// NoWriteOnly writes secrets into the plain (sensitive) attributes instead of the write-only
	// ones, for Terraform before 1.11 (which has no write-only arguments and no ephemeral
	// variables).
	NoWriteOnly bool
}

// Object is one exported object.
type Object struct {
	Type    string
	Name    string // the resource name in the configuration
	ID, Key string
	// ImportID is the id of its import block.
	ImportID string
	State    tftypes.Value
	Identity tftypes.Value
}

// Result is what an export found.
type Result struct {
	Objects []*Object
	// Skipped lists resource types that were not exported, with the reason.
	Skipped map[string]string
	// Schemas are the provider's resource schemas, by type.
	Schemas map[string]*tfprotov6.Schema
	// NoWriteOnly: see Options.
	NoWriteOnly bool
}

// Read reads the project: every object of every selected resource type, through the provider's
// list resources.
func Read(ctx context.Context, opts Options) (*Result, error) {
	srv, err := provider.NewServer(provider.New(opts.Version)())()
	if err != nil {
		return nil, err
	}
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		return nil, err
	}
	if err := diagErr("reading the provider schema", schemas.Diagnostics); err != nil {
		return nil, err
	}
	if err := configure(ctx, srv, schemas.Provider, opts.Provider); err != nil {
		return nil, err
	}
	ls, ok := srv.(tfprotov6.ListResourceServer)
	if !ok {
		return nil, fmt.Errorf("the provider's server lists nothing")
	}
	res := &Result{Skipped: map[string]string{}, Schemas: schemas.ResourceSchemas, NoWriteOnly: opts.NoWriteOnly}
	types := selectTypes(schemas, opts)
	idTypes := map[string]tftypes.Type{}
	ids, err := srv.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err == nil && ids != nil {
		for typ, s := range ids.IdentitySchemas {
			attrs := map[string]tftypes.Type{}
			for _, a := range s.IdentityAttributes {
				attrs[a.Name] = a.Type
			}
			idTypes[typ] = tftypes.Object{AttributeTypes: attrs}
		}
	}
	for i, typ := range types {
		objs, err := listType(ctx, ls, typ, schemas, idTypes[typ], opts)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", typ, err)
		}
		res.Objects = append(res.Objects, objs...)
		if opts.Progress != nil {
			opts.Progress(typ, len(objs), i+1, len(types))
		}
	}
	for typ := range schemas.ResourceSchemas {
		if !slices.Contains(types, typ) {
			res.Skipped[typ] = "not selected"
		}
	}
	return res, nil
}

func diagErr(what string, ds []*tfprotov6.Diagnostic) error {
	var msgs []string
	for _, d := range ds {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			msgs = append(msgs, strings.TrimSpace(d.Summary+": "+d.Detail))
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	return fmt.Errorf("%s: %s", what, strings.Join(msgs, "; "))
}

// configure configures the provider with the given settings (the rest null: the provider reads
// its environment variables).
func configure(ctx context.Context, srv tfprotov6.ProviderServer, s *tfprotov6.Schema, settings map[string]string) error {
	typ := s.ValueType()
	obj, ok := typ.(tftypes.Object)
	if !ok {
		return fmt.Errorf("the provider schema is no object")
	}
	vals := map[string]tftypes.Value{}
	for name, t := range obj.AttributeTypes {
		v, set := settings[name]
		switch {
		case !set:
			vals[name] = tftypes.NewValue(t, nil)
		case t.Is(tftypes.String):
			vals[name] = tftypes.NewValue(t, v)
		case t.Is(tftypes.Set{ElementType: tftypes.String}) || t.Is(tftypes.List{ElementType: tftypes.String}):
			var elems []tftypes.Value
			for _, f := range strings.Fields(v) {
				elems = append(elems, tftypes.NewValue(tftypes.String, f))
			}
			vals[name] = tftypes.NewValue(t, elems)
		default:
			return fmt.Errorf("the provider setting %s cannot be given as text", name)
		}
	}
	for name := range settings {
		if _, ok := obj.AttributeTypes[name]; !ok {
			return fmt.Errorf("the provider has no setting %s", name)
		}
	}
	cfg, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, vals))
	if err != nil {
		return err
	}
	resp, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "export", Config: &cfg})
	if err != nil {
		return err
	}
	return diagErr("configuring the provider", resp.Diagnostics)
}

func selectTypes(schemas *tfprotov6.GetProviderSchemaResponse, opts Options) []string {
	norm := func(l []string) []string {
		out := make([]string, 0, len(l))
		for _, t := range l {
			t = strings.TrimSpace(t)
			if t == "" {
				continue
			}
			if !strings.HasPrefix(t, "commercetools_") {
				t = "commercetools_" + t
			}
			out = append(out, t)
		}
		return out
	}
	want, not := norm(opts.Types), norm(opts.ExcludeTypes)
	var out []string
	for typ := range schemas.ListResourceSchemas {
		if _, ok := schemas.ResourceSchemas[typ]; !ok {
			continue
		}
		if len(want) > 0 && !slices.Contains(want, typ) || slices.Contains(not, typ) {
			continue
		}
		out = append(out, typ)
	}
	sort.Strings(out)
	return out
}

// listType lists every object of a type (all pages), with the resource as an import stores it.
func listType(ctx context.Context, ls tfprotov6.ListResourceServer, typ string, schemas *tfprotov6.GetProviderSchemaResponse,
	identityType tftypes.Type, opts Options,
) ([]*Object, error) {
	lschema := schemas.ListResourceSchemas[typ]
	ltyp := lschema.ValueType()
	attrs := map[string]tftypes.Value{}
	if obj, ok := ltyp.(tftypes.Object); ok {
		for name, t := range obj.AttributeTypes {
			attrs[name] = tftypes.NewValue(t, nil)
			if name == "key_prefix" && opts.KeyPrefix != "" && len(opts.Keys) == 0 && !childType(typ) {
				attrs[name] = tftypes.NewValue(t, opts.KeyPrefix)
			}
		}
	}
	cfg, err := tfprotov6.NewDynamicValue(ltyp, tftypes.NewValue(ltyp, attrs))
	if err != nil {
		return nil, err
	}
	stream, err := ls.ListResource(ctx, &tfprotov6.ListResourceRequest{TypeName: typ, Config: &cfg, IncludeResource: true, Limit: 1 << 40})
	if err != nil {
		return nil, err
	}
	rtyp := schemas.ResourceSchemas[typ].ValueType()
	var out []*Object
	for r := range stream.Results {
		if err := diagErr("listing", r.Diagnostics); err != nil {
			return nil, err
		}
		if r.Resource == nil {
			continue
		}
		st, err := r.Resource.Unmarshal(rtyp)
		if err != nil {
			return nil, err
		}
		o := &Object{Type: typ, State: st}
		o.ID, o.Key = stringAttr(st, "id"), stringAttr(st, "key")
		if r.Identity != nil && r.Identity.IdentityData != nil && identityType != nil {
			o.Identity, _ = r.Identity.IdentityData.Unmarshal(identityType)
		}
		if !keep(o, opts) {
			continue
		}
		out = append(out, o)
	}
	return out, nil
}

// childType reports whether a type lives inside a parent (its key_prefix filters parents).
func childType(typ string) bool {
	switch typ {
	case "commercetools_tax_category_rate", "commercetools_shipping_zone_rate", "commercetools_state_transitions",
		"commercetools_business_unit_associate", "commercetools_project_settings", "commercetools_custom_object":
		return true
	}
	return false
}

func keep(o *Object, opts Options) bool {
	if childType(o.Type) && o.Type != "commercetools_custom_object" {
		return true // kept with their parents (see Write)
	}
	if len(opts.Keys) > 0 {
		return o.Key != "" && slices.Contains(opts.Keys, o.Key)
	}
	if opts.KeyPrefix != "" {
		return o.Key != "" && strings.HasPrefix(o.Key, opts.KeyPrefix)
	}
	return true
}

// stringAttr returns a top-level string attribute of an object value ("" when null).
func stringAttr(v tftypes.Value, name string) string {
	var attrs map[string]tftypes.Value
	if v.As(&attrs) != nil {
		return ""
	}
	a, ok := attrs[name]
	if !ok || !a.IsKnown() || a.IsNull() || !a.Type().Is(tftypes.String) {
		return ""
	}
	var s string
	_ = a.As(&s)
	return s
}
