package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// MetaRecord opens each engine's JSON-lines file.
type MetaRecord struct {
	Type            string `json:"type"` // "meta"
	Time            string `json:"time"`
	Engine          string `json:"engine"`
	EngineVersion   string `json:"engineVersion"`
	ProviderVersion string `json:"providerVersion"`
	GoVersion       string `json:"goVersion"`
	CPUs            int    `json:"cpus"`
	Parallelism     int    `json:"parallelism"`
	Reps            int    `json:"reps"`
	Ns              []int  `json:"n"`
	LatenciesMs     []int  `json:"latenciesMs"`
}

// PhaseRecord is one apply, plan or destroy of one repetition.
type PhaseRecord struct {
	Type              string         `json:"type"` // "phase"
	Engine            string         `json:"engine"`
	EngineVersion     string         `json:"engineVersion"`
	N                 int            `json:"n"`
	LatencyMs         int            `json:"latencyMs"`
	Rep               int            `json:"rep"`
	Phase             string         `json:"phase"`
	Scenario          string         `json:"scenario,omitempty"` // "" for API clients, "product_type", "typical"
	Provider          string         `json:"provider,omitempty"` // typical: "ours" or "labd" (the incumbent)
	WallSec           float64        `json:"wallSec"`
	ExitCode          int            `json:"exitCode"`
	OK                bool           `json:"ok"`
	Error             string         `json:"error,omitempty"`
	APIRequests       int            `json:"apiRequests"`
	TokenRequests     int            `json:"tokenRequests"`
	ByRoute           map[string]int `json:"byRoute,omitempty"`
	PeakRSSMB         float64        `json:"providerPeakRssMB"`
	ProviderProcesses int            `json:"providerProcesses"`
	FloorSec          float64        `json:"floorSec"`
	WallOverFloor     *float64       `json:"wallOverFloor"`  // null when the floor is 0 (L=0)
	OverheadSec       float64        `json:"overheadSec"`    // wall - floor
	LoadAvg1          float64        `json:"loadAvg1"`       // 1-minute load average when the phase started
	EngineCPUSec      float64        `json:"engineCpuSec"`   // CPU time of terraform/tofu itself
	ProviderCPUSec    float64        `json:"providerCpuSec"` // CPU time of the provider processes
}

// StartupRecord is one `validate` or `providers schema -json` run.
type StartupRecord struct {
	Type          string  `json:"type"` // "startup"
	Engine        string  `json:"engine"`
	Command       string  `json:"command"`
	Rep           int     `json:"rep"`
	WallSec       float64 `json:"wallSec"`
	ExitCode      int     `json:"exitCode"`
	OK            bool    `json:"ok"`
	Error         string  `json:"error,omitempty"`
	APIRequests   int     `json:"apiRequests"`
	TokenRequests int     `json:"tokenRequests"`
	ZeroRequests  bool    `json:"zeroRequests"`
	PeakRSSMB     float64 `json:"providerPeakRssMB"`
}

// SummaryRecord aggregates the repetitions of one engine × N × latency × phase.
type SummaryRecord struct {
	Type           string   `json:"type"`               // "summary"
	Scenario       string   `json:"scenario,omitempty"` // "" for API clients, "product_type", "typical"
	Provider       string   `json:"provider,omitempty"` // typical: "ours" or "labd"
	Engine         string   `json:"engine"`
	N              int      `json:"n"`
	LatencyMs      int      `json:"latencyMs"`
	Phase          string   `json:"phase"`
	Reps           int      `json:"reps"`     // successful repetitions
	Failures       int      `json:"failures"` // failed repetitions
	Errors         []string `json:"errors,omitempty"`
	MinSec         float64  `json:"minSec"`
	MedianSec      float64  `json:"medianSec"`
	MaxSec         float64  `json:"maxSec"`
	APIRequests    float64  `json:"apiRequests"`   // median
	TokenRequests  float64  `json:"tokenRequests"` // median
	FloorSec       float64  `json:"floorSec"`
	WallOverFloor  *float64 `json:"wallOverFloor"` // median / floor; null for L=0
	OverheadSec    float64  `json:"overheadSec"`   // median - floor
	PeakRSSMB      float64  `json:"providerPeakRssMB"`
	EngineCPUSec   float64  `json:"engineCpuSec"`   // median
	ProviderCPUSec float64  `json:"providerCpuSec"` // median
}

