"""Shim for tools that still call setup.py (zc.buildout's develop): the metadata is in pyproject.toml."""

from setuptools import setup


setup()
