package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// labdBlock is a block of `providers schema -json` as the incumbent's binary printed it.
type labdBlock struct {
	Attributes map[string]struct {
		Type      json.RawMessage `json:"type"`
		Optional  bool            `json:"optional"`
		Required  bool            `json:"required"`
		Computed  bool            `json:"computed"`
		Sensitive bool            `json:"sensitive"`
	} `json:"attributes"`
	BlockTypes map[string]struct {
		NestingMode string    `json:"nesting_mode"`
		Block       labdBlock `json:"block"`
	} `json:"block_types"`
}

// labdSchemaDifferences are the places where this provider's schema differs from the
// incumbent's on purpose; each is migrated by a state upgrader or reads the incumbent's state as
// it is (the migration tests prove it), and the migration guide says so.
var labdSchemaDifferences = map[string]string{
	// Secrets the incumbent showed in plans: sensitive here, so that no plan or log shows them.
	// Marking a value sensitive that was not plans nothing on either engine (the migration tests
	// switch the incumbent's states holding them with empty plans).
	"commercetools_api_extension.destination.authorization_header: sensitive true, the incumbent's false":       "a credential",
	"commercetools_api_extension.destination.azure_authentication: sensitive true, the incumbent's false":       "a credential",
	"commercetools_project_settings.external_oauth.authorization_header: sensitive true, the incumbent's false": "a credential",
	"commercetools_subscription.destination.api_key: sensitive true, the incumbent's false":                     "a credential",
	"commercetools_subscription.destination.api_secret: sensitive true, the incumbent's false":                  "a credential",
	"commercetools_subscription.destination.connection_string: sensitive true, the incumbent's false":           "a credential",
}

