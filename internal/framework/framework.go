// Package framework holds the small pieces every resource family shares:
// getting the configured API client from provider data and turning client
// errors into diagnostics a user can act on.
package framework

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
)

// ClientFrom returns the configured client from a Configure request's
// ProviderData. A nil ProviderData (the provider is not configured yet, as
// during validation) returns nil without diagnostics.
func ClientFrom(data any) (*client.Client, diag.Diagnostics) {
	var diags diag.Diagnostics
	if data == nil {
		return nil, diags
	}
	c, ok := data.(*client.Client)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *client.Client, got %T. This is a bug in the provider; please report it.", data))
		return nil, diags
	}
	return c, diags
}

// NotConfigured is the diagnostic for a CRUD call that runs without a client.
func NotConfigured() diag.Diagnostic {
	return diag.NewErrorDiagnostic("Provider not configured",
		"The commercetools provider has no client. This is a bug in the provider; please report it.")
}

// Hint says which scopes a family's endpoints accept, so that a 403 names them. View lists the
// scope names (without the project key) that allow reads, Manage those that allow writes; Note
// adds a family's own sentence, in which {projectKey} is replaced (API clients: manage_project
// does not include them).
type Hint struct {
	View, Manage []string
	Note         string
}

// ScopesOf builds the Hint of a family whose endpoints accept view_<r>/manage_<r> for each of
// resources (any one suffices) and manage_project, as the API reference lists them:
// ScopesOf("channels", "products").
func ScopesOf(resources ...string) Hint {
	var h Hint
	for _, r := range resources {
		h.View = append(h.View, "view_"+r, "manage_"+r)
		h.Manage = append(h.Manage, "manage_"+r)
	}
	h.View = append(h.View, "manage_project")
	h.Manage = append(h.Manage, "manage_project")
	return h
}

// scopeList renders scope names for a project: "a:p, b:p or c:p".
func scopeList(names []string, projectKey string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n + ":" + projectKey
	}
	switch len(out) {
	case 0:
		return ""
	case 1:
		return out[0]
	}
	return strings.Join(out[:len(out)-1], ", ") + " or " + out[len(out)-1]
}

// ErrorDetail explains an error from the client, adding what the user can do for the errors we
// recognise: for a 403 the scopes of the family (h), for a request with an unknown outcome that
// a plan shows what exists, for a 401 which settings hold the credentials.
func ErrorDetail(err error, projectKey string, h Hint) string {
	var apiErr *client.APIError
	var partial *client.PartialUpdateError
	switch {
	case client.IsInsufficientScope(err):
		msg := fmt.Sprintf("%s\n\nThe provider's credentials lack a scope this operation needs.", err)
		if len(h.View) > 0 {
			msg += " Reading needs " + scopeList(h.View, projectKey) + "."
		}
		if len(h.Manage) > 0 {
			msg += " Creating, changing or deleting needs " + scopeList(h.Manage, projectKey) + "."
		}
		if h.Note != "" {
			msg += " " + strings.ReplaceAll(h.Note, "{projectKey}", projectKey)
		}
		return msg + " Give the provider's API client the scope (and list it in the provider's scopes setting, CTP_SCOPES, if you set one)."
	case errors.As(err, &partial):
		return fmt.Sprintf("%s\n\nThe state now holds the resource as it is after the requests that succeeded; the next plan shows what is left to do.", err)
	case errors.Is(err, client.ErrOutcomeUnknown):
		return fmt.Sprintf("%s\n\nThe request may or may not have taken effect. Run terraform plan to see what exists before applying again.", err)
	case errors.As(err, &apiErr) && apiErr.StatusCode == 401:
		return fmt.Sprintf("%s\n\nThe provider's credentials were refused. Check client_id and client_secret (CTP_CLIENT_ID, CTP_CLIENT_SECRET) and token_url (CTP_AUTH_URL).", err)
	}
	return err.Error()
}

// ResourceBase gives a resource the provider's client. Embed it and use
// r.Client; its Configure does the nil and type checks for every resource.
type ResourceBase struct {
	Client *client.Client
}

// Configure receives the provider's client.
func (b *ResourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	c, diags := ClientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	b.Client = c
}

// DataSourceBase gives a data source the provider's client.
type DataSourceBase struct {
	Client *client.Client
}

// Configure receives the provider's client.
func (b *DataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	c, diags := ClientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	b.Client = c
}

// EphemeralBase gives an ephemeral resource the provider's client.
type EphemeralBase struct {
	Client *client.Client
}

// Configure receives the provider's client.
func (b *EphemeralBase) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	c, diags := ClientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	b.Client = c
}

// keyPattern is what the API allows in a key of most resources.
var keyPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{2,256}$`)

// KeyValidators checks a key as the API does: 2 to 256 characters of A-Z, a-z, 0-9, '_' and '-'.
func KeyValidators() []validator.String {
	return []validator.String{stringvalidator.RegexMatches(keyPattern, "must be 2 to 256 characters of A-Z, a-z, 0-9, '_' and '-'")}
}

// KeyDescription describes such a key.
func KeyDescription(noun string) string {
	return "User-defined unique identifier of the " + noun + ", 2 to 256 characters of A-Z, a-z, 0-9, `_` and `-`."
}

// UnchangedPlanner is a resource whose ModifyPlan leaves a plan equal to the prior state as it
// is. PlanUnchanged returns the diagnostics ModifyPlan gives such a plan (prior returns the prior
// state as ModifyPlan receives it, decoded on first call), or false when only ModifyPlan can say. The provider's server then answers the plans of
// unchanged resources without the framework (internal/provider/plan_shortcut.go); its tests
// compare every such answer with the framework's.
type UnchangedPlanner interface {
	PlanUnchanged(ctx context.Context, prior func() (tfsdk.State, error)) (diag.Diagnostics, bool)
}

// DirectReader is a resource whose Read uses neither private state nor deferral nor identity:
// the provider's server may then call it with the framework's requests but without the
// framework's generic conversions around it (internal/provider/read_shortcut.go); its tests
// compare every such read with the framework's.
type DirectReader interface{ ReadsDirectly() }

// DestroyPlanner is a resource whose ModifyPlan does nothing for a destroy (a null plan): the
// provider's server then plans the destroy itself, as the framework would (a null planned state),
// without decoding the prior state and the configuration.
type DestroyPlanner interface{ PlansDestroyAsIs() }
