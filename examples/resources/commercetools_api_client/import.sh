# Import an API client by its id (the OAuth client_id shown in the Merchant Center).
# The secret cannot be read back from the API, so it is null after the import.
terraform import commercetools_api_client.example <id>
