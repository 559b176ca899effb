package export

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/zclconf/go-cty/cty"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// Summary is what Write wrote.
type Summary struct {
	Files      []string
	Resources  int
	References int
	// Literals counts ids and keys left as literals because they name no exported object.
	Literals  int
	Variables []Variable
	ByType    map[string]int
	// Orphans counts child objects left out because their parent was (by a filter).
	Orphans int
}

// Variable is an input variable for a secret the API does not give back.
type Variable struct {
	Name, Resource, Attribute string
	// Optional: the resource may have none (the API does not say whether it has one); the
	// variable defaults to null, which leaves the secret as it is.
	Optional bool
}

// keyTargets maps the stem of an attribute that holds keys (its name without _key or _keys) to
// the resource types whose keys it holds; "parent" is the resource's own type.
var keyTargets = []struct {
	stem  string
	types []string
}{
	{"tax_category", []string{"commercetools_tax_category"}},
	{"store", []string{"commercetools_store"}},
	{"channel", []string{"commercetools_channel"}},
	{"associate_role", []string{"commercetools_associate_role"}},
	{"product_selection", []string{"commercetools_product_selection"}},
	{"zone", []string{"commercetools_shipping_zone"}},
	{"customer_group", []string{"commercetools_customer_group"}},
	{"recurrence_polic", []string{"commercetools_recurrence_policy"}},
	{"discount_group", []string{"commercetools_discount_group"}},
	{"product_type", []string{"commercetools_product_type"}},
	{"state", []string{"commercetools_state"}},
	{"type", []string{"commercetools_type"}},
	{"unit", []string{"commercetools_business_unit_company", "commercetools_business_unit_division"}},
}

// writer holds what rendering needs.
type writer struct {
	res      *Result
	byID     map[string]*Object
	byKey    map[string]map[string]*Object // type -> key -> object
	defaults map[string]map[string]tftypes.Value
	sum      *Summary
	// secrets says, per object and block path, which attributes need a variable; optional
	// which may take one (see Variable.Optional).
	secrets, optional map[*Object]map[string][]string
}

// Write writes the configuration into dir: one file per resource type, imports.tf,
// variables.tf and a README.md.
func Write(ctx context.Context, res *Result, dir string) (*Summary, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, err
	}
	w := &writer{res: res, byID: map[string]*Object{}, byKey: map[string]map[string]*Object{},
		defaults: provider.TopLevelDefaults(ctx), sum: &Summary{ByType: map[string]int{}}, secrets: map[*Object]map[string][]string{},
		optional: map[*Object]map[string][]string{}}
	w.name()
	for _, o := range res.Objects {
		if o.ID != "" {
			w.byID[o.ID] = o
		}
		if o.Key != "" {
			if w.byKey[o.Type] == nil {
				w.byKey[o.Type] = map[string]*Object{}
			}
			w.byKey[o.Type][o.Key] = o
		}
	}
	w.dropOrphans()
	for _, o := range res.Objects {
		o.ImportID = w.importID(o)
	}
	if err := w.findSecrets(ctx); err != nil {
		return nil, err
	}
	byType := map[string][]*Object{}
	for _, o := range res.Objects {
		byType[o.Type] = append(byType[o.Type], o)
	}
	types := make([]string, 0, len(byType))
	for t := range byType {
		types = append(types, t)
	}
	sort.Strings(types)
	imports := hclwrite.NewEmptyFile()
	vars := hclwrite.NewEmptyFile()
	for _, typ := range types {
		f := hclwrite.NewEmptyFile()
		objs := byType[typ]
		sort.Slice(objs, func(i, j int) bool { return objs[i].Name < objs[j].Name })
		for i, o := range objs {
			if i > 0 {
				f.Body().AppendNewline()
			}
			w.resource(f.Body(), o, vars.Body())
			ib := imports.Body().AppendNewBlock("import", nil).Body()
			ib.SetAttributeTraversal("to", hcl.Traversal{hcl.TraverseRoot{Name: o.Type}, hcl.TraverseAttr{Name: o.Name}})
			ib.SetAttributeValue("id", cty.StringVal(o.ImportID))
			imports.Body().AppendNewline()
		}
		name := strings.TrimPrefix(typ, "commercetools_") + ".tf"
		if err := os.WriteFile(filepath.Join(dir, name), hclwrite.Format(f.Bytes()), 0o600); err != nil {
			return nil, err
		}
		w.sum.Files = append(w.sum.Files, name)
		w.sum.ByType[typ] = len(objs)
		w.sum.Resources += len(objs)
	}
	if err := os.WriteFile(filepath.Join(dir, "imports.tf"), hclwrite.Format(imports.Bytes()), 0o600); err != nil {
		return nil, err
	}
	w.sum.Files = append(w.sum.Files, "imports.tf")
	if len(w.sum.Variables) > 0 {
		if err := os.WriteFile(filepath.Join(dir, "variables.tf"), hclwrite.Format(vars.Bytes()), 0o600); err != nil {
			return nil, err
		}
		w.sum.Files = append(w.sum.Files, "variables.tf")
	}
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte(w.readme()), 0o600); err != nil {
		return nil, err
	}
	w.sum.Files = append(w.sum.Files, "README.md")
	return w.sum, nil
}

