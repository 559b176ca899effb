# Import a category by its key (the state then holds its id) ...
terraform import commercetools_category.shirts key=shirts

# ... or by its id.
terraform import commercetools_category.shirts 9ec282ff-9f76-404e-b776-7fc93ff28fef
