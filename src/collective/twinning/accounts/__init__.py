"""Nothing tells a visitor whether an account exists (profiles, password resets)."""
