// Package customobject implements commercetools_custom_object and its data source: JSON
// documents addressed by container and key.
package customobject

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	ds "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/jsonvalue"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/tfmodel"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

const noun = "custom object"

var hint = framework.ScopesOf("key_value_documents")

// maxConflictRetries bounds how often a write that met a concurrent change re-reads the object.
const maxConflictRetries = 3

// model is the state of commercetools_custom_object (the incumbent's names; key is the key within
// the container).
type model struct {
	versioned.Common
	Container types.String    `tfsdk:"container"`
	Value     jsonvalue.Value `tfsdk:"value"`
}

var (
	containerRe = `^[-_~.a-zA-Z0-9]+$`
	keyRe       = `^[-_~.a-zA-Z0-9]{1,256}$`
)

func resourceSchema(ctx context.Context) schema.Schema {
	return versioned.WithCommon(ctx, schema.Schema{
		Version: 0, // the incumbent's
		MarkdownDescription: "A [custom object](https://docs.commercetools.com/api/projects/custom-objects): a JSON document " +
			"stored under a container and a key, for configuration your applications read.\n\n" +
			"The value is compared as the document commercetools stores: whitespace, key order and the spelling of numbers " +
			"never plan a change, and fields whose value is `null` count as absent (commercetools does not save them; the " +
			"plan warns about them). A create never takes over an object that already exists with the same container and " +
			"key: it fails and tells you to import it.",
		Attributes: map[string]schema.Attribute{
			"container": schema.StringAttribute{Required: true,
				MarkdownDescription: "Namespace of the object: A-Z, a-z, 0-9, `-`, `_`, `~` and `.`. Changing it creates a new object and deletes this one.",
				Validators:          []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(containerRe), "must be characters of A-Z, a-z, 0-9, '-', '_', '~' and '.'")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"key": schema.StringAttribute{Required: true,
				MarkdownDescription: "Key of the object in its container: 1 to 256 characters of A-Z, a-z, 0-9, `-`, `_`, `~` and `.`. " +
					"Changing it creates a new object and deletes this one.",
				Validators:    []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(keyRe), "must be 1 to 256 characters of A-Z, a-z, 0-9, '-', '_', '~' and '.'")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"value": schema.StringAttribute{Required: true, CustomType: jsonvalue.Type{},
				MarkdownDescription: "The document as JSON text, usually written with `jsonencode(...)`: an object, an array, a string, " +
					"a number or a boolean. A change replaces the whole value.",
				Validators:    []validator.String{jsonvalue.Validator{}},
				PlanModifiers: []planmodifier.String{jsonvalue.KeepStateIfSame{}}},
		},
	}, noun)
}

// Resource is commercetools_custom_object.
type Resource struct {
	framework.ResourceBase
}

var (
	_ resource.ResourceWithConfigure   = (*Resource)(nil)
	_ resource.ResourceWithImportState = (*Resource)(nil)
	_ resource.ResourceWithModifyPlan  = (*Resource)(nil)
)

// PlansDestroyAsIs (framework.DestroyPlanner): ModifyPlan returns at once for a null plan.
func (r *Resource) PlansDestroyAsIs() {}