var nonIdent = regexp.MustCompile(`[^a-z0-9_]+`)

// name gives every object a resource name: from its key (or, without one, from what names it),
// valid, unique within its type, stable for the same project.
func (w *writer) name() {
	objs := append([]*Object(nil), w.res.Objects...)
	sort.SliceStable(objs, func(i, j int) bool { return objs[i].ID < objs[j].ID })
	used := map[string]bool{}
	for _, o := range objs {
		base := o.Key
		switch o.Type {
		case "commercetools_custom_object":
			base = stringAttr(o.State, "container") + "_" + o.Key
		case "commercetools_project_settings":
			base = "project"
		case "commercetools_api_client":
			base = stringAttr(o.State, "name")
		}
		if base == "" {
			base = strings.TrimPrefix(o.Type, "commercetools_") + "_" + shortID(o.ID)
		}
		n := strings.Trim(nonIdent.ReplaceAllString(strings.ToLower(base), "_"), "_")
		if n == "" || n[0] >= '0' && n[0] <= '9' {
			n = "r_" + n
		}
		name := n
		for i := 2; used[o.Type+"."+name]; i++ {
			name = fmt.Sprintf("%s_%d", n, i)
		}
		used[o.Type+"."+name] = true
		o.Name = name
	}
}

func shortID(id string) string {
	id = nonIdent.ReplaceAllString(strings.ToLower(id), "_")
	if len(id) > 8 {
		return id[:8]
	}
	return id
}

// parentOf returns the exported parent of a child object, or nil.
func (w *writer) parentOf(o *Object) *Object {
	var attr string
	switch o.Type {
	case "commercetools_tax_category_rate":
		attr = "tax_category_id"
	case "commercetools_shipping_zone_rate":
		attr = "shipping_method_id"
	case "commercetools_state_transitions":
		attr = "from"
	case "commercetools_business_unit_associate":
		attr = "business_unit_id"
	default:
		return o
	}
	return w.byID[stringAttr(o.State, attr)]
}

// dropOrphans leaves out children whose parent is not exported (a filter left it out).
func (w *writer) dropOrphans() {
	kept := w.res.Objects[:0]
	for _, o := range w.res.Objects {
		if w.parentOf(o) != nil {
			kept = append(kept, o)
		} else {
			w.sum.Orphans++
		}
	}
	w.res.Objects = kept
}

// importID is the id of an object's import block: key-based wherever the object (and, for a
// child, its parent) has a key, so that the folder imports in any project with the same keys.
func (w *writer) importID(o *Object) string {
	p := w.parentOf(o)
	switch o.Type {
	case "commercetools_project_settings":
		return o.ID
	case "commercetools_custom_object":
		return stringAttr(o.State, "container") + "/" + o.Key
	case "commercetools_tax_category_rate":
		if p != nil && p.Key != "" && o.Key != "" {
			return "key=" + p.Key + "/" + o.Key
		}
		return o.ID
	case "commercetools_state_transitions":
		if p != nil && p.Key != "" {
			return "key=" + p.Key
		}
		return o.ID
	case "commercetools_business_unit_associate":
		if p != nil && p.Key != "" {
			return "key=" + p.Key + "/" + stringAttr(o.State, "customer_id")
		}
		return o.ID
	case "commercetools_shipping_zone_rate", "commercetools_api_client":
		return o.ID
	}
	if o.Key != "" {
		return "key=" + o.Key
	}
	return o.ID
}

