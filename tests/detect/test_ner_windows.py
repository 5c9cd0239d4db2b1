"""The name tier asks the NER model only about what the rules leave open."""

from __future__ import annotations

import pathlib
from collections.abc import Sequence

import pytest

import phiguard
from phiguard.detect import names
from phiguard.detect.lexicons import load_lexicons
from phiguard.detect.names import NameRecognizer
from phiguard.detect.ner import PersonModel, load_person_model
from tests.marks import unmark

DATA = pathlib.Path(__file__).parent / "data"
ROWS = [
    unmark(row)[0]
    for name in ("name_positives.txt", "eponym_phrases.txt")
    for row in (DATA / name).read_text(encoding="utf-8").splitlines()
]


class _Recording(PersonModel):
    """The real model, recording what it was asked to read."""

    def __init__(self) -> None:
        self._real = load_person_model()
        self.asked: list[str] = []

    def spans(
        self, texts: Sequence[str], *, batch_size: int = 64, n_process: int = 1
    ) -> list[list[tuple[int, int]]]:
        self.asked.extend(texts)
        return self._real.spans(texts, batch_size=batch_size, n_process=n_process)


def _decisions(recognizer: NameRecognizer, texts: list[str]) -> list[list[tuple[int, int]]]:
    """The names a guard at the default threshold would redact."""
    return [
        [(f.start, f.end) for f in found if f.score >= 0.5] for found in recognizer.find_many(texts)
    ]


def test_text_without_open_name_words_never_reaches_the_model() -> None:
    model = _Recording()
    recognizer = NameRecognizer(load_lexicons(), model)
    texts = [
        "Chiari I malformation with 7 mm tonsillar ectopia.",
        "Dr. Okafor read the CT on 3/4/24.",  # the title makes the rules sure
        "follow-up MRI in 6 months per Fleischner criteria",
    ]
    recognizer.find_many(texts)
    assert model.asked == []


def test_the_model_reads_a_window_around_an_open_word_not_the_whole_text() -> None:
    model = _Recording()
    recognizer = NameRecognizer(load_lexicons(), model)
    filler = "The liver is normal in size and echotexture without focal lesion. " * 6
    text = filler + "Then Kostadinova looked at the films. " + filler
    (found,) = recognizer.find_many([text])
    assert len(model.asked) == 1
    (window,) = model.asked
    assert "Kostadinova" in window and len(window) < len(text) // 4
    assert any(text[f.start : f.end] == "Kostadinova" and f.score >= 0.5 for f in found)


class _WholeText(NameRecognizer):
    """The name tier with the model reading every whole text."""

    def _draft(self, text: str) -> names._Draft:
        draft = super()._draft(text)
        draft.windows[:] = [(0, len(text))] if text else []
        return draft


def test_windows_decide_as_the_model_reading_whole_texts_does() -> None:
    # The gate must not change a decision: every row of the name tables is
    # decided the same with the model reading windows as with it reading
    # every whole text.
    lexicons, model = load_lexicons(), load_person_model()
    windowed = _decisions(NameRecognizer(lexicons, model), ROWS)
    whole = _decisions(_WholeText(lexicons, model), ROWS)
    changed = [row for row, a, b in zip(ROWS, windowed, whole) if a != b]
    assert changed == []


def test_a_stricter_name_threshold_still_asks_the_model() -> None:
    # The rules alone score "John Smith" below 0.85 (the fast profile shows
    # it); with that NAME threshold the model must still be asked about it,
    # or the name would go unredacted.
    text = "Discussed the CT with John Smith this morning."
    strict = phiguard.Guard(policy=phiguard.Policy(thresholds={"NAME": 0.85}))
    names_found = [f for f in strict.scan(text) if f.label == "NAME"]
    assert [text[f.start : f.end] for f in names_found] == ["John Smith"]
    assert phiguard.Guard("fast", policy=strict.policy).scan(text) == []


def test_numpy_matrix_products_give_the_models_own_entities() -> None:
    # load_person_model swaps thinc's BLIS products for numpy's; the
    # entities must be exactly those of the model as shipped.
    import spacy

    from phiguard.detect.ner import _EXCLUDE, MODEL_PACKAGE

    shipped = spacy.load(MODEL_PACKAGE, exclude=list(_EXCLUDE))
    texts = ROWS[::3]
    expected = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in shipped.pipe(texts)]
    ours = load_person_model()._nlp
    got = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in ours.pipe(texts)]
    assert got == expected
    assert sum(map(len, expected)) > 100  # the rows do hold entities


def test_blas_runs_on_one_thread_while_the_model_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    # Threaded BLAS on small products stalls when other cores are busy; the
    # model's products run on one thread, and the process's setting returns.
    import numpy
    from threadpoolctl import threadpool_info, threadpool_limits

    def blas_threads() -> set[int]:
        return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}

    seen: list[set[int]] = []
    matmul = numpy.matmul

    def recording(*args: object, **kwargs: object) -> object:
        seen.append(blas_threads())
        return matmul(*args, **kwargs)

    with threadpool_limits(limits=2, user_api="blas"):
        before = blas_threads()
        monkeypatch.setattr(numpy, "matmul", recording)
        load_person_model().spans(["John Smith called about the CT"])
        monkeypatch.undo()
        assert blas_threads() == before == {2}
    assert seen and all(threads == {1} for threads in seen)
