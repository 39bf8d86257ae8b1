"""Read models of the Lead Provider API v3, each scoped to one lead provider."""
