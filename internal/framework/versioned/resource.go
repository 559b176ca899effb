package versioned

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
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

// maxConflictRetries bounds how often an update that met a concurrent change (409) re-reads the
// resource and recomputes its actions before it gives up.
const maxConflictRetries = 3

// Family is everything a versioned resource type needs to declare. M is its model (a struct that
// embeds Common), PM a pointer to it, T the resource as the API returns it and A its update
// action type.
type Family[M any, PM interface {
	*M
	Model
}, T, A any] struct {
	// TypeName is the resource type without the provider prefix: "channel".
	TypeName string
	// Noun names one resource in messages: "channel".
	Noun string
	// Endpoint is the API collection.
	Endpoint *client.Endpoint[T, A]
	// Hint names the scopes of the family for 403 errors.
	Hint framework.Hint
	// Schema returns the family's schema; pass it through WithCommon.
	Schema func(ctx context.Context) schema.Schema
	// Draft builds the create request from the plan.
	Draft func(ctx context.Context, c *client.Client, plan PM) (any, diag.Diagnostics)
	// Flatten copies what the API reports into m. m holds the prior values (the plan after a
	// create or update, the state on refresh, only the key in a data source): a value the API
	// reports in another form than the configuration's (an order it does not keep, a secret it
	// masks) keeps the prior one. Flatten assigns new values; it never changes the elements of
	// m's slices in place.
	Flatten func(ctx context.Context, c *client.Client, remote *T, m PM) diag.Diagnostics
	// Actions computes the update actions that take the API from "from" (the state, or the
	// resource as just read after a conflict) to "to" (the plan). None means nothing to send.
	Actions func(ctx context.Context, c *client.Client, from, to PM) ([]A, diag.Diagnostics)
	// Check refuses, at plan time, changes the API cannot make (state is nil on create). Optional.
	Check func(ctx context.Context, state, plan PM) diag.Diagnostics
	// SchemaUpgraders upgrades older state (ours or the incumbent's). Optional.
	SchemaUpgraders func(ctx context.Context) map[int64]resource.StateUpgrader
	// Stages splits the actions of one update into stages that must not share a request (see
	// client.Endpoint.UpdateStaged). Optional: by default all actions form one stage.
	Stages func(actions []A) [][]A
	// Config copies what only the configuration holds into the plan before a create or an
	// update: write-only arguments (secrets that never reach the plan or the state). Flatten
	// must leave them null. Optional.
	Config func(ctx context.Context, config tfsdk.Config, plan PM) diag.Diagnostics
	// Validate checks the configuration (decoded into the model; computed values are null, values
	// not known yet unknown). Unlike Check it sees write-only arguments. Optional.
	Validate func(ctx context.Context, config PM) diag.Diagnostics
	// LockGroup names the lock that updates of one resource hold in this process, shared with the
	// child resources that change it (default TypeName): resource types over one API collection
	// (business unit companies and divisions) share one. Optional.
	LockGroup string
	// Unique returns a value the plan gives the resource that must be unique across resources
	// (sort orders); Value "" for none. Two resources of the configuration that plan one value
	// are an error at plan time that names the other. Optional.
	Unique func(plan PM) UniqueValue
	// Contended names the fields of DuplicateField errors whose values resources of one apply
	// may trade (sort orders): a create or update that the API refuses because another resource
	// holds the value is retried, for at most ContentionWait, while the other one moves away.
	// Optional.
	Contended []string
	// Interim returns, for a contended field, actions that move the resource (as it is: "from")
	// to a temporary unique value. An update sends them once before it waits, freeing the value
	// it held, so that two resources swapping values never wait on each other. Optional.
	Interim func(field string, from PM) []A
	// Lists says which objects of the collection are this family's, where families share a
	// collection (business unit companies and divisions). Optional: by default all are.
	Lists func(remote *T) bool
}

// UniqueValue is a value that must be unique across resources (see Family.Unique).
type UniqueValue struct {
	// Pool names the resource types that share the rule ("cart discounts and discount groups").
	Pool string
	// Value is the planned value, At the attribute that holds it.
	Value string
	At    path.Path
	// Label describes the resource when it has neither key nor id yet ("named {en: Summer}").
	Label string
}

