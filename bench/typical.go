package main

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// The typical project scenario: a mid-size commercetools project of every family a team keeps in
// Terraform (project settings, types with fields, channels, tax categories with rates, zones,
// shipping methods with zone rates, stores, product types with attributes, states, customer
// groups, subscriptions, API extensions, custom objects), generated at a given size, applied,
// then planned (which must be empty) at each latency and destroyed. When the incumbent's binary
// is given (-labd), the same configuration is run through it beside this provider, so that the
// table shows both.

// Incumbent's plugin address and version (its binary is installed under it in the plugin dir).
const (
	labdSource  = "registry.terraform.io/labd/commercetools"
	labdVersion = "1.22.2"
)

// typicalUnit is the number of resources one unit of the typical project holds (see
// typicalConfig), apart from the subscriptions and extensions of every third unit.
const typicalUnit = 19

// typicalUnits is the number of units for a project of about n resources.
func typicalUnits(n int) int {
	// Per unit: typicalUnit resources, plus 2/3 (a subscription and an extension every third
	// unit); one project settings.
	return max(1, int(math.Round(float64(n-1)/(typicalUnit+2.0/3))))
}

// typicalCollections are the API collections a plan of the typical project lists, each with at
// most one page per 500 objects (tax rates come with their categories, zone rates with their
// shipping methods; a container is the collection of its custom objects), and its singletons
// (the project).
func typicalCollections(units int) (collections []int, singletons int) {
	every3 := (units + 2) / 3
	return []int{units /* types */, 2 * units /* channels */, units /* tax categories */, units, /* zones */
		units /* shipping methods */, units /* stores */, units /* product types */, 2 * units, /* states */
		2 * units /* customer groups */, every3 /* subscriptions */, every3, /* extensions */
		2 * units /* custom objects in container "flags" */, units /* in "shipping" */}, 1
}

// typicalPlanRequests is the most API requests the plan of the typical project may send: one
// listing page per 500 objects of each collection, one read per singleton.
func typicalPlanRequests(units int) int {
	cols, singles := typicalCollections(units)
	n := singles
	for _, c := range cols {
		n += (c + listPageSize - 1) / listPageSize
	}
	return n
}

// typicalResources counts the resources of the configuration.
func typicalResources(units int) int { return 1 + units*typicalUnit + 2*((units+2)/3) }

