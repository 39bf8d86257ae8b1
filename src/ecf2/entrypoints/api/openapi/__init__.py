"""The API's OpenAPI document, generated from the routes the API router serves and the
attribute classes its handlers answer with (lead-provider-api-v3 §1.1)."""
