// Package emulator is an in-memory emulator of the commercetools HTTP API
// (OAuth token endpoint and API resources) for tests and offline use.
//
// The emulator is an [http.Handler]. Resource families register their routes
// with the internal router (see routes.go); the generic pieces they need
// (error bodies, paging/sort/where queries, a per-project record store with
// optional persistence) live in their own files.
package emulator

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

// DefaultProjectKey is the project key used when Options.Projects is empty.
const DefaultProjectKey = "my-ct-project-key"

// DefaultAdminClientID is the client id of the default bootstrap admin client.
const DefaultAdminClientID = "emulator-admin"

// DefaultAdminClientSecret is the client secret of the default bootstrap admin client.
const DefaultAdminClientSecret = "emulator-admin-secret"

// defaultMaxBodyBytes is the request body limit used when Options.MaxBodyBytes is 0.
const defaultMaxBodyBytes = 16 << 20

// Project describes one emulated project and its bootstrap admin API client.
type Project struct {
	Key               string
	AdminClientID     string
	AdminClientSecret string
	AdminScopes       []string
}

// DefaultProject returns the default project with the default admin client,
// holding manage_project and manage_api_clients for DefaultProjectKey.
func DefaultProject() Project {
	return Project{
		Key:               DefaultProjectKey,
		AdminClientID:     DefaultAdminClientID,
		AdminClientSecret: DefaultAdminClientSecret,
		AdminScopes:       DefaultAdminScopes(DefaultProjectKey),
	}
}

// DefaultAdminScopes returns the scopes given to a bootstrap admin client of
// the project with the given key when Project.AdminScopes is empty.
func DefaultAdminScopes(projectKey string) []string {
	return []string{"manage_project:" + projectKey, "manage_api_clients:" + projectKey}
}

// Options configures an Emulator.
type Options struct {
	Projects     []Project        // empty = []Project{DefaultProject()}
	DataDir      string           // "" = memory only; else persistent (an embedded database, one transaction per change)
	Now          func() time.Time // nil = time.Now
	MaxBodyBytes int64            // 0 = 16 MiB
	Log          io.Writer        // optional one line per request, never secrets
}

// Emulator is an in-memory commercetools API. It is safe for concurrent use.
type Emulator struct {
	now     func() time.Time
	maxBody int64
	logw    io.Writer
	logMu   sync.Mutex
	router  *router
	faults  *Faults
	persist *persister // nil when memory only

	// configured are the projects of Options, with their admin clients.
	configured []Project

	mu       sync.Mutex // guards everything below
	projects map[string]*projectStore
	tokens   map[string]*token
	closed   bool

	stats stats
}

// New creates an emulator. With a DataDir it loads the state file found
// there (refusing corrupt or foreign files) and persists every mutation.
func New(opts Options) (*Emulator, error) {
	e := &Emulator{
		now:      opts.Now,
		maxBody:  opts.MaxBodyBytes,
		logw:     opts.Log,
		projects: map[string]*projectStore{},
		tokens:   map[string]*token{},
	}
	if e.now == nil {
		e.now = time.Now
	}
	if e.maxBody <= 0 {
		e.maxBody = defaultMaxBodyBytes
	}
	e.faults = newFaults()
	e.stats.init()
	e.router = newRouter()
	for _, register := range families {
		register(e.router)
	}
	projects := opts.Projects
	if len(projects) == 0 {
		projects = []Project{DefaultProject()}
	}
	for i, p := range projects {
		if err := validateProjectKey(p.Key); err != nil {
			return nil, fmt.Errorf("emulator: project %d: %w", i, err)
		}
		if p.AdminClientID == "" || p.AdminClientSecret == "" {
			return nil, fmt.Errorf("emulator: project %q: admin client id and secret are required", p.Key)
		}
	}
	e.configured = projects
	legacy := ""
	if opts.DataDir != "" {
		ps, err := newPersister(opts.DataDir)
		if err != nil {
			return nil, err
		}
		loaded, err := ps.load()
		if err == nil {
			legacy, err = importLegacy(opts.DataDir, loaded)
		}
		if err != nil {
			_ = ps.close()
			return nil, err
		}
		e.persist = ps
		for key, st := range loaded {
			e.projects[key] = st
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, p := range projects {
		if err := e.bootstrapLocked(p); err != nil {
			return nil, err
		}
	}
	if err := e.saveLocked(); err != nil {
		_ = e.persist.close()
		return nil, err
	}
	if legacy != "" {
		_ = os.Rename(legacy, legacy+".imported")
	}
	return e, nil
}

// validateProjectKey checks a project key for use in paths and scopes.
func validateProjectKey(key string) error {
	if len(key) < 2 || len(key) > 36 {
		return fmt.Errorf("project key %q must be 2 to 36 characters long", key)
	}
	if strings.HasPrefix(key, "_") {
		return fmt.Errorf("project key %q must not start with '_' (reserved for /_emulator)", key)
	}
	for _, r := range key {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') && (r < '0' || r > '9') && r != '-' && r != '_' {
			return fmt.Errorf("project key %q may only contain letters, digits, '-' and '_'", key)
		}
	}
	return nil
}

// project returns the store of a project, creating it when create is set.
// The caller holds e.mu.
func (e *Emulator) projectLocked(key string, create bool) *projectStore {
	p := e.projects[key]
	if p == nil && create {
		p = newProjectStore(key)
		e.projects[key] = p
	}
	return p
}

// Close flushes persistent state and makes the emulator refuse further
// requests with 503. It is safe to call more than once.
func (e *Emulator) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil
	}
	e.closed = true
	err := e.saveLocked()
	if e.persist != nil {
		err = errors.Join(err, e.persist.close())
	}
	return err
}

// Faults returns the fault-injection hooks of the emulator.
func (e *Emulator) Faults() *Faults { return e.faults }

// ServeHTTP implements http.Handler.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	e.serve(w, r)
}
