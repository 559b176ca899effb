package versioned

import (
	"context"
	"testing"

	ds "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestDataSourceSchema(t *testing.T) {
	rs := WithCommon(context.Background(), schema.Schema{
		Attributes: map[string]schema.Attribute{
			"key":   schema.StringAttribute{Required: true, MarkdownDescription: "k"},
			"roles": schema.ListAttribute{Required: true, ElementType: types.StringType, MarkdownDescription: "r"},
		},
		Blocks: map[string]schema.Block{
			"address": schema.ListNestedBlock{MarkdownDescription: "a", NestedObject: schema.NestedBlockObject{
				Attributes: map[string]schema.Attribute{"city": schema.StringAttribute{Optional: true, MarkdownDescription: "c"}},
				Blocks: map[string]schema.Block{"inner": schema.ListNestedBlock{NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{"x": schema.StringAttribute{Optional: true}}}}},
			}},
		},
	}, "thing")
	d := DataSourceSchema(rs, "thing")
	if k, ok := d.Attributes["key"].(ds.StringAttribute); !ok || !k.Required {
		t.Errorf("key must be required: %#v", d.Attributes["key"])
	}
	for _, name := range []string{"id", "version", "roles", "address"} {
		if !d.Attributes[name].IsComputed() || d.Attributes[name].IsRequired() || d.Attributes[name].IsOptional() {
			t.Errorf("%s must be computed only", name)
		}
	}
	addr, ok := d.Attributes["address"].(ds.ListNestedAttribute)
	if !ok || !addr.NestedObject.Attributes["inner"].IsComputed() {
		t.Errorf("blocks become computed nested attributes, nested blocks too: %#v", d.Attributes["address"])
	}
	if to, ok := d.Attributes["timeouts"].(ds.SingleNestedAttribute); !ok || len(to.Attributes) != 1 || to.Attributes["read"] == nil {
		t.Errorf("timeouts must offer read only: %#v", d.Attributes["timeouts"])
	}
	if len(d.Blocks) != 0 {
		t.Errorf("a data source by key has no blocks")
	}
}
