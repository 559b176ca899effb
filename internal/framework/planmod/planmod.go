// Package planmod holds plan modifiers the framework does not have.
package planmod

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// UseStateIfParentUnchanged keeps the prior value of a computed attribute of a nested block when
// nothing else in the block changes, for values the API assigns when the block is written (an
// address id): unchanged, the block is not sent, so the value stays. The named attributes
// (the attribute itself and other computed ones) are not compared.
func UseStateIfParentUnchanged(ignore ...string) planmodifier.String {
	return parentUnchanged{ignore: ignore}
}

type parentUnchanged struct{ ignore []string }

func (parentUnchanged) Description(context.Context) string {
	return "Keeps the prior value when the rest of the block is unchanged."
}

func (m parentUnchanged) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (m parentUnchanged) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || !req.PlanValue.IsUnknown() || req.State.Raw.IsNull() {
		return
	}
	parent := req.Path.ParentPath()
	var planned, prior types.Object
	if d := req.Plan.GetAttribute(ctx, parent, &planned); d.HasError() {
		return
	}
	if d := req.State.GetAttribute(ctx, parent, &prior); d.HasError() || prior.IsNull() || planned.IsNull() {
		return
	}
	pa, sa := planned.Attributes(), prior.Attributes()
	for name, pv := range pa {
		if skip(name, m.ignore) {
			continue
		}
		sv, ok := sa[name]
		if !ok || pv.IsUnknown() {
			return
		}
		if !pv.Equal(sv) && (!emptyString(pv) || !emptyString(sv)) {
			return
		}
	}
	resp.PlanValue = req.StateValue
}

func skip(name string, ignore []string) bool {
	for _, n := range ignore {
		if n == name {
			return true
		}
	}
	return false
}

// emptyString treats null and "" alike: the incumbent stored unset strings as "".
func emptyString(v interface{ IsNull() bool }) bool {
	if v.IsNull() {
		return true
	}
	s, ok := v.(types.String)
	return ok && s.ValueString() == ""
}
