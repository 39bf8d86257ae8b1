"""The pure domain: standard library and attrs only."""
