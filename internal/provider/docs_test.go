package provider_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestDocsAreUpToDate regenerates the registry documentation with tfplugindocs
// into a temporary directory and compares it with the committed docs/.
//
// It needs two binaries:
//   - tfplugindocs: $TFPLUGINDOCS, else .tools/bin/tfplugindocs, else PATH;
//   - OpenTofu ($SCHEMA_TF_BIN, else .tools/bin/tofu), which exports the
//     provider schema through scripts/provider-schema.sh; Terraform 1.5.7
//     predates ephemeral resources and would leave their pages out.
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
	tofu := findTool(t, "tofu", os.Getenv("SCHEMA_TF_BIN"), filepath.Join(root, ".tools", "bin", "tofu"))

	tmp := t.TempDir()
	cliConfig := filepath.Join(tmp, "empty.tfrc")
	if err := os.WriteFile(cliConfig, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()

	// The schema comes from the same script `make docs` uses.
	schemaFile := filepath.Join(tmp, "schema.json")
	schema := exec.CommandContext(ctx, "bash", filepath.Join(root, "scripts", "provider-schema.sh"), schemaFile)
	schema.Env = append(os.Environ(), "SCHEMA_TF_BIN="+tofu)
	if out, err := schema.CombinedOutput(); err != nil {
		t.Fatalf("scripts/provider-schema.sh failed: %v\n%s", err, out)
	}

	// --rendered-website-dir is always taken relative to --provider-dir.
	outAbs := filepath.Join(tmp, "docs")
	outRel, err := filepath.Rel(root, outAbs)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, tfplugindocs, "generate",
		"--provider-dir", root,
		"--provider-name", "commercetools",
		"--providers-schema", schemaFile,
		"--rendered-website-dir", outRel,
		"--website-temp-dir", filepath.Join(tmp, "website"),
	)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "CHECKPOINT_DISABLE=1")
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("tfplugindocs generate failed: %v\n%s", err, output.String())
	}
	t.Logf("tfplugindocs generate took %s", time.Since(start).Round(time.Millisecond))

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
		t.Fatalf("docs/ is stale: run make docs and commit the result.\n  %s", strings.Join(stale, "\n  "))
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
