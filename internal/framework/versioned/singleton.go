package versioned

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/tfmodel"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/unset"
)

// SingletonFamily is a versioned resource of which each project has exactly one and that cannot
// be created or deleted: the project's settings. Create adopts it and applies the configuration;
// Delete leaves it as it is. The model embeds Common; its id and key are the project key.
type SingletonFamily[M any, PM interface {
	*M
	Model
}, T, A any] struct {
	TypeName, Noun string
	Endpoint       *client.Singleton[T, A]
	Hint           framework.Hint
	Schema         func(ctx context.Context) schema.Schema
	Flatten        func(ctx context.Context, c *client.Client, remote *T, m PM) diag.Diagnostics
	Actions        func(ctx context.Context, c *client.Client, from, to PM) ([]A, diag.Diagnostics)
	Check          func(ctx context.Context, state, plan PM) diag.Diagnostics
	// Settle is how long an update waits for values the API applies with a delay.
	Settle          time.Duration
	SchemaUpgraders func(ctx context.Context) map[int64]resource.StateUpgrader
	// DeleteNote is the warning a destroy shows: what stays as it is.
	DeleteNote string
}

// SingletonResource is the resource of a SingletonFamily.
type SingletonResource[M any, PM interface {
	*M
	Model
}, T, A any] struct {
	framework.ResourceBase
	f *SingletonFamily[M, PM, T, A]
}

// NewSingletonResource returns the resource constructor of a singleton family.
func NewSingletonResource[M any, PM interface {
	*M
	Model
}, T, A any](f *SingletonFamily[M, PM, T, A]) func() resource.Resource {
	return func() resource.Resource { return &SingletonResource[M, PM, T, A]{f: f} }
}

// claimed records, per configured client (one per provider configuration), the projects whose
// singleton a resource already created in this run: a second one for the same project is an error.
var claimed sync.Map

// Metadata sets the type name.
func (r *SingletonResource[M, PM, T, A]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.f.TypeName
}

// IdentitySchema: the project key.
func (r *SingletonResource[M, PM, T, A]) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.IdentitySchema(framework.IdentityAttr{Name: "key", Required: true,
		Description: "The key of the project, which must be the one the provider is configured for."})
}

// Schema describes the resource.
func (r *SingletonResource[M, PM, T, A]) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = framework.CacheBlockTypes(unset.Schema(r.f.Schema(ctx)))
}

// UpgradeState returns the family's state upgraders.
func (r *SingletonResource[M, PM, T, A]) UpgradeState(ctx context.Context) map[int64]resource.StateUpgrader {
	if r.f.SchemaUpgraders == nil {
		return nil
	}
	return r.f.SchemaUpgraders(ctx)
}

// PlansDestroyAsIs (framework.DestroyPlanner): ModifyPlan returns at once for a null plan.
func (r *SingletonResource[M, PM, T, A]) PlansDestroyAsIs() {}

