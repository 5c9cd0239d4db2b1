"""The package's shape: cheap silent import, one sorted __all__, layers one way."""

from __future__ import annotations

import ast
import logging
import pathlib
import subprocess
import sys

import pytest

import phiguard

PACKAGE = pathlib.Path(phiguard.__file__).parent
# Stages import only downwards: detect ← decide ← transform ← top level.
LAYERS = {"detect": 0, "decide": 1, "transform": 2}


def test_all_is_sorted_and_exported() -> None:
    assert list(phiguard.__all__) == sorted(phiguard.__all__)
    for name in phiguard.__all__:
        assert hasattr(phiguard, name)


def test_import_loads_no_model_or_framework() -> None:
    code = (
        "import sys, phiguard\n"
        "heavy = [m for m in ('spacy', 'presidio_analyzer', 'presidio_anonymizer', 'thinc',"
        " 'torch', 'openai', 'anthropic', 'litellm', 'regex', 'phiguard.detect')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
    assert result.stderr == ""


def test_detection_loads_with_the_first_use_of_guard() -> None:
    code = (
        "import sys, phiguard\n"
        "assert 'phiguard.detect' not in sys.modules\n"
        "from phiguard import Guard\n"
        "assert 'phiguard.detect' in sys.modules\n"
        "print(phiguard.redact('MRN 00412387').text, Guard is phiguard.Guard)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "MRN [MRN] True"
    with pytest.raises(AttributeError, match="no attribute 'Gaurd'"):
        phiguard.Gaurd  # noqa: B018


def test_package_logger_has_only_a_null_handler() -> None:
    handlers = logging.getLogger("phiguard").handlers
    assert [type(h) for h in handlers] == [logging.NullHandler]


def test_py_typed_ships() -> None:
    assert (PACKAGE / "py.typed").exists()


def _imported_stages(path: pathlib.Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    stages = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "phiguard" and len(parts) > 1 and parts[1] in LAYERS:
                stages.add(parts[1])
    return stages


def test_stages_never_import_upwards() -> None:
    for stage, level in LAYERS.items():
        for path in (PACKAGE / stage).rglob("*.py"):
            for imported in _imported_stages(path):
                assert LAYERS[imported] <= level, f"{path.name} ({stage}) imports {imported}"


def test_base_modules_import_no_stage() -> None:
    for name in ("errors.py", "findings.py", "policy.py", "titles.py"):
        assert _imported_stages(PACKAGE / name) == set(), name
