package acctest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// PluginVersion is the version the provider built by BuildProvider has in its plugin directory.
const PluginVersion = "0.0.1"

// RepoRoot returns the root of the repository (the directory of go.mod).
func RepoRoot(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the acctest package")
	}
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

var build struct {
	once sync.Once
	dir  string
	err  error
	out  []byte
}

// BuildProvider builds this provider once per test binary into a plugin directory laid out for
// `init -plugin-dir` under the provider's full registry address, which Terraform and OpenTofu
// resolve alike, and returns the directory.
func BuildProvider(t testing.TB) string {
	t.Helper()
	root := RepoRoot(t)
	build.once.Do(func() {
		dir, err := os.MkdirTemp("", "ct-provider-plugins-")
		if err != nil {
			build.err = err
			return
		}
		platform := runtime.GOOS + "_" + runtime.GOARCH
		out := filepath.Join(dir, filepath.FromSlash(provider.RegistryAddress), PluginVersion, platform, "terraform-provider-commercetools_v"+PluginVersion)
		goBin, err := exec.LookPath("go") // go test puts its own go first on PATH
		if err != nil {
			build.err = err
			return
		}
		cmd := exec.CommandContext(context.Background(), goBin, "build", "-o", out, ".")
		cmd.Dir = root
		build.out, build.err = cmd.CombinedOutput()
		build.dir = dir
	})
	if build.err != nil {
		t.Fatalf("building the provider: %v\n%s", build.err, build.out)
	}
	return build.dir
}

// WorkDir is a Terraform working directory driven by the real binary of TF_ACC_TERRAFORM_PATH.
type WorkDir struct {
	t        testing.TB
	Bin, Dir string
	Env      []string
}

// NewWorkDir makes an empty working directory with an environment of its own: an empty CLI
// configuration, no checkpoint calls and none of the caller's TF_* or CTP_* settings.
func NewWorkDir(t testing.TB) *WorkDir {
	t.Helper()
	dir := t.TempDir()
	cliConfig := filepath.Join(t.TempDir(), "cli.tfrc")
	if err := os.WriteFile(cliConfig, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TF_") && !strings.HasPrefix(kv, "CTP_") && !strings.HasPrefix(kv, "CHECKPOINT_") {
			env = append(env, kv)
		}
	}
	env = append(env, "TF_CLI_CONFIG_FILE="+cliConfig, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	return &WorkDir{t: t, Bin: os.Getenv("TF_ACC_TERRAFORM_PATH"), Dir: dir, Env: env}
}

// Write writes a file into the working directory.
func (w *WorkDir) Write(name, content string) {
	w.t.Helper()
	if err := os.WriteFile(filepath.Join(w.Dir, name), []byte(content), 0o600); err != nil {
		w.t.Fatal(err)
	}
}

// Run runs the binary and returns its output and exit code.
func (w *WorkDir) Run(args ...string) (string, int) {
	w.t.Helper()
	cmd := exec.CommandContext(context.Background(), w.Bin, args...) //nolint:gosec // the binary under test, from TF_ACC_TERRAFORM_PATH
	cmd.Dir, cmd.Env = w.Dir, w.Env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return out.String(), 0
	case errors.As(err, &exit):
		return out.String(), exit.ExitCode()
	default:
		w.t.Fatalf("%s %s: %v", filepath.Base(w.Bin), strings.Join(args, " "), err)
		return "", -1
	}
}

// MustRun runs the binary and fails the test unless it exits with 0.
func (w *WorkDir) MustRun(args ...string) string {
	w.t.Helper()
	out, code := w.Run(args...)
	if code != 0 {
		w.t.Fatalf("%s %s exited with %d:\n%s", filepath.Base(w.Bin), strings.Join(args, " "), code, out)
	}
	return out
}

var writeOnly struct {
	once sync.Once
	ok   bool
}

// WriteOnlySupported reports whether the binary of TF_ACC_TERRAFORM_PATH takes write-only
// attributes: OpenTofu and Terraform from 1.11 on.
func WriteOnlySupported(t testing.TB) bool {
	t.Helper()
	writeOnly.once.Do(func() {
		w := NewWorkDir(t)
		out, _ := w.Run("version", "-json")
		var v struct {
			Version string `json:"terraform_version"`
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			return
		}
		var major, minor int
		if _, err := fmt.Sscanf(v.Version, "%d.%d", &major, &minor); err != nil {
			return
		}
		writeOnly.ok = major > 1 || minor >= 11
	})
	return writeOnly.ok
}
