package provider_test

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/provider"
)

// TestRefreshRetainsNoMemoryPerResource refreshes 1,000 clients through the
// provider server, ten at a time as Terraform does, and checks that the live
// heap does not grow with the number of resources: the provider keeps nothing
// per resource once a read is answered (the benchmark's peak RSS is the
// plugin-serving layer's, see README).
func TestRefreshRetainsNoMemoryPerResource(t *testing.T) {
	srv := emulator.NewTestServer(t, emulator.Options{})
	ps, err := providerserver.NewProtocol6WithError(provider.New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	schemas, err := ps.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	configure(t, ps, schemas.Provider.ValueType(), srv)

	rty, ok := schemas.ResourceSchemas["commercetools_api_client"].ValueType().(tftypes.Object)
	if !ok {
		t.Fatal("the resource schema is not an object")
	}
	const n = 1000
	states := make([]tfprotov6.DynamicValue, n)
	for i := range states {
		id := fmt.Sprintf("memtest%017d", i)
		if err := srv.PutAPIClient(srv.Project.Key, emulator.APIClient{ID: id, Name: "m", Scope: "view_products:my-ct-project-key", Secret: "x"}); err != nil {
			t.Fatal(err)
		}
		vals := map[string]tftypes.Value{}
		for k, at := range rty.AttributeTypes {
			vals[k] = tftypes.NewValue(at, nil)
		}
		vals["id"] = tftypes.NewValue(tftypes.String, id)
		vals["name"] = tftypes.NewValue(tftypes.String, "m")
		vals["scope"] = tftypes.NewValue(tftypes.Set{ElementType: tftypes.String},
			[]tftypes.Value{tftypes.NewValue(tftypes.String, "view_products:my-ct-project-key")})
		if states[i], err = tfprotov6.NewDynamicValue(rty, tftypes.NewValue(rty, vals)); err != nil {
			t.Fatal(err)
		}
	}

	live := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	read := func(from, to int) {
		var wg sync.WaitGroup
		sem := make(chan struct{}, 10)
		for i := from; i < to; i++ {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				r, err := ps.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: "commercetools_api_client", CurrentState: &states[i]})
				if err != nil || len(r.Diagnostics) > 0 || r.NewState == nil {
					t.Errorf("read %d: %v %v", i, err, r.Diagnostics)
				}
			}()
		}
		wg.Wait()
	}
	read(0, 100)
	afterFirst := live()
	read(100, n)
	afterAll := live()
	// 900 more reads may not keep more than 2 MiB alive (a few bytes per
	// resource would be the listing snapshot; kilobytes would be a leak).
	if afterAll > afterFirst+2<<20 {
		t.Errorf("live heap grew from %d KiB after 100 reads to %d KiB after %d: memory is kept per resource", afterFirst>>10, afterAll>>10, n)
	}
	t.Logf("live heap: %d KiB after 100 reads, %d KiB after %d", afterFirst>>10, afterAll>>10, n)
}

func configure(t testing.TB, ps tfprotov6.ProviderServer, pty tftypes.Type, srv *emulator.TestServer) {
	t.Helper()
	null := func(ty tftypes.Type) tftypes.Value { return tftypes.NewValue(ty, nil) }
	cfg := tftypes.NewValue(pty, map[string]tftypes.Value{
		"client_id":     tftypes.NewValue(tftypes.String, srv.Project.AdminClientID),
		"client_secret": tftypes.NewValue(tftypes.String, srv.Project.AdminClientSecret),
		"project_key":   tftypes.NewValue(tftypes.String, srv.Project.Key),
		"api_url":       tftypes.NewValue(tftypes.String, srv.URL),
		"token_url":     tftypes.NewValue(tftypes.String, srv.URL),
		"scopes":        null(tftypes.String),
		"region":        null(tftypes.String),
		"max_retries":   null(tftypes.Number),
	})
	dv, err := tfprotov6.NewDynamicValue(pty, cfg)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := ps.ConfigureProvider(context.Background(), &tfprotov6.ConfigureProviderRequest{Config: &dv})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		t.Fatalf("configure: %s: %s", d.Summary, d.Detail)
	}
}