// StartupSummaryRecord aggregates the start-up measurements of one command.
type StartupSummaryRecord struct {
	Type         string  `json:"type"` // "startup_summary"
	Engine       string  `json:"engine"`
	Command      string  `json:"command"`
	Reps         int     `json:"reps"`
	Failures     int     `json:"failures"`
	MinSec       float64 `json:"minSec"`
	MedianSec    float64 `json:"medianSec"`
	MaxRequests  int     `json:"maxRequests"` // API + token requests, worst run
	ZeroRequests bool    `json:"zeroRequests"`
	PeakRSSMB    float64 `json:"providerPeakRssMB"`
}

// TargetRecord is the verdict on one performance target.
type TargetRecord struct {
	Type      string   `json:"type"` // "target"
	Target    string   `json:"target"`
	Engine    string   `json:"engine"`
	Official  bool     `json:"official"` // false: the engine is shown for reference only
	Limit     float64  `json:"limit"`
	Unit      string   `json:"unit"`
	Value     *float64 `json:"value"`   // null when not measured
	Verdict   string   `json:"verdict"` // "met", "not met", "not measured"
	Breakdown string   `json:"breakdown,omitempty"`
	// For time targets that are not met: the median at L=0 for the same
	// engine, N and phase (engine + provider work without latency) and the
	// rest of the wall time (round trips).
	EngineOverheadSec *float64 `json:"engineOverheadSec,omitempty"`
	RoundTripSec      *float64 `json:"roundTripSec,omitempty"`
	FloorSec          *float64 `json:"floorSec,omitempty"`
}

type jsonlSink struct {
	mu sync.Mutex
	f  *os.File
}

func newJSONLSink(path string) (*jsonlSink, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &jsonlSink{f: f}, nil
}

