"""Content types: schemas and classes."""