// findSecrets asks the provider which attributes each object's configuration lacks (the
// validation of the configuration as written, without secrets): a missing secret becomes a
// variable.
func (w *writer) findSecrets(ctx context.Context) error {
	srv, err := provider.NewServer(provider.New("export")())()
	if err != nil {
		return err
	}
	for _, o := range w.res.Objects {
		s := w.res.Schemas[o.Type]
		cfg := configOf(s.Block, o.State)
		dv, err := tfprotov6.NewDynamicValue(s.ValueType(), cfg)
		if err != nil {
			return err
		}
		resp, err := srv.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: o.Type, Config: &dv})
		if err != nil {
			return err
		}
		for _, d := range resp.Diagnostics {
			if d.Severity != tfprotov6.DiagnosticSeverityError || !strings.HasPrefix(d.Summary, "Missing ") {
				continue
			}
			attr := strings.Fields(strings.TrimPrefix(d.Summary, "Missing "))[0]
			block := blockPath(d.Attribute)
			if last := block[strings.LastIndex(block, ".")+1:]; strings.HasPrefix(last, attr) {
				block = strings.TrimSuffix(strings.TrimSuffix(block, last), ".")
			}
			if !attributeIn(s.Block, block, attr) {
				continue
			}
			if w.secrets[o] == nil {
				w.secrets[o] = map[string][]string{}
			}
			w.secrets[o][block] = append(w.secrets[o][block], attr)
		}
		if err := w.findOptional(ctx, srv, o, s, cfg, errorCount(resp.Diagnostics)); err != nil {
			return err
		}
	}
	return nil
}

func errorCount(ds []*tfprotov6.Diagnostic) int {
	n := 0
	for _, d := range ds {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			n++
		}
	}
	return n
}

// findOptional finds the secrets an object may have in its top-level blocks of one element: a
// sensitive string argument that the import left null and that the provider's validation takes
// when it is given (an HTTP destination may have an authorization header; an AWS one has no
// connection string).
func (w *writer) findOptional(ctx context.Context, srv tfprotov6.ProviderServer, o *Object, s *tfprotov6.Schema, cfg tftypes.Value, base int) error {
	var attrs map[string]tftypes.Value
	if cfg.As(&attrs) != nil {
		return nil
	}
	for _, nb := range s.Block.BlockTypes {
		bv, ok := attrs[nb.TypeName]
		if nb.TypeName == "timeouts" || !ok || bv.IsNull() || !bv.IsKnown() {
			continue
		}
		single := nb.Nesting == tfprotov6.SchemaNestedBlockNestingModeSingle || nb.Nesting == tfprotov6.SchemaNestedBlockNestingModeGroup
		elem := bv
		if !single {
			var elems []tftypes.Value
			if bv.As(&elems) != nil || len(elems) != 1 {
				continue
			}
			elem = elems[0]
		}
		var ea map[string]tftypes.Value
		if elem.As(&ea) != nil {
			continue
		}
		for _, a := range nb.Block.Attributes {
			if !a.Sensitive && !a.WriteOnly || strings.HasSuffix(a.Name, "_wo") || strings.HasSuffix(a.Name, "_wo_version") ||
				!a.ValueType().Is(tftypes.String) || !ea[a.Name].IsNull() || slices.Contains(w.secrets[o][nb.TypeName], a.Name) {
				continue
			}
			with := make(map[string]tftypes.Value, len(ea))
			for k, v := range ea {
				with[k] = v
			}
			with[a.Name] = tftypes.NewValue(tftypes.String, "secret")
			ne := tftypes.NewValue(elem.Type(), with)
			if !single {
				ne = tftypes.NewValue(bv.Type(), []tftypes.Value{ne})
			}
			ta := make(map[string]tftypes.Value, len(attrs))
			for k, v := range attrs {
				ta[k] = v
			}
			ta[nb.TypeName] = ne
			dv, err := tfprotov6.NewDynamicValue(s.ValueType(), tftypes.NewValue(cfg.Type(), ta))
			if err != nil {
				return err
			}
			resp, err := srv.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: o.Type, Config: &dv})
			if err != nil {
				return err
			}
			if errorCount(resp.Diagnostics) <= base {
				if w.optional[o] == nil {
					w.optional[o] = map[string][]string{}
				}
				w.optional[o][nb.TypeName] = append(w.optional[o][nb.TypeName], a.Name)
			}
		}
	}
	return nil
}

// blockPath renders the block steps of a diagnostic's path ("destination", "a.b"), without
// element keys.
func blockPath(p *tftypes.AttributePath) string {
	if p == nil {
		return ""
	}
	var parts []string
	for _, st := range p.Steps() {
		if a, ok := st.(tftypes.AttributeName); ok {
			parts = append(parts, string(a))
		}
	}
	return strings.Join(parts, ".")
}

