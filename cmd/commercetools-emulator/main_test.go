package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

// TestMain lets the test binary act as the command for the signal test.
func TestMain(m *testing.M) {
	if args := os.Getenv("CTP_EMULATOR_TEST_MAIN_ARGS"); args != "" {
		var a []string
		if err := json.Unmarshal([]byte(args), &a); err != nil {
			panic(err)
		}
		os.Args = append([]string{"commercetools-emulator"}, a...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func envMap(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestParseConfig(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		want    config
		wantErr bool
	}{
		{name: "defaults", want: config{addr: defaultAddr, project: emulator.DefaultProject()}},
		{name: "env", env: map[string]string{
			"CTP_EMULATOR_ADDR": ":0", "CTP_EMULATOR_DATA": "/tmp/d", "CTP_EMULATOR_PROJECT_KEY": "env-proj",
			"CTP_EMULATOR_CLIENT_ID": "eid", "CTP_EMULATOR_CLIENT_SECRET": "esecret", "CTP_EMULATOR_SCOPES": "manage_types:env-proj  view_orders:env-proj",
		}, want: config{addr: ":0", dataDir: "/tmp/d", project: emulator.Project{Key: "env-proj", AdminClientID: "eid", AdminClientSecret: "esecret",
			AdminScopes: []string{"manage_types:env-proj", "view_orders:env-proj"}}}},
		{name: "flags win over env", args: []string{"-addr", "127.0.0.1:0", "-project", "flag-proj", "-client-id", "fid", "-client-secret", "fs", "-latency", "50ms", "-log", "-ready-file", "/tmp/r", "-data", "/tmp/x"},
			env: map[string]string{"CTP_EMULATOR_ADDR": ":1", "CTP_EMULATOR_PROJECT_KEY": "env-proj"},
			want: config{addr: "127.0.0.1:0", dataDir: "/tmp/x", readyFile: "/tmp/r", latency: 50 * time.Millisecond, logRequests: true,
				project: emulator.Project{Key: "flag-proj", AdminClientID: "fid", AdminClientSecret: "fs", AdminScopes: emulator.DefaultAdminScopes("flag-proj")}}},
		{name: "bad latency", args: []string{"-latency", "soon"}, wantErr: true},
		{name: "negative latency", args: []string{"-latency", "-1s"}, wantErr: true},
		{name: "unknown flag", args: []string{"-nope"}, wantErr: true},
		{name: "extra args", args: []string{"serve"}, wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseConfig(tc.args, envMap(tc.env), io.Discard)
			if tc.wantErr {
				if err == nil {
					t.Fatal("expected error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			g, w := got, tc.want
			if g.addr != w.addr || g.dataDir != w.dataDir || g.readyFile != w.readyFile || g.latency != w.latency || g.logRequests != w.logRequests ||
				g.project.Key != w.project.Key || g.project.AdminClientID != w.project.AdminClientID || g.project.AdminClientSecret != w.project.AdminClientSecret ||
				strings.Join(g.project.AdminScopes, " ") != strings.Join(w.project.AdminScopes, " ") {
				t.Fatalf("got %+v\nwant %+v", g, w)
			}
		})
	}
}

func TestEnvLineQuoting(t *testing.T) {
	cfg := config{project: emulator.Project{Key: "k", AdminClientID: "id", AdminClientSecret: "it's $x", AdminScopes: []string{"manage_types:k"}}}
	got := envLine(cfg, "http://127.0.0.1:1")
	want := `export CTP_CLIENT_ID=id CTP_CLIENT_SECRET='it'\''s $x' CTP_PROJECT_KEY=k CTP_SCOPES='manage_types:k' CTP_API_URL=http://127.0.0.1:1 CTP_AUTH_URL=http://127.0.0.1:1`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

// lockedBuffer is a goroutine-safe buffer.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func waitFile(t *testing.T, path string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			return strings.TrimSpace(string(b))
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s not written", path)
	return ""
}

func TestRunInProcess(t *testing.T) {
	dir := t.TempDir()
	ready := filepath.Join(dir, "ready")
	cfg, err := parseConfig([]string{"-addr", "127.0.0.1:0", "-data", filepath.Join(dir, "data"), "-ready-file", ready, "-log", "-client-secret", "s3cret"}, envMap(nil), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, cfg, &stdout, &stderr) }()
	base := waitFile(t, ready)
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("ready file holds %q", base)
	}
	out := stdout.String()
	wantLine := "export CTP_CLIENT_ID=emulator-admin CTP_CLIENT_SECRET=s3cret CTP_PROJECT_KEY=my-ct-project-key CTP_SCOPES='manage_project:my-ct-project-key manage_api_clients:my-ct-project-key' CTP_API_URL=" + base + " CTP_AUTH_URL=" + base
	if !strings.Contains(out, "listening on "+base) || !strings.Contains(out, wantLine) {
		t.Fatalf("stdout:\n%s\nwant line:\n%s", out, wantLine)
	}
	req, _ := http.NewRequestWithContext(ctx, "POST", base+"/oauth/token", strings.NewReader(url.Values{"grant_type": {"client_credentials"}}.Encode()))
	req.SetBasicAuth("emulator-admin", "s3cret")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("token: %d", res.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("run did not stop")
	}
	if !strings.Contains(stderr.String(), "POST /oauth/token 200") || strings.Contains(stderr.String(), "s3cret") {
		t.Fatalf("request log:\n%s", stderr.String())
	}
}

func TestRunRefusesCorruptData(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "commercetools-emulator.db"), []byte(strings.Repeat("{broken", 1000)), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, _ := parseConfig([]string{"-addr", "127.0.0.1:0", "-data", dir}, envMap(nil), io.Discard)
	if err := run(context.Background(), cfg, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "not a commercetools emulator database") {
		t.Fatalf("got %v", err)
	}
}

func TestSignalShutdown(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a subprocess")
	}
	dir := t.TempDir()
	ready := filepath.Join(dir, "ready")
	args, _ := json.Marshal([]string{"-addr", "127.0.0.1:0", "-ready-file", ready, "-data", filepath.Join(dir, "data")})
	cmd := exec.CommandContext(t.Context(), os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "CTP_EMULATOR_TEST_MAIN_ARGS="+string(args))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 10)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	base := waitFile(t, ready)
	first, second := <-lines, <-lines
	if !strings.Contains(first, base) || !strings.HasPrefix(second, "export CTP_CLIENT_ID=") {
		t.Fatalf("output %q %q", first, second)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "commercetools-emulator.db")); err != nil {
		t.Fatalf("state not flushed: %v", err)
	}
}
