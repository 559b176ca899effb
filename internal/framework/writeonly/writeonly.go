// Package writeonly gives every credential of a resource two forms: the incumbent's sensitive
// argument, stored in the state (masked in plans and logs), and a write-only twin that
// Terraform and OpenTofu 1.11 or later never store, with a version argument that says when to
// send it again.
package writeonly

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Suffixes of the write-only form and of its version argument.
const (
	WO        = "_wo"
	WOVersion = "_wo_version"
)

// AddSecret adds name (sensitive, stored), name_wo (write-only) and name_wo_version to attrs.
func AddSecret(attrs map[string]schema.Attribute, name, desc string) {
	attrs[name] = schema.StringAttribute{Optional: true, Sensitive: true,
		MarkdownDescription: desc + " Sensitive: stored in the state, never shown in plans or logs. commercetools masks it on read, " +
			"so the provider keeps the configured value; a change of it here is sent. Conflicts with `" + name + WO + "`.",
		Validators: []validator.String{stringvalidator.LengthAtLeast(1),
			stringvalidator.ConflictsWith(path.MatchRelative().AtParent().AtName(name + WO))}}
	attrs[name+WO] = schema.StringAttribute{Optional: true, Sensitive: true, WriteOnly: true,
		MarkdownDescription: "Write-only form of `" + name + "` (Terraform and OpenTofu 1.11 or later): sent to commercetools, never " +
			"stored in the plan or the state. Sent on create, and again whenever `" + name + WOVersion + "` changes (or the destination " +
			"changes otherwise).",
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)}}
	attrs[name+WOVersion] = schema.Int64Attribute{Optional: true,
		MarkdownDescription: "Required with `" + name + WO + "`: any number that you change when `" + name + WO + "` changes, so that " +
			"the new value is sent (Terraform cannot see a change of a write-only value itself).",
		Validators: []validator.Int64{int64validator.AtLeast(0)}}
}

// Value is the secret to send: the write-only form when the configuration gives it (the family
// copied it from the configuration), else the stored one.
func Value(stored, wo types.String) string {
	if !wo.IsNull() && !wo.IsUnknown() {
		return wo.ValueString()
	}
	return stored.ValueString()
}

// Given reports whether the configuration gives the secret in either form (unknown counts).
func Given(stored, wo types.String) bool {
	return !stored.IsNull() || !wo.IsNull()
}

// Present reports whether the configuration certainly gives the secret in either form: a value
// not known yet (a variable during validation) may turn out null, so it does not count. Checks
// that refuse a secret (two of them, one that does not apply) use it; checks that need one use
// Given.
func Present(stored, wo types.String) bool {
	return !stored.IsNull() && !stored.IsUnknown() || !wo.IsNull() && !wo.IsUnknown()
}

// Check requires the version argument with a write-only value: Terraform cannot see when a
// write-only value changes, and the version also tells a refresh that the state must hold no
// copy of the credential.
func Check(diags *diag.Diagnostics, at path.Path, name string, stored, wo types.String, version types.Int64) {
	if !stored.IsNull() && !version.IsNull() {
		diags.AddAttributeError(at.AtName(name+WOVersion), fmt.Sprintf("%s%s goes with %s%s", name, WOVersion, name, WO),
			fmt.Sprintf("%s is given in its stored form; %s%s belongs to the write-only form %s%s. Remove one of them.", name, name, WOVersion, name, WO))
	}
	if !wo.IsNull() && version.IsNull() {
		diags.AddAttributeError(at.AtName(name+WOVersion), fmt.Sprintf("%s%s needs %s%s", name, WO, name, WOVersion),
			fmt.Sprintf("Terraform cannot see when a write-only value changes. Set %s%s to a number (1 to start) and change it "+
				"whenever you change %s%s, so that the new value is sent.", name, WOVersion, name, WO))
	}
}

// InUse reports whether a credential is given in its write-only form (the value during an
// apply, the version at any time).
func InUse(wo types.String, version types.Int64) bool {
	return !wo.IsNull() || !version.IsNull()
}

// SameVersion reports whether two version arguments are equal (null equals null).
func SameVersion(a, b types.Int64) bool {
	return a.IsNull() == b.IsNull() && a.ValueInt64() == b.ValueInt64()
}

// Kept is the value to hold for a stored credential after a read. commercetools masks
// credentials ("partially hidden on retrieval"), so what it returns says nothing and the prior
// value is kept; only a value it returns in clear text (no '*') that differs replaces it. An
// empty prior value (the incumbent stored "" for none) becomes null.
func Kept(prior types.String, remote string) types.String {
	if remote != "" && !strings.Contains(remote, "*") && prior.ValueString() != remote {
		return types.StringValue(remote)
	}
	if prior.ValueString() == "" {
		return types.StringNull()
	}
	return prior
}
