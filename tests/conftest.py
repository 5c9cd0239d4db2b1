"""Shared fixtures: one Guard per profile for the whole session.

Hypothesis explores new examples on every local run; under CI (``CI`` set,
as ``.ci/run`` is run) it replays a fixed, seeded set, so that a red build
always means a change broke something, and new failures are found (and
fixed) locally first.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

import phiguard

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def guard() -> phiguard.Guard:
    return phiguard.Guard()


@pytest.fixture(scope="session")
def fast_guard() -> phiguard.Guard:
    return phiguard.Guard(profile="fast")
