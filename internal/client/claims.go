package client

import "sync"

// Claimant names one resource that plans a unique value: its id once it exists, its key, and a
// description for messages. Two claimants are the same resource when they share an id or a key.
type Claimant struct {
	ID, Key, Name string
}

func (a Claimant) same(b Claimant) bool {
	return (a.ID != "" && a.ID == b.ID) || (a.Key != "" && a.Key == b.Key) || (a.ID == "" && a.Key == "" && a.Name == b.Name)
}

type claims struct {
	mu sync.Mutex
	by map[string]map[string]Claimant // pool → value → claimant
}

// Claim records that who plans value in pool (values unique across resources: sort orders) and
// returns the other resource that planned the same value before, if any. Terraform plans every
// resource of a configuration with one configured provider, so this finds two resources of a
// configuration that plan one value. A resource that plans another value gives up its earlier
// one.
func (c *Client) Claim(pool, value string, who Claimant) (other Claimant, taken bool) {
	c.claims.mu.Lock()
	defer c.claims.mu.Unlock()
	if c.claims.by == nil {
		c.claims.by = map[string]map[string]Claimant{}
	}
	m := c.claims.by[pool]
	if m == nil {
		m = map[string]Claimant{}
		c.claims.by[pool] = m
	}
	for v, w := range m {
		if v != value && w.same(who) {
			delete(m, v)
		}
	}
	if prev, ok := m[value]; ok && !prev.same(who) {
		return prev, true
	}
	m[value] = who
	return Claimant{}, false
}
