package main

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Chart geometry (pixels).
const (
	panelW      = 470
	panelH      = 330
	marginLeft  = 70
	marginRight = 20
	marginTop   = 78
	panelGap    = 80
	legendH     = 70
)

var latencyColors = []string{"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"}

type series struct {
	engine  string
	latency int
	points  [][2]float64 // N, median seconds
}

type chartTarget struct {
	phase string
	n     int
	limit float64
}

var chartTargets = []chartTarget{{"apply", 100, 1.05}, {"plan", 100, 0.45}, {"plan", 1000, 1.0}}

// svg draws the median wall time against N (log-scale x and y), one line per
// engine × latency, in one panel for apply and one for plan.
func (r *report) svg() string {
	phases := []string{"apply", "plan"}
	var latencies, ns []int
	for _, s := range r.Summaries {
		if !slices.Contains(latencies, s.LatencyMs) {
			latencies = append(latencies, s.LatencyMs)
		}
		if !slices.Contains(ns, s.N) {
			ns = append(ns, s.N)
		}
	}
	slices.Sort(latencies)
	slices.Sort(ns)

	width := marginLeft + 2*panelW + panelGap + marginRight
	height := marginTop + panelH + legendH + 22*max(len(r.Engines)-1, 0)
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">`+"\n",
		width, height, width, height)
	fmt.Fprintf(&sb, `<rect width="%d" height="%d" fill="white"/>`+"\n", width, height)
	var vers []string
	for _, e := range r.Engines {
		vers = append(vers, e+" "+r.Versions[e])
	}
	fmt.Fprintf(&sb, `<text x="%d" y="24" font-size="16" font-weight="bold">commercetools provider: median wall time against N (-parallelism=%d)</text>`+"\n",
		marginLeft, parallelism)
	fmt.Fprintf(&sb, `<text x="%d" y="42" fill="#555">%s; %d repetition(s) per point (%d for N ≥ %d); both axes log scale</text>`+"\n",
		marginLeft, xmlEscape(strings.Join(vers, ", ")), r.Reps, r.LargeReps, r.LargeN)

	// One y range for both panels, so that they compare at a glance.
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range r.Summaries {
		if (s.Phase == "apply" || s.Phase == "plan") && s.Reps > 0 && s.MedianSec > 0 {
			lo, hi = math.Min(lo, s.MedianSec), math.Max(hi, s.MedianSec)
		}
	}
	for _, t := range chartTargets {
		if slices.Contains(ns, t.n) {
			lo, hi = math.Min(lo, t.limit), math.Max(hi, t.limit)
		}
	}
	if math.IsInf(lo, 1) {
		lo, hi = 0.1, 10
	}
	yTicks := logTicks(lo, hi)
	yMin, yMax := math.Log10(yTicks[0]), math.Log10(yTicks[len(yTicks)-1])

	xMin, xMax := math.Log10(float64(ns[0])), math.Log10(float64(ns[len(ns)-1]))
	xMin, xMax = math.Floor(xMin), math.Ceil(xMax)
	if xMax-xMin < 1 { // a single N: centre it
		xMin, xMax = xMin-1, xMax+1
	}
	pad := 0.08 * (xMax - xMin)
	xLo, xHi := xMin-pad, xMax+pad

	for pi, phase := range phases {
		x0 := float64(marginLeft + pi*(panelW+panelGap))
		y0 := float64(marginTop)
		px := func(n float64) float64 { return x0 + (math.Log10(n)-xLo)/(xHi-xLo)*panelW }
		py := func(v float64) float64 { return y0 + panelH - (math.Log10(v)-yMin)/(yMax-yMin)*panelH }

		fmt.Fprintf(&sb, `<g id="panel-%s">`+"\n", phase)
		fmt.Fprintf(&sb, `<rect x="%.1f" y="%.1f" width="%d" height="%d" fill="#fafafa" stroke="#999"/>`+"\n", x0, y0, panelW, panelH)
		fmt.Fprintf(&sb, `<text x="%.1f" y="%.1f" font-size="14" font-weight="bold" text-anchor="middle">%s</text>`+"\n",
			x0+panelW/2, y0-8, phase)
		// Grid and ticks.
		for _, t := range yTicks {
			y := py(t)
			fmt.Fprintf(&sb, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#ddd"/>`+"\n", x0, y, x0+panelW, y)
			fmt.Fprintf(&sb, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#333"/>`+"\n", x0-5, y, x0, y)
			fmt.Fprintf(&sb, `<text x="%.1f" y="%.1f" text-anchor="end">%s</text>`+"\n", x0-8, y+4, fmtTick(t))
		}
		for e := int(xMin); e <= int(xMax); e++ {
			n := math.Pow(10, float64(e))
			x := px(n)
			fmt.Fprintf(&sb, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#ddd"/>`+"\n", x, y0, x, y0+panelH)
			fmt.Fprintf(&sb, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#333"/>`+"\n", x, y0+panelH, x, y0+panelH+5)
			fmt.Fprintf(&sb, `<text x="%.1f" y="%.1f" text-anchor="middle">%s</text>`+"\n", x, y0+panelH+19, fmtTick(n))
			if e < int(xMax) {
				for m := 2; m <= 9; m++ {
					xm := px(float64(m) * n)
					fmt.Fprintf(&sb, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#333"/>`+"\n", xm, y0+panelH, xm, y0+panelH+3)
				}
			}
		}
		fmt.Fprintf(&sb, `<text x="%.1f" y="%.1f" text-anchor="middle">N (API clients)</text>`+"\n", x0+panelW/2, y0+panelH+38)
		fmt.Fprintf(&sb, `<text transform="translate(%.1f %.1f) rotate(-90)" text-anchor="middle">median wall time (s)</text>`+"\n",
			x0-50, y0+panelH/2)

		// Targets.
		for _, t := range chartTargets {
			if t.phase != phase || !slices.Contains(ns, t.n) {
				continue
			}
			x, y := px(float64(t.n)), py(t.limit)
			fmt.Fprintf(&sb, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#d00" stroke-width="3"/>`+"\n", x-12, y, x+12, y)
			// Label on the side with more room.
			lx, anchor := x-15, "end"
			if x < x0+panelW/2 {
				lx, anchor = x+15, "start"
			}
			fmt.Fprintf(&sb, `<text x="%.1f" y="%.1f" fill="#d00" font-size="10" text-anchor="%s">target %s s</text>`+"\n",
				lx, y+3, anchor, strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", t.limit), "0"), "."))
		}

		// Series.
		for _, s := range r.series(phase) {
			color := latencyColors[slices.Index(latencies, s.latency)%len(latencyColors)]
			dash := ""
			if s.engine != "terraform" {
				dash = ` stroke-dasharray="6 4"`
			}
			var pts []string
			for _, p := range s.points {
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", px(p[0]), py(p[1])))
			}
			fmt.Fprintf(&sb, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"%s/>`+"\n", strings.Join(pts, " "), color, dash)
			for _, p := range s.points {
				sb.WriteString(marker(s.engine, px(p[0]), py(p[1]), color))
				fmt.Fprintf(&sb, `<title>%s N=%d L=%dms %s: %.2f s</title>`+"\n", s.engine, int(p[0]), s.latency, phase, p[1])
			}
		}
		sb.WriteString("</g>\n")
	}

	// Legend: one entry per engine × latency, plus the target marker.
	ly := float64(marginTop + panelH + 58)
	fmt.Fprintf(&sb, `<text x="%d" y="%.1f" font-weight="bold">legend</text>`+"\n", marginLeft, ly)
	col := 0
	for ei, eng := range r.Engines {
		for _, lat := range latencies {
			x := float64(marginLeft + 70 + col*160)
			y := ly + float64(ei)*22
			color := latencyColors[slices.Index(latencies, lat)%len(latencyColors)]
			dash := ""
			if eng != "terraform" {
				dash = ` stroke-dasharray="6 4"`
			}
			fmt.Fprintf(&sb, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2"%s/>`+"\n", x, y-4, x+30, y-4, color, dash)
			sb.WriteString(marker(eng, x+15, y-4, color))
			fmt.Fprintf(&sb, `<text x="%.1f" y="%.1f">%s, %d ms</text>`+"\n", x+36, y, eng, lat)
			col++
		}
		col = 0
	}
	tx := float64(marginLeft + 80 + len(latencies)*160)
	fmt.Fprintf(&sb, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#d00" stroke-width="3"/>`+"\n", tx, ly-4, tx+24, ly-4)
	fmt.Fprintf(&sb, `<text x="%.1f" y="%.1f">target (Terraform, 50 ms)</text>`+"\n", tx+30, ly)
	sb.WriteString("</svg>\n")
	return sb.String()
}

func marker(engine string, x, y float64, color string) string {
	if engine == "terraform" {
		return fmt.Sprintf(`<circle cx="%.1f" cy="%.1f" r="4" fill="%s"/>`+"\n", x, y, color)
	}
	return fmt.Sprintf(`<rect x="%.1f" y="%.1f" width="8" height="8" fill="white" stroke="%s" stroke-width="2"/>`+"\n", x-4, y-4, color)
}

// series returns the successful medians of one phase grouped by engine and
// latency, ordered by N.
func (r *report) series(phase string) []series {
	var out []series
	idx := map[[2]any]int{}
	for _, s := range r.Summaries {
		if s.Phase != phase || s.Reps == 0 || s.MedianSec <= 0 {
			continue
		}
		k := [2]any{s.Engine, s.LatencyMs}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, series{engine: s.Engine, latency: s.LatencyMs})
		}
		out[i].points = append(out[i].points, [2]float64{float64(s.N), s.MedianSec})
	}
	for i := range out {
		slices.SortFunc(out[i].points, func(a, b [2]float64) int { return int(a[0] - b[0]) })
	}
	return out
}

// logTicks returns 1-2-5 ticks that cover [lo, hi] on a log scale.
func logTicks(lo, hi float64) []float64 {
	if lo <= 0 {
		lo = 0.01
	}
	if hi <= lo {
		hi = lo * 10
	}
	var ticks []float64
	start := math.Floor(math.Log10(lo))
	for e := start; ; e++ {
		for _, m := range []float64{1, 2, 5} {
			t := m * math.Pow(10, e)
			// Keep one tick at or below lo and one at or above hi.
			if t > hi {
				if len(ticks) == 0 || ticks[len(ticks)-1] < hi {
					ticks = append(ticks, t)
				}
				return trimLow(ticks, lo)
			}
			ticks = append(ticks, t)
		}
	}
}

// trimLow drops the ticks below the largest tick that is still <= lo.
func trimLow(ticks []float64, lo float64) []float64 {
	first := 0
	for i, t := range ticks {
		if t <= lo*(1+1e-9) {
			first = i
		}
	}
	return ticks[first:]
}

func fmtTick(v float64) string {
	s := fmt.Sprintf("%.3g", v)
	if strings.Contains(s, "e") {
		s = fmt.Sprintf("%.0f", v)
	}
	return s
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