// ModifyPlan plans no change when the configured value is the same document as the state's:
// the value keeps its prior text (the attribute's plan modifier) and the version its prior
// number, which the framework would otherwise mark as unknown for the reformatted text.
func (r *Resource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var plan, state model
	resp.Diagnostics.Append(tfmodel.GetPlan(ctx, req.Plan, &plan)...)
	resp.Diagnostics.Append(tfmodel.GetState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() || plan.Value.IsUnknown() || !plan.Container.Equal(state.Container) || !plan.Key.Equal(state.Key) ||
		!jsonvalue.Same(plan.Value.ValueString(), state.Value.ValueString()) {
		return
	}
	plan.Value, plan.Version = state.Value, state.Version
	resp.Diagnostics.Append(tfmodel.SetPlan(ctx, &resp.Plan, &plan)...)
}

// PlanUnchanged (framework.UnchangedPlanner): for a plan equal to the state, ModifyPlan plans
// the state's value and version, which the plan already holds.
// ReadsDirectly (framework.DirectReader): Read uses neither private state nor deferral.
func (r *Resource) ReadsDirectly() {}

func (r *Resource) PlanUnchanged(context.Context, func() (tfsdk.State, error)) (diag.Diagnostics, bool) {
	return nil, true
}

// NewResource returns the resource.
func NewResource() resource.Resource { return &Resource{} }

// Metadata sets the type name.
func (r *Resource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_custom_object"
}

// IdentitySchema: the id, the container and the key.
func (r *Resource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.IdentitySchema(
		framework.IdentityAttr{Name: "id", Description: "The id of the custom object. An import by identity gives the id, or the container and the key."},
		framework.IdentityAttr{Name: "container", Description: "The container of the custom object."},
		framework.IdentityAttr{Name: "key", Description: "The key of the custom object in its container."},
	)
}

// Schema describes the resource.
func (r *Resource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = resourceSchema(ctx)
}

func (r *Resource) detail(err error) string {
	return framework.ErrorDetail(err, r.Client.ProjectKey(), hint)
}

func name(m *model) string { return m.Container.ValueString() + "/" + m.Key.ValueString() }

// flatten copies the object into m; a value that is the same document as m's keeps m's text.
func flatten(o *client.CustomObject, m *model) {
	m.ID = types.StringValue(o.ID)
	m.Version = types.Int64Value(o.Version)
	m.Container = types.StringValue(o.Container)
	m.Key = types.StringValue(o.Key)
	remote := jsonvalue.Compact(o.Value)
	if m.Value.IsNull() || m.Value.IsUnknown() || !jsonvalue.Same(m.Value.ValueString(), remote) {
		m.Value = jsonvalue.New(remote)
	}
}

// Create writes the object, after checking that none exists with its container and key (the
// API's create-or-replace would otherwise overwrite it silently).
func (r *Resource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	defer func() {
		resp.Diagnostics.Append(framework.SetIdentity(ctx, resp.State.Raw, tftypes.Value{}, resp.Identity)...)
	}()
	var plan model
	resp.Diagnostics.Append(tfmodel.GetPlan(ctx, req.Plan, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, versioned.DefaultCreateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	container, key := plan.Container.ValueString(), plan.Key.ValueString()
	existing, err := r.Client.GetCustomObject(ctx, container, key)
	switch {
	case err == nil:
		resp.Diagnostics.AddError(fmt.Sprintf("A custom object %s/%s already exists", container, key),
			fmt.Sprintf("Project %s already has a custom object with container %q and key %q (id %s, version %d); creating this resource "+
				"would overwrite its value. To manage it with Terraform, import it:\n  terraform import <address> %s/%s\nor choose another key.",
				r.Client.ProjectKey(), container, key, existing.ID, existing.Version, container, key))
		return
	case !client.IsNotFound(err):
		resp.Diagnostics.AddError(fmt.Sprintf("Unable to create %s %s", noun, name(&plan)), r.detail(err))
		return
	}
	o, err := r.Client.PutCustomObject(ctx, container, key, json.RawMessage(plan.Value.ValueString()), nil)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Unable to create %s %s", noun, name(&plan)), r.detail(err))
		return
	}
	flatten(o, &plan)
	resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, &plan)...)
}

// Read refreshes the object; one that no longer exists is removed from state with a warning.
func (r *Resource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	defer func() {
		resp.Diagnostics.Append(framework.SetIdentity(ctx, resp.State.Raw, req.State.Raw, resp.Identity)...)
	}()
	var state model
	resp.Diagnostics.Append(tfmodel.GetState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.Timeouts.Read(ctx, versioned.DefaultReadTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	o, err := r.read(ctx, &state)
	if client.IsNotFound(err) {
		resp.Diagnostics.AddWarning(fmt.Sprintf("The %s %s no longer exists", noun, name(&state)),
			"It was deleted outside Terraform. It is removed from the state, and the plan creates it again if the configuration still declares it.")
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Unable to read %s %s", noun, name(&state)), r.detail(err))
		return
	}
	flatten(o, &state)
	resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, &state)...)
}

