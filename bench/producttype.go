package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// enumValues is the size of the localized enum of the product type scenario.
const enumValues = 1200

// ptPhase is one phase of the product type scenario: the configuration it applies (or plans),
// the update requests it should send and its round-trip floor in latencies (the token request
// included).
type ptPhase struct {
	name     string
	reversed bool   // the enum values in reverse order
	label    string // the label prefix of every value
	apply    bool
	updates  int
	floorL   int
}

// ptPhases: create the type (one request), plan (one listing page), reverse the values (one
// order action), relabel every value (1,200 actions: three requests), destroy. An apply of a
// change starts the provider twice (plan, then apply), each with its own token: the floors of
// reorder, relabel and destroy count two token requests and the refresh.
var ptPhases = []ptPhase{
	{name: "apply", label: "Size", apply: true, floorL: 2},
	{name: "plan", label: "Size", floorL: 2},
	{name: "reorder", reversed: true, label: "Size", apply: true, updates: 1, floorL: 4},
	{name: "relabel", reversed: true, label: "Label", apply: true, updates: 3, floorL: 6},
	{name: "destroy", reversed: true, label: "Label", floorL: 4},
}

const productTypeTemplate = `terraform {
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
}

resource "commercetools_product_type" "bench" {
  key  = "bench"
  name = "Benchmark"

  attribute {
    name  = "size"
    label = { en = "Size" }
    type {
      name = "lenum"
%s    }
  }
}
`

func writeProductTypeConfig(dir, url string, reversed bool, label string) error {
	var values strings.Builder
	for i := range enumValues {
		k := i
		if reversed {
			k = enumValues - 1 - i
		}
		fmt.Fprintf(&values, "      localized_value {\n        key   = \"v%04d\"\n        label = { en = \"%s %d\", de = \"%s %d\" }\n      }\n", k, label, k, label, k)
	}
	cfg := fmt.Sprintf(productTypeTemplate, providerSource, providerVersion, emuClientID, emuClientSecret, emuProjectKey, url, url, values.String())
	return os.WriteFile(filepath.Join(dir, "main.tf"), []byte(cfg), 0o644)
}

// runProductTypeCell runs the product type scenario once per repetition at one latency, in a
// work dir of its own (initialised like the engine's), against a fresh emulator.
func (b *bench) runProductTypeCell(ctx context.Context, engine string, latMs int) error {
	work := filepath.Join(b.tmp, "work-pt-"+engine)
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	if err := writeProductTypeConfig(work, "http://127.0.0.1:1", false, "Size"); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(work, ".terraform")); err != nil {
		res := b.runEngineCmd(ctx, engine, work, "pt-init", "init", "-input=false", "-no-color", "-plugin-dir="+b.pluginDir)
		if res.err != nil || res.exitCode != 0 {
			return fmt.Errorf("%s init (product type) failed (exit %d, %v):\n%s", engine, res.exitCode, res.err, tail(res.output, 30))
		}
	}
	emu, err := b.startEmulator(ctx, fmt.Sprintf("%s-pt-l%d", engine, latMs))
	if err != nil {
		return err
	}
	defer b.stopEmulator(emu)
	if err := emu.setLatency(latMs); err != nil {
		return fmt.Errorf("set latency: %w", err)
	}
	removeState(work)
	defer removeState(work)
	common := []string{"-input=false", "-no-color", fmt.Sprintf("-parallelism=%d", parallelism)}
	for rep := 1; rep <= b.opts.largeReps; rep++ {
		for _, ph := range ptPhases {
			if err := writeProductTypeConfig(work, emu.url, ph.reversed, ph.label); err != nil {
				return err
			}
			args := append([]string{"plan", "-detailed-exitcode"}, common...)
			switch {
			case ph.name == "destroy":
				args = append([]string{"destroy", "-auto-approve"}, common...)
			case ph.apply:
				args = append([]string{"apply", "-auto-approve"}, common...)
			}
			r, err := b.runPhase(ctx, engine, work, emu, enumValues, latMs, rep, ph.name, args)
			if err != nil {
				return err
			}
			r.Scenario = "product_type"
			r.FloorSec = (time.Duration(ph.floorL*latMs) * time.Millisecond).Seconds()
			r.OverheadSec = r.WallSec - r.FloorSec
			r.WallOverFloor = ratio(r.WallSec, r.FloorSec)
			if got := r.ByRoute["POST /{projectKey}/product-types/{id}"]; r.OK && got != ph.updates {
				r.OK, r.Error = false, fmt.Sprintf("%d update requests, want %d", got, ph.updates)
			}
			b.ptPhases = append(b.ptPhases, r)
			b.sinks[engine].write(r)
			if !r.OK {
				b.saveRawLogs(work)
				_ = b.runEngineCmd(ctx, engine, work, "pt-cleanup", append([]string{"destroy", "-auto-approve"}, common...)...)
				return ctx.Err()
			}
		}
	}
	return ctx.Err()
}
