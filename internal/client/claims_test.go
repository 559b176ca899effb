package client

import "testing"

func TestClaim(t *testing.T) {
	c := &Client{}
	a := Claimant{Key: "a", Name: "A"}
	if _, taken := c.Claim("cart", "0.5", a); taken {
		t.Fatal("first claim taken")
	}
	// The same resource once it exists (same key, now with an id) keeps its value.
	a2 := Claimant{ID: "id-a", Key: "a", Name: "A"}
	if _, taken := c.Claim("cart", "0.5", a2); taken {
		t.Fatal("the same resource collided with itself")
	}
	// ... and after a key change (same id).
	a3 := Claimant{ID: "id-a", Key: "a2", Name: "A"}
	if _, taken := c.Claim("cart", "0.5", a3); taken {
		t.Fatal("a renamed resource collided with itself")
	}
	b := Claimant{Key: "b", Name: "B"}
	if other, taken := c.Claim("cart", "0.5", b); !taken || other.Key != "a2" {
		t.Fatalf("collision not found: %v %v", other, taken)
	}
	if _, taken := c.Claim("product", "0.5", b); taken {
		t.Fatal("pools are separate")
	}
	// a moves away: its old value is free.
	c.Claim("cart", "0.6", a3)
	if _, taken := c.Claim("cart", "0.5", b); taken {
		t.Fatal("a value given up is still taken")
	}
}
