// Package forms writes configurations that nobody wrote by hand. For every resource type of the
// provider it takes the type's schema and a recipe (valid values for the attributes whose values
// the schema cannot invent: enumerations it checks by description, references, predicates) and
// derives instances that put every optional attribute and block in each of its forms: absent,
// null, the zero value ("" / 0 / false / {} / []), one element, several, non-Latin text, the
// longest key and the extreme numbers the validators allow, and the defaults written out. Run
// drives them through the Terraform or OpenTofu binary of TF_ACC_TERRAFORM_PATH against an
// emulator: apply, an empty plan, import by id and by key with an empty plan after each, and a
// destroy that leaves nothing behind. Coverage reports, per type, which forms each attribute was
// put in and which it could not be put in, with the reason.
package forms

import (
	"context"
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/defaults"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Kind is what an attribute or block holds.
type Kind int

// The kinds of attributes and blocks.
const (
	String Kind = iota
	Number
	Bool
	Map
	List
	Set
	Object      // a nested attribute of object type
	BlockList   // a list nested block
	BlockSet    // a set nested block
	BlockSingle // a single nested block
)

func (k Kind) String() string {
	return [...]string{"string", "number", "bool", "map", "list", "set", "object", "list block", "set block", "single block"}[k]
}

// IsBlock reports whether the kind is a nested block.
func (k Kind) IsBlock() bool { return k >= BlockList }

// IsCollection reports whether the kind is a map, list or set attribute.
func (k Kind) IsCollection() bool { return k == Map || k == List || k == Set }

// Node is one attribute or block of a resource schema.
type Node struct {
	Name string
	// Path is the dotted path from the resource ("address.city"); blocks have no index.
	Path                         string
	Kind                         Kind
	Elem                         Kind // element kind of a collection attribute
	Required, Optional, Computed bool
	Sensitive, WriteOnly         bool
	Default                      string // HCL of the schema's static default, "" for none
	MinItems, MaxItems           int    // of blocks and collections, from validators (0: none)
	Min, Max                     *big.Float
	MinLen, MaxLen               int // of strings, from validators (0: none)
	OneOf                        []string
	Validators                   []string // descriptions
	Children                     []*Node  // of blocks and object attributes, by name
	ConflictsWith                []string
	JSON                         bool // a custom type holding a JSON document
	// ZeroRefused says the validators refuse the zero value: the zero form is a plan-time error.
	ZeroRefused                                bool
	byName                                     map[string]*Node
	parent                                     *Node
	attrType                                   attr.Type
	elementOneOf                               []string
	element                                    string   // description of the element validators
	requiredBlock                              bool     // a block that must be present (validator)
	requiredIn                                 []string // attributes the block needs whenever it is present
	keyPattern, countryCode, currency, decimal bool
	timestamp                                  bool
}

// Child returns the attribute or block of that name, or nil.
func (n *Node) Child(name string) *Node { return n.byName[name] }

// Needed reports whether the attribute must be written wherever its block is: required, or
// required by a validator of the block.
func (n *Node) Needed() bool {
	return n.Required || n.parent != nil && slices.Contains(n.parent.requiredIn, n.Name)
}

// Settable reports whether a configuration may set the attribute or block.
func (n *Node) Settable() bool { return n.Required || n.Optional || n.Kind.IsBlock() }

// MustAppear reports whether a configuration must hold it.
func (n *Node) MustAppear() bool {
	if n.Kind.IsBlock() {
		return n.requiredBlock || n.MinItems > 0
	}
	return n.Required
}

// Schema is a resource type's schema as the generator sees it.
type Schema struct {
	Type    string
	Version int64
	Root    *Node
	// Identity names the attributes of the type's resource identity, sorted (none: no identity).
	Identity []string
}

// Walk visits every settable attribute and block, parents first, in name order.
func (s *Schema) Walk(fn func(n *Node)) { walk(s.Root, fn) }

func walk(n *Node, fn func(*Node)) {
	for _, c := range n.Children {
		if !c.Settable() || c.Name == "timeouts" && c.parent.parent == nil {
			continue
		}
		fn(c)
		walk(c, fn)
	}
}

// Lookup returns the node at a dotted path, or nil.
func (s *Schema) Lookup(p string) *Node {
	n := s.Root
	for _, part := range strings.Split(p, ".") {
		if n = n.Child(part); n == nil {
			return nil
		}
	}
	return n
}

// FromResource reads the schema of a framework resource.
func FromResource(ctx context.Context, r resource.Resource) *Schema {
	var md resource.MetadataResponse
	r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "commercetools"}, &md)
	var sr resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sr)
	root := &Node{Kind: BlockSingle, byName: map[string]*Node{}}
	addAttributes(ctx, root, sr.Schema.Attributes)
	addBlocks(ctx, root, sr.Schema.Blocks)
	s := &Schema{Type: md.TypeName, Version: sr.Schema.Version, Root: root}
	if ri, ok := r.(resource.ResourceWithIdentity); ok {
		var ir resource.IdentitySchemaResponse
		ri.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &ir)
		for name := range ir.IdentitySchema.Attributes {
			s.Identity = append(s.Identity, name)
		}
		sort.Strings(s.Identity)
	}
	return s
}