// ContentionWait bounds how long a create or update waits for a contended value (see
// Family.Contended) to be given up by another resource.
var ContentionWait = 20 * time.Second

// contended reports which contended field err names ("" for none).
func contended(err error, fields []string) string {
	if f := client.DuplicateField(err); f != "" && slices.Contains(fields, f) {
		return f
	}
	return ""
}

// contentionPause waits a short, jittered while (the other resource's request is in flight).
func contentionPause(ctx context.Context, round int) error {
	d := time.Duration(100+rand.IntN(200)) * time.Millisecond * time.Duration(min(round+1, 5)) //nolint:gosec // jitter, not a secret
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}

// Resource is the resource of a Family.
type Resource[M any, PM interface {
	*M
	Model
}, T, A any] struct {
	framework.ResourceBase
	f *Family[M, PM, T, A]
}

var (
	_ resource.ResourceWithConfigure      = (*Resource[struct{ Common }, *struct{ Common }, struct{}, any])(nil)
	_ resource.ResourceWithImportState    = (*Resource[struct{ Common }, *struct{ Common }, struct{}, any])(nil)
	_ resource.ResourceWithModifyPlan     = (*Resource[struct{ Common }, *struct{ Common }, struct{}, any])(nil)
	_ resource.ResourceWithUpgradeState   = (*Resource[struct{ Common }, *struct{ Common }, struct{}, any])(nil)
	_ resource.ResourceWithValidateConfig = (*Resource[struct{ Common }, *struct{ Common }, struct{}, any])(nil)
)

// ValidateConfig runs the family's configuration checks.
func (r *Resource[M, PM, T, A]) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	if r.f.Validate == nil {
		return
	}
	m := PM(new(M))
	resp.Diagnostics.Append(tfmodel.GetConfig(ctx, req.Config, m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(r.f.Validate(ctx, m)...)
}

// NewResource returns the resource constructor of a family, as the provider lists it.
func NewResource[M any, PM interface {
	*M
	Model
}, T, A any](f *Family[M, PM, T, A]) func() resource.Resource {
	return func() resource.Resource { return &Resource[M, PM, T, A]{f: f} }
}

// Metadata sets the type name.
func (r *Resource[M, PM, T, A]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.f.TypeName
	framework.MutableIdentity(resp)
}

// IdentitySchema: the id and the key.
func (r *Resource[M, PM, T, A]) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.IDAndKey(r.f.Noun)
}

// Schema describes the resource.
func (r *Resource[M, PM, T, A]) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = framework.CacheBlockTypes(unset.Schema(r.f.Schema(ctx)))
}

// UpgradeState returns the family's state upgraders.
func (r *Resource[M, PM, T, A]) UpgradeState(ctx context.Context) map[int64]resource.StateUpgrader {
	if r.f.SchemaUpgraders == nil {
		return nil
	}
	return r.f.SchemaUpgraders(ctx)
}

// name is how messages refer to a resource: its key, or its id when it has none.
func name(m Model) string {
	b := m.Base()
	if k := b.Key.ValueString(); k != "" {
		return fmt.Sprintf("%q", k)
	}
	return b.ID.ValueString()
}

func (r *Resource[M, PM, T, A]) detail(err error) string {
	return framework.ErrorDetail(err, r.Client.ProjectKey(), r.f.Hint)
}

// PlansDestroyAsIs (framework.DestroyPlanner): ModifyPlan returns at once for a null plan.
func (r *Resource[M, PM, T, A]) PlansDestroyAsIs() {}

