package producttype

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// attributeGroup is an AttributeGroup as the API returns it; attributeGroupDraft its draft,
// whose attributes the API requires as an array.
type attributeGroup struct {
	ID          string             `json:"id"`
	Version     int64              `json:"version"`
	CreatedAt   time.Time          `json:"createdAt"`
	Key         string             `json:"key,omitempty"`
	Name        map[string]string  `json:"name"`
	Description map[string]string  `json:"description,omitempty"`
	Attributes  []attributeRefJSON `json:"attributes"`
}

type attributeGroupDraft struct {
	Key         string             `json:"key,omitempty"`
	Name        map[string]string  `json:"name"`
	Description map[string]string  `json:"description,omitempty"`
	Attributes  []attributeRefJSON `json:"attributes"`
}

// attributeRefJSON is an AttributeReference: the name of a product type attribute.
type attributeRefJSON struct {
	Key string `json:"key"`
}

type groupModel struct {
	versioned.Common
	Name        types.Map          `tfsdk:"name"`
	Description types.Map          `tfsdk:"description"`
	Attribute   []groupMemberModel `tfsdk:"attribute"`
}

type groupMemberModel struct {
	Key types.String `tfsdk:"key"`
}

func groupSchema(ctx context.Context) schema.Schema {
	return versioned.WithCommon(ctx, schema.Schema{
		Version: 0, // the incumbent's
		MarkdownDescription: "An [attribute group](https://docs.commercetools.com/api/projects/attribute-groups): a named list of " +
			"product type attributes, for user interfaces and permissions. commercetools does not check that the attributes exist; " +
			"refer to them as `commercetools_product_type.<name>.attribute[<i>].name` to make Terraform order the two.",
		Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{Optional: true,
				MarkdownDescription: "User-defined unique identifier of the attribute group, 2 to 256 characters of A-Z, a-z, 0-9, `_` and `-`.",
				Validators:          []validator.String{stringvalidator.RegexMatches(keyPattern, keyMessage)}},
			"name": schema.MapAttribute{Required: true, ElementType: types.StringType, MarkdownDescription: "Name of the attribute group by locale.",
				Validators: []validator.Map{mapvalidator.SizeAtLeast(1)}},
			"description": schema.MapAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Description of the attribute group by locale."},
		},
		Blocks: map[string]schema.Block{
			"attribute": schema.ListNestedBlock{
				MarkdownDescription: "The attributes of the group, in order, each named once.",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"key": schema.StringAttribute{Required: true, MarkdownDescription: "The name of a product type attribute.",
						Validators: []validator.String{stringvalidator.RegexMatches(keyPattern, keyMessage)}},
				}},
			},
		},
	}, "attribute group")
}

func groupDraft(_ context.Context, _ *client.Client, m *groupModel) (any, diag.Diagnostics) {
	return attributeGroupDraft{Key: m.Key.ValueString(), Name: flex.Localized(m.Name), Description: flex.Localized(m.Description),
		Attributes: members(m)}, nil
}

func members(m *groupModel) []attributeRefJSON {
	out := make([]attributeRefJSON, 0, len(m.Attribute))
	for _, a := range m.Attribute {
		out = append(out, attributeRefJSON{Key: a.Key.ValueString()})
	}
	return out
}

func groupFlatten(_ context.Context, _ *client.Client, g *attributeGroup, m *groupModel) diag.Diagnostics {
	m.Key = flex.NonEmpty(g.Key)
	m.Name = flex.LocalizedValue(g.Name)
	m.Description = flex.LocalizedValue(g.Description)
	attrs := make([]groupMemberModel, 0, len(g.Attributes))
	for _, a := range g.Attributes {
		attrs = append(attrs, groupMemberModel{Key: types.StringValue(a.Key)})
	}
	m.Attribute = attrs
	return nil
}

// groupActions sets the whole list of attributes in one action when it changed in any way.
func groupActions(_ context.Context, _ *client.Client, from, to *groupModel) ([]action, diag.Diagnostics) {
	var out []action
	if k := to.Key.ValueString(); k != from.Key.ValueString() {
		out = append(out, updates.Act("setKey", "key", flex.String(to.Key)))
	}
	if n := flex.Localized(to.Name); !flex.SameLocalized(n, flex.Localized(from.Name)) {
		out = append(out, updates.Act("changeName", "name", n))
	}
	if d := flex.Localized(to.Description); !flex.SameLocalized(d, flex.Localized(from.Description)) {
		out = append(out, updates.Act("setDescription", "description", d))
	}
	if next := members(to); !slices.Equal(members(from), next) {
		out = append(out, updates.Act("setAttributes", "attributes", next))
	}
	return out, nil
}

func groupCheck(_ context.Context, _, plan *groupModel) diag.Diagnostics {
	var diags diag.Diagnostics
	seen := map[string]bool{}
	for i, a := range plan.Attribute {
		if a.Key.IsUnknown() {
			continue
		}
		if k := a.Key.ValueString(); seen[k] {
			diags.AddAttributeError(path.Root("attribute").AtListIndex(i).AtName("key"), "Duplicate attribute",
				fmt.Sprintf("The attribute group lists %q more than once; each attribute is in a group once.", k))
		}
		seen[a.Key.ValueString()] = true
	}
	return diags
}

var groupEndpoint = &client.Endpoint[attributeGroup, action]{
	Path: "attribute-groups", Noun: "attribute group",
	Meta: func(g *attributeGroup) client.Meta {
		return client.Meta{ID: g.ID, Key: g.Key, Version: g.Version, CreatedAt: g.CreatedAt}
	},
}

var groupFamily = &versioned.Family[groupModel, *groupModel, attributeGroup, action]{
	TypeName: "attribute_group",
	Noun:     "attribute group",
	Endpoint: groupEndpoint,
	Hint:     framework.ScopesOf("attribute_groups"),
	Schema:   groupSchema,
	Draft:    groupDraft,
	Flatten:  groupFlatten,
	Actions:  groupActions,
	Check:    groupCheck,
}

// NewAttributeGroupResource returns the commercetools_attribute_group resource.
var NewAttributeGroupResource = versioned.NewResource(groupFamily)

// NewAttributeGroupDataSource returns the commercetools_attribute_group data source (by key).
var NewAttributeGroupDataSource = versioned.NewDataSource(groupFamily)
