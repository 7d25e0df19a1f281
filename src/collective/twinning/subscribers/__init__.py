"""Event subscribers."""
