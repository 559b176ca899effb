# Import a channel by its key (the state then holds its id) ...
terraform import commercetools_channel.warehouse_berlin key=warehouse-berlin

# ... or by its id.
terraform import commercetools_channel.warehouse_berlin 9c6d878e-4421-4cfb-86e5-16f823781b17
