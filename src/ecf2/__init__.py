"""ECF2: register early career teachers."""

__version__ = "0.1.0"
