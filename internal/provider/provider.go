// Package provider implements the commercetools Terraform provider: its schema,
// its configuration and the list of resource families it serves.
package provider

import (
	"context"
	"sync/atomic"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/tfmodel"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/subscription"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/discount"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/extension"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/customobject"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/productselection"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/producttype"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/apiclient"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/associaterole"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/businessunit"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/category"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/channel"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/customergroup"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/customtype"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/project"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/recurrencepolicy"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/shipping"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/state"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/store"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/services/tax"
)

// RegistryAddress is the provider's address in the Terraform registry.
const RegistryAddress = "registry.terraform.io/commerce-iac/commercetools"

var (
	_ provider.Provider                       = (*commercetoolsProvider)(nil)
	_ provider.ProviderWithValidateConfig     = (*commercetoolsProvider)(nil)
	_ provider.ProviderWithEphemeralResources = (*commercetoolsProvider)(nil)
	_ provider.ProviderWithListResources      = (*commercetoolsProvider)(nil)
)

// commercetoolsProvider is the provider implementation.
type commercetoolsProvider struct {
	version string
	getenv  func(string) string
}

// configuredKey is the context key under which the protocol server (server.go) asks Configure
// for the client it builds: one provider value serves many servers in tests, each with its own
// configuration, so the client cannot be kept on the provider.
type configuredKey struct{}

// New returns a constructor for the provider, as providerserver expects.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &commercetoolsProvider{version: version, getenv: lookupEnv}
	}
}

// NewWithEnv is New with the environment read through getenv instead of the process
// environment: tests pass an empty one, so they need not clear CTP_* variables (which would
// forbid running them in parallel).
func NewWithEnv(version string, getenv func(string) string) func() provider.Provider {
	return func() provider.Provider {
		return &commercetoolsProvider{version: version, getenv: getenv}
	}
}

// Metadata sets the provider type name and version.
func (p *commercetoolsProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "commercetools"
	resp.Version = p.version
}

// Schema describes the provider block.
func (p *commercetoolsProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = providerSchema()
}