func childPath(parent *Node, name string) string {
	if parent.Path == "" {
		return name
	}
	return parent.Path + "." + name
}

func addChild(parent, n *Node) {
	n.parent = parent
	n.Path = childPath(parent, n.Name)
	parent.Children = append(parent.Children, n)
	parent.byName[n.Name] = n
	sort.Slice(parent.Children, func(i, j int) bool { return parent.Children[i].Name < parent.Children[j].Name })
}

type describer interface {
	Description(context.Context) string
}

func kindOf(ctx context.Context, t attr.Type) (Kind, Kind) {
	switch tt := t.TerraformType(ctx).(type) {
	case tftypes.Map:
		k, _ := kindOf(ctx, elemType(t))
		return Map, k
	case tftypes.List:
		k, _ := kindOf(ctx, elemType(t))
		return List, k
	case tftypes.Set:
		k, _ := kindOf(ctx, elemType(t))
		return Set, k
	case tftypes.Object:
		return Object, 0
	default:
		switch {
		case tt.Is(tftypes.Number):
			return Number, 0
		case tt.Is(tftypes.Bool):
			return Bool, 0
		}
	}
	return String, 0
}

func elemType(t attr.Type) attr.Type {
	if et, ok := t.(attr.TypeWithElementType); ok {
		return et.ElementType()
	}
	return nil
}

func addAttributes(ctx context.Context, parent *Node, attrs map[string]schema.Attribute) {
	for name, a := range attrs {
		n := &Node{Name: name, Required: a.IsRequired(), Optional: a.IsOptional(), Computed: a.IsComputed(),
			Sensitive: a.IsSensitive(), WriteOnly: a.IsWriteOnly(), byName: map[string]*Node{}, attrType: a.GetType()}
		n.Kind, n.Elem = kindOf(ctx, a.GetType())
		if _, ok := a.GetType().(interface {
			ValueType(context.Context) attr.Value
		}); ok {
			n.JSON = strings.Contains(strings.ToLower(fmt.Sprintf("%T", a.GetType())), "json")
		}
		var vals []describer
		switch x := a.(type) {
		case schema.StringAttribute:
			n.Default = stringDefault(ctx, x.Default)
			for _, v := range x.Validators {
				vals = append(vals, v)
				var resp validator.StringResponse
				v.ValidateString(ctx, validator.StringRequest{Path: path.Root(name), ConfigValue: types.StringValue("")}, &resp)
				n.ZeroRefused = n.ZeroRefused || resp.Diagnostics.HasError()
			}
		case schema.Int64Attribute:
			n.Default = int64Default(ctx, x.Default)
			for _, v := range x.Validators {
				if w, ok := v.(interface{ Validators() []validator.Int64 }); ok {
					for _, inner := range w.Validators() {
						vals = append(vals, inner)
					}
				} else {
					vals = append(vals, v)
				}
				var resp validator.Int64Response
				v.ValidateInt64(ctx, validator.Int64Request{Path: path.Root(name), ConfigValue: types.Int64Value(0)}, &resp)
				n.ZeroRefused = n.ZeroRefused || resp.Diagnostics.HasError()
			}
		case schema.Float64Attribute:
			n.Default = float64Default(ctx, x.Default)
			for _, v := range x.Validators {
				vals = append(vals, v)
			}
		case schema.NumberAttribute:
			for _, v := range x.Validators {
				vals = append(vals, v)
			}
		case schema.BoolAttribute:
			n.Default = boolDefault(ctx, x.Default)
			for _, v := range x.Validators {
				vals = append(vals, v)
			}
		case schema.MapAttribute:
			for _, v := range x.Validators {
				vals = append(vals, v)
			}
		case schema.ListAttribute:
			for _, v := range x.Validators {
				vals = append(vals, v)
				var resp validator.ListResponse
				v.ValidateList(ctx, validator.ListRequest{Path: path.Root(name), ConfigValue: types.ListValueMust(x.ElementType, nil)}, &resp)
				n.ZeroRefused = n.ZeroRefused || resp.Diagnostics.HasError()
			}
		case schema.SetAttribute:
			for _, v := range x.Validators {
				vals = append(vals, v)
			}
		case schema.SingleNestedAttribute:
			addAttributes(ctx, n, x.Attributes)
		case schema.ListNestedAttribute:
			addAttributes(ctx, n, x.NestedObject.Attributes)
		case schema.SetNestedAttribute:
			addAttributes(ctx, n, x.NestedObject.Attributes)
		}
		for _, v := range vals {
			n.learn(v.Description(ctx))
			if d, ok := v.(interface{ DefaultHCL() string }); ok && n.Default == "" {
				n.Default = d.DefaultHCL()
			}
		}
		addChild(parent, n)
	}
}

