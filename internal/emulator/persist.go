package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// dbFileName is the embedded database inside Options.DataDir.
const dbFileName = "commercetools-emulator.db"

// legacyStateFileName is the JSON state file of emulators before the embedded database; it is
// imported once and then renamed with a ".imported" suffix.
const legacyStateFileName = "commercetools-emulator-state.json"

// stateFormat marks a database (and a legacy file) as written by this emulator.
const stateFormat = "commercetools-emulator-state"

// dbVersion is the newest database layout this code reads and writes.
const dbVersion = 2

// Bucket layout: "meta" {format, version}; "projects" -> <project key> -> <collection> -> id -> JSON.
var (
	metaBucket     = []byte("meta")
	projectsBucket = []byte("projects")
)

// persister keeps the emulator's records in a bbolt database: one transaction (one fsync) per
// mutation, holding only the records that changed, so a write costs the same with ten records
// or a hundred thousand. bbolt's copy-on-write pages make every commit atomic: a crash leaves
// the last committed state.
type persister struct {
	path string
	db   *bolt.DB
}

func newPersister(dir string) (*persister, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("emulator: data dir %s: %w", dir, err)
	}
	path := filepath.Join(dir, dbFileName)
	if data, err := os.ReadFile(path); err == nil && len(data) > 0 && len(data) < 4096 {
		// bbolt needs at least its two meta pages; anything shorter is not ours.
		return nil, fmt.Errorf("emulator: file %s is not a commercetools emulator database (too short); refusing to use it", path)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 2 * time.Second})
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return nil, fmt.Errorf("emulator: database %s is in use by another emulator", path)
	case err != nil:
		return nil, fmt.Errorf("emulator: file %s is not a commercetools emulator database (it is corrupt or of another program: %w); move it away", path, err)
	}
	ps := &persister{path: path, db: db}
	if err := ps.checkFormat(); err != nil {
		_ = db.Close()
		return nil, err
	}
	return ps, nil
}

// checkFormat writes the format marker into a new database and refuses one with another marker.
func (ps *persister) checkFormat() error {
	return ps.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(metaBucket)
		if meta == nil {
			if tx.Bucket(projectsBucket) != nil || hasBuckets(tx) {
				return fmt.Errorf("emulator: database %s is not a commercetools emulator database (format marker missing); refusing to use it", ps.path)
			}
			m, err := tx.CreateBucket(metaBucket)
			if err != nil {
				return err
			}
			if err := m.Put([]byte("format"), []byte(stateFormat)); err != nil {
				return err
			}
			if err := m.Put([]byte("version"), []byte(strconv.Itoa(dbVersion))); err != nil {
				return err
			}
			_, err = tx.CreateBucket(projectsBucket)
			return err
		}
		if string(meta.Get([]byte("format"))) != stateFormat {
			return fmt.Errorf("emulator: database %s is not a commercetools emulator database (format marker %q missing or different); refusing to use it", ps.path, stateFormat)
		}
		if v, err := strconv.Atoi(string(meta.Get([]byte("version")))); err != nil || v < 2 || v > dbVersion {
			return fmt.Errorf("emulator: database %s has version %q; this emulator reads version %d", ps.path, meta.Get([]byte("version")), dbVersion)
		}
		if tx.Bucket(projectsBucket) == nil {
			_, err := tx.CreateBucket(projectsBucket)
			return err
		}
		return nil
	})
}

func hasBuckets(tx *bolt.Tx) bool {
	found := false
	_ = tx.ForEach(func([]byte, *bolt.Bucket) error { found = true; return nil })
	return found
}

// close releases the database.
func (ps *persister) close() error { return ps.db.Close() }

// load reads every record.
func (ps *persister) load() (map[string]*projectStore, error) {
	out := map[string]*projectStore{}
	err := ps.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(projectsBucket).ForEach(func(pk, _ []byte) error {
			key := string(pk)
			if err := validateProjectKey(key); err != nil {
				return fmt.Errorf("emulator: database %s is corrupt: %w", ps.path, err)
			}
			p := newProjectStore(key)
			pb := tx.Bucket(projectsBucket).Bucket(pk)
			if pb == nil {
				return fmt.Errorf("emulator: database %s is corrupt: project %q is not a bucket", ps.path, key)
			}
			err := pb.ForEach(func(cn, _ []byte) error {
				cb := pb.Bucket(cn)
				if cb == nil {
					return fmt.Errorf("emulator: database %s is corrupt: collection %q is not a bucket", ps.path, cn)
				}
				recs := map[string]json.RawMessage{}
				err := cb.ForEach(func(id, v []byte) error {
					if !json.Valid(v) {
						return fmt.Errorf("emulator: database %s is corrupt: record %s/%s/%s is not JSON", ps.path, key, cn, id)
					}
					recs[string(id)] = bytes.Clone(v)
					return nil
				})
				p.colls[string(cn)] = recs
				return err
			})
			out[key] = p
			return err
		})
	})
	return out, err
}

// save writes the changed records of every project in one transaction.
func (ps *persister) save(projects map[string]*projectStore) error {
	pending := false
	for _, p := range projects {
		pending = pending || len(p.changed) > 0
	}
	if !pending {
		return nil
	}
	err := ps.db.Update(func(tx *bolt.Tx) error {
		root := tx.Bucket(projectsBucket)
		for key, p := range projects {
			if len(p.changed) == 0 {
				continue
			}
			pb, err := root.CreateBucketIfNotExists([]byte(key))
			if err != nil {
				return err
			}
			for coll, ids := range p.changed {
				cb, err := pb.CreateBucketIfNotExists([]byte(coll))
				if err != nil {
					return err
				}
				for id := range ids {
					raw, ok := p.colls[coll][id]
					if !ok {
						err = cb.Delete([]byte(id))
					} else {
						err = cb.Put([]byte(id), raw)
					}
					if err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("emulator: writing %s: %w", ps.path, err)
	}
	return nil
}

// importLegacy loads the JSON state file of older emulators from dir, if there is one and the
// database is still empty, and marks every record to be written. The file is renamed once the
// records are saved (see finishImport).
func importLegacy(dir string, into map[string]*projectStore) (string, error) {
	path := filepath.Join(dir, legacyStateFileName)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("emulator: reading state file %s: %w", path, err)
	}
	if len(into) > 0 {
		return "", nil // already imported (the rename failed); the database wins
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(data, &probe); err != nil {
		return "", fmt.Errorf("emulator: state file %s is corrupt (not valid JSON: %w); move it away or fix it", path, err)
	}
	var format string
	if raw, ok := probe["format"]; !ok || json.Unmarshal(raw, &format) != nil || format != stateFormat {
		return "", fmt.Errorf("emulator: file %s is not a commercetools emulator state file (format marker %q missing or different); refusing to use it", path, stateFormat)
	}
	var st struct {
		Format   string                                           `json:"format"`
		Version  int                                              `json:"version"`
		Projects map[string]map[string]map[string]json.RawMessage `json:"projects"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&st); err != nil {
		return "", fmt.Errorf("emulator: state file %s is corrupt: %w", path, err)
	}
	if st.Version != 1 {
		return "", fmt.Errorf("emulator: state file %s has version %d; this emulator imports version 1", path, st.Version)
	}
	for key, colls := range st.Projects {
		if err := validateProjectKey(key); err != nil {
			return "", fmt.Errorf("emulator: state file %s is corrupt: %w", path, err)
		}
		p := newProjectStore(key)
		for name, recs := range colls {
			for id, raw := range recs {
				p.putRaw(name, id, raw, "")
			}
		}
		into[key] = p
	}
	return path, nil
}
