"""Membership of TwinSpaces and Groups: the roster, its local roles, pupils, joining groups."""
