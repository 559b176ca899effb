package subscription_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/acctest"
)

// extensionsOfEveryKind has one API extension per credential, each secret marked by n.
func extensionsOfEveryKind(n int) string {
	return fmt.Sprintf(`
resource "commercetools_api_extension" "header" {
  key = "header"
  destination {
    type                 = "HTTP"
    url                  = "https://ext.example/header"
    authorization_header = "Bearer leak-header-%[1]d"
  }
  trigger {
    resource_type_id = "order"
    actions          = ["Create"]
  }
}

resource "commercetools_api_extension" "azure" {
  key = "azure"
  destination {
    type                 = "HTTP"
    url                  = "https://acme.azurewebsites.net/api/x"
    azure_authentication = "leak-azure-%[1]d"
  }
  trigger {
    resource_type_id = "cart"
    actions          = ["Create"]
  }
}

resource "commercetools_api_extension" "lambda" {
  key = "lambda"
  destination {
    type          = "AWSLambda"
    arn           = "arn:aws:lambda:eu-central-1:123456789012:function:x"
    access_key    = "LEAKLAMBDAKEY%[1]d"
    access_secret = "leak-lambda-secret-%[1]d"
  }
  trigger {
    resource_type_id = "payment"
    actions          = ["Create"]
  }
}
`, n)
}

// TestSecretsNeverLogged: every credential of subscriptions and API extensions, given in its
// stored (sensitive) form, through create, plan, rotation, a refused change and destroy at
// TF_LOG=trace: none appears in the log or in the output (plans show "(sensitive value)").
func TestSecretsNeverLogged(t *testing.T) {
	acctest.PreCheck(t)
	t.Parallel()
	srv := acctest.NewEmulator(t)
	wd := acctest.NewWorkDir(t)
	logFile := filepath.Join(t.TempDir(), "trace.log")
	wd.Env = append(wd.Env, "TF_LOG=trace", "TF_LOG_PROVIDER=trace", "TF_LOG_SDK=trace", "TF_LOG_PATH="+logFile)
	cfg := func(n int) string {
		return acctest.TerraformBlock(srv) + strings.ReplaceAll(everyKind(n), "-secret-", "-leak-secret-") + extensionsOfEveryKind(n)
	}
	var out strings.Builder
	wd.Write("main.tf", cfg(1))
	out.WriteString(wd.MustRun("init", "-no-color", "-input=false", "-plugin-dir", acctest.BuildProvider(t)))
	out.WriteString(wd.MustRun("apply", "-no-color", "-input=false", "-auto-approve"))
	out.WriteString(wd.MustRun("plan", "-no-color", "-input=false"))
	wd.Write("main.tf", cfg(2))
	out.WriteString(wd.MustRun("apply", "-no-color", "-input=false", "-auto-approve"))
	// A change the API refuses: the error must not carry the secret either.
	srv.Faults().UnreachableDestinations("confluent.cloud")
	wd.Write("main.tf", cfg(3))
	failed, code := wd.Run("apply", "-no-color", "-input=false", "-auto-approve")
	if code == 0 || !strings.Contains(failed, "could not be delivered") {
		t.Fatalf("the apply to an unreachable destination must fail, got %d:\n%s", code, failed)
	}
	out.WriteString(failed)
	srv.Faults().UnreachableDestinations()
	out.WriteString(wd.MustRun("destroy", "-no-color", "-input=false", "-auto-approve"))
	raw, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	log := string(raw)
	for _, want := range []string{"/my-ct-project-key/subscriptions", "/my-ct-project-key/extensions"} {
		if !strings.Contains(log, want) {
			t.Fatalf("the trace log has no %q: the provider's request lines are missing", want)
		}
	}
	for n := 1; n <= 3; n++ {
		for _, s := range []string{"sns-leak-secret-%d", "eventgrid-access-key-%d", "bus-key-%d", "confluent-leak-secret-%d", "CONFLUENTKEY%d",
			"leak-header-%d", "leak-azure-%d", "leak-lambda-secret-%d"} {
			secret := fmt.Sprintf(s, n)
			if strings.Contains(log, secret) {
				t.Errorf("%q appears in the TF_LOG=trace log", secret)
			}
			if strings.Contains(out.String(), secret) {
				t.Errorf("%q appears in the command output", secret)
			}
		}
	}
}
