package framework

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// CacheBlockTypes returns s with every list and set nested block wrapped so that its type is
// built once. terraform-plugin-framework looks up the schema type of every value of every
// request (to turn empty blocks into null ones), and a block builds its type, with all the
// blocks below it, on each lookup: for a product type with a thousand enum values that was
// most of the provider's CPU time. The wrapped blocks behave as the originals in every other way.
func CacheBlockTypes(s schema.Schema) schema.Schema {
	s.Blocks = cacheBlocks(s.Blocks)
	return s
}

func cacheBlocks(blocks map[string]schema.Block) map[string]schema.Block {
	if len(blocks) == 0 {
		return blocks
	}
	out := make(map[string]schema.Block, len(blocks))
	for name, b := range blocks {
		switch b := b.(type) {
		case schema.ListNestedBlock:
			b.NestedObject.Blocks = cacheBlocks(b.NestedObject.Blocks)
			out[name] = cachedList{ListNestedBlock: b, typ: b.Type()}
		case schema.SetNestedBlock:
			b.NestedObject.Blocks = cacheBlocks(b.NestedObject.Blocks)
			out[name] = cachedSet{SetNestedBlock: b, typ: b.Type()}
		default:
			out[name] = b
		}
	}
	return out
}

type cachedList struct {
	schema.ListNestedBlock
	typ attr.Type
}

// Type returns the type built when the block was wrapped.
func (b cachedList) Type() attr.Type { return b.typ }

type cachedSet struct {
	schema.SetNestedBlock
	typ attr.Type
}

// Type returns the type built when the block was wrapped.
func (b cachedSet) Type() attr.Type { return b.typ }

// Unwrapped returns the block as it was before CacheBlockTypes.
func (b cachedList) Unwrapped() schema.Block { return b.ListNestedBlock }

// Unwrapped returns the block as it was before CacheBlockTypes.
func (b cachedSet) Unwrapped() schema.Block { return b.SetNestedBlock }
