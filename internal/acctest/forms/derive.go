package forms

import (
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Recipe is what the generator needs to know of a resource type beyond its schema.
type Recipe struct {
	// Type is the resource type, "commercetools_channel".
	Type string
	// Coll is the emulator collection that holds its objects ("" when they live inside another
	// object, as tax rates do): it must be empty after the destroy.
	Coll string
	// Prelude is configuration the bodies refer to (a type for custom fields, a tax category...).
	// Its resources are named "<something>" and shared by every instance of the type.
	Prelude string
	// Shapes are full bodies: each sets every optional attribute and block that the shape allows
	// (a destination of one kind, a discount value of one type), with several elements in every
	// collection and repeated block that may hold several. The forms are derived from them.
	Shapes []Shape
	// NotText lists string attributes (dotted paths) that hold a format the schema does not
	// declare (predicates, URLs, ARNs, ids): they keep the recipe's value in the non-Latin and
	// longest forms.
	NotText []string
	// Zero maps attributes whose zero value ("", 0, false, {}, []) the API refuses, and the
	// provider refuses at plan time, to a pattern of the error message; the zero form leaves them
	// out and RefusedZero checks the error instead.
	Zero map[string]string
	// Defaults maps attributes and blocks to what the API applies when they are left out and the
	// schema does not declare (HCL: an expression, or a block body in braces for a block).
	Defaults map[string]string
	// Skip maps "path" or "path:form" to the reason a form cannot be covered.
	Skip map[string]string
	// ImportID returns the key-based import id of an instance from its state attributes; nil means
	// key=<key> (instances without a key are imported by id only).
	ImportID func(attrs map[string]any) string
	// Masked lists attributes the API masks: after an import they are unknown to the state, so
	// the plan may update them (and nothing else).
	Masked []string
	// PerProject says the type is one per project (project settings): each instance gets a
	// project of its own.
	PerProject bool
	// Each is configuration written once per instance, with {{n}} replaced by the instance's
	// number: what only one instance may refer to (the state whose transitions it holds).
	Each string
	// LabdSpelling rewrites values to the spelling the incumbent's users wrote (its read-back
	// form: the incumbent planned a change forever for the API's spelling).
	LabdSpelling []Spelling
	// LabdDiffers lists attributes the incumbent's state holds in a form this provider corrects
	// with one update after the switch (the incumbent's own bugs, each in the migration guide).
	LabdDiffers []string
	// LabdAvoid lists attributes with which the incumbent cannot apply an instance (it crashes):
	// the switch fixtures leave instances that set them out.
	LabdAvoid []string
	// LabdNeeds lists attributes without which the incumbent cannot apply an instance (it crashes,
	// which stops the whole run): the switch fixtures leave such instances out.
	LabdNeeds []string
	// PerLane caps the instances that share one emulator project (the API limits extensions
	// and subscriptions per project); the rest run in lanes of their own. 0: no cap.
	PerLane int
	// Setup runs once before the apply with the emulator (objects no resource type creates,
	// such as customers). Optional.
	Setup func(s *Env) error
}

// Shape is one full body and the attributes the API needs in it although the schema has them
// optional.
type Shape struct {
	Body string
	// Keep lists dotted paths the forms never remove, null or zero in this shape.
	Keep []string
	// NoDefaults lists attributes whose default does not apply in this shape.
	NoDefaults []string
}

// Spelling is a value written in the incumbent's spelling: at Path, the literal Ours becomes
// Theirs (HCL, quotes included).
type Spelling struct{ Path, Ours, Theirs string }

// Env is what Setup gets.
type Env struct {
	URL, ProjectKey string
	Put             func(coll string, doc map[string]any) error
	// PutIn stores an object in another project (of a per-project instance).
	PutIn func(project, coll string, doc map[string]any) error
	// Projects are the projects of the per-project instances.
	Projects []string
}

// The forms an attribute or block can be put in.
const (
	FAbsent   = "absent"
	FNull     = "null"
	FZero     = "zero"
	FOne      = "one"
	FMany     = "many"
	FBare     = "bare" // a block with none of its optional attributes
	FNonLatin = "non-latin"
	FLongest  = "longest"
	FMin      = "min"
	FMax      = "max"
	FDefault  = "default"
)

// variants are the instance shapes derived from each full body.
var variants = []string{"many", "one", "absent", "null", "zero", "bare", "nonlatin", "max", "min", "defaults"}

// Instance is one resource block the generator wrote.
type Instance struct {
	Name    string // resource name: "<variant>_<n>"
	Variant string
	Shape   int
	N       int // its number among the type's instances (unique values derive from it)
	Body    *Body
	Project string // the project of a per-project type ("" for the default project)
	// WriteOnly says the instance sets a write-only attribute, which Terraform before 1.11
	// refuses.
	WriteOnly bool
	// Refused is the attribute whose zero value the instance writes, which the provider must
	// refuse at plan time ("" for the other instances).
	Refused string
}

// refusedZeros lists the attributes of a body whose zero value the validators refuse.
func refusedZeros(b *Body, n *Node, d deriver) []*Node {
	var out []*Node
	for _, it := range b.Items {
		c := n.Child(it.Name)
		if it.Block != nil {
			out = append(out, refusedZeros(it.Block, c, d)...)
			continue
		}
		if c.ZeroRefused && !c.Needed() && !d.kept(c) && !c.WriteOnly && !slices.ContainsFunc(out, func(x *Node) bool { return x == c }) {
			out = append(out, c)
		}
	}
	return out
}

// setAt writes an attribute in the first block of each level along a path.
func setAt(b *Body, n *Node, parts []string, expr string) bool {
	if len(parts) == 1 {
		if b.Attr(parts[0]) == nil {
			return false
		}
		b.Set(parts[0], expr)
		return true
	}
	blocks := b.Blocks(parts[0])
	if len(blocks) == 0 {
		return false
	}
	return setAt(blocks[0].Block, n.Child(parts[0]), parts[1:], expr)
}

// Address is the instance's address.
func (i Instance) Address(typ string) string { return typ + "." + i.Name }

// nMark stands for {{n}} while a body is parsed (braces are no HCL identifier).
const nMark = "NNNN"

// NonLatin is the text of the non-Latin form.
const NonLatin = "Grüße · 東京 · Привет · مرحبا"

// Generate derives the instances of a recipe. Prefix names the type's keys ("channel").
func Generate(s *Schema, r *Recipe) ([]Instance, error) {
	var out []Instance
	seen := map[string]bool{}
	n := 0
	for si, sh := range r.Shapes {
		full, err := ParseBody(strings.ReplaceAll(sh.Body, "{{n}}", nMark))
		if err != nil {
			return nil, fmt.Errorf("%s shape %d: %w", r.Type, si, err)
		}
		if err := check(s.Root, full, s.Type); err != nil {
			return nil, fmt.Errorf("%s shape %d: %w", r.Type, si, err)
		}
		d := deriver{r: r, keep: sh.Keep, noDefaults: sh.NoDefaults}
		for _, v := range variants {
			b := d.variant(v, full.Clone(), s.Root)
			if b == nil {
				continue
			}
			n++
			name := fmt.Sprintf("%s_%d", v, n)
			finish(b, s, v, n, r)
			text := Resource(s.Type, "x", b)
			if seen[text] {
				n--
				continue
			}
			seen[text] = true
			out = append(out, Instance{Name: name, Variant: v, Shape: si, N: n, Body: b, WriteOnly: setsWriteOnly(b, s.Root)})
		}
		// The zero values the provider refuses at plan time: one instance each, which must fail
		// validation with a message that names the attribute and says what to write instead.
		for _, p := range refusedZeros(full, s.Root, d) {
			b := full.Clone()
			d.one(b, s.Root)
			if !setAt(b, s.Root, strings.Split(p.Path, "."), zeroOf(p)) {
				continue
			}
			n++
			finish(b, s, "refuse", n, r)
			out = append(out, Instance{Name: fmt.Sprintf("refuse_%d", n), Variant: "refuse", Shape: si, N: n, Body: b,
				WriteOnly: setsWriteOnly(b, s.Root), Refused: p.Path})
		}
	}
	return out, nil
}

// setsWriteOnly reports whether a body sets a write-only attribute to something other than null.
func setsWriteOnly(b *Body, n *Node) bool {
	for _, it := range b.Items {
		c := n.Child(it.Name)
		if it.Block != nil {
			if setsWriteOnly(it.Block, c) {
				return true
			}
			continue
		}
		if c.WriteOnly && strings.TrimSpace(it.Expr) != "null" {
			return true
		}
	}
	return false
}

// check reports names in a body that the schema does not have.
func check(n *Node, b *Body, at string) error {
	for _, it := range b.Items {
		c := n.Child(it.Name)
		if c == nil {
			return fmt.Errorf("%s has no %q", at, it.Name)
		}
		if (it.Block != nil) != c.Kind.IsBlock() {
			return fmt.Errorf("%s.%s: block/attribute mismatch", at, it.Name)
		}
		if it.Block != nil {
			if err := check(c, it.Block, at+"."+it.Name); err != nil {
				return err
			}
		}
	}
	return nil
}

type deriver struct {
	r          *Recipe
	keep       []string
	noDefaults []string
}

func (d deriver) kept(n *Node) bool { return slices.Contains(d.keep, n.Path) }

func (d deriver) notText(n *Node) bool { return slices.Contains(d.r.NotText, n.Path) }

// variant derives one variant from a full body; nil when it would equal another variant.
func (d deriver) variant(v string, b *Body, n *Node) *Body {
	switch v {
	case "many":
		return b
	case "one":
		d.one(b, n)
	case "absent":
		d.strip(b, n, "")
	case "null":
		d.nullify(b, n)
	case "zero":
		d.zero(b, n)
	case "bare":
		d.bare(b, n, true)
	case "nonlatin":
		if !d.nonLatin(b, n) {
			return nil
		}
	case "max", "min":
		d.one(b, n)
		if !d.extreme(b, n, v == "max") {
			return nil
		}
	case "defaults":
		full := b.Clone()
		d.bare(b, n, true)
		if !d.defaults(b, n) {
			return nil
		}
		d.dropBlocksWithoutDefaults(b, n, full)
		if false {
			return nil
		}
	}
	return b
}

// one keeps the first element of every collection literal and the first block of every type.
func (d deriver) one(b *Body, n *Node) {
	seen := map[string]bool{}
	out := b.Items[:0]
	for _, it := range b.Items {
		c := n.Child(it.Name)
		if it.Block != nil {
			if seen[it.Name] {
				continue
			}
			seen[it.Name] = true
			d.one(it.Block, c)
		} else if keep := max(1, c.MinItems); (it.Tuple || it.Object) && len(it.Elems) > keep && c.Kind != Object {
			it.SetElems(it.Elems[:keep])
		}
		out = append(out, it)
	}
	b.Items = out
}

// strip removes (with = null: nulls) every optional attribute and block the shape lets go.
func (d deriver) strip(b *Body, n *Node, with string) {
	seen := map[string]bool{}
	out := b.Items[:0]
	for _, it := range b.Items {
		c := n.Child(it.Name)
		if it.Block != nil {
			if !c.MustAppear() && !d.kept(c) || seen[it.Name] {
				continue
			}
			seen[it.Name] = true
			d.strip(it.Block, c, with)
			out = append(out, it)
			continue
		}
		if c.Needed() || d.kept(c) {
			out = append(out, it)
			continue
		}
		if with != "" {
			out = append(out, &Item{Name: it.Name, Expr: with})
		}
	}
	b.Items = out
}

// nullify writes null for every optional attribute the shape lets go, in every block.
func (d deriver) nullify(b *Body, n *Node) {
	for _, it := range b.Items {
		c := n.Child(it.Name)
		if it.Block != nil {
			d.nullify(it.Block, c)
			continue
		}
		if c.Needed() || d.kept(c) {
			continue
		}
		*it = Item{Name: it.Name, Expr: "null"}
	}
}

// bare keeps every block with only what it must hold.
func (d deriver) bare(b *Body, n *Node, top bool) {
	seen := map[string]bool{}
	out := b.Items[:0]
	for _, it := range b.Items {
		c := n.Child(it.Name)
		if it.Block != nil {
			if seen[it.Name] {
				continue
			}
			seen[it.Name] = true
			d.bare(it.Block, c, false)
			out = append(out, it)
			continue
		}
		if c.Needed() || d.kept(c) || top && c.Name == "key" {
			out = append(out, it)
		}
	}
	b.Items = out
}

func zeroOf(n *Node) string {
	switch n.Kind {
	case String:
		return `""`
	case Number:
		return "0"
	case Bool:
		return "false"
	case Map, Object:
		return "{}"
	}
	return "[]"
}

// zero writes the zero value of every optional attribute whose zero the API accepts.
func (d deriver) zero(b *Body, n *Node) {
	for _, it := range b.Items {
		c := n.Child(it.Name)
		if it.Block != nil {
			d.zero(it.Block, c)
			continue
		}
		if c.Needed() || d.kept(c) || c.WriteOnly || c.ZeroRefused {
			continue
		}
		if c.Kind == Object {
			continue
		}
		*it = Item{Name: it.Name, Expr: zeroOf(c)}
	}
}

// nonLatin replaces free text by non-Latin text; false when there is none to replace.
func (d deriver) nonLatin(b *Body, n *Node) bool {
	changed := false
	for _, it := range b.Items {
		c := n.Child(it.Name)
		if it.Block != nil {
			changed = d.nonLatin(it.Block, c) || changed
			continue
		}
		if !c.FreeText() || c.Sensitive || c.WriteOnly || d.notText(c) {
			continue
		}
		switch {
		case c.Kind == String && isLiteral(it.Expr):
			it.Expr = strconv.Quote(NonLatin + " " + nMark) // unique where names must be
			changed = true
		case c.Kind == Map && it.Object:
			elems := make([]string, len(it.Elems))
			for i, e := range it.Elems {
				k, _, _ := strings.Cut(e, " = ")
				elems[i] = k + " = " + strconv.Quote(NonLatin)
			}
			it.SetElems(elems)
			changed = len(elems) > 0 || changed
		}
	}
	return changed
}

// isLiteral reports whether an expression is a plain quoted string without interpolation.
func isLiteral(expr string) bool {
	if len(expr) < 2 || expr[0] != '"' || expr[len(expr)-1] != '"' || strings.Contains(expr, "${") {
		return false
	}
	_, err := strconv.Unquote(expr)
	return err == nil
}

// extreme puts numbers at a bound of their validators and keys at their longest; false when
// nothing has a bound.
func (d deriver) extreme(b *Body, n *Node, max bool) bool {
	changed := false
	for _, it := range b.Items {
		c := n.Child(it.Name)
		if it.Block != nil {
			changed = d.extreme(it.Block, c, max) || changed
			continue
		}
		if c.Kind == Number {
			bound := c.Min
			if max {
				bound = c.Max
			}
			if bound != nil {
				it.Expr = bound.Text('g', -1)
				it.Elems, it.Tuple, it.Object = nil, false, false
				changed = true
			}
		}
		if max && c.Kind == String && c.keyPattern && c.MaxLen > 0 && isLiteral(it.Expr) && !d.notText(c) &&
			d.r.Skip[c.Path+":"+FLongest] == "" {
			it.Expr = `"` + strings.Repeat("k", c.MaxLen) + `"` // made unique by finish
			changed = true
		}
	}
	return changed
}

// defaults writes out every default the schema or the recipe knows; false when there is none.
func (d deriver) defaults(b *Body, n *Node) bool {
	changed := false
	for _, c := range n.Children {
		if !c.Settable() || c.Name == "timeouts" {
			continue
		}
		def := c.Default
		if rd, ok := d.r.Defaults[c.Path]; ok {
			def = rd
		}
		if slices.Contains(d.noDefaults, c.Path) {
			continue
		}
		if c.Kind.IsBlock() {
			blocks := b.Blocks(c.Name)
			if def != "" && len(blocks) == 0 {
				inner, err := ParseBody(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(def), "{"), "}"))
				if err == nil {
					b.Items = append(b.Items, &Item{Name: c.Name, Block: inner})
					changed = true
				}
				continue
			}
			for _, blk := range blocks {
				changed = d.defaults(blk.Block, c) || changed
			}
			continue
		}
		if def == "" || c.Required {
			continue
		}
		b.Set(c.Name, def)
		changed = true
	}
	return changed
}

