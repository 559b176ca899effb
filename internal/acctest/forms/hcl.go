package forms

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// Body is the body of a resource or of one of its blocks, as a recipe wrote it.
type Body struct {
	Items []*Item
}

// Item is one attribute or block of a body.
type Item struct {
	Name  string
	Block *Body // a block; nil for an attribute
	// Expr is the attribute's expression as written. For a tuple or object literal, Elems holds
	// its items as written (an object's as "key = value").
	Expr   string
	Elems  []string
	Tuple  bool
	Object bool
}

// ParseBody reads an HCL body (what goes between the braces of a resource block).
func ParseBody(src string) (*Body, error) {
	text := "resource \"x\" \"x\" {\n" + src + "\n}\n"
	f, diags := hclsyntax.ParseConfig([]byte(text), "recipe.tf", hcl.InitialPos)
	if diags.HasErrors() {
		return nil, fmt.Errorf("%s", diags.Error())
	}
	root, ok := f.Body.(*hclsyntax.Body)
	if !ok || len(root.Blocks) != 1 {
		return nil, fmt.Errorf("one body expected")
	}
	return fromSyntax(root.Blocks[0].Body, []byte(text)), nil
}

func fromSyntax(b *hclsyntax.Body, src []byte) *Body {
	type positioned struct {
		at   int
		item *Item
	}
	var items []positioned
	for name, a := range b.Attributes {
		it := &Item{Name: name, Expr: string(a.Expr.Range().SliceBytes(src))}
		switch e := a.Expr.(type) {
		case *hclsyntax.TupleConsExpr:
			it.Tuple = true
			it.Elems = []string{}
			for _, x := range e.Exprs {
				it.Elems = append(it.Elems, string(x.Range().SliceBytes(src)))
			}
		case *hclsyntax.ObjectConsExpr:
			it.Object = true
			it.Elems = []string{}
			for _, x := range e.Items {
				it.Elems = append(it.Elems, string(x.KeyExpr.Range().SliceBytes(src))+" = "+string(x.ValueExpr.Range().SliceBytes(src)))
			}
		}
		items = append(items, positioned{a.SrcRange.Start.Byte, it})
	}
	for _, blk := range b.Blocks {
		items = append(items, positioned{blk.TypeRange.Start.Byte, &Item{Name: blk.Type, Block: fromSyntax(blk.Body, src)}})
	}
	sort.Slice(items, func(i, j int) bool { return items[i].at < items[j].at })
	out := &Body{}
	for _, p := range items {
		out.Items = append(out.Items, p.item)
	}
	return out
}

// Clone copies the body deeply.
func (b *Body) Clone() *Body {
	out := &Body{Items: make([]*Item, len(b.Items))}
	for i, it := range b.Items {
		c := *it
		if it.Block != nil {
			c.Block = it.Block.Clone()
		}
		if it.Elems != nil {
			c.Elems = append([]string{}, it.Elems...)
		}
		out.Items[i] = &c
	}
	return out
}

// Attr returns the attribute of that name, or nil.
func (b *Body) Attr(name string) *Item {
	for _, it := range b.Items {
		if it.Block == nil && it.Name == name {
			return it
		}
	}
	return nil
}

// Blocks returns the blocks of that type.
func (b *Body) Blocks(name string) []*Item {
	var out []*Item
	for _, it := range b.Items {
		if it.Block != nil && it.Name == name {
			out = append(out, it)
		}
	}
	return out
}

// Set writes an attribute (replacing one of that name, or adding it).
func (b *Body) Set(name, expr string) {
	it := &Item{Name: name, Expr: expr}
	for i, x := range b.Items {
		if x.Block == nil && x.Name == name {
			b.Items[i] = it
			return
		}
	}
	b.Items = append(b.Items, it)
}

// Remove removes attributes and blocks of that name.
func (b *Body) Remove(name string) {
	out := b.Items[:0]
	for _, it := range b.Items {
		if it.Name != name {
			out = append(out, it)
		}
	}
	b.Items = out
}

// SetElems replaces the items of a tuple or object literal.
func (it *Item) SetElems(elems []string) {
	it.Elems = elems
	if it.Object {
		it.Expr = "{ " + strings.Join(elems, ", ") + " }"
		if len(elems) == 0 {
			it.Expr = "{}"
		}
		return
	}
	it.Expr = "[" + strings.Join(elems, ", ") + "]"
}

// Render writes the body as HCL at the given indentation.
func (b *Body) Render(w *strings.Builder, indent string) {
	for _, it := range b.Items {
		if it.Block != nil {
			fmt.Fprintf(w, "%s%s {\n", indent, it.Name)
			it.Block.Render(w, indent+"  ")
			fmt.Fprintf(w, "%s}\n", indent)
			continue
		}
		fmt.Fprintf(w, "%s%s = %s\n", indent, it.Name, it.Expr)
	}
}

// Resource renders a resource block.
func Resource(typ, name string, b *Body) string {
	var w strings.Builder
	fmt.Fprintf(&w, "resource %q %q {\n", typ, name)
	b.Render(&w, "  ")
	w.WriteString("}\n")
	return w.String()
}

// Format formats HCL as terraform fmt does.
func Format(src string) string { return string(hclwrite.Format([]byte(src))) }
