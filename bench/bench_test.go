package main

import (
	"encoding/xml"
	"io"
	"math"
	"strings"
	"testing"
	"time"
)

func TestFloor(t *testing.T) {
	cases := []struct {
		phase string
		n, l  int
		want  time.Duration
	}{
		{"apply", 100, 50, 550 * time.Millisecond},
		{"apply", 1, 50, 100 * time.Millisecond},
		{"plan", 100, 50, 100 * time.Millisecond},
		{"plan", 1000, 50, 150 * time.Millisecond},
		{"destroy", 1000, 150, 150*time.Millisecond + 2*150*time.Millisecond + 100*150*time.Millisecond},
		{"apply", 1000, 0, 0},
	}
	for _, c := range cases {
		if got := floorFor(c.phase, c.n, c.l); got != c.want {
			t.Errorf("floorFor(%s, %d, %d) = %v, want %v", c.phase, c.n, c.l, got, c.want)
		}
	}
	if ratio(1, 0) != nil {
		t.Error("ratio with a zero floor must be nil (n/a)")
	}
}

func TestMedian(t *testing.T) {
	if m := median([]float64{3, 1, 2}); m != 2 {
		t.Errorf("median = %v", m)
	}
	if m := median([]float64{4, 1, 2, 3}); m != 2.5 {
		t.Errorf("median = %v", m)
	}
	if !math.IsNaN(median(nil)) {
		t.Error("median of nothing must be NaN")
	}
}

func TestLogTicks(t *testing.T) {
	ticks := logTicks(0.3, 17)
	if ticks[0] > 0.3 || ticks[len(ticks)-1] < 17 {
		t.Fatalf("ticks %v do not cover [0.3, 17]", ticks)
	}
	if ticks[0] != 0.2 || ticks[len(ticks)-1] != 20 {
		t.Errorf("ticks = %v, want 0.2 … 20", ticks)
	}
}

func TestSVGIsWellFormed(t *testing.T) {
	r := &report{Engines: []string{"terraform", "tofu"}, Versions: map[string]string{"terraform": "1.5.7", "tofu": "1.12.6"}, Reps: 1}
	for _, eng := range r.Engines {
		for _, n := range []int{1, 100, 1000} {
			for _, l := range []int{0, 50, 150} {
				for _, ph := range []string{"apply", "plan", "destroy"} {
					r.Summaries = append(r.Summaries, SummaryRecord{Engine: eng, N: n, LatencyMs: l, Phase: ph, Reps: 1,
						MedianSec: 0.3 + float64(n*l)/10000})
				}
			}
		}
	}
	doc := r.svg()
	dec := xml.NewDecoder(strings.NewReader(doc))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("invalid SVG: %v", err)
		}
	}
	if got := strings.Count(doc, "<polyline"); got != 12 {
		t.Errorf("%d lines, want 12 (2 engines × 3 latencies × 2 phases)", got)
	}
	md := r.markdown()
	if !strings.Contains(md, "| terraform | 100 | 50 ms | apply |") {
		t.Errorf("markdown lacks a row:\n%s", md)
	}
}

// TestTypicalConfig: the typical project holds the resources its size says, and its plan budget
// is one page per collection at these sizes plus the project.
func TestTypicalConfig(t *testing.T) {
	for _, size := range []int{200, 450} {
		units := typicalUnits(size)
		n := typicalResources(units)
		if n < size*9/10 || n > size*11/10 {
			t.Errorf("size %d: %d units make %d resources", size, units, n)
		}
		for _, labd := range []bool{false, true} {
			cfg := typicalConfig("http://127.0.0.1:1", units, labd)
			if got := strings.Count(cfg, "\nresource \""); got != n {
				t.Errorf("size %d (labd %v): %d resources in the configuration, want %d", size, labd, got, n)
			}
		}
		if got := typicalPlanRequests(units); got != 14 {
			t.Errorf("size %d: plan budget %d requests, want 14 (13 collections of fewer than 500 objects, the project)", size, got)
		}
	}
}
