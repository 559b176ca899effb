# Import the settings by the key of the project the provider manages.
terraform import commercetools_project_settings.project my-ct-project-key
