package main

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
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Emulator defaults (cmd/commercetools-emulator).
const (
	emuClientID     = "emulator-admin"
	emuClientSecret = "emulator-admin-secret"
	emuProjectKey   = "my-ct-project-key"
)

type bench struct {
	opts        *options
	tmp         string
	cliConfig   string
	pluginDir   string
	providerBin string
	emulatorBin string
	started     time.Time
	date        string

	mu        sync.Mutex
	emulators []*emulator

	sinks    map[string]*jsonlSink // per engine
	versions map[string]string
	phases   []PhaseRecord
	ptPhases []PhaseRecord // the product type scenario
	typical  []PhaseRecord // the typical project scenario
	exports  []PhaseRecord // commercetools-export of the sample project
	startups []StartupRecord
}

func newBench(opts *options) (*bench, error) {
	tmp, err := os.MkdirTemp("", "ct-bench-")
	if err != nil {
		return nil, err
	}
	now := time.Now()
	return &bench{opts: opts, tmp: tmp, started: now, date: now.Format("2006-01-02"),
		sinks: map[string]*jsonlSink{}, versions: map[string]string{}}, nil
}

// cleanup stops every emulator that is still running, closes the result
// files and removes the temporary directory (unless -keep).
func (b *bench) cleanup() {
	b.mu.Lock()
	emus := b.emulators
	b.emulators = nil
	b.mu.Unlock()
	for _, e := range emus {
		e.stop()
	}
	for _, s := range b.sinks {
		s.close()
	}
	if b.opts.keep {
		logf("kept %s", b.tmp)
		return
	}
	if err := os.RemoveAll(b.tmp); err != nil {
		logf("warning: could not remove %s: %v", b.tmp, err)
	}
}

func (b *bench) startEmulator(ctx context.Context, name string, extra ...string) (*emulator, error) {
	e, err := startEmulator(ctx, b.emulatorBin, filepath.Join(b.tmp, "emulators", name), extra...)
	if err != nil {
		return nil, err
	}
	b.mu.Lock()
	b.emulators = append(b.emulators, e)
	b.mu.Unlock()
	return e, nil
}

func (b *bench) stopEmulator(e *emulator) {
	e.stop()
	b.mu.Lock()
	defer b.mu.Unlock()
	for i, x := range b.emulators {
		if x == e {
			b.emulators = append(b.emulators[:i], b.emulators[i+1:]...)
			break
		}
	}
}

func (b *bench) run(ctx context.Context) error {
	o := b.opts
	for _, eng := range o.engines {
		bin := o.engineBinary(eng)
		if st, err := os.Stat(bin); err != nil || st.IsDir() || st.Mode()&0o111 == 0 {
			return fmt.Errorf("%s binary %s not found: run `make tools` (or pass -%s)", eng, bin, eng)
		}
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	b.cliConfig = filepath.Join(b.tmp, "cli.tfrc")
	// Empty on purpose: providers come from `init -plugin-dir`, and a user's
	// own CLI configuration must not change the runs.
	if err := os.WriteFile(b.cliConfig, []byte("# commercetools provider benchmark: intentionally empty\n"), 0o644); err != nil {
		return err
	}

	logf("building the provider and the emulator (root %s)", o.root)
	var err error
	b.pluginDir, b.providerBin, b.emulatorBin, err = buildBinaries(ctx, o.root, b.tmp)
	if err != nil {
		return err
	}
	if err := b.installLabd(); err != nil {
		return err
	}

	for _, eng := range o.engines {
		sink, err := newJSONLSink(filepath.Join(o.out, b.date+"-"+eng+".jsonl"))
		if err != nil {
			return err
		}
		b.sinks[eng] = sink
		if err := b.runEngine(ctx, eng); err != nil {
			return err
		}
	}

	if err := b.runExport(ctx); err != nil {
		return err
	}

	rep := buildReport(b)
	for eng, sink := range b.sinks {
		for _, s := range slices.Concat(rep.Summaries, rep.ProductType, rep.Typical) {
			if s.Engine == eng {
				sink.write(s)
			}
		}
		for _, s := range rep.StartupSummaries {
			if s.Engine == eng {
				sink.write(s)
			}
		}
		for _, t := range rep.Targets {
			if t.Engine == eng {
				sink.write(t)
			}
		}
	}
	md := rep.markdown()
	if err := os.WriteFile(filepath.Join(o.out, "latest.md"), []byte(md), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(o.out, "latest.svg"), []byte(rep.svg()), 0o644); err != nil {
		return err
	}
	fmt.Println()
	fmt.Print(md)
	logf("wrote %s/{%s-*.jsonl,latest.md,latest.svg}", o.out, b.date)
	if rep.Failures > 0 {
		return fmt.Errorf("%d phase(s) failed; see the table and the jsonl records", rep.Failures)
	}
	return nil
}

// engineEnv is the environment of every terraform / tofu call: the caller's
// environment without TF_* and CTP_* variables, plus our own CLI config.
func (b *bench) engineEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "TF_") || strings.HasPrefix(kv, "CTP_") || strings.HasPrefix(kv, "CHECKPOINT_") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "TF_CLI_CONFIG_FILE="+b.cliConfig, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
}

