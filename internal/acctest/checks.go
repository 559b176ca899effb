package acctest

import (
	"context"
	"fmt"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/emulator"
)

// findResource returns the attribute values of a managed resource by address.
func findResource(state *tfjson.State, address string) (map[string]any, error) {
	if state == nil || state.Values == nil || state.Values.RootModule == nil {
		return nil, fmt.Errorf("state is empty")
	}
	for _, r := range state.Values.RootModule.Resources {
		if r.Address == address {
			return r.AttributeValues, nil
		}
	}
	return nil, fmt.Errorf("%s is not in state", address)
}

// StateCheckFunc turns a function into a statecheck.StateCheck.
type StateCheckFunc func(ctx context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse)

// CheckState implements statecheck.StateCheck.
func (f StateCheckFunc) CheckState(ctx context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	f(ctx, req, resp)
}

// ExpectClientOnEmulator checks that the resource's id exists on the
// emulator and, when wantSecret is true, that its state secret is the
// client's real secret.
func ExpectClientOnEmulator(srv *emulator.TestServer, address string, wantSecret bool) statecheck.StateCheck {
	return StateCheckFunc(func(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
		attrs, err := findResource(req.State, address)
		if err != nil {
			resp.Error = err
			return
		}
		id, _ := attrs["id"].(string)
		secret, _ := attrs["secret"].(string)
		for _, c := range srv.APIClients(srv.Project.Key) {
			if c.ID != id {
				continue
			}
			if wantSecret && (secret == "" || secret != c.Secret) {
				resp.Error = fmt.Errorf("%s: the secret in state is not the secret of client %s on the emulator", address, id)
			}
			return
		}
		resp.Error = fmt.Errorf("%s: client %q is in state but not on the emulator", address, id)
	})
}

// ExpectEmulatorClientCount checks how many clients the emulator's default
// project holds, the bootstrap admin client excluded.
func ExpectEmulatorClientCount(srv *emulator.TestServer, want int) statecheck.StateCheck {
	return StateCheckFunc(func(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
		if got := CountClients(srv); got != want {
			resp.Error = fmt.Errorf("emulator holds %d API clients, want %d", got, want)
		}
	})
}

// CountClients counts the clients of the default project, without the admin client.
func CountClients(srv *emulator.TestServer) int {
	n := 0
	for _, c := range srv.APIClients(srv.Project.Key) {
		if c.ID != srv.Project.AdminClientID {
			n++
		}
	}
	return n
}
