package discount

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/timestamp"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
)

// productDiscount is a ProductDiscount as the API returns it.
type productDiscount struct {
	ID          string            `json:"id"`
	Version     int64             `json:"version"`
	CreatedAt   time.Time         `json:"createdAt"`
	Key         *string           `json:"key,omitempty"`
	Name        map[string]string `json:"name"`
	Description map[string]string `json:"description,omitempty"`
	Value       cartValue         `json:"value"`
	Predicate   string            `json:"predicate"`
	SortOrder   string            `json:"sortOrder"`
	IsActive    bool              `json:"isActive"`
	ValidFrom   *string           `json:"validFrom,omitempty"`
	ValidUntil  *string           `json:"validUntil,omitempty"`
}

type productDraft struct {
	Key         *string           `json:"key,omitempty"`
	Name        map[string]string `json:"name"`
	Description map[string]string `json:"description,omitempty"`
	Value       cartValue         `json:"value"`
	Predicate   string            `json:"predicate"`
	SortOrder   string            `json:"sortOrder"`
	IsActive    bool              `json:"isActive"`
	ValidFrom   *string           `json:"validFrom,omitempty"`
	ValidUntil  *string           `json:"validUntil,omitempty"`
}

// centsModel is the money of a product discount (cent precision only).
type centsModel struct {
	CurrencyCode   types.String `tfsdk:"currency_code"`
	CentAmount     types.Int64  `tfsdk:"cent_amount"`
	FractionDigits types.Int64  `tfsdk:"fraction_digits"`
}

type productValueModel struct {
	Type      types.String `tfsdk:"type"`
	Permyriad types.Int64  `tfsdk:"permyriad"`
	Money     []centsModel `tfsdk:"money"`
}

type productModel struct {
	versioned.Common
	Name        types.Map           `tfsdk:"name"`
	Description types.Map           `tfsdk:"description"`
	Predicate   types.String        `tfsdk:"predicate"`
	SortOrder   types.String        `tfsdk:"sort_order"`
	IsActive    types.Bool          `tfsdk:"is_active"`
	ValidFrom   timestamp.Value     `tfsdk:"valid_from"`
	ValidUntil  timestamp.Value     `tfsdk:"valid_until"`
	Value       []productValueModel `tfsdk:"value"`
}

var productValues = valueRules{noun: "product discount", kinds: []string{"relative", "absolute", "external"}, computedDigits: true}

// asCart is the value in the cart discount's model, so that both share one mapping.
func (v productValueModel) asCart() valueModel {
	out := valueModel{Type: v.Type, Permyriad: v.Permyriad, ApplicationMode: types.StringNull(), ProductID: types.StringNull(),
		VariantID: types.Int64Null(), SupplyChannelID: types.StringNull(), DistributionChannelID: types.StringNull()}
	for _, m := range v.Money {
		out.Money = append(out.Money, moneyModel{CurrencyCode: m.CurrencyCode, CentAmount: m.CentAmount, FractionDigits: m.FractionDigits,
			PreciseAmount: types.Int64Null()})
	}
	return out
}

func productValue(v valueModel) productValueModel {
	out := productValueModel{Type: v.Type, Permyriad: v.Permyriad, Money: make([]centsModel, 0, len(v.Money))}
	for _, m := range v.Money {
		out.Money = append(out.Money, centsModel{CurrencyCode: m.CurrencyCode, CentAmount: m.CentAmount, FractionDigits: m.FractionDigits})
	}
	return out
}

var productEndpoint = &client.Endpoint[productDiscount, action]{
	Path: "product-discounts", Noun: "product discount",
	Meta: func(d *productDiscount) client.Meta {
		return client.Meta{ID: d.ID, Key: flex.StringValue(d.Key).ValueString(), Version: d.Version, CreatedAt: d.CreatedAt}
	},
}

func productSchema(ctx context.Context) schema.Schema {
	return versioned.WithCommon(ctx, schema.Schema{
		Version: 1, // the incumbent's
		MarkdownDescription: "A [product discount](https://docs.commercetools.com/api/projects/productDiscounts): a discount on the " +
			"prices of the products that match a predicate, shown before they reach a cart.",
		Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{Optional: true, MarkdownDescription: framework.KeyDescription("product discount") +
				" A change is sent in place (the incumbent replaced the discount).", Validators: framework.KeyValidators()},
			"name":        schema.MapAttribute{Required: true, ElementType: types.StringType, MarkdownDescription: "Name by locale."},
			"description": schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Description by locale."},
			"predicate": predicateAttr("The [product predicate](https://docs.commercetools.com/api/projects/predicates#product-discount-predicates) "+
				"of the prices it applies to, such as `1 = 1` or `sku = \"JKT-001\"`.", true),
			"sort_order": schema.StringAttribute{Required: true,
				MarkdownDescription: "The order among product discounts, " + sortOrderRule + "; a higher value applies first. Unique " +
					"among product discounts: two resources of the configuration with the same value are an error at plan time, and two " +
					"discounts that swap values in one apply do so.",
				Validators: []validator.String{stringvalidator.RegexMatches(sortOrderPattern, "must be "+sortOrderRule)}},
			"is_active": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				MarkdownDescription: "Whether the discount applies (default true)."},
			"valid_from":  timestamp.Attribute("From when it applies."),
			"valid_until": timestamp.Attribute("Until when it applies."),
		},
		Blocks: map[string]schema.Block{
			"value": schema.ListNestedBlock{
				MarkdownDescription: "What the discount takes off (exactly one block).",
				Validators:          []validator.List{listvalidator.IsRequired(), listvalidator.SizeBetween(1, 1)},
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"type": schema.StringAttribute{Required: true,
							MarkdownDescription: "`relative` (a share, `permyriad`), `absolute` (an amount off, `money`) or `external` (set per price by a pricing engine).",
							Validators:          []validator.String{stringvalidator.OneOf("relative", "absolute", "external")}},
						"permyriad": schema.Int64Attribute{Optional: true, MarkdownDescription: "`relative`: the share in 1/10000 (1000 is 10 %).",
							Validators: []validator.Int64{int64validator.Between(0, 10000)}},
					},
					Blocks: map[string]schema.Block{"money": moneyBlock("`absolute`: one amount per currency.", false)},
				},
			},
		},
	}, "product discount")
}

