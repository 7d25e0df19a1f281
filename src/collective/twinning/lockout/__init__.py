"""Login lockout: a brake on password guessing (a PAS plugin of the add-on's own)."""
