"""Transform: replace decided findings in the text."""

from __future__ import annotations

from phiguard.transform.placeholder import placeholder, render

__all__ = ["placeholder", "render"]
