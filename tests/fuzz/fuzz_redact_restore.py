"""The long fuzz run: atheris (coverage-guided) over redact and restore.

    PYTHONPATH=$PWD python tests/fuzz/fuzz_redact_restore.py -max_total_time=3600

Needs ``pip install ".[fuzz]"`` (atheris). A crash (any exception other than a phiguard
error, or a broken promise) stops the run and writes the input to
``crash-*``; add it to tests/fuzz/test_fuzz_redact_restore.py as an
``@example`` once fixed.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from tests.fuzz.targets import check_redact_restore


def one_input(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096)
    check_redact_restore(text)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
