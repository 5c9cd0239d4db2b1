"""The docs point at things that exist: security.md's tests, the index's pages."""

from __future__ import annotations

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def test_every_test_security_md_cites_exists() -> None:
    text = (DOCS / "security.md").read_text(encoding="utf-8")
    cited, missing = 0, []
    current: pathlib.Path | None = None
    # `tests/x.py::name`, `tests/x.py`, and `::name` continuing the last file
    for match in re.finditer(r"`(tests/[\w/]+\.py)(?:::(\w+))?`|`::(\w+)`", text):
        if match.group(1):
            current = ROOT / match.group(1)
            if not current.exists():
                missing.append(match.group(1))
                continue
        name = match.group(2) or match.group(3)
        if name and current is not None:
            cited += 1
            if f"def {name}(" not in current.read_text(encoding="utf-8"):
                missing.append(f"{current.relative_to(ROOT)}::{name}")
    assert cited > 20
    assert missing == []


def test_the_index_links_every_doc_and_the_readme_links_the_index() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    pages = {p.name for p in DOCS.glob("*.md")} - {"index.md"}
    linked = set(re.findall(r"\]\(([\w.]+\.md)\)", index))
    assert pages <= linked, pages - linked
    assert all((DOCS / page).exists() for page in linked)
    assert "docs/index.md" in (ROOT / "README.md").read_text(encoding="utf-8")
