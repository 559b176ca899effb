data "commercetools_recurrence_policy" "this" {
  key = "biweekly"
}

output "recurrence_policy_id" {
  value = data.commercetools_recurrence_policy.this.id
}