// ModifyPlan keeps the version when nothing else changes, and runs the family's plan-time checks
// of changes the API cannot make and of unique values.
func (r *Resource[M, PM, T, A]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	if !req.State.Raw.IsNull() {
		keepVersion(ctx, req, resp)
		// A plan equal to the state changes nothing: the state is what commercetools holds, so
		// no check of a change can fail, and no check of the configuration either (a
		// configuration the API would refuse cannot equal what it holds). Skipping saves decoding
		// the plan into the model for every unchanged resource of every plan; only the unique
		// value is recorded, for the plans of other resources to meet.
		if resp.Plan.Raw.Equal(req.State.Raw) {
			resp.Diagnostics.Append(r.claimUnchanged(ctx, req.State)...)
			return
		}
	}
	if r.f.Check == nil && r.f.Unique == nil {
		return
	}
	plan := PM(new(M))
	resp.Diagnostics.Append(tfmodel.GetPlan(ctx, req.Plan, plan)...)
	var state PM
	if !req.State.Raw.IsNull() {
		state = PM(new(M))
		resp.Diagnostics.Append(tfmodel.GetState(ctx, req.State, state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if r.f.Check != nil {
		resp.Diagnostics.Append(r.f.Check(ctx, state, plan)...)
	}
	if r.f.Unique != nil && r.Client != nil {
		r.claim(resp, state, plan)
	}
}

// ReadsDirectly (framework.DirectReader): Read uses neither private state nor deferral.
func (r *Resource[M, PM, T, A]) ReadsDirectly() {}

// PlanUnchanged (framework.UnchangedPlanner): for a plan equal to the state, ModifyPlan only
// records the unique value of families with a uniqueness rule.
func (r *Resource[M, PM, T, A]) PlanUnchanged(ctx context.Context, prior func() (tfsdk.State, error)) (diag.Diagnostics, bool) {
	if r.f.Unique == nil {
		return nil, true
	}
	st, err := prior()
	if err != nil {
		return nil, false
	}
	return r.claimUnchanged(ctx, st), true
}

// claimUnchanged records the unique value of a resource whose plan is its state.
func (r *Resource[M, PM, T, A]) claimUnchanged(ctx context.Context, st tfsdk.State) diag.Diagnostics {
	if r.f.Unique == nil || r.Client == nil {
		return nil
	}
	state := PM(new(M))
	var resp resource.ModifyPlanResponse
	resp.Diagnostics.Append(tfmodel.GetState(ctx, st, state)...)
	if !resp.Diagnostics.HasError() {
		r.claim(&resp, state, state)
	}
	return resp.Diagnostics
}

// keepVersion plans the prior version when the plan equals the state in everything else. The
// framework marks the version unknown as soon as the configuration differs from the state in
// its text, before plan modifiers find that it means the same (a date-time in another spelling,
// JSON reformatted) and plan the prior value; without this, such a plan would show an update
// that sends nothing.
func keepVersion(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var planned types.Int64
	if d := resp.Plan.GetAttribute(ctx, path.Root("version"), &planned); d.HasError() {
		return
	}
	if !planned.IsUnknown() {
		// Terraform proposed the prior state (an optional and computed attribute left out of the
		// configuration is proposed as its prior value), so the framework kept the version; a
		// plan modifier that removes such a value (unset.Keep) makes it a change, which moves it.
		if !req.State.Raw.IsNull() && !resp.Plan.Raw.Equal(req.State.Raw) {
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("version"), types.Int64Unknown())...)
		}
		return
	}
	var prior types.Int64
	if d := req.State.GetAttribute(ctx, path.Root("version"), &prior); d.HasError() {
		return
	}
	priorRaw, err := prior.ToTerraformValue(ctx)
	if err != nil {
		return
	}
	versionStep := tftypes.NewAttributePath().WithAttributeName("version")
	same, err := tftypes.Transform(resp.Plan.Raw, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if p.Equal(versionStep) {
			return priorRaw, nil
		}
		return v, nil
	})
	if err != nil || !same.Equal(req.State.Raw) {
		return
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("version"), prior)...)
}

