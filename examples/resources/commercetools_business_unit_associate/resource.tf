# Jana buys for ACME and its divisions; associates the company adds in the storefront are left alone.
resource "commercetools_business_unit_associate" "jana" {
  business_unit_id = commercetools_business_unit_company.acme.id
  customer_id      = "3f1c9a2e-7b4d-4f0e-9c1a-2b3c4d5e6f70"
  role {
    associate_role_key = commercetools_associate_role.buyer.key
  }
}
