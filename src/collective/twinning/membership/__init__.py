"""TwinSpace membership: the roster, its local roles, pupils."""