// ValidateConfig checks the settings written in the configuration, before any
// environment variable is read.
func (p *commercetoolsProvider) ValidateConfig(ctx context.Context, req provider.ValidateConfigRequest, resp *provider.ValidateConfigResponse) {
	var m providerModel
	resp.Diagnostics.Append(tfmodel.GetConfig(ctx, req.Config, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(m.validateStatic()...)
}

// Configure resolves the settings (configuration first, then environment) and
// builds the one API client that every resource of this provider shares. It
// makes no network call: the access token is fetched on first use.
func (p *commercetoolsProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var m providerModel
	resp.Diagnostics.Append(tfmodel.GetConfig(ctx, req.Config, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cfg, diags := m.resolve(p.getenv)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	cfg.UserAgent = UserAgent(p.version)
	ctx = tflog.MaskAllFieldValuesStrings(ctx, cfg.ClientSecret)
	ctx = tflog.MaskMessageStrings(ctx, cfg.ClientSecret)

	c, err := client.New(cfg)
	if err != nil {
		resp.Diagnostics.AddError("Unable to configure the commercetools client", err.Error())
		return
	}
	tflog.Debug(ctx, "configured commercetools client", map[string]any{
		"project_key": cfg.ProjectKey,
		"api_url":     cfg.APIURL,
		"token_url":   cfg.TokenURL,
		"scopes":      cfg.Scopes,
		"max_retries": cfg.MaxRetries,
	})
	if sink, ok := ctx.Value(configuredKey{}).(*atomic.Pointer[client.Client]); ok {
		sink.Store(c)
	}
	resp.ResourceData = c
	resp.DataSourceData = c
	resp.EphemeralResourceData = c
	resp.ListResourceData = c
}

// Resources lists the managed resource types, one constructor per family.
func (p *commercetoolsProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		apiclient.NewResource,
		channel.NewResource,
		customtype.NewResource,
		project.NewResource,
		tax.NewCategoryResource,
		tax.NewRateResource,
		shipping.NewZoneResource,
		shipping.NewMethodResource,
		shipping.NewRateResource,
		store.NewResource,
		customergroup.NewResource,
		producttype.NewResource,
		producttype.NewAttributeGroupResource,
		productselection.NewResource,
		category.NewResource,
		associaterole.NewResource,
		businessunit.NewCompanyResource,
		businessunit.NewDivisionResource,
		businessunit.NewAssociateResource,
		recurrencepolicy.NewResource,
		discount.NewCartDiscountResource,
		discount.NewDiscountCodeResource,
		discount.NewProductDiscountResource,
		discount.NewDiscountGroupResource,
		customobject.NewResource,
		extension.NewResource,
		subscription.NewResource,
		state.NewResource,
		state.NewTransitionsResource,
	}
}

// DataSources lists the data source types.
// ListResources returns a list resource for every resource type (Terraform 1.14's `terraform
// query`): each resource type lists its own objects (framework.ListResults).
func (p *commercetoolsProvider) ListResources(ctx context.Context) []func() list.ListResource {
	resources := p.Resources(ctx)
	out := make([]func() list.ListResource, 0, len(resources))
	for _, newResource := range resources {
		if _, ok := newResource().(list.ListResource); !ok {
			continue // TestEveryResourceTypeLists fails for it
		}
		out = append(out, func() list.ListResource { return newResource().(list.ListResource) }) //nolint:forcetypeassert // checked above
	}
	return out
}

func (p *commercetoolsProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		apiclient.NewDataSource,
		apiclient.NewListDataSource,
		channel.NewDataSource,
		customtype.NewDataSource,
		tax.NewCategoryDataSource,
		shipping.NewZoneDataSource,
		shipping.NewMethodDataSource,
		store.NewDataSource,
		customergroup.NewDataSource,
		producttype.NewDataSource,
		producttype.NewAttributeGroupDataSource,
		productselection.NewDataSource,
		category.NewDataSource,
		associaterole.NewDataSource,
		businessunit.NewCompanyDataSource,
		businessunit.NewDivisionDataSource,
		recurrencepolicy.NewDataSource,
		discount.NewCartDiscountDataSource,
		discount.NewDiscountCodeDataSource,
		discount.NewProductDiscountDataSource,
		discount.NewDiscountGroupDataSource,
		customobject.NewDataSource,
		extension.NewDataSource,
		subscription.NewDataSource,
		state.NewDataSource,
	}
}

// EphemeralResources lists the ephemeral resource types.
func (p *commercetoolsProvider) EphemeralResources(_ context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{
		apiclient.NewEphemeralResource,
		apiclient.NewAccessTokenEphemeralResource,
	}
}

// UserAgent is the product token this provider sends in front of the SDK's.
func UserAgent(version string) string {
	return "terraform-provider-commercetools/" + version + " (+https://github.com/commerce-iac/terraform-provider-commercetools)"
}

// TopLevelDefaults returns, by resource type, the static defaults of top-level attributes (the
// values a configuration that leaves them out gets), for tools that write configuration and
// leave out what equals a default (commercetools-export).
func TopLevelDefaults(ctx context.Context) map[string]map[string]tftypes.Value {
	p := New("defaults")()
	var meta provider.MetadataResponse
	p.Metadata(ctx, provider.MetadataRequest{}, &meta)
	out := map[string]map[string]tftypes.Value{}
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &md)
		var sr resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sr)
		for name, a := range sr.Schema.Attributes {
			if v, ok, known := defaultOf(ctx, name, a); ok && known {
				if out[md.TypeName] == nil {
					out[md.TypeName] = map[string]tftypes.Value{}
				}
				out[md.TypeName][name] = v
			}
		}
	}
	return out
}
