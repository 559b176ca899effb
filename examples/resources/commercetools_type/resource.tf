# Custom fields for channels: opening hours, a capacity and a localized display name.
resource "commercetools_type" "channel_fields" {
  key               = "channel-fields"
  name              = { en = "Channel fields", de = "Kanalfelder" }
  resource_type_ids = ["channel"]

  field {
    name  = "opening_hours"
    label = { en = "Opening hours" }
    type {
      name = "String"
    }
  }

  field {
    name  = "capacity_parcels_per_day"
    label = { en = "Capacity (parcels per day)" }
    type {
      name = "Number"
    }
  }

  field {
    name  = "display_name"
    label = { en = "Display name" }
    type {
      name = "LocalizedString"
    }
  }

  field {
    name  = "service_level"
    label = { en = "Service level" }
    type {
      name = "Enum"
      value {
        key   = "standard"
        label = "Standard"
      }
      value {
        key   = "express"
        label = "Express"
      }
    }
  }

  field {
    name  = "languages"
    label = { en = "Languages spoken" }
    type {
      name = "Set"
      element_type {
        name = "String"
      }
    }
  }
}
