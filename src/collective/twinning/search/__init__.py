"""Faceted searches of the directory: people, organisations, partner postings, projects."""
