package apiclient

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/scopes"
)

// scopeFormat rejects, at plan time, a scope that is not name:projectKey or
// name:projectKey:storeKey, and warns about scope names the API does not document.
type scopeFormat struct{}

var _ validator.String = scopeFormat{}

func (scopeFormat) Description(context.Context) string {
	return "value must have the form " + scopes.Form
}

func (v scopeFormat) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (scopeFormat) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	raw := req.ConfigValue.ValueString()
	s, err := scopes.Parse(raw)
	if err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid scope",
			fmt.Sprintf("Attribute %s: %s.", req.Path, err))
		return
	}
	if !scopes.Known(s) {
		form := "project-level"
		if s.StoreKey != "" {
			form = "store-level"
		}
		resp.Diagnostics.AddAttributeWarning(req.Path, "Unknown scope name",
			fmt.Sprintf("Attribute %s: %q is not a %s scope name that the commercetools API documents; "+
				"the API will reject the client unless the name exists. Check the spelling.", req.Path, s.Name, form))
	}
}
