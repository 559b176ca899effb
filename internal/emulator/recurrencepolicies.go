package emulator

// Recurrence policies (commercetools-api-reference: resources/recurrence-policies.raml and
// types/recurrence-policy: RecurrencePolicyDraft, RecurrencePolicy, RecurrencePolicyScheduleDraft
// with StandardScheduleDraft and DayOfMonthScheduleDraft, IntervalUnit and the update actions
// setKey, setName, setDescription, setSchedule).
//
// What the reference says and the emulator does:
//   - key and schedule are required in the draft; name and description are LocalizedStrings,
//     kept only when sent.
//   - A schedule is {type: "standard", value, intervalUnit: Days|Weeks|Months} or
//     {type: "dayOfMonth", day: 1 to 31}, and is stored as sent (StandardSchedule,
//     DayOfMonthSchedule). A missing or unknown type, a missing value, intervalUnit or day, an
//     unknown intervalUnit, a non-integer value or day, and a property of the other kind are
//     InvalidJsonInput. A day outside 1 to 31 is InvalidInput (the reference's minimum and maximum).
//   - Scopes: view_recurrence_policies for GET and HEAD, manage_recurrence_policies for everything
//     (securedBy in resources/recurrence-policies.raml); manage_project also opens both, as for
//     every project resource.
//   - A policy that a cart discount's recurringOrderScope names cannot be deleted
//     (ReferenceExists, through the cart discounts' refs). Prices and line items, which the
//     reference also names, are not modelled.
//
// Choices where the reference is silent, written down:
//   - value (format int64, no minimum in the reference) must be at least 1: InvalidInput
//     otherwise ("Number of intervals between orders" cannot be zero or negative).
//   - The draft's key has no pattern in the reference; the emulator applies the one of setKey
//     (2 to 256 characters of ^[A-Za-z0-9_-]+$), InvalidInput otherwise.
//   - setKey says "If omitted, any existing value is removed", but the representation requires a
//     key: setKey without key (absent or null) is InvalidOperation, and the key stays.
//   - setName and setDescription without a value (absent or null) remove the field.
//   - No per-project limit on the number of policies.
func init() {
	registerFamily(recurrencePoliciesFamily)
}

// intervalUnits is IntervalUnit (types/recurrence-policy/IntervalUnit.raml).
var intervalUnits = []string{"Days", "Weeks", "Months"}

// scheduleTypes are the discriminator values of RecurrencePolicyScheduleDraft.
var scheduleTypes = []string{"standard", "dayOfMonth"}

var recurrencePoliciesFamily = &family{
	coll: "recurrence-policies", typeID: "recurrence-policy", noun: "RecurrencePolicy",
	view:        []string{"view_recurrence_policies", "manage_project"},
	manage:      []string{"manage_recurrence_policies", "manage_project"},
	keyRequired: true,
	query: querySpec{
		whereFields: setOf("id", "key", "version", "name", "description", "schedule", "createdAt", "lastModifiedAt"),
		sortFields:  setOf("id", "key", "createdAt", "lastModifiedAt", "version"),
	},
	create: createRecurrencePolicy,
	actions: map[string]func(x *vctx, cur doc, a doc) *apiError{
		"setKey":         recurrencePolicySetKey,
		"setName":        setOptionalLocalized("name"),
		"setDescription": setOptionalLocalized("description"),
		"setSchedule":    recurrencePolicySetSchedule,
	},
}

func createRecurrencePolicy(_ *vctx, d doc) (doc, *apiError) {
	f, p := readFields(d)
	f.used["action"] = false
	out := doc{}
	if key, ok := f.key(true); ok {
		out["key"] = key
	}
	for _, k := range []string{"name", "description"} {
		if v, ok := f.localized(k, false); ok {
			out[k] = v
		}
	}
	if s := readSchedule(f.object("schedule", true)); s != nil {
		out["schedule"] = s
	}
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return nil, apiErr
	}
	return out, nil
}

// readSchedule reads a RecurrencePolicyScheduleDraft and returns the RecurrencePolicySchedule.
func readSchedule(f *fields) doc {
	if f == nil {
		return nil
	}
	kind, _ := f.enum("type", true, scheduleTypes)
	var out doc
	switch kind {
	case "standard":
		value, okV := readIntervalCount(f)
		unit, okU := f.enum("intervalUnit", true, intervalUnits)
		if okV && okU {
			out = doc{"type": kind, "value": value, "intervalUnit": unit}
		}
	case "dayOfMonth":
		if day, ok := intIn(f, "day", 1, 31, true); ok {
			out = doc{"type": kind, "day": day}
		}
	default:
		markAllUsed(f)
	}
	f.done()
	return out
}

// readIntervalCount reads StandardScheduleDraft.value: an integer of at least 1.
func readIntervalCount(f *fields) (float64, bool) {
	const k = "value"
	v, ok := f.get(k, true)
	if !ok {
		return 0, false
	}
	n, isNum := v.(float64)
	if !isNum || n != float64(int64(n)) {
		f.p.addShape("%s: an integer is expected", f.path(k))
		return 0, false
	}
	if n < 1 {
		f.p.add(errInvalidInput("Invalid value %v for field '%s': the number of intervals must be at least 1.", n, f.path(k)))
	}
	return n, true
}

func recurrencePolicySetKey(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	key, ok := f.key(false)
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	if !ok {
		return errInvalidOperation("The key of a RecurrencePolicy cannot be removed: setKey needs a key.")
	}
	cur["key"] = key
	return nil
}

func recurrencePolicySetSchedule(_ *vctx, cur doc, a doc) *apiError {
	f, p := readFields(a)
	s := readSchedule(f.object("schedule", true))
	f.done()
	if apiErr := p.err(); apiErr != nil {
		return apiErr
	}
	cur["schedule"] = s
	return nil
}
