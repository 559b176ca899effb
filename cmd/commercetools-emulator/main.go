// Command commercetools-emulator serves the in-memory commercetools API
// emulator so Terraform configurations can be tested offline.
//
// Usage:
//
//	commercetools-emulator [-addr 127.0.0.1:8989] [-data DIR] [-project KEY]
//	    [-client-id ID] [-client-secret SECRET] [-scopes 'SCOPE ...']
//	    [-latency 50ms] [-log] [-ready-file PATH]
//
// Every flag falls back to an environment variable (CTP_EMULATOR_ADDR,
// CTP_EMULATOR_DATA, CTP_EMULATOR_PROJECT_KEY, CTP_EMULATOR_CLIENT_ID,
// CTP_EMULATOR_CLIENT_SECRET, CTP_EMULATOR_SCOPES). On start it prints the
// listen URL and an export line with provider settings. SIGINT or SIGTERM
// shut it down gracefully.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

// defaultAddr is the listen address used when neither flag nor env set one.
const defaultAddr = "127.0.0.1:8989"

// config is the parsed command line.
type config struct {
	addr, dataDir, readyFile string
	project                  emulator.Project
	latency                  time.Duration
	logRequests              bool
	seed                     string // seed file
	sample                   int    // scale of the sample project (0: none)
}

// parseConfig reads flags, falling back to environment variables and then
// to defaults.
func parseConfig(args []string, getenv func(string) string, errOut io.Writer) (config, error) {
	env := func(name, def string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return def
	}
	fs := flag.NewFlagSet("commercetools-emulator", flag.ContinueOnError)
	fs.SetOutput(errOut)
	addr := fs.String("addr", env("CTP_EMULATOR_ADDR", defaultAddr), "listen address (host:port; port 0 picks a free port) [CTP_EMULATOR_ADDR]")
	data := fs.String("data", env("CTP_EMULATOR_DATA", ""), "directory for persistent state; empty keeps everything in memory [CTP_EMULATOR_DATA]")
	key := fs.String("project", env("CTP_EMULATOR_PROJECT_KEY", emulator.DefaultProjectKey), "project key [CTP_EMULATOR_PROJECT_KEY]")
	id := fs.String("client-id", env("CTP_EMULATOR_CLIENT_ID", emulator.DefaultAdminClientID), "admin client id [CTP_EMULATOR_CLIENT_ID]")
	secret := fs.String("client-secret", env("CTP_EMULATOR_CLIENT_SECRET", emulator.DefaultAdminClientSecret), "admin client secret [CTP_EMULATOR_CLIENT_SECRET]")
	scopes := fs.String("scopes", env("CTP_EMULATOR_SCOPES", ""), "space-separated admin scopes (default manage_project:KEY manage_api_clients:KEY) [CTP_EMULATOR_SCOPES]")
	latency := fs.Duration("latency", 0, "delay added to every request, e.g. 50ms")
	logReq := fs.Bool("log", false, "print one line per request to stderr")
	ready := fs.String("ready-file", "", "write the listen URL to this file once listening")
	seed := fs.String("seed", env("CTP_EMULATOR_SEED", ""), "a seed file (JSON: {\"objects\": [{\"collection\": \"channels\", \"draft\": {...}}]}) whose objects are created through the API at start-up [CTP_EMULATOR_SEED]")
	sample := fs.Int("seed-sample", 0, "create a sample project of about N×100 objects of most resource types at start-up (after -seed)")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	if fs.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	if *latency < 0 {
		return config{}, errors.New("-latency must not be negative")
	}
	cfg := config{
		addr: *addr, dataDir: *data, readyFile: *ready, latency: *latency, logRequests: *logReq, seed: *seed, sample: *sample,
		project: emulator.Project{Key: *key, AdminClientID: *id, AdminClientSecret: *secret, AdminScopes: strings.Fields(*scopes)},
	}
	if len(cfg.project.AdminScopes) == 0 {
		cfg.project.AdminScopes = emulator.DefaultAdminScopes(*key)
	}
	return cfg, nil
}

// shellQuote quotes s for POSIX shells when needed.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/@%+=,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// envLine is the paste-able export line for the provider.
func envLine(cfg config, url string) string {
	p := cfg.project
	return fmt.Sprintf("export CTP_CLIENT_ID=%s CTP_CLIENT_SECRET=%s CTP_PROJECT_KEY=%s CTP_SCOPES='%s' CTP_API_URL=%s CTP_AUTH_URL=%s",
		shellQuote(p.AdminClientID), shellQuote(p.AdminClientSecret), shellQuote(p.Key),
		strings.ReplaceAll(strings.Join(p.AdminScopes, " "), "'", `'\''`), url, url)
}

// listenURL turns a listener address into a URL clients can use.
func listenURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String()
	}
	host := tcp.IP.String()
	if tcp.IP == nil || tcp.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(tcp.Port))
}

// run serves until ctx is done, then shuts down gracefully.
func run(ctx context.Context, cfg config, stdout, stderr io.Writer) error {
	opts := emulator.Options{Projects: []emulator.Project{cfg.project}, DataDir: cfg.dataDir}
	if cfg.logRequests {
		opts.Log = stderr
	}
	emu, err := emulator.New(opts)
	if err != nil {
		return err
	}
	if err := seedEmulator(emu, cfg, stdout); err != nil {
		_ = emu.Close()
		return err
	}
	emu.Faults().SetLatency(cfg.latency)
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", cfg.addr)
	if err != nil {
		_ = emu.Close()
		return err
	}
	url := listenURL(ln.Addr())
	srv := &http.Server{Handler: emu, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	fmt.Fprintf(stdout, "commercetools emulator listening on %s\n%s\n", url, envLine(cfg, url))
	if f, ok := stdout.(interface{ Sync() error }); ok {
		_ = f.Sync()
	}
	if cfg.readyFile != "" {
		if err := os.WriteFile(cfg.readyFile, []byte(url+"\n"), 0o600); err != nil {
			_ = srv.Close()
			_ = emu.Close()
			return fmt.Errorf("writing ready file: %w", err)
		}
	}
	select {
	case err := <-served:
		_ = emu.Close()
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	shutdownErr := srv.Shutdown(shutdownCtx)
	closeErr := emu.Close()
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return errors.Join(shutdownErr, closeErr)
}

func main() {
	cfg, err := parseConfig(os.Args[1:], os.Getenv, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "commercetools-emulator:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cfg, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "commercetools-emulator:", err)
		os.Exit(1)
	}
}

// seedEmulator creates the objects of the seed file, then the sample project, through the API.
func seedEmulator(emu *emulator.Emulator, cfg config, stdout io.Writer) error {
	var seeds []*emulator.Seed
	if cfg.seed != "" {
		s, err := emulator.ReadSeed(cfg.seed)
		if err != nil {
			return err
		}
		seeds = append(seeds, s)
	}
	if cfg.sample > 0 {
		seeds = append(seeds, &emulator.Seed{Objects: emulator.SampleProject(cfg.sample)})
	}
	for _, s := range seeds {
		counts, err := emu.Seed(s)
		if err != nil {
			return err
		}
		n := 0
		colls := make([]string, 0, len(counts))
		for coll, c := range counts {
			n += c
			colls = append(colls, coll)
		}
		sort.Strings(colls)
		var parts []string
		for _, coll := range colls {
			parts = append(parts, fmt.Sprintf("%s=%d", coll, counts[coll]))
		}
		fmt.Fprintf(stdout, "seeded %d objects: %s\n", n, strings.Join(parts, " "))
	}
	return nil
}
