package extension

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/writeonly"
)

// extension is an Extension as the API returns it (the SDK v1.9.0 lacks dependencies,
// expansion paths and the additional context).
type extension struct {
	ID                string             `json:"id"`
	Version           int64              `json:"version"`
	CreatedAt         time.Time          `json:"createdAt"`
	Key               string             `json:"key,omitempty"`
	Destination       destination        `json:"destination"`
	Triggers          []trigger          `json:"triggers"`
	TimeoutInMs       *int64             `json:"timeoutInMs,omitempty"`
	Dependencies      []reference        `json:"dependencies,omitempty"`
	ExpansionPaths    []string           `json:"expansionPaths,omitempty"`
	AdditionalContext *additionalContext `json:"additionalContext,omitempty"`
}

// destination is an ExtensionDestination, discriminated by Type.
type destination struct {
	Type           string          `json:"type"`
	URL            string          `json:"url,omitempty"`
	Authentication *authentication `json:"authentication,omitempty"`
	ARN            string          `json:"arn,omitempty"`
	AccessKey      string          `json:"accessKey,omitempty"`
	AccessSecret   string          `json:"accessSecret,omitempty"`
}

// authentication is an HttpDestinationAuthentication.
type authentication struct {
	Type        string `json:"type"`
	HeaderValue string `json:"headerValue,omitempty"`
	Key         string `json:"key,omitempty"`
}

type trigger struct {
	ResourceTypeID string   `json:"resourceTypeId"`
	Actions        []string `json:"actions"`
	Condition      string   `json:"condition,omitempty"`
}

type reference struct {
	TypeID string `json:"typeId"`
	ID     string `json:"id"`
}

type additionalContext struct {
	IncludeOldResource bool `json:"includeOldResource"`
}

// extensionDraft is ExtensionDraft.
type extensionDraft struct {
	Key               string             `json:"key,omitempty"`
	Destination       destination        `json:"destination"`
	Triggers          []trigger          `json:"triggers"`
	TimeoutInMs       *int64             `json:"timeoutInMs,omitempty"`
	Dependencies      []reference        `json:"dependencies,omitempty"`
	ExpansionPaths    []string           `json:"expansionPaths,omitempty"`
	AdditionalContext *additionalContext `json:"additionalContext,omitempty"`
}

type action = updates.Action

// model is the state of commercetools_api_extension, with the incumbent's names.
type model struct {
	versioned.Common
	TimeoutInMs        types.Int64        `tfsdk:"timeout_in_ms"`
	Dependencies       types.List         `tfsdk:"dependencies"`
	ExpansionPaths     types.List         `tfsdk:"expansion_paths"`
	IncludeOldResource types.Bool         `tfsdk:"include_old_resource"`
	Destination        []destinationModel `tfsdk:"destination"`
	Trigger            []triggerModel     `tfsdk:"trigger"`
}

type destinationModel struct {
	Type                         types.String `tfsdk:"type"`
	URL                          types.String `tfsdk:"url"`
	ARN                          types.String `tfsdk:"arn"`
	AccessKey                    types.String `tfsdk:"access_key"`
	AuthorizationHeader          types.String `tfsdk:"authorization_header"`
	AuthorizationHeaderWO        types.String `tfsdk:"authorization_header_wo"`
	AuthorizationHeaderWOVersion types.Int64  `tfsdk:"authorization_header_wo_version"`
	AzureAuthentication          types.String `tfsdk:"azure_authentication"`
	AzureAuthenticationWO        types.String `tfsdk:"azure_authentication_wo"`
	AzureAuthenticationWOVersion types.Int64  `tfsdk:"azure_authentication_wo_version"`
	AccessSecret                 types.String `tfsdk:"access_secret"`
	AccessSecretWO               types.String `tfsdk:"access_secret_wo"`
	AccessSecretWOVersion        types.Int64  `tfsdk:"access_secret_wo_version"`
}

type triggerModel struct {
	ResourceTypeID types.String `tfsdk:"resource_type_id"`
	Actions        types.List   `tfsdk:"actions"`
	Condition      types.String `tfsdk:"condition"`
}

// canonical is the API's spelling of a destination type written in any case.
func canonical(t string) string {
	for _, c := range destinationTypes {
		if strings.EqualFold(c, t) {
			return c
		}
	}
	return t
}