// dropBlocksWithoutDefaults removes the optional blocks of a defaults variant that hold no
// default: they only come from the bare body the variant started from.
func (d deriver) dropBlocksWithoutDefaults(b *Body, n *Node, _ *Body) {
	out := b.Items[:0]
	for _, it := range b.Items {
		if it.Block == nil {
			out = append(out, it)
			continue
		}
		c := n.Child(it.Name)
		if c.MustAppear() || d.kept(c) || d.hasDefault(it.Block, c) {
			d.dropBlocksWithoutDefaults(it.Block, c, nil)
			out = append(out, it)
		}
	}
	b.Items = out
}

// hasDefault reports whether a block body writes a default out.
func (d deriver) hasDefault(b *Body, n *Node) bool {
	for _, it := range b.Items {
		c := n.Child(it.Name)
		if it.Block != nil {
			if d.hasDefault(it.Block, c) {
				return true
			}
			continue
		}
		if def := d.r.Defaults[c.Path]; def != "" && it.Expr == def || c.Default != "" && it.Expr == c.Default {
			return true
		}
	}
	return false
}

// finish gives an instance its unique values: {{n}} placeholders, the key, long keys made unique.
func finish(b *Body, s *Schema, v string, n int, r *Recipe) {
	long := 0
	var fill func(b *Body, node *Node, top bool)
	fill = func(b *Body, node *Node, top bool) {
		for _, it := range b.Items {
			c := node.Child(it.Name)
			if it.Block != nil {
				fill(it.Block, c, false)
				continue
			}
			it.Expr = strings.ReplaceAll(it.Expr, nMark, strconv.Itoa(n))
			for i, e := range it.Elems {
				it.Elems[i] = strings.ReplaceAll(e, nMark, strconv.Itoa(n))
			}
			if strings.HasPrefix(it.Expr, `"kkkk`) {
				long++
				suffix := fmt.Sprintf("-%s-%d-%d", initials(s.Type), n, long)
				it.Expr = `"` + strings.Repeat("k", c.MaxLen-len(suffix)) + suffix + `"`
				continue
			}
			if top && c.Name == "key" && isLiteral(it.Expr) && it.Expr != `""` && !strings.Contains(r.Type, "custom_object") {
				it.Expr = strconv.Quote(fmt.Sprintf("%s-%s-%d", strings.ReplaceAll(strings.TrimPrefix(s.Type, "commercetools_"), "_", "-"), v, n))
			}
		}
	}
	fill(b, s.Root, true)
}

