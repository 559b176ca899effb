package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// The export scenario: commercetools-export reads a sample project built through the API
// (emulator -seed-sample) at each latency. Its requests must be one page per 500 objects of each
// collection (one for an empty one) and one read of the project.

var (
	wroteLine  = regexp.MustCompile(`wrote (\d+) resources`)
	seededLine = regexp.MustCompile(`seeded \d+ objects: (.*)`)
	envLine    = regexp.MustCompile(`export (CTP_.*)`)
)

func (b *bench) runExport(ctx context.Context) error {
	scale := b.opts.exportScale
	if scale <= 0 {
		return nil
	}
	bin := filepath.Join(b.tmp, "bin", "commercetools-export")
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/commercetools-export")
	build.Dir = b.opts.root
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building commercetools-export: %v\n%s", err, out)
	}
	for _, lat := range b.opts.latencies {
		emu, err := b.startEmulator(ctx, fmt.Sprintf("export-%d", lat), "-seed-sample", strconv.Itoa(scale))
		if err != nil {
			return err
		}
		// The emulator's start-up lines: what it seeded, per collection, and the provider's settings.
		logText, _ := os.ReadFile(emu.log)
		perColl := map[string]int{}
		if m := seededLine.FindSubmatch(logText); m != nil {
			for _, f := range strings.Fields(string(m[1])) {
				if k, v, ok := strings.Cut(f, "="); ok {
					perColl[k], _ = strconv.Atoi(v)
				}
			}
		}
		var env []string
		if m := envLine.FindSubmatch(logText); m != nil {
			for _, f := range strings.Fields(strings.ReplaceAll(string(m[1]), "'", "")) {
				if strings.HasPrefix(f, "CTP_") && !strings.HasPrefix(f, "CTP_SCOPES") {
					env = append(env, f)
				}
			}
		}
		if len(env) == 0 || len(perColl) == 0 {
			b.stopEmulator(emu)
			return fmt.Errorf("the emulator did not report its seed and settings:\n%s", logText)
		}
		r, err := b.exportOnce(ctx, emu, bin, lat, perColl, env)
		b.stopEmulator(emu)
		if err != nil {
			return err
		}
		b.exports = append(b.exports, r)
		for _, eng := range b.opts.engines {
			b.sinks[eng].write(r)
			break
		}
	}
	return nil
}

func (b *bench) exportOnce(ctx context.Context, emu *emulator, bin string, lat int, perColl map[string]int, env []string) (PhaseRecord, error) {
	if err := emu.setLatency(lat); err != nil {
		return PhaseRecord{}, err
	}
	if err := emu.resetCounts(); err != nil {
		return PhaseRecord{}, err
	}
	out := filepath.Join(b.tmp, fmt.Sprintf("export-%d", lat))
	cmd := exec.CommandContext(ctx, bin, "-o", out) //nolint:gosec // the binary this benchmark built
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	counts, cerr := emu.counts()
	r := PhaseRecord{Type: "phase", Engine: "export", Scenario: "export", Phase: "export", LatencyMs: lat, Rep: 1,
		WallSec: wall.Seconds(), APIRequests: counts.API, TokenRequests: counts.Token, ByRoute: counts.ByRoute, LoadAvg1: loadAvg1()}
	if st := cmd.ProcessState; st != nil {
		r.ExitCode = st.ExitCode()
		r.ProviderCPUSec = (st.UserTime() + st.SystemTime()).Seconds()
		if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
			r.PeakRSSMB = float64(ru.Maxrss) / 1024
		}
	}
	if m := wroteLine.FindStringSubmatch(stdout.String()); m != nil {
		r.N, _ = strconv.Atoi(m[1])
	}
	r.OK = err == nil && cerr == nil
	switch {
	case err != nil:
		r.Error = fmt.Sprintf("%v: %s", err, lastLines(stderr.String(), 8))
	case cerr != nil:
		r.Error = "read counts: " + cerr.Error()
	}
	// One page per 500 objects of each collection, at least one; the project once.
	for route, n := range counts.ByRoute {
		coll := strings.TrimPrefix(strings.TrimPrefix(route, "GET /{projectKey}"), "/")
		limit := max(1, (perColl[coll]+499)/500)
		if r.OK && n > limit {
			r.OK, r.Error = false, fmt.Sprintf("%s: %d requests, want at most %d (pages of 500)", route, n, limit)
		}
	}
	status := "ok"
	if !r.OK {
		status = "FAILED: " + r.Error
	}
	logf("export    N=%-4d L=%-3dms        export  %7.2fs  api=%-5d token=%-2d rss=%5.1fMB cpu=%.1fs  %s",
		r.N, lat, r.WallSec, r.APIRequests, r.TokenRequests, r.PeakRSSMB, r.ProviderCPUSec, status)
	return r, nil
}

// exportMarkdown renders the export scenario.
func (r *report) exportMarkdown(sb *strings.Builder, exports []PhaseRecord) {
	if len(exports) == 0 {
		return
	}
	sb.WriteString("\n## commercetools-export of a sample project built through the API\n\n")
	sb.WriteString("| latency | resources | wall | API requests | CPU | peak RSS | ok |\n|--:|--:|--:|--:|--:|--:|---|\n")
	for _, e := range exports {
		ok := "yes"
		if !e.OK {
			ok = "**no**: " + e.Error
		}
		fmt.Fprintf(sb, "| %d ms | %d | %.2f s | %d | %.2f s | %.0f MB | %s |\n", e.LatencyMs, e.N, e.WallSec, e.APIRequests, e.ProviderCPUSec, e.PeakRSSMB, ok)
	}
}