func (m *model) dest() destinationModel {
	if len(m.Destination) == 0 {
		return destinationModel{}
	}
	return m.Destination[0]
}

// api is the destination as the API takes it, with the secrets to send.
func (d destinationModel) api() destination {
	out := destination{Type: canonical(d.Type.ValueString())}
	switch out.Type {
	case "HTTP":
		out.URL = d.URL.ValueString()
		if h := writeonly.Value(d.AuthorizationHeader, d.AuthorizationHeaderWO); h != "" {
			out.Authentication = &authentication{Type: "AuthorizationHeader", HeaderValue: h}
		} else if k := writeonly.Value(d.AzureAuthentication, d.AzureAuthenticationWO); k != "" {
			out.Authentication = &authentication{Type: "AzureFunctions", Key: k}
		}
	case "AWSLambda":
		out.ARN, out.AccessKey = d.ARN.ValueString(), d.AccessKey.ValueString()
		out.AccessSecret = writeonly.Value(d.AccessSecret, d.AccessSecretWO)
	case "GoogleCloudFunction":
		out.URL = d.URL.ValueString()
	}
	return out
}

// sameDestination reports whether two destinations are the same for the API, as far as the
// provider can tell: every field and stored secret equal, and the write-only versions unchanged
// (a write-only value itself is never in the state to compare).
func sameDestination(a, b destinationModel) bool {
	stored := func(d destinationModel) destinationModel {
		d.AuthorizationHeaderWO, d.AzureAuthenticationWO, d.AccessSecretWO = types.StringNull(), types.StringNull(), types.StringNull()
		return d
	}
	return reflect.DeepEqual(stored(a).api(), stored(b).api()) &&
		writeonly.SameVersion(a.AuthorizationHeaderWOVersion, b.AuthorizationHeaderWOVersion) &&
		writeonly.SameVersion(a.AzureAuthenticationWOVersion, b.AzureAuthenticationWOVersion) &&
		writeonly.SameVersion(a.AccessSecretWOVersion, b.AccessSecretWOVersion)
}

func (m *model) triggers() []trigger {
	out := make([]trigger, 0, len(m.Trigger))
	for _, t := range m.Trigger {
		out = append(out, trigger{ResourceTypeID: t.ResourceTypeID.ValueString(), Actions: flex.Strings(t.Actions), Condition: t.Condition.ValueString()})
	}
	return out
}

func (m *model) dependencies() []reference {
	var out []reference
	for _, id := range flex.Strings(m.Dependencies) {
		out = append(out, reference{TypeID: "extension", ID: id})
	}
	return out
}

func (m *model) context() *additionalContext {
	if m.IncludeOldResource.IsNull() {
		return nil
	}
	return &additionalContext{IncludeOldResource: m.IncludeOldResource.ValueBool()}
}

func draft(_ context.Context, _ *client.Client, m *model) (any, diag.Diagnostics) {
	return extensionDraft{Key: m.Key.ValueString(), Destination: m.dest().api(), Triggers: m.triggers(),
		TimeoutInMs: flex.Int64NonZero(m.TimeoutInMs), Dependencies: m.dependencies(), ExpansionPaths: flex.Strings(m.ExpansionPaths),
		AdditionalContext: m.context()}, nil
}

// fromConfig copies the write-only secrets from the configuration into the plan.
func fromConfig(ctx context.Context, config tfsdk.Config, plan *model) diag.Diagnostics {
	var c model
	diags := config.Get(ctx, &c)
	if diags.HasError() || len(c.Destination) == 0 || len(plan.Destination) == 0 {
		return diags
	}
	d := plan.Destination[0]
	d.AuthorizationHeaderWO, d.AzureAuthenticationWO, d.AccessSecretWO =
		c.Destination[0].AuthorizationHeaderWO, c.Destination[0].AzureAuthenticationWO, c.Destination[0].AccessSecretWO
	plan.Destination = []destinationModel{d}
	return diags
}