// initials abbreviates a resource type: commercetools_business_unit_company is "buc".
func initials(typ string) string {
	var b strings.Builder
	for _, w := range strings.Split(strings.TrimPrefix(typ, "commercetools_"), "_") {
		if w != "" {
			b.WriteByte(w[0])
		}
	}
	return b.String()
}

// Coverage is what forms each attribute and block was put in, per type.
type Coverage struct {
	Type string
	// Forms maps a dotted path to the forms it was put in.
	Forms map[string]map[string]bool
	// Missing maps "path:form" to why it was not covered ("" if the recipe gives no reason).
	Missing map[string]string
}

// Covered counts the (attribute, form) pairs covered.
func (c Coverage) Covered() int {
	n := 0
	for _, f := range c.Forms {
		n += len(f)
	}
	return n
}

// Expected lists the forms an attribute or block should be put in.
func Expected(n *Node, r *Recipe) []string {
	if n.Kind.IsBlock() {
		out := []string{FOne}
		if !n.MustAppear() {
			out = append(out, FAbsent)
		}
		for _, c := range n.Children {
			if c.Optional && !c.Required && c.Name != "id" {
				out = append(out, FBare)
				break
			}
		}
		if n.Kind != BlockSingle && n.MaxItems != 1 {
			out = append(out, FMany)
		}
		return out
	}
	if n.Needed() {
		out := []string{FOne}
		if n.MinItems > 1 {
			out = []string{FMany}
		}
		if n.FreeText() && !n.Sensitive && !slices.Contains(r.NotText, n.Path) {
			out = append(out, FNonLatin)
		}
		return out
	}
	out := []string{FAbsent, FNull}
	if n.MinItems <= 1 {
		out = append(out, FOne)
	}
	if !n.WriteOnly && n.Kind != Object {
		out = append(out, FZero)
	}
	if n.Kind.IsCollection() && n.MaxItems != 1 {
		out = append(out, FMany)
	}
	if n.FreeText() && !n.Sensitive && !n.WriteOnly && !slices.Contains(r.NotText, n.Path) {
		out = append(out, FNonLatin)
	}
	if n.Default != "" || r.Defaults[n.Path] != "" {
		out = append(out, FDefault)
	}
	if n.Kind == Number && n.Min != nil {
		out = append(out, FMin)
	}
	if n.Kind == Number && n.Max != nil {
		out = append(out, FMax)
	}
	if n.Kind == String && n.keyPattern && n.MaxLen > 0 && !slices.Contains(r.NotText, n.Path) {
		out = append(out, FLongest)
	}
	return out
}

