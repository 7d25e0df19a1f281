"""Erasmus+ reports of a project and the portal's statistics."""
