package client

import (
	"fmt"
	"strings"
)

// checkID rejects ids that would change the request path. noun names the resource in the message.
func checkID(noun, id string) error {
	if strings.TrimSpace(id) == "" || strings.ContainsAny(id, "/?#% \t\r\n") {
		return fmt.Errorf("invalid %s id %q: an id is a non-empty string without '/', '?', '#', '%%' or spaces", noun, id)
	}
	return nil
}

// checkKey rejects keys that would change the request path.
func checkKey(noun, key string) error {
	if strings.TrimSpace(key) == "" || strings.ContainsAny(key, "/?#% \t\r\n") {
		return fmt.Errorf("invalid %s key %q: a key is a non-empty string without '/', '?', '#', '%%' or spaces", noun, key)
	}
	return nil
}

// Ref addresses one resource by id or by key; exactly one is set.
type Ref struct {
	ID, Key string
}

// ByID and ByKey build a Ref.
func ByID(id string) Ref   { return Ref{ID: id} }
func ByKey(key string) Ref { return Ref{Key: key} }

// String renders the ref as the user would write it for an import: the id, or key=<key>.
func (r Ref) String() string {
	if r.Key != "" {
		return "key=" + r.Key
	}
	return r.ID
}

// segment is the path segment that addresses the ref below its collection.
func (r Ref) segment(noun string) (string, error) {
	switch {
	case r.ID != "" && r.Key != "":
		return "", fmt.Errorf("a %s is addressed by id or by key, not both", noun)
	case r.Key != "":
		if err := checkKey(noun, r.Key); err != nil {
			return "", err
		}
		return "key=" + r.Key, nil
	}
	if err := checkID(noun, r.ID); err != nil {
		return "", err
	}
	return r.ID, nil
}

// routeOf returns a request path in the form used in logs and errors: resource ids become {id},
// keys {key}, and the segments of the few deeper shapes ({container}/{key} of custom objects,
// key={storeKey} of in-store paths) are templated as well. The project key stays.
func routeOf(path string) string {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	if len(segs) < 3 || segs[0] == "oauth" {
		return "/" + strings.Join(segs, "/")
	}
	i := 1
	if segs[1] == "in-store" && len(segs) >= 3 {
		if strings.HasPrefix(segs[2], "key=") {
			segs[2] = "key={storeKey}"
		}
		i = 3
	}
	if i+1 < len(segs) {
		item := i + 1
		if segs[i] == "custom-objects" {
			segs[item] = "{container}"
			if item+1 < len(segs) {
				segs[item+1] = "{key}"
			}
			return "/" + strings.Join(segs, "/")
		}
		if strings.HasPrefix(segs[item], "key=") {
			segs[item] = "key={key}"
		} else {
			segs[item] = "{id}"
		}
	}
	return "/" + strings.Join(segs, "/")
}
