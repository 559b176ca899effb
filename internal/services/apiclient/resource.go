// Package apiclient implements the commercetools API client family: the
// commercetools_api_client resource, data sources and ephemeral resources.
package apiclient

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/tfmodel"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/unset"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/scopes"
)

// Default operation timeouts; the timeouts block overrides them.
const (
	defaultCreateTimeout = 5 * time.Minute
	defaultReadTimeout   = 2 * time.Minute
	defaultDeleteTimeout = 5 * time.Minute
)

var (
	_ resource.ResourceWithConfigure    = (*Resource)(nil)
	_ resource.ResourceWithImportState  = (*Resource)(nil)
	_ resource.ResourceWithModifyPlan   = (*Resource)(nil)
	_ resource.ResourceWithUpgradeState = (*Resource)(nil)
)

// scopeHint is what a 403 says about the scopes of API clients.
var scopeHint = framework.Hint{
	View:   []string{"view_api_clients", "manage_api_clients"},
	Manage: []string{"manage_api_clients"},
	Note:   "manage_project:{projectKey} does not include them.",
}

// Resource is the commercetools_api_client resource.
type Resource struct {
	framework.ResourceBase
}

// NewResource returns the commercetools_api_client resource.
func NewResource() resource.Resource { return &Resource{} }

// IdentitySchema: the client_id.
func (r *Resource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.IdentityOnly("API client (its client_id)")
}

// Metadata sets the type name.
func (r *Resource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_api_client"
}

// Schema describes the resource.
func (r *Resource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = unset.Schema(resourceSchema(ctx))
}

// PlansDestroyAsIs (framework.DestroyPlanner): ModifyPlan returns at once for a null plan.
func (r *Resource) PlansDestroyAsIs() {}

// ModifyPlan warns about scopes for another project and refuses, at plan time,
// a create that the provider's configured scopes cannot perform.
func (r *Resource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.Client == nil {
		return
	}
	// Two attributes rather than the whole model: this runs for every
	// resource on every plan.
	var scope types.Set
	var id types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("scope"), &scope)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("id"), &id)...)
	if resp.Diagnostics.HasError() || scope.IsUnknown() {
		return
	}
	var list []string
	resp.Diagnostics.Append(scope.ElementsAs(ctx, &list, false)...)
	resp.Diagnostics.Append(scopeDiagnostics(list, r.Client.ProjectKey(), r.Client.ConfiguredScopes(), req.State.Raw.IsNull() || id.IsUnknown())...)
}

// ReadsDirectly (framework.DirectReader): Read uses neither private state nor deferral.
func (r *Resource) ReadsDirectly() {}

// PlanUnchanged (framework.UnchangedPlanner): for a plan equal to the state, ModifyPlan warns
// about the state's scopes of another project (an existing client is not created, so the scope
// check of a create does not apply).
func (r *Resource) PlanUnchanged(_ context.Context, prior func() (tfsdk.State, error)) (diag.Diagnostics, bool) {
	if r.Client == nil {
		return nil, true
	}
	st, err := prior()
	if err != nil {
		return nil, false
	}
	scope, _, err := tftypes.WalkAttributePath(st.Raw, tftypes.NewAttributePath().WithAttributeName("scope"))
	sv, ok := scope.(tftypes.Value)
	if err != nil || !ok || !sv.IsKnown() {
		return nil, false
	}
	var elems []tftypes.Value
	if err := sv.As(&elems); err != nil {
		return nil, false
	}
	list := make([]string, 0, len(elems))
	for _, e := range elems {
		var s string
		if err := e.As(&s); err != nil {
			return nil, false
		}
		list = append(list, s)
	}
	return scopeDiagnostics(list, r.Client.ProjectKey(), r.Client.ConfiguredScopes(), false), true
}

// scopeDiagnostics warns about scopes of another project and, for a create,
// refuses a plan the provider's configured scopes cannot carry out.
func scopeDiagnostics(requested []string, projectKey string, configured []string, creating bool) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, raw := range requested {
		s, err := scopes.Parse(raw)
		if err == nil && s.ProjectKey != projectKey {
			diags.AddAttributeWarning(path.Root("scope"), "Scope for another project",
				fmt.Sprintf("The scope %q names project %q, but the provider manages project %q. "+
					"The API rejects scopes of other projects; check the project key.", raw, s.ProjectKey, projectKey))
		}
	}
	want := "manage_api_clients:" + projectKey
	if creating && len(configured) > 0 && !scopes.Contains(configured, want) {
		diags.AddError("Missing scope manage_api_clients",
			fmt.Sprintf("Creating an API client needs the scope %s, but the provider's scopes setting (CTP_SCOPES) is %q. "+
				"manage_project:%s does not include it. Add %s to the provider's API client and to its scopes setting.",
				want, strings.Join(configured, " "), projectKey, want))
	}
	return diags
}

