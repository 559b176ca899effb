// Command bench measures the commercetools Terraform provider end to end:
// Terraform and OpenTofu drive the provider binary against the standalone
// commercetools emulator with injected latency, and every apply / plan /
// destroy is timed, its API and token requests counted and the provider's
// peak memory recorded.
//
//	cd bench && go run .                                   # full matrix
//	go run . -engines terraform -n 1,100 -latency 0,50 -reps 1   # quick run
//
// Results go to results/ (see -out): one JSON-lines file per engine and day,
// latest.md (the table, also printed) and latest.svg (the chart).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Fixed parameters of the benchmark.
const (
	providerVersion = "0.0.1"
	providerSource  = "registry.terraform.io/commerce-iac/commercetools"
	providerModule  = "github.com/commerce-iac/terraform-provider-commercetools"
	parallelism     = 10
	// Page size of the provider's bulk listing used by refresh and destroy.
	listPageSize = 500
)

type options struct {
	engines    []string
	ns         []int
	latencies  []int // milliseconds
	reps       int
	largeN     int // cells with at least this many clients run largeReps repetitions
	largeReps  int
	root       string
	out        string
	terraform  string
	tofu       string
	keep       bool
	noStartup  bool
	phaseLimit time.Duration
	// productType runs the scenario of a product type with a localized enum of 1,200 values.
	productType bool
	// typical are the sizes of the typical project scenario (about this many resources each).
	typical []int
	// labd is the incumbent's provider binary, run beside this provider in the typical project.
	labd string
	// exportScale is the scale of the sample project commercetools-export exports (0: skip).
	exportScale int
}

func main() {
	os.Exit(run())
}

func run() int {
	opts, err := parseFlags(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 2
	}

	// Ctrl-C / SIGTERM cancel the context: the running command and every
	// emulator are killed and the temporary directory is removed by the
	// deferred cleanups below before we exit.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	start := time.Now()
	b, err := newBench(opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 1
	}
	defer b.cleanup()

	err = b.run(ctx)
	if err != nil {
		if errors.Is(ctx.Err(), context.Canceled) {
			fmt.Fprintln(os.Stderr, "bench: interrupted; cleaning up")
			return 130
		}
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 1
	}
	fmt.Printf("\nbench: finished in %s\n", time.Since(start).Round(time.Second))
	return 0
}

func parseFlags(args []string) (*options, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	engines := fs.String("engines", "terraform,tofu", "comma-separated engines to run (terraform, tofu)")
	ns := fs.String("n", "1,100,1000", "comma-separated numbers of API clients")
	lats := fs.String("latency", "0,50,150", "comma-separated emulator latencies in milliseconds")
	reps := fs.Int("reps", 3, "repetitions of apply/plan/destroy per cell")
	largeN := fs.Int("large-n", 1000, "cells with at least this many clients run -large-reps repetitions instead of -reps")
	largeReps := fs.Int("large-reps", 1, "repetitions for the large cells (1 keeps make bench under 15 minutes on 2 cores; 3 for the full matrix)")
	root := fs.String("root", "", "provider repository root (default: the parent module of bench/)")
	out := fs.String("out", "results", "directory for the results (jsonl, latest.md, latest.svg)")
	tf := fs.String("terraform", "", "terraform binary (default <root>/.tools/bin/terraform)")
	tofu := fs.String("tofu", "", "tofu binary (default <root>/.tools/bin/tofu)")
	keep := fs.Bool("keep", false, "keep the temporary directory (work dirs, logs) for inspection")
	noStartup := fs.Bool("no-startup", false, "skip the validate / providers schema start-up measurement")
	productType := fs.Bool("product-type", true, "also run the product type scenario (a localized enum of 1,200 values: create, plan, reorder, relabel, destroy)")
	typical := fs.String("typical", "200,450", "comma-separated sizes (resources) of the typical project scenario: every family, applied, planned at each latency (it must be empty) and destroyed; empty to skip")
	labd := fs.String("labd", os.Getenv("LABD_BIN"), "the incumbent's provider binary (labd/commercetools v1.22.2), run beside this provider in the typical project (default $LABD_BIN)")
	exportScale := fs.Int("export", 11, "scale of the sample project (about N×120 objects, built through the API) that commercetools-export exports at each latency; 0 to skip")
	limit := fs.Duration("phase-timeout", 5*time.Minute, "kill a phase that runs longer than this")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	o := &options{exportScale: *exportScale, labd: *labd, reps: *reps, largeN: *largeN, largeReps: *largeReps, out: *out, keep: *keep, noStartup: *noStartup, phaseLimit: *limit, productType: *productType}
	for _, e := range splitList(*engines) {
		if e != "terraform" && e != "tofu" {
			return nil, fmt.Errorf("-engines: unknown engine %q (want terraform or tofu)", e)
		}
		o.engines = append(o.engines, e)
	}
	var err error
	if o.ns, err = parseInts("-n", *ns, 1); err != nil {
		return nil, err
	}
	if o.latencies, err = parseInts("-latency", *lats, 0); err != nil {
		return nil, err
	}
	if o.typical, err = parseInts("-typical", *typical, 1); err != nil {
		return nil, err
	}
	if o.labd != "" {
		if o.labd, err = filepath.Abs(o.labd); err != nil {
			return nil, err
		}
	}
	if len(o.engines) == 0 || len(o.ns) == 0 || len(o.latencies) == 0 {
		return nil, errors.New("-engines, -n and -latency must not be empty")
	}
	if o.reps < 1 || o.largeReps < 1 {
		return nil, errors.New("-reps and -large-reps must be at least 1")
	}
	if o.root = *root; o.root == "" {
		if o.root, err = findRoot(); err != nil {
			return nil, err
		}
	}
	if o.root, err = filepath.Abs(o.root); err != nil {
		return nil, err
	}
	if o.out, err = filepath.Abs(o.out); err != nil {
		return nil, err
	}
	o.terraform = orDefault(*tf, filepath.Join(o.root, ".tools", "bin", "terraform"))
	o.tofu = orDefault(*tofu, filepath.Join(o.root, ".tools", "bin", "tofu"))
	if runtime.GOOS != "linux" {
		return nil, errors.New("the benchmark reads /proc and runs on Linux only")
	}
	return o, nil
}

func (o *options) engineBinary(engine string) string {
	if engine == "tofu" {
		return o.tofu
	}
	return o.terraform
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func parseInts(name, s string, min int) ([]int, error) {
	var out []int
	for _, f := range splitList(s) {
		v, err := strconv.Atoi(strings.TrimSuffix(f, "ms"))
		if err != nil || v < min {
			return nil, fmt.Errorf("%s: bad value %q (want an integer >= %d)", name, f, min)
		}
		out = append(out, v)
	}
	return out, nil
}

func orDefault(v, def string) string {
	if v != "" {
		return v
	}
	return def
}

// findRoot walks up from the working directory to the directory whose
// go.mod declares the provider module.
func findRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil {
			for _, line := range strings.Split(string(data), "\n") {
				f := strings.Fields(line)
				if len(f) == 2 && f[0] == "module" && f[1] == providerModule {
					return dir, nil
				}
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod of %s above the working directory; pass -root", providerModule)
		}
		dir = parent
	}
}
