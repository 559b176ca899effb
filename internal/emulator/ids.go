package emulator

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"time"
)

// timeLayout formats timestamps like the API: RFC 3339, milliseconds, UTC.
const timeLayout = "2006-01-02T15:04:05.000Z"

// dateLayout formats lastUsedAt.
const dateLayout = "2006-01-02"

// randomString returns n random bytes in the URL-safe base64 alphabet
// without padding (4 characters per 3 bytes).
func randomString(nBytes int) string {
	b := make([]byte, nBytes)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// newClientID returns a 24-character API client id.
func newClientID() string { return randomString(18) }

// newClientSecret returns a 32-character API client secret.
func newClientSecret() string { return randomString(24) }

// newAccessToken returns an opaque access token.
func newAccessToken() string { return randomString(24) }

// newUUID returns a random version 4 UUID string.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// formatTime renders t in the API's timestamp format.
func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// apiTime truncates t to the millisecond precision the API exposes.
func apiTime(t time.Time) time.Time { return t.UTC().Truncate(time.Millisecond) }