// runCmd runs one engine command in dir and returns its wall time, exit
// code, combined output (as a file path) and the provider's peak RSS.
type cmdResult struct {
	wall          time.Duration
	exitCode      int
	output        string // path of the combined output
	peakKB        int64
	providerProcs int
	cpu           time.Duration // engine + its reaped children (the providers)
	providerCPU   time.Duration
	err           error // failure to start or a kill (not a non-zero exit)
}

func (b *bench) runEngineCmd(ctx context.Context, engine, dir, logName string, args ...string) cmdResult {
	ctx, cancel := context.WithTimeout(ctx, b.opts.phaseLimit)
	defer cancel()
	outPath := filepath.Join(dir, "logs", logName+".log")
	_ = os.MkdirAll(filepath.Dir(outPath), 0o755)
	f, err := os.Create(outPath)
	if err != nil {
		return cmdResult{err: err, exitCode: -1}
	}
	defer f.Close()
	cmd := command(ctx, dir, b.engineEnv(), b.opts.engineBinary(engine), args...)
	cmd.Stdout, cmd.Stderr = f, f
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return cmdResult{err: err, exitCode: -1, output: outPath}
	}
	sampler := startRSSSampler(cmd.Process.Pid, "terraform-provider-commercetools")
	werr := cmd.Wait()
	wall := time.Since(start)
	peak, procs, pcpu := sampler.stop()
	// Nothing may outlive the phase: kill whatever is left of the group.
	_ = killGroup(cmd.Process.Pid)
	res := cmdResult{wall: wall, output: outPath, peakKB: peak, providerProcs: procs, providerCPU: pcpu}
	if ps := cmd.ProcessState; ps != nil {
		// wait4 reports the engine's CPU time plus that of the children it
		// waited for, which includes the provider processes.
		res.cpu = ps.UserTime() + ps.SystemTime()
	}
	var exitErr *exec.ExitError
	switch {
	case werr == nil:
	case ctx.Err() != nil:
		res.exitCode, res.err = -1, fmt.Errorf("killed: %w", ctx.Err())
	case errors.As(werr, &exitErr):
		res.exitCode = exitErr.ExitCode()
	default:
		res.exitCode, res.err = -1, werr
	}
	return res
}

