"""The add-on's PAS plugin: group principals of places and of validators."""
