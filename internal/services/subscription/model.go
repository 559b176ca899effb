package subscription

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/commerce-iac/terraform-provider-commercetools/internal/client"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/flex"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/updates"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/versioned"
	"github.com/commerce-iac/terraform-provider-commercetools/internal/framework/writeonly"
)

// subscription is a Subscription as the API returns it.
type subscription struct {
	ID          string         `json:"id"`
	Version     int64          `json:"version"`
	CreatedAt   time.Time      `json:"createdAt"`
	Key         string         `json:"key,omitempty"`
	Destination destination    `json:"destination"`
	Messages    []notification `json:"messages"`
	Changes     []notification `json:"changes"`
	Events      []notification `json:"events"`
	Format      *format        `json:"format,omitempty"`
}

// destination is a Destination of any kind (discriminated by Type).
type destination struct {
	Type               string `json:"type"`
	QueueURL           string `json:"queueUrl,omitempty"`
	TopicARN           string `json:"topicArn,omitempty"`
	Region             string `json:"region,omitempty"`
	AccountID          string `json:"accountId,omitempty"`
	URI                string `json:"uri,omitempty"`
	ProjectID          string `json:"projectId,omitempty"`
	Topic              string `json:"topic,omitempty"`
	BootstrapServer    string `json:"bootstrapServer,omitempty"`
	Acks               string `json:"acks,omitempty"`
	Key                string `json:"key,omitempty"`
	AccessKey          string `json:"accessKey,omitempty"`
	AccessSecret       string `json:"accessSecret,omitempty"`
	ConnectionString   string `json:"connectionString,omitempty"`
	APIKey             string `json:"apiKey,omitempty"`
	APISecret          string `json:"apiSecret,omitempty"`
	AuthenticationMode string `json:"authenticationMode,omitempty"`
}

// notification is a MessageSubscription, ChangeSubscription or EventSubscription.
type notification struct {
	ResourceTypeID string   `json:"resourceTypeId"`
	Types          []string `json:"types,omitempty"`
}

type format struct {
	Type               string `json:"type"`
	CloudEventsVersion string `json:"cloudEventsVersion,omitempty"`
}

// subscriptionDraft is SubscriptionDraft; empty lists are left out.
type subscriptionDraft struct {
	Key         string         `json:"key,omitempty"`
	Destination destination    `json:"destination"`
	Messages    []notification `json:"messages,omitempty"`
	Changes     []notification `json:"changes,omitempty"`
	Events      []notification `json:"events,omitempty"`
	Format      *format        `json:"format,omitempty"`
}

type action = updates.Action

// model is the state of commercetools_subscription, with the incumbent's names.
type model struct {
	versioned.Common
	Destination []destinationModel  `tfsdk:"destination"`
	Format      []formatModel       `tfsdk:"format"`
	Message     []notificationModel `tfsdk:"message"`
	Changes     []changesModel      `tfsdk:"changes"`
	Event       []notificationModel `tfsdk:"event"`
}

type destinationModel struct {
	Type                      types.String `tfsdk:"type"`
	QueueURL                  types.String `tfsdk:"queue_url"`
	TopicARN                  types.String `tfsdk:"topic_arn"`
	Region                    types.String `tfsdk:"region"`
	AccountID                 types.String `tfsdk:"account_id"`
	URI                       types.String `tfsdk:"uri"`
	ProjectID                 types.String `tfsdk:"project_id"`
	Topic                     types.String `tfsdk:"topic"`
	BootstrapServer           types.String `tfsdk:"bootstrap_server"`
	Acks                      types.String `tfsdk:"acks"`
	Key                       types.String `tfsdk:"key"`
	AccessKey                 types.String `tfsdk:"access_key"`
	AccessKeyWO               types.String `tfsdk:"access_key_wo"`
	AccessKeyWOVersion        types.Int64  `tfsdk:"access_key_wo_version"`
	AccessSecret              types.String `tfsdk:"access_secret"`
	AccessSecretWO            types.String `tfsdk:"access_secret_wo"`
	AccessSecretWOVersion     types.Int64  `tfsdk:"access_secret_wo_version"`
	ConnectionString          types.String `tfsdk:"connection_string"`
	ConnectionStringWO        types.String `tfsdk:"connection_string_wo"`
	ConnectionStringWOVersion types.Int64  `tfsdk:"connection_string_wo_version"`
	APIKey                    types.String `tfsdk:"api_key"`
	APIKeyWO                  types.String `tfsdk:"api_key_wo"`
	APIKeyWOVersion           types.Int64  `tfsdk:"api_key_wo_version"`
	APISecret                 types.String `tfsdk:"api_secret"`
	APISecretWO               types.String `tfsdk:"api_secret_wo"`
	APISecretWOVersion        types.Int64  `tfsdk:"api_secret_wo_version"`
}

