"""The numpy reader of the NER component reads the entities spaCy reads."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phiguard.detect.ner import _EXCLUDE, MODEL_PACKAGE, PersonModel, load_person_model
from phiguard.detect.ner_reader import Reader, UnsupportedModel
from tests.detect.test_ner_windows import ROWS
from tests.marks import corpus_texts

Entity = tuple[int, int, str]

#: Texts whose shape the decoder must get right: empty and blank docs,
#: whitespace tokens (no entity begins on one), an entity on the last token,
#: one-token docs, entities back to back.
EDGES = [
    "",
    " ",
    "\n\n",
    "Smith",
    "John Smith",
    "Seen by Dr. John Smith",
    "  John   Smith  \n\n Mary Jones ",
    "Called Mary Ann O'Neil, then Tom, then Acme Corp. on 3/4/2024 at 5 pm in Boston.",
    "SMITH, JOHN MRN 123 DOB 1/2/1960 Jones Mary\nPaul\n\nLee\n",
    "Dr. Hodgkin and Dr. Chiari met Jean-Luc Picard in Paris, France, on Monday.",
]


def _spacy(nlp: Any, texts: Sequence[str], batch: int) -> list[list[Entity]]:
    found: list[list[Entity]] = []
    with nlp.memory_zone():
        for doc in nlp.pipe(texts, batch_size=batch):
            found.append([(e.start, e.end, e.label_) for e in doc.ents])
    return found


def _reader(nlp: Any, reader: Reader, texts: Sequence[str], batch: int) -> list[list[Entity]]:
    found: list[list[Entity]] = []
    with nlp.memory_zone():
        for first in range(0, len(texts), batch):
            found += reader.ents([nlp.make_doc(t) for t in texts[first : first + batch]])
    return found


@pytest.fixture(scope="module")
def shipped() -> Any:
    """The model as packaged, run by spaCy (BLIS products and all)."""
    import spacy

    return spacy.load(MODEL_PACKAGE, exclude=list(_EXCLUDE))


def test_every_entity_of_every_corpus_text_is_spacys(shipped: Any) -> None:
    # Every label, not only PERSON: the decoder follows the whole BILUO
    # system, and an entity of another label changes where a PERSON can start.
    texts = corpus_texts() + ROWS + EDGES
    nlp = load_person_model()._nlp
    expected = _spacy(shipped, texts, 16)
    got = _reader(nlp, Reader(nlp), texts, 16)
    assert [i for i, (a, b) in enumerate(zip(expected, got)) if a != b] == []
    labels = {label for ents in expected for *_, label in ents}
    assert {"PERSON", "ORG", "DATE", "GPE"} <= labels  # the texts exercise the labels


@pytest.mark.parametrize("batch", [1, 3, 64])
def test_batches_of_any_size_read_each_text_alike(shipped: Any, batch: int) -> None:
    texts = EDGES + ROWS[:40] + EDGES
    nlp = load_person_model()._nlp
    assert _reader(nlp, Reader(nlp), texts, batch) == _spacy(shipped, texts, batch)


def test_person_spans_are_character_offsets_of_spacys_persons(shipped: Any) -> None:
    texts = EDGES + ROWS[:200]
    with shipped.memory_zone():
        expected = [
            [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
            for doc in shipped.pipe(texts)
        ]
    assert load_person_model().spans(texts, batch_size=7) == expected
    assert sum(map(len, expected)) > 50


def test_the_hot_path_does_not_run_spacys_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    model = load_person_model()

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("nlp.pipe called")

    monkeypatch.setattr(model._nlp, "pipe", refuse)
    assert model.spans(["Discussed with John Smith today"]) == [[(15, 25)]]


def test_another_architecture_is_refused_and_spacy_reads_it() -> None:
    model = load_person_model()
    config = copy.deepcopy(dict(model._nlp.config["components"]["ner"]["model"]))
    Reader.check(config)
    changes = [("state_type", "parser"), ("use_upper", False), ("extra_state_tokens", True)]
    for key, value in changes:
        changed = copy.deepcopy(config)
        changed[key] = value
        with pytest.raises(UnsupportedModel):
            Reader.check(changed)
    changed = copy.deepcopy(config)
    changed["tok2vec"]["embed"]["attrs"] = ["NORM", "PREFIX", "SUFFIX"]
    with pytest.raises(UnsupportedModel):
        Reader.check(changed)

    # a PersonModel without a reader (what an unsupported model gives) reads
    # the same spans through spaCy's pipeline
    fallback = PersonModel(model._nlp)
    fallback._reader = None
    texts = EDGES + ROWS[:60]
    assert fallback.spans(texts) == model.spans(texts)


def test_names_dates_and_numbers_do_not_stay_in_the_vocabulary() -> None:
    # The memory zone frees what a call adds to spaCy's shared vocabulary;
    # everyday words (English words, inflected too, and punctuation) are
    # kept for good, as recreating them every call was a fifth of its cost.
    model = load_person_model()
    strings = model._nlp.vocab.strings
    everyday = ["perambulated", "quixotically", "wheelbarrows", "~~"]
    secrets = ["Kostadinova", "Brightwater", "99812377", "3/14/2031", "Zyxwerth"]
    assert not any(word in strings for word in everyday + secrets)
    model.spans(
        [
            "Kostadinova-Brightwater perambulated quixotically, MRN 99812377 ~~",
            "on 3/14/2031 (Zyxwerth) with wheelbarrows",
        ]
    )
    assert [word for word in secrets if word in strings] == []
    assert [word for word in everyday if word not in strings] == []


_WORDS = st.sampled_from(
    [
        "John",
        "Smith",
        "Mary",
        "Ann",
        "O'Neil",
        "Dr.",
        "Acme",
        "Corp.",
        "Boston",
        "Paris",
        "on",
        "the",
        "and",
        "with",
        "of",
        "Monday",
        "3/4/2024",
        "5",
        "pm",
        "$",
        "40",
        "percent",
        "Hodgkin",
        "CT",
        "MRI",
        "-",
        ",",
        ".",
        "(",
        ")",
        "\n",
        "\n\n",
        "  ",
        "\t",
    ]
)


@settings(max_examples=200)
@given(st.lists(st.one_of(_WORDS, st.text(max_size=8)), max_size=40).map(" ".join))
def test_any_text_is_read_as_spacy_reads_it(shipped: Any, text: str) -> None:
    # spaCy's tokenizer makes odd tokens of odd text (whitespace runs,
    # symbols, any script); the decoder must follow the parser on all of them
    nlp = load_person_model()._nlp
    assert _reader(nlp, Reader(nlp), [text, text + " John Smith"], 2) == _spacy(
        shipped, [text, text + " John Smith"], 2
    )
