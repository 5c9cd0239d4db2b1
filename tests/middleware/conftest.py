"""Middleware tests: a fast Guard, and a fresh fake provider per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import phiguard
from tests.middleware.fake_provider import FakeProvider


@pytest.fixture(scope="session")
def guard() -> phiguard.Guard:
    """The fast profile: the wire, not detection, is under test here."""
    return phiguard.Guard("fast")


@pytest.fixture
def provider() -> Iterator[FakeProvider]:
    with FakeProvider() as server:
        yield server
