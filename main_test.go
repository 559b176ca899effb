package main

import (
	"context"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/hashicorp/terraform-plugin-log/tfsdklog"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// TestSilenceUnseenLogs: without any TF_LOG variable, the provider's logger (made as the protocol
// server makes it, for the provider's registry address) logs nothing, so that nothing is
// formatted for a log nobody reads; with TF_LOG set, it is left as Terraform asks.
func TestSilenceUnseenLogs(t *testing.T) {
	for _, k := range []string{"TF_LOG", "TF_LOG_PROVIDER", providerLogLevel, "TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK_PROTO", "TF_ACC_LOG_PATH"} {
		t.Setenv(k, "")
	}
	if want := "registry.terraform.io/commerce-iac/commercetools"; provider.RegistryAddress != want {
		t.Fatalf("registry address %q: the logger's variable is named after the type of %q", provider.RegistryAddress, want)
	}
	logger := func() context.Context {
		return tfsdklog.NewRootProviderLogger(context.Background(), tflog.WithLevelFromEnv("TF_LOG_PROVIDER", "commercetools"))
	}
	if !tflog.IsTrace(logger()) {
		t.Fatal("the provider's logger does not log at TRACE by default: this test no longer shows anything")
	}
	silenceUnseenLogs()
	if tflog.IsTrace(logger()) || tflog.IsDebug(logger()) {
		t.Fatal("after silenceUnseenLogs the provider's logger still logs")
	}
	for _, k := range []string{"TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK_PROTO"} {
		if v := os.Getenv(k); v != "OFF" {
			t.Errorf("%s=%q after silenceUnseenLogs, want OFF", k, v)
		}
	}
	for _, k := range []string{"TF_LOG_PROVIDER", providerLogLevel, "TF_LOG_SDK"} {
		t.Setenv(k, "")
	}
	t.Setenv("TF_LOG", "TRACE")
	silenceUnseenLogs()
	if !tflog.IsTrace(logger()) {
		t.Fatal("with TF_LOG=TRACE the provider's logger was silenced")
	}
}
