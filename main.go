// Command terraform-provider-commercetools serves the commercetools Terraform provider.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// silenceUnseenLogs turns the SDK's and the provider's logging off when
// Terraform would discard it anyway. Terraform and OpenTofu show provider
// logs only when TF_LOG or TF_LOG_PROVIDER is set, yet without a level of its
// own the plugin SDK formats every trace line as JSON for the CLI to drop:
// measured, that was about 40 % of the provider's CPU time in a large plan.
// The provider's own logger takes its level from providerLogLevel (the
// protocol server names it after the provider's type), not from
// TF_LOG_PROVIDER: left unset, it logged at TRACE, and every response body
// was redacted for a log line nobody saw (10 % of the provider's CPU in the
// plan of a typical project).
func silenceUnseenLogs() {
	for _, k := range []string{"TF_LOG", "TF_LOG_PROVIDER", providerLogLevel, "TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK_PROTO", "TF_ACC_LOG_PATH"} {
		if os.Getenv(k) != "" {
			return
		}
	}
	// The framework's and the protocol's subsystem loggers have levels of their own; unset, they
	// log everything (9 % of the provider's CPU in the same plan).
	for _, k := range []string{"TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK_PROTO", "TF_LOG_PROVIDER", providerLogLevel} {
		_ = os.Setenv(k, "OFF")
	}
}

// providerLogLevel is the variable the protocol server reads the level of the
// provider's logger from: TF_LOG_PROVIDER_ and the provider's type.
const providerLogLevel = "TF_LOG_PROVIDER_COMMERCETOOLS"

// Garbage collection, unless GOGC or GOMEMLIMIT say otherwise: Go's default pace (collect when
// the heap has doubled) under a soft limit of 128 MiB. Measured with Terraform 1.5.7 on 1,000 API
// clients (bench/, 0 ms latency), once the protocol shortcuts had cut the allocations per resource
// to a fifth: GOGC=400 gave the plan a 109 MB peak (1.5 s of provider CPU), GOGC=100 64 MB (2.1 s),
// GOGC=50 59 MB (2.6 s, and 11.4 s instead of 8.7 s for the apply); a 40 or 48 MiB limit made
// the apply collect without pause (22-28 s of CPU). The limit is soft: a heap that really needs
// more gets it. DESIGN.md keeps the table.
const (
	gcPercent   = 100
	memoryLimit = 128 << 20
)

// tuneGC applies the defaults above unless the user set GOGC or GOMEMLIMIT.
func tuneGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(gcPercent)
	debug.SetMemoryLimit(memoryLimit)
}

func main() { os.Exit(run()) }

// run serves the provider and returns the exit status (after the deferred profile is written).
func run() int {
	tuneGC()
	var debugMode, showVersion bool
	flag.BoolVar(&debugMode, "debug", false, "run the provider with support for debuggers like delve")
	flag.BoolVar(&showVersion, "version", false, "print the provider version and exit")
	flag.Parse()

	if showVersion {
		fmt.Fprintln(os.Stdout, version)
		return 0
	}

	silenceUnseenLogs()
	defer profileCPU()()
	var opts []tf6server.ServeOpt
	if debugMode {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	// What providerserver.Serve does, with the provider's own server (provider.NewServer).
	serve := func() tfprotov6.ProviderServer {
		s, err := provider.NewServer(provider.New(version)())()
		if err != nil {
			log.Fatal(err.Error())
		}
		return s
	}
	if err := tf6server.Serve(provider.RegistryAddress, serve, opts...); err != nil {
		log.Print(err.Error())
		return 1
	}
	return 0
}

// profileCPU writes a CPU profile of the provider process to
// $COMMERCETOOLS_PROVIDER_CPUPROFILE.<pid> when that variable is set (Terraform starts several
// provider processes per command), for `go tool pprof`; the returned function ends it.
func profileCPU() func() {
	path := os.Getenv("COMMERCETOOLS_PROVIDER_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(fmt.Sprintf("%s.%d", filepath.Clean(path), os.Getpid())) //nolint:gosec // a path the user gave for this purpose
	if err != nil {
		log.Printf("cpu profile: %v", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		log.Printf("cpu profile: %v", err)
		_ = f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		_ = f.Close()
	}
}
