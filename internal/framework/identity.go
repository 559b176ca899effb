package framework

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Resource identity.
//
// Every resource type has an identity (Terraform 1.12+, OpenTofu 1.12+): a small object that
// names the remote object, stored beside the state and accepted by import blocks
// (`import { identity = { key = "…" } }`). Each identity attribute is a string that mirrors the
// top-level state attribute of the same name (id, key, container), so one rule fills it in every
// create, read, update and import, and the protocol shortcuts can rely on it. Engines without
// identity (Terraform before 1.12) send none and ignore what the provider returns: nothing
// changes for them.
//
// Identities are mutable: a key can be changed in place (setKey), and the identity follows it.

// IdentityAttr is one attribute of an identity.
type IdentityAttr struct {
	Name        string
	Description string
	// Required: an import by identity must give it (otherwise it is optional for import).
	Required bool
}

// IdentitySchema builds an identity schema of string attributes.
func IdentitySchema(attrs ...IdentityAttr) identityschema.Schema {
	s := identityschema.Schema{Attributes: map[string]identityschema.Attribute{}}
	for _, a := range attrs {
		s.Attributes[a.Name] = identityschema.StringAttribute{
			RequiredForImport: a.Required,
			OptionalForImport: !a.Required,
			Description:       a.Description,
		}
	}
	return s
}

// IDAndKey is the identity of a resource addressable by id and by key.
func IDAndKey(noun string) identityschema.Schema {
	return IdentitySchema(
		IdentityAttr{Name: "id", Description: "The id of the " + noun + ". An import by identity gives the id or the key."},
		IdentityAttr{Name: "key", Description: "The key of the " + noun + " (null when it has none)."},
	)
}

// IdentityOnly is the identity of a resource addressable by id alone.
func IdentityOnly(noun string) identityschema.Schema {
	return IdentitySchema(IdentityAttr{Name: "id", Required: true, Description: "The id of the " + noun + ", as `terraform import` takes it."})
}

// MutableIdentity marks a resource's identity as one that may change (a key changed in place).
// Call it from Metadata.
func MutableIdentity(resp *resource.MetadataResponse) {
	resp.ResourceBehavior.MutableIdentity = true
}

// SetIdentity fills identity from the top-level string attributes of state with the same names;
// where state is null (a read that found the object gone removes it), from prior instead, since
// the framework refuses a read without identity even then. A nil identity (the framework gives
// none to a resource without identity), or no state to take it from, does nothing.
func SetIdentity(ctx context.Context, state, prior tftypes.Value, identity *tfsdk.ResourceIdentity) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	if state.IsNull() || !state.IsKnown() {
		state = prior
	}
	if state.Type() == nil || state.IsNull() || !state.IsKnown() {
		return nil
	}
	v, err := IdentityValue(identity.Schema.Type().TerraformType(ctx), state)
	if err != nil {
		var diags diag.Diagnostics
		diags.AddError("Unable to set the resource identity", err.Error()+". This is a bug in the provider; please report it.")
		return diags
	}
	identity.Raw = v
	return nil
}

// IdentityValue projects a state value onto an identity type: each identity attribute takes the
// state's top-level attribute of the same name.
func IdentityValue(identityType tftypes.Type, state tftypes.Value) (tftypes.Value, error) {
	obj, ok := identityType.(tftypes.Object)
	if !ok {
		return tftypes.Value{}, fmt.Errorf("the identity type is %s, not an object", identityType)
	}
	var attrs map[string]tftypes.Value
	if err := state.As(&attrs); err != nil {
		return tftypes.Value{}, fmt.Errorf("the state is no object: %w", err)
	}
	out := make(map[string]tftypes.Value, len(obj.AttributeTypes))
	for name, t := range obj.AttributeTypes {
		v, ok := attrs[name]
		if !ok || !v.Type().Equal(t) {
			return tftypes.Value{}, fmt.Errorf("the state has no %s attribute of type %s", name, t)
		}
		out[name] = v
	}
	return tftypes.NewValue(obj, out), nil
}

// IdentityStrings returns the non-empty string attributes of an import identity, or nil for a
// null one (an import by id).
func IdentityStrings(identity *tfsdk.ResourceIdentity) map[string]string {
	if identity == nil || identity.Raw.IsNull() || !identity.Raw.IsKnown() {
		return nil
	}
	var attrs map[string]tftypes.Value
	if identity.Raw.As(&attrs) != nil {
		return nil
	}
	out := map[string]string{}
	for name, v := range attrs {
		var s string
		if v.IsKnown() && !v.IsNull() && v.As(&s) == nil && s != "" {
			out[name] = s
		}
	}
	return out
}

// ImportIDFromIdentity turns an import by identity into the import id the resource takes
// (resp.ID when given). form receives the identity's non-empty attributes and returns the id, or
// "" when they do not name an object; the error then lists what was given.
func ImportIDFromIdentity(req resource.ImportStateRequest, typeName string, form func(attrs map[string]string) string) (string, diag.Diagnostics) {
	var diags diag.Diagnostics
	if req.ID != "" {
		return req.ID, nil
	}
	attrs := IdentityStrings(req.Identity)
	if id := form(attrs); id != "" {
		return id, nil
	}
	names := make([]string, 0, len(attrs))
	for n := range attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	given := "none"
	if len(names) > 0 {
		given = strings.Join(names, ", ")
	}
	diags.AddError("Incomplete import identity",
		fmt.Sprintf("The identity given to import a commercetools_%s does not name an object (attributes given: %s). "+
			"See the resource's documentation for the attributes an import by identity needs.", typeName, given))
	return "", diags
}
