package main

import "time"

// floorFor is the round-trip floor of a phase: the time that the emulator's
// latency alone imposes when every request of the phase is sequenced as
// tightly as -parallelism allows. One token request costs one latency L.
//
//	apply   = ceil(N/10)·L + L_token                  (N creates, 10 at a time)
//	plan    = L_token + ceil(N/500)·L                 (refresh: bulk listing, 500 per page)
//	destroy = L_token + ceil(N/500)·L + ceil(N/10)·L  (refresh, then N deletes, 10 at a time)
func floorFor(phase string, n, latencyMs int) time.Duration {
	l := time.Duration(latencyMs) * time.Millisecond
	creates := time.Duration(ceilDiv(n, parallelism)) * l
	pages := time.Duration(ceilDiv(n, listPageSize)) * l
	switch phase {
	case "apply":
		return creates + l
	case "plan":
		return l + pages
	case "destroy":
		return l + pages + creates
	}
	return 0
}

func ceilDiv(a, b int) int {
	if a <= 0 {
		return 0
	}
	return (a + b - 1) / b
}
