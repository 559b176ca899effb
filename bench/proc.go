package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// command prepares cmd to run in its own process group (so that a terminal
// Ctrl-C reaches only the harness, which then stops it deliberately), to be
// killed together with its children when ctx ends, and to die with the
// harness if the harness itself is killed.
func command(ctx context.Context, dir string, env []string, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return killGroup(cmd.Process.Pid) }
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

// killGroup kills the process group led by pid (the engine and the provider
// processes it started).
func killGroup(pid int) error {
	if pid <= 0 {
		return nil
	}
	if err := syscall.Kill(-pid, syscall.SIGKILL); err != nil && !errors.Is(err, syscall.ESRCH) {
		return err
	}
	return nil
}

// buildBinaries builds the provider into the plugin directory layout read by
// `init -plugin-dir` and the standalone emulator.
func buildBinaries(ctx context.Context, root, tmp string) (pluginDir, providerBin, emulatorBin string, err error) {
	pluginDir = filepath.Join(tmp, "plugins")
	providerBin = filepath.Join(pluginDir, providerSource, providerVersion, "linux_amd64",
		"terraform-provider-commercetools_v"+providerVersion)
	if arch := goArch(); arch != "amd64" {
		providerBin = filepath.Join(pluginDir, providerSource, providerVersion, "linux_"+arch,
			"terraform-provider-commercetools_v"+providerVersion)
	}
	emulatorBin = filepath.Join(tmp, "bin", "commercetools-emulator")
	env := append(os.Environ(), "GOWORK=off", "GOFLAGS=-buildvcs=false")
	builds := [][]string{
		{"build", "-ldflags", "-X main.version=" + providerVersion, "-o", providerBin, "."},
		{"build", "-o", emulatorBin, "./cmd/commercetools-emulator"},
	}
	for _, args := range builds {
		start := time.Now()
		cmd := command(ctx, root, env, "go", args...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			return "", "", "", fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out.String())
		}
		logf("built %s in %s", filepath.Base(args[len(args)-2]), time.Since(start).Round(time.Millisecond))
	}
	return pluginDir, providerBin, emulatorBin, nil
}

func goArch() string {
	out, err := exec.Command("go", "env", "GOARCH").Output()
	if err != nil {
		return "amd64"
	}
	return strings.TrimSpace(string(out))
}

// emulator is one running standalone emulator process.
type emulator struct {
	cmd    *exec.Cmd
	url    string
	log    string
	done   chan struct{}
	client *http.Client
}

// Counts mirrors GET /_emulator/counts.
type Counts struct {
	Token   int            `json:"token"`
	API     int            `json:"api"`
	ByRoute map[string]int `json:"byRoute"`
}

func startEmulator(ctx context.Context, bin, dir string, extra ...string) (*emulator, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	ready := filepath.Join(dir, "emulator.ready")
	logPath := filepath.Join(dir, "emulator.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	defer logFile.Close()
	cmd := command(ctx, dir, os.Environ(), bin, append([]string{"-addr", "127.0.0.1:0", "-ready-file", ready}, extra...)...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start emulator: %w", err)
	}
	e := &emulator{cmd: cmd, log: logPath, done: make(chan struct{}),
		client: &http.Client{Timeout: 10 * time.Second}}
	go func() { _ = cmd.Wait(); close(e.done) }()

	deadline := time.Now().Add(60 * time.Second)
	for {
		// The URL is complete once its line ends (the write is not atomic).
		data, _ := os.ReadFile(ready)
		if line, ok := strings.CutSuffix(strings.SplitN(string(data), "\n", 2)[0]+"\n", "\n"); ok &&
			strings.Contains(string(data), "\n") && strings.HasPrefix(strings.TrimSpace(line), "http") {
			line = strings.TrimSpace(line)
			e.url = strings.TrimRight(line, "/")
			break
		}
		select {
		case <-e.done:
			return nil, fmt.Errorf("the emulator exited during start-up:\n%s", tail(logPath, 20))
		case <-ctx.Done():
			e.stop()
			return nil, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			e.stop()
			return nil, fmt.Errorf("the emulator was not ready after 60s:\n%s", tail(logPath, 20))
		}
	}
	return e, nil
}

// stop kills the emulator and waits for it; safe to call more than once.
func (e *emulator) stop() {
	if e == nil || e.cmd.Process == nil {
		return
	}
	select {
	case <-e.done:
		return
	default:
	}
	_ = e.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-e.done:
	case <-time.After(3 * time.Second):
		_ = killGroup(e.cmd.Process.Pid)
		<-e.done
	}
}

func (e *emulator) admin(method, path string, body any, out any) error {
	var rd io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, e.url+path, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := e.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s %s: %s: %s", method, path, resp.Status, strings.TrimSpace(string(data)))
	}
	if out != nil {
		return json.Unmarshal(data, out)
	}
	return nil
}

func (e *emulator) setLatency(ms int) error {
	return e.admin(http.MethodPost, "/_emulator/faults", map[string]int{"latencyMs": ms}, nil)
}

func (e *emulator) resetCounts() error {
	return e.admin(http.MethodPost, "/_emulator/counts/reset", nil, nil)
}

func (e *emulator) counts() (Counts, error) {
	var c Counts
	err := e.admin(http.MethodGet, "/_emulator/counts", nil, &c)
	return c, err
}

// tail returns the last n lines of a file, for error messages.
func tail(path string, n int) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