// read finds the object by container and key, or (right after an import by id) by its id.
func (r *Resource) read(ctx context.Context, m *model) (*client.CustomObject, error) {
	if m.Container.ValueString() != "" && m.Key.ValueString() != "" {
		return r.Client.ReadCustomObject(ctx, m.Container.ValueString(), m.Key.ValueString())
	}
	return r.Client.CustomObjectByID(ctx, m.ID.ValueString())
}

// Update replaces the value at the version in state; after a concurrent change it writes the
// planned value over the current version (the configuration says what the value is), a bounded
// number of times.
func (r *Resource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer func() {
		resp.Diagnostics.Append(framework.SetIdentity(ctx, resp.State.Raw, req.State.Raw, resp.Identity)...)
	}()
	var plan, state model
	resp.Diagnostics.Append(tfmodel.GetPlan(ctx, req.Plan, &plan)...)
	resp.Diagnostics.Append(tfmodel.GetState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, versioned.DefaultUpdateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	unlock := r.Client.Lock("custom-object/" + name(&state))
	defer unlock()
	version := state.Version.ValueInt64()
	if jsonvalue.Same(plan.Value.ValueString(), state.Value.ValueString()) {
		// Only timeouts changed: nothing to write.
		plan.ID, plan.Version = state.ID, state.Version
		resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, &plan)...)
		return
	}
	for attempt := 0; ; attempt++ {
		o, err := r.Client.PutCustomObject(ctx, plan.Container.ValueString(), plan.Key.ValueString(), json.RawMessage(plan.Value.ValueString()), &version)
		if err == nil {
			flatten(o, &plan)
			resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, &plan)...)
			return
		}
		if !client.IsConcurrentModification(err) || attempt >= maxConflictRetries {
			resp.Diagnostics.AddError(fmt.Sprintf("Unable to update %s %s", noun, name(&state)), r.detail(err))
			return
		}
		cur, gerr := r.Client.GetCustomObject(ctx, plan.Container.ValueString(), plan.Key.ValueString())
		if gerr != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Unable to update %s %s", noun, name(&state)),
				fmt.Sprintf("%s\n\nAfter a concurrent change, reading it again failed: %s", r.detail(err), r.detail(gerr)))
			return
		}
		version = cur.Version
	}
}

// Delete deletes the object at the version in state (the current one after a concurrent
// change); one that is already gone counts as deleted.
func (r *Resource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state model
	resp.Diagnostics.Append(tfmodel.GetState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, versioned.DefaultDeleteTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	unlock := r.Client.Lock("custom-object/" + name(&state))
	defer unlock()
	version := state.Version.ValueInt64()
	for attempt := 0; ; attempt++ {
		err := r.Client.DeleteCustomObject(ctx, state.Container.ValueString(), state.Key.ValueString(), version)
		if err == nil || client.IsNotFound(err) {
			return
		}
		if current, ok := client.CurrentVersion(err); ok && attempt < maxConflictRetries {
			version = current
			continue
		}
		resp.Diagnostics.AddError(fmt.Sprintf("Unable to delete %s %s", noun, name(&state)), r.detail(err))
		return
	}
}

// ImportState takes container/key, or the object's id.
func (r *Resource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	given, diags := framework.ImportIDFromIdentity(req, "custom_object", func(a map[string]string) string {
		if a["id"] != "" {
			return a["id"]
		}
		if a["container"] != "" && a["key"] != "" {
			return a["container"] + "/" + a["key"]
		}
		return ""
	})
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	req.ID = given
	raw := strings.TrimSpace(req.ID)
	usage := "Import a commercetools_custom_object by <container>/<key> or by its id, for example:\n" +
		"  terraform import commercetools_custom_object.example feature-flags/checkout"
	if container, key, ok := strings.Cut(raw, "/"); ok {
		if err := client.CheckCustomObjectAddress(container, key); err != nil {
			resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf("%q: %s.\n\n%s", req.ID, err, usage))
			return
		}
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("container"), container)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("key"), key)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), "")...)
		return
	}
	if raw == "" || strings.ContainsAny(raw, "?#% ") || url.PathEscape(raw) != raw {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf("%q is neither <container>/<key> nor an id.\n\n%s", req.ID, usage))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), raw)...)
}