// TestSchemaMatchesLabd checks every attribute and block of every resource type of
// labd/commercetools v1.22.2 (its `providers schema -json`) against this provider's: the same
// name, the same type, the same nesting, the same sensitivity. A configuration written for the
// incumbent then means the same here, and OpenTofu, which plans an update when only the
// sensitivity of a value changes, switches with an empty plan.
func TestSchemaMatchesLabd(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	raw, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "testdata", "labd-v1.22.2-schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		ProviderSchemas map[string]struct {
			ResourceSchemas map[string]struct {
				Version int64     `json:"version"`
				Block   labdBlock `json:"block"`
			} `json:"resource_schemas"`
		} `json:"provider_schemas"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	labd := doc.ProviderSchemas["registry.terraform.io/labd/commercetools"].ResourceSchemas
	if len(labd) == 0 {
		t.Fatal("no resource schemas in the incumbent's schema file")
	}
	srv, err := NewServer(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	ours, err := srv.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	var problems []string
	for typ, theirs := range labd {
		mine, ok := ours.ResourceSchemas[typ]
		if !ok {
			problems = append(problems, typ+": missing")
			continue
		}
		if mine.Version < theirs.Version {
			problems = append(problems, fmt.Sprintf("%s: schema version %d, the incumbent stored %d", typ, mine.Version, theirs.Version))
		}
		compareBlock(typ, theirs.Block, mine.Block, &problems)
	}
	var unexplained []string
	for _, p := range problems {
		if _, ok := labdSchemaDifferences[p]; !ok {
			unexplained = append(unexplained, p)
		}
	}
	sort.Strings(unexplained)
	if len(unexplained) > 0 {
		t.Errorf("%d differences from the incumbent's schema:\n  %s", len(unexplained), strings.Join(unexplained, "\n  "))
	}
	for p := range labdSchemaDifferences {
		found := false
		for _, q := range problems {
			found = found || q == p
		}
		if !found {
			t.Errorf("labdSchemaDifferences lists %q, which is no difference any more: remove it", p)
		}
	}
}

func compareBlock(at string, theirs labdBlock, mine *tfprotov6.SchemaBlock, problems *[]string) {
	attrs := map[string]*tfprotov6.SchemaAttribute{}
	for _, a := range mine.Attributes {
		attrs[a.Name] = a
	}
	blocks := map[string]*tfprotov6.SchemaNestedBlock{}
	for _, b := range mine.BlockTypes {
		blocks[b.TypeName] = b
	}
	for name, ta := range theirs.Attributes {
		p := at + "." + name
		ma, ok := attrs[name]
		if !ok {
			if _, isBlock := blocks[name]; isBlock {
				*problems = append(*problems, p+": an attribute in the incumbent's schema, a block here")
			} else {
				*problems = append(*problems, p+": missing")
			}
			continue
		}
		if got, want := typeString(ma.Type), labdType(ta.Type); got != want {
			*problems = append(*problems, fmt.Sprintf("%s: type %s, the incumbent's %s", p, got, want))
		}
		if ma.Sensitive != ta.Sensitive {
			*problems = append(*problems, fmt.Sprintf("%s: sensitive %v, the incumbent's %v", p, ma.Sensitive, ta.Sensitive))
		}
		if ta.Required && !ma.Required && !ma.Optional || !ta.Computed && !ta.Required && !ta.Optional && (ma.Optional || ma.Required) {
			*problems = append(*problems, p+": settable differently")
		}
	}
	for name, tb := range theirs.BlockTypes {
		p := at + "." + name
		mb, ok := blocks[name]
		if !ok {
			if _, isAttr := attrs[name]; isAttr {
				*problems = append(*problems, p+": a block in the incumbent's schema, an attribute here")
			} else {
				*problems = append(*problems, p+": missing")
			}
			continue
		}
		if got := nesting(mb.Nesting); got != tb.NestingMode {
			*problems = append(*problems, fmt.Sprintf("%s: nesting %s, the incumbent's %s", p, got, tb.NestingMode))
		}
		compareBlock(p, tb.Block, mb.Block, problems)
	}
}

func nesting(n tfprotov6.SchemaNestedBlockNestingMode) string {
	switch n {
	case tfprotov6.SchemaNestedBlockNestingModeList:
		return "list"
	case tfprotov6.SchemaNestedBlockNestingModeSet:
		return "set"
	case tfprotov6.SchemaNestedBlockNestingModeSingle:
		return "single"
	case tfprotov6.SchemaNestedBlockNestingModeMap:
		return "map"
	case tfprotov6.SchemaNestedBlockNestingModeGroup:
		return "group"
	}
	return "?"
}

// typeString renders a type as `providers schema -json` does: "string", ["list","string"], ...
func typeString(t tftypes.Type) string {
	switch {
	case t == nil:
		return "?"
	case t.Is(tftypes.String):
		return `"string"`
	case t.Is(tftypes.Number):
		return `"number"`
	case t.Is(tftypes.Bool):
		return `"bool"`
	case t.Is(tftypes.DynamicPseudoType):
		return `"dynamic"`
	}
	switch tt := t.(type) {
	case tftypes.List:
		return `["list",` + typeString(tt.ElementType) + `]`
	case tftypes.Set:
		return `["set",` + typeString(tt.ElementType) + `]`
	case tftypes.Map:
		return `["map",` + typeString(tt.ElementType) + `]`
	case tftypes.Object:
		names := make([]string, 0, len(tt.AttributeTypes))
		for n := range tt.AttributeTypes {
			names = append(names, n)
		}
		sort.Strings(names)
		parts := make([]string, len(names))
		for i, n := range names {
			parts[i] = fmt.Sprintf("%q:%s", n, typeString(tt.AttributeTypes[n]))
		}
		return `["object",{` + strings.Join(parts, ",") + `}]`
	}
	return t.String()
}

// labdType normalises a type of the schema file to typeString's form.
func labdType(raw json.RawMessage) string {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return string(raw)
	}
	var render func(v any) string
	render = func(v any) string {
		switch x := v.(type) {
		case string:
			return fmt.Sprintf("%q", x)
		case []any:
			if len(x) == 2 {
				if kind, _ := x[0].(string); kind == "object" {
					m, _ := x[1].(map[string]any)
					names := make([]string, 0, len(m))
					for n := range m {
						names = append(names, n)
					}
					sort.Strings(names)
					parts := make([]string, len(names))
					for i, n := range names {
						parts[i] = fmt.Sprintf("%q:%s", n, render(m[n]))
					}
					return `["object",{` + strings.Join(parts, ",") + `}]`
				}
				return fmt.Sprintf(`[%q,%s]`, x[0], render(x[1]))
			}
		}
		b, _ := json.Marshal(v)
		return string(b)
	}
	return render(v)
}