type formatModel struct {
	Type               types.String `tfsdk:"type"`
	CloudEventsVersion types.String `tfsdk:"cloud_events_version"`
}

type notificationModel struct {
	ResourceTypeID types.String `tfsdk:"resource_type_id"`
	Types          types.List   `tfsdk:"types"`
}

type changesModel struct {
	ResourceTypeIDs types.List `tfsdk:"resource_type_ids"`
}

func (m *model) dest() destinationModel {
	if len(m.Destination) == 0 {
		return destinationModel{}
	}
	return m.Destination[0]
}

// secrets lists the credentials of a destination model: stored, write-only, version.
func (d *destinationModel) secrets() []struct {
	stored, wo *types.String
	version    *types.Int64
} {
	return []struct {
		stored, wo *types.String
		version    *types.Int64
	}{
		{&d.AccessKey, &d.AccessKeyWO, &d.AccessKeyWOVersion},
		{&d.AccessSecret, &d.AccessSecretWO, &d.AccessSecretWOVersion},
		{&d.ConnectionString, &d.ConnectionStringWO, &d.ConnectionStringWOVersion},
		{&d.APIKey, &d.APIKeyWO, &d.APIKeyWOVersion},
		{&d.APISecret, &d.APISecretWO, &d.APISecretWOVersion},
	}
}

// api is the destination as the API takes it, with the secrets to send.
func (d destinationModel) api() destination {
	v := func(s types.String) string { return s.ValueString() }
	out := destination{Type: v(d.Type)}
	accessKey, accessSecret := writeonly.Value(d.AccessKey, d.AccessKeyWO), writeonly.Value(d.AccessSecret, d.AccessSecretWO)
	switch out.Type {
	case "SQS", "SNS":
		out.QueueURL, out.TopicARN, out.Region = v(d.QueueURL), v(d.TopicARN), v(d.Region)
		out.AuthenticationMode = "IAM"
		if accessKey != "" {
			out.AuthenticationMode, out.AccessKey, out.AccessSecret = "Credentials", accessKey, accessSecret
		}
	case "EventBridge":
		out.Region, out.AccountID = v(d.Region), v(d.AccountID)
	case "EventGrid":
		out.URI, out.AccessKey = v(d.URI), accessKey
	case "AzureServiceBus":
		out.ConnectionString = writeonly.Value(d.ConnectionString, d.ConnectionStringWO)
	case "GoogleCloudPubSub":
		out.ProjectID, out.Topic = v(d.ProjectID), v(d.Topic)
	case "ConfluentCloud":
		out.BootstrapServer, out.Topic, out.Acks, out.Key = v(d.BootstrapServer), v(d.Topic), v(d.Acks), v(d.Key)
		out.APIKey, out.APISecret = writeonly.Value(d.APIKey, d.APIKeyWO), writeonly.Value(d.APISecret, d.APISecretWO)
	}
	return out
}

// sameDestination compares what the state can hold: every field and stored secret, and the
// write-only versions.
func sameDestination(a, b destinationModel) bool {
	for _, d := range []*destinationModel{&a, &b} {
		for _, s := range d.secrets() {
			*s.wo = types.StringNull()
		}
	}
	if a.api() != b.api() {
		return false
	}
	as, bs := a.secrets(), b.secrets()
	for i := range as {
		if !writeonly.SameVersion(*as[i].version, *bs[i].version) {
			return false
		}
	}
	return true
}

func notifications(l []notificationModel) []notification {
	out := make([]notification, 0, len(l))
	for _, n := range l {
		out = append(out, notification{ResourceTypeID: n.ResourceTypeID.ValueString(), Types: flex.Strings(n.Types)})
	}
	slices.SortFunc(out, func(a, b notification) int { return strings.Compare(a.ResourceTypeID, b.ResourceTypeID) })
	return out
}

func changes(l []changesModel) []notification {
	var out []notification
	for _, c := range l {
		for _, id := range flex.Strings(c.ResourceTypeIDs) {
			out = append(out, notification{ResourceTypeID: id})
		}
	}
	return out
}

