"""Behaviors of collective.twinning."""
