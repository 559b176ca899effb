# An attribute group managed elsewhere, by its key: list its attributes.
data "commercetools_attribute_group" "care" {
  key = "care"
}

output "care_attributes" {
  value = data.commercetools_attribute_group.care.attribute[*].key
}
