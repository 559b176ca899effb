// Command terraform-provider-commercetools serves the commercetools Terraform provider.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime/debug"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// silenceUnseenLogs turns the SDK's and the provider's logging off when
// Terraform would discard it anyway. Terraform and OpenTofu show provider
// logs only when TF_LOG or TF_LOG_PROVIDER is set, yet without a level of its
// own the plugin SDK formats every trace line as JSON for the CLI to drop:
// measured, that was about 40 % of the provider's CPU time in a large plan.
func silenceUnseenLogs() {
	for _, k := range []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK_PROTO", "TF_ACC_LOG_PATH"} {
		if os.Getenv(k) != "" {
			return
		}
	}
	for _, k := range []string{"TF_LOG_SDK", "TF_LOG_PROVIDER"} {
		_ = os.Setenv(k, "OFF")
	}
}

// gcPercent is the garbage collector's target when GOGC is not set. The provider's live heap is
// small (a few MB), so with Go's default of 100 it collected every few MB that
// terraform-plugin-framework allocated while it converts values: measured on a product type of
// 1,500 enum values, 400 cut the provider's CPU time by a fifth, for a peak heap that stays in the
// tens of MB.
const gcPercent = 400

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	var debugMode, showVersion bool
	flag.BoolVar(&debugMode, "debug", false, "run the provider with support for debuggers like delve")
	flag.BoolVar(&showVersion, "version", false, "print the provider version and exit")
	flag.Parse()

	if showVersion {
		fmt.Fprintln(os.Stdout, version)
		return
	}

	silenceUnseenLogs()
	opts := providerserver.ServeOpts{
		Address: provider.RegistryAddress,
		Debug:   debugMode,
	}
	if err := providerserver.Serve(context.Background(), provider.New(version), opts); err != nil {
		log.Fatal(err.Error())
	}
}
