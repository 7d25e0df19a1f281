"""Professional development: learning events, registrations with a waiting list, certificates."""
