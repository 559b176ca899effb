package emulator

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// apiClientsColl is the store collection of API clients.
const apiClientsColl = "api-clients"

// defaultAccessTokenValidity is expires_in when the client sets no validity.
const defaultAccessTokenValidity = 172800

// APIClient is a snapshot of a stored API client, including its secret.
type APIClient struct {
	ID, Name, Scope, Secret string
	CreatedAt               time.Time
	LastUsedAt              string // "YYYY-MM-DD" or ""
	DeleteAt                *time.Time

	AccessTokenValiditySeconds, RefreshTokenValiditySeconds, DeleteDaysAfterCreation *int
}

// clientRecord is the stored (and persisted) form of an API client.
type clientRecord struct {
	ID                          string     `json:"id"`
	Name                        string     `json:"name"`
	Scope                       string     `json:"scope"`
	Secret                      string     `json:"secret"`
	CreatedAt                   time.Time  `json:"createdAt"`
	LastUsedAt                  string     `json:"lastUsedAt,omitempty"`
	DeleteAt                    *time.Time `json:"deleteAt,omitempty"`
	AccessTokenValiditySeconds  *int       `json:"accessTokenValiditySeconds,omitempty"`
	RefreshTokenValiditySeconds *int       `json:"refreshTokenValiditySeconds,omitempty"`
	DeleteDaysAfterCreation     *int       `json:"deleteDaysAfterCreation,omitempty"`
}

// apiClientJSON is the API representation of an API client.
type apiClientJSON struct {
	ID                          string `json:"id"`
	Name                        string `json:"name"`
	Scope                       string `json:"scope"`
	Secret                      string `json:"secret,omitempty"`
	CreatedAt                   string `json:"createdAt"`
	LastUsedAt                  string `json:"lastUsedAt,omitempty"`
	DeleteAt                    string `json:"deleteAt,omitempty"`
	AccessTokenValiditySeconds  *int   `json:"accessTokenValiditySeconds,omitempty"`
	RefreshTokenValiditySeconds *int   `json:"refreshTokenValiditySeconds,omitempty"`
}

// toJSON renders the API representation; the secret only when asked.
func (r clientRecord) toJSON(withSecret, normalize bool) apiClientJSON {
	out := apiClientJSON{
		ID: r.ID, Name: r.Name, Scope: r.Scope, CreatedAt: formatTime(r.CreatedAt), LastUsedAt: r.LastUsedAt,
		AccessTokenValiditySeconds: r.AccessTokenValiditySeconds, RefreshTokenValiditySeconds: r.RefreshTokenValiditySeconds,
	}
	if withSecret {
		out.Secret = r.Secret
	}
	if normalize {
		out.Scope = normalizedScope(r.Scope)
	}
	if r.DeleteAt != nil {
		out.DeleteAt = formatTime(*r.DeleteAt)
	}
	return out
}

// queryRecord is the JSON-ish form used by where/sort.
func (r clientRecord) queryRecord() map[string]any {
	m := map[string]any{"id": r.ID, "name": r.Name, "scope": r.Scope, "createdAt": formatTime(r.CreatedAt)}
	if r.LastUsedAt != "" {
		m["lastUsedAt"] = r.LastUsedAt
	}
	if r.DeleteAt != nil {
		m["deleteAt"] = formatTime(*r.DeleteAt)
	}
	return m
}

func (r clientRecord) snapshot() APIClient {
	return APIClient{
		ID: r.ID, Name: r.Name, Scope: r.Scope, Secret: r.Secret, CreatedAt: r.CreatedAt, LastUsedAt: r.LastUsedAt,
		DeleteAt: copyTime(r.DeleteAt), AccessTokenValiditySeconds: copyInt(r.AccessTokenValiditySeconds),
		RefreshTokenValiditySeconds: copyInt(r.RefreshTokenValiditySeconds), DeleteDaysAfterCreation: copyInt(r.DeleteDaysAfterCreation),
	}
}