// attributeIn reports whether block path b of a schema has an attribute named attr: the
// validation found it missing, and the API does not give it back (a secret, or a key the API
// masks with it).
func attributeIn(root *tfprotov6.SchemaBlock, b, attr string) bool {
	blk := root
	if b != "" {
		for _, step := range strings.Split(b, ".") {
			var next *tfprotov6.SchemaBlock
			for _, nb := range blk.BlockTypes {
				if nb.TypeName == step {
					next = nb.Block
				}
			}
			if next == nil {
				return false
			}
			blk = next
		}
	}
	for _, a := range blk.Attributes {
		if a.Name == attr {
			return true
		}
	}
	return false
}

// configOf turns a state into the configuration written for it: computed-only attributes null.
func configOf(b *tfprotov6.SchemaBlock, v tftypes.Value) tftypes.Value {
	if v.IsNull() || !v.IsKnown() {
		return v
	}
	var attrs map[string]tftypes.Value
	if v.As(&attrs) != nil {
		return v
	}
	out := make(map[string]tftypes.Value, len(attrs))
	for k, av := range attrs {
		out[k] = av
	}
	for _, a := range b.Attributes {
		if av, ok := out[a.Name]; a.Computed && !a.Optional || ok && omitted(av) {
			out[a.Name] = tftypes.NewValue(a.ValueType(), nil)
		}
	}
	for _, nb := range b.BlockTypes {
		bv, ok := out[nb.TypeName]
		if !ok || bv.IsNull() || !bv.IsKnown() {
			continue
		}
		switch nb.Nesting {
		case tfprotov6.SchemaNestedBlockNestingModeSingle, tfprotov6.SchemaNestedBlockNestingModeGroup:
			out[nb.TypeName] = configOf(nb.Block, bv)
		default:
			var elems []tftypes.Value
			if bv.As(&elems) != nil {
				continue
			}
			ne := make([]tftypes.Value, len(elems))
			for i, e := range elems {
				ne[i] = configOf(nb.Block, e)
			}
			out[nb.TypeName] = tftypes.NewValue(bv.Type(), ne)
		}
	}
	return tftypes.NewValue(v.Type(), out)
}

// resource writes one resource block.
func (w *writer) resource(body *hclwrite.Body, o *Object, vars *hclwrite.Body) {
	rb := body.AppendNewBlock("resource", []string{o.Type, o.Name}).Body()
	w.block(rb, o, "", w.res.Schemas[o.Type].Block, o.State, true, vars)
}

