package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// valueTree is what the shortcuts must check below an object of a schema: the static defaults of
// nested attributes and the write-only attributes, by name, with the nested attributes and
// blocks that lead to them. Attributes and blocks with nothing to check below are left out.
type valueTree map[string]*valueNode

type valueNode struct {
	def       *tftypes.Value // the static default of a nested attribute
	writeOnly bool
	nesting   nestKind  // how children are held
	children  valueTree // nil: nothing to check below
}

type nestKind int

const (
	nestingSingle nestKind = iota
	nestingList
	nestingSet
	nestingMap
)

// nestedTree builds the tree of an object's attributes and blocks, or says why the plan shortcut
// cannot take a default (one that is not the framework's static string, bool or int64). top says
// whether the object is the resource itself, whose defaults planShortcut.defaults holds.
func nestedTree(ctx context.Context, attrs map[string]schema.Attribute, blocks map[string]schema.Block, top bool) (valueTree, string) {
	var t valueTree
	add := func(name string, n *valueNode) {
		if n.def == nil && !n.writeOnly && n.children == nil {
			return
		}
		if t == nil {
			t = valueTree{}
		}
		t[name] = n
	}
	for name, a := range attrs {
		n := &valueNode{writeOnly: a.IsWriteOnly()}
		if !top {
			d, ok, known := defaultOf(ctx, name, a)
			if !known {
				return nil, name + ": a nested default other than the framework's static string, bool or int64"
			}
			if ok {
				n.def = &d
			}
		}
		var inner map[string]schema.Attribute
		switch x := a.(type) {
		case schema.ListNestedAttribute:
			inner, n.nesting = x.NestedObject.Attributes, nestingList
		case schema.SetNestedAttribute:
			inner, n.nesting = x.NestedObject.Attributes, nestingSet
		case schema.MapNestedAttribute:
			inner, n.nesting = x.NestedObject.Attributes, nestingMap
		case schema.SingleNestedAttribute:
			inner, n.nesting = x.Attributes, nestingSingle
		}
		if inner != nil {
			children, why := nestedTree(ctx, inner, nil, false)
			if why != "" {
				return nil, name + ": " + why
			}
			n.children = children
		}
		add(name, n)
	}
	for name, b := range blocks {
		if w, ok := b.(interface{ Unwrapped() schema.Block }); ok {
			b = w.Unwrapped()
		}
		n := &valueNode{}
		var ia map[string]schema.Attribute
		var ib map[string]schema.Block
		switch x := b.(type) {
		case schema.ListNestedBlock:
			ia, ib, n.nesting = x.NestedObject.Attributes, x.NestedObject.Blocks, nestingList
		case schema.SetNestedBlock:
			ia, ib, n.nesting = x.NestedObject.Attributes, x.NestedObject.Blocks, nestingSet
		case schema.SingleNestedBlock:
			ia, ib, n.nesting = x.Attributes, x.Blocks, nestingSingle
		default:
			return nil, name + ": a block kind the shortcut does not know"
		}
		children, why := nestedTree(ctx, ia, ib, false)
		if why != "" {
			return nil, name + ": " + why
		}
		n.children = children
		add(name, n)
	}
	return t, ""
}

// hasDefaults reports whether any attribute of the tree has a default.
func (t valueTree) hasDefaults() bool {
	for _, n := range t {
		if n.def != nil || n.children.hasDefaults() {
			return true
		}
	}
	return false
}

// keeps reports whether the framework's plan steps that the tree stands for leave prior as it
// is: applying the nested defaults where cfg (the configuration at the same place; a zero or
// null value for none) is null, and nulling the write-only attributes. Where it cannot tell, it
// answers false (the framework then plans).
func (t valueTree) keeps(cfg, prior tftypes.Value) bool {
	if prior.IsNull() {
		return true // the framework transforms only the values below that exist
	}
	if !prior.IsKnown() {
		return false
	}
	var pa, ca map[string]tftypes.Value
	if prior.As(&pa) != nil {
		return false
	}
	if cfg.Type() != nil && !cfg.IsNull() {
		if !cfg.IsKnown() || cfg.As(&ca) != nil {
			return false
		}
	}
	for name, n := range t {
		pv, ok := pa[name]
		if !ok {
			return false
		}
		cv := ca[name] // zero (null) when the configuration has none here
		if n.writeOnly && !pv.IsNull() {
			return false
		}
		if n.def != nil && cv.IsNull() && !pv.Equal(*n.def) {
			return false
		}
		if n.children == nil || pv.IsNull() {
			continue
		}
		if !n.childrenKeep(cv, pv) {
			return false
		}
	}
	return true
}

func (n *valueNode) childrenKeep(cfg, prior tftypes.Value) bool {
	if !prior.IsKnown() {
		return false
	}
	if n.nesting == nestingSingle {
		return n.children.keeps(cfg, prior)
	}
	defaults := n.children.hasDefaults()
	if cfg.Type() != nil && !cfg.IsNull() && !cfg.IsKnown() && defaults {
		return false
	}
	switch n.nesting {
	case nestingList, nestingSet:
		var pe, ce []tftypes.Value
		if prior.As(&pe) != nil {
			return false
		}
		if n.nesting == nestingList && defaults {
			// Elements are matched with the configuration's by index: they must line up.
			if cfg.Type() == nil || cfg.IsNull() || cfg.As(&ce) != nil || len(ce) != len(pe) {
				return false
			}
		}
		for i, e := range pe {
			var c tftypes.Value // sets: the default must hold whatever the configuration says
			if ce != nil {
				c = ce[i]
			}
			if !n.children.keeps(c, e) {
				return false
			}
		}
	case nestingMap:
		var pm, cm map[string]tftypes.Value
		if prior.As(&pm) != nil {
			return false
		}
		if defaults && cfg.Type() != nil && !cfg.IsNull() && cfg.As(&cm) != nil {
			return false
		}
		for k, e := range pm {
			if !n.children.keeps(cm[k], e) {
				return false
			}
		}
	}
	return true
}

// writeOnlyNull reports whether every write-only attribute of v is null.
func (t valueTree) writeOnlyNull(v tftypes.Value) bool {
	if v.IsNull() {
		return true
	}
	if !v.IsKnown() {
		return false
	}
	var attrs map[string]tftypes.Value
	if v.As(&attrs) != nil {
		return false
	}
	for name, n := range t {
		av := attrs[name]
		if n.writeOnly && !av.IsNull() {
			return false
		}
		if n.children == nil || av.IsNull() {
			continue
		}
		if !av.IsKnown() {
			return false
		}
		switch n.nesting {
		case nestingSingle:
			if !n.children.writeOnlyNull(av) {
				return false
			}
		case nestingList, nestingSet:
			var es []tftypes.Value
			if av.As(&es) != nil {
				return false
			}
			for _, e := range es {
				if !n.children.writeOnlyNull(e) {
					return false
				}
			}
		case nestingMap:
			var em map[string]tftypes.Value
			if av.As(&em) != nil {
				return false
			}
			for _, e := range em {
				if !n.children.writeOnlyNull(e) {
					return false
				}
			}
		}
	}
	return true
}
