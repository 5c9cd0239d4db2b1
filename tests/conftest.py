"""Shared fixtures: one Guard per profile for the whole session."""

from __future__ import annotations

import pytest

import phiguard


@pytest.fixture(scope="session")
def guard() -> phiguard.Guard:
    return phiguard.Guard()


@pytest.fixture(scope="session")
def fast_guard() -> phiguard.Guard:
    return phiguard.Guard(profile="fast")