// Measure works out the coverage of the instances.
func Measure(s *Schema, r *Recipe, insts []Instance) Coverage {
	cov := Coverage{Type: s.Type, Forms: map[string]map[string]bool{}, Missing: map[string]string{}}
	mark := func(p, f string) {
		if cov.Forms[p] == nil {
			cov.Forms[p] = map[string]bool{}
		}
		cov.Forms[p][f] = true
	}
	var visit func(b *Body, n *Node)
	visit = func(b *Body, n *Node) {
		for _, c := range n.Children {
			if !c.Settable() || c.Name == "timeouts" || c.Name == "id" && !c.Optional {
				continue
			}
			if c.Kind.IsBlock() {
				blocks := b.Blocks(c.Name)
				switch {
				case len(blocks) == 0:
					mark(c.Path, FAbsent)
				case len(blocks) > 1:
					mark(c.Path, FMany)
				default:
					bare := true
					for _, it := range blocks[0].Block.Items {
						if cc := c.Child(it.Name); cc != nil && !cc.Needed() && !cc.Kind.IsBlock() {
							bare = false
						}
					}
					if bare {
						mark(c.Path, FBare)
					}
					mark(c.Path, FOne)
				}
				for _, blk := range blocks {
					visit(blk.Block, c)
				}
				continue
			}
			it := b.Attr(c.Name)
			if it == nil {
				mark(c.Path, FAbsent)
				continue
			}
			for _, f := range classify(c, it, r) {
				mark(c.Path, f)
			}
		}
	}
	for _, in := range insts {
		visit(in.Body, s.Root)
	}
	kept := map[string]bool{}
	literal := map[string]bool{}
	for _, sh := range r.Shapes {
		for _, k := range sh.Keep {
			kept[k] = true
		}
		if b, err := ParseBody(strings.ReplaceAll(sh.Body, "{{n}}", nMark)); err == nil {
			literals(b, "", literal)
		}
	}
	s.Walk(func(n *Node) {
		if n.Name == "id" && !n.Optional || n.Name == "timeouts" {
			return
		}
		for _, f := range Expected(n, r) {
			if cov.Forms[n.Path][f] {
				continue
			}
			if (f == FNonLatin || f == FLongest) && !literal[n.Path] {
				continue // the recipes refer to other resources there: no text of their own
			}
			why := r.Skip[n.Path+":"+f]
			for p := n.Path; why == "" && p != ""; {
				why = r.Skip[p]
				if i := strings.LastIndex(p, "."); i >= 0 {
					p = p[:i]
				} else {
					p = ""
				}
			}
			if why == "" && f == FZero && r.Zero[n.Path] != "" {
				why = "the API refuses it; refused at plan time (checked separately)"
			}
			if why == "" && kept[n.Path] && (f == FAbsent || f == FNull || f == FZero || f == FMin) {
				why = "the API needs it in the shapes that have it"
			}
			if why == "" && f == FBare {
				for k := range kept {
					if strings.HasPrefix(k, n.Path+".") {
						why = "the API needs some of its optional attributes in every shape"
					}
				}
			}
			cov.Missing[n.Path+":"+f] = why
		}
	})
	return cov
}