func (s *jsonlSink) write(v any) {
	data, err := json.Marshal(v)
	if err != nil {
		logf("warning: jsonl: %v", err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f != nil {
		_, _ = s.f.Write(append(data, '\n'))
	}
}

func (s *jsonlSink) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f != nil {
		_ = s.f.Close()
		s.f = nil
	}
}

type report struct {
	Engines          []string
	Versions         map[string]string
	Summaries        []SummaryRecord
	ProductType      []SummaryRecord // the product type scenario
	Typical          []SummaryRecord // the typical project scenario
	Exports          []PhaseRecord   // commercetools-export of the sample project
	StartupSummaries []StartupSummaryRecord
	Targets          []TargetRecord
	Failures         int
	Reps             int
	LargeReps        int
	LargeN           int
	MaxLoad          float64 // largest 1-minute load average seen at a phase start
	CPUs             int
	Duration         time.Duration // whole run, builds included
	Args             string
}

func buildReport(b *bench) *report {
	r := &report{Engines: b.opts.engines, Versions: b.versions, Reps: b.opts.reps, LargeReps: b.opts.largeReps, LargeN: b.opts.largeN, CPUs: runtime.NumCPU(),
		Duration: time.Since(b.started), Args: strings.Join(os.Args[1:], " ")}
	for _, p := range b.phases {
		r.MaxLoad = math.Max(r.MaxLoad, p.LoadAvg1)
	}
	r.Summaries = summarize(b.phases, r.Engines, func(p PhaseRecord) float64 { return floorFor(p.Phase, p.N, p.LatencyMs).Seconds() })
	r.ProductType = summarize(b.ptPhases, r.Engines, func(p PhaseRecord) float64 { return p.FloorSec })
	r.Typical = summarize(b.typical, r.Engines, func(p PhaseRecord) float64 { return p.FloorSec })
	r.Exports = b.exports
	for _, e := range b.exports {
		if !e.OK {
			r.Failures++
		}
	}
	for _, s := range slices.Concat(r.Summaries, r.ProductType, r.Typical) {
		r.Failures += s.Failures
	}

	for _, eng := range r.Engines {
		for _, cmd := range []string{"validate", "providers schema -json"} {
			ss := StartupSummaryRecord{Type: "startup_summary", Engine: eng, Command: cmd, ZeroRequests: true}
			var walls []float64
			for _, s := range b.startups {
				if s.Engine != eng || s.Command != cmd {
					continue
				}
				ss.MaxRequests = max(ss.MaxRequests, s.APIRequests+s.TokenRequests)
				ss.ZeroRequests = ss.ZeroRequests && s.ZeroRequests
				ss.PeakRSSMB = math.Max(ss.PeakRSSMB, s.PeakRSSMB)
				if !s.OK {
					ss.Failures++
					continue
				}
				walls = append(walls, s.WallSec)
			}
			if len(walls)+ss.Failures == 0 {
				continue
			}
			r.Failures += ss.Failures
			ss.Reps = len(walls)
			if len(walls) > 0 {
				ss.MinSec, ss.MedianSec = slices.Min(walls), median(walls)
			}
			r.StartupSummaries = append(r.StartupSummaries, ss)
		}
	}
	r.Targets = r.evaluateTargets()
	return r
}

// summarize aggregates phase records by engine, N, latency and phase (in the order of engines,
// then N, latency and the phases' first appearance); floor gives a record's round-trip floor.
func summarize(phases []PhaseRecord, engines []string, floor func(PhaseRecord) float64) []SummaryRecord {
	type key struct {
		engine, provider string
		n, lat           int
		phase            string
	}
	groups := map[key][]PhaseRecord{}
	var keys []key
	order := map[string]int{}
	for _, p := range phases {
		k := key{p.Engine, p.Provider, p.N, p.LatencyMs, p.Phase}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		if _, ok := order[p.Phase]; !ok {
			order[p.Phase] = len(order)
		}
		groups[k] = append(groups[k], p)
	}
	sort.SliceStable(keys, func(i, j int) bool {
		a, c := keys[i], keys[j]
		if a.engine != c.engine {
			return slices.Index(engines, a.engine) < slices.Index(engines, c.engine)
		}
		if a.n != c.n {
			return a.n < c.n
		}
		if a.provider != c.provider {
			return a.provider > c.provider // ours before labd
		}
		if a.lat != c.lat {
			return a.lat < c.lat
		}
		return order[a.phase] < order[c.phase]
	})
	var out []SummaryRecord
	for _, k := range keys {
		g := groups[k]
		s := SummaryRecord{Type: "summary", Scenario: g[0].Scenario, Provider: k.provider, Engine: k.engine, N: k.n, LatencyMs: k.lat, Phase: k.phase}
		var walls, api, tok, ecpu, pcpu []float64
		for _, p := range g {
			s.PeakRSSMB = math.Max(s.PeakRSSMB, p.PeakRSSMB)
			if !p.OK {
				s.Failures++
				s.Errors = append(s.Errors, p.Error)
				continue
			}
			walls = append(walls, p.WallSec)
			api = append(api, float64(p.APIRequests))
			tok = append(tok, float64(p.TokenRequests))
			ecpu = append(ecpu, p.EngineCPUSec)
			pcpu = append(pcpu, p.ProviderCPUSec)
		}
		s.Reps = len(walls)
		s.FloorSec = floor(g[0])
		if len(walls) > 0 {
			s.MinSec, s.MaxSec = slices.Min(walls), slices.Max(walls)
			s.MedianSec = median(walls)
			s.APIRequests, s.TokenRequests = median(api), median(tok)
			s.EngineCPUSec, s.ProviderCPUSec = median(ecpu), median(pcpu)
			s.WallOverFloor = ratio(s.MedianSec, s.FloorSec)
			s.OverheadSec = s.MedianSec - s.FloorSec
		}
		out = append(out, s)
	}
	return out
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	s := slices.Clone(v)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

func (r *report) summary(engine string, n, lat int, phase string) *SummaryRecord {
	for i := range r.Summaries {
		s := &r.Summaries[i]
		if s.Engine == engine && s.N == n && s.LatencyMs == lat && s.Phase == phase {
			return s
		}
	}
	return nil
}

// evaluateTargets checks the performance targets. The time targets are set
// for Terraform; other engines are evaluated for reference.
func (r *report) evaluateTargets() []TargetRecord {
	type timeTarget struct {
		name   string
		n, lat int
		phase  string
		limit  float64
	}
	timeTargets := []timeTarget{
		{"apply N=100 L=50ms ≤ 1.05 s", 100, 50, "apply", 1.05},
		{"plan N=100 L=50ms ≤ 0.45 s", 100, 50, "plan", 0.45},
		{"plan N=1000 L=50ms ≤ 1.0 s", 1000, 50, "plan", 1.0},
		// Issue 11: no slower than the incumbent (labd v1.22.2) measured beside this provider.
		{"plan N=1000 L=0ms ≤ 4.4 s (issue 11)", 1000, 0, "plan", 4.4},
		{"plan N=1000 L=50ms ≤ 4.5 s (issue 11)", 1000, 50, "plan", 4.5},
		{"destroy N=1000 L=50ms ≤ 40 s (issue 11: the incumbent's)", 1000, 50, "destroy", 40},
	}
	var out []TargetRecord
	for _, eng := range r.Engines {
		for _, t := range timeTargets {
			tr := TargetRecord{Type: "target", Target: t.name, Engine: eng, Official: eng == "terraform",
				Limit: t.limit, Unit: "s", Verdict: "not measured"}
			s := r.summary(eng, t.n, t.lat, t.phase)
			if s != nil && s.Reps > 0 {
				v := s.MedianSec
				fl := s.FloorSec
				tr.Value, tr.FloorSec = &v, &fl
				if v <= t.limit {
					tr.Verdict = "met"
				} else {
					tr.Verdict = "not met"
				}
				tr.Breakdown = fmt.Sprintf("median %.2f s, round-trip floor %.2f s", v, fl)
				if z := r.summary(eng, t.n, 0, t.phase); z != nil && z.Reps > 0 {
					eo := z.MedianSec
					rt := v - eo
					tr.EngineOverheadSec, tr.RoundTripSec = &eo, &rt
					tr.Breakdown = fmt.Sprintf("median %.2f s = engine+provider work %.2f s (median at L=0) + round trips %.2f s (floor %.2f s)",
						v, eo, rt, fl)
				}
				if tr.Verdict == "not met" {
					tr.Breakdown = fmt.Sprintf("over by %.2f s: %s; CPU per run: engine %.2f s, provider %.2f s",
						v-t.limit, tr.Breakdown, s.EngineCPUSec, s.ProviderCPUSec)
				}
			} else if s != nil {
				tr.Verdict = "not met"
				tr.Breakdown = "every repetition failed"
			}
			out = append(out, tr)
		}
		// Issue 11: the provider's CPU per resource and its peak RSS in the plan of 1,000.
		if p := r.summary(eng, 1000, 0, "plan"); p != nil && p.Reps > 0 {
			perResource := p.ProviderCPUSec // seconds for 1,000 = ms per resource
			tr := TargetRecord{Type: "target", Target: "provider CPU per resource, plan N=1000 L=0ms ≤ 1.5 ms (issue 11)", Engine: eng,
				Official: true, Limit: 1.5, Unit: "ms", Value: &perResource, Verdict: "met",
				Breakdown: fmt.Sprintf("%.2f s of provider CPU for 1,000 resources", p.ProviderCPUSec)}
			if perResource > 1.5 {
				tr.Verdict = "not met"
			}
			out = append(out, tr)
			rss := p.PeakRSSMB
			tr = TargetRecord{Type: "target", Target: "provider peak RSS, plan N=1000 L=0ms ≤ 60 MB (issue 11)", Engine: eng,
				Official: true, Limit: 60, Unit: "MB", Value: &rss, Verdict: "met",
				Breakdown: fmt.Sprintf("VmHWM %.1f MB", rss)}
			if rss > 60 {
				tr.Verdict = "not met"
			}
			out = append(out, tr)
		}
		// Memory: the largest provider peak RSS over every phase at N=1000.
		tr := TargetRecord{Type: "target", Target: "provider peak RSS at N=1000 ≤ 40 MB", Engine: eng,
			Official: true, Limit: 40, Unit: "MB", Verdict: "not measured"}
		var peak float64
		where := ""
		found := false
		for _, s := range r.Summaries {
			if s.Engine == eng && s.N == 1000 {
				found = true
				if s.PeakRSSMB > peak {
					peak, where = s.PeakRSSMB, fmt.Sprintf("%s at L=%dms", s.Phase, s.LatencyMs)
				}
			}
		}
		if found {
			tr.Value = &peak
			tr.Verdict = "met"
			if peak > 40 {
				tr.Verdict = "not met"
			}
			tr.Breakdown = fmt.Sprintf("max VmHWM %.1f MB (%s)", peak, where)
		}
		out = append(out, tr)
	}
	return out
}

func fmtSec(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return fmt.Sprintf("%.2f s", v)
}

func fmtCount(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%d", int(v))
	}
	return fmt.Sprintf("%.1f", v)
}

// markdown renders the report (also printed to stdout).
// summaryRow is one row of a results table.
func summaryRow(s SummaryRecord) string {
	ratioS := "n/a"
	if s.WallOverFloor != nil {
		ratioS = fmt.Sprintf("%.2f", *s.WallOverFloor)
	}
	minS, medS, apiS, tokS, ovS := fmtSec(s.MinSec), fmtSec(s.MedianSec), fmtCount(s.APIRequests), fmtCount(s.TokenRequests), fmtSec(s.OverheadSec)
	cpuS := fmt.Sprintf("%.1f / %.1f", s.EngineCPUSec, s.ProviderCPUSec)
	if s.Reps == 0 {
		minS, medS, apiS, tokS, ovS, ratioS, cpuS = "–", "–", "–", "–", "–", "–", "–"
	}
	if s.Failures > 0 {
		medS += fmt.Sprintf(" (%d failed)", s.Failures)
	}
	return fmt.Sprintf("| %s | %d | %d ms | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.1f |\n",
		s.Engine, s.N, s.LatencyMs, s.Phase, minS, medS, apiS, tokS, fmtSec(s.FloorSec), ratioS, ovS, cpuS, s.PeakRSSMB)
}

func (r *report) markdown() string {
	var sb strings.Builder
	sb.WriteString("# commercetools provider benchmark\n\n")
	var vers []string
	for _, e := range r.Engines {
		vers = append(vers, fmt.Sprintf("%s %s", e, r.Versions[e]))
	}
	fmt.Fprintf(&sb, "Engines: %s; provider %s; `-parallelism=%d`; %d repetition(s) per cell (%d for N ≥ %d); "+
		"one fresh emulator per engine × N × latency; "+
		"Generated by `make bench` (bench/).\n\n",
		strings.Join(vers, ", "), providerVersion, parallelism, r.Reps, r.LargeReps, r.LargeN)
	args := r.Args
	if args == "" {
		args = "(full matrix)"
	}
	fmt.Fprintf(&sb, "Run: `go run . %s`, %s in total including the builds, %d CPUs.\n\n",
		args, r.Duration.Round(time.Second), r.CPUs)
	sb.WriteString("Floor = round trips the latency alone imposes (apply ⌈N/10⌉·L + L, plan L + ⌈N/500⌉·L, " +
		"destroy L + ⌈N/500⌉·L + ⌈N/10⌉·L; the token request counts as one L). " +
		"Overhead = median − floor. Requests and CPU times are medians per run; CPU is split into the engine's own " +
		"and the provider processes'; RSS is the provider's peak VmHWM.\n\n")
	if r.MaxLoad > float64(r.CPUs) {
		fmt.Fprintf(&sb, "**Warning:** the machine was busy (1-minute load average up to %.1f on %d CPUs at a phase start): "+
			"times are inflated by other work.\n\n", r.MaxLoad, r.CPUs)
	}

	sb.WriteString("| engine | N | latency | phase | min | median | API requests | token requests | floor | wall÷floor | overhead | CPU s engine / provider | peak RSS MB |\n")
	sb.WriteString("|---|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, s := range r.Summaries {
		sb.WriteString(summaryRow(s))
	}

	if len(r.ProductType) > 0 {
		fmt.Fprintf(&sb, "\n## Product type with %s localized enum values\n\n", thousands(enumValues))
		sb.WriteString("One `commercetools_product_type` with one `lenum` attribute of 1,200 values: `apply` creates it (1 request), " +
			"`plan` must be empty, `reorder` reverses the values (one order action: 1 update request), `relabel` changes every " +
			"label (1,200 actions: 3 update requests), `destroy`. Floor: one latency per request, the token requests (two where the provider starts for the plan and again for the apply) and the refresh included.\n\n")
		sb.WriteString("| engine | values | latency | phase | min | median | API requests | token requests | floor | wall÷floor | overhead | CPU s engine / provider | peak RSS MB |\n")
		sb.WriteString("|---|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
		for _, s := range r.ProductType {
			sb.WriteString(summaryRow(s))
		}
	}

	if len(r.StartupSummaries) > 0 {
		sb.WriteString("\n## Start-up (no configured provider: the emulator must see 0 requests)\n\n")
		sb.WriteString("| engine | command | min | median | requests seen | 0 requests | peak RSS MB |\n")
		sb.WriteString("|---|---|--:|--:|--:|---|--:|\n")
		for _, s := range r.StartupSummaries {
			zero := "yes"
			if !s.ZeroRequests {
				zero = "**NO**"
			}
			med := fmtSec(s.MedianSec)
			if s.Failures > 0 {
				med += fmt.Sprintf(" (%d failed)", s.Failures)
			}
			fmt.Fprintf(&sb, "| %s | `%s` | %s | %s | %d | %s | %.1f |\n", s.Engine, s.Command,
				fmtSec(s.MinSec), med, s.MaxRequests, zero, s.PeakRSSMB)
		}
	}

	sb.WriteString("\n## Targets\n\n")
	sb.WriteString("Time targets are set for Terraform; OpenTofu rows are for reference. Breakdown: engine+provider work = median at L=0 for the same engine, N and phase; round trips = the rest.\n\n")
	sb.WriteString("| target | engine | value | verdict | breakdown |\n|---|---|--:|---|---|\n")
	for _, t := range r.Targets {
		val := "–"
		if t.Value != nil {
			if t.Unit == "s" {
				val = fmt.Sprintf("%.2f s", *t.Value)
			} else {
				val = fmt.Sprintf("%.1f %s", *t.Value, t.Unit)
			}
		}
		verdict := t.Verdict
		if verdict == "not met" {
			verdict = "**not met**"
		}
		if !t.Official {
			verdict += " (reference)"
		}
		fmt.Fprintf(&sb, "| %s | %s | %s | %s | %s |\n", t.Target, t.Engine, val, verdict, t.Breakdown)
	}

	r.typicalMarkdown(&sb)
	r.exportMarkdown(&sb, r.Exports)

	var fails []string
	for _, s := range slices.Concat(r.Summaries, r.ProductType, r.Typical) {
		for _, e := range s.Errors {
			fails = append(fails, fmt.Sprintf("- %s N=%d L=%dms %s: %s", s.Engine, s.N, s.LatencyMs, s.Phase, e))
		}
	}
	if len(fails) > 0 {
		sb.WriteString("\n## Failures\n\n" + strings.Join(fails, "\n") + "\n")
	}
	sb.WriteString("\nChart: [latest.svg](latest.svg) (median wall time against N).\n")
	return sb.String()
}

// thousands writes n with a comma between thousands: 1,200.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
