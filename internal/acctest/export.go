package acctest

import (
	"fmt"
	"strings"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/export"
)

// ExportSecrets writes a tfvars file for the variables of an export as a user would: a value for
// every secret a resource needs, and for the first optional one of each resource (an HTTP
// destination has one authentication at most).
func ExportSecrets(vars []export.Variable) string {
	var b strings.Builder
	seen := map[string]bool{}
	for _, v := range vars {
		if v.Optional && seen[v.Resource] {
			continue
		}
		seen[v.Resource] = seen[v.Resource] || v.Optional
		value := "exported-secret-" + v.Name
		if strings.Contains(v.Attribute, "connection_string") { // what the API checks of one
			value = "Endpoint=sb://exported.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=s;EntityPath=q"
		}
		fmt.Fprintf(&b, "%s = %q\n", v.Name, value)
	}
	return b.String()
}
