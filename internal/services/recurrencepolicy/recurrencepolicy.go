// Package recurrencepolicy implements commercetools_recurrence_policy and its data source by key:
// how often recurring orders repeat.
package recurrencepolicy

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

type schedule struct {
	Type         string  `json:"type"`
	Value        *int64  `json:"value,omitempty"`
	IntervalUnit *string `json:"intervalUnit,omitempty"`
	Day          *int64  `json:"day,omitempty"`
}

// policy is a RecurrencePolicy as the API returns it.
type policy struct {
	ID          string            `json:"id"`
	Version     int64             `json:"version"`
	CreatedAt   time.Time         `json:"createdAt"`
	Key         string            `json:"key"`
	Name        map[string]string `json:"name,omitempty"`
	Description map[string]string `json:"description,omitempty"`
	Schedule    schedule          `json:"schedule"`
}

type draft struct {
	Key         string            `json:"key"`
	Name        map[string]string `json:"name,omitempty"`
	Description map[string]string `json:"description,omitempty"`
	Schedule    schedule          `json:"schedule"`
}

type action = updates.Action

type scheduleModel struct {
	Type         types.String `tfsdk:"type"`
	Value        types.Int64  `tfsdk:"value"`
	IntervalUnit types.String `tfsdk:"interval_unit"`
	Day          types.Int64  `tfsdk:"day"`
}

type model struct {
	versioned.Common
	Name        types.Map       `tfsdk:"name"`
	Description types.Map       `tfsdk:"description"`
	Schedule    []scheduleModel `tfsdk:"schedule"`
}

var endpoint = &client.Endpoint[policy, action]{
	Path: "recurrence-policies", Noun: "recurrence policy",
	Meta: func(p *policy) client.Meta {
		return client.Meta{ID: p.ID, Key: p.Key, Version: p.Version, CreatedAt: p.CreatedAt}
	},
}

func resourceSchema(ctx context.Context) schema.Schema {
	return versioned.WithCommon(ctx, schema.Schema{
		MarkdownDescription: "A [recurrence policy](https://docs.commercetools.com/api/projects/recurrence-policies): how often a " +
			"recurring order repeats. Cart discounts can apply to the orders of some policies (`recurring_order_scope`).",
		Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{Required: true, MarkdownDescription: framework.KeyDescription("recurrence policy"),
				Validators: framework.KeyValidators()},
			"name":        schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Name by locale."},
			"description": schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Description by locale."},
		},
		Blocks: map[string]schema.Block{
			"schedule": schema.ListNestedBlock{
				MarkdownDescription: "When orders recur (exactly one block): every `value` `interval_unit`s (`standard`), or on one `day` of each month (`dayOfMonth`).",
				Validators:          []validator.List{listvalidator.IsRequired(), listvalidator.SizeBetween(1, 1)},
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"type": schema.StringAttribute{Required: true, MarkdownDescription: "`standard` or `dayOfMonth`.",
						Validators: []validator.String{stringvalidator.OneOf("standard", "dayOfMonth")}},
					"value": schema.Int64Attribute{Optional: true, MarkdownDescription: "`standard`: how many units between orders.",
						Validators: []validator.Int64{int64validator.AtLeast(1)}},
					"interval_unit": schema.StringAttribute{Optional: true, MarkdownDescription: "`standard`: `Days`, `Weeks` or `Months`.",
						Validators: []validator.String{stringvalidator.OneOf("Days", "Weeks", "Months")}},
					"day": schema.Int64Attribute{Optional: true, MarkdownDescription: "`dayOfMonth`: the day, 1 to 31 (orders of shorter months come on their last day).",
						Validators: []validator.Int64{int64validator.Between(1, 31)}},
				}},
			},
		},
	}, "recurrence policy")
}