func typicalConfig(url string, units int, labd bool) string {
	var b strings.Builder
	source, version := providerSource, providerVersion
	if labd {
		source, version = labdSource, labdVersion
	}
	fmt.Fprintf(&b, `terraform {
  required_providers {
    commercetools = {
      source  = %q
      version = %q
    }
  }
}

provider "commercetools" {
  client_id     = %q
  client_secret = %q
  project_key   = %q
  api_url       = %q
  token_url     = %q
  scopes        = "manage_project:%[8]s manage_api_clients:%[8]s"
}

resource "commercetools_project_settings" "project" {
  name       = "Typical project"
  countries  = ["DE", "AT", "NL", "US"]
  currencies = ["EUR", "USD"]
  languages  = ["en", "de", "nl"]

  messages {
    enabled                    = true
    delete_days_after_creation = 30
  }

  carts {
    country_tax_rate_fallback_enabled   = true
    delete_days_after_last_modification = 30
  }

  shopping_lists {
    delete_days_after_last_modification = 180
  }
}
`, source, version, emuClientID, emuClientSecret, emuProjectKey, url, url, emuProjectKey)
	for u := range units {
		fmt.Fprintf(&b, `
resource "commercetools_type" "t%[1]d" {
  key               = "fields-%[1]d"
  name              = { en = "Fields %[1]d", de = "Felder %[1]d" }
  description       = { en = "Custom fields, set %[1]d" }
  resource_type_ids = ["customer"]

  field {
    name     = "text_%[1]d"
    label    = { en = "Text", de = "Text" }
    required = false
    type {
      name = "String"
    }
  }
  field {
    name       = "notes_%[1]d"
    label      = { en = "Notes" }
    input_hint = "MultiLine"
    type {
      name = "LocalizedString"
    }
  }
  field {
    name  = "flag_%[1]d"
    label = { en = "Flag" }
    type {
      name = "Boolean"
    }
  }
  field {
    name  = "kind_%[1]d"
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
    name  = "tags_%[1]d"
    label = { en = "Tags" }
    type {
      name = "Set"
      element_type {
        name = "String"
      }
    }
  }
}

resource "commercetools_channel" "dist%[1]d" {
  key   = "dist-%[1]d"
  roles = ["ProductDistribution"]
  name  = { en = "Distribution %[1]d", de = "Vertrieb %[1]d" }
}

resource "commercetools_channel" "supply%[1]d" {
  key         = "supply-%[1]d"
  roles       = ["InventorySupply"]
  name        = { en = "Warehouse %[1]d" }
  description = { en = "Warehouse number %[1]d" }
}

resource "commercetools_tax_category" "tax%[1]d" {
  key         = "tax-%[1]d"
  name        = "Tax %[1]d"
  description = "Tax category %[1]d"
}

resource "commercetools_tax_category_rate" "tax%[1]d_de" {
  tax_category_id   = commercetools_tax_category.tax%[1]d.id
  name              = "19%% MwSt"
  amount            = 0.19
  included_in_price = true
  country           = "DE"
}

resource "commercetools_tax_category_rate" "tax%[1]d_nl" {
  tax_category_id   = commercetools_tax_category.tax%[1]d.id
  name              = "21%% BTW"
  amount            = 0.21
  included_in_price = true
  country           = "NL"
}

resource "commercetools_tax_category_rate" "tax%[1]d_us" {
  tax_category_id   = commercetools_tax_category.tax%[1]d.id
  name              = "Sales tax"
  amount            = 0.08875
  included_in_price = false
  country           = "US"
  state             = "NY"

  sub_rate {
    name   = "State"
    amount = 0.04
  }
  sub_rate {
    name   = "City"
    amount = 0.04875
  }
}

resource "commercetools_shipping_zone" "zone%[1]d" {
  key  = "zone-%[1]d"
  name = "Zone %[1]d"
  location {
    country = "US"
    state   = "S%[1]d"
  }
}

resource "commercetools_shipping_method" "ship%[1]d" {
  key             = "ship-%[1]d"
  name            = "Shipping %[1]d"
  tax_category_id = commercetools_tax_category.tax%[1]d.id
}

resource "commercetools_shipping_zone_rate" "ship%[1]d" {
  shipping_method_id = commercetools_shipping_method.ship%[1]d.id
  shipping_zone_id   = commercetools_shipping_zone.zone%[1]d.id

  price {
    cent_amount   = 495
    currency_code = "USD"
  }

  free_above {
    cent_amount   = 5000
    currency_code = "USD"
  }
}

resource "commercetools_store" "store%[1]d" {
  key                   = "store-%[1]d"
  name                  = { en = "Store %[1]d", de = "Laden %[1]d" }
  languages             = ["en", "de"]
  distribution_channels = [commercetools_channel.dist%[1]d.key]
  supply_channels       = [commercetools_channel.supply%[1]d.key]
  depends_on            = [commercetools_project_settings.project] # its languages
}

resource "commercetools_product_type" "pt%[1]d" {
  key         = "pt-%[1]d"
  name        = "Product type %[1]d"
  description = "Product type number %[1]d"

  attribute {
    name       = "headline_%[1]d"
    label      = { en = "Headline", de = "Überschrift" }
    input_hint = "SingleLine"
    searchable = true
    type {
      name = "text"
    }
  }
  attribute {
    name       = "care_%[1]d"
    label      = { en = "Care" }
    input_hint = "MultiLine"
    type {
      name = "ltext"
    }
  }
  attribute {
    name       = "organic_%[1]d"
    label      = { en = "Organic" }
    constraint = "SameForAll"
    type {
      name = "boolean"
    }
  }
  attribute {
    name  = "color_%[1]d"
    label = { en = "Color" }
    type {
      name = "enum"
      value {
        key   = "red"
        label = "Red"
      }
      value {
        key   = "blue"
        label = "Blue"
      }
    }
  }
  attribute {
    name  = "weight_%[1]d"
    label = { en = "Weight" }
    type {
      name = "number"
    }
  }
}

resource "commercetools_state" "packed%[1]d" {
  key     = "packed-%[1]d"
  type    = "LineItemState"
  name    = { en = "Packed %[1]d", de = "Verpackt %[1]d" }
  initial = false
}

resource "commercetools_state" "review%[1]d" {
  key   = "review-%[1]d"
  type  = "ReviewState"
  name  = { en = "Approved %[1]d" }
  roles = ["ReviewIncludedInStatistics"]
}

resource "commercetools_customer_group" "gold%[1]d" {
  key  = "gold-%[1]d"
  name = "Gold %[1]d"
}

resource "commercetools_customer_group" "silver%[1]d" {
  key  = "silver-%[1]d"
  name = "Silver %[1]d"
}

resource "commercetools_custom_object" "flags%[1]d" {
  container = "flags"
  key       = "checkout-%[1]d"
  value     = jsonencode({ newCheckout = true, rolloutPercent = 25, markets = ["DE", "NL"] })
}

resource "commercetools_custom_object" "backend%[1]d" {
  container = "flags"
  key       = "search-%[1]d"
  value     = jsonencode("algolia")
}

resource "commercetools_custom_object" "cutoff%[1]d" {
  container = "shipping"
  key       = "cutoff-%[1]d"
  value     = jsonencode({ weekday = { hour = 15, minute = 0 }, holidays = ["2026-12-24"] })
}
`, u)
		if u%3 == 0 {
			fmt.Fprintf(&b, `
resource "commercetools_subscription" "events%[1]d" {
  key = "events-%[1]d"

  destination {
    type       = "EventBridge"
    region     = "eu-central-1"
    account_id = "123456789012"
  }

  message {
    resource_type_id = "order"
    types            = ["OrderCreated", "OrderStateChanged"]
  }

  changes {
    resource_type_ids = ["customer"]
  }
}

resource "commercetools_api_extension" "ext%[1]d" {
  key           = "ext-%[1]d"
  timeout_in_ms = 1500

  destination {
    type = "HTTP"
    url  = "https://extensions.example.com/validate/%[1]d"
  }

  trigger {
    resource_type_id = "cart"
    actions          = ["Create", "Update"]
    condition        = "lineItems is defined"
  }
}
`, u)
		}
	}
	return b.String()
}

