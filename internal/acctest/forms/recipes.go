package forms

import "fmt"

// World is configuration that the recipes of every type refer to: a type of custom fields for
// every customizable resource, taxes, zones, channels, stores, groups, roles and the rest. It is
// applied with the instances and destroyed with them.
const World = `
resource "commercetools_type" "w_fields" {
  key  = "w-fields"
  name = { en = "Forms fields" }
  resource_type_ids = ["channel", "shipping-method", "store", "customer-group", "product-selection", "category",
    "associate-role", "business-unit", "cart-discount", "discount-code", "asset"]
  field {
    name  = "text"
    label = { en = "Text" }
    type {
      name = "String"
    }
  }
  field {
    name  = "count"
    label = { en = "Count" }
    type {
      name = "Number"
    }
  }
}

resource "commercetools_tax_category" "w_tax" {
  key  = "w-tax"
  name = "Forms tax"
}

resource "commercetools_tax_category" "w_tax2" {
  key  = "w-tax2"
  name = "Forms tax 2"
}

resource "commercetools_shipping_method" "w_method" {
  key             = "w-method"
  name            = "Forms method"
  tax_category_id = commercetools_tax_category.w_tax.id
}

resource "commercetools_channel" "w_dist" {
  key   = "w-dist"
  roles = ["ProductDistribution"]
}

resource "commercetools_channel" "w_dist2" {
  key   = "w-dist2"
  roles = ["ProductDistribution"]
}

resource "commercetools_channel" "w_supply" {
  key   = "w-supply"
  roles = ["InventorySupply"]
}

resource "commercetools_channel" "w_supply2" {
  key   = "w-supply2"
  roles = ["InventorySupply"]
}

resource "commercetools_store" "w_store" {
  key = "w-store"
}

resource "commercetools_store" "w_store2" {
  key = "w-store2"
}

resource "commercetools_product_selection" "w_sel" {
  key  = "w-sel"
  name = { en = "Forms selection" }
}

resource "commercetools_product_selection" "w_sel2" {
  key  = "w-sel2"
  name = { en = "Forms selection 2" }
}

resource "commercetools_customer_group" "w_group" {
  key  = "w-group"
  name = "Forms group"
}

resource "commercetools_customer_group" "w_group2" {
  key  = "w-group2"
  name = "Forms group 2"
}

resource "commercetools_product_type" "w_pt" {
  key  = "w-pt"
  name = "Forms product type"
  attribute {
    name  = "w_color"
    label = { en = "Color" }
    type {
      name = "text"
    }
  }
  attribute {
    name  = "w_size"
    label = { en = "Size" }
    type {
      name = "text"
    }
  }
}

resource "commercetools_associate_role" "w_role" {
  key         = "w-role"
  name        = "Forms role"
  permissions = ["ViewMyCarts"]
}

resource "commercetools_associate_role" "w_role2" {
  key         = "w-role2"
  name        = "Forms role 2"
  permissions = ["ViewMyOrders"]
}

resource "commercetools_business_unit_company" "w_company" {
  key  = "w-company"
  name = "Forms company"
}

resource "commercetools_cart_discount" "w_cd" {
  key                    = "w-cd"
  name                   = { en = "Forms code discount" }
  predicate              = "1 = 1"
  sort_order             = "0.99"
  requires_discount_code = true
  value {
    type      = "relative"
    permyriad = 100
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }
}

resource "commercetools_cart_discount" "w_cd2" {
  key                    = "w-cd2"
  name                   = { en = "Forms code discount 2" }
  predicate              = "1 = 1"
  sort_order             = "0.98"
  requires_discount_code = true
  value {
    type      = "relative"
    permyriad = 200
  }
  target {
    type = "shipping"
  }
}

resource "commercetools_discount_group" "w_dg" {
  key        = "w-dg"
  sort_order = "0.97"
}

resource "commercetools_recurrence_policy" "w_rp" {
  key = "w-rp"
  schedule {
    type          = "standard"
    value         = 1
    interval_unit = "Months"
  }
}

resource "commercetools_recurrence_policy" "w_rp2" {
  key = "w-rp2"
  schedule {
    type          = "standard"
    value         = 2
    interval_unit = "Weeks"
  }
}

resource "commercetools_category" "w_parent" {
  key  = "w-parent"
  name = { en = "Forms parent" }
  slug = { en = "forms-parent" }
}

resource "commercetools_shipping_zone" "w_zone" {
  key  = "w-zone"
  name = "Forms zone"
  location {
    country = "DE"
  }
}
`

// customBlock is a custom block of the world's type: several fields, a text and a number.
const customBlock = `
  custom {
    type_id = commercetools_type.w_fields.id
    fields = {
      text  = "hello"
      count = "12"
    }
  }`

const address = `
  address {
    key                     = "addr-a"
    title                   = "Dr."
    salutation              = "Dear"
    first_name              = "Jana"
    last_name               = "Novák"
    street_name             = "Invalidenstraße"
    street_number           = "117"
    additional_street_info  = "Hinterhaus"
    postal_code             = "10115"
    city                    = "Berlin"
    region                  = "Berlin"
    state                   = "BE"
    country                 = "DE"
    company                 = "ACME"
    department              = "Logistics"
    building                = "B"
    apartment               = "3"
    po_box                  = "12 34"
    phone                   = "+49 30 1234"
    mobile                  = "+49 170 1234"
    email                   = "jana@example.com"
    fax                     = "+49 30 1235"
    additional_address_info = "Ring twice"
    external_id             = "ERP-1"
  }`

const secondAddress = `
  address {
    key     = "addr-b"
    country = "AT"
    city    = "Wien"
  }`

// customNotText and the other lists name attributes that are not free text.
var customNotText = []string{"custom.fields", "custom.type_id"}

