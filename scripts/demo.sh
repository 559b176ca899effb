#!/usr/bin/env bash
# End-to-end demo: builds the provider and the standalone commercetools
# emulator, then runs examples/demo through terraform init / apply / plan /
# destroy against the emulator. Needs only Go, git and make: Terraform is
# installed into .tools/bin when missing.
#
#   scripts/demo.sh            (or: make demo)
#
# Environment:
#   DEMO_KEEP=1   keep the temporary directory (the emulator is always stopped)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Fixed provider version for the local plugin directory; examples/demo pins it.
DEMO_VERSION="0.0.1"
PROVIDER_ADDR="registry.terraform.io/commerce-iac/commercetools"
READY_TIMEOUT=60

log() { printf '\n==> %s\n' "$*" >&2; }
die() { printf 'demo: error: %s\n' "$*" >&2; exit 1; }

phase_start=${SECONDS}
phase() {
	printf '    (%ss)\n' "$((SECONDS - phase_start))" >&2
	phase_start=${SECONDS}
	log "$*"
}

cd "${ROOT}"
command -v go >/dev/null 2>&1 || die "the Go toolchain is required (go not found on PATH)"

log "Installing missing tools (terraform) into .tools/bin"
scripts/install-tools.sh terraform

export PATH="${ROOT}/.tools/bin:${PATH}"
export TF_CLI_CONFIG_FILE="${ROOT}/.tools/cli.tfrc"
export CHECKPOINT_DISABLE=1
export TF_IN_AUTOMATION=1
# A user's settings must not leak into the demo.
unset TF_DATA_DIR TF_PLUGIN_CACHE_DIR TF_WORKSPACE TF_CLI_ARGS TF_CLI_ARGS_init \
	TF_CLI_ARGS_plan TF_CLI_ARGS_apply TF_CLI_ARGS_destroy
while IFS= read -r name; do unset "${name}"; done < <(compgen -e | grep '^CTP_' || true)

TMP="$(mktemp -d "${TMPDIR:-/tmp}/commercetools-demo.XXXXXX")"
EMULATOR_PID=""

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [[ -n "${EMULATOR_PID}" ]] && kill -0 "${EMULATOR_PID}" 2>/dev/null; then
		kill -TERM "${EMULATOR_PID}" 2>/dev/null || true
		for _ in $(seq 1 50); do
			kill -0 "${EMULATOR_PID}" 2>/dev/null || break
			sleep 0.1
		done
		if kill -0 "${EMULATOR_PID}" 2>/dev/null; then
			kill -KILL "${EMULATOR_PID}" 2>/dev/null || true
		fi
		wait "${EMULATOR_PID}" 2>/dev/null || true
		printf 'demo: emulator (pid %s) stopped\n' "${EMULATOR_PID}" >&2
	fi
	if [[ ${rc} -ne 0 && -s "${TMP}/emulator.log" ]]; then
		printf 'demo: last lines of the emulator log:\n' >&2
		tail -n 20 "${TMP}/emulator.log" >&2 || true
	fi
	if [[ "${DEMO_KEEP:-}" == "1" ]]; then
		printf 'demo: kept %s\n' "${TMP}" >&2
	else
		rm -rf "${TMP}"
	fi
	if [[ ${rc} -eq 0 ]]; then
		printf '\ndemo: OK\n' >&2
	else
		printf '\ndemo: FAILED (exit %s)\n' "${rc}" >&2
	fi
	exit "${rc}"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

phase "Building the provider ${DEMO_VERSION} into a local plugin directory"
PLUGIN_DIR="${TMP}/plugins"
PLATFORM="$(go env GOOS)_$(go env GOARCH)"
PROVIDER_BIN="${PLUGIN_DIR}/${PROVIDER_ADDR}/${DEMO_VERSION}/${PLATFORM}/terraform-provider-commercetools_v${DEMO_VERSION}"
go build -ldflags "-X main.version=${DEMO_VERSION}" -o "${PROVIDER_BIN}" .
printf '    %s\n' "${PROVIDER_BIN#"${TMP}"/}" >&2

phase "Building and starting the commercetools emulator"
go build -o "${TMP}/commercetools-emulator" ./cmd/commercetools-emulator
mkdir -p "${TMP}/emulator-data"
"${TMP}/commercetools-emulator" -addr 127.0.0.1:0 -data "${TMP}/emulator-data" \
	-ready-file "${TMP}/emulator.ready" >"${TMP}/emulator.log" 2>&1 </dev/null &
EMULATOR_PID=$!

deadline=$((SECONDS + READY_TIMEOUT))
until [[ -s "${TMP}/emulator.ready" ]]; do
	kill -0 "${EMULATOR_PID}" 2>/dev/null || die "the emulator exited during start-up"
	((SECONDS < deadline)) || die "the emulator was not ready after ${READY_TIMEOUT}s"
	sleep 0.1
done

# The emulator prints a shell line with the admin credentials and endpoints.
# Fall back to the documented defaults plus the URL from the ready file.
export_line="$(grep -m1 '^export CTP_' "${TMP}/emulator.log" || true)"
if [[ -n "${export_line}" ]]; then
	eval "${export_line}"
else
	url="$(head -n1 "${TMP}/emulator.ready" | tr -d '[:space:]')"
	[[ "${url}" == http://* ]] || die "no 'export CTP_...' line in the emulator output and no URL in the ready file"
	export CTP_CLIENT_ID="emulator-admin" CTP_CLIENT_SECRET="emulator-admin-secret" \
		CTP_PROJECT_KEY="my-ct-project-key" \
		CTP_SCOPES="manage_project:my-ct-project-key manage_api_clients:my-ct-project-key" \
		CTP_API_URL="${url}" CTP_AUTH_URL="${url}"
fi
: "${CTP_API_URL:?the emulator did not report CTP_API_URL}"
printf '    emulator pid %s at %s (project %s)\n' "${EMULATOR_PID}" "${CTP_API_URL}" "${CTP_PROJECT_KEY:-?}" >&2

WORK="${TMP}/work"
mkdir -p "${WORK}"
cp "${ROOT}"/examples/demo/*.tf "${WORK}/"
cd "${WORK}"

phase "terraform init -plugin-dir (no registry access)"
terraform init -input=false -no-color -plugin-dir="${PLUGIN_DIR}"

phase "terraform apply"
terraform apply -input=false -no-color -auto-approve

phase "Output: ID of the new API client"
client_id="$(terraform output -raw api_client_id)"
[[ -n "${client_id}" ]] || die "api_client_id output is empty"
printf 'api_client_id = %s\n' "${client_id}"

phase "terraform plan -detailed-exitcode (must be empty)"
set +e
terraform plan -input=false -no-color -detailed-exitcode
plan_rc=$?
set -e
case "${plan_rc}" in
0) printf '    no changes: the configuration is stable\n' >&2 ;;
2) die "plan after apply is not empty (perpetual diff)" ;;
*) die "terraform plan failed (exit ${plan_rc})" ;;
esac

phase "terraform destroy"
terraform destroy -input=false -no-color -auto-approve

phase "Done"