// effectiveFormat is the format the API uses: Platform when none is given.
func effectiveFormat(l []formatModel) format {
	if len(l) == 0 {
		return format{Type: "Platform"}
	}
	f := format{Type: l[0].Type.ValueString()}
	if f.Type == "CloudEvents" {
		f.CloudEventsVersion = "1.0"
	}
	return f
}

func (m *model) format() *format {
	if len(m.Format) == 0 {
		return nil
	}
	f := effectiveFormat(m.Format)
	return &f
}

func draft(_ context.Context, _ *client.Client, m *model) (any, diag.Diagnostics) {
	return subscriptionDraft{Key: m.Key.ValueString(), Destination: m.dest().api(), Messages: notifications(m.Message),
		Changes: changes(m.Changes), Events: notifications(m.Event), Format: m.format()}, nil
}

// fromConfig copies the write-only secrets from the configuration into the plan.
func fromConfig(ctx context.Context, config tfsdk.Config, plan *model) diag.Diagnostics {
	var c model
	diags := config.Get(ctx, &c)
	if diags.HasError() || len(c.Destination) == 0 || len(plan.Destination) == 0 {
		return diags
	}
	d, cd := plan.Destination[0], c.Destination[0]
	ps, cs := d.secrets(), cd.secrets()
	for i := range ps {
		*ps[i].wo = *cs[i].wo
	}
	plan.Destination = []destinationModel{d}
	return diags
}

var sharedAccessKey = regexp.MustCompile(`SharedAccessKey=[^;]*`)

// keepConnection keeps the prior connection string when it differs from the API's only in the
// SharedAccessKey, which the API masks.
func keepConnection(prior types.String, remote string) types.String {
	strip := func(s string) string { return sharedAccessKey.ReplaceAllString(s, "SharedAccessKey=") }
	switch {
	case prior.IsNull() || prior.ValueString() == "":
		return types.StringNull() // none configured here (write-only, or imported): the mask tells nothing
	case strip(prior.ValueString()) == strip(remote):
		return prior
	}
	return flex.NonEmpty(remote)
}

func flatten(ctx context.Context, _ *client.Client, s *subscription, m *model) diag.Diagnostics {
	prior := m.dest()
	r := s.Destination
	d := destinationModel{
		Type: types.StringValue(r.Type), QueueURL: flex.NonEmpty(r.QueueURL), TopicARN: flex.NonEmpty(r.TopicARN),
		Region: flex.NonEmpty(r.Region), AccountID: flex.NonEmpty(r.AccountID), URI: flex.NonEmpty(r.URI),
		ProjectID: flex.NonEmpty(r.ProjectID), Topic: flex.NonEmpty(r.Topic), BootstrapServer: flex.NonEmpty(r.BootstrapServer),
		Acks: flex.NonEmpty(r.Acks), Key: flex.NonEmpty(r.Key),
		AccessKey: writeonly.Kept(prior.AccessKey, r.AccessKey), AccessSecret: writeonly.Kept(prior.AccessSecret, r.AccessSecret),
		ConnectionString: keepConnection(prior.ConnectionString, r.ConnectionString),
		APIKey:           writeonly.Kept(prior.APIKey, r.APIKey), APISecret: writeonly.Kept(prior.APISecret, r.APISecret),
	}
	ds, ps := d.secrets(), prior.secrets()
	for i := range ds {
		*ds[i].wo = types.StringNull()
		*ds[i].version = *ps[i].version
		if ds[i].version.IsUnknown() {
			*ds[i].version = types.Int64Null()
		}
		if writeonly.InUse(*ps[i].wo, *ps[i].version) {
			// Given write-only: the state holds no copy, even of a value the API returns in clear.
			*ds[i].stored = types.StringNull()
		}
	}
	if r.AuthenticationMode == "IAM" {
		d.AccessKey, d.AccessSecret = types.StringNull(), types.StringNull()
	}
	m.Destination = []destinationModel{d}
	m.Key = flex.NonEmpty(s.Key)
	// Platform is the default: no format block stays none, except after an import, which reads
	// the format as the API reports it (as an export writes it out).
	switch {
	case s.Format == nil || s.Format.Type == "Platform" && len(m.Format) == 0 && !versioned.Importing(ctx):
		m.Format = []formatModel{}
	default:
		f := formatModel{Type: types.StringValue(s.Format.Type), CloudEventsVersion: flex.NonEmpty(s.Format.CloudEventsVersion)}
		if len(m.Format) > 0 && m.Format[0].CloudEventsVersion.IsNull() {
			f.CloudEventsVersion = types.StringNull() // left to the default
		}
		m.Format = []formatModel{f}
	}
	m.Message = flattenNotifications(s.Messages, m.Message)
	m.Event = flattenNotifications(s.Events, m.Event)
	// The API holds one list of resource types; the configuration may spread it over several
	// blocks, which are kept as they are while they name the same types.
	priorChanges := m.Changes
	m.Changes = []changesModel{}
	if len(s.Changes) > 0 {
		ids := make([]string, len(s.Changes))
		for i, c := range s.Changes {
			ids[i] = c.ResourceTypeID
		}
		if p := changes(priorChanges); len(priorChanges) > 0 && updates.SameSet(ids, resourceTypeIDsOf(p)) {
			m.Changes = priorChanges
		} else {
			m.Changes = []changesModel{{ResourceTypeIDs: flex.StringList(ids)}}
		}
	}
	return nil
}

