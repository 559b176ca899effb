package emulator

import (
	"encoding/json"
	"net/http"
	"time"
)

// adminPrefix is the reserved path prefix of the emulator's own endpoints.
// They need no token and are not counted.
const adminPrefix = "/_emulator/"

// faultsRequest is the body of POST /_emulator/faults. Absent fields leave
// the current setting unchanged.
type faultsRequest struct {
	LatencyMs             *int64  `json:"latencyMs"`
	RetryAfter            *string `json:"retryAfter"`
	NormalizeScopesOnRead *bool   `json:"normalizeScopesOnRead"`
	ExpireTokens          bool    `json:"expireTokens"`
	Reset                 bool    `json:"reset"`
	StaleProjectReadsMs   *int64  `json:"staleProjectReadsMs"`
	// UnreachableDestinations: see Faults.UnreachableDestinations (null leaves it, [] turns it off).
	UnreachableDestinations []string `json:"unreachableDestinations"`
	// InheritanceDelayMs: see Faults.DelayInheritance (0 turns it off).
	InheritanceDelayMs *int64 `json:"inheritanceDelayMs"`
	ConcurrentEditNext *struct {
		Method string `json:"method"`
		Route  string `json:"route"`
		Count  int    `json:"count"`
	} `json:"concurrentEditNext"`
	FailNext *struct {
		Method string `json:"method"`
		Route  string `json:"route"`
		Count  int    `json:"count"`
		Status int    `json:"status"`
	} `json:"failNext"`
}

func (e *Emulator) serveAdmin(w http.ResponseWriter, r *http.Request) {
	c := &call{e: e, w: w, r: r}
	switch r.Method + " " + r.URL.Path {
	case "GET /_emulator/counts":
		c.json(http.StatusOK, e.Counts())
	case "POST /_emulator/counts/reset":
		e.ResetCounts()
		c.json(http.StatusOK, e.Counts())
	case "GET /_emulator/health":
		c.json(http.StatusOK, map[string]string{"status": "ok"})
	case "POST /_emulator/faults":
		body, apiErr := c.readBody()
		if apiErr != nil {
			c.fail(apiErr)
			return
		}
		var req faultsRequest
		if err := json.Unmarshal(body, &req); err != nil {
			c.fail(errInvalidJSON(err.Error()))
			return
		}
		f := e.faults
		if req.Reset {
			f.Reset()
		}
		if req.LatencyMs != nil {
			f.SetLatency(time.Duration(*req.LatencyMs) * time.Millisecond)
		}
		if req.RetryAfter != nil {
			f.SetRetryAfter(*req.RetryAfter)
		}
		if req.NormalizeScopesOnRead != nil {
			f.NormalizeScopesOnRead(*req.NormalizeScopesOnRead)
		}
		if req.ExpireTokens {
			f.ExpireTokens()
		}
		if req.StaleProjectReadsMs != nil {
			f.StaleProjectReads(time.Duration(*req.StaleProjectReadsMs) * time.Millisecond)
		}
		if req.UnreachableDestinations != nil {
			f.UnreachableDestinations(req.UnreachableDestinations...)
		}
		if req.InheritanceDelayMs != nil {
			f.DelayInheritance(time.Duration(*req.InheritanceDelayMs) * time.Millisecond)
		}
		if ce := req.ConcurrentEditNext; ce != nil {
			f.ConcurrentEditNext(Match{Method: ce.Method, Route: ce.Route}, ce.Count)
		}
		if fn := req.FailNext; fn != nil {
			f.FailNext(Match{Method: fn.Method, Route: fn.Route}, fn.Count, fn.Status)
		}
		c.json(http.StatusOK, map[string]string{"status": "ok"})
	default:
		c.fail(errRouteNotFound(r.URL.Path))
	}
}