// installLabd links the incumbent's binary, when it is given, into the plugin dir.
func (b *bench) installLabd() error {
	if b.opts.labd == "" {
		return nil
	}
	if st, err := os.Stat(b.opts.labd); err != nil || st.IsDir() {
		return fmt.Errorf("-labd %s: not a file", b.opts.labd)
	}
	dir := filepath.Join(b.pluginDir, labdSource, labdVersion, "linux_"+goArch())
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	dst := filepath.Join(dir, "terraform-provider-commercetools_v"+labdVersion)
	_ = os.Remove(dst)
	return os.Symlink(b.opts.labd, dst)
}

// runTypical runs the typical project at every size with this provider and, when its binary is
// given, with the incumbent: apply at 0 ms, then the plan at each latency (it must be empty and
// send at most typicalPlanRequests), then destroy at 0 ms.
func (b *bench) runTypical(ctx context.Context, engine string) error {
	providers := []string{"ours"}
	if b.opts.labd != "" {
		providers = append(providers, "labd")
	}
	for _, size := range b.opts.typical {
		units := typicalUnits(size)
		n := typicalResources(units)
		for _, prov := range providers {
			if err := b.runTypicalCell(ctx, engine, prov, units, n); err != nil {
				return err
			}
		}
	}
	return nil
}

func (b *bench) runTypicalCell(ctx context.Context, engine, prov string, units, n int) error {
	labd := prov == "labd"
	work := filepath.Join(b.tmp, fmt.Sprintf("work-typical-%s-%s-%d", engine, prov, n))
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	write := func(url string) error {
		return os.WriteFile(filepath.Join(work, "main.tf"), []byte(typicalConfig(url, units, labd)), 0o644)
	}
	if err := write("http://127.0.0.1:1"); err != nil {
		return err
	}
	res := b.runEngineCmd(ctx, engine, work, "typical-init", "init", "-input=false", "-no-color", "-plugin-dir="+b.pluginDir)
	if res.err != nil || res.exitCode != 0 {
		return fmt.Errorf("%s init (typical, %s) failed (exit %d, %v):\n%s", engine, prov, res.exitCode, res.err, tail(res.output, 30))
	}
	emu, err := b.startEmulator(ctx, fmt.Sprintf("%s-typical-%s-%d", engine, prov, n))
	if err != nil {
		return err
	}
	defer b.stopEmulator(emu)
	if err := write(emu.url); err != nil {
		return err
	}
	removeState(work)
	defer removeState(work)
	common := []string{"-input=false", "-no-color", fmt.Sprintf("-parallelism=%d", parallelism)}
	record := func(r PhaseRecord) {
		r.Scenario, r.Provider = "typical", prov
		if r.Phase == "plan" {
			r.FloorSec = float64(2*r.LatencyMs) / 1000 // the token and one round of listings
			if limit := typicalPlanRequests(units); prov == "ours" && r.OK && r.APIRequests > limit {
				r.OK, r.Error = false, fmt.Sprintf("%d API requests, want at most %d (one page per 500 objects of each collection, one read per singleton)", r.APIRequests, limit)
			}
		}
		r.OverheadSec = r.WallSec - r.FloorSec
		r.WallOverFloor = ratio(r.WallSec, r.FloorSec)
		b.typical = append(b.typical, r)
		b.sinks[engine].write(r)
	}
	r, err := b.runPhase(ctx, engine, work, emu, n, 0, 1, "apply", append([]string{"apply", "-auto-approve"}, common...))
	if err != nil {
		return err
	}
	record(r)
	destroy := func() error {
		if err := emu.setLatency(0); err != nil {
			return err
		}
		r, err := b.runPhase(ctx, engine, work, emu, n, 0, 1, "destroy", append([]string{"destroy", "-auto-approve"}, common...))
		if err != nil {
			return err
		}
		record(r)
		if !r.OK {
			b.saveRawLogs(work)
		}
		return nil
	}
	if !r.OK {
		b.saveRawLogs(work)
		return destroy()
	}
	for _, lat := range b.opts.latencies {
		if err := emu.setLatency(lat); err != nil {
			return fmt.Errorf("set latency: %w", err)
		}
		for rep := 1; rep <= b.opts.reps; rep++ {
			r, err := b.runPhase(ctx, engine, work, emu, n, lat, rep, "plan", append([]string{"plan", "-detailed-exitcode"}, common...))
			if err != nil {
				return err
			}
			record(r)
			if !r.OK {
				b.saveRawLogs(work)
			}
		}
	}
	return destroy()
}