func flatten(_ context.Context, _ *client.Client, e *extension, m *model) diag.Diagnostics {
	prior := m.dest()
	d := destinationModel{
		Type: types.StringValue(e.Destination.Type), URL: flex.NonEmpty(e.Destination.URL), ARN: flex.NonEmpty(e.Destination.ARN),
		AccessKey:                    writeonly.Kept(prior.AccessKey, e.Destination.AccessKey),
		AuthorizationHeader:          types.StringNull(),
		AzureAuthentication:          types.StringNull(),
		AccessSecret:                 types.StringNull(),
		AuthorizationHeaderWO:        types.StringNull(),
		AzureAuthenticationWO:        types.StringNull(),
		AccessSecretWO:               types.StringNull(),
		AuthorizationHeaderWOVersion: prior.AuthorizationHeaderWOVersion,
		AzureAuthenticationWOVersion: prior.AzureAuthenticationWOVersion,
		AccessSecretWOVersion:        prior.AccessSecretWOVersion,
	}
	if strings.EqualFold(prior.Type.ValueString(), e.Destination.Type) {
		d.Type = prior.Type
	}
	if a := e.Destination.Authentication; a != nil {
		switch a.Type {
		case "AuthorizationHeader":
			d.AuthorizationHeader = writeonly.Kept(prior.AuthorizationHeader, a.HeaderValue)
		case "AzureFunctions":
			d.AzureAuthentication = writeonly.Kept(prior.AzureAuthentication, a.Key)
		}
	}
	if e.Destination.Type == "AWSLambda" {
		d.AccessSecret = writeonly.Kept(prior.AccessSecret, e.Destination.AccessSecret)
	}
	// Given write-only: the state holds no copy, even of a value the API returns in clear.
	for _, s := range []struct {
		stored  *types.String
		wo      types.String
		version types.Int64
	}{
		{&d.AuthorizationHeader, prior.AuthorizationHeaderWO, prior.AuthorizationHeaderWOVersion},
		{&d.AzureAuthentication, prior.AzureAuthenticationWO, prior.AzureAuthenticationWOVersion},
		{&d.AccessSecret, prior.AccessSecretWO, prior.AccessSecretWOVersion},
	} {
		if writeonly.InUse(s.wo, s.version) {
			*s.stored = types.StringNull()
		}
	}
	m.Destination = []destinationModel{d}
	m.Key = flex.NonEmpty(e.Key)
	m.TimeoutInMs = types.Int64Value(2000)
	if e.TimeoutInMs != nil {
		m.TimeoutInMs = types.Int64Value(*e.TimeoutInMs)
	}
	triggers := make([]triggerModel, 0, len(e.Triggers))
	for _, t := range e.Triggers {
		triggers = append(triggers, triggerModel{ResourceTypeID: types.StringValue(t.ResourceTypeID), Actions: flex.StringList(t.Actions),
			Condition: flex.NonEmpty(t.Condition)})
	}
	m.Trigger = triggers
	m.Dependencies = types.ListNull(types.StringType)
	if len(e.Dependencies) > 0 {
		ids := make([]string, len(e.Dependencies))
		for i, r := range e.Dependencies {
			ids[i] = r.ID
		}
		m.Dependencies = flex.StringList(ids)
	}
	m.ExpansionPaths = types.ListNull(types.StringType)
	if len(e.ExpansionPaths) > 0 {
		m.ExpansionPaths = flex.StringList(e.ExpansionPaths)
	}
	// include_old_resource is managed only when configured: the API's false is its default.
	if e.AdditionalContext != nil && (!m.IncludeOldResource.IsNull() || e.AdditionalContext.IncludeOldResource) {
		m.IncludeOldResource = types.BoolValue(e.AdditionalContext.IncludeOldResource)
	}
	return nil
}