func scheduleDraft(l []scheduleModel) schedule {
	if len(l) == 0 {
		return schedule{}
	}
	s := l[0]
	out := schedule{Type: s.Type.ValueString()}
	if out.Type == "standard" {
		out.Value, out.IntervalUnit = flex.Int64(s.Value), flex.String(s.IntervalUnit)
	} else {
		out.Day = flex.Int64(s.Day)
	}
	return out
}

func draftOf(_ context.Context, _ *client.Client, m *model) (any, diag.Diagnostics) {
	return draft{Key: m.Key.ValueString(), Name: flex.Localized(m.Name), Description: flex.Localized(m.Description),
		Schedule: scheduleDraft(m.Schedule)}, nil
}

func flatten(_ context.Context, _ *client.Client, p *policy, m *model) diag.Diagnostics {
	m.Key = types.StringValue(p.Key)
	m.Name = flex.LocalizedValue(p.Name)
	m.Description = flex.LocalizedValue(p.Description)
	m.Schedule = []scheduleModel{{Type: types.StringValue(p.Schedule.Type), Value: flex.Int64Value(p.Schedule.Value),
		IntervalUnit: flex.Optional(p.Schedule.IntervalUnit), Day: flex.Int64Value(p.Schedule.Day)}}
	return nil
}

func actions(_ context.Context, _ *client.Client, from, to *model) ([]action, diag.Diagnostics) {
	var out []action
	if k := to.Key.ValueString(); k != from.Key.ValueString() {
		out = append(out, action{"action": "setKey", "key": k})
	}
	if n := flex.Localized(to.Name); !flex.SameLocalized(flex.Localized(from.Name), n) {
		out = append(out, updates.Act("setName", "name", n))
	}
	if d := flex.Localized(to.Description); !flex.SameLocalized(flex.Localized(from.Description), d) {
		out = append(out, updates.Act("setDescription", "description", d))
	}
	if s := scheduleDraft(to.Schedule); !sameSchedule(s, scheduleDraft(from.Schedule)) {
		out = append(out, action{"action": "setSchedule", "schedule": s})
	}
	return out, nil
}

func sameSchedule(a, b schedule) bool {
	eq := func(x, y *int64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	eqs := func(x, y *string) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return a.Type == b.Type && eq(a.Value, b.Value) && eq(a.Day, b.Day) && eqs(a.IntervalUnit, b.IntervalUnit)
}

func validate(_ context.Context, m *model) diag.Diagnostics {
	var diags diag.Diagnostics
	if len(m.Schedule) != 1 || !flex.Known(m.Schedule[0].Type) {
		return nil
	}
	s, at := m.Schedule[0], path.Root("schedule").AtListIndex(0)
	standard := s.Type.ValueString() == "standard"
	for _, c := range []struct {
		name    string
		present bool
		wanted  bool
	}{
		{"value", !s.Value.IsNull(), standard},
		{"interval_unit", !s.IntervalUnit.IsNull(), standard},
		{"day", !s.Day.IsNull(), !standard},
	} {
		switch {
		case c.wanted && !c.present:
			diags.AddAttributeError(at.AtName(c.name), "Missing "+c.name, fmt.Sprintf("A %s schedule needs %s.", s.Type.ValueString(), c.name))
		case !c.wanted && c.present:
			diags.AddAttributeError(at.AtName(c.name), c.name+" not allowed", fmt.Sprintf("A %s schedule has no %s.", s.Type.ValueString(), c.name))
		}
	}
	return diags
}

var family = &versioned.Family[model, *model, policy, action]{
	TypeName: "recurrence_policy", Noun: "recurrence policy", Endpoint: endpoint, Hint: framework.ScopesOf("recurrence_policies"),
	Schema: resourceSchema, Draft: draftOf, Flatten: flatten, Actions: actions, Validate: validate,
}

// NewResource returns the commercetools_recurrence_policy resource.
var NewResource = versioned.NewResource(family)

// NewDataSource returns the commercetools_recurrence_policy data source (by key).
var NewDataSource = versioned.NewDataSource(family)
