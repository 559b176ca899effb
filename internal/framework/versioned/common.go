// Package versioned is the shared machinery of every versioned commercetools resource
// (channels, types, tax categories, ...): created from a draft, changed with update actions
// under a version, deleted with ?version=, addressable by id and by key. A family supplies a
// schema, a model that embeds Common, and three functions (draft, flatten, actions); this package
// does the rest: CRUD, version handling and 409 recovery, timeouts, import by id or key=<key>,
// the warning when an object vanished, error wording, and a data source by key.
package versioned

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Default operation timeouts; the timeouts block overrides them.
const (
	DefaultCreateTimeout = 5 * time.Minute
	DefaultReadTimeout   = 2 * time.Minute
	DefaultUpdateTimeout = 5 * time.Minute
	DefaultDeleteTimeout = 5 * time.Minute
)

// Common holds the attributes every versioned resource has. Family models embed it:
//
//	type channelModel struct {
//		versioned.Common
//		Roles types.List `tfsdk:"roles"`
//	}
type Common struct {
	ID       types.String   `tfsdk:"id"`
	Key      types.String   `tfsdk:"key"`
	Version  types.Int64    `tfsdk:"version"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

// Base returns the common attributes; it makes every model that embeds Common a Model.
func (c *Common) Base() *Common { return c }

// Model is a family's resource model (a pointer to a struct that embeds Common).
type Model interface {
	Base() *Common
}

// WithCommon adds id, version and the timeouts block to a family's schema. The family defines
// key itself (required or optional, with its own validators). version has no plan modifier on
// purpose: it is unknown whenever a change is planned, because every update moves it.
func WithCommon(ctx context.Context, s schema.Schema, noun string) schema.Schema {
	if s.Attributes == nil {
		s.Attributes = map[string]schema.Attribute{}
	}
	if s.Blocks == nil {
		s.Blocks = map[string]schema.Block{}
	}
	s.Attributes["id"] = schema.StringAttribute{
		Computed:            true,
		MarkdownDescription: "The id of the " + noun + ", assigned by commercetools.",
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
	s.Attributes["version"] = schema.Int64Attribute{
		Computed: true,
		MarkdownDescription: "The current version of the " + noun + ". commercetools increases it with every change; " +
			"the provider sends it with each update, so that a concurrent change is detected and merged instead of overwritten.",
	}
	s.Blocks["timeouts"] = timeouts.Block(ctx, timeouts.Opts{
		Create: true, Read: true, Update: true, Delete: true,
		CreateDescription: "How long a create may take, retries included: a duration such as `\"30s\"` or `\"10m\"` (default 5m).",
		ReadDescription:   "How long a refresh may take, retries included (default 2m).",
		UpdateDescription: "How long an update may take, all its requests and retries included (default 5m).",
		DeleteDescription: "How long a delete may take, retries included (default 5m).",
	})
	return s
}

type importingKey struct{}

// Importing reports whether a Flatten runs for the read that follows an import: the state holds
// only the id then, so there is no prior form to keep, and Flatten reads everything the API
// holds (blocks a configuration may leave out included), as a configuration that writes it out
// would have it.
func Importing(ctx context.Context) bool {
	v, _ := ctx.Value(importingKey{}).(bool)
	return v
}

// withImporting marks ctx for the read of an imported resource (its state has no version yet).
func withImporting(ctx context.Context, m Model) context.Context {
	if m.Base().Version.IsNull() {
		return context.WithValue(ctx, importingKey{}, true)
	}
	return ctx
}
