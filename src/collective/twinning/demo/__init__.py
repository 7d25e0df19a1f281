"""Demo users and content for the collective.twinning:demo profile."""