// claim records the unique value the plan gives the resource, and reports another resource of
// the configuration that plans it too.
func (r *Resource[M, PM, T, A]) claim(resp *resource.ModifyPlanResponse, state, plan PM) {
	u := r.f.Unique(plan)
	pool, value, at := u.Pool, u.Value, u.At
	if value == "" {
		return
	}
	label := name(plan)
	if label == "" {
		label = u.Label
	}
	who := client.Claimant{Key: plan.Base().Key.ValueString(), Name: r.f.Noun + " " + label}
	if state != nil {
		who.ID = state.Base().ID.ValueString()
	}
	if other, taken := r.Client.Claim(pool, value, who); taken {
		resp.Diagnostics.AddAttributeError(at, "Value used twice",
			fmt.Sprintf("The %s plans %s = %q, which the %s in this configuration plans too. The value must be unique "+
				"across %s; give each resource its own.", who.Name, at, value, other.Name, pool))
	}
}

// Create sends the draft with one request and saves the response.
func (r *Resource[M, PM, T, A]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	defer func() {
		resp.Diagnostics.Append(framework.SetIdentity(ctx, resp.State.Raw, tftypes.Value{}, resp.Identity)...)
	}()
	plan := PM(new(M))
	resp.Diagnostics.Append(tfmodel.GetPlan(ctx, req.Plan, plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Base().Timeouts.Create(ctx, DefaultCreateTimeout)
	resp.Diagnostics.Append(diags...)
	if r.f.Config != nil {
		resp.Diagnostics.Append(r.f.Config(ctx, req.Config, plan)...)
	}
	draft, diags := r.f.Draft(ctx, r.Client, plan)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	created, err := r.f.Endpoint.Create(ctx, r.Client, draft, plan.Base().Key.ValueString())
	for round, start := 0, time.Now(); err != nil && contended(err, r.f.Contended) != "" && time.Since(start) < ContentionWait; round++ {
		tflog.Debug(ctx, "a unique value is held by another resource; waiting for it to move", map[string]any{"resource": r.f.Noun})
		if contentionPause(ctx, round) != nil {
			break
		}
		created, err = r.f.Endpoint.Create(ctx, r.Client, draft, plan.Base().Key.ValueString())
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Unable to create %s %s", r.f.Noun, name(plan)), r.detail(err))
		return
	}
	resp.Diagnostics.Append(r.f.Flatten(ctx, r.Client, created, plan)...)
	setMeta(plan, r.f.Endpoint.Meta(created))
	tflog.Debug(ctx, "created "+r.f.Noun, map[string]any{"id": plan.Base().ID.ValueString()})
	resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, plan)...)
	unset.Applied(r.f.TypeName, req.Plan, &resp.State)
}

// setMeta copies id, key and version from the API.
func setMeta(m Model, meta client.Meta) {
	b := m.Base()
	b.ID = types.StringValue(meta.ID)
	b.Version = types.Int64Value(meta.Version)
	if meta.Key != "" || b.Key.IsUnknown() {
		b.Key = types.StringValue(meta.Key)
		if meta.Key == "" {
			b.Key = types.StringNull()
		}
	}
}

// Read refreshes the resource from the family's shared listing. A resource that no longer
// exists is removed from state with a warning, so the plan that follows explains itself.
func (r *Resource[M, PM, T, A]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
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

	id := state.Base().ID.ValueString()
	remote, err := r.f.Endpoint.Read(ctx, r.Client, id)
	if client.IsNotFound(err) {
		resp.Diagnostics.AddWarning(fmt.Sprintf("The %s %s no longer exists", r.f.Noun, name(state)),
			fmt.Sprintf("The %s with id %s was deleted outside Terraform. It is removed from the state, and the plan creates it again "+
				"if the configuration still declares it.", r.f.Noun, id))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Unable to read %s %s", r.f.Noun, name(state)), r.detail(err))
		return
	}
	importing := state.Base().Version.IsNull()
	resp.Diagnostics.Append(r.f.Flatten(withImporting(ctx, state), r.Client, remote, state)...)
	setMeta(state, r.f.Endpoint.Meta(remote))
	resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, state)...)
	if importing {
		unset.Read(r.f.TypeName, &resp.State)
	} else {
		unset.ReadFrom(r.f.TypeName, req.State, &resp.State)
	}
}