func actions(_ context.Context, _ *client.Client, from, to *model) ([]action, diag.Diagnostics) {
	var out []action
	if k := to.Key.ValueString(); k != from.Key.ValueString() {
		out = append(out, updates.Act("setKey", "key", flex.String(to.Key)))
	}
	if !sameDestination(from.dest(), to.dest()) {
		out = append(out, updates.Act("changeDestination", "destination", to.dest().api()))
	}
	if ft, tt := from.triggers(), to.triggers(); !slices.EqualFunc(ft, tt, sameTrigger) {
		out = append(out, updates.Act("changeTriggers", "triggers", tt))
	}
	// Unset (null or 0) is the API's default, 2000.
	timeout := func(v types.Int64) int64 {
		if n := v.ValueInt64(); n != 0 {
			return n
		}
		return 2000
	}
	if t := timeout(to.TimeoutInMs); t != timeout(from.TimeoutInMs) {
		out = append(out, updates.Act("setTimeoutInMs", "timeoutInMs", t))
	}
	if fd, td := flex.Strings(from.Dependencies), flex.Strings(to.Dependencies); !slices.Equal(fd, td) {
		out = append(out, updates.Act("setDependencies", "dependencies", append([]reference{}, to.dependencies()...)))
	}
	if fe, te := flex.Strings(from.ExpansionPaths), flex.Strings(to.ExpansionPaths); !slices.Equal(fe, te) {
		out = append(out, updates.Act("setExpansionPaths", "expansionPaths", append([]string{}, te...)))
	}
	if !to.IncludeOldResource.IsNull() && to.IncludeOldResource.ValueBool() != from.IncludeOldResource.ValueBool() ||
		to.IncludeOldResource.IsNull() && from.IncludeOldResource.ValueBool() {
		out = append(out, updates.Act("setAdditionalContext", "additionalContext", additionalContext{IncludeOldResource: to.IncludeOldResource.ValueBool()}))
	}
	return out, nil
}

func sameTrigger(a, b trigger) bool {
	return a.ResourceTypeID == b.ResourceTypeID && a.Condition == b.Condition && slices.Equal(a.Actions, b.Actions)
}

// validate checks, with the write-only values in view, that the destination has what its kind
// needs and nothing of another kind.
func validate(_ context.Context, c *model) diag.Diagnostics {
	var diags diag.Diagnostics
	if len(c.Destination) == 0 || c.Destination[0].Type.IsUnknown() {
		return diags
	}
	d := c.Destination[0]
	at := path.Root("destination").AtListIndex(0)
	kind := canonical(d.Type.ValueString())
	need := func(ok bool, name string) {
		if !ok {
			diags.AddAttributeError(at.AtName(name), "Missing "+name, fmt.Sprintf("A destination of type %s needs %s.", kind, name))
		}
	}
	forbid := func(given bool, name string) {
		if given {
			diags.AddAttributeError(at.AtName(name), "Unexpected "+name, fmt.Sprintf("%s does not apply to a destination of type %s.", name, kind))
		}
	}
	// Refusals count only values known to be given: a variable not known yet may be null.
	header := writeonly.Present(d.AuthorizationHeader, d.AuthorizationHeaderWO)
	azure := writeonly.Present(d.AzureAuthentication, d.AzureAuthenticationWO)
	secret := writeonly.Given(d.AccessSecret, d.AccessSecretWO)
	secretPresent := writeonly.Present(d.AccessSecret, d.AccessSecretWO)
	switch kind {
	case "HTTP":
		need(!d.URL.IsNull(), "url")
		if header && azure {
			diags.AddAttributeError(at.AtName("azure_authentication"), "Two authentications",
				"An HTTP destination authenticates with an authorization header or with an Azure Functions key, not both.")
		}
		forbid(!d.ARN.IsNull(), "arn")
		forbid(!d.AccessKey.IsNull(), "access_key")
		forbid(secretPresent, "access_secret")
	case "AWSLambda":
		need(!d.ARN.IsNull(), "arn")
		need(!d.AccessKey.IsNull(), "access_key")
		need(secret, "access_secret (or access_secret_wo)")
		forbid(!d.URL.IsNull(), "url")
		forbid(header, "authorization_header")
		forbid(azure, "azure_authentication")
	case "GoogleCloudFunction":
		need(!d.URL.IsNull(), "url")
		forbid(header, "authorization_header")
		forbid(azure, "azure_authentication")
		forbid(!d.ARN.IsNull(), "arn")
		forbid(!d.AccessKey.IsNull(), "access_key")
		forbid(secretPresent, "access_secret")
	}
	writeonly.Check(&diags, at, "authorization_header", d.AuthorizationHeader, d.AuthorizationHeaderWO, d.AuthorizationHeaderWOVersion)
	writeonly.Check(&diags, at, "azure_authentication", d.AzureAuthentication, d.AzureAuthenticationWO, d.AzureAuthenticationWOVersion)
	writeonly.Check(&diags, at, "access_secret", d.AccessSecret, d.AccessSecretWO, d.AccessSecretWOVersion)
	return diags
}
