package versioned

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/tfmodel"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/unset"
)

// ChildCommon holds what every child resource has: its id (the family decides what it is) and
// its timeouts.
type ChildCommon struct {
	ID       types.String   `tfsdk:"id"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

// ChildBase returns the common attributes; it makes every model that embeds ChildCommon a ChildModel.
func (c *ChildCommon) ChildBase() *ChildCommon { return c }

// ChildModel is the model of a child resource (a pointer to a struct that embeds ChildCommon).
type ChildModel interface {
	ChildBase() *ChildCommon
}

// ChildFamily is a resource that lives inside a versioned parent: a tax rate in its tax
// category, a zone rate in its shipping method, the transitions of a state. Creating, changing
// and deleting it are update actions of the parent. Every write holds the parent's lock in this
// process (the parent resource takes the same lock), starts from the parent as just read (the
// shared listing, then a fresh GET after a 409) and is sent with its version, so children of one
// parent applied in parallel never fight, and another process's change is merged, not lost.
type ChildFamily[M any, PM interface {
	*M
	ChildModel
}, P, A any] struct {
	TypeName, Noun string
	// Parent is the parent's endpoint; ParentType the parent resource's TypeName, which names the
	// lock they share.
	Parent     *client.Endpoint[P, A]
	ParentType string
	Hint       framework.Hint
	Schema     func(ctx context.Context) schema.Schema
	// ParentID reads the parent's id from a model.
	ParentID func(m PM) string
	// Find copies the child from the parent into m; false when the parent does not hold it.
	Find func(ctx context.Context, parent *P, m PM) (bool, diag.Diagnostics)
	// Add returns the actions that create the child; Change those that take it from state to plan
	// (both against the parent as just read); Remove those that delete it.
	Add    func(ctx context.Context, c *client.Client, parent *P, plan PM) ([]A, diag.Diagnostics)
	Change func(ctx context.Context, c *client.Client, parent *P, state, plan PM) ([]A, diag.Diagnostics)
	Remove func(ctx context.Context, parent *P, state PM) []A
	// Import parses an import id and sets what Find needs in the state.
	Import func(ctx context.Context, c *client.Client, id string, resp *resource.ImportStateResponse)
	// Check refuses impossible changes at plan time (optional).
	Check func(ctx context.Context, state, plan PM) diag.Diagnostics
	// Children returns the import ids of the children a parent holds, for the list resource
	// (`terraform query`) and the export; in forms that Import resolves without a request where
	// it can.
	Children func(parent *P) []string
}

// ChildResource is the resource of a ChildFamily.
type ChildResource[M any, PM interface {
	*M
	ChildModel
}, P, A any] struct {
	framework.ResourceBase
	f *ChildFamily[M, PM, P, A]
}

// NewChildResource returns the resource constructor of a child family.
func NewChildResource[M any, PM interface {
	*M
	ChildModel
}, P, A any](f *ChildFamily[M, PM, P, A]) func() resource.Resource {
	return func() resource.Resource { return &ChildResource[M, PM, P, A]{f: f} }
}

// Metadata sets the type name.
func (r *ChildResource[M, PM, P, A]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.f.TypeName
	framework.MutableIdentity(resp)
}

// IdentitySchema: the id, in the form the family's import takes.
func (r *ChildResource[M, PM, P, A]) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.IdentityOnly(r.f.Noun)
}

// Schema describes the resource.
func (r *ChildResource[M, PM, P, A]) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = framework.CacheBlockTypes(unset.Schema(r.f.Schema(ctx)))
}

// PlansDestroyAsIs (framework.DestroyPlanner): ModifyPlan returns at once for a null plan.
func (r *ChildResource[M, PM, P, A]) PlansDestroyAsIs() {}

// ModifyPlan runs the family's plan-time checks.
func (r *ChildResource[M, PM, P, A]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.f.Check == nil || req.Plan.Raw.IsNull() {
		return
	}
	plan := PM(new(M))
	resp.Diagnostics.Append(tfmodel.GetPlan(ctx, req.Plan, plan)...)
	var state PM
	if !req.State.Raw.IsNull() {
		state = PM(new(M))
		resp.Diagnostics.Append(tfmodel.GetState(ctx, req.State, state)...)
	}
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(r.f.Check(ctx, state, plan)...)
	}
}

func (r *ChildResource[M, PM, P, A]) detail(err error) string {
	return framework.ErrorDetail(err, r.Client.ProjectKey(), r.f.Hint)
}

// write changes the parent: compute gets the parent as just read and returns the actions (none
// means nothing to do). It holds the parent's lock and retries after a 409 with a fresh read.
func (r *ChildResource[M, PM, P, A]) write(ctx context.Context, parentID string,
	compute func(parent *P) ([]A, diag.Diagnostics),
) (*P, diag.Diagnostics) {
	var diags diag.Diagnostics
	unlock := r.Client.Lock(r.f.ParentType + "/" + parentID)
	defer unlock()
	fresh := false
	for attempt := 0; ; attempt++ {
		var parent *P
		var err error
		if fresh {
			parent, err = r.f.Parent.Get(ctx, r.Client, client.ByID(parentID))
		} else {
			parent, err = r.f.Parent.Read(ctx, r.Client, parentID)
		}
		if err != nil {
			if client.IsNotFound(err) {
				diags.AddError(fmt.Sprintf("The %s %s does not exist", r.f.Parent.Noun, parentID),
					fmt.Sprintf("The %s belongs to %s %s, which does not exist (any more).", r.f.Noun, r.f.Parent.Noun, parentID))
				return nil, diags
			}
			diags.AddError(fmt.Sprintf("Unable to read %s %s", r.f.Parent.Noun, parentID), r.detail(err))
			return nil, diags
		}
		actions, d := compute(parent)
		diags.Append(d...)
		if diags.HasError() || len(actions) == 0 {
			return parent, diags
		}
		res, err := r.f.Parent.Update(ctx, r.Client, parentID, r.f.Parent.Meta(parent).Version, actions)
		if err == nil {
			return res, diags
		}
		if !client.IsConcurrentModification(err) || attempt >= maxConflictRetries {
			diags.AddError(fmt.Sprintf("Unable to change %s %s for this %s", r.f.Parent.Noun, parentID, r.f.Noun), r.detail(err))
			return nil, diags
		}
		tflog.Debug(ctx, "concurrent change of the parent; reading it again", map[string]any{"parent": parentID, "attempt": attempt + 1})
		fresh = true
	}
}

func (r *ChildResource[M, PM, P, A]) found(ctx context.Context, parent *P, m PM, diags *diag.Diagnostics) {
	ok, d := r.f.Find(ctx, parent, m)
	diags.Append(d...)
	if !ok && !diags.HasError() {
		diags.AddError(fmt.Sprintf("The %s is missing after the change", r.f.Noun),
			fmt.Sprintf("commercetools accepted the change of %s %s but its answer holds no such %s. This is a bug in the provider or an unexpected answer of the API; please report it.",
				r.f.Parent.Noun, r.f.ParentID(m), r.f.Noun))
	}
}

// Create adds the child to its parent.
func (r *ChildResource[M, PM, P, A]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	defer func() {
		resp.Diagnostics.Append(framework.SetIdentity(ctx, resp.State.Raw, tftypes.Value{}, resp.Identity)...)
	}()
	plan := PM(new(M))
	resp.Diagnostics.Append(tfmodel.GetPlan(ctx, req.Plan, plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.ChildBase().Timeouts.Create(ctx, DefaultCreateTimeout)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	res, diags := r.write(ctx, r.f.ParentID(plan), func(p *P) ([]A, diag.Diagnostics) { return r.f.Add(ctx, r.Client, p, plan) })
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.found(ctx, res, plan, &resp.Diagnostics)
	resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, plan)...)
	unset.Applied(r.f.TypeName, req.Plan, &resp.State)
}

// Read finds the child in its parent (from the shared listing of parents). A child whose parent
// or whose entry is gone is removed from state with a warning.
func (r *ChildResource[M, PM, P, A]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	defer func() {
		resp.Diagnostics.Append(framework.SetIdentity(ctx, resp.State.Raw, req.State.Raw, resp.Identity)...)
	}()
	state := PM(new(M))
	resp.Diagnostics.Append(tfmodel.GetState(ctx, req.State, state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.ChildBase().Timeouts.Read(ctx, DefaultReadTimeout)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	parentID := r.f.ParentID(state)
	gone := func(why string) {
		resp.Diagnostics.AddWarning(fmt.Sprintf("The %s %s no longer exists", r.f.Noun, state.ChildBase().ID.ValueString()),
			why+" It is removed from the state, and the plan creates it again if the configuration still declares it.")
		resp.State.RemoveResource(ctx)
	}
	parent, err := r.f.Parent.Read(ctx, r.Client, parentID)
	if client.IsNotFound(err) {
		gone(fmt.Sprintf("Its %s %s was deleted outside Terraform.", r.f.Parent.Noun, parentID))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Unable to read %s %s", r.f.Parent.Noun, parentID), r.detail(err))
		return
	}
	ok, diags := r.f.Find(ctx, parent, state)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !ok {
		gone(fmt.Sprintf("It was removed from %s %s outside Terraform.", r.f.Parent.Noun, parentID))
		return
	}
	resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, state)...)
	unset.ReadFrom(r.f.TypeName, req.State, &resp.State)
}

// Update changes the child inside its parent.
func (r *ChildResource[M, PM, P, A]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer func() {
		resp.Diagnostics.Append(framework.SetIdentity(ctx, resp.State.Raw, req.State.Raw, resp.Identity)...)
	}()
	plan, state := PM(new(M)), PM(new(M))
	resp.Diagnostics.Append(tfmodel.GetPlan(ctx, req.Plan, plan)...)
	resp.Diagnostics.Append(tfmodel.GetState(ctx, req.State, state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.ChildBase().Timeouts.Update(ctx, DefaultUpdateTimeout)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	res, diags := r.write(ctx, r.f.ParentID(plan), func(p *P) ([]A, diag.Diagnostics) {
		// Against the parent as just read: the child as it is now is the starting point.
		current := PM(new(M))
		if d := tfmodel.GetState(ctx, req.State, current); d.HasError() {
			return nil, d
		}
		if ok, d := r.f.Find(ctx, p, current); d.HasError() || !ok {
			if !ok {
				return r.f.Add(ctx, r.Client, p, plan)
			}
			return nil, d
		}
		return r.f.Change(ctx, r.Client, p, current, plan)
	})
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.found(ctx, res, plan, &resp.Diagnostics)
	resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, plan)...)
	unset.Applied(r.f.TypeName, req.Plan, &resp.State)
}

// Delete removes the child from its parent; a child (or parent) that is already gone counts as
// deleted.
func (r *ChildResource[M, PM, P, A]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state := PM(new(M))
	resp.Diagnostics.Append(tfmodel.GetState(ctx, req.State, state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.ChildBase().Timeouts.Delete(ctx, DefaultDeleteTimeout)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	parentID := r.f.ParentID(state)
	if _, err := r.f.Parent.Read(ctx, r.Client, parentID); client.IsNotFound(err) {
		return
	}
	_, diags = r.write(ctx, parentID, func(p *P) ([]A, diag.Diagnostics) {
		current := PM(new(M))
		if d := tfmodel.GetState(ctx, req.State, current); d.HasError() {
			return nil, d
		}
		ok, d := r.f.Find(ctx, p, current)
		if d.HasError() || !ok {
			return nil, d
		}
		return r.f.Remove(ctx, p, current), nil
	})
	for _, d := range diags {
		if d.Severity() == diag.SeverityError && d.Summary() == fmt.Sprintf("The %s %s does not exist", r.f.Parent.Noun, parentID) {
			return // the parent went away meanwhile: nothing left to delete
		}
	}
	resp.Diagnostics.Append(diags...)
}

// ImportState hands the import id to the family.
func (r *ChildResource[M, PM, P, A]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, diags := framework.ImportIDFromIdentity(req, r.f.TypeName, func(a map[string]string) string { return a["id"] })
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	r.f.Import(ctx, r.Client, id, resp)
}

// ReadsDirectly (framework.DirectReader): Read uses neither private state nor deferral.
func (r *ChildResource[M, PM, P, A]) ReadsDirectly() {}

// PlanUnchanged (framework.UnchangedPlanner): for a plan equal to the state, ModifyPlan runs the
// family's check on the state against itself.
func (r *ChildResource[M, PM, P, A]) PlanUnchanged(ctx context.Context, prior func() (tfsdk.State, error)) (diag.Diagnostics, bool) {
	return checkUnchanged(ctx, prior, r.f.Check)
}

// checkUnchanged is what a ModifyPlan that runs check(state, plan) answers for a plan equal to
// the prior state: the same decoding of both, then the check; false when the state cannot be
// had (the framework then plans).
func checkUnchanged[M any, PM interface{ *M }](ctx context.Context, prior func() (tfsdk.State, error),
	check func(ctx context.Context, state, plan PM) diag.Diagnostics,
) (diag.Diagnostics, bool) {
	if check == nil {
		return nil, true
	}
	st, err := prior()
	if err != nil {
		return nil, false
	}
	var diags diag.Diagnostics
	plan, state := PM(new(M)), PM(new(M))
	diags.Append(tfmodel.GetPlan(ctx, tfsdk.Plan(st), plan)...)
	diags.Append(tfmodel.GetState(ctx, st, state)...)
	if !diags.HasError() {
		diags.Append(check(ctx, state, plan)...)
	}
	return diags, true
}