// literals marks the paths a body writes a literal string (or a map of them) at.
func literals(b *Body, at string, out map[string]bool) {
	for _, it := range b.Items {
		p := it.Name
		if at != "" {
			p = at + "." + it.Name
		}
		if it.Block != nil {
			literals(it.Block, p, out)
			continue
		}
		if isLiteral(it.Expr) || it.Object && len(it.Elems) > 0 && isLiteral(strings.SplitN(it.Elems[0], " = ", 2)[len(strings.SplitN(it.Elems[0], " = ", 2))-1]) {
			out[p] = true
		}
	}
}

// classify names the forms an attribute item is in (0 can be the zero and the minimum).
func classify(n *Node, it *Item, r *Recipe) []string {
	e := strings.TrimSpace(it.Expr)
	var out []string
	if e == "null" {
		return []string{FNull}
	}
	if e == `""` || e == "0" || e == "false" || e == "{}" || e == "[]" {
		out = append(out, FZero)
	}
	if def := r.Defaults[n.Path]; def != "" && e == def || n.Default != "" && e == n.Default {
		out = append(out, FDefault)
	}
	switch {
	case it.Tuple || it.Object && n.Kind != Object:
		switch {
		case len(it.Elems) > 1:
			out = append(out, FMany)
		case len(it.Elems) == 1:
			out = append(out, FOne)
		}
		if n.Kind == Map && strings.Contains(e, NonLatin) {
			out = append(out, FNonLatin)
		}
	case n.Kind == String && isLiteral(e):
		s, _ := strconv.Unquote(e)
		switch {
		case strings.HasPrefix(s, NonLatin):
			out = append(out, FNonLatin)
		case n.keyPattern && n.MaxLen > 0 && utf8.RuneCountInString(s) == n.MaxLen:
			out = append(out, FLongest)
		case s != "":
			out = append(out, FOne)
		}
	case n.Kind == Number:
		if f, _, err := big.ParseFloat(e, 10, 64, big.ToNearestEven); err == nil {
			if n.Max != nil && f.Cmp(n.Max) == 0 {
				out = append(out, FMax)
			}
			if n.Min != nil && f.Cmp(n.Min) == 0 {
				out = append(out, FMin)
			}
			if f.Sign() != 0 {
				out = append(out, FOne)
			}
		} else {
			out = append(out, FOne)
		}
	case n.Kind == Bool:
		if e != "false" {
			out = append(out, FOne)
		}
	default:
		out = append(out, FOne)
	}
	return out
}

// Table renders coverages as a Markdown table: covered pairs per type and what is missing.
func Table(covs []Coverage) string {
	sort.Slice(covs, func(i, j int) bool { return covs[i].Type < covs[j].Type })
	var w strings.Builder
	w.WriteString("| type | attributes and blocks | forms covered | not covered |\n|---|--:|--:|---|\n")
	total, missing := 0, 0
	for _, c := range covs {
		var miss []string
		for k, why := range c.Missing {
			if why == "" {
				why = "no reason given"
			}
			miss = append(miss, k+" ("+why+")")
		}
		sort.Strings(miss)
		fmt.Fprintf(&w, "| %s | %d | %d | %s |\n", c.Type, len(c.Forms), c.Covered(), strings.Join(miss, "; "))
		total += c.Covered()
		missing += len(miss)
	}
	fmt.Fprintf(&w, "| all | | %d | %d |\n", total, missing)
	return w.String()
}
