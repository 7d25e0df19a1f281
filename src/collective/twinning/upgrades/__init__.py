"""Upgrade steps, one per profile version after the first release (1000)."""
