package emulator

import (
	"net/http"
	"time"
)

// The API Clients family: query, exists, create, get, delete (no update).
func init() { families = append(families, registerAPIClients) }

// Scope names guarding the API Clients endpoints. manage_project does not
// grant access here.
var (
	viewAPIClients   = []string{"view_api_clients", "manage_api_clients"}
	manageAPIClients = []string{"manage_api_clients"}
)

// apiClientsQuery lists the fields usable in where and sort.
var apiClientsQuery = querySpec{
	whereFields: map[string]bool{"id": true, "name": true, "scope": true, "createdAt": true, "lastUsedAt": true, "deleteAt": true},
	sortFields:  map[string]bool{"createdAt": true, "name": true, "id": true},
}

func registerAPIClients(r *router) {
	const coll, item = "/{projectKey}/api-clients", "/{projectKey}/api-clients/{id}"
	r.handle(http.MethodGet, coll, viewAPIClients, queryAPIClients)
	r.handle(http.MethodHead, coll, viewAPIClients, existsAPIClients)
	r.handle(http.MethodPost, coll, manageAPIClients, createAPIClient)
	r.handle(http.MethodGet, item, viewAPIClients, getAPIClient)
	r.handle(http.MethodHead, item, viewAPIClients, getAPIClient)
	r.handle(http.MethodDelete, item, manageAPIClients, deleteAPIClient)
}

// liveClients returns the project's clients after the expiry sweep.
func (c *call) liveClients() []clientRecord {
	var recs []clientRecord
	_ = c.e.update(c.projectKey, func(p *projectStore) *apiError {
		recs = c.e.clientsLocked(p)
		return nil
	})
	return recs
}

func queryAPIClients(c *call) {
	q, apiErr := parseQuery(c.r.URL.Query(), apiClientsQuery, false)
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	recs := c.liveClients()
	rows := make([]map[string]any, len(recs))
	for i, r := range recs {
		rows[i] = r.queryRecord()
	}
	idx, total := q.apply(rows)
	norm := c.e.faults.normalizeOnRead()
	results := make([]apiClientJSON, len(idx))
	for i, j := range idx {
		results[i] = recs[j].toJSON(false, norm)
	}
	c.json(http.StatusOK, q.page(results, len(results), total))
}

func existsAPIClients(c *call) {
	q, apiErr := parseQuery(c.r.URL.Query(), apiClientsQuery, true)
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	for _, r := range c.liveClients() {
		if q.matches(r.queryRecord()) {
			c.empty(http.StatusOK)
			return
		}
	}
	c.empty(http.StatusNotFound)
}

func createAPIClient(c *call) {
	body, apiErr := c.readBody()
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	d, apiErr := decodeClientDraft(body, c.projectKey)
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	now := apiTime(c.e.now())
	rec := clientRecord{
		ID: newClientID(), Name: d.name, Scope: d.scope, Secret: newClientSecret(), CreatedAt: now,
		AccessTokenValiditySeconds: d.accessTTL, RefreshTokenValiditySeconds: d.refreshTTL, DeleteDaysAfterCreation: d.deleteDays,
	}
	if d.deleteDays != nil {
		at := now.Add(time.Duration(*d.deleteDays) * 24 * time.Hour)
		rec.DeleteAt = &at
	}
	apiErr = c.e.update(c.projectKey, func(p *projectStore) *apiError {
		if err := p.put(apiClientsColl, rec.ID, rec); err != nil {
			return errGeneral(err.Error())
		}
		return nil
	})
	c.resourceID = rec.ID
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	c.json(http.StatusCreated, rec.toJSON(true, false))
}

func getAPIClient(c *call) {
	id := c.param("id")
	var rec clientRecord
	found := false
	_ = c.e.update(c.projectKey, func(p *projectStore) *apiError {
		rec, found = c.e.clientLocked(p, id)
		return nil
	})
	if !found {
		c.fail(errNotFound(id))
		return
	}
	c.resourceID = id
	c.json(http.StatusOK, rec.toJSON(false, c.e.faults.normalizeOnRead()))
}

func deleteAPIClient(c *call) {
	id := c.param("id")
	var rec clientRecord
	found := false
	apiErr := c.e.update(c.projectKey, func(p *projectStore) *apiError {
		if rec, found = c.e.clientLocked(p, id); found {
			p.remove(apiClientsColl, id)
		}
		return nil
	})
	if !found {
		c.fail(errNotFound(id))
		return
	}
	c.resourceID = id
	if apiErr != nil {
		c.fail(apiErr)
		return
	}
	c.json(http.StatusOK, rec.toJSON(false, c.e.faults.normalizeOnRead()))
}