func (w *writer) block(body *hclwrite.Body, o *Object, at string, b *tfprotov6.SchemaBlock, v tftypes.Value, top bool, vars *hclwrite.Body) {
	var attrs map[string]tftypes.Value
	if v.As(&attrs) != nil {
		return
	}
	sorted := append([]*tfprotov6.SchemaAttribute(nil), b.Attributes...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	type secret struct {
		name     string
		optional bool
	}
	var secrets []secret
	for _, n := range w.secrets[o][at] {
		secrets = append(secrets, secret{n, false})
	}
	for _, n := range w.optional[o][at] {
		secrets = append(secrets, secret{n, true})
	}
	for _, a := range sorted {
		av := attrs[a.Name]
		if a.Computed && !a.Optional || a.WriteOnly || top && a.Name == "id" {
			continue
		}
		if av.IsNull() || !av.IsKnown() || omitted(av) {
			continue
		}
		if top {
			if d, ok := w.defaults[o.Type][a.Name]; ok && d.Equal(av) {
				continue
			}
		}
		body.SetAttributeRaw(a.Name, w.tokens(o, a.Name, av))
	}
	for _, sec := range secrets {
		s := sec.name
		name := s
		hasWO, hasVersion := false, false
		for _, a := range b.Attributes {
			hasWO = hasWO || a.Name == s+"_wo" && a.WriteOnly && !w.res.NoWriteOnly
			hasVersion = hasVersion || a.Name == s+"_wo_version"
		}
		vname := o.Name + "_" + strings.ReplaceAll(strings.TrimPrefix(at+"_"+s, "_"), ".", "_")
		vname = strings.TrimPrefix(strings.TrimPrefix(o.Type, "commercetools_")+"_"+vname, "_")
		if hasWO {
			name = s + "_wo"
		}
		body.SetAttributeTraversal(name, hcl.Traversal{hcl.TraverseRoot{Name: "var"}, hcl.TraverseAttr{Name: vname}})
		if hasWO && hasVersion {
			if sec.optional { // no version without a secret: the plan after the import stays empty
				body.SetAttributeRaw(s+"_wo_version", hclwrite.Tokens{{Type: hclsyntax.TokenIdent, Bytes: []byte("var." + vname + " == null ? null : 1")}})
			} else {
				body.SetAttributeValue(s+"_wo_version", cty.NumberIntVal(1))
			}
		}
		vb := vars.AppendNewBlock("variable", []string{vname}).Body()
		vb.SetAttributeTraversal("type", hcl.Traversal{hcl.TraverseRoot{Name: "string"}})
		vb.SetAttributeValue("sensitive", cty.True)
		if sec.optional {
			vb.SetAttributeValue("default", cty.NullVal(cty.String))
		}
		if hasWO && !sec.optional { // an optional one also decides its version, which may not be ephemeral
			vb.SetAttributeValue("ephemeral", cty.True)
		}
		desc := fmt.Sprintf("%s of %s.%s (commercetools does not give it back).", strings.TrimPrefix(at+"."+s, "."), o.Type, o.Name)
		if sec.optional {
			desc = fmt.Sprintf("%s of %s.%s, if it has one (commercetools does not say; null leaves it as it is).", strings.TrimPrefix(at+"."+s, "."), o.Type, o.Name)
		}
		vb.SetAttributeValue("description", cty.StringVal(desc))
		vars.AppendNewline()
		w.sum.Variables = append(w.sum.Variables, Variable{Name: vname, Resource: o.Type + "." + o.Name, Attribute: strings.TrimPrefix(at+"."+name, "."),
			Optional: sec.optional})
	}
	sortedBlocks := append([]*tfprotov6.SchemaNestedBlock(nil), b.BlockTypes...)
	sort.Slice(sortedBlocks, func(i, j int) bool { return sortedBlocks[i].TypeName < sortedBlocks[j].TypeName })
	for _, nb := range sortedBlocks {
		if top && nb.TypeName == "timeouts" {
			continue
		}
		bv := attrs[nb.TypeName]
		if bv.IsNull() || !bv.IsKnown() {
			continue
		}
		path := strings.TrimPrefix(at+"."+nb.TypeName, ".")
		switch nb.Nesting {
		case tfprotov6.SchemaNestedBlockNestingModeSingle, tfprotov6.SchemaNestedBlockNestingModeGroup:
			w.block(body.AppendNewBlock(nb.TypeName, nil).Body(), o, path, nb.Block, bv, false, vars)
		default:
			var elems []tftypes.Value
			if bv.As(&elems) != nil {
				continue
			}
			for _, e := range elems {
				w.block(body.AppendNewBlock(nb.TypeName, nil).Body(), o, path, nb.Block, e, false, vars)
			}
		}
	}
}

// omitted reports whether a value is written by leaving the attribute out: an empty string or
// collection (absent, null and empty are one value for this provider).
func omitted(v tftypes.Value) bool {
	if v.IsNull() || !v.IsKnown() {
		return false
	}
	switch {
	case v.Type().Is(tftypes.String):
		var s string
		return v.As(&s) == nil && s == ""
	case v.Type().Is(tftypes.List{}), v.Type().Is(tftypes.Set{}), v.Type().Is(tftypes.Tuple{}):
		var l []tftypes.Value
		return v.As(&l) == nil && len(l) == 0
	case v.Type().Is(tftypes.Map{}):
		var m map[string]tftypes.Value
		return v.As(&m) == nil && len(m) == 0
	}
	return false
}

// tokens renders a value; strings that name an exported object become references.
func (w *writer) tokens(o *Object, attr string, v tftypes.Value) hclwrite.Tokens {
	switch {
	case v.IsNull():
		return hclwrite.TokensForValue(cty.NullVal(cty.DynamicPseudoType))
	case v.Type().Is(tftypes.String):
		var s string
		_ = v.As(&s)
		if ref := w.reference(o, attr, s); ref != nil {
			w.sum.References++
			return hclwrite.TokensForTraversal(ref)
		}
		if looksLikeID(attr) && s != "" {
			w.sum.Literals++
		}
		return hclwrite.TokensForValue(cty.StringVal(s))
	case v.Type().Is(tftypes.Number):
		var f big.Float
		_ = v.As(&f)
		return hclwrite.TokensForValue(cty.NumberVal(&f))
	case v.Type().Is(tftypes.Bool):
		var b bool
		_ = v.As(&b)
		return hclwrite.TokensForValue(cty.BoolVal(b))
	case v.Type().Is(tftypes.List{}), v.Type().Is(tftypes.Set{}), v.Type().Is(tftypes.Tuple{}):
		var l []tftypes.Value
		_ = v.As(&l)
		items := make([]hclwrite.Tokens, 0, len(l))
		for _, e := range l {
			items = append(items, w.tokens(o, attr, e))
		}
		return hclwrite.TokensForTuple(items)
	case v.Type().Is(tftypes.Map{}), v.Type().Is(tftypes.Object{}):
		var m map[string]tftypes.Value
		_ = v.As(&m)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var items []hclwrite.ObjectAttrTokens
		for _, k := range keys {
			if m[k].IsNull() {
				continue
			}
			items = append(items, hclwrite.ObjectAttrTokens{Name: hclwrite.TokensForValue(cty.StringVal(k)), Value: w.tokens(o, k, m[k])})
		}
		return hclwrite.TokensForObject(items)
	}
	return hclwrite.TokensForValue(cty.NullVal(cty.DynamicPseudoType))
}

func looksLikeID(attr string) bool {
	return strings.HasSuffix(attr, "_id") || strings.HasSuffix(attr, "_ids") || strings.HasSuffix(attr, "_key") || strings.HasSuffix(attr, "_keys")
}

// reference returns the traversal to the exported object a string names, or nil: an id of any
// exported object (ids are unique), or a key of an object of the type the attribute's name says.
func (w *writer) reference(o *Object, attr, s string) hcl.Traversal {
	if s == "" || attr == "key" || attr == "id" {
		return nil
	}
	if t, ok := w.byID[s]; ok && t != o && looksLikeID(attr) || ok && t != o && attr == "from" || ok && t != o && attr == "to" {
		return hcl.Traversal{hcl.TraverseRoot{Name: t.Type}, hcl.TraverseAttr{Name: t.Name}, hcl.TraverseAttr{Name: "id"}}
	}
	stem, ok := strings.CutSuffix(attr, "_keys")
	if !ok {
		stem, ok = strings.CutSuffix(attr, "_key")
	}
	if !ok {
		return nil
	}
	var types []string
	if stem == "parent" || strings.HasSuffix(stem, "parent_unit") {
		types = []string{o.Type}
		if strings.HasPrefix(o.Type, "commercetools_business_unit_") {
			types = []string{"commercetools_business_unit_company", "commercetools_business_unit_division"}
		}
	} else {
		for _, kt := range keyTargets {
			if strings.HasSuffix(stem, kt.stem) || strings.HasSuffix(stem, kt.stem+"ies") || strings.HasSuffix(stem, kt.stem+"s") {
				types = kt.types
				break
			}
		}
	}
	for _, typ := range types {
		if t, ok := w.byKey[typ][s]; ok && t != o {
			return hcl.Traversal{hcl.TraverseRoot{Name: t.Type}, hcl.TraverseAttr{Name: t.Name}, hcl.TraverseAttr{Name: "key"}}
		}
	}
	return nil
}

// readme describes the folder.
func (w *writer) readme() string {
	var b strings.Builder
	b.WriteString("# Exported commercetools configuration\n\n")
	b.WriteString("Written by commercetools-export. Each `.tf` file holds the objects of one resource type; `imports.tf` imports " +
		"every one of them (by key where it has one), so the first `terraform plan` shows only imports. Add a `provider " +
		"\"commercetools\"` block (or set the `CTP_*` variables) and a `terraform` block with `required_providers`.\n\n")
	fmt.Fprintf(&b, "%d resources, %d references between them, %d ids and keys left literal (they name no exported object).\n\n",
		w.sum.Resources, w.sum.References, w.sum.Literals)
	if len(w.sum.Variables) > 0 {
		b.WriteString("## Secrets to provide\n\ncommercetools does not give these back. Set each variable (for example in a " +
			"`*.auto.tfvars` file kept out of version control, or with `TF_VAR_<name>`) before the first plan:\n\n| variable | for |\n|---|---|\n")
		for _, v := range w.sum.Variables {
			note := ""
			if v.Optional {
				note = " (if it has one: commercetools does not say; leave it unset to keep what is there)"
			}
			fmt.Fprintf(&b, "| `%s` | `%s` of `%s`%s |\n", v.Name, v.Attribute, v.Resource, note)
		}
		b.WriteString("\n")
	}
	return b.String()
}
