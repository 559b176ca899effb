package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// stateFileName is the name of the state file inside Options.DataDir.
const stateFileName = "commercetools-emulator-state.json"

// stateFormat marks a file as written by this emulator.
const stateFormat = "commercetools-emulator-state"

// stateVersion is the newest state file version this code reads and writes.
const stateVersion = 1

// stateFile is the on-disk document.
type stateFile struct {
	Format   string                                           `json:"format"`
	Version  int                                              `json:"version"`
	Projects map[string]map[string]map[string]json.RawMessage `json:"projects"` // project -> collection -> id -> record
}

// persister reads and atomically writes the state file.
type persister struct {
	dir, path string
}

func newPersister(dir string) (*persister, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("emulator: data dir %s: %w", dir, err)
	}
	return &persister{dir: dir, path: filepath.Join(dir, stateFileName)}, nil
}

// load reads the state file. A missing file yields an empty state; leftover
// temporary files from an interrupted write are ignored. A file that is not
// valid JSON or lacks our format marker is refused, never overwritten.
func (ps *persister) load() (map[string]*projectStore, error) {
	out := map[string]*projectStore{}
	data, err := os.ReadFile(ps.path)
	if errors.Is(err, os.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("emulator: reading state file %s: %w", ps.path, err)
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, fmt.Errorf("emulator: state file %s is corrupt (not valid JSON: %w); move it away or fix it", ps.path, err)
	}
	var format string
	if raw, ok := probe["format"]; !ok || json.Unmarshal(raw, &format) != nil || format != stateFormat {
		return nil, fmt.Errorf("emulator: file %s is not a commercetools emulator state file (format marker %q missing or different); refusing to use it", ps.path, stateFormat)
	}
	var st stateFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&st); err != nil {
		return nil, fmt.Errorf("emulator: state file %s is corrupt: %w", ps.path, err)
	}
	if st.Version < 1 || st.Version > stateVersion {
		return nil, fmt.Errorf("emulator: state file %s has version %d; this emulator reads version %d", ps.path, st.Version, stateVersion)
	}
	for key, colls := range st.Projects {
		if err := validateProjectKey(key); err != nil {
			return nil, fmt.Errorf("emulator: state file %s is corrupt: %w", ps.path, err)
		}
		p := newProjectStore(key)
		for name, recs := range colls {
			if recs != nil {
				p.colls[name] = recs
			}
		}
		out[key] = p
	}
	return out, nil
}

// save writes all projects atomically: temp file in the same directory,
// fsync, rename over the state file, fsync of the directory.
func (ps *persister) save(projects map[string]*projectStore) error {
	st := stateFile{Format: stateFormat, Version: stateVersion, Projects: map[string]map[string]map[string]json.RawMessage{}}
	for key, p := range projects {
		st.Projects[key] = p.colls
	}
	data, err := json.MarshalIndent(st, "", " ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(ps.dir, "."+stateFileName+".tmp-*")
	if err != nil {
		return fmt.Errorf("emulator: writing state: %w", err)
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName) // no-op after a successful rename
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("emulator: writing %s: %w", tmpName, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("emulator: syncing %s: %w", tmpName, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("emulator: closing %s: %w", tmpName, err)
	}
	if err := os.Rename(tmpName, ps.path); err != nil {
		return fmt.Errorf("emulator: replacing %s: %w", ps.path, err)
	}
	if d, err := os.Open(ps.dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}
