package forms

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// Schemas returns the schema of every resource type of the provider, by type.
func Schemas() map[string]*Schema {
	ctx := context.Background()
	p := provider.New("forms")()
	out := map[string]*Schema{}
	for _, f := range p.Resources(ctx) {
		s := FromResource(ctx, f())
		out[s.Type] = s
	}
	return out
}

// Plan is the generated configuration of a set of recipes.
type Plan struct {
	// World replaces the package's World ("" keeps it): the incumbent's plan has its own.
	World     string
	Recipes   []*Recipe
	Schemas   map[string]*Schema
	Instances map[string][]Instance // by type
	Coverage  []Coverage
}

// Lanes splits the plan: instances past a recipe's PerLane go to plans of their own, each of
// which runs against an emulator of its own.
func (p *Plan) Lanes() []*Plan {
	lanes := []*Plan{{World: p.World, Recipes: p.Recipes, Schemas: p.Schemas, Instances: map[string][]Instance{}}}
	for _, r := range p.Recipes {
		insts := p.Instances[r.Type]
		if r.PerLane <= 0 || len(insts) <= r.PerLane {
			lanes[0].Instances[r.Type] = insts
			continue
		}
		lanes[0].Instances[r.Type] = insts[:r.PerLane]
		for rest := insts[r.PerLane:]; len(rest) > 0; {
			n := min(r.PerLane, len(rest))
			lanes = append(lanes, &Plan{World: p.World, Recipes: []*Recipe{r}, Schemas: p.Schemas, Instances: map[string][]Instance{r.Type: rest[:n]}})
			rest = rest[n:]
		}
	}
	return lanes
}

// Build generates the instances of the recipes and measures their coverage.
func Build(recipes []*Recipe) (*Plan, error) {
	p := &Plan{Recipes: recipes, Schemas: Schemas(), Instances: map[string][]Instance{}}
	for _, r := range recipes {
		s := p.Schemas[r.Type]
		if s == nil {
			return nil, fmt.Errorf("no resource type %s", r.Type)
		}
		insts, err := Generate(s, r)
		if err != nil {
			return nil, err
		}
		if r.PerProject {
			for i := range insts {
				insts[i].Project = fmt.Sprintf("forms-%s-%d", strings.ReplaceAll(strings.TrimPrefix(r.Type, "commercetools_"), "_", "-"), insts[i].N)
			}
		}
		p.Instances[r.Type] = insts
		p.Coverage = append(p.Coverage, Measure(s, r, insts))
	}
	return p, nil
}

// drop removes an instance from the plan; false if it is not there.
func (p *Plan) drop(typ, name string) bool {
	insts := p.Instances[typ]
	for i, in := range insts {
		if in.Name == name {
			p.Instances[typ] = append(insts[:i:i], insts[i+1:]...)
			return true
		}
	}
	return false
}

// projects lists the emulator projects the plan needs besides the default one.
func (p *Plan) projects() []string {
	var out []string
	for _, r := range p.Recipes {
		for _, in := range p.Instances[r.Type] {
			if in.Project != "" {
				out = append(out, in.Project)
			}
		}
	}
	return out
}