// Recipes lists the recipe of every resource type.
func Recipes() []*Recipe {
	return []*Recipe{
		{
			Type: "commercetools_api_client", Coll: "",
			Shapes: []Shape{{Body: `
  name                           = "forms client {{n}}"
  scope                          = ["view_orders:my-ct-project-key", "view_products:my-ct-project-key"]
  access_token_validity_seconds  = 7200
  refresh_token_validity_seconds = 600
  delete_days_after_creation     = 30
  keepers = {
    rotation = "1"
    owner    = "team"
  }`}},
			NotText:  []string{"scope"},
			ImportID: func(map[string]any) string { return "" },
			// keepers are not sent to the API, so an import cannot read them: the first apply records them.
			Masked: []string{"keepers"},
			Skip: map[string]string{
				"name:non-latin": "",
			},
		},
		{
			Type: "commercetools_channel", Coll: "channels",
			Shapes: []Shape{{Body: `
  key         = "channel"
  roles       = ["InventorySupply", "OrderExport"]
  name        = { en = "Warehouse", de = "Lager" }
  description = { en = "Central warehouse", de = "Zentrallager" }
` + address + `
  geolocation {
    coordinates = [13.3777, 52.5308]
  }` + customBlock}},
			NotText: customNotText,
			Skip:    map[string]string{"key:non-latin": "every instance needs a key of its own, which the generator writes"},
		},
		{
			Type: "commercetools_type", Coll: "types",
			Shapes: []Shape{{Body: `
  key               = "type"
  name              = { en = "Fields", de = "Felder" }
  description       = { en = "Custom fields", de = "Eigene Felder" }
  resource_type_ids = ["order", "customer"]
  field {
    name       = "note_{{n}}"
    label      = { en = "Note", de = "Notiz" }
    required   = true
    input_hint = "MultiLine"
    type {
      name = "String"
    }
  }
  field {
    name  = "kind_{{n}}"
    label = { en = "Kind" }
    type {
      name = "Enum"
      value {
        key   = "a"
        label = "A"
      }
      value {
        key   = "b"
        label = "B"
      }
    }
  }
  field {
    name  = "level_{{n}}"
    label = { en = "Level" }
    type {
      name = "LocalizedEnum"
      localized_value {
        key   = "low"
        label = { en = "Low", de = "Niedrig" }
      }
      localized_value {
        key   = "high"
        label = { en = "High" }
      }
    }
  }
  field {
    name  = "tags_{{n}}"
    label = { en = "Tags" }
    type {
      name = "Set"
      element_type {
        name = "Enum"
        value {
          key   = "x"
          label = "X"
        }
        value {
          key   = "y"
          label = "Y"
        }
      }
    }
  }
  field {
    name  = "labels_{{n}}"
    label = { en = "Labels" }
    type {
      name = "Set"
      element_type {
        name = "LocalizedEnum"
        localized_value {
          key   = "p"
          label = { en = "P" }
        }
        localized_value {
          key   = "q"
          label = { en = "Q" }
        }
      }
    }
  }
  field {
    name  = "single_{{n}}"
    label = { en = "Single" }
    type {
      name = "Enum"
      value {
        key   = "only"
        label = "Only"
      }
    }
  }
  field {
    name  = "lsingle_{{n}}"
    label = { en = "Localized single" }
    type {
      name = "LocalizedEnum"
      localized_value {
        key   = "only"
        label = { en = "Only" }
      }
    }
  }
  field {
    name  = "ssingle_{{n}}"
    label = { en = "Set of one" }
    type {
      name = "Set"
      element_type {
        name = "Enum"
        value {
          key   = "only"
          label = "Only"
        }
      }
    }
  }
  field {
    name  = "lssingle_{{n}}"
    label = { en = "Set of one localized" }
    type {
      name = "Set"
      element_type {
        name = "LocalizedEnum"
        localized_value {
          key   = "only"
          label = { en = "Only" }
        }
      }
    }
  }
  field {
    name  = "owner_{{n}}"
    label = { en = "Owner" }
    type {
      name              = "Reference"
      reference_type_id = "customer"
    }
  }
  field {
    name  = "others_{{n}}"
    label = { en = "Others" }
    type {
      name = "Set"
      element_type {
        name              = "Reference"
        reference_type_id = "channel"
      }
    }
  }`, Keep: []string{"field.type.reference_type_id", "field.type.element_type.reference_type_id"}}},
			NotText: []string{"field.name", "field.type.value.key", "field.type.localized_value.key",
				"field.type.element_type.value.key", "field.type.element_type.localized_value.key"},
		},
		{
			Type: "commercetools_project_settings", PerProject: true,
			Setup: func(e *Env) error {
				for _, p := range e.Projects {
					if err := e.PutIn(p, "associate-roles", map[string]any{"id": "buyer-" + p, "version": 1, "key": "buyer",
						"buyerAssignable": true, "permissions": []any{"ViewMyCarts"}}); err != nil {
						return err
					}
				}
				return nil
			},
			Shapes: []Shape{{Body: `
  name                               = "Forms project"
  countries                          = ["DE", "AT"]
  currencies                         = ["EUR", "USD"]
  languages                          = ["en", "de"]
  shipping_rate_input_type           = "CartClassification"
  product_catalog_model              = "Modular"
  enable_search_index_products       = true
  enable_search_index_product_search = true
  enable_search_index_orders         = true
  enable_search_index_customers      = true
  enable_search_index_business_units = true
  messages {
    enabled                    = true
    delete_days_after_creation = 30
  }
  carts {
    country_tax_rate_fallback_enabled   = true
    delete_days_after_last_modification = 30
    price_rounding_mode                 = "HalfUp"
    tax_rounding_mode                   = "HalfDown"
  }
  shopping_lists {
    delete_days_after_last_modification = 60
  }
  business_units {
    my_business_unit_status_on_creation             = "Inactive"
    my_business_unit_associate_role_key_on_creation = "buyer"
  }
  discounts {
    discount_combination_mode = "BestDeal"
  }
  inventory {
    release_expired_reservations      = true
    reservation_expiration_in_minutes = 60
  }
  external_oauth {
    url                  = "https://auth.example.com/introspect"
    authorization_header = "Bearer secret"
  }
  shipping_rate_cart_classification_value {
    key   = "small"
    label = { en = "Small", de = "Klein" }
  }
  shipping_rate_cart_classification_value {
    key   = "large"
    label = { en = "Large" }
  }`, Keep: []string{"currencies", "languages", "shipping_rate_input_type", "shipping_rate_cart_classification_value"}}},
			NotText:  []string{"external_oauth.url", "shipping_rate_cart_classification_value.key", "business_units.my_business_unit_associate_role_key_on_creation"},
			Skip:     map[string]string{"external_oauth.url:non-latin": "a URL", "shipping_rate_cart_classification_value.key:non-latin": "a key of the API's pattern"},
			ImportID: func(attrs map[string]any) string { k, _ := attrs["key"].(string); return k },
			// The API masks the external OAuth header. An import reads every block (the incumbent's read none); a
			// configuration that leaves a block out plans one update after an import, which sends nothing.
			Masked:    []string{"external_oauth", "messages", "carts", "shopping_lists", "business_units", "discounts", "inventory"},
			LabdAvoid: []string{"product_catalog_model"},
		},
		{
			Type: "commercetools_tax_category", Coll: "tax-categories",
			Shapes: []Shape{{Body: `
  key         = "tax"
  name        = "Standard {{n}}"
  description = "Standard rates"`}},
		},
		{
			Type: "commercetools_tax_category_rate",
			Prelude: `
resource "commercetools_tax_category" "r_tax" {
  key  = "r-tax"
  name = "Rates"
}
`,
			Shapes: []Shape{
				{Body: `
  tax_category_id   = commercetools_tax_category.r_tax.id
  key               = "rate"
  name              = "VAT {{n}}"
  amount            = 0.19
  included_in_price = true
  country           = "DE"
  state             = "BE-{{n}}"`, Keep: []string{"state"}},
				{Body: `
  tax_category_id   = commercetools_tax_category.r_tax.id
  key               = "rate"
  name              = "Sales tax {{n}}"
  included_in_price = false
  country           = "US"
  state             = "NY-{{n}}"
  sub_rate {
    name   = "State"
    amount = 0.04
  }
  sub_rate {
    name   = "City"
    amount = 0.045
  }`, Keep: []string{"state"}},
			},
			NotText: []string{"state"},
			ImportID: func(attrs map[string]any) string {
				if k, _ := attrs["key"].(string); k != "" {
					return "key=r-tax/" + k
				}
				return ""
			},
		},
		{
			Type: "commercetools_shipping_zone", Coll: "zones",
			Shapes: []Shape{{Body: `
  key         = "zone"
  name        = "DACH"
  description = "Germany, Austria and Switzerland"
  location {
    country = "DE"
    state   = "Z{{n}}"
  }
  location {
    country = "AT"
    state   = "Z{{n}}"
  }`, Keep: []string{"location.state"}}},
			NotText: []string{"location.state"},
		},
		{
			Type: "commercetools_shipping_method", Coll: "shipping-methods",
			Shapes: []Shape{{Body: `
  key                   = "method"
  name                  = "Express {{n}}"
  description           = "Next day"
  localized_name        = { en = "Express", de = "Express" }
  localized_description = { en = "Next day", de = "Am nächsten Tag" }
  carrier               = "DHL"
  tax_category_id       = commercetools_tax_category.w_tax.id
  predicate             = "lineItemCount() > 0"
  active                = true
  is_default            = false
  stores                = [commercetools_store.w_store.key, commercetools_store.w_store2.key]` + customBlock}},
			NotText:   append([]string{"predicate"}, customNotText...),
			LabdAvoid: []string{"stores"},
			Skip: map[string]string{"is_default:one": "one shipping method of a project is the default: instances setting it would take it from each other",
				"predicate:non-latin": "a predicate"},
		},
		{
			Type: "commercetools_shipping_zone_rate",
			Prelude: `
resource "commercetools_shipping_method" "zr_method" {
  key             = "zr-method"
  name            = "Zone rates"
  tax_category_id = commercetools_tax_category.w_tax.id
}
`,
			Each: `
resource "commercetools_shipping_zone" "zr_zone_{{n}}" {
  key  = "zr-zone-{{n}}"
  name = "Zone {{n}}"
  location {
    country = "DE"
    state   = "S{{n}}"
  }
}
`,
			Shapes: []Shape{
				{Body: `
  shipping_method_id = commercetools_shipping_method.zr_method.id
  shipping_zone_id   = commercetools_shipping_zone.zr_zone_{{n}}.id
  price {
    cent_amount   = 495
    currency_code = "EUR"
  }
  free_above {
    cent_amount   = 5000
    currency_code = "EUR"
  }
  shipping_rate_price_tier {
    type                = "CartValue"
    minimum_cent_amount = 2500
    price {
      cent_amount   = 295
      currency_code = "EUR"
    }
  }
  shipping_rate_price_tier {
    type                = "CartValue"
    minimum_cent_amount = 10000
    price {
      cent_amount   = 0
      currency_code = "EUR"
    }
  }`, Keep: []string{"shipping_rate_price_tier.minimum_cent_amount", "shipping_rate_price_tier.price"}},
			},
			NotText:  []string{"shipping_rate_price_tier.value", "shipping_rate_price_tier.price_function.function"},
			ImportID: func(attrs map[string]any) string { id, _ := attrs["id"].(string); return id },
			Skip: map[string]string{
				"shipping_rate_price_tier.score":          "tiers of CartScore need a project whose shipping rate input type is CartScore",
				"shipping_rate_price_tier.value":          "tiers of CartClassification need a project whose shipping rate input type is CartClassification",
				"shipping_rate_price_tier.price_function": "tiers of CartScore need a project whose shipping rate input type is CartScore",
				"shipping_rate_price_tier.price:absent":   "a tier without a price has a price function, which needs a project of input type CartScore",
			},
		},
		{
			Type: "commercetools_store", Coll: "stores",
			Shapes: []Shape{{Body: `
  key                   = "store"
  name                  = { en = "Web shop", de = "Webshop" }
  languages             = ["en", "de"]
  countries             = ["DE", "AT"]
  distribution_channels = [commercetools_channel.w_dist.key, commercetools_channel.w_dist2.key]
  supply_channels       = [commercetools_channel.w_supply.key, commercetools_channel.w_supply2.key]
  product_selection {
    product_selection_id = commercetools_product_selection.w_sel.id
    active               = true
  }
  product_selection {
    product_selection_id = commercetools_product_selection.w_sel2.id
    active               = false
  }
  storefront {
    checkout_url_template = "https://shop.example/checkout/{checkoutId}"
    order_url_template    = "https://shop.example/orders/{orderId}"
    terms_of_service_url  = "https://shop.example/terms"
    privacy_policy_url    = "https://shop.example/privacy"
    refund_policy_url     = "https://shop.example/refunds"
    shipping_policy_url   = "https://shop.example/shipping"
    cookie_policy_url     = "https://shop.example/cookies"
    imprint_url           = "https://shop.example/imprint"
    faq_url               = "https://shop.example/faq"
    contact_url           = "https://shop.example/contact"
  }` + customBlock}},
			NotText: append([]string{"storefront.checkout_url_template", "storefront.order_url_template", "storefront.terms_of_service_url",
				"storefront.privacy_policy_url", "storefront.refund_policy_url", "storefront.shipping_policy_url", "storefront.cookie_policy_url",
				"storefront.imprint_url", "storefront.faq_url", "storefront.contact_url"}, customNotText...),
			LabdAvoid: []string{"storefront"},
			// An empty storefront block cannot be told from none: after an import, a configuration
			// with one plans one update (which sets nothing).
			Masked: []string{"storefront"},
		},
		{
			Type: "commercetools_customer_group", Coll: "customer-groups",
			Shapes: []Shape{{Body: `
  key  = "group"
  name = "Group {{n}}"` + customBlock}},
			NotText: customNotText,
		},
		{
			Type: "commercetools_product_type", Coll: "product-types",
			Shapes: []Shape{{Body: `
  key         = "pt"
  name        = "Shirt {{n}}"
  description = "Shirts"
  attribute {
    name                           = "headline"
    label                          = { en = "Headline", de = "Überschrift" }
    input_tip                      = { en = "Shown above", de = "Oben" }
    required                       = false
    searchable                     = true
    level                          = "Variant"
    constraint                     = "SameForAll"
    input_hint                     = "MultiLine"
    allow_recreate_deleting_values = true
    type {
      name = "ltext"
    }
  }
  attribute {
    name  = "size"
    label = { en = "Size" }
    type {
      name = "lenum"
      localized_value {
        key   = "s"
        label = { en = "Small", de = "Klein" }
      }
      localized_value {
        key   = "m"
        label = { en = "Medium" }
      }
    }
  }
  attribute {
    name  = "care"
    label = { en = "Care" }
    type {
      name = "set"
      element_type {
        name = "enum"
        value {
          key   = "wash"
          label = "Wash"
        }
        value {
          key   = "dry"
          label = "Dry"
        }
      }
    }
  }
  attribute {
    name  = "fit"
    label = { en = "Fit" }
    type {
      name = "enum"
      value {
        key   = "slim"
        label = "Slim"
      }
      value {
        key   = "loose"
        label = "Loose"
      }
    }
  }
  attribute {
    name  = "languages"
    label = { en = "Languages" }
    type {
      name = "set"
      element_type {
        name = "lenum"
        localized_value {
          key   = "de"
          label = { en = "German" }
        }
        localized_value {
          key   = "fr"
          label = { en = "French" }
        }
      }
    }
  }
  attribute {
    name     = "material"
    label    = { en = "Material" }
    required = true
    type {
      name = "enum"
      value {
        key   = "cotton"
        label = "Cotton"
      }
    }
  }
  attribute {
    name  = "origin"
    label = { en = "Origin" }
    type {
      name = "lenum"
      localized_value {
        key   = "eu"
        label = { en = "Europe" }
      }
    }
  }
  attribute {
    name  = "washes"
    label = { en = "Washes" }
    type {
      name = "set"
      element_type {
        name = "enum"
        value {
          key   = "hand"
          label = "Hand"
        }
      }
    }
  }
  attribute {
    name  = "regions"
    label = { en = "Regions" }
    type {
      name = "set"
      element_type {
        name = "lenum"
        localized_value {
          key   = "north"
          label = { en = "North" }
        }
      }
    }
  }
  attribute {
    name  = "related"
    label = { en = "Related" }
    type {
      name              = "reference"
      reference_type_id = "product"
    }
  }
  attribute {
    name  = "others"
    label = { en = "Others" }
    type {
      name = "set"
      element_type {
        name              = "reference"
        reference_type_id = "category"
      }
    }
  }
  attribute {
    name  = "chart"
    label = { en = "Chart" }
    type {
      name           = "nested"
      type_reference = commercetools_product_type.w_pt.id
    }
  }
  attribute {
    name  = "charts"
    label = { en = "Charts" }
    type {
      name = "set"
      element_type {
        name           = "nested"
        type_reference = commercetools_product_type.w_pt.id
      }
    }
  }`, Keep: []string{"attribute.type.reference_type_id", "attribute.type.type_reference", "attribute.type.element_type.reference_type_id",
				"attribute.type.element_type.type_reference"}}},
			NotText: []string{"attribute.name", "attribute.type.type_reference", "attribute.type.element_type.type_reference",
				"attribute.type.value.key", "attribute.type.localized_value.key",
				"attribute.type.element_type.value.key", "attribute.type.element_type.localized_value.key"},
			// allow_recreate_deleting_values is the provider's own flag, not the API's: an import cannot read it.
			Masked: []string{"attribute.allow_recreate_deleting_values"},
		},
		{
			Type: "commercetools_attribute_group", Coll: "attribute-groups",
			Shapes: []Shape{{Body: `
  key         = "ag"
  name        = { en = "Care", de = "Pflege" }
  description = { en = "How to care", de = "Pflegehinweise" }
  attribute {
    key = "w_color"
  }
  attribute {
    key = "w_size"
  }`}},
			NotText: []string{"attribute.key"},
		},
		{
			Type: "commercetools_product_selection", Coll: "product-selections",
			Shapes: []Shape{{Body: `
  key  = "ps"
  name = { en = "Outlet", de = "Restposten" }
  mode = "IndividualExclusion"` + customBlock}},
			NotText: customNotText,
		},
		{
			Type: "commercetools_category", Coll: "categories",
			Shapes: []Shape{
				{Body: `
  key              = "cat"
  name             = { en = "Clothing", de = "Kleidung" }
  slug             = { en = "clothing-{{n}}", de = "kleidung-{{n}}" }
  description      = { en = "All clothing", de = "Alle Kleidung" }
  parent           = commercetools_category.w_parent.id
  order_hint       = "0.{{n}}1"
  external_id      = "ERP-{{n}}"
  meta_title       = { en = "Clothing", de = "Kleidung" }
  meta_description = { en = "Buy clothing", de = "Kleidung kaufen" }
  meta_keywords    = { en = "clothing, shirts", de = "Kleidung" }
  assets {
    key         = "hero"
    name        = { en = "Hero", de = "Held" }
    description = { en = "Hero image", de = "Heldenbild" }
    tags        = ["hero", "banner"]
    sources {
      key          = "desktop"
      uri          = "https://images.example.com/hero.jpg"
      content_type = "image/jpeg"
      dimensions {
        w = 1920
        h = 600
      }
    }
    sources {
      key = "mobile"
      uri = "https://images.example.com/hero-m.jpg"
    }
  }
  assets {
    key  = "second"
    name = { en = "Second" }
    sources {
      uri = "https://images.example.com/2.jpg"
    }
  }` + customBlock, Keep: []string{"slug"}},
				{Body: `
  key        = "cat"
  name       = { en = "Socks" }
  slug       = { en = "socks-{{n}}" }
  parent_key = commercetools_category.w_parent.key`, Keep: []string{"slug"}},
			},
			NotText: append([]string{"parent", "slug", "order_hint", "assets.sources.uri", "assets.sources.content_type", "assets.sources.key", "assets.key"}, customNotText...),
			Skip:    map[string]string{"slug:non-latin": "slugs allow A-Z, a-z, 0-9, '_' and '-' only", "assets.sources.uri:non-latin": "a URI"},
			// commercetools reports the parent by id: a parent named by key plans one update after an import, which sends nothing.
			Masked: []string{"parent_key", "parent"},
		},
		{
			Type: "commercetools_associate_role", Coll: "associate-roles",
			// The incumbent's Create dereferences the name the API returns: a role without one crashes it.
			LabdNeeds: []string{"name"},
			Shapes: []Shape{{Body: `
  key              = "role"
  name             = "Buyer"
  buyer_assignable = true
  permissions      = ["ViewMyCarts", "CreateMyCarts"]` + customBlock}},
			NotText: customNotText,
		},
		{
			Type: "commercetools_business_unit_company", Coll: "business-units",
			// The incumbent's read dereferences expanded customer groups, which the API does not expand: it crashes.
			LabdAvoid: []string{"customer_groups"},
			Shapes: []Shape{{Body: `
  key           = "company"
  name          = "ACME {{n}}"
  contact_email = "buy@acme.example"
  status        = "Inactive"
  customer_groups = [commercetools_customer_group.w_group.key, commercetools_customer_group.w_group2.key]
  store {
    key = commercetools_store.w_store.key
  }
  store {
    key = commercetools_store.w_store2.key
  }
` + address + secondAddress + `
  billing_address_keys         = ["addr-a", "addr-b"]
  shipping_address_keys        = ["addr-a", "addr-b"]
  default_billing_address_key  = "addr-a"
  default_shipping_address_key = "addr-a"` + customBlock}},
			NotText: append([]string{"contact_email", "billing_address_keys", "shipping_address_keys", "default_billing_address_key",
				"default_shipping_address_key", "store.key", "customer_groups"}, customNotText...),
			Skip: map[string]string{"address.key:longest": "the address keys are named by the key lists"},
		},
		{
			Type: "commercetools_business_unit_division", Coll: "business-units",
			// The incumbent's read dereferences expanded customer groups, which the API does not expand: it crashes.
			LabdAvoid: []string{"customer_groups"},
			Shapes: []Shape{
				{Body: `
  key                = "division"
  name               = "North {{n}}"
  contact_email      = "north@acme.example"
  status             = "Active"
  store_mode         = "Explicit"
  associate_mode     = "Explicit"
  approval_rule_mode = "Explicit"
  customer_groups    = [commercetools_customer_group.w_group.key, commercetools_customer_group.w_group2.key]
  parent_unit {
    key = commercetools_business_unit_company.w_company.key
  }
  store {
    key = commercetools_store.w_store.key
  }
  store {
    key = commercetools_store.w_store2.key
  }
` + address + secondAddress + `
  billing_address_keys         = ["addr-a", "addr-b"]
  shipping_address_keys        = ["addr-a", "addr-b"]
  default_billing_address_key  = "addr-a"
  default_shipping_address_key = "addr-a"` + customBlock, Keep: []string{"parent_unit.key", "store_mode"}},
				{Body: `
  key  = "division"
  name = "South {{n}}"
  parent_unit {
    id = commercetools_business_unit_company.w_company.id
  }`, Keep: []string{"parent_unit.id"}},
			},
			NotText: append([]string{"contact_email", "billing_address_keys", "shipping_address_keys", "default_billing_address_key",
				"default_shipping_address_key", "store.key", "customer_groups", "parent_unit.key", "parent_unit.id"}, customNotText...),
			Skip: map[string]string{"address.key:longest": "the address keys are named by the key lists"},
			// commercetools reports the parent by key only: a parent named by id plans one update after an import.
			Masked: []string{"parent_unit"},
		},
		{
			Type: "commercetools_business_unit_associate",
			Setup: func(e *Env) error {
				for i := 1; i <= 40; i++ {
					if err := e.Put("customers", map[string]any{
						"id": fmt.Sprintf("00000000-0000-4000-8000-0000000000%d", i), "version": 1,
						"email": fmt.Sprintf("associate%d@example.com", i), "addresses": []any{},
						"isEmailVerified": false, "authenticationMode": "Password",
					}); err != nil {
						return err
					}
				}
				return nil
			},
			Shapes: []Shape{{Body: `
  business_unit_id = commercetools_business_unit_company.w_company.id
  customer_id      = "00000000-0000-4000-8000-0000000000{{n}}"
  role {
    associate_role_key = commercetools_associate_role.w_role.key
    inheritance        = "Disabled"
  }
  role {
    associate_role_key = commercetools_associate_role.w_role2.key
    inheritance        = "Enabled"
  }`}},
			NotText: []string{"customer_id"},
			Skip:    map[string]string{"customer_id:non-latin": "a customer id"},
			ImportID: func(attrs map[string]any) string {
				c, _ := attrs["customer_id"].(string)
				return "key=w-company/" + c
			},
		},
		{
			Type: "commercetools_recurrence_policy", Coll: "recurrence-policies",
			Shapes: []Shape{
				{Body: `
  key         = "rp"
  name        = { en = "Every two weeks", de = "Alle zwei Wochen" }
  description = { en = "Biweekly", de = "Zweiwöchentlich" }
  schedule {
    type          = "standard"
    value         = 2
    interval_unit = "Weeks"
  }`, Keep: []string{"schedule.value", "schedule.interval_unit"}},
				{Body: `
  key = "rp"
  schedule {
    type = "dayOfMonth"
    day  = 15
  }`, Keep: []string{"schedule.day"}},
			},
		},
		{
			Type: "commercetools_cart_discount", Coll: "cart-discounts",
			Shapes: []Shape{
				{Body: `
  key                    = "cd"
  name                   = { en = "Summer", de = "Sommer" }
  description            = { en = "Summer sale", de = "Sommerschlussverkauf" }
  predicate              = "1 = 1"
  sort_order             = "0.{{n}}1"
  is_active              = true
  requires_discount_code = true
  stacking_mode          = "StopAfterThisDiscount"
  valid_from             = "2027-06-01T00:00:00Z"
  valid_until            = "2027-08-31T23:59:59Z"
  stores                 = [commercetools_store.w_store.key, commercetools_store.w_store2.key]
  recurring_order_scope  = "ApplicableRecurrencePolicies"
  recurrence_policy_ids  = [commercetools_recurrence_policy.w_rp.id, commercetools_recurrence_policy.w_rp2.id]
  value {
    type             = "absolute"
    application_mode = "ProportionateDistribution"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
    money {
      currency_code = "USD"
      cent_amount   = 600
    }
  }
  target {
    type      = "lineItems"
    predicate = "1 = 1"
  }` + customBlock, Keep: []string{"sort_order", "target", "target.predicate", "value.money", "value.money.cent_amount",
					"recurring_order_scope", "recurrence_policy_ids"}},
				{Body: `
  key               = "cd"
  name              = { en = "Bundle" }
  predicate         = "1 = 1"
  discount_group_id = commercetools_discount_group.w_dg.id
  value {
    type      = "relative"
    permyriad = 1000
  }
  target {
    type                = "multiBuyLineItems"
    predicate           = "1 = 1"
    trigger_quantity    = 3
    discounted_quantity = 1
    max_occurrence      = 2
    selection_mode      = "Cheapest"
  }`, NoDefaults: []string{"value.application_mode"}, Keep: []string{"discount_group_id", "target", "target.predicate", "target.trigger_quantity", "target.discounted_quantity", "target.selection_mode",
					"value.permyriad"}},
				{Body: `
  key        = "cd"
  name       = { en = "Pattern" }
  predicate  = "1 = 1"
  sort_order = "0.{{n}}2"
  value {
    type = "fixed"
    money {
      currency_code   = "EUR"
      precise_amount  = 12345
      fraction_digits = 3
    }
  }
  target {
    type           = "pattern"
    selection_mode = "MostExpensive"
    max_occurrence = 1
    trigger_pattern {
      type      = "CountOnLineItemUnits"
      predicate = "1 = 1"
      min_count = 2
      max_count = 5
    }
    trigger_pattern {
      type      = "CountOnCustomLineItemUnits"
      predicate = "1 = 1"
      min_count = 1
    }
    target_pattern {
      type          = "CountOnLineItemUnits"
      predicate     = "1 = 1"
      min_count     = 0
      max_count     = 1
      exclude_count = 2
    }
    target_pattern {
      type      = "CountOnCustomLineItemUnits"
      predicate = "1 = 1"
      min_count = 1
    }
  }`, Keep: []string{"sort_order", "target", "target.selection_mode", "value.money", "value.money.precise_amount",
					"value.money.fraction_digits", "target.target_pattern"}},
				{Body: `
  key        = "cd"
  name       = { en = "Gift" }
  predicate  = "1 = 1"
  sort_order = "0.{{n}}3"
  value {
    type                    = "giftLineItem"
    product_id              = "00000000-0000-4000-8000-00000000aaaa"
    variant_id              = 1
    supply_channel_id       = commercetools_channel.w_supply.id
    distribution_channel_id = commercetools_channel.w_dist.id
  }`, Keep: []string{"sort_order", "value.product_id", "value.variant_id"}, NoDefaults: []string{"value.application_mode"}},
			},
			NotText: append([]string{"predicate", "target.predicate", "target.trigger_pattern.predicate", "target.target_pattern.predicate",
				"value.product_id", "value.supply_channel_id", "value.distribution_channel_id", "discount_group_id", "stores", "recurrence_policy_ids"}, customNotText...),
			Skip: map[string]string{"predicate:non-latin": "a predicate", "target.trigger_pattern.predicate:non-latin": "a predicate",
				"target.trigger_pattern.exclude_count":      "the API allows excludeCount in target patterns only",
				"target.target_pattern.predicate:non-latin": "a predicate"},
		},
		{
			Type: "commercetools_discount_code", Coll: "discount-codes",
			Shapes: []Shape{{Body: `
  key                           = "dc"
  code                          = "CODE{{n}}"
  name                          = { en = "Welcome", de = "Willkommen" }
  description                   = { en = "For new customers", de = "Für Neukunden" }
  cart_discounts                = [commercetools_cart_discount.w_cd.id, commercetools_cart_discount.w_cd2.id]
  predicate                     = "1 = 1"
  is_active                     = true
  max_applications              = 100
  max_applications_per_customer = 1
  groups                        = ["onboarding", "spring"]
  valid_from                    = "2027-01-01T00:00:00Z"
  valid_until                   = "2027-12-31T23:59:59Z"` + customBlock}},
			NotText: append([]string{"code", "predicate", "cart_discounts", "groups"}, customNotText...),
			Skip:    map[string]string{"code:non-latin": "codes are unique in a project: one non-Latin text cannot serve every instance"},
		},
		{
			Type: "commercetools_product_discount", Coll: "product-discounts",
			Shapes: []Shape{
				{Body: `
  key         = "pd"
  name        = { en = "Clearance", de = "Räumung" }
  description = { en = "Clearance sale", de = "Räumungsverkauf" }
  predicate   = "1 = 1"
  sort_order  = "0.{{n}}1"
  is_active   = true
  valid_from  = "2027-01-01T00:00:00Z"
  valid_until = "2027-12-31T23:59:59Z"
  value {
    type = "absolute"
    money {
      currency_code = "EUR"
      cent_amount   = 500
    }
    money {
      currency_code = "USD"
      cent_amount   = 600
    }
  }`, Keep: []string{"value.money", "value.money.cent_amount"}},
				{Body: `
  key        = "pd"
  name       = { en = "Relative" }
  predicate  = "1 = 1"
  sort_order = "0.{{n}}2"
  value {
    type      = "relative"
    permyriad = 2000
  }`, Keep: []string{"value.permyriad"}},
				{Body: `
  key        = "pd"
  name       = { en = "Precise" }
  predicate  = "1 = 1"
  sort_order = "0.{{n}}4"
  value {
    type = "absolute"
    money {
      currency_code   = "EUR"
      cent_amount     = 1234
      fraction_digits = 2
    }
  }`, Keep: []string{"value.money", "value.money.cent_amount", "value.money.fraction_digits"}},
				{Body: `
  key        = "pd"
  name       = { en = "External" }
  predicate  = "1 = 1"
  sort_order = "0.{{n}}3"
  value {
    type = "external"
  }`},
			},
			NotText: []string{"predicate", "sort_order"},
			Skip:    map[string]string{"predicate:non-latin": "a predicate"},
		},
		{
			Type: "commercetools_discount_group", Coll: "discount-groups",
			Shapes: []Shape{{Body: `
  key         = "dg"
  name        = { en = "Bundles", de = "Bündel" }
  description = { en = "One bundle per cart", de = "Ein Bündel je Warenkorb" }
  sort_order  = "0.{{n}}4"
  is_active   = false`}},
			NotText: []string{"sort_order"},
		},
		{
			Type: "commercetools_custom_object", Coll: "key-value-documents",
			Shapes: []Shape{{Body: `
  container = "forms"
  key       = "object-{{n}}"
  value     = jsonencode({ enabled = true, share = 25, markets = ["DE", "NL"], name = "Grüße" })`}},
			NotText: []string{"container", "key"},
			Skip:    map[string]string{"container:non-latin": "containers allow A-Z, a-z, 0-9, '-', '_', '~' and '.' only"},
			ImportID: func(attrs map[string]any) string {
				c, _ := attrs["container"].(string)
				k, _ := attrs["key"].(string)
				return c + "/" + k
			},
		},
		{
			Type: "commercetools_api_extension", Coll: "extensions", PerLane: 20,
			// The incumbent read an AWS Lambda destination back as "awslambda" and planned a change for
			// "AWSLambda", so its users wrote "awslambda"; it also stored the API's mask of the access key,
			// which the first apply after the switch replaces with the configured key (the incumbent
			// planned that on every run).
			LabdSpelling: []Spelling{{Path: "destination.type", Ours: `"AWSLambda"`, Theirs: `"awslambda"`}},
			LabdDiffers:  []string{"destination.access_key"},
			Shapes: []Shape{
				{Body: `
  key                  = "ext"
  timeout_in_ms        = 1500
  include_old_resource = true
  dependencies         = [commercetools_api_extension.w_base.id, commercetools_api_extension.w_base2.id]
  expansion_paths      = ["lineItems[*].variant", "customer"]
  destination {
    type                 = "HTTP"
    url                  = "https://extensions.example.com/{{n}}"
    authorization_header = "Bearer token"
  }
  trigger {
    resource_type_id = "cart"
    actions          = ["Create", "Update"]
    condition        = "lineItems is defined"
  }
  trigger {
    resource_type_id = "order"
    actions          = ["Create"]
  }`, Keep: []string{"destination.url"}},
				{Body: `
  key = "ext"
  destination {
    type          = "AWSLambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:f{{n}}"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Create"]
  }`, Keep: []string{"destination.arn", "destination.access_key", "destination.access_secret"}},
				{Body: `
  key = "ext"
  destination {
    type          = "awslambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:lc{{n}}"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Update"]
  }`, Keep: []string{"destination.arn", "destination.access_key", "destination.access_secret"}},
				{Body: `
  key = "ext"
  destination {
    type                 = "HTTP"
    url                  = "https://azure.example.com/{{n}}"
    azure_authentication = "azure-key"
  }
  trigger {
    resource_type_id = "customer"
    actions          = ["Update"]
  }`, Keep: []string{"destination.url", "destination.azure_authentication"}},
				{Body: `
  key = "ext"
  destination {
    type                            = "HTTP"
    url                             = "https://wo.example.com/{{n}}"
    authorization_header_wo         = "Bearer wo"
    authorization_header_wo_version = 1
  }
  trigger {
    resource_type_id = "quote"
    actions          = ["Create"]
  }`, Keep: []string{"destination.url", "destination.authorization_header_wo", "destination.authorization_header_wo_version"}},
				{Body: `
  key = "ext"
  destination {
    type                     = "AWSLambda"
    arn                      = "arn:aws:lambda:eu-central-1:123456789012:function:wo{{n}}"
    access_key               = "AKIA0000"
    access_secret_wo         = "secret"
    access_secret_wo_version = 1
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Update"]
  }`, Keep: []string{"destination.arn", "destination.access_key", "destination.access_secret_wo", "destination.access_secret_wo_version"}},
				{Body: `
  key = "ext"
  destination {
    type                            = "HTTP"
    url                             = "https://azure-wo.example.com/{{n}}"
    azure_authentication_wo         = "azure-key"
    azure_authentication_wo_version = 2
  }
  trigger {
    resource_type_id = "customer"
    actions          = ["Create"]
  }`, Keep: []string{"destination.url", "destination.azure_authentication_wo", "destination.azure_authentication_wo_version"}},
				{Body: `
  key = "ext"
  destination {
    type = "GoogleCloudFunction"
    url  = "https://europe-west1-p.cloudfunctions.net/f{{n}}"
  }
  trigger {
    resource_type_id = "customer-group"
    actions          = ["Create"]
  }`, Keep: []string{"destination.url"}},
			},
			Prelude: `
resource "commercetools_api_extension" "w_base" {
  key = "w-base"
  destination {
    type = "HTTP"
    url  = "https://extensions.example.com/base"
  }
  trigger {
    resource_type_id = "cart"
    actions          = ["Create"]
  }
}

resource "commercetools_api_extension" "w_base2" {
  key = "w-base2"
  destination {
    type = "HTTP"
    url  = "https://extensions.example.com/base2"
  }
  trigger {
    resource_type_id = "order"
    actions          = ["Create"]
  }
}
`,
			NotText: []string{"destination.url", "destination.arn", "trigger.condition", "expansion_paths", "dependencies", "destination.access_key"},
			// The API masks the credentials; an import reads the API's spelling of the destination type, so
			// the incumbent's "awslambda" plans one update after an import, which sends nothing.
			// timeout_in_ms: an import reads the API's default, 2000, which a configuration writing 0 (the
			// incumbent's "not set") then plans once, sending nothing.
			Masked: []string{"destination.authorization_header", "destination.access_secret", "destination.azure_authentication",
				"destination.access_key", "destination.type", "timeout_in_ms"},
		},
		{
			Type: "commercetools_subscription", Coll: "subscriptions", PerLane: 40,
			Shapes: []Shape{
				{Body: `
  key = "sub"
  destination {
    type          = "SQS"
    queue_url     = "https://sqs.eu-west-1.amazonaws.com/123456789012/q{{n}}"
    region        = "eu-west-1"
    access_key    = "AKIA0000"
    access_secret = "secret"
  }
  format {
    type = "Platform"
  }
  message {
    resource_type_id = "order"
    types            = ["OrderCreated", "OrderStateChanged"]
  }
  message {
    resource_type_id = "customer"
  }
  changes {
    resource_type_ids = ["product", "category"]
  }
  changes {
    resource_type_ids = ["store"]
  }
  event {
    resource_type_id = "import-api"
    types            = ["ImportContainerCreated", "ImportContainerDeleted"]
  }
  event {
    resource_type_id = "checkout"
  }`, Keep: []string{"destination.queue_url", "destination.region", "message"}, NoDefaults: []string{"format.cloud_events_version"}},
				{Body: `
  key = "sub"
  destination {
    type      = "SNS"
    topic_arn = "arn:aws:sns:eu-west-1:123456789012:t{{n}}"
  }
  changes {
    resource_type_ids = ["order"]
  }`, Keep: []string{"destination.topic_arn", "changes"}},
				{Body: `
  key = "sub"
  destination {
    type       = "EventBridge"
    region     = "eu-west-1"
    account_id = "1234567890{{n}}"
  }
  format {
    type                 = "CloudEvents"
    cloud_events_version = "1.0"
  }
  message {
    resource_type_id = "payment"
  }`, Keep: []string{"destination.region", "destination.account_id", "message"}},
				{Body: `
  key = "sub"
  destination {
    type       = "EventGrid"
    uri        = "https://t.westeurope-1.eventgrid.azure.net/api/events/{{n}}"
    access_key = "grid-key"
  }
  format {
    type = "CloudEvents"
  }
  message {
    resource_type_id = "payment"
  }`, Keep: []string{"destination.uri", "destination.access_key", "format", "message"}},
				{Body: `
  key = "sub"
  destination {
    type              = "AzureServiceBus"
    connection_string = "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=v;EntityPath=q{{n}}"
  }
  message {
    resource_type_id = "review"
  }`, Keep: []string{"destination.connection_string", "message"}},
				{Body: `
  key = "sub"
  destination {
    type       = "GoogleCloudPubSub"
    project_id = "project-{{n}}"
    topic      = "topic"
  }
  message {
    resource_type_id = "store"
  }`, Keep: []string{"destination.project_id", "destination.topic", "message"}},
				{Body: `
  key = "sub"
  destination {
    type             = "ConfluentCloud"
    bootstrap_server = "pkc-{{n}}.eu-west-1.aws.confluent.cloud:9092"
    api_key          = "api-key"
    api_secret       = "api-secret"
    acks             = "all"
    topic            = "topic"
    key              = "key"
  }
  message {
    resource_type_id = "customer"
  }`, Keep: []string{"destination.bootstrap_server", "destination.api_key", "destination.api_secret", "destination.topic", "destination.acks", "message"}},
				{Body: `
  key = "sub"
  destination {
    type                     = "ConfluentCloud"
    bootstrap_server         = "pkc-wo{{n}}.eu-west-1.aws.confluent.cloud:9092"
    api_key_wo               = "api-key"
    api_key_wo_version       = 1
    api_secret_wo            = "api-secret"
    api_secret_wo_version    = 1
    topic                    = "topic"
    acks                     = "1"
  }
  message {
    resource_type_id = "customer"
  }`, Keep: []string{"destination.bootstrap_server", "destination.api_key_wo", "destination.api_secret_wo", "destination.topic", "destination.acks", "message",
					"destination.api_key_wo_version", "destination.api_secret_wo_version"}},
				{Body: `
  key = "sub"
  destination {
    type                         = "AzureServiceBus"
    connection_string_wo         = "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=v;EntityPath=wo{{n}}"
    connection_string_wo_version = 1
  }
  message {
    resource_type_id = "review"
  }`, Keep: []string{"destination.connection_string_wo", "destination.connection_string_wo_version", "message"}},
				{Body: `
  key = "sub"
  destination {
    type                     = "SQS"
    queue_url                = "https://sqs.eu-west-1.amazonaws.com/123456789012/wo{{n}}"
    region                   = "eu-west-1"
    access_key_wo            = "AKIA0000"
    access_key_wo_version    = 1
    access_secret_wo         = "secret"
    access_secret_wo_version = 1
  }
  message {
    resource_type_id = "product"
  }`, Keep: []string{"message", "destination.queue_url", "destination.region", "destination.access_key_wo", "destination.access_key_wo_version",
					"destination.access_secret_wo", "destination.access_secret_wo_version"}},
			},
			NotText: []string{"destination.queue_url", "destination.region", "destination.topic_arn", "destination.account_id", "destination.uri",
				"destination.connection_string", "destination.project_id", "destination.topic", "destination.bootstrap_server",
				"destination.key", "destination.access_key", "destination.api_key"},
			// The API masks the credentials. An import reads the format as the API reports it (Platform when none was
			// given) and the changes as one block, and the set blocks' types as none: a configuration that leaves the
			// format out, spreads the changes over several blocks or writes types = [] plans one update after an import,
			// which sends nothing (see the resource's documentation).
			Masked: []string{"destination.access_secret", "destination.access_key", "destination.connection_string", "destination.api_secret",
				"destination.api_key", "format", "changes", "message", "event"},
		},
		{
			Type: "commercetools_state", Coll: "states",
			Shapes: []Shape{{Body: `
  key         = "state"
  type        = "ReviewState"
  name        = { en = "Approved", de = "Freigegeben" }
  description = { en = "Approved reviews", de = "Freigegebene Bewertungen" }
  initial     = true
  roles       = ["ReviewIncludedInStatistics"]`}, {Body: `
  key   = "state"
  type  = "LineItemState"
  roles = ["Return"]`}},
			Skip: map[string]string{"key:non-latin": "every instance needs a key of its own, which the generator writes",
				"roles:many": "each role belongs to one type of state (ReviewIncludedInStatistics to reviews, Return to line items)"},
		},
		{
			Type: "commercetools_state_transitions",
			Prelude: `
resource "commercetools_state" "st_target" {
  key  = "st-target"
  type = "OrderState"
}

resource "commercetools_state" "st_target2" {
  key  = "st-target2"
  type = "OrderState"
}
`,
			Each: `
resource "commercetools_state" "st_from_{{n}}" {
  key  = "st-from-{{n}}"
  type = "OrderState"
}
`,
			Shapes: []Shape{{Body: `
  from = commercetools_state.st_from_{{n}}.id
  to   = [commercetools_state.st_target.id, commercetools_state.st_target2.id]`}},
			NotText: []string{"from", "to"},
			ImportID: func(attrs map[string]any) string {
				return ""
			},
		},
	}
}
