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
	seen      map[int]bool // provider pids seen
}

const rssInterval = 20 * time.Millisecond

func startRSSSampler(enginePid int, binName string) *rssSampler {
	s := &rssSampler{enginePid: enginePid, binName: binName, stopCh: make(chan struct{}), seen: map[int]bool{}}
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

// stop ends the sampling and returns the peak in KiB and the number of
// distinct provider processes observed.
func (s *rssSampler) stop() (peakKB int64, processes int) {
	close(s.stopCh)
	s.wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.peakKB, len(s.seen)
}

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
		s.mu.Lock()
		s.seen[pid] = true
		if hwm > s.peakKB {
			s.peakKB = hwm
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

func parentPid(pid int) int {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	// The command name in field 2 may contain spaces and parentheses: the
	// fields after it start behind the last ')'.
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(data[i+1:]))
	if len(f) < 2 {
		return 0
	}
	ppid, _ := strconv.Atoi(f[1])
	return ppid
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