func providerBlock(srv *emulator.TestServer, alias, project string, labd bool) string {
	var b strings.Builder
	b.WriteString("provider \"commercetools\" {\n")
	if alias != "" {
		fmt.Fprintf(&b, "  alias         = %q\n", alias)
	}
	fmt.Fprintf(&b, "  client_id     = %q\n  client_secret = %q\n  project_key   = %q\n  api_url       = %q\n  token_url     = %q\n",
		"forms-admin-"+project, "forms-secret", project, srv.URL, srv.URL)
	if labd {
		fmt.Fprintf(&b, "  scopes        = %q\n", "manage_project:"+project+" manage_api_clients:"+project)
	} else {
		b.WriteString("  max_retries   = 4\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// Config renders the configuration: provider blocks, preludes and every instance (with the
// incumbent's provider blocks for labd).
func (p *Plan) Config(srv *emulator.TestServer, head string, labd bool) string {
	var b strings.Builder
	b.WriteString(head)
	b.WriteString(providerBlock(srv, "", srv.Project.Key, labd))
	if p.World != "" {
		b.WriteString(p.World)
	} else {
		b.WriteString(World)
	}
	for _, r := range p.Recipes {
		b.WriteString(r.Prelude)
		b.WriteString("\n")
		for _, in := range p.Instances[r.Type] {
			if r.Each != "" {
				b.WriteString(strings.ReplaceAll(r.Each, "{{n}}", fmt.Sprint(in.N)))
			}
			body := in.Body
			if in.Project != "" {
				b.WriteString(providerBlock(srv, in.Project, in.Project, labd))
				body = body.Clone()
				body.Items = append([]*Item{{Name: "provider", Expr: "commercetools." + in.Project}}, body.Items...)
			}
			b.WriteString(Resource(r.Type, in.Name, body))
		}
	}
	return Format(b.String())
}

// Failure is one thing that went wrong with one instance.
type Failure struct {
	Type, Instance, Variant, Phase, What string
}

// prepare starts an emulator with the projects the plan needs, runs the recipes' setups, writes
// the configuration and initialises the working directory, then drops the instances that do not
// validate or plan (each a failure of its own) until the rest does. labd writes the incumbent's
// provider blocks.
func (p *Plan) prepare(t *testing.T, head, plugins string, labd bool) *driver {
	t.Helper()
	var projects []emulator.Project
	for _, key := range append([]string{emulator.DefaultProjectKey}, p.projects()...) {
		projects = append(projects, emulator.Project{Key: key, AdminClientID: "forms-admin-" + key, AdminClientSecret: "forms-secret",
			AdminScopes: []string{"manage_project:" + key, "manage_api_clients:" + key}})
	}
	srv := acctest.NewEmulator(t, acctest.WithProjects(projects...))
	env := &Env{URL: srv.URL, ProjectKey: srv.Project.Key, Projects: p.projects(),
		Put:   func(coll string, d map[string]any) error { return srv.PutDoc(srv.Project.Key, coll, d) },
		PutIn: func(project, coll string, d map[string]any) error { return srv.PutDoc(project, coll, d) }}
	// The default project speaks the languages and currencies the recipes use.
	pr := srv.ProjectDoc(srv.Project.Key)
	pr["languages"] = []any{"en", "de", "fr"}
	pr["currencies"] = []any{"EUR", "USD", "JPY"}
	pr["countries"] = []any{"DE", "AT", "US"}
	if err := srv.PutDoc(srv.Project.Key, "project", pr); err != nil {
		t.Fatalf("setting up the project: %v", err)
	}
	for _, r := range p.Recipes {
		if r.Setup != nil {
			if err := r.Setup(env); err != nil {
				t.Fatalf("%s setup: %v", r.Type, err)
			}
		}
	}
	d := &driver{t: t, p: p, srv: srv, wd: acctest.NewWorkDir(t), labd: labd}
	if !labd && !acctest.WriteOnlySupported(t) {
		for typ, insts := range p.Instances {
			kept := insts[:0:0]
			for _, in := range insts {
				if !in.WriteOnly {
					kept = append(kept, in)
				}
			}
			if n := len(insts) - len(kept); n > 0 {
				t.Logf("%s: %d instances with write-only attributes left out: %s has none", typ, n, acctest.Engine())
			}
			p.Instances[typ] = kept
		}
	}
	d.wd.Write("main.tf", p.Config(srv, head, labd))
	d.wd.MustRun("init", "-no-color", "-input=false", "-plugin-dir", plugins)
	// A configuration that does not validate or plan stops the whole run: the instances it
	// names are failures of their own, and the rest goes on without them.
	for round := 0; ; round++ {
		phase, out, code := "validate", "", 0
		if out, code = d.wd.Run("validate", "-no-color"); code == 0 {
			phase = "plan"
			out, code = d.wd.Run("plan", "-no-color", "-input=false", "-parallelism=10")
		}
		if code == 0 {
			break
		}
		before := len(d.failures)
		d.errors(phase, out)
		dropped := 0
		kept := d.failures[:before]
		for _, f := range d.failures[before:] {
			if _, in := d.instance(f.Type + "." + f.Instance); in != nil && in.Refused != "" {
				// A refused zero value: the message must name the attribute and say what to do.
				name := in.Refused[strings.LastIndex(in.Refused, ".")+1:]
				if !strings.Contains(f.What, name) || !strings.Contains(f.What, "Leave") {
					kept = append(kept, Failure{Type: f.Type, Instance: f.Instance, Variant: "refuse", Phase: phase,
						What: "the zero value of " + in.Refused + " is refused without saying what to write instead:\n" + f.What})
				}
			} else {
				kept = append(kept, f)
			}
			if f.Instance != "" && p.drop(f.Type, f.Instance) {
				dropped++
			}
		}
		d.failures = kept
		if dropped == 0 || round > 20 {
			t.Fatalf("the configuration does not %s:\n%s", phase, out)
		}
		d.wd.Write("main.tf", p.Config(srv, head, labd))
	}
	// A zero value the provider should have refused, and did not.
	refusedLeft := false
	for typ, insts := range p.Instances {
		for _, in := range insts {
			if in.Refused != "" {
				if !labd {
					d.fail(typ, in.Name, "validate", "the zero value of "+in.Refused+" was accepted although its validators refuse it")
				}
				p.drop(typ, in.Name)
				refusedLeft = true
			}
		}
	}
	if refusedLeft {
		d.wd.Write("main.tf", p.Config(srv, head, labd))
	}
	return d
}

// Run drives the plan through the binary of TF_ACC_TERRAFORM_PATH against a fresh emulator:
// apply; an empty plan; the instances removed from the state and imported by id with import
// blocks, a plan with nothing but imports, an apply and an empty plan; the same by key; a destroy
// that leaves no object. Every failure is reported with its instance and phase.
func (p *Plan) Run(t *testing.T) []Failure {
	t.Helper()
	head := fmt.Sprintf("terraform {\n  required_providers {\n    commercetools = { source = %q }\n  }\n}\n", provider.RegistryAddress)
	d := p.prepare(t, head, acctest.BuildProvider(t), false)
	srv := d.srv
	d.apply("apply")
	d.expectEmptyPlan("plan after apply", nil)
	ids := d.instanceIDs()
	for _, by := range []string{"id", "key"} {
		d.reimport(by, ids)
	}
	if acctest.SupportsIdentity() {
		d.reimport("identity", ids)
	}
	// Instances that an import lost (they exist but the state no longer has them) would keep
	// the destroy from deleting what they refer to: remove them on the emulator first.
	present := d.instanceIDs()
	for addr, attrs := range ids {
		r, in := d.instance(addr)
		if _, ok := present[addr]; ok || r == nil || r.Coll == "" {
			continue
		}
		id, _ := attrs["id"].(string)
		project := srv.Project.Key
		if in.Project != "" {
			project = in.Project
		}
		srv.DeleteDoc(project, r.Coll, id)
	}
	if out, code := d.wd.Run("destroy", "-no-color", "-input=false", "-auto-approve", "-parallelism=10"); code != 0 {
		d.errors("destroy", out)
	}
	for _, r := range p.Recipes {
		if r.Coll == "" {
			continue
		}
		if n := len(srv.Docs(srv.Project.Key, r.Coll)); n > 0 {
			d.fail(r.Type, "", "destroy", fmt.Sprintf("%d %s left on the emulator", n, r.Coll))
		}
	}
	return d.failures
}

type driver struct {
	labd      bool            // the incumbent's binary drives the configuration
	switching bool            // the plan after a switch from the incumbent's state
	broken    map[string]bool // instances that failed: later phases leave them out
	t         *testing.T
	p         *Plan
	srv       *emulator.TestServer
	wd        *acctest.WorkDir
	failures  []Failure
}

func (d *driver) fail(typ, name, phase, what string) {
	if d.broken == nil {
		d.broken = map[string]bool{}
	}
	addr := typ + "." + name
	if name != "" && d.broken[addr] {
		return
	}
	if name != "" && strings.Contains(phase, "apply") && !strings.Contains(phase, "plan") {
		d.broken[addr] = true
	}
	f := Failure{Type: typ, Instance: name, Phase: phase, What: what}
	if v, _, ok := strings.Cut(name, "_"); ok {
		f.Variant = v
	}
	d.failures = append(d.failures, f)
}

var reInResource = regexp.MustCompile(`in resource "(commercetools_[a-z_]+)" "([a-z0-9_]+)"`)

var reWith = regexp.MustCompile(`(?:with|to) (commercetools_[a-z_]+)\.([a-z0-9_]+)`)

// apply runs an apply and files its errors under the instances they name.
func (d *driver) apply(phase string, args ...string) {
	all := append([]string{"apply", "-no-color", "-input=false", "-auto-approve", "-parallelism=10"}, args...)
	out, code := d.wd.Run(all...)
	if dir := os.Getenv("FORMS_DEBUG_DIR"); dir != "" {
		name := strings.NewReplacer(" ", "-", "(", "", ")", "", "/", "-").Replace(phase + "-" + d.t.Name())
		_ = os.WriteFile(filepath.Join(dir, filepath.Base(name)+".log"), []byte(out), 0o600) //nolint:gosec // a test's debug output, into the developer's directory
	}
	if code == 0 {
		return
	}
	d.errors(phase, out)
}

// errors files each "Error:" of an output under the instance it names.
func (d *driver) errors(phase, out string) {
	parts := strings.Split(out, "Error: ")
	if len(parts) == 1 {
		d.fail("", "", phase, firstLines(out, 30))
		return
	}
	for _, part := range parts[1:] {
		typ, name := "", ""
		if m := reWith.FindStringSubmatch(part); m != nil {
			typ, name = m[1], m[2]
		} else if m := reInResource.FindStringSubmatch(part); m != nil {
			typ, name = m[1], m[2]
		}
		n := 12
		if strings.Contains(part, "panic") || strings.Contains(part, "inconsistent") {
			n = 60
		}
		d.fail(typ, name, phase, firstLines(part, n))
	}
}

func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = append(lines[:n], "…")
	}
	return strings.Join(lines, "\n")
}

// instance returns the recipe and instance of an address: the recipe of its type, and the
// instance if the plan made it (nil for the world's resources, or for a fixture recorded before
// the recipes changed).
func (d *driver) instance(addr string) (*Recipe, *Instance) {
	typ, name, _ := strings.Cut(addr, ".")
	for _, r := range d.p.Recipes {
		if r.Type != typ {
			continue
		}
		for i, in := range d.p.Instances[typ] {
			if in.Name == name {
				return r, &d.p.Instances[typ][i]
			}
		}
		if d.switching {
			return r, nil
		}
	}
	return nil, nil
}

// savedPlan plans into a file and reads it back.
func (d *driver) savedPlan(phase string) *tfjson.Plan {
	out, code := d.wd.Run("plan", "-no-color", "-input=false", "-parallelism=10", "-out=forms.tfplan")
	if code != 0 {
		d.errors(phase, out)
		return nil
	}
	var plan tfjson.Plan
	raw := d.wd.MustRun("show", "-json", "forms.tfplan")
	if dir := os.Getenv("FORMS_DEBUG_DIR"); dir != "" {
		name := strings.NewReplacer(" ", "-", ",", "", "/", "-").Replace(phase)
		_ = os.WriteFile(filepath.Join(dir, filepath.Base(name)+".json"), []byte(raw), 0o600) //nolint:gosec // a test's debug output, into the developer's directory
	}
	if err := json.Unmarshal([]byte(raw), &plan); err != nil {
		d.t.Fatalf("%s: reading the plan: %v", phase, err)
	}
	return &plan
}

// expectEmptyPlan plans and files every change under its instance; importing lists the addresses
// that the plan must import (with nothing else to do but update masked attributes).
func (d *driver) expectEmptyPlan(phase string, importing map[string]bool) *tfjson.Plan {
	plan := d.savedPlan(phase)
	if plan == nil {
		return nil
	}
	for _, rc := range plan.ResourceChanges {
		if rc.Mode != tfjson.ManagedResourceMode {
			continue
		}
		r, in := d.instance(rc.Address)
		name := ""
		if in != nil {
			name = in.Name
		} else if _, n, ok := strings.Cut(rc.Address, "."); ok && d.switching {
			name = n
		}
		if importing[rc.Address] && rc.Change.Importing == nil {
			d.fail(rc.Type, name, phase, "not imported")
		}
		if rc.Change.Actions.NoOp() {
			continue
		}
		changed := changedPaths(rc.Change.Before, rc.Change.After, rc.Change.AfterUnknown)
		if importing[rc.Address] && rc.Change.Actions.Update() && r != nil && onlyMasked(changed, r.Masked) {
			continue
		}
		if d.switching && rc.Change.Actions.Update() && r != nil && len(r.LabdDiffers) > 0 && onlyMasked(changed, r.LabdDiffers) {
			continue
		}
		d.fail(rc.Type, name, phase, fmt.Sprintf("plans %v: %s", rc.Change.Actions, strings.Join(describe(changed, rc.Change.Before, rc.Change.After, rc.Change.BeforeSensitive, rc.Change.AfterSensitive), "; ")))
	}
	return plan
}

func onlyMasked(paths []string, masked []string) bool {
	for _, p := range paths {
		if p == "version (known after apply)" {
			continue // an update moves the version
		}
		ok := false
		for _, m := range masked {
			if p == m || strings.HasPrefix(p, m+".") || strings.HasPrefix(stripIndexes(p), m) {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

var reIndex = regexp.MustCompile(`\.\d+`)

func stripIndexes(p string) string { return reIndex.ReplaceAllString(p, "") }

// changedPaths lists the leaf paths in which two JSON values differ.
func changedPaths(before, after, unknown any) []string {
	var out []string
	var walk func(p string, a, b, u any)
	walk = func(p string, a, b, u any) {
		if u == true {
			out = append(out, p+" (known after apply)")
			return
		}
		am, aok := a.(map[string]any)
		bm, bok := b.(map[string]any)
		if aok && bok {
			um, _ := u.(map[string]any)
			keys := map[string]bool{}
			for k := range am {
				keys[k] = true
			}
			for k := range bm {
				keys[k] = true
			}
			for k := range keys {
				walk(join(p, k), am[k], bm[k], um[k])
			}
			return
		}
		al, aok := a.([]any)
		bl, bok := b.([]any)
		if aok && bok && len(al) == len(bl) {
			ul, _ := u.([]any)
			for i := range al {
				var ui any
				if i < len(ul) {
					ui = ul[i]
				}
				walk(join(p, fmt.Sprint(i)), al[i], bl[i], ui)
			}
			return
		}
		if !reflect.DeepEqual(a, b) {
			out = append(out, p)
		}
	}
	walk("", before, after, unknown)
	sort.Strings(out)
	return out
}

func join(p, k string) string {
	if p == "" {
		return k
	}
	return p + "." + k
}

// describe renders changed paths with their values, except sensitive ones.
func describe(paths []string, before, after, beforeSens, afterSens any) []string {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		if strings.HasSuffix(p, "(known after apply)") {
			out = append(out, p)
			continue
		}
		if sensitiveAt(beforeSens, p) || sensitiveAt(afterSens, p) {
			out = append(out, p+" (sensitive)")
			continue
		}
		out = append(out, fmt.Sprintf("%s: %s → %s", p, show(at(before, p)), show(at(after, p))))
	}
	return out
}

func at(v any, p string) any {
	if p == "" {
		return v
	}
	for _, k := range strings.Split(p, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			var i int
			if _, err := fmt.Sscan(k, &i); err != nil || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

func sensitiveAt(s any, p string) bool {
	if s == true {
		return true
	}
	if p == "" {
		return false
	}
	k, rest, _ := strings.Cut(p, ".")
	switch x := s.(type) {
	case map[string]any:
		return sensitiveAt(x[k], rest)
	case []any:
		var i int
		if _, err := fmt.Sscan(k, &i); err == nil && i < len(x) {
			return sensitiveAt(x[i], rest)
		}
	}
	return false
}

func show(v any) string {
	if v == nil {
		return "null"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// instanceIDs reads the state: the attributes of every generated instance, by address.
func (d *driver) instanceIDs() map[string]map[string]any {
	var st tfjson.State
	if err := json.Unmarshal([]byte(d.wd.MustRun("show", "-json")), &st); err != nil {
		d.t.Fatalf("reading the state: %v", err)
	}
	out := map[string]map[string]any{}
	if st.Values == nil {
		return out
	}
	for _, r := range st.Values.RootModule.Resources {
		if _, in := d.instance(r.Address); in != nil && r.Mode == tfjson.ManagedResourceMode {
			out[r.Address] = r.AttributeValues
		}
	}
	return out
}

// reimport removes the instances from the state and imports them again, by id or by key, with
// import blocks; the plan must import them with nothing to change.
func (d *driver) reimport(by string, attrs map[string]map[string]any) {
	phase := "import by " + by
	present := d.instanceIDs()
	addrs := make([]string, 0, len(attrs))
	for a := range attrs {
		if _, ok := present[a]; ok && !d.broken[a] {
			addrs = append(addrs, a)
		}
	}
	sort.Strings(addrs)
	if len(addrs) == 0 {
		return
	}
	d.wd.MustRun(append([]string{"state", "rm", "-no-color"}, addrs...)...)
	var b strings.Builder
	importing := map[string]bool{}
	for _, a := range addrs {
		r, _ := d.instance(a)
		id, _ := attrs[a]["id"].(string)
		switch by {
		case "key":
			id = keyID(r, attrs[a], id)
		case "identity":
			fmt.Fprintf(&b, "import {\n  to = %s\n  identity = {\n%s  }\n}\n", a, identityOf(d.p.Schemas[r.Type], attrs[a]))
		}
		if by != "identity" {
			fmt.Fprintf(&b, "import {\n  to = %s\n  id = %q\n}\n", a, id)
		}
		if _, in := d.instance(a); in != nil && in.Project != "" {
			fmt.Fprintf(&b, "# provider of %s: commercetools.%s\n", a, in.Project)
		}
		importing[a] = true
	}
	d.wd.Write("imports.tf", importBlocks(b.String(), d))
	plan := d.expectEmptyPlan(phase, importing)
	if plan != nil {
		d.apply(phase+" (apply)", "forms.tfplan")
		d.expectEmptyPlan(phase+", plan after", nil)
	}
	d.wd.Write("imports.tf", "")
}

// importBlocks adds the provider of per-project instances to their import blocks.
func importBlocks(s string, d *driver) string {
	lines := strings.Split(s, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], "# provider of ") {
			continue
		}
		out = append(out, lines[i])
		if strings.HasPrefix(lines[i], "  to = ") {
			addr := strings.TrimPrefix(lines[i], "  to = ")
			if _, in := d.instance(addr); in != nil && in.Project != "" {
				out = append(out, "  provider = commercetools."+in.Project)
			}
		}
	}
	return strings.Join(out, "\n")
}

// identityOf writes the body of an import identity: the key (and container) where the instance
// has one, so that the import resolves it, else the id.
func identityOf(s *Schema, attrs map[string]any) string {
	var b strings.Builder
	has := func(n string) bool { return slices.Contains(s.Identity, n) }
	key, _ := attrs["key"].(string)
	switch {
	case has("key") && has("container") && key != "":
		fmt.Fprintf(&b, "    container = %q\n    key = %q\n", attrs["container"], key)
	case has("key") && has("id") && key != "":
		fmt.Fprintf(&b, "    key = %q\n", key)
	case has("key") && !has("id"):
		fmt.Fprintf(&b, "    key = %q\n", key)
	default:
		fmt.Fprintf(&b, "    id = %q\n", attrs["id"])
	}
	return b.String()
}

// keyID is the key-based import id of an instance, or its id when it has no key.
func keyID(r *Recipe, attrs map[string]any, id string) string {
	if r.ImportID != nil {
		if k := r.ImportID(attrs); k != "" {
			return k
		}
		return id
	}
	if k, _ := attrs["key"].(string); k != "" {
		return "key=" + k
	}
	return id
}

// Report writes the failures as a readable list, grouped by type.
func Report(fs []Failure) string {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Type < fs[j].Type })
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "--- %s.%s [%s] %s:\n%s\n", f.Type, f.Instance, f.Variant, f.Phase, indent(f.What))
	}
	return b.String()
}

func indent(s string) string { return "    " + strings.ReplaceAll(s, "\n", "\n    ") }

// Selected returns the recipes named by FORMS_TYPES (comma-separated types, without the
// provider prefix or with it), or all of them.
func Selected(all []*Recipe) []*Recipe {
	sel := os.Getenv("FORMS_TYPES")
	if sel == "" {
		return all
	}
	var out []*Recipe
	for _, r := range all {
		for _, s := range strings.Split(sel, ",") {
			s = strings.TrimSpace(s)
			if s == r.Type || "commercetools_"+s == r.Type {
				out = append(out, r)
			}
		}
	}
	return out
}

var _ = slices.Contains[[]string]
