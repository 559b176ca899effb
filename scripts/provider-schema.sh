#!/usr/bin/env bash
# Writes `providers schema -json` for this provider to the file given as $1,
# using OpenTofu from .tools/bin (or $SCHEMA_TF_BIN). tfplugindocs reads it with
# --providers-schema: Terraform 1.5.7, the engine the tests pin, predates
# ephemeral resources and would leave their pages out.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
BIN="${SCHEMA_TF_BIN:-${ROOT}/.tools/bin/tofu}"
[[ -x "${BIN}" ]] || { echo "provider-schema: ${BIN} not found; run scripts/install-tools.sh tofu" >&2; exit 1; }

TMP="$(mktemp -d)"
trap 'rm -rf "${TMP}"' EXIT
platform="$(go env GOOS)_$(go env GOARCH)"
plugin="${TMP}/plugins/registry.terraform.io/hashicorp/commercetools/0.0.1/${platform}"
mkdir -p "${plugin}" "${TMP}/work"
(cd "${ROOT}" && go build -o "${plugin}/terraform-provider-commercetools_v0.0.1" .)
cat > "${TMP}/work/main.tf" <<'HCL'
terraform {
  required_providers {
    commercetools = { source = "registry.terraform.io/hashicorp/commercetools" }
  }
}
HCL
: > "${TMP}/cli.tfrc"
export TF_CLI_CONFIG_FILE="${TMP}/cli.tfrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
(cd "${TMP}/work" && "${BIN}" init -input=false -no-color -plugin-dir "${TMP}/plugins" >/dev/null)
(cd "${TMP}/work" && "${BIN}" providers schema -json) > "${OUT}"
