package forms

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// The switch side of the generator: the configurations it writes, cut to what the incumbent
// (labd/commercetools v1.22.2) knows, applied by the incumbent's binary against the emulator. Its
// state files and the objects it left are fixtures (RecordLabd, when the binary is at hand);
// Switch replays them with this provider (in make test, without the binary): the state moved to
// this provider plans nothing.

// LabdAddress is the incumbent's provider address in state.
const LabdAddress = "registry.terraform.io/labd/commercetools"

// labdNode is a block of the incumbent's schema: the names of its attributes and blocks.
type labdNode struct {
	Attributes map[string]json.RawMessage `json:"attributes"`
	BlockTypes map[string]struct {
		Block labdNode `json:"block"`
	} `json:"block_types"`
}

// LabdSchema is the incumbent's schema, by resource type.
type LabdSchema map[string]labdNode

// ReadLabdSchema reads testdata/labd-v1.22.2-schema.json (its `providers schema -json`).
func ReadLabdSchema(t testing.TB) LabdSchema {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(acctest.RepoRoot(t), "testdata", "labd-v1.22.2-schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		ProviderSchemas map[string]struct {
			ResourceSchemas map[string]struct {
				Block labdNode `json:"block"`
			} `json:"resource_schemas"`
		} `json:"provider_schemas"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	out := LabdSchema{}
	for typ, s := range doc.ProviderSchemas[LabdAddress].ResourceSchemas {
		out[typ] = s.Block
	}
	return out
}

// restrict keeps what the incumbent's schema has of a body.
func restrict(b *Body, n labdNode) *Body {
	out := &Body{}
	for _, it := range b.Items {
		if it.Block != nil {
			if bt, ok := n.BlockTypes[it.Name]; ok {
				c := *it
				c.Block = restrict(it.Block, bt.Block)
				out.Items = append(out.Items, &c)
			}
			continue
		}
		if _, ok := n.Attributes[it.Name]; ok || it.Name == "provider" {
			out.Items = append(out.Items, it)
		}
	}
	return out
}

// restrictHCL cuts configuration (resource blocks) to the incumbent's schema: resources of types
// it lacks go, and so do attributes and blocks it lacks.
func restrictHCL(src string, ls LabdSchema) string {
	f, diags := hclsyntax.ParseConfig([]byte(src), "prelude.tf", hcl.InitialPos)
	if diags.HasErrors() {
		return src
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return src
	}
	var b strings.Builder
	for _, blk := range body.Blocks {
		if blk.Type != "resource" || len(blk.Labels) != 2 {
			b.Write(blk.Range().SliceBytes([]byte(src)))
			b.WriteString("\n")
			continue
		}
		n, ok := ls[blk.Labels[0]]
		if !ok {
			continue
		}
		b.WriteString(Resource(blk.Labels[0], blk.Labels[1], restrict(fromSyntax(blk.Body, []byte(src)), n)))
		b.WriteString("\n")
	}
	return b.String()
}

// ForLabd is the plan cut to what the incumbent knows: its resource types, attributes and blocks.
func (p *Plan) ForLabd(ls LabdSchema) *Plan {
	out := &Plan{World: restrictHCL(World, ls), Schemas: p.Schemas, Instances: map[string][]Instance{}}
	for _, r := range p.Recipes {
		n, ok := ls[r.Type]
		if !ok {
			continue
		}
		rc := *r
		rc.Prelude = restrictHCL(r.Prelude, ls)
		rc.Each = restrictHCL(r.Each, ls)
		out.Recipes = append(out.Recipes, &rc)
		seen := map[string]bool{}
		for _, in := range p.Instances[r.Type] {
			if in.WriteOnly || in.Refused != "" || !hasAll(in.Body, r.LabdNeeds) || hasAny(in.Body, r.LabdAvoid) {
				continue
			}
			ic := in
			ic.Body = restrict(in.Body, n)
			for _, rw := range r.LabdSpelling {
				rewrite(ic.Body, strings.Split(rw.Path, "."), rw.Ours, rw.Theirs)
			}
			text := Resource(r.Type, "x", ic.Body)
			if seen[text] {
				continue // the same configuration once the incumbent's schema has cut it
			}
			seen[text] = true
			out.Instances[r.Type] = append(out.Instances[r.Type], ic)
		}
	}
	return out
}

// rewrite replaces, at a dotted path, the literal ours by theirs.
func rewrite(b *Body, parts []string, ours, theirs string) {
	if len(parts) == 1 {
		if it := b.Attr(parts[0]); it != nil && it.Expr == ours {
			it.Expr = theirs
		}
		return
	}
	for _, blk := range b.Blocks(parts[0]) {
		rewrite(blk.Block, parts[1:], ours, theirs)
	}
}

// hasAny reports whether a body sets any of the attributes to something other than null.
func hasAny(b *Body, names []string) bool {
	for _, n := range names {
		if it := b.Attr(n); it != nil && it.Expr != "null" {
			return true
		}
	}
	return false
}

// hasAll reports whether a body sets each of the attributes to something other than null or "".
func hasAll(b *Body, names []string) bool {
	for _, n := range names {
		it := b.Attr(n)
		if it == nil || it.Expr == "null" || it.Expr == `""` {
			return false
		}
	}
	return true
}

var reResourceBlock = regexp.MustCompile(`(?m)^resource "([a-z_]+)" "([a-z0-9_]+)"`)

// labdHead is the terraform block of the incumbent's configurations.
const labdHead = `terraform {
  required_providers {
    commercetools = {
      source  = "labd/commercetools"
      version = "1.22.2"
    }
  }
}
`

// fixtureObjects is api-objects.json: every object the emulator held, and the API clients.
type fixtureObjects struct {
	Source     string          `json:"source"`
	Objects    []fixtureObject `json:"objects"`
	APIClients []fixtureClient `json:"api_clients,omitempty"`
}

// fixtureClient is one API client the emulator held.
type fixtureClient struct {
	ProjectKey string             `json:"project_key"`
	Client     emulator.APIClient `json:"client"`
}

// fixtureObject is one object the emulator held.
type fixtureObject struct {
	ProjectKey string         `json:"project_key"`
	Endpoint   string         `json:"endpoint"`
	ID         string         `json:"id"`
	Object     map[string]any `json:"object"`
}

// RecordLabd applies the incumbent's cut of the plan with its binary (bin) against a fresh
// emulator and writes what it left into dir: main.tf (URLs as http://127.0.0.1:PORT),
// labd-state.json and api-objects.json. Instances the incumbent cannot apply are left out and
// listed in the result.
func (p *Plan) RecordLabd(t *testing.T, bin, dir string) []Failure {
	t.Helper()
	plugins := t.TempDir()
	target := filepath.Join(plugins, "registry.terraform.io", "labd", "commercetools", "1.22.2", "linux_amd64")
	if err := os.MkdirAll(target, 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(bin, filepath.Join(target, "terraform-provider-commercetools_v1.22.2")); err != nil {
		t.Fatal(err)
	}
	d := p.prepare(t, labdHead, plugins, true)
	d.apply("apply (the incumbent)")
	// What the apply could not create stays out of the fixture; a second apply of what is left
	// removes what the failed instances left behind, so that state and configuration agree.
	for _, f := range d.failures {
		if f.Instance != "" {
			p.drop(f.Type, f.Instance)
		}
	}
	d.wd.Write("main.tf", p.Config(d.srv, labdHead, true))
	if out, code := d.wd.Run("apply", "-no-color", "-input=false", "-auto-approve", "-parallelism=10"); code != 0 {
		t.Logf("the incumbent's second apply reported errors (kept out of the fixture):\n%s", firstLines(out, 40))
	}
	// What a failed apply left in the state without a configuration (the incumbent taints what it
	// could not read back) is forgotten: the fixture's state and configuration agree.
	inConfig := map[string]bool{}
	for _, m := range reResourceBlock.FindAllStringSubmatch(p.Config(d.srv, labdHead, true), -1) {
		inConfig[m[1]+"."+m[2]] = true
	}
	var orphans []string
	for _, line := range strings.Split(d.wd.MustRun("state", "list"), "\n") {
		if line = strings.TrimSpace(line); line != "" && !inConfig[line] {
			orphans = append(orphans, line)
		}
	}
	if len(orphans) > 0 {
		d.wd.MustRun(append([]string{"state", "rm", "-no-color"}, orphans...)...)
	}
	state := d.wd.MustRun("state", "pull")
	var st struct {
		Resources []struct {
			Type, Name string
		} `json:"resources"`
	}
	if err := json.Unmarshal([]byte(state), &st); err != nil {
		t.Fatalf("reading the incumbent's state: %v", err)
	}
	held := map[string]bool{}
	for _, r := range st.Resources {
		held[r.Type+"."+r.Name] = true
	}
	for typ, insts := range p.Instances {
		for _, in := range insts {
			if !held[typ+"."+in.Name] {
				p.drop(typ, in.Name)
			}
		}
	}
	var objs []fixtureObject
	for _, project := range append([]string{d.srv.Project.Key}, p.projects()...) {
		for _, coll := range d.srv.Collections(project) {
			for _, o := range d.srv.StoredDocs(project, coll) {
				id, _ := o["id"].(string)
				objs = append(objs, fixtureObject{ProjectKey: project, Endpoint: coll, ID: id, Object: o})
			}
		}
	}
	var clients []fixtureClient
	for _, project := range append([]string{d.srv.Project.Key}, p.projects()...) {
		for _, c := range d.srv.APIClients(project) {
			if !strings.HasPrefix(c.ID, "forms-admin-") {
				clients = append(clients, fixtureClient{ProjectKey: project, Client: c})
			}
		}
	}
	sort.SliceStable(objs, func(i, j int) bool {
		return objs[i].ProjectKey < objs[j].ProjectKey || objs[i].ProjectKey == objs[j].ProjectKey && objs[i].Endpoint < objs[j].Endpoint
	})
	if err := os.MkdirAll(dir, 0o750); err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil { //nolint:gosec // fixtures
			t.Fatal(err)
		}
	}
	cfg := strings.ReplaceAll(p.Config(d.srv, labdHead, true), d.srv.URL, "http://127.0.0.1:PORT")
	write("main.tf", cfg)
	write("labd-state.json", strings.ReplaceAll(state, d.srv.URL, "http://127.0.0.1:PORT"))
	raw, err := json.MarshalIndent(fixtureObjects{"objects the emulator held after labd/commercetools v1.22.2 applied main.tf (stored form, secrets unmasked)", objs, clients}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	write("api-objects.json", string(raw)+"\n")
	return d.failures
}

// Switch replays a fixture folder written by RecordLabd with this provider and the binary of
// TF_ACC_TERRAFORM_PATH: the objects go into a fresh emulator, the incumbent's state next to its
// configuration (with this provider's source), `state replace-provider`, init, and a plan that
// must change nothing. p is the incumbent's cut of the plan that was recorded, for naming the
// instances in failures.
func (p *Plan) Switch(t *testing.T, dir string) []Failure {
	t.Helper()
	var f fixtureObjects
	raw, err := os.ReadFile(filepath.Join(dir, "api-objects.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{emulator.DefaultProjectKey: true}
	for _, o := range f.Objects {
		keys[o.ProjectKey] = true
	}
	var projects []emulator.Project
	for key := range keys {
		projects = append(projects, emulator.Project{Key: key, AdminClientID: "forms-admin-" + key, AdminClientSecret: "forms-secret",
			AdminScopes: []string{"manage_project:" + key, "manage_api_clients:" + key}})
	}
	sort.Slice(projects, func(i, j int) bool { return projects[i].Key < projects[j].Key })
	srv := acctest.NewEmulator(t, acctest.WithProjects(projects...))
	for _, o := range f.Objects {
		if err := srv.PutDoc(o.ProjectKey, o.Endpoint, o.Object); err != nil {
			t.Fatalf("loading %s %s: %v", o.Endpoint, o.ID, err)
		}
	}
	for _, c := range f.APIClients {
		if err := srv.PutAPIClient(c.ProjectKey, c.Client); err != nil {
			t.Fatalf("loading API client %s: %v", c.Client.ID, err)
		}
	}
	cfg, err := os.ReadFile(filepath.Join(dir, "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	state, err := os.ReadFile(filepath.Join(dir, "labd-state.json"))
	if err != nil {
		t.Fatal(err)
	}
	d := &driver{t: t, p: p, srv: srv, wd: acctest.NewWorkDir(t)}
	text := strings.ReplaceAll(string(cfg), "http://127.0.0.1:PORT", srv.URL)
	text = strings.Replace(text, labdHead, fmt.Sprintf("terraform {\n  required_providers {\n    commercetools = { source = %q }\n  }\n}\n", provider.RegistryAddress), 1)
	// The incumbent's settings this provider does not have: scopes is taken as it is; nothing else differs.
	d.wd.Write("main.tf", text)
	d.wd.Write("terraform.tfstate", strings.ReplaceAll(string(state), "http://127.0.0.1:PORT", srv.URL))
	d.wd.MustRun("state", "replace-provider", "-no-color", "-auto-approve", LabdAddress, provider.RegistryAddress)
	d.wd.MustRun("init", "-no-color", "-input=false", "-plugin-dir", acctest.BuildProvider(t))
	srv.ResetCounts()
	d.switching = true
	plan := d.expectEmptyPlan("plan after the switch", nil)
	if plan != nil {
		for route, n := range srv.Counts().ByRoute {
			if n > 0 && !strings.HasPrefix(route, "GET ") && route != "POST /oauth/token" {
				d.fail("", "", "plan after the switch", fmt.Sprintf("the plan sent %d %s requests; a plan only reads", n, route))
			}
		}
	}
	return d.failures
}
