module github.com/commerce-iac/terraform-provider-commercetools/bench

go 1.26.8

// The harness drives the provider and the emulator as built binaries; it
// imports nothing from the provider module, and keeps its own dependencies
// (none today, only the standard library) out of the root go.mod.
replace github.com/commerce-iac/terraform-provider-commercetools => ../
