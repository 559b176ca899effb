package framework

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// TestCacheBlockTypes: the wrapped schema has the type of the original, at every level.
func TestCacheBlockTypes(t *testing.T) {
	inner := schema.ListNestedBlock{NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
		"key": schema.StringAttribute{Required: true}}}}
	s := schema.Schema{
		Attributes: map[string]schema.Attribute{"name": schema.StringAttribute{Required: true}},
		Blocks: map[string]schema.Block{
			"list": schema.ListNestedBlock{NestedObject: schema.NestedBlockObject{
				Attributes: map[string]schema.Attribute{"label": schema.MapAttribute{ElementType: types.StringType, Optional: true}},
				Blocks:     map[string]schema.Block{"inner": inner},
			}},
			"set": schema.SetNestedBlock{NestedObject: schema.NestedBlockObject{Blocks: map[string]schema.Block{"inner": inner}}},
		},
	}
	c := CacheBlockTypes(s)
	if !c.Type().Equal(s.Type()) {
		t.Fatalf("types differ:\n%v\n%v", c.Type(), s.Type())
	}
	l, ok := c.Blocks["list"].(cachedList)
	if !ok {
		t.Fatalf("list block not wrapped: %T", c.Blocks["list"])
	}
	if _, ok := l.NestedObject.Blocks["inner"].(cachedList); !ok {
		t.Fatalf("inner block not wrapped: %T", l.NestedObject.Blocks["inner"])
	}
	if _, ok := s.Blocks["list"].(schema.ListNestedBlock); !ok {
		t.Fatal("the original schema was changed")
	}
}
