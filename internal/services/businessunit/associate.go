package businessunit

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

type roleModel struct {
	AssociateRoleKey types.String `tfsdk:"associate_role_key"`
	Inheritance      types.String `tfsdk:"inheritance"`
}

type associateModel struct {
	versioned.ChildCommon
	BusinessUnitID types.String `tfsdk:"business_unit_id"`
	CustomerID     types.String `tfsdk:"customer_id"`
	Role           []roleModel  `tfsdk:"role"`
}

func associateSchema(ctx context.Context) schema.Schema {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	return schema.Schema{
		MarkdownDescription: "One [associate](https://docs.commercetools.com/api/projects/business-units#associate) of a business " +
			"unit: a customer and the roles they have in the unit. Each associate is its own resource, so that the associates " +
			"a buyer adds in the storefront are never removed by an apply, and associates of one unit applied in parallel never " +
			"conflict.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "`<business unit id>/<customer id>`.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"business_unit_id": schema.StringAttribute{Required: true, PlanModifiers: replace,
				MarkdownDescription: "The id of the business unit (`commercetools_business_unit_company.x.id` or a division's)."},
			"customer_id": schema.StringAttribute{Required: true, PlanModifiers: replace,
				MarkdownDescription: "The id of the customer who is the associate.", Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
		},
		Blocks: map[string]schema.Block{
			"role": schema.ListNestedBlock{
				MarkdownDescription: "A role of the associate in the unit (1 to 5; their order means nothing).",
				Validators:          []validator.List{listvalidator.IsRequired(), listvalidator.SizeBetween(1, 5)},
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"associate_role_key": schema.StringAttribute{Required: true, MarkdownDescription: "The key of the associate role."},
					"inheritance": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("Enabled"),
						MarkdownDescription: "`Enabled` (default: divisions that inherit associates give the associate this role too) or `Disabled`.",
						Validators:          []validator.String{stringvalidator.OneOf("Enabled", "Disabled")}},
				}},
			},
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true,
				CreateDescription: "How long adding the associate may take, retries included (default 5m).",
				ReadDescription:   "How long reading it may take (default 2m).",
				UpdateDescription: "How long changing its roles may take (default 5m).",
				DeleteDescription: "How long removing it may take (default 5m).",
			}),
		},
	}
}

func assignments(l []roleModel) []roleAssignment {
	out := make([]roleAssignment, 0, len(l))
	for _, r := range l {
		out = append(out, roleAssignment{AssociateRole: ref{TypeID: "associate-role", Key: r.AssociateRoleKey.ValueString()},
			Inheritance: r.Inheritance.ValueString()})
	}
	return out
}

func associateOf(m *associateModel) associate {
	return associate{Customer: ref{TypeID: "customer", ID: m.CustomerID.ValueString()}, AssociateRoleAssignments: assignments(m.Role)}
}

// findAssociate copies the associate of m's customer from the unit into m; roles keep the
// configured order when they are the same.
func findAssociate(_ context.Context, u *unit, m *associateModel) (bool, diag.Diagnostics) {
	for _, a := range u.Associates {
		if a.Customer.ID != m.CustomerID.ValueString() {
			continue
		}
		roles := make([]roleModel, 0, len(a.AssociateRoleAssignments))
		for _, r := range a.AssociateRoleAssignments {
			inheritance := r.Inheritance
			if inheritance == "" {
				inheritance = "Enabled"
			}
			roles = append(roles, roleModel{AssociateRoleKey: types.StringValue(r.AssociateRole.Key), Inheritance: types.StringValue(inheritance)})
		}
		if !sameRoles(m.Role, roles) {
			m.Role = roles
		}
		m.BusinessUnitID = types.StringValue(u.ID)
		m.ID = types.StringValue(u.ID + "/" + a.Customer.ID)
		return true, nil
	}
	return false, nil
}

func sameRoles(a, b []roleModel) bool {
	if len(a) != len(b) {
		return false
	}
	key := func(r roleModel) string {
		return r.AssociateRoleKey.ValueString() + "\x00" + r.Inheritance.ValueString()
	}
	seen := map[string]int{}
	for _, r := range a {
		seen[key(r)]++
	}
	for _, r := range b {
		if seen[key(r)] == 0 {
			return false
		}
		seen[key(r)]--
	}
	return true
}

func addAssociate(_ context.Context, _ *client.Client, u *unit, m *associateModel) ([]action, diag.Diagnostics) {
	var diags diag.Diagnostics
	for _, a := range u.Associates {
		if a.Customer.ID == m.CustomerID.ValueString() {
			diags.AddError("The customer is already an associate",
				fmt.Sprintf("Customer %s is already an associate of business unit %q (added outside this configuration). Import it: "+
					"terraform import <address> %s/%s", m.CustomerID.ValueString(), u.Key, u.ID, m.CustomerID.ValueString()))
			return nil, diags
		}
	}
	return []action{{"action": "addAssociate", "associate": associateOf(m)}}, nil
}

func changeAssociate(_ context.Context, _ *client.Client, _ *unit, state, plan *associateModel) ([]action, diag.Diagnostics) {
	if sameRoles(state.Role, plan.Role) {
		return nil, nil
	}
	return []action{{"action": "changeAssociate", "associate": associateOf(plan)}}, nil
}

func removeAssociate(_ context.Context, _ *unit, m *associateModel) []action {
	return []action{{"action": "removeAssociate", "customer": ref{TypeID: "customer", ID: m.CustomerID.ValueString()}}}
}

// importAssociate takes `<business unit id or key=<key>>/<customer id>`.
func importAssociate(ctx context.Context, c *client.Client, id string, resp *resource.ImportStateResponse) {
	unitRef, customer, ok := strings.Cut(strings.TrimSpace(id), "/")
	if !ok || unitRef == "" || customer == "" || strings.Contains(customer, "/") {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf("%q is not <business unit id>/<customer id> (or key=<business unit key>/<customer id>), "+
			"for example:\n  terraform import commercetools_business_unit_associate.jane key=acme-gmbh/3f1c9a2e-7b4d-4f0e-9c1a-2b3c4d5e6f70", id))
		return
	}
	unitID := unitRef
	if k, byKey := strings.CutPrefix(unitRef, "key="); byKey {
		u, err := endpoint.Get(ctx, c, client.ByKey(k))
		if err != nil {
			resp.Diagnostics.AddError("Unable to find business unit "+k, err.Error())
			return
		}
		unitID = u.ID
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("business_unit_id"), unitID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("customer_id"), customer)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), unitID+"/"+customer)...)
}

var associateFamily = &versioned.ChildFamily[associateModel, *associateModel, unit, action]{
	TypeName: "business_unit_associate", Noun: "associate", Parent: endpoint, ParentType: lockGroup, Hint: hint,
	Schema:   associateSchema,
	ParentID: func(m *associateModel) string { return m.BusinessUnitID.ValueString() },
	Find:     findAssociate, Add: addAssociate, Change: changeAssociate, Remove: removeAssociate, Import: importAssociate,
	Children: func(u *unit) []string {
		ids := make([]string, 0, len(u.Associates))
		for _, a := range u.Associates {
			ids = append(ids, u.ID+"/"+a.Customer.ID)
		}
		return ids
	},
}

// NewAssociateResource returns the commercetools_business_unit_associate resource.
var NewAssociateResource = versioned.NewChildResource(associateFamily)
