// Command commercetools-export writes the configuration objects of a commercetools project as a
// Terraform configuration a team can commit: one file per resource type, references between the
// objects, import blocks with key-based ids, and variables for the secrets the API keeps.
//
//	CTP_CLIENT_ID=… CTP_CLIENT_SECRET=… CTP_PROJECT_KEY=my-project commercetools-export -o exported
//
// The credentials are the provider's (flags or CTP_* variables); the API client needs the view
// scopes of what it exports (manage_project covers all).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/export"
)

var version = "dev"

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("commercetools-export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "commercetools-export", "the folder to write (created if missing)")
	types := fs.String("types", "", "comma-separated resource types to export (default: all), e.g. channel,commercetools_store")
	exclude := fs.String("exclude-types", "", "comma-separated resource types to leave out")
	keys := fs.String("keys", "", "comma-separated keys: export only the objects with one of them (and their children)")
	keyPrefix := fs.String("key-prefix", "", "export only the objects whose key starts with this text (and their children)")
	noWO := fs.Bool("no-write-only", false, "write secrets into plain sensitive attributes, for Terraform before 1.11 (no write-only arguments)")
	settings := map[string]*string{}
	for _, s := range []struct{ name, env, what string }{
		{"client_id", "CTP_CLIENT_ID", "API client id"},
		{"client_secret", "CTP_CLIENT_SECRET", "API client secret (prefer the variable)"},
		{"project_key", "CTP_PROJECT_KEY", "project key"},
		{"scopes", "CTP_SCOPES", "space-separated scopes to request"},
		{"api_url", "CTP_API_URL", "API URL"},
		{"token_url", "CTP_AUTH_URL", "OAuth token URL"},
		{"region", "CTP_REGION", "region, e.g. europe-west1.gcp (instead of the URLs)"},
	} {
		settings[s.name] = fs.String(strings.ReplaceAll(s.name, "_", "-"), "", s.what+" (default: $"+s.env+")")
	}
	showVersion := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *showVersion {
		fmt.Fprintln(stdout, "commercetools-export", version)
		return 0
	}
	opts := export.Options{Provider: map[string]string{}, Version: version, KeyPrefix: *keyPrefix, NoWriteOnly: *noWO,
		Types: split(*types), ExcludeTypes: split(*exclude), Keys: split(*keys)}
	for name, v := range settings {
		if *v != "" {
			opts.Provider[name] = *v
		}
	}
	start := time.Now()
	opts.Progress = func(typ string, n, done, total int) {
		fmt.Fprintf(stderr, "[%d/%d] %-45s %5d objects  %s\n", done, total, typ, n, time.Since(start).Round(100*time.Millisecond))
	}
	res, err := export.Read(ctx, opts)
	if err != nil {
		fmt.Fprintln(stderr, "commercetools-export:", err)
		return 1
	}
	sum, err := export.Write(ctx, res, *out)
	if err != nil {
		fmt.Fprintln(stderr, "commercetools-export:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d resources of %d types to %s (%s) in %s\n", sum.Resources, len(sum.ByType), *out,
		strings.Join(sum.Files, ", "), time.Since(start).Round(100*time.Millisecond))
	fmt.Fprintf(stdout, "%d references between them; %d ids and keys left literal (they name no exported object)\n", sum.References, sum.Literals)
	if len(sum.Variables) > 0 {
		fmt.Fprintf(stdout, "%d secrets to provide as variables (listed in %s/README.md)\n", len(sum.Variables), *out)
	}
	if sum.Orphans > 0 {
		fmt.Fprintf(stdout, "skipped %d child objects (tax rates, zone rates, transitions, associates) whose parent the filters left out\n", sum.Orphans)
	}
	for typ, why := range res.Skipped {
		if why != "not selected" {
			fmt.Fprintf(stdout, "skipped %s: %s\n", typ, why)
		}
	}
	return 0
}

func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
