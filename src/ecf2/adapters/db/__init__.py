"""SQLAlchemy 2 persistence: private rows, mappers, repositories and read models."""