// Update sends the actions that take the state to the plan (see runUpdate).
func (r *Resource[M, PM, T, A]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer func() {
		resp.Diagnostics.Append(framework.SetIdentity(ctx, resp.State.Raw, req.State.Raw, resp.Identity)...)
	}()
	var id string
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	if resp.Diagnostics.HasError() {
		return
	}
	group := r.f.TypeName
	if r.f.LockGroup != "" {
		group = r.f.LockGroup
	}
	unlock := r.Client.Lock(group + "/" + id)
	defer unlock()
	e, c := r.f.Endpoint, r.Client
	runUpdate(ctx, req, resp, updater[M, PM, T, A]{
		typeName: r.f.TypeName, noun: r.f.Noun, detail: r.detail, meta: e.Meta, config: r.f.Config, contended: r.f.Contended, interim: r.f.Interim,
		flatten: func(ctx context.Context, t *T, m PM) diag.Diagnostics { return r.f.Flatten(ctx, c, t, m) },
		actions: func(ctx context.Context, from, to PM) ([]A, diag.Diagnostics) { return r.f.Actions(ctx, c, from, to) },
		get:     func(ctx context.Context) (*T, error) { return e.Get(ctx, c, client.ByID(id)) },
		read:    func(ctx context.Context) (*T, error) { return e.Read(ctx, c, id) },
		update: func(ctx context.Context, version int64, actions []A) (*T, error) {
			if r.f.Stages != nil {
				return e.UpdateStaged(ctx, c, id, version, r.f.Stages(actions))
			}
			return e.Update(ctx, c, id, version, actions)
		},
	})
}

// updater is what runUpdate needs of a collection resource or a singleton.
type updater[M any, PM interface {
	*M
	Model
}, T, A any] struct {
	typeName string // the family's, for unset
	noun     string
	detail   func(error) string
	flatten  func(ctx context.Context, remote *T, m PM) diag.Diagnostics
	actions  func(ctx context.Context, from, to PM) ([]A, diag.Diagnostics)
	meta     func(*T) client.Meta
	get      func(ctx context.Context) (*T, error) // one fresh GET
	read     func(ctx context.Context) (*T, error) // the cheapest read (the shared listing)
	update   func(ctx context.Context, version int64, actions []A) (*T, error)
	// settle, when positive, is how long to wait for values the API applies with a delay: after
	// the update, the resource is read again until it holds what was planned.
	settle time.Duration
	// config fills the plan's write-only values from the configuration (optional).
	config func(ctx context.Context, config tfsdk.Config, plan PM) diag.Diagnostics
	// contended and interim: see Family.Contended and Family.Interim.
	contended []string
	interim   func(field string, from PM) []A
}