// Create creates the client with one API request; the response carries the secret.
func (r *Resource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	defer func() {
		resp.Diagnostics.Append(framework.SetIdentity(ctx, resp.State.Raw, tftypes.Value{}, resp.Identity)...)
	}()
	if r.Client == nil {
		resp.Diagnostics.Append(framework.NotConfigured())
		return
	}
	var plan resourceModel
	resp.Diagnostics.Append(tfmodel.GetPlan(ctx, req.Plan, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultCreateTimeout)
	resp.Diagnostics.Append(diags...)
	draft, diags := plan.draft(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	created, err := r.Client.CreateAPIClient(ctx, draft)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Unable to create API client %q", draft.Name),
			framework.ErrorDetail(err, r.Client.ProjectKey(), scopeHint))
		return
	}
	plan.applyAPI(created)
	tflog.Debug(ctx, "created API client", map[string]any{"id": created.ID})
	resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, &plan)...)
	unset.Applied("api_client", req.Plan, &resp.State)
}

// Read refreshes the client from the provider's shared listing of clients.
func (r *Resource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	defer func() {
		resp.Diagnostics.Append(framework.SetIdentity(ctx, resp.State.Raw, req.State.Raw, resp.Identity)...)
	}()
	if r.Client == nil {
		resp.Diagnostics.Append(framework.NotConfigured())
		return
	}
	var state resourceModel
	resp.Diagnostics.Append(tfmodel.GetState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.Timeouts.Read(ctx, defaultReadTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	id := state.ID.ValueString()
	got, err := r.Client.ReadAPIClient(ctx, id)
	if client.IsNotFound(err) {
		tflog.Warn(ctx, "API client no longer exists; removing it from state", map[string]any{"id": id})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Unable to read API client %s", id),
			framework.ErrorDetail(err, r.Client.ProjectKey(), scopeHint))
		return
	}
	state.applyAPI(got)
	resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, &state)...)
	unset.ReadFrom("api_client", req.State, &resp.State)
}

// Update only ever changes the timeouts block: every argument of an API client
// forces a replacement.
func (r *Resource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer func() {
		resp.Diagnostics.Append(framework.SetIdentity(ctx, resp.State.Raw, req.State.Raw, resp.Identity)...)
	}()
	var plan, state resourceModel
	resp.Diagnostics.Append(tfmodel.GetPlan(ctx, req.Plan, &plan)...)
	resp.Diagnostics.Append(tfmodel.GetState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	state.Timeouts = plan.Timeouts
	state.Keepers = plan.Keepers // recorded after an import (no other change reaches Update)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, nil)...)
	resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, &state)...)
}

// Delete deletes the client; a client that is already gone counts as deleted.
func (r *Resource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	if r.Client == nil {
		resp.Diagnostics.Append(framework.NotConfigured())
		return
	}
	var state resourceModel
	resp.Diagnostics.Append(tfmodel.GetState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, defaultDeleteTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	id := state.ID.ValueString()
	if _, err := r.Client.DeleteAPIClient(ctx, id); err != nil && !client.IsNotFound(err) {
		resp.Diagnostics.AddError(fmt.Sprintf("Unable to delete API client %s", id),
			framework.ErrorDetail(err, r.Client.ProjectKey(), scopeHint))
	}
}

// ImportState imports a client by its id. Its secret cannot be recovered.
func (r *Resource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	given, diags := framework.ImportIDFromIdentity(req, "api_client", func(a map[string]string) string { return a["id"] })
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	id := strings.TrimSpace(given)
	if id == "" {
		resp.Diagnostics.AddError("Invalid import id", "Import a commercetools_api_client by its id (the client_id), for example: terraform import commercetools_api_client.example Qm7rT2vXcL9pWd4sKe8NbY1z")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("scope"), types.SetNull(types.StringType))...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, []byte(`true`))...)
}

// ListResourceConfigSchema: name_prefix.
func (r *Resource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = framework.ListSchema("Lists the API clients of the project, for `terraform query`. Their secrets cannot be read: "+
		"an imported client has none in state.",
		map[string]listschema.Attribute{
			"name_prefix": listschema.StringAttribute{Optional: true,
				MarkdownDescription: "List only the API clients whose name starts with this text (case-sensitive)."},
		})
}

// List lists the project's API clients.
func (r *Resource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg struct {
		NamePrefix types.String `tfsdk:"name_prefix"`
	}
	if d := req.Config.Get(ctx, &cfg); d.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(d)
		return
	}
	all, err := r.Client.AllAPIClients(ctx)
	if err != nil {
		var diags diag.Diagnostics
		diags.AddError("Unable to list API clients", framework.ErrorDetail(err, r.Client.ProjectKey(), scopeHint))
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	items := make([]framework.ListItem, 0, len(all))
	for _, a := range all {
		if !strings.HasPrefix(a.Name, cfg.NamePrefix.ValueString()) {
			continue
		}
		items = append(items, framework.ListItem{ImportID: a.ID, Display: a.Name})
	}
	stream.Results = framework.ListResults(ctx, r, req, items)
}
