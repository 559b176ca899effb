package client

// ConfiguredScopes returns the scopes the provider was configured to request
// (empty when it requests every scope of its API client).
func (c *Client) ConfiguredScopes() []string {
	return append([]string(nil), c.cfg.Scopes...)
}