func resourceTypeIDsOf(l []notification) []string {
	out := make([]string, len(l))
	for i, n := range l {
		out[i] = n.ResourceTypeID
	}
	return out
}

// flattenNotifications reads messages or events; "all types" keeps the prior form ([] or none), and
// is none after an import. (The blocks are a set: Terraform matches them by value, so their
// attributes cannot take the prior form the way other attributes do; see package unset.)
func flattenNotifications(remote []notification, prior []notificationModel) []notificationModel {
	priorTypes := map[string]types.List{}
	for _, p := range prior {
		priorTypes[p.ResourceTypeID.ValueString()] = p.Types
	}
	out := make([]notificationModel, 0, len(remote))
	for _, n := range remote {
		t := flex.StringList(n.Types)
		if len(n.Types) == 0 {
			t = types.ListValueMust(types.StringType, []attr.Value{})
			if p, ok := priorTypes[n.ResourceTypeID]; !ok || p.IsNull() {
				t = types.ListNull(types.StringType)
			}
		} else if p, ok := priorTypes[n.ResourceTypeID]; ok && updates.SameSet(flex.Strings(p), n.Types) {
			t = p
		}
		out = append(out, notificationModel{ResourceTypeID: types.StringValue(n.ResourceTypeID), Types: t})
	}
	return out
}

func sameNotifications(a, b []notification) bool {
	return slices.EqualFunc(a, b, func(x, y notification) bool {
		return x.ResourceTypeID == y.ResourceTypeID && updates.SameSet(x.Types, y.Types)
	})
}

// actions sends key and destination changes and the notification lists; the lists that become
// empty go last, because the API lets one be empty only while another is set.
func actions(_ context.Context, _ *client.Client, from, to *model) ([]action, diag.Diagnostics) {
	var out, emptied []action
	if k := to.Key.ValueString(); k != from.Key.ValueString() {
		out = append(out, updates.Act("setKey", "key", flex.String(to.Key)))
	}
	if !sameDestination(from.dest(), to.dest()) {
		out = append(out, updates.Act("changeDestination", "destination", to.dest().api()))
	}
	set := func(name, field string, old, next []notification) {
		if sameNotifications(old, next) {
			return
		}
		if len(next) == 0 {
			emptied = append(emptied, updates.Act(name))
			return
		}
		out = append(out, updates.Act(name, field, next))
	}
	set("setMessages", "messages", notifications(from.Message), notifications(to.Message))
	fc, tc := changes(from.Changes), changes(to.Changes)
	if !updates.SameSet(resourceTypeIDsOf(fc), resourceTypeIDsOf(tc)) {
		if len(tc) == 0 {
			emptied = append(emptied, updates.Act("setChanges"))
		} else {
			out = append(out, updates.Act("setChanges", "changes", tc))
		}
	}
	set("setEvents", "events", notifications(from.Event), notifications(to.Event))
	return append(out, emptied...), nil
}

// formatChanged replaces the subscription when the format it uses changes (none is Platform).
func formatChanged(ctx context.Context, req planmodifier.ListRequest, resp *listplanmodifier.RequiresReplaceIfFuncResponse) {
	var state, plan []formatModel
	if req.State.Raw.IsNull() || req.PlanValue.IsUnknown() {
		return
	}
	resp.Diagnostics.Append(req.StateValue.ElementsAs(ctx, &state, false)...)
	resp.Diagnostics.Append(req.PlanValue.ElementsAs(ctx, &plan, false)...)
	if len(plan) > 0 && plan[0].Type.IsUnknown() {
		return
	}
	resp.RequiresReplace = effectiveFormat(state) != effectiveFormat(plan)
}

