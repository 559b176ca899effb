package provider_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// minDocsTerraform is the oldest Terraform whose `providers schema -json`
// includes ephemeral resources. With an older CLI tfplugindocs silently drops
// the ephemeral resource pages, so such a CLI cannot check docs/.
var minDocsTerraform = [2]int{1, 10}

// TestDocsAreUpToDate regenerates the registry documentation with tfplugindocs
// into a temporary directory and compares it with the committed docs/.
//
// It needs two binaries:
//   - tfplugindocs: $TFPLUGINDOCS, else .tools/bin/tfplugindocs, else PATH;
//   - terraform 1.10 or later: $TF_DOCS_TERRAFORM_PATH, $TF_ACC_TERRAFORM_PATH,
//     .tools/bin/terraform, then every terraform on PATH; the first candidate
//     that is recent enough is used.
//
// Without them the test is skipped, except when CI=true, where it fails.
func TestDocsAreUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: builds the provider and runs tfplugindocs")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	tfplugindocs := findTool(t, "tfplugindocs", os.Getenv("TFPLUGINDOCS"), filepath.Join(root, ".tools", "bin", "tfplugindocs"))
	terraform := findDocsTerraform(t, root)

	tmp := t.TempDir()
	// tfplugindocs runs "terraform" from PATH: give it exactly the chosen one.
	binDir := filepath.Join(tmp, "bin")
	if err := os.Mkdir(binDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(terraform, filepath.Join(binDir, "terraform")); err != nil {
		t.Fatal(err)
	}
	cliConfig := filepath.Join(tmp, "empty.tfrc")
	if err := os.WriteFile(cliConfig, nil, 0o600); err != nil {
		t.Fatal(err)
	}

	// --rendered-website-dir is always taken relative to --provider-dir.
	outAbs := filepath.Join(tmp, "docs")
	outRel, err := filepath.Rel(root, outAbs)
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, tfplugindocs, "generate",
		"--provider-dir", root,
		"--provider-name", "commercetools",
		"--rendered-website-dir", outRel,
		"--website-temp-dir", filepath.Join(tmp, "website"),
	)
	cmd.Dir = root
	cmd.Env = append(os.Environ(),
		"PATH="+binDir+string(os.PathListSeparator)+os.Getenv("PATH"),
		"TF_CLI_CONFIG_FILE="+cliConfig,
		"CHECKPOINT_DISABLE=1",
	)
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("tfplugindocs generate failed: %v\n%s", err, output.String())
	}
	t.Logf("tfplugindocs generate took %s (terraform %s)", time.Since(start).Round(time.Millisecond), terraform)

	want, err := readTree(outAbs)
	if err != nil {
		t.Fatalf("reading the generated docs: %v", err)
	}
	if len(want) == 0 {
		t.Fatalf("tfplugindocs generated no files:\n%s", output.String())
	}
	got, err := readTree(filepath.Join(root, "docs"))
	if err != nil {
		t.Fatalf("reading docs/: %v", err)
	}

	var stale []string
	for _, name := range sortedNames(want, got) {
		w, inWant := want[name]
		g, inGot := got[name]
		switch {
		case !inGot:
			stale = append(stale, "missing:   docs/"+name)
		case !inWant:
			stale = append(stale, "obsolete:  docs/"+name)
		case !bytes.Equal(w, g):
			stale = append(stale, "different: docs/"+name+firstDifference(g, w))
		}
	}
	if len(stale) > 0 {
		t.Fatalf("docs/ is stale: run make docs (with Terraform %d.%d or later) and commit the result.\n  %s",
			minDocsTerraform[0], minDocsTerraform[1], strings.Join(stale, "\n  "))
	}
}

// findTool returns the first candidate that is an executable file, then falls
// back to PATH. When nothing is found the test is skipped (failed on CI).
func findTool(t *testing.T, name string, candidates ...string) string {
	t.Helper()
	for _, c := range candidates {
		if c != "" && isExecutable(c) {
			return c
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	skipOrFail(t, fmt.Sprintf("%s not found (set $%s or run make tools)", name, strings.ToUpper(name)))
	return ""
}

// findDocsTerraform returns the first Terraform CLI that can export the schema
// of ephemeral resources.
func findDocsTerraform(t *testing.T, root string) string {
	t.Helper()
	candidates := []string{
		os.Getenv("TF_DOCS_TERRAFORM_PATH"),
		os.Getenv("TF_ACC_TERRAFORM_PATH"),
		filepath.Join(root, ".tools", "bin", "terraform"),
	}
	// Every terraform on PATH, not only the first: .tools/bin may come first
	// with an older release pinned for the acceptance tests.
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if dir != "" {
			candidates = append(candidates, filepath.Join(dir, "terraform"))
		}
	}
	var rejected []string
	seen := map[string]bool{}
	for _, c := range candidates {
		if c == "" || seen[c] || !isExecutable(c) {
			continue
		}
		seen[c] = true
		version, err := terraformVersion(c)
		if err != nil {
			rejected = append(rejected, fmt.Sprintf("%s: %v", c, err))
			continue
		}
		if !atLeast(version, minDocsTerraform) {
			rejected = append(rejected, fmt.Sprintf("%s: version %s", c, version))
			continue
		}
		abs, err := filepath.Abs(c)
		if err != nil {
			t.Fatal(err)
		}
		return abs
	}
	msg := fmt.Sprintf("no Terraform %d.%d or later found to generate the docs (set $TF_DOCS_TERRAFORM_PATH)",
		minDocsTerraform[0], minDocsTerraform[1])
	if len(rejected) > 0 {
		msg += "; rejected: " + strings.Join(rejected, "; ")
	}
	skipOrFail(t, msg)
	return ""
}

// terraformVersion asks a CLI for its version; OpenTofu is refused because
// tfplugindocs is only supported with Terraform.
func terraformVersion(bin string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "version", "-json").Output()
	if err != nil {
		return "", err
	}
	var v struct {
		TerraformVersion string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil || v.TerraformVersion == "" {
		return "", fmt.Errorf("unexpected output of version -json: %q", out)
	}
	text, err := exec.CommandContext(ctx, bin, "version").Output()
	if err == nil && bytes.HasPrefix(bytes.TrimSpace(text), []byte("OpenTofu")) {
		return "", fmt.Errorf("is OpenTofu, not Terraform")
	}
	return v.TerraformVersion, nil
}

func atLeast(version string, min [2]int) bool {
	parts := strings.SplitN(strings.TrimPrefix(version, "v"), ".", 3)
	if len(parts) < 2 {
		return false
	}
	major, err1 := strconv.Atoi(parts[0])
	minor, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil {
		return false
	}
	return major > min[0] || (major == min[0] && minor >= min[1])
}

func isExecutable(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir() && st.Mode()&0o111 != 0
}

func skipOrFail(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// readTree returns every regular file under dir by its slash-separated path.
func readTree(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if os.IsNotExist(err) {
		return files, nil
	}
	return files, err
}

func sortedNames(a, b map[string][]byte) []string {
	set := map[string]bool{}
	for k := range a {
		set[k] = true
	}
	for k := range b {
		set[k] = true
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// firstDifference describes the first line where the committed file differs
// from the generated one.
func firstDifference(committed, generated []byte) string {
	c := strings.Split(string(committed), "\n")
	g := strings.Split(string(generated), "\n")
	for i := 0; i < len(c) || i < len(g); i++ {
		var cl, gl string
		if i < len(c) {
			cl = c[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if cl != gl || i >= len(c) || i >= len(g) {
			return fmt.Sprintf(" (line %d: committed %q, generated %q)", i+1, cl, gl)
		}
	}
	return ""
}