// runUpdate sends the actions that take the state to the plan, in as few requests as the
// 500-actions limit allows. When nothing the API holds changes (only timeouts, or an order the
// API does not keep), it reads the resource once so that the state saved is what exists. When
// someone else changed the resource in between (409), it reads it, recomputes the actions
// against what it holds now and tries again, a bounded number of times. When only part of a
// large update was applied, the state saved is the resource as it is after the requests that
// succeeded.
func runUpdate[M any, PM interface {
	*M
	Model
}, T, A any](ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse, u updater[M, PM, T, A]) {
	plan, state := PM(new(M)), PM(new(M))
	resp.Diagnostics.Append(tfmodel.GetPlan(ctx, req.Plan, plan)...)
	resp.Diagnostics.Append(tfmodel.GetState(ctx, req.State, state)...)
	if u.config != nil {
		resp.Diagnostics.Append(u.config(ctx, req.Config, plan)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Base().Timeouts.Update(ctx, DefaultUpdateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	version := state.Base().Version.ValueInt64()
	from := state
	var current *T // the resource as read after a conflict
	contention, movedAway, start := 0, false, time.Now()
	for attempt := 0; ; attempt++ {
		actions, diags := u.actions(ctx, from, plan)
		resp.Diagnostics.Append(diags...)
		if resp.Diagnostics.HasError() {
			return
		}
		var res *T
		var err error
		switch {
		case len(actions) > 0:
			res, err = u.update(ctx, version, actions)
		case current != nil:
			res = current
		default:
			res, err = u.read(ctx)
		}
		if err == nil && u.settle > 0 && len(actions) > 0 {
			res, err = settle(ctx, u, req, res)
		}
		if err == nil {
			resp.Diagnostics.Append(u.flatten(ctx, res, plan)...)
			setMeta(plan, u.meta(res))
			resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, plan)...)
			unset.Applied(u.typeName, req.Plan, &resp.State)
			return
		}
		if field := contended(err, u.contended); field != "" && time.Since(start) < ContentionWait {
			// Another resource holds the value; it may be moving away in this apply.
			attempt--
			if !movedAway && u.interim != nil {
				movedAway = true
				if interim := u.interim(field, from); len(interim) > 0 {
					if moved, merr := u.update(ctx, version, interim); merr == nil {
						current, version = moved, u.meta(moved).Version
						from = PM(new(M))
						resp.Diagnostics.Append(tfmodel.GetState(ctx, req.State, from)...)
						resp.Diagnostics.Append(u.flatten(ctx, moved, from)...)
					}
				}
			}
			tflog.Debug(ctx, "a unique value is held by another resource; waiting for it to move",
				map[string]any{"resource": u.noun, "field": field, "round": contention})
			if contentionPause(ctx, contention) == nil {
				contention++
				continue
			}
		}
		if movedAway && current != nil {
			// Save what exists (the temporary value), so the next plan shows the change still due.
			resp.Diagnostics.Append(u.flatten(ctx, current, state)...)
			setMeta(state, u.meta(current))
			resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, state)...)
			unset.Read(u.typeName, &resp.State)
		}
		var partial *client.PartialUpdateError
		if errors.As(err, &partial) && res != nil {
			// Save what exists, so the next plan shows only what is left.
			resp.Diagnostics.Append(u.flatten(ctx, res, state)...)
			setMeta(state, u.meta(res))
			resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, state)...)
			unset.Read(u.typeName, &resp.State)
		}
		if !client.IsConcurrentModification(err) || partial != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Unable to update %s %s", u.noun, name(state)), u.detail(err))
			return
		}
		if attempt >= maxConflictRetries {
			resp.Diagnostics.AddError(fmt.Sprintf("Unable to update %s %s: someone else is changing it", u.noun, name(state)),
				fmt.Sprintf("The %s changed %d times while this apply was updating it (each time commercetools answered 409 ConcurrentModification). "+
					"Another process or person is editing it right now. Run terraform plan to see its current state, then apply again.\n\nLast error: %s",
					u.noun, attempt+1, u.detail(err)))
			return
		}
		tflog.Debug(ctx, "concurrent change; re-reading and recomputing update actions",
			map[string]any{"resource": u.noun, "id": state.Base().ID.ValueString(), "attempt": attempt + 1})
		var gerr error
		if current, gerr = u.get(ctx); gerr != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Unable to update %s %s", u.noun, name(state)),
				fmt.Sprintf("%s\n\nAfter a concurrent change, reading it again failed: %s", u.detail(err), u.detail(gerr)))
			return
		}
		from = PM(new(M))
		resp.Diagnostics.Append(tfmodel.GetState(ctx, req.State, from)...)
		resp.Diagnostics.Append(u.flatten(ctx, current, from)...)
		if resp.Diagnostics.HasError() {
			return
		}
		version = u.meta(current).Version
	}
}

