"""The REST fixtures of tests/services (a committed TwinSpace)."""

from tests.services.conftest import twinspace  # noqa: F401