func (b *bench) engineVersion(ctx context.Context, engine string) string {
	cmd := command(ctx, b.tmp, b.engineEnv(), b.opts.engineBinary(engine), "version", "-json")
	out, err := cmd.Output()
	if err != nil {
		return "unknown"
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if json.Unmarshal(out, &v) != nil || v.Version == "" {
		return "unknown"
	}
	return v.Version
}

const configTemplate = `terraform {
  required_providers {
    commercetools = {
      source  = %q
      version = %q
    }
  }
}

provider "commercetools" {
  client_id     = %q
  client_secret = %q
  project_key   = %q
  api_url       = %q
  token_url     = %q
}

resource "commercetools_api_client" "bench" {
  count = %d
  name  = "bench-${count.index}"
  scope = ["view_products:%s"]
}
`

func writeConfig(dir, url string, n int) error {
	cfg := fmt.Sprintf(configTemplate, providerSource, providerVersion, emuClientID, emuClientSecret,
		emuProjectKey, url, url, n, emuProjectKey)
	return os.WriteFile(filepath.Join(dir, "main.tf"), []byte(cfg), 0o644)
}

// removeState deletes the local state (and its backups) of a work dir.
func removeState(dir string) {
	matches, _ := filepath.Glob(filepath.Join(dir, "terraform.tfstate*"))
	for _, m := range matches {
		_ = os.Remove(m)
	}
}

func (b *bench) runEngine(ctx context.Context, engine string) error {
	o := b.opts
	b.versions[engine] = b.engineVersion(ctx, engine)
	sink := b.sinks[engine]
	sink.write(MetaRecord{Type: "meta", Time: b.started.Format(time.RFC3339), Engine: engine,
		EngineVersion: b.versions[engine], ProviderVersion: providerVersion, GoVersion: runtime.Version(),
		CPUs: runtime.NumCPU(), Parallelism: parallelism, Reps: o.reps, Ns: o.ns, LatenciesMs: o.latencies})
	logf("%s %s", engine, b.versions[engine])

	// One work dir per engine, initialised once; each cell rewrites main.tf
	// (count and emulator URL change, the provider requirement does not) and
	// starts from an empty state.
	work := filepath.Join(b.tmp, "work-"+engine)
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	if err := writeConfig(work, "http://127.0.0.1:1", 1); err != nil {
		return err
	}
	res := b.runEngineCmd(ctx, engine, work, "init", "init", "-input=false", "-no-color", "-plugin-dir="+b.pluginDir)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if res.err != nil || res.exitCode != 0 {
		return fmt.Errorf("%s init failed (exit %d, %v):\n%s", engine, res.exitCode, res.err, tail(res.output, 30))
	}
	logf("%s init: %.2fs", engine, res.wall.Seconds())

	if !o.noStartup {
		if err := b.measureStartup(ctx, engine, work); err != nil {
			return err
		}
	}
	for _, n := range o.ns {
		for _, lat := range o.latencies {
			if err := b.runCell(ctx, engine, work, n, lat); err != nil {
				return err
			}
		}
	}
	if err := b.runTypical(ctx, engine); err != nil {
		return err
	}
	if o.productType {
		for _, lat := range o.latencies {
			if err := b.runProductTypeCell(ctx, engine, lat); err != nil {
				return err
			}
		}
	}
	return nil
}

// measureStartup times `validate` and `providers schema -json` (both start
// the provider) and records the requests the emulator saw meanwhile, which
// must be none: the provider may not touch the network before it is
// configured.
func (b *bench) measureStartup(ctx context.Context, engine, work string) error {
	emu, err := b.startEmulator(ctx, engine+"-startup")
	if err != nil {
		return err
	}
	defer b.stopEmulator(emu)
	removeState(work)
	if err := writeConfig(work, emu.url, 1); err != nil {
		return err
	}
	commands := []struct {
		name string
		args []string
	}{
		{"validate", []string{"validate", "-no-color"}},
		{"providers schema -json", []string{"providers", "schema", "-json"}},
	}
	for _, c := range commands {
		for rep := 1; rep <= b.opts.reps; rep++ {
			if err := emu.resetCounts(); err != nil {
				return fmt.Errorf("reset counts: %w", err)
			}
			res := b.runEngineCmd(ctx, engine, work, fmt.Sprintf("%s-%d", strings.ReplaceAll(c.name, " ", "-"), rep), c.args...)
			if ctx.Err() != nil {
				return ctx.Err()
			}
			counts, cerr := emu.counts()
			r := StartupRecord{Type: "startup", Engine: engine, Command: c.name, Rep: rep,
				WallSec: res.wall.Seconds(), ExitCode: res.exitCode, APIRequests: counts.API,
				TokenRequests: counts.Token, PeakRSSMB: kbToMB(res.peakKB)}
			r.ZeroRequests = cerr == nil && counts.API == 0 && counts.Token == 0
			r.OK = res.err == nil && res.exitCode == 0 && r.ZeroRequests
			switch {
			case res.err != nil:
				r.Error = res.err.Error()
			case res.exitCode != 0:
				r.Error = "exit " + fmt.Sprint(res.exitCode) + ": " + lastLines(res.output, 8)
			case cerr != nil:
				r.Error = "read counts: " + cerr.Error()
			case !r.ZeroRequests:
				r.Error = fmt.Sprintf("the emulator saw %d API and %d token requests", counts.API, counts.Token)
			}
			if r.OK && c.args[0] == "providers" {
				if !schemaHasResource(res.output) {
					r.OK, r.Error = false, "schema output lacks commercetools_api_client"
				}
			}
			b.startups = append(b.startups, r)
			b.sinks[engine].write(r)
			logf("%s %-22s rep %d: %.2fs requests=%d/%d ok=%v %s", engine, c.name, rep, r.WallSec,
				r.APIRequests, r.TokenRequests, r.OK, r.Error)
		}
	}
	return nil
}

func schemaHasResource(path string) bool {
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	// The log holds stdout and stderr; the JSON document is one line.
	for _, line := range bytes.Split(data, []byte("\n")) {
		var doc struct {
			Schemas map[string]struct {
				Resources map[string]json.RawMessage `json:"resource_schemas"`
			} `json:"provider_schemas"`
		}
		if json.Unmarshal(line, &doc) != nil {
			continue
		}
		for _, p := range doc.Schemas {
			if _, ok := p.Resources["commercetools_api_client"]; ok {
				return true
			}
		}
	}
	return false
}

// runCell runs the repetitions of one engine × N × latency cell against a
// fresh emulator.
func (b *bench) runCell(ctx context.Context, engine, work string, n, latMs int) error {
	emu, err := b.startEmulator(ctx, fmt.Sprintf("%s-n%d-l%d", engine, n, latMs))
	if err != nil {
		return err
	}
	defer b.stopEmulator(emu)
	if err := emu.setLatency(latMs); err != nil {
		return fmt.Errorf("set latency: %w", err)
	}
	removeState(work)
	defer removeState(work)
	if err := writeConfig(work, emu.url, n); err != nil {
		return err
	}
	common := []string{"-input=false", "-no-color", fmt.Sprintf("-parallelism=%d", parallelism)}
	phases := []struct {
		name string
		args []string
	}{
		{"apply", append([]string{"apply", "-auto-approve"}, common...)},
		{"plan", append([]string{"plan", "-detailed-exitcode"}, common...)},
		{"destroy", append([]string{"destroy", "-auto-approve"}, common...)},
	}
	reps := b.opts.reps
	if n >= b.opts.largeN {
		reps = b.opts.largeReps
	}
	for rep := 1; rep <= reps; rep++ {
		broken := false
		for _, ph := range phases {
			r, err := b.runPhase(ctx, engine, work, emu, n, latMs, rep, ph.name, ph.args)
			if err != nil {
				return err
			}
			b.phases = append(b.phases, r)
			b.sinks[engine].write(r)
			if !r.OK && ph.name != "plan" {
				// A failed apply or destroy leaves state behind that would
				// distort the next repetitions: clean up and leave the cell.
				broken = true
				if ph.name == "apply" {
					_ = b.runEngineCmd(ctx, engine, work, fmt.Sprintf("cleanup-destroy-n%d-l%d-r%d", n, latMs, rep), phases[2].args...)
				}
				break
			}
		}
		if broken {
			b.saveRawLogs(work)
			logf("%s N=%d L=%dms: giving up on this cell after a failure", engine, n, latMs)
			break
		}
	}
	return ctx.Err()
}

func (b *bench) runPhase(ctx context.Context, engine, work string, emu *emulator, n, latMs, rep int, phase string, args []string) (PhaseRecord, error) {
	if err := emu.resetCounts(); err != nil {
		return PhaseRecord{}, fmt.Errorf("reset counts: %w", err)
	}
	load := loadAvg1()
	res := b.runEngineCmd(ctx, engine, work, fmt.Sprintf("%s-n%d-l%d-r%d", phase, n, latMs, rep), args...)
	if ctx.Err() != nil {
		return PhaseRecord{}, ctx.Err()
	}
	counts, cerr := emu.counts()
	fl := floorFor(phase, n, latMs)
	r := PhaseRecord{Type: "phase", Engine: engine, EngineVersion: b.versions[engine], N: n, LatencyMs: latMs, Rep: rep,
		Phase: phase, WallSec: res.wall.Seconds(), ExitCode: res.exitCode, APIRequests: counts.API,
		TokenRequests: counts.Token, ByRoute: counts.ByRoute, PeakRSSMB: kbToMB(res.peakKB),
		ProviderProcesses: res.providerProcs, FloorSec: fl.Seconds(), OverheadSec: res.wall.Seconds() - fl.Seconds(),
		WallOverFloor: ratio(res.wall.Seconds(), fl.Seconds()), LoadAvg1: load,
		ProviderCPUSec: res.providerCPU.Seconds(), EngineCPUSec: max(res.cpu-res.providerCPU, 0).Seconds()}
	r.OK = res.err == nil && res.exitCode == 0 && cerr == nil
	switch {
	case res.err != nil:
		r.Error = res.err.Error()
	case phase == "plan" && res.exitCode == 2:
		r.Error = "plan after apply is not empty (exit 2): " + planSummary(res.output)
	case res.exitCode != 0:
		r.Error = fmt.Sprintf("exit %d: %s", res.exitCode, lastLines(res.output, 8))
	case cerr != nil:
		r.Error = "read counts: " + cerr.Error()
	}
	status := "ok"
	if !r.OK {
		status = "FAILED: " + r.Error
	}
	logf("%-9s N=%-4d L=%-3dms rep %d %-7s %7.2fs  api=%-5d token=%-2d rss=%5.1fMB cpu=%.1f/%.1fs load=%4.1f  %s",
		engine, n, latMs, rep, phase, r.WallSec, r.APIRequests, r.TokenRequests, r.PeakRSSMB,
		r.EngineCPUSec, r.ProviderCPUSec, load, status)
	return r, nil
}

// saveRawLogs copies the logs of a failed cell to <out>/raw (git-ignored).
func (b *bench) saveRawLogs(work string) {
	dst := filepath.Join(b.opts.out, "raw")
	_ = os.MkdirAll(dst, 0o755)
	logs, _ := filepath.Glob(filepath.Join(work, "logs", "*.log"))
	for _, l := range logs {
		if data, err := os.ReadFile(l); err == nil {
			_ = os.WriteFile(filepath.Join(dst, filepath.Base(l)), data, 0o644)
		}
	}
}

func planSummary(path string) string {
	data, _ := os.ReadFile(path)
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "Plan:") {
			return strings.TrimSpace(line)
		}
	}
	return lastLines(path, 5)
}

func lastLines(path string, n int) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(tail(path, n), "\n", " | ")), " ")
}

func kbToMB(kb int64) float64 { return float64(kb) / 1024 }

func ratio(wall, floor float64) *float64 {
	if floor <= 0 {
		return nil
	}
	r := wall / floor
	return &r
}

var logStart = time.Now()

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "[%6.1fs] %s\n", time.Since(logStart).Seconds(), fmt.Sprintf(format, args...))
}

// loadAvg1 is the 1-minute load average, recorded with each phase because
// other work on the machine inflates the times.
func loadAvg1() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return 0
	}
	v, _ := strconv.ParseFloat(f[0], 64)
	return v
}
