package apiclient

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/scopes"
)

// scopeReplace keeps the prior scope when the configured one grants the same
// permissions (order, duplicates and implied view_ scopes disregarded), and
// otherwise requires replacement, because an API client cannot be updated.
// It exists so that an imported client, whose scope is what the API reports,
// never plans a replacement for a configuration that differs only in form.
type scopeReplace struct{}

var _ planmodifier.Set = scopeReplace{}

func (scopeReplace) Description(context.Context) string {
	return "Requires replacement when the scopes change in substance; a change of order, duplicates or implied view_ scopes is not a change."
}

// KeepsUnchangedPlan (planmod.Unchanging): the same scopes plan the prior set and no replacement.
func (scopeReplace) KeepsUnchangedPlan() {}

func (m scopeReplace) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (scopeReplace) PlanModifySet(ctx context.Context, req planmodifier.SetRequest, resp *planmodifier.SetResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return // create or destroy
	}
	if req.PlanValue.IsUnknown() || req.StateValue.IsNull() || req.StateValue.IsUnknown() {
		resp.RequiresReplace = !req.PlanValue.Equal(req.StateValue)
		return
	}
	var planned, prior []string
	resp.Diagnostics.Append(req.PlanValue.ElementsAs(ctx, &planned, false)...)
	resp.Diagnostics.Append(req.StateValue.ElementsAs(ctx, &prior, false)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if scopes.Equivalent(planned, prior) {
		resp.PlanValue = req.StateValue
		return
	}
	resp.RequiresReplace = true
}

// keepersChanged replaces the client when its keepers change, except when they are recorded
// after an import (which cannot read them: they are not sent to the API).
func keepersChanged(ctx context.Context, req planmodifier.MapRequest, resp *mapplanmodifier.RequiresReplaceIfFuncResponse) {
	if len(req.StateValue.Elements()) == 0 && req.Private != nil {
		if b, d := req.Private.GetKey(ctx, importedKey); !d.HasError() && len(b) > 0 {
			return
		}
	}
	resp.RequiresReplace = !req.PlanValue.Equal(req.StateValue) &&
		(len(req.PlanValue.Elements()) > 0 || len(req.StateValue.Elements()) > 0)
}

// importedKey marks, in private state, a client imported and not applied since: its keepers are
// recorded without replacing it.
const importedKey = "imported"
