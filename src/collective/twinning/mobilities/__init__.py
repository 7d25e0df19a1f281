"""Erasmus+ mobilities carried by a TwinSpace: their rules."""