type unwrapper interface{ Unwrapped() schema.Block }

func addBlocks(ctx context.Context, parent *Node, blocks map[string]schema.Block) {
	for name, b := range blocks {
		if u, ok := b.(unwrapper); ok {
			b = u.Unwrapped()
		}
		n := &Node{Name: name, byName: map[string]*Node{}, Optional: true}
		var vals []describer
		switch x := b.(type) {
		case schema.ListNestedBlock:
			n.Kind = BlockList
			addChild(parent, n)
			addAttributes(ctx, n, x.NestedObject.Attributes)
			addBlocks(ctx, n, x.NestedObject.Blocks)
			for _, v := range x.Validators {
				vals = append(vals, v)
			}
		case schema.SetNestedBlock:
			n.Kind = BlockSet
			addChild(parent, n)
			addAttributes(ctx, n, x.NestedObject.Attributes)
			addBlocks(ctx, n, x.NestedObject.Blocks)
			for _, v := range x.Validators {
				vals = append(vals, v)
			}
		case schema.SingleNestedBlock:
			n.Kind = BlockSingle
			addChild(parent, n)
			addAttributes(ctx, n, x.Attributes)
			addBlocks(ctx, n, x.Blocks)
			for _, v := range x.Validators {
				vals = append(vals, v)
			}
		default:
			continue
		}
		for _, v := range vals {
			n.learn(v.Description(ctx))
		}
	}
}

var (
	reOneOf    = regexp.MustCompile(`value must be one of: \[(.*?)\]`)
	reBetween  = regexp.MustCompile(`value must be between (-?[0-9.e+]+) and (-?[0-9.e+]+)`)
	reAtLeast  = regexp.MustCompile(`^value must be at least (-?[0-9.e+]+)`)
	reAtMost   = regexp.MustCompile(`^value must be at most (-?[0-9.e+]+)`)
	reItems    = regexp.MustCompile(`(?:list|set|map) must contain at least (\d+) elements(?: and at most (\d+) elements)?`)
	reItemsMax = regexp.MustCompile(`(?:list|set|map) must contain at most (\d+) elements`)
	reLenMin   = regexp.MustCompile(`^string length must be at least (\d+)`)
	reLenRange = regexp.MustCompile(`string length must be between (\d+) and (\d+)`)
	reKeyLen   = regexp.MustCompile(`must be (\d+) to (\d+) characters of`)
	reConflict = regexp.MustCompile(`Ensure that if an attribute is set, these are not set: "\[(.*?)\]"`)
	reQuoted   = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)
	// reRequiredIn is the description of a block validator that requires an attribute of the
	// block whenever the block is present ("type_id is required in the block").
	reRequiredIn = regexp.MustCompile(`^(\w+) is required in the block`)
)

