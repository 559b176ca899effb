// Package planmod holds plan modifiers the framework does not have.
package planmod

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Unchanging marks a plan modifier that leaves a value equal to the prior one as it is: when the
// whole plan equals the prior state, it plans the prior value, with no diagnostics and no
// replacement. The provider's server plans unchanged resources without the framework only when
// every plan modifier of their schema is the framework's own or Unchanging; a modifier that plans
// something of a null configuration (a default computed from another attribute) is not.
type Unchanging interface{ KeepsUnchangedPlan() }

// Removing marks an Unchanging modifier that plans null where the configuration leaves the value
// out and the prior value is set (unset.Keep: leaving an attribute out removes it). Terraform's
// proposed new state of an optional and computed attribute the configuration leaves out is its
// prior value, so such a plan is not the prior state although the proposed state is: the plan
// shortcut checks the configuration for it.
type Removing interface{ RemovesWhenLeftOut() }

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

// KeepsUnchangedPlan: it only plans an unknown value.
func (parentUnchanged) KeepsUnchangedPlan() {}

func (m parentUnchanged) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (m parentUnchanged) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || !req.PlanValue.IsUnknown() || req.State.Raw.IsNull() {
		return
	}
	parent := req.Path.ParentPath()
	var planned, prior, config types.Object
	if d := req.Plan.GetAttribute(ctx, parent, &planned); d.HasError() {
		return
	}
	if d := req.State.GetAttribute(ctx, parent, &prior); d.HasError() || prior.IsNull() || planned.IsNull() {
		return
	}
	if d := req.Config.GetAttribute(ctx, parent, &config); d.HasError() || config.IsNull() {
		return
	}
	pa, sa, ca := planned.Attributes(), prior.Attributes(), config.Attributes()
	for name, pv := range pa {
		if skip(name, m.ignore) {
			continue
		}
		sv, ok := sa[name]
		if !ok {
			return
		}
		if pv.IsUnknown() {
			// Not planned yet: an attribute the configuration leaves out keeps an unset prior
			// value (package unset), so it is unchanged when the prior value is unset.
			if cv, ok := ca[name]; ok && cv.IsNull() && emptyString(sv) {
				continue
			}
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

// UseStateOfSameKey keeps the computed id of an element of a nested list that the API
// addresses by key (category assets): the element of the prior list with the same key keeps its
// id wherever it moves. An element without a key keeps the id at its position when nothing else
// of it changed (UseStateIfParentUnchanged).
func UseStateOfSameKey(keyAttr string, ignore ...string) planmodifier.String {
	return sameKey{key: keyAttr, fallback: parentUnchanged{ignore: ignore}}
}

type sameKey struct {
	key      string
	fallback parentUnchanged
}

func (sameKey) Description(context.Context) string {
	return "Keeps the prior id of the element with the same key."
}

// KeepsUnchangedPlan: it only plans an unknown value.
func (sameKey) KeepsUnchangedPlan() {}

func (m sameKey) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (m sameKey) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if !req.PlanValue.IsUnknown() || req.State.Raw.IsNull() {
		return
	}
	element := req.Path.ParentPath()
	var key types.String
	if d := req.Plan.GetAttribute(ctx, element.AtName(m.key), &key); d.HasError() || key.IsUnknown() {
		return
	}
	if key.IsNull() {
		m.fallback.PlanModifyString(ctx, req, resp)
		return
	}
	var prior types.List
	if d := req.State.GetAttribute(ctx, element.ParentPath(), &prior); d.HasError() || prior.IsNull() {
		return
	}
	name := req.Path.Steps()[len(req.Path.Steps())-1].String()
	for _, e := range prior.Elements() {
		o, ok := e.(types.Object)
		if !ok {
			continue
		}
		if k, ok := o.Attributes()[m.key].(types.String); ok && k.Equal(key) {
			if id, ok := o.Attributes()[name].(types.String); ok && !id.IsNull() {
				resp.PlanValue = id
			}
			return
		}
	}
}

// SameSetKeepsState plans the state's list when the configuration holds the same values in
// another order, for lists whose order means nothing (permissions, address keys) but whose
// state shape the incumbent made a list.
func SameSetKeepsState() planmodifier.List { return sameSet{} }

type sameSet struct{}

func (sameSet) Description(context.Context) string {
	return "keeps the prior order when the configured values are the same set"
}

// KeepsUnchangedPlan: the same list plans the prior list.
func (sameSet) KeepsUnchangedPlan() {}

func (m sameSet) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (sameSet) PlanModifyList(_ context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	if req.StateValue.IsNull() || req.PlanValue.IsNull() || req.PlanValue.IsUnknown() {
		return
	}
	if sameElements(req.StateValue.Elements(), req.PlanValue.Elements()) {
		resp.PlanValue = req.StateValue
	}
}

// sameElements reports whether two lists hold the same known values, ignoring order.
func sameElements(a, b []attr.Value) bool {
	if len(a) != len(b) {
		return false
	}
	count := map[string]int{}
	for _, v := range a {
		if v.IsUnknown() {
			return false
		}
		count[v.String()]++
	}
	for _, v := range b {
		if v.IsUnknown() || count[v.String()] == 0 {
			return false
		}
		count[v.String()]--
	}
	return true
}