// settle waits, at most u.settle, until the resource holds what the plan asks for: the update
// was accepted, but some values are applied with a delay (project settings). It returns the
// resource as last read, or an error that names what is still missing.
func settle[M any, PM interface {
	*M
	Model
}, T, A any](ctx context.Context, u updater[M, PM, T, A], req resource.UpdateRequest, res *T) (*T, error) {
	deadline := time.Now().Add(u.settle)
	wait := 250 * time.Millisecond
	for {
		plan, got := PM(new(M)), PM(new(M))
		if d := tfmodel.GetPlan(ctx, req.Plan, plan); d.HasError() {
			return res, nil
		}
		if d := tfmodel.GetPlan(ctx, req.Plan, got); d.HasError() {
			return res, nil
		}
		u.flatten(ctx, res, got)
		pending, _ := u.actions(ctx, got, plan)
		if len(pending) == 0 {
			return res, nil
		}
		if time.Now().Add(wait).After(deadline) {
			return nil, fmt.Errorf("commercetools accepted the change of %s %s but still reports the old value of %d setting(s) after %s; "+
				"it applies some settings with a delay. Run terraform plan in a minute to check", u.noun, name(plan), len(pending), u.settle)
		}
		tflog.Debug(ctx, "waiting for a delayed change to show", map[string]any{"resource": u.noun, "pending_actions": len(pending)})
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 2*time.Second)
		next, err := u.get(ctx)
		if err != nil {
			return nil, err
		}
		res = next
	}
}

// Delete deletes the resource at the version in state; after a concurrent change it deletes the
// current version (the configuration asked for it to be gone). A resource that is already gone
// counts as deleted.
func (r *Resource[M, PM, T, A]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state := PM(new(M))
	resp.Diagnostics.Append(tfmodel.GetState(ctx, req.State, state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.Base().Timeouts.Delete(ctx, DefaultDeleteTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	id := state.Base().ID.ValueString()
	unlock := r.Client.Lock(r.f.TypeName + "/" + id)
	defer unlock()
	version := state.Base().Version.ValueInt64()
	for attempt := 0; ; attempt++ {
		_, err := r.f.Endpoint.Delete(ctx, r.Client, id, version)
		if err == nil || client.IsNotFound(err) {
			return
		}
		if current, ok := client.CurrentVersion(err); ok && attempt < maxConflictRetries {
			version = current
			continue
		}
		msg := r.detail(err)
		var ae *client.APIError
		if errors.As(err, &ae) && ae.HasCode("ReferenceExists") {
			msg += fmt.Sprintf("\n\nThe %s is still referenced by another resource. Remove the reference (or the resource that holds it) first; "+
				"in one configuration, a reference by attribute (such as .id) makes Terraform order the two for you.", r.f.Noun)
		}
		resp.Diagnostics.AddError(fmt.Sprintf("Unable to delete %s %s", r.f.Noun, name(state)), msg)
		return
	}
}

// ImportState takes an id, or key=<key> (the state then holds the id the key resolves to).
func (r *Resource[M, PM, T, A]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	given, diags := framework.ImportIDFromIdentity(req, r.f.TypeName, func(a map[string]string) string {
		if a["id"] != "" {
			return a["id"]
		}
		if a["key"] != "" {
			return "key=" + a["key"]
		}
		return ""
	})
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	req.ID = given
	raw := strings.TrimSpace(req.ID)
	usage := fmt.Sprintf("Import a commercetools_%s by its id or by its key, written key=<key>, for example:\n"+
		"  terraform import commercetools_%s.example 4f7e5cfd-2a0c-4c5e-9f3e-1c2d3b4a5e6f\n"+
		"  terraform import commercetools_%s.example key=my-key", r.f.TypeName, r.f.TypeName, r.f.TypeName)
	if key, ok := strings.CutPrefix(raw, "key="); ok {
		if key == "" || strings.ContainsAny(key, "/?#% ") {
			resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf("%q is not a valid key.\n\n%s", key, usage))
			return
		}
		found, err := r.f.Endpoint.Get(ctx, r.Client, client.ByKey(key))
		if client.IsNotFound(err) {
			resp.Diagnostics.AddError(fmt.Sprintf("Cannot import %s with key %q", r.f.Noun, key),
				fmt.Sprintf("No %s with key %q exists in project %s.", r.f.Noun, key, r.Client.ProjectKey()))
			return
		}
		if err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Unable to look up %s with key %q", r.f.Noun, key), r.detail(err))
			return
		}
		raw = r.f.Endpoint.Meta(found).ID
	}
	if raw == "" || strings.ContainsAny(raw, "/?#% ") {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf("%q is neither an id nor key=<key>.\n\n%s", req.ID, usage))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), raw)...)
}