// learn reads what a validator's description says of the values the attribute takes.
func (n *Node) learn(d string) {
	n.Validators = append(n.Validators, d)
	if strings.HasPrefix(d, "element value must satisfy all validations") {
		n.element = d
		if m := reOneOf.FindStringSubmatch(d); m != nil {
			n.elementOneOf = quoted(m[1])
		}
		return
	}
	if m := reOneOf.FindStringSubmatch(d); m != nil && !strings.Contains(d, "element value") {
		n.OneOf = quoted(m[1])
	}
	if m := reBetween.FindStringSubmatch(d); m != nil {
		n.Min, n.Max = num(m[1]), num(m[2])
	}
	if m := reAtLeast.FindStringSubmatch(d); m != nil {
		n.Min = num(m[1])
	}
	if m := reAtMost.FindStringSubmatch(d); m != nil {
		n.Max = num(m[1])
	}
	if m := reItems.FindStringSubmatch(d); m != nil {
		n.MinItems, _ = strconv.Atoi(m[1])
		if m[2] != "" {
			n.MaxItems, _ = strconv.Atoi(m[2])
		}
	}
	if m := reItemsMax.FindStringSubmatch(d); m != nil {
		n.MaxItems, _ = strconv.Atoi(m[1])
	}
	if m := reLenMin.FindStringSubmatch(d); m != nil {
		n.MinLen, _ = strconv.Atoi(m[1])
	}
	if m := reLenRange.FindStringSubmatch(d); m != nil {
		n.MinLen, _ = strconv.Atoi(m[1])
		n.MaxLen, _ = strconv.Atoi(m[2])
	}
	if m := reKeyLen.FindStringSubmatch(d); m != nil {
		n.MinLen, _ = strconv.Atoi(m[1])
		n.MaxLen, _ = strconv.Atoi(m[2])
		n.keyPattern = true
	}
	if m := reConflict.FindStringSubmatch(d); m != nil {
		n.ConflictsWith = append(n.ConflictsWith, strings.Split(m[1], ",")...)
	}
	if m := reRequiredIn.FindStringSubmatch(d); m != nil {
		n.requiredIn = append(n.requiredIn, m[1])
	}
	switch {
	case strings.Contains(d, "must have a configuration value"):
		n.requiredBlock = true
	case strings.Contains(d, "country code"):
		n.countryCode = true
	case strings.Contains(d, "currency code"):
		n.currency = true
	case strings.Contains(d, "decimal strictly between 0 and 1"):
		n.decimal = true
	case strings.Contains(d, "RFC 3339"):
		n.timestamp = true
	case strings.Contains(d, "must contain only A-Z, a-z, 0-9, '_' and '-'"):
		n.keyPattern = true
	}
}

func quoted(s string) []string {
	var out []string
	for _, m := range reQuoted.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

func num(s string) *big.Float {
	f, _, err := big.ParseFloat(s, 10, 64, big.ToNearestEven)
	if err != nil {
		return nil
	}
	return f
}

// FreeText reports whether a string attribute holds text the API keeps as written (no enumeration,
// no format), so that non-Latin text and the longest values are fair values for it.
func (n *Node) FreeText() bool {
	if n.Kind != String && (n.Kind != Map || n.Elem != String) {
		return false
	}
	return n.OneOf == nil && !n.keyPattern && !n.countryCode && !n.currency && !n.decimal && !n.timestamp && !n.JSON &&
		n.element == ""
}

func stringDefault(ctx context.Context, d defaults.String) string {
	if d == nil {
		return ""
	}
	var resp defaults.StringResponse
	d.DefaultString(ctx, defaults.StringRequest{Path: path.Empty()}, &resp)
	if resp.PlanValue.IsNull() || resp.PlanValue.IsUnknown() {
		return ""
	}
	return strconv.Quote(resp.PlanValue.ValueString())
}

func int64Default(ctx context.Context, d defaults.Int64) string {
	if d == nil {
		return ""
	}
	var resp defaults.Int64Response
	d.DefaultInt64(ctx, defaults.Int64Request{Path: path.Empty()}, &resp)
	if resp.PlanValue.IsNull() || resp.PlanValue.IsUnknown() {
		return ""
	}
	return strconv.FormatInt(resp.PlanValue.ValueInt64(), 10)
}

func float64Default(ctx context.Context, d defaults.Float64) string {
	if d == nil {
		return ""
	}
	var resp defaults.Float64Response
	d.DefaultFloat64(ctx, defaults.Float64Request{Path: path.Empty()}, &resp)
	if resp.PlanValue.IsNull() || resp.PlanValue.IsUnknown() {
		return ""
	}
	return strconv.FormatFloat(resp.PlanValue.ValueFloat64(), 'g', -1, 64)
}

func boolDefault(ctx context.Context, d defaults.Bool) string {
	if d == nil {
		return ""
	}
	var resp defaults.BoolResponse
	d.DefaultBool(ctx, defaults.BoolRequest{Path: path.Empty()}, &resp)
	if resp.PlanValue.IsNull() || resp.PlanValue.IsUnknown() {
		return ""
	}
	return strconv.FormatBool(resp.PlanValue.ValueBool())
}
