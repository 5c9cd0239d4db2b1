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

# No deadlines anywhere: speed is measured in benchmarks/, and a per-example
# deadline only flakes on a loaded 2-core machine.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def guard() -> phiguard.Guard:
    return phiguard.Guard()


@pytest.fixture(scope="session")
def fast_guard() -> phiguard.Guard:
    return phiguard.Guard(profile="fast")
