"""Attacker stories over HTTP (functional layer): each finding of the security review as a test.

Each module sets up its own cast; the common answers are here.
"""

# Zope answers 401 to an authenticated user lacking a permission, 403 to a refused action.
DENIED = (401, 403)
