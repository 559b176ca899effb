package acctest

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// minWriteOnly is the first Terraform and OpenTofu version with write-only arguments.
const minWriteOnlyMinor = 11

var engineVersions sync.Map // binary path -> version string

// engineVersion returns the version a Terraform or OpenTofu binary reports ("1.11.4").
func engineVersion(bin string) string {
	if v, ok := engineVersions.Load(bin); ok {
		return v.(string) //nolint:forcetypeassert // only strings are stored
	}
	cmd := exec.CommandContext(context.Background(), bin, "version", "-json") //nolint:gosec // a Terraform binary chosen by the tests
	cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1", "TF_CLI_CONFIG_FILE=/dev/null")
	out, err := cmd.Output()
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err != nil || json.Unmarshal(out, &v) != nil {
		v.Version = ""
	}
	engineVersions.Store(bin, v.Version)
	return v.Version
}

// supportsWriteOnly reports whether a version (1.x.y, possibly with a suffix) is 1.11 or later.
func supportsWriteOnly(version string) bool {
	parts := strings.SplitN(version, ".", 3)
	if len(parts) < 2 {
		return false
	}
	major, err1 := strconv.Atoi(parts[0])
	minor, err2 := strconv.Atoi(parts[1])
	return err1 == nil && err2 == nil && (major > 1 || major == 1 && minor >= minWriteOnlyMinor)
}

// WriteOnlyEngine returns a binary that takes write-only arguments: the engine under test
// (TF_ACC_TERRAFORM_PATH) when it is recent enough, otherwise a `terraform` on PATH that is
// (machines may have one newer than the 1.5.7 the tests build). It skips the test when there is
// none.
func WriteOnlyEngine(t *testing.T) string {
	t.Helper()
	PreCheck(t)
	under := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if supportsWriteOnly(engineVersion(under)) {
		return under
	}
	if !IsOpenTofu() {
		if onPath, err := exec.LookPath("terraform"); err == nil && supportsWriteOnly(engineVersion(onPath)) {
			return onPath
		}
	}
	t.Skipf("%s %s takes no write-only arguments (1.11 or later does), and no newer terraform is on PATH", Engine(), engineVersion(under))
	return ""
}
