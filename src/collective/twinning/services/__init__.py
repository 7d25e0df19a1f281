"""REST services of collective.twinning, one sub-package per endpoint family."""
