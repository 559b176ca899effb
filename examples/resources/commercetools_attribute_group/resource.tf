# The attributes editors see together; naming them through the product type makes Terraform
# create the product type first.
resource "commercetools_attribute_group" "care" {
  key         = "care"
  name        = { en = "Care", de = "Pflege" }
  description = { en = "How to look after the product" }

  attribute {
    key = commercetools_product_type.shirt.attribute[2].name
  }
  attribute {
    key = "material"
  }
}
