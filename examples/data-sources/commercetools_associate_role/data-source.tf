data "commercetools_associate_role" "this" {
  key = "buyer"
}

output "associate_role_id" {
  value = data.commercetools_associate_role.this.id
}