// DataSource is the commercetools_custom_object data source: one object by container and key.
type DataSource struct {
	framework.DataSourceBase
}

// NewDataSource returns the data source.
func NewDataSource() datasource.DataSource { return &DataSource{} }

// dataModel is the data source's state.
type dataModel struct {
	ID        types.String    `tfsdk:"id"`
	Container types.String    `tfsdk:"container"`
	Key       types.String    `tfsdk:"key"`
	Version   types.Int64     `tfsdk:"version"`
	Value     jsonvalue.Value `tfsdk:"value"`
}

// Metadata sets the type name.
func (d *DataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_custom_object"
}

// Schema describes the data source.
func (d *DataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = ds.Schema{
		MarkdownDescription: "One [custom object](https://docs.commercetools.com/api/projects/custom-objects) by container and key. " +
			"Decode its value with `jsondecode(...)`.",
		Attributes: map[string]ds.Attribute{
			"container": ds.StringAttribute{Required: true, MarkdownDescription: "Namespace of the object."},
			"key":       ds.StringAttribute{Required: true, MarkdownDescription: "Key of the object in its container."},
			"id":        ds.StringAttribute{Computed: true, MarkdownDescription: "The id of the object."},
			"version":   ds.Int64Attribute{Computed: true, MarkdownDescription: "The current version of the object."},
			"value":     ds.StringAttribute{Computed: true, CustomType: jsonvalue.Type{}, MarkdownDescription: "The document as compact JSON text with sorted keys."},
		},
	}
}

// Read looks the object up with one GET.
func (d *DataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m dataModel
	resp.Diagnostics.Append(tfmodel.GetConfig(ctx, req.Config, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	container, key := m.Container.ValueString(), m.Key.ValueString()
	o, err := d.Client.GetCustomObject(ctx, container, key)
	if client.IsNotFound(err) {
		resp.Diagnostics.AddError(fmt.Sprintf("No custom object %s/%s", container, key),
			fmt.Sprintf("Project %s has no custom object with container %q and key %q.", d.Client.ProjectKey(), container, key))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Unable to read custom object %s/%s", container, key), framework.ErrorDetail(err, d.Client.ProjectKey(), hint))
		return
	}
	m.ID, m.Version = types.StringValue(o.ID), types.Int64Value(o.Version)
	m.Value = jsonvalue.New(jsonvalue.Compact(o.Value))
	resp.Diagnostics.Append(tfmodel.SetState(ctx, &resp.State, &m)...)
}

// ListResourceConfigSchema: container and key_prefix.
func (r *Resource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = framework.ListSchema("Lists the custom objects of the project (of one container, or of all), for `terraform query`.",
		map[string]listschema.Attribute{
			"container": listschema.StringAttribute{Optional: true,
				MarkdownDescription: "List only the objects of this container. Without it, every container is listed (with the API's project-wide query)."},
			"key_prefix": framework.KeyPrefixAttribute("custom objects"),
		})
}

// List lists custom objects.
func (r *Resource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg struct {
		Container types.String `tfsdk:"container"`
		KeyPrefix types.String `tfsdk:"key_prefix"`
	}
	if d := req.Config.Get(ctx, &cfg); d.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(d)
		return
	}
	all, err := r.Client.AllCustomObjects(ctx, cfg.Container.ValueString())
	if err != nil {
		var diags diag.Diagnostics
		diags.AddError("Unable to list custom objects", r.detail(err))
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	filter := framework.ListFilter{KeyPrefix: cfg.KeyPrefix.ValueString()}
	items := make([]framework.ListItem, 0, len(all))
	for _, o := range all {
		if !filter.Matches(o.Key) {
			continue
		}
		items = append(items, framework.ListItem{ImportID: o.Container + "/" + o.Key, Display: o.Container + "/" + o.Key})
	}
	stream.Results = framework.ListResults(ctx, r, req, items)
}