// ModifyPlan runs the family's plan-time checks.
func (r *SingletonResource[M, PM, T, A]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	if !req.State.Raw.IsNull() {
		keepVersion(ctx, req, resp) // a value left out and removed moves the version
	}
	if r.f.Check == nil {
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

func (r *SingletonResource[M, PM, T, A]) detail(err error) string {
	return framework.ErrorDetail(err, r.Client.ProjectKey(), r.f.Hint)
}

func (r *SingletonResource[M, PM, T, A]) updater() updater[M, PM, T, A] {
	e, c := r.f.Endpoint, r.Client
	get := func(ctx context.Context) (*T, error) { return e.Get(ctx, c) }
	return updater[M, PM, T, A]{
		typeName: r.f.TypeName, noun: r.f.Noun, detail: r.detail, meta: e.Meta, settle: r.f.Settle,
		flatten: func(ctx context.Context, t *T, m PM) diag.Diagnostics { return r.f.Flatten(ctx, c, t, m) },
		actions: func(ctx context.Context, from, to PM) ([]A, diag.Diagnostics) { return r.f.Actions(ctx, c, from, to) },
		get:     get, read: get,
		update: func(ctx context.Context, version int64, actions []A) (*T, error) {
			return e.Update(ctx, c, version, actions)
		},
	}
}

// Create adopts the project's singleton: it reads it, applies what the configuration sets, and
// waits for values the API applies with a delay.
func (r *SingletonResource[M, PM, T, A]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	defer func() {
		resp.Diagnostics.Append(framework.SetIdentity(ctx, resp.State.Raw, tftypes.Value{}, resp.Identity)...)
	}()
	key := r.Client.ProjectKey()
	if _, dup := claimed.LoadOrStore(fmt.Sprintf("%p/%s/%s", r.Client, r.f.TypeName, key), true); dup {
		resp.Diagnostics.AddError(fmt.Sprintf("Another commercetools_%s manages project %s", r.f.TypeName, key),
			fmt.Sprintf("A project has one set of settings; this configuration declares commercetools_%s more than once for project %s. Keep one.", r.f.TypeName, key))
		return
	}
	plan := PM(new(M))
	resp.Diagnostics.Append(tfmodel.GetPlan(ctx, req.Plan, plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Base().Timeouts.Create(ctx, DefaultCreateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	unlock := r.Client.Lock(r.f.TypeName + "/" + key)
	defer unlock()

	current, err := r.f.Endpoint.Get(ctx, r.Client)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Unable to read the %s", r.f.Noun), r.detail(err))
		return
	}
	// The state before the change is the singleton as it is, seen through the configuration's
	// blocks (a block the configuration leaves out stays unmanaged).
	before := PM(new(M))
	resp.Diagnostics.Append(tfmodel.GetPlan(ctx, req.Plan, before)...)
	resp.Diagnostics.Append(r.f.Flatten(ctx, r.Client, current, before)...)
	setMeta(before, r.f.Endpoint.Meta(current))
	if resp.Diagnostics.HasError() {
		return
	}
	// Apply the differences through the update path, starting from what exists.
	if diags := tfmodel.SetState(ctx, &resp.State, before); diags.HasError() {
		resp.Diagnostics.Append(diags...)
		return
	}
	ureq := resource.UpdateRequest{Plan: req.Plan, State: resp.State, Config: req.Config}
	uresp := resource.UpdateResponse{State: resp.State}
	runUpdate(ctx, ureq, &uresp, r.updater())
	resp.Diagnostics.Append(uresp.Diagnostics...)
	resp.State = uresp.State
}

// Read refreshes the singleton with one GET.
func (r *SingletonResource[M, PM, T, A]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	defer func() {
		resp.Diagnostics.Append(framework.SetIdentity(ctx, resp.State.Raw, req.State.Raw, resp.Identity)...)
	}()
	state := PM(new(M))
	resp.Diagnostics.Append(tfmodel.GetState(ctx, req.State, state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.Base().Timeouts.Read(ctx, DefaultReadTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if id := state.Base().ID.ValueString(); id != "" && id != r.Client.ProjectKey() {
		resp.Diagnostics.AddError(fmt.Sprintf("The %s in state belongs to project %s", r.f.Noun, id),
			fmt.Sprintf("The provider manages project %s. Configure the provider for project %s, or remove this resource from the state.", r.Client.ProjectKey(), id))
		return
	}
	current, err := r.f.Endpoint.Get(ctx, r.Client)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Unable to read the %s", r.f.Noun), r.detail(err))
		return
	}
	importing := state.Base().Version.IsNull()
	resp.Diagnostics.Append(r.f.Flatten(withImporting(ctx, state), r.Client, current, state)...)
	setMeta(state, r.f.Endpoint.Meta(current))
	resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, state)...)
	if importing {
		unset.Read(r.f.TypeName, &resp.State)
	} else {
		unset.ReadFrom(r.f.TypeName, req.State, &resp.State)
	}
}

// Update applies the changes (see runUpdate), waiting for delayed values.
func (r *SingletonResource[M, PM, T, A]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer func() {
		resp.Diagnostics.Append(framework.SetIdentity(ctx, resp.State.Raw, req.State.Raw, resp.Identity)...)
	}()
	unlock := r.Client.Lock(r.f.TypeName + "/" + r.Client.ProjectKey())
	defer unlock()
	runUpdate(ctx, req, resp, r.updater())
}

// Delete forgets the singleton; it stays as it is in the project.
func (r *SingletonResource[M, PM, T, A]) Delete(_ context.Context, _ resource.DeleteRequest, resp *resource.DeleteResponse) {
	resp.Diagnostics.AddWarning(fmt.Sprintf("The %s stay as they are", r.f.Noun),
		"A commercetools project cannot be deleted through this API. The resource is removed from the state; "+r.f.DeleteNote)
}

// ImportState takes the project key, which must be the provider's.
func (r *SingletonResource[M, PM, T, A]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	given, diags := framework.ImportIDFromIdentity(req, r.f.TypeName, func(a map[string]string) string { return a["key"] })
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	req.ID = given
	key := strings.TrimSpace(req.ID)
	if key != r.Client.ProjectKey() {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("Import commercetools_%s by the key of the project the provider manages: terraform import commercetools_%s.example %s (got %q).",
				r.f.TypeName, r.f.TypeName, r.Client.ProjectKey(), req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), types.StringValue(key))...)
}

// ReadsDirectly (framework.DirectReader): Read uses neither private state nor deferral.
func (r *SingletonResource[M, PM, T, A]) ReadsDirectly() {}

// PlanUnchanged (framework.UnchangedPlanner): for a plan equal to the state, ModifyPlan runs the
// family's check on the state against itself.
func (r *SingletonResource[M, PM, T, A]) PlanUnchanged(ctx context.Context, prior func() (tfsdk.State, error)) (diag.Diagnostics, bool) {
	return checkUnchanged(ctx, prior, r.f.Check)
}
