"""Browser views of collective.twinning."""
