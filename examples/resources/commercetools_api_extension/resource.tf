# Validate carts with an HTTP endpoint; the authorization header is sensitive.
resource "commercetools_api_extension" "cart_validation" {
  key           = "cart-validation"
  timeout_in_ms = 1500

  destination {
    type                 = "HTTP"
    url                  = "https://extensions.example.com/cart-validation"
    authorization_header = "Bearer ${var.extension_token}"
  }

  trigger {
    resource_type_id = "cart"
    actions          = ["Create", "Update"]
    condition        = "lineItems is defined"
  }
}

# Export orders to an AWS Lambda; the secret is write-only (Terraform and OpenTofu 1.11 or
# later): it never reaches the state. Change the version to send a new secret.
resource "commercetools_api_extension" "order_export" {
  key = "order-export"

  destination {
    type                     = "AWSLambda"
    arn                      = "arn:aws:lambda:eu-central-1:123456789012:function:order-export"
    access_key               = var.lambda_access_key
    access_secret_wo         = var.lambda_access_secret
    access_secret_wo_version = 1
  }

  trigger {
    resource_type_id = "order"
    actions          = ["Create"]
  }
}

variable "extension_token" {
  type      = string
  sensitive = true
}

variable "lambda_access_key" {
  type = string
}

variable "lambda_access_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}