func copyInt(p *int) *int {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

func copyTime(p *time.Time) *time.Time {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// clientsLocked returns the live clients of a project after removing
// expired ones, ordered by creation time then id. The caller holds e.mu.
func (e *Emulator) clientsLocked(p *projectStore) []clientRecord {
	p.sweep(apiClientsColl, e.now())
	var out []clientRecord
	for _, id := range p.ids(apiClientsColl) {
		var r clientRecord
		if p.get(apiClientsColl, id, &r) {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].CreatedAt.Equal(out[j].CreatedAt) {
			return out[i].CreatedAt.Before(out[j].CreatedAt)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// clientLocked returns one live client. The caller holds e.mu.
func (e *Emulator) clientLocked(p *projectStore, id string) (clientRecord, bool) {
	var r clientRecord
	if p == nil {
		return r, false
	}
	p.sweep(apiClientsColl, e.now())
	ok := p.get(apiClientsColl, id, &r)
	return r, ok
}

// bootstrapLocked makes sure the admin client of a configured project
// exists with the configured secret and scopes. The caller holds e.mu.
func (e *Emulator) bootstrapLocked(pr Project) error {
	p := e.projectLocked(pr.Key, true)
	scopes := pr.AdminScopes
	if len(scopes) == 0 {
		scopes = DefaultAdminScopes(pr.Key)
	}
	for _, s := range scopes {
		sc, err := parseScope(s)
		if err != nil {
			return fmt.Errorf("emulator: project %q admin scopes: %w", pr.Key, err)
		}
		if sc.project != pr.Key {
			return fmt.Errorf("emulator: project %q admin scope %q names another project", pr.Key, s)
		}
	}
	scope := strings.Join(scopes, " ")
	var cur clientRecord
	if p.get(apiClientsColl, pr.AdminClientID, &cur) && cur.Secret == pr.AdminClientSecret && cur.Scope == scope && cur.DeleteAt == nil {
		return nil
	}
	rec := clientRecord{ID: pr.AdminClientID, Name: "emulator-admin", Scope: scope, Secret: pr.AdminClientSecret,
		CreatedAt: apiTime(e.now()), LastUsedAt: cur.LastUsedAt}
	if !cur.CreatedAt.IsZero() {
		rec.CreatedAt = cur.CreatedAt
	}
	return p.put(apiClientsColl, rec.ID, rec)
}

// APIClients returns a snapshot of the live API clients of a project,
// including secrets, sorted by CreatedAt then ID.
func (e *Emulator) APIClients(projectKey string) []APIClient {
	e.mu.Lock()
	defer e.mu.Unlock()
	p := e.projects[projectKey]
	if p == nil {
		return nil
	}
	recs := e.clientsLocked(p)
	_ = e.saveLocked()
	out := make([]APIClient, len(recs))
	for i, r := range recs {
		out[i] = r.snapshot()
	}
	return out
}

// PutAPIClient stores a fixture client as given, keeping its ID and secret
// (generated when empty). CreatedAt defaults to now; DeleteAt is derived
// from DeleteDaysAfterCreation when unset. The project is created if needed.
func (e *Emulator) PutAPIClient(projectKey string, c APIClient) error {
	if err := validateProjectKey(projectKey); err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	if strings.ContainsAny(c.ID, "/?#") {
		return fmt.Errorf("emulator: API client id %q must not contain '/', '?' or '#'", c.ID)
	}
	if strings.TrimSpace(c.Name) == "" {
		return errors.New("emulator: API client name must not be empty")
	}
	rec := clientRecord{
		ID: c.ID, Name: c.Name, Scope: strings.Join(splitScopes(c.Scope), " "), Secret: c.Secret,
		CreatedAt: apiTime(c.CreatedAt), LastUsedAt: c.LastUsedAt, DeleteAt: copyTime(c.DeleteAt),
		AccessTokenValiditySeconds: copyInt(c.AccessTokenValiditySeconds), RefreshTokenValiditySeconds: copyInt(c.RefreshTokenValiditySeconds),
		DeleteDaysAfterCreation: copyInt(c.DeleteDaysAfterCreation),
	}
	if rec.ID == "" {
		rec.ID = newClientID()
	}
	if rec.Secret == "" {
		rec.Secret = newClientSecret()
	}
	if c.CreatedAt.IsZero() {
		rec.CreatedAt = apiTime(e.now())
	}
	if rec.DeleteAt == nil && rec.DeleteDaysAfterCreation != nil {
		t := rec.CreatedAt.Add(time.Duration(*rec.DeleteDaysAfterCreation) * 24 * time.Hour)
		rec.DeleteAt = &t
	}
	if rec.DeleteAt != nil {
		t := apiTime(*rec.DeleteAt)
		rec.DeleteAt = &t
	}
	if apiErr := e.update(projectKey, func(p *projectStore) *apiError {
		if err := p.put(apiClientsColl, rec.ID, rec); err != nil {
			return errGeneral(err.Error())
		}
		return nil
	}); apiErr != nil {
		return fmt.Errorf("emulator: %s", apiErr.message())
	}
	return nil
}

// DeleteAPIClient removes a client out of band (no request is counted) and
// reports whether it existed. Its tokens stop working.
func (e *Emulator) DeleteAPIClient(projectKey, id string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	p := e.projects[projectKey]
	if _, ok := e.clientLocked(p, id); !ok {
		_ = e.saveLocked()
		return false
	}
	p.remove(apiClientsColl, id)
	_ = e.saveLocked()
	return true
}
