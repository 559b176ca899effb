package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

// The command exports a seeded project with its filters and reports what it wrote and skipped.
func TestRun(t *testing.T) {
	srv := emulator.NewTestServer(t, emulator.Options{})
	if _, err := srv.Seed(&emulator.Seed{Objects: emulator.SampleProject(1)}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"-o", out, "-types", "channel,tax_category,tax_category_rate", "-key-prefix", "seed-channel-1",
		"-client-id", srv.Project.AdminClientID, "-client-secret", srv.Project.AdminClientSecret, "-project-key", srv.Project.Key,
		"-api-url", srv.URL, "-token-url", srv.URL}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d:\n%s%s", code, stdout.String(), stderr.String())
	}
	b, err := os.ReadFile(filepath.Join(out, "channel.tf"))
	if err != nil {
		t.Fatal(err)
	}
	// seed-channel-1, seed-channel-10 ... seed-channel-19 match the prefix at scale 1 (20 channels).
	if n := strings.Count(string(b), `resource "commercetools_channel"`); n != 11 {
		t.Errorf("%d channels exported, want 11:\n%s", n, b)
	}
	if _, err := os.Stat(filepath.Join(out, "tax_category.tf")); err == nil {
		t.Error("tax categories were exported although no key matches the prefix")
	}
	for _, want := range []string{"wrote 11 resources of 1 types", "skipped 15 child objects"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("the summary lacks %q:\n%s", want, stdout.String())
		}
	}
	if !strings.Contains(stderr.String(), "[3/3]") {
		t.Errorf("no progress line:\n%s", stderr.String())
	}
	if code := run(context.Background(), []string{"-nope"}, &stdout, &stderr); code != 2 {
		t.Errorf("a bad flag exits %d, want 2", code)
	}
}
