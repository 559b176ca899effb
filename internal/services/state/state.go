// Package state implements commercetools_state (with its data source by key) and
// commercetools_state_transitions, the transitions of one state, written as a child of it.
package state

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

type ref struct {
	TypeID string `json:"typeId,omitempty"`
	ID     string `json:"id,omitempty"`
	Key    string `json:"key,omitempty"`
}

// apiState is a State as the API returns it; Transitions is nil when the state has none set
// (any transition allowed) and empty for a final state.
type apiState struct {
	ID          string            `json:"id"`
	Version     int64             `json:"version"`
	CreatedAt   time.Time         `json:"createdAt"`
	Key         string            `json:"key"`
	Type        string            `json:"type"`
	Name        map[string]string `json:"name,omitempty"`
	Description map[string]string `json:"description,omitempty"`
	Initial     bool              `json:"initial"`
	BuiltIn     bool              `json:"builtIn"`
	Roles       []string          `json:"roles,omitempty"`
	Transitions *[]ref            `json:"transitions,omitempty"`
}

type draft struct {
	Key         string            `json:"key"`
	Type        string            `json:"type"`
	Name        map[string]string `json:"name,omitempty"`
	Description map[string]string `json:"description,omitempty"`
	Initial     *bool             `json:"initial,omitempty"`
	Roles       []string          `json:"roles,omitempty"`
}

type action = updates.Action

var states = &client.Endpoint[apiState, action]{
	Path: "states", Noun: "state",
	Meta: func(s *apiState) client.Meta {
		return client.Meta{ID: s.ID, Key: s.Key, Version: s.Version, CreatedAt: s.CreatedAt}
	},
}

var hint = framework.ScopesOf("states")

// Types is StateTypeEnum (the incumbent lacked RecurringOrderState).
var Types = []string{"OrderState", "RecurringOrderState", "LineItemState", "ProductState", "ReviewState", "PaymentState",
	"QuoteRequestState", "StagedQuoteState", "QuoteState"}

// model is the state of commercetools_state, with the incumbent's names.
type model struct {
	versioned.Common
	Type        types.String `tfsdk:"type"`
	Name        types.Map    `tfsdk:"name"`
	Description types.Map    `tfsdk:"description"`
	Initial     types.Bool   `tfsdk:"initial"`
	Roles       types.List   `tfsdk:"roles"`
}

func stateSchema(ctx context.Context) schema.Schema {
	return versioned.WithCommon(ctx, schema.Schema{
		Version: 0, // the incumbent's
		MarkdownDescription: "A [state](https://docs.commercetools.com/api/projects/states) of an order, line item, payment, " +
			"review, product or quote workflow. Its transitions are a separate resource, " +
			"[`commercetools_state_transitions`](state_transitions.md), so that states can refer to each other.\n\n" +
			"commercetools refuses update actions that would change nothing, so the provider sends only real changes, " +
			"computed against the state as it is (after a concurrent change, as just read).",
		Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{Required: true, MarkdownDescription: "User-defined unique identifier of the state.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
			"type": schema.StringAttribute{Required: true, MarkdownDescription: "The workflow: one of `" + strings.Join(Types, "`, `") + "`.",
				Validators: []validator.String{stringvalidator.OneOf(Types...)}},
			"name":        schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Name of the state by locale.", Validators: []validator.Map{mapvalidator.SizeAtLeast(1)}},
			"description": schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Description of the state by locale.", Validators: []validator.Map{mapvalidator.SizeAtLeast(1)}},
			"initial": schema.BoolAttribute{Optional: true, Computed: true,
				MarkdownDescription: "Whether the state starts a workflow. Left out, new states get the API's default, true, and an existing state keeps its value.",
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}},
			"roles": schema.ListAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "`ReviewIncludedInStatistics` (review states) or `Return` (line item states).",
				Validators: []validator.List{listvalidator.SizeAtLeast(1),
					listvalidator.ValueStringsAre(stringvalidator.OneOf("ReviewIncludedInStatistics", "Return"))}},
		},
	}, "state")
}

func draftOf(_ context.Context, _ *client.Client, m *model) (any, diag.Diagnostics) {
	return draft{Key: m.Key.ValueString(), Type: m.Type.ValueString(), Name: flex.Localized(m.Name), Description: flex.Localized(m.Description),
		Initial: flex.Bool(m.Initial), Roles: flex.Strings(m.Roles)}, nil
}

func flatten(_ context.Context, _ *client.Client, s *apiState, m *model) diag.Diagnostics {
	m.Key = types.StringValue(s.Key)
	m.Type = types.StringValue(s.Type)
	m.Name = flex.LocalizedValue(s.Name)
	m.Description = flex.LocalizedValue(s.Description)
	m.Initial = types.BoolValue(s.Initial)
	m.Roles = types.ListNull(types.StringType)
	if len(s.Roles) > 0 {
		if p := flex.Strings(m.Roles); p != nil && updates.SameSet(p, s.Roles) {
			m.Roles = flex.StringList(p)
		} else {
			m.Roles = flex.StringList(s.Roles)
		}
	}
	return nil
}

