# Import a zone rate by <shipping method id>@<shipping zone id>@<currency>.
terraform import commercetools_shipping_zone_rate.standard_dach_eur 419f4b85-3d11-4171-b278-fdcc206e14db@aa0efce9-d24c-4eea-a36a-fcf18c53e8fa@EUR
