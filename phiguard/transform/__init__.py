"""Transform: replace decided findings in the text."""

from __future__ import annotations

from phiguard.transform.operators import Context, apply, hash_value
from phiguard.transform.placeholder import placeholder, render
from phiguard.transform.surrogates import originals

__all__ = ["Context", "apply", "hash_value", "originals", "placeholder", "render"]
