package acctest

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
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
func supportsWriteOnly(version string) bool { return atLeastMinor(version, minWriteOnlyMinor) }

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

// WriteOnlyRotation describes TestWriteOnlyRotation's run.
type WriteOnlyRotation struct {
	// Config is the configuration body (after TerraformBlock) with write-only values and
	// versions numbered v.
	Config func(v int) string
	// Check checks, after the apply of version v, what the emulator received.
	Check func(t *testing.T, v int)
	// Route and Updates: the update requests the rotation from version 1 to 2 sends.
	Route   string
	Updates int
	// Secrets are the write-only values of both versions.
	Secrets []string
}

// RunWriteOnlyRotation applies version 1 with the real binary of WriteOnlyEngine at
// TF_LOG=trace, checks an empty plan, rotates to version 2 (r.Updates requests on r.Route, an
// empty plan again) and destroys; no secret may appear in the state, its backup, the command
// output (plans and `show -json`) or the trace log.
func RunWriteOnlyRotation(t *testing.T, srv *emulator.TestServer, bin string, r WriteOnlyRotation) {
	t.Helper()
	wd := NewWorkDir(t)
	wd.Bin = bin
	logFile := filepath.Join(t.TempDir(), "trace.log")
	wd.Env = append(wd.Env, "TF_LOG=trace", "TF_LOG_PATH="+logFile)
	var out strings.Builder
	emptyPlan := func(after string) {
		plan, code := wd.Run("plan", "-no-color", "-input=false", "-detailed-exitcode")
		out.WriteString(plan)
		if code != 0 {
			t.Fatalf("the plan after %s must be empty, got exit code %d:\n%s", after, code, plan)
		}
	}
	wd.Write("main.tf", TerraformBlock(srv)+r.Config(1))
	out.WriteString(wd.MustRun("init", "-no-color", "-input=false", "-plugin-dir", BuildProvider(t)))
	out.WriteString(wd.MustRun("apply", "-no-color", "-input=false", "-auto-approve"))
	r.Check(t, 1)
	emptyPlan("the apply")
	srv.ResetCounts()
	wd.Write("main.tf", TerraformBlock(srv)+r.Config(2))
	out.WriteString(wd.MustRun("apply", "-no-color", "-input=false", "-auto-approve"))
	r.Check(t, 2)
	if n := srv.Counts().ByRoute[r.Route]; n != r.Updates {
		t.Errorf("%d update requests for the rotation, want %d", n, r.Updates)
	}
	emptyPlan("the rotation")
	out.WriteString(wd.MustRun("show", "-json"))
	out.WriteString(wd.MustRun("destroy", "-no-color", "-input=false", "-auto-approve"))
	state, _ := os.ReadFile(filepath.Join(wd.Dir, "terraform.tfstate"))
	backup, _ := os.ReadFile(filepath.Join(wd.Dir, "terraform.tfstate.backup"))
	trace, err := os.ReadFile(logFile)
	if err != nil || len(trace) == 0 {
		t.Fatalf("no trace log: %v", err)
	}
	for _, s := range r.Secrets {
		for what, text := range map[string]string{"output": out.String(), "state": string(state) + string(backup), "trace log": string(trace)} {
			if strings.Contains(text, s) {
				t.Errorf("the %s contains the write-only secret %q", what, s)
			}
		}
	}
}

// minIdentityMinor is the first Terraform and OpenTofu version with resource identity (import
// blocks with identity, identity stored in state).
const minIdentityMinor = 12

// atLeastMinor reports whether a version (1.x.y, possibly with a suffix) is 1.minor or later.
func atLeastMinor(version string, minor int) bool {
	parts := strings.SplitN(version, ".", 3)
	if len(parts) < 2 {
		return false
	}
	ma, err1 := strconv.Atoi(parts[0])
	mi, err2 := strconv.Atoi(parts[1])
	return err1 == nil && err2 == nil && (ma > 1 || ma == 1 && mi >= minor)
}

// SupportsIdentity reports whether the engine under test (TF_ACC_TERRAFORM_PATH) has resource
// identity: Terraform and OpenTofu 1.12 or later.
func SupportsIdentity() bool {
	return atLeastMinor(engineVersion(os.Getenv("TF_ACC_TERRAFORM_PATH")), minIdentityMinor)
}

// SupportsQuery reports whether the engine under test has list resources and `terraform
// query`: Terraform 1.14 or later (OpenTofu has neither).
func SupportsQuery() bool {
	return !IsOpenTofu() && atLeastMinor(engineVersion(os.Getenv("TF_ACC_TERRAFORM_PATH")), 14)
}

// SupportsWriteOnlyEngine reports whether the engine under test takes write-only arguments.
func SupportsWriteOnlyEngine() bool {
	return supportsWriteOnly(engineVersion(os.Getenv("TF_ACC_TERRAFORM_PATH")))
}