// actions sends only real changes: the API rejects changeKey, changeType, changeInitial,
// setName, setDescription and setRoles to the value the state already has.
func actions(_ context.Context, _ *client.Client, from, to *model) ([]action, diag.Diagnostics) {
	var out []action
	if k := to.Key.ValueString(); k != from.Key.ValueString() {
		out = append(out, updates.Act("changeKey", "key", k))
	}
	if t := to.Type.ValueString(); t != from.Type.ValueString() {
		out = append(out, updates.Act("changeType", "type", t))
	}
	if flex.Known(to.Initial) && to.Initial.ValueBool() != from.Initial.ValueBool() {
		out = append(out, updates.Act("changeInitial", "initial", to.Initial.ValueBool()))
	}
	for _, l := range []struct {
		action, field string
		from, to      types.Map
	}{{"setName", "name", from.Name, to.Name}, {"setDescription", "description", from.Description, to.Description}} {
		if n := flex.Localized(l.to); !flex.SameLocalized(n, flex.Localized(l.from)) {
			if n == nil {
				n = map[string]string{} // {} removes the value
			}
			out = append(out, updates.Act(l.action, l.field, n))
		}
	}
	if r := flex.Strings(to.Roles); !updates.SameSet(r, flex.Strings(from.Roles)) {
		if r == nil {
			r = []string{}
		}
		out = append(out, updates.Act("setRoles", "roles", r))
	}
	return out, nil
}

var stateFamily = &versioned.Family[model, *model, apiState, action]{
	TypeName: "state", Noun: "state", Endpoint: states, Hint: hint,
	Schema: stateSchema, Draft: draftOf, Flatten: flatten, Actions: actions,
}

// NewResource returns the commercetools_state resource.
var NewResource = versioned.NewResource(stateFamily)

// NewDataSource returns the commercetools_state data source (by key).
var NewDataSource = versioned.NewDataSource(stateFamily)

// transitionsModel is the state of commercetools_state_transitions, with the incumbent's names.
type transitionsModel struct {
	versioned.ChildCommon
	From types.String `tfsdk:"from"`
	To   types.Set    `tfsdk:"to"`
}

func transitionsSchema(ctx context.Context) schema.Schema {
	return schema.Schema{
		Version: 0, // the incumbent's
		MarkdownDescription: "The transitions of one state: the states it may move to. They live in the `from` state, and the " +
			"provider writes them with that state's current version, one write at a time per state, so a whole state machine " +
			"can be created, changed and destroyed in one apply. An empty `to` makes the state final; destroying this resource " +
			"removes the transitions, so that the state may move to any state of its type again.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The id of the `from` state.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"from": schema.StringAttribute{Required: true, MarkdownDescription: "The id of the state the transitions start from. Changing it moves them to another state.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"to": schema.SetAttribute{Required: true, ElementType: types.StringType,
				MarkdownDescription: "The ids of the states it may move to, of the same type. Empty: a final state."},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true,
				CreateDescription: "How long setting the transitions may take, retries included (default 5m).",
				ReadDescription:   "How long reading the transitions may take (default 2m).",
				UpdateDescription: "How long changing the transitions may take (default 5m).",
				DeleteDescription: "How long removing the transitions may take (default 5m).",
			}),
		},
	}
}

func findTransitions(_ context.Context, s *apiState, m *transitionsModel) (bool, diag.Diagnostics) {
	if s.Transitions == nil {
		return false, nil
	}
	ids := make([]string, 0, len(*s.Transitions))
	for _, t := range *s.Transitions {
		ids = append(ids, t.ID)
	}
	m.ID = types.StringValue(s.ID)
	m.From = types.StringValue(s.ID)
	m.To = flex.StringSet(ids)
	return true, nil
}

func setTransitions(m *transitionsModel) []action {
	to := []ref{}
	for _, id := range flex.Strings(m.To) {
		to = append(to, ref{TypeID: "state", ID: id})
	}
	return []action{updates.Act("setTransitions", "transitions", to)}
}

func changeTransitions(_ context.Context, _ *client.Client, _ *apiState, state, plan *transitionsModel) ([]action, diag.Diagnostics) {
	if updates.SameSet(flex.Strings(state.To), flex.Strings(plan.To)) {
		return nil, nil // the API refuses setTransitions to the same transitions
	}
	return setTransitions(plan), nil
}

// importTransitions takes the state's id or key=<key>.
func importTransitions(ctx context.Context, c *client.Client, id string, resp *resource.ImportStateResponse) {
	raw := strings.TrimSpace(id)
	if key, ok := strings.CutPrefix(raw, "key="); ok {
		s, err := states.Get(ctx, c, client.ByKey(key))
		if err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Cannot import the transitions of state %q", key), framework.ErrorDetail(err, c.ProjectKey(), hint))
			return
		}
		raw = s.ID
	}
	if raw == "" || strings.ContainsAny(raw, "/?#% @") {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf("%q is neither a state id nor key=<state key>. For example:\n"+
			"  terraform import commercetools_state_transitions.open key=order-open", id))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), raw)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("from"), raw)...)
}

var transitionsFamily = &versioned.ChildFamily[transitionsModel, *transitionsModel, apiState, action]{
	TypeName: "state_transitions", Noun: "state transitions", Parent: states, ParentType: "state", Hint: hint,
	Schema:   transitionsSchema,
	ParentID: func(m *transitionsModel) string { return m.From.ValueString() },
	Find:     findTransitions,
	Add: func(_ context.Context, _ *client.Client, _ *apiState, plan *transitionsModel) ([]action, diag.Diagnostics) {
		return setTransitions(plan), nil
	},
	Change: changeTransitions,
	Remove: func(context.Context, *apiState, *transitionsModel) []action {
		return []action{updates.Act("setTransitions")}
	},
	Import: importTransitions,
	// A state's transitions are one resource; a state whose transitions were never set (null)
	// has none to import.
	Children: func(s *apiState) []string {
		if s.Transitions == nil {
			return nil
		}
		return []string{s.ID}
	},
}

// NewTransitionsResource returns the commercetools_state_transitions resource.
var NewTransitionsResource = versioned.NewChildResource(transitionsFamily)