// typicalSummary finds a summary of the typical project.
func (r *report) typicalSummary(engine, prov string, n, lat int, phase string) *SummaryRecord {
	for i := range r.Typical {
		s := &r.Typical[i]
		if s.Engine == engine && s.Provider == prov && s.N == n && s.LatencyMs == lat && s.Phase == phase {
			return s
		}
	}
	return nil
}

// typicalSpeedup is what the plan of the typical project must reach against the incumbent at a
// latency: no slower at 0 ms, 2× at 50 ms, 3× at 150 ms (issue 25); 0 where none is set.
func typicalSpeedup(lat int) float64 {
	switch lat {
	case 0:
		return 1
	case 50:
		return 2
	case 150:
		return 3
	}
	return 0
}

// typicalMarkdown renders the typical project's table: every phase of both providers, and for
// each plan the incumbent's median over ours.
func (r *report) typicalMarkdown(sb *strings.Builder) {
	if len(r.Typical) == 0 {
		return
	}
	sb.WriteString("\n## Typical project\n\n")
	sb.WriteString("Every family a team keeps in Terraform, at each size: project settings; per unit a type with five fields, two channels, " +
		"a tax category with three rates, a zone, a shipping method with a zone rate, a store, a product type with five attributes, " +
		"two states, two customer groups, three custom objects; every third unit a subscription and an API extension. " +
		"Applied at 0 ms, planned at each latency (it must be empty, with at most one listing page per 500 objects of each " +
		"collection and one read per singleton), destroyed at 0 ms. `labd` is the incumbent (labd/commercetools v1.22.2) " +
		"on the same configuration and emulator. Speed-up = the incumbent's median ÷ ours (targets: ≥ 1 at 0 ms, ≥ 2 at 50 ms, ≥ 3 at 150 ms).\n\n")
	sb.WriteString("| engine | provider | resources | latency | phase | min | median | API requests | token requests | CPU s engine / provider | peak RSS MB | speed-up |\n")
	sb.WriteString("|---|---|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, s := range r.Typical {
		med := fmtSec(s.MedianSec)
		if s.Failures > 0 {
			med += fmt.Sprintf(" (%d failed)", s.Failures)
		}
		speed := ""
		if s.Provider == "ours" && s.Phase == "plan" {
			if l := r.typicalSummary(s.Engine, "labd", s.N, s.LatencyMs, s.Phase); l != nil && l.Reps > 0 && s.Reps > 0 {
				x := l.MedianSec / s.MedianSec
				speed = fmt.Sprintf("%.2f×", x)
				if want := typicalSpeedup(s.LatencyMs); want > 0 && x < want {
					speed = fmt.Sprintf("**%.2f×** (target %.0f×)", x, want)
				}
			}
		}
		fmt.Fprintf(sb, "| %s | %s | %d | %d ms | %s | %s | %s | %s | %s | %.1f / %.1f | %.1f | %s |\n",
			s.Engine, s.Provider, s.N, s.LatencyMs, s.Phase, fmtSec(s.MinSec), med, fmtCount(s.APIRequests), fmtCount(s.TokenRequests),
			s.EngineCPUSec, s.ProviderCPUSec, s.PeakRSSMB, speed)
	}
}
