package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// rssSampler polls /proc every interval while a phase runs and keeps the
// largest VmHWM (peak resident set size) seen for any provider process that
// descends from the engine process.
type rssSampler struct {
	enginePid int
	binName   string // base name prefix of the provider executable
	stopCh    chan struct{}
	wg        sync.WaitGroup
	mu        sync.Mutex
	peakKB    int64
	seen      map[int]bool  // provider pids seen
	cpuTicks  map[int]int64 // last utime+stime seen per provider pid
}

const rssInterval = 20 * time.Millisecond

func startRSSSampler(enginePid int, binName string) *rssSampler {
	s := &rssSampler{enginePid: enginePid, binName: binName, stopCh: make(chan struct{}), seen: map[int]bool{},
		cpuTicks: map[int]int64{}}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		t := time.NewTicker(rssInterval)
		defer t.Stop()
		for {
			s.sample()
			select {
			case <-s.stopCh:
				return
			case <-t.C:
			}
		}
	}()
	return s
}

// stop ends the sampling and returns the peak in KiB, the number of
// distinct provider processes observed and their CPU time as last sampled
// (which misses at most one interval per process).
func (s *rssSampler) stop() (peakKB int64, processes int, cpu time.Duration) {
	close(s.stopCh)
	s.wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	var ticks int64
	for _, t := range s.cpuTicks {
		ticks += t
	}
	return s.peakKB, len(s.seen), time.Duration(ticks) * time.Second / clockTicks
}

// clockTicks is USER_HZ, the unit of the CPU times in /proc/PID/stat; it is
// 100 on every Linux architecture Go supports.
const clockTicks = 100

func (s *rssSampler) sample() {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return
	}
	for _, ent := range entries {
		pid, err := strconv.Atoi(ent.Name())
		if err != nil || pid == s.enginePid {
			continue
		}
		if !s.isProvider(pid) {
			continue
		}
		hwm := readVmHWM(pid)
		ticks, ok := cpuTicks(pid)
		s.mu.Lock()
		s.seen[pid] = true
		if hwm > s.peakKB {
			s.peakKB = hwm
		}
		if ok {
			s.cpuTicks[pid] = ticks
		}
		s.mu.Unlock()
	}
}

// isProvider reports whether pid runs the provider binary and is a child or
// grandchild of the engine (other provider processes on the machine, for
// example a colleague's demo, are ignored).
func (s *rssSampler) isProvider(pid int) bool {
	dir := "/proc/" + strconv.Itoa(pid)
	name := ""
	if exe, err := os.Readlink(dir + "/exe"); err == nil {
		name = filepath.Base(strings.TrimSuffix(exe, " (deleted)"))
	} else if cmdline, err := os.ReadFile(dir + "/cmdline"); err == nil {
		name = filepath.Base(string(bytes.SplitN(cmdline, []byte{0}, 2)[0]))
	}
	if !strings.HasPrefix(name, s.binName) {
		return false
	}
	p := pid
	for range 3 {
		p = parentPid(p)
		if p <= 1 {
			return false
		}
		if p == s.enginePid {
			return true
		}
	}
	return false
}

// statFields returns the fields of /proc/PID/stat from field 3 (state) on.
func statFields(pid int) []string {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return nil
	}
	// The command name in field 2 may contain spaces and parentheses: the
	// fields after it start behind the last ')'.
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return nil
	}
	return strings.Fields(string(data[i+1:]))
}

func parentPid(pid int) int {
	f := statFields(pid)
	if len(f) < 2 {
		return 0
	}
	ppid, _ := strconv.Atoi(f[1]) // field 4
	return ppid
}

// cpuTicks returns utime+stime (fields 14 and 15) of pid.
func cpuTicks(pid int) (int64, bool) {
	f := statFields(pid)
	if len(f) < 13 {
		return 0, false
	}
	u, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	return u + st, err1 == nil && err2 == nil
}

func readVmHWM(pid int) int64 {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				v, _ := strconv.ParseInt(f[0], 10, 64)
				return v
			}
		}
	}
	return 0
}
