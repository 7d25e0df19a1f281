"""Catalog indexers."""