func productDraftOf(_ context.Context, _ *client.Client, m *productModel) (any, diag.Diagnostics) {
	d := productDraft{Key: flex.String(m.Key), Name: flex.Localized(m.Name), Description: flex.Localized(m.Description),
		Predicate: m.Predicate.ValueString(), SortOrder: m.SortOrder.ValueString(), IsActive: m.IsActive.ValueBool(),
		ValidFrom: timestamp.Pointer(m.ValidFrom), ValidUntil: timestamp.Pointer(m.ValidUntil)}
	if len(m.Value) == 1 {
		d.Value = productValueDraft(m.Value[0])
	}
	return d, nil
}

func productValueDraft(v productValueModel) cartValue {
	out := valueDraft(v.asCart())
	out.ApplicationMode = nil
	return out
}

func flattenProduct(_ context.Context, _ *client.Client, d *productDiscount, m *productModel) diag.Diagnostics {
	var diags diag.Diagnostics
	m.Key = flex.Optional(d.Key)
	m.Name = flex.LocalizedValue(d.Name)
	m.Description = flex.LocalizedValue(d.Description)
	m.Predicate = types.StringValue(d.Predicate)
	m.SortOrder = types.StringValue(d.SortOrder)
	m.IsActive = types.BoolValue(d.IsActive)
	m.ValidFrom = timestamp.Kept(m.ValidFrom, d.ValidFrom)
	m.ValidUntil = timestamp.Kept(m.ValidUntil, d.ValidUntil)
	prior := make([]valueModel, 0, len(m.Value))
	for _, v := range m.Value {
		prior = append(prior, v.asCart())
	}
	vals := flattenValue(&diags, d.Value, prior, productValues)
	m.Value = make([]productValueModel, 0, len(vals))
	for _, v := range vals {
		m.Value = append(m.Value, productValue(v))
	}
	return diags
}

func productActions(_ context.Context, _ *client.Client, from, to *productModel) ([]action, diag.Diagnostics) {
	var out []action
	if n := flex.Localized(to.Name); !flex.SameLocalized(flex.Localized(from.Name), n) {
		out = append(out, action{"action": "changeName", "name": n})
	}
	if d := flex.Localized(to.Description); !flex.SameLocalized(flex.Localized(from.Description), d) {
		out = append(out, updates.Act("setDescription", "description", d))
	}
	if k := to.Key.ValueString(); k != from.Key.ValueString() {
		out = append(out, updates.Act("setKey", "key", flex.String(to.Key)))
	}
	if len(to.Value) == 1 && len(from.Value) == 1 && !updates.SameJSON(productValueDraft(from.Value[0]), productValueDraft(to.Value[0])) {
		out = append(out, action{"action": "changeValue", "value": productValueDraft(to.Value[0])})
	}
	if p := to.Predicate.ValueString(); p != from.Predicate.ValueString() {
		out = append(out, action{"action": "changePredicate", "predicate": p})
	}
	if s := to.SortOrder.ValueString(); s != from.SortOrder.ValueString() {
		out = append(out, action{"action": "changeSortOrder", "sortOrder": s})
	}
	if to.IsActive.ValueBool() != from.IsActive.ValueBool() {
		out = append(out, action{"action": "changeIsActive", "isActive": to.IsActive.ValueBool()})
	}
	return append(out, validity(from.ValidFrom, from.ValidUntil, to.ValidFrom, to.ValidUntil)...), nil
}

func validateProduct(_ context.Context, m *productModel) diag.Diagnostics {
	var diags diag.Diagnostics
	if len(m.Value) == 1 {
		checkValue(&diags, path.Root("value").AtListIndex(0), m.Value[0].asCart(), false)
	}
	checkValidity(&diags, m.ValidFrom, m.ValidUntil)
	return diags
}

func productInterim(field string, from *productModel) []action {
	return parkSortOrder("changeSortOrder", field, from.SortOrder)
}

var productFamily = &versioned.Family[productModel, *productModel, productDiscount, action]{
	TypeName: "product_discount", Noun: "product discount", Endpoint: productEndpoint, Hint: framework.ScopesOf("product_discounts", "products"),
	Schema: productSchema, Draft: productDraftOf, Flatten: flattenProduct, Actions: productActions,
	Unique:   func(m *productModel) versioned.UniqueValue { return uniqueSortOrder(productPool, m.SortOrder, m.Name) },
	Validate: validateProduct, Contended: []string{"sortOrder"}, Interim: productInterim,
}

// NewProductDiscountResource returns the commercetools_product_discount resource.
var NewProductDiscountResource = versioned.NewResource(productFamily)

// NewProductDiscountDataSource returns the commercetools_product_discount data source (by key).
var NewProductDiscountDataSource = versioned.NewDataSource(productFamily)