// validate checks the destination against its kind (write-only values in view), the format an
// Event Grid destination needs, and that something is subscribed to.
func validate(_ context.Context, c *model) diag.Diagnostics {
	var diags diag.Diagnostics
	if len(c.Message) == 0 && len(c.Changes) == 0 && len(c.Event) == 0 {
		diags.AddError("Nothing to deliver", "A subscription needs at least one message, changes or event block.")
	}
	if len(c.Destination) == 0 || c.Destination[0].Type.IsUnknown() {
		return diags
	}
	d := c.Destination[0]
	at := path.Root("destination").AtListIndex(0)
	kind := d.Type.ValueString()
	fields := map[string]bool{
		"queue_url": !d.QueueURL.IsNull(), "topic_arn": !d.TopicARN.IsNull(), "region": !d.Region.IsNull(),
		"account_id": !d.AccountID.IsNull(), "uri": !d.URI.IsNull(), "project_id": !d.ProjectID.IsNull(), "topic": !d.Topic.IsNull(),
		"bootstrap_server": !d.BootstrapServer.IsNull(), "acks": !d.Acks.IsNull(), "key": !d.Key.IsNull(),
		"access_key":        writeonly.Given(d.AccessKey, d.AccessKeyWO),
		"access_secret":     writeonly.Given(d.AccessSecret, d.AccessSecretWO),
		"connection_string": writeonly.Given(d.ConnectionString, d.ConnectionStringWO),
		"api_key":           writeonly.Given(d.APIKey, d.APIKeyWO),
		"api_secret":        writeonly.Given(d.APISecret, d.APISecretWO),
	}
	required := map[string][]string{
		"SQS": {"queue_url", "region"}, "SNS": {"topic_arn"}, "EventBridge": {"region", "account_id"},
		"EventGrid": {"uri", "access_key"}, "AzureServiceBus": {"connection_string"}, "GoogleCloudPubSub": {"project_id", "topic"},
		"ConfluentCloud": {"bootstrap_server", "api_key", "api_secret", "acks", "topic"},
	}
	allowed := map[string][]string{
		"SQS": {"access_key", "access_secret"}, "SNS": {"access_key", "access_secret"}, "ConfluentCloud": {"key"},
	}
	for _, name := range required[kind] {
		if !fields[name] {
			diags.AddAttributeError(at.AtName(name), "Missing "+name, fmt.Sprintf("A destination of type %s needs %s.", kind, name))
		}
	}
	for _, name := range sortedKeys(fields) {
		if fields[name] && !slices.Contains(required[kind], name) && !slices.Contains(allowed[kind], name) {
			diags.AddAttributeError(at.AtName(name), "Unexpected "+name, fmt.Sprintf("%s does not apply to a destination of type %s.", name, kind))
		}
	}
	if (kind == "SQS" || kind == "SNS") && fields["access_key"] != fields["access_secret"] {
		diags.AddAttributeError(at.AtName("access_secret"), "Incomplete AWS credentials",
			"Give both access_key and access_secret (credentials), or neither (IAM authentication: grant arn:aws:iam::362576667341:user/subscriptions access).")
	}
	formatUnknown := len(c.Format) > 0 && c.Format[0].Type.IsUnknown()
	if !formatUnknown && len(c.Format) > 0 && c.Format[0].Type.ValueString() == "Platform" && c.Format[0].CloudEventsVersion.ValueString() != "" {
		diags.AddAttributeError(path.Root("format").AtListIndex(0).AtName("cloud_events_version"), "No CloudEvents version for Platform",
			"cloud_events_version applies to the CloudEvents format only: remove it, or set type = \"CloudEvents\".")
	}
	if kind == "EventGrid" && !formatUnknown && (len(c.Format) == 0 || c.Format[0].Type.ValueString() != "CloudEvents") {
		diags.AddAttributeError(path.Root("format"), "Event Grid needs CloudEvents",
			`An EventGrid destination takes only the CloudEvents format: add format { type = "CloudEvents" }.`)
	}
	for i, s := range d.secrets() {
		writeonly.Check(&diags, at, []string{"access_key", "access_secret", "connection_string", "api_key", "api_secret"}[i], *s.stored, *s.wo, *s.version)
	}
	return diags
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
