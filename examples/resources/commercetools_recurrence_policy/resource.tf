resource "commercetools_recurrence_policy" "biweekly" {
  key  = "biweekly"
  name = { en = "Every two weeks" }
  schedule {
    type          = "standard"
    value         = 2
    interval_unit = "Weeks"
  }
}

resource "commercetools_recurrence_policy" "first_of_month" {
  key = "first-of-month"
  schedule {
    type = "dayOfMonth"
    day  = 1
  }
}
