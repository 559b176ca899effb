//go:build tools

// Package tools pins the versions of Go-based developer tools that are
// built from source by scripts/install-tools.sh. It lives in its own module
// so that the tools' dependency trees never leak into the provider's go.mod.
package tools

import (
	// Documentation generator for the Terraform Registry (make docs).
	_ "github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs"
)
