"""Presidio interop with the real AnalyzerEngine and AnonymizerEngine."""

from __future__ import annotations

import runpy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from presidio_analyzer import (
    AnalyzerEngine,
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)
from presidio_analyzer.predefined_recognizers import SpacyRecognizer
from presidio_anonymizer import AnonymizerEngine

import phiguard
from phiguard.presidio import (
    PHIGUARD_LABELS,
    PRESIDIO_ENTITIES,
    PhiguardRecognizer,
    from_presidio,
    from_recognizer_result,
    recognizers,
    to_recognizer_result,
)

HARNESS = Path(__file__).resolve().parents[1] / "benchmarks" / "accuracy.py"
TEXT = "Pt Rosa Delgado, MRN 00412387, CT A/P from 3/4/24. Acc# RB24030417, call (937) 555-0112."
EMPLOYEE = PatternRecognizer(
    supported_entity="EMPLOYEE_ID",
    name="EmployeeRecognizer",
    patterns=[Pattern("employee", r"\bZX-\d{4}-Q\b", 0.9)],
)


@pytest.fixture(scope="module")
def analyzer() -> Iterator[AnalyzerEngine]:
    # Presidio's default engine with the offline spaCy model, as the benchmarks build it
    make = runpy.run_path(str(HARNESS), run_name="benchmarks_accuracy")["presidio_analyzer"]
    yield make()


def _entities(results: list[RecognizerResult], text: str) -> set[tuple[str, str]]:
    return {(r.entity_type, text[r.start : r.end]) for r in results}


def test_phiguard_recognizers_in_an_analyzer_engine(analyzer: AnalyzerEngine) -> None:
    alone = _entities(analyzer.analyze(text=TEXT, language="en"), TEXT)
    # Presidio alone misses the record and accession numbers
    assert ("MRN", "00412387") not in alone and ("ACCESSION", "RB24030417") not in alone
    engine = AnalyzerEngine(nlp_engine=analyzer.nlp_engine, supported_languages=["en"])
    for recognizer in recognizers("fast"):
        engine.registry.add_recognizer(recognizer)
    results = engine.analyze(text=TEXT, language="en")
    assert {
        ("PERSON", "Rosa Delgado"),
        ("MRN", "00412387"),
        ("DATE_TIME", "3/4/24"),
        ("ACCESSION", "RB24030417"),
        ("PHONE_NUMBER", "(937) 555-0112"),
    } <= _entities(results, TEXT)
    anonymized = AnonymizerEngine().anonymize(text=TEXT, analyzer_results=results)
    assert anonymized.text == (
        "Pt <PERSON>, MRN <MRN>, CT A/P from <DATE_TIME>. Acc# <ACCESSION>, call <PHONE_NUMBER>."
    )


def test_requested_entities_only(analyzer: AnalyzerEngine) -> None:
    engine = AnalyzerEngine(nlp_engine=analyzer.nlp_engine, supported_languages=["en"])
    engine.registry.add_recognizer(recognizers("fast")[0])
    results = engine.analyze(text=TEXT, language="en", entities=["MRN"])
    assert _entities(results, TEXT) == {("MRN", "00412387")}


def test_phiguard_labels_kept_on_request() -> None:
    (recognizer,) = recognizers("fast", entities={})
    assert "NAME" in recognizer.supported_entities and "PERSON" not in recognizer.supported_entities
    found = _entities(recognizer.analyze(TEXT, ["NAME", "DATE"]), TEXT)
    assert found == {("NAME", "Rosa Delgado"), ("DATE", "3/4/24")}


def test_policy_labels_limit_the_supported_entities() -> None:
    (recognizer,) = recognizers("fast", policy=phiguard.Policy(labels=frozenset({"MRN", "NAME"})))
    assert recognizer.supported_entities == ["MRN", "PERSON"]


def test_a_failing_guard_fails_the_analysis(analyzer: AnalyzerEngine) -> None:
    engine = AnalyzerEngine(nlp_engine=analyzer.nlp_engine, supported_languages=["en"])
    engine.registry.add_recognizer(
        PhiguardRecognizer(phiguard.Guard("fast", recognizers=[_Broken()]))
    )
    with pytest.raises(phiguard.DetectionError) as caught:
        engine.analyze(text=TEXT, language="en")
    assert "Rosa" not in str(caught.value)


def test_presidio_pattern_recognizer_in_a_guard(fast_guard: phiguard.Guard) -> None:
    text = "Use kit ZX-1234-Q for Dr. Okafor"
    assert fast_guard.redact(text).text == "Use kit ZX-1234-Q for [NAME]"
    guard = phiguard.Guard(
        "fast", recognizers=[from_presidio(EMPLOYEE, labels={"EMPLOYEE_ID": "ID"})]
    )
    assert guard.redact(text).text == "Use kit [ID] for [NAME]"
    (kit,) = [(f.start, f.end, f.text, f.source) for f in guard.scan(text) if f.label == "ID"]
    assert kit == (8, 17, "ZX-1234-Q", "presidio:EmployeeRecognizer")


def test_presidio_entities_map_to_phiguard_labels_by_themselves() -> None:
    ssn = PatternRecognizer(
        supported_entity="US_SSN", patterns=[Pattern("ssn", r"\bQQ\d{3}\b", 0.9)]
    )
    guard = phiguard.Guard("fast", recognizers=[ssn])
    assert guard.redact("code QQ123 here").text == "code [SSN] here"


def test_an_entity_without_a_label_is_refused() -> None:
    with pytest.raises(phiguard.ConfigError, match="'EMPLOYEE_ID' has no phiguard label"):
        phiguard.Guard("fast", recognizers=[EMPLOYEE])
    with pytest.raises(phiguard.ConfigError, match="'EMPLOYEE_ID' has no phiguard label"):
        from_presidio(EMPLOYEE, labels={"EMPLOYEE_ID": "BADGE"})


@pytest.mark.parametrize("bad", ["ZX-1234-Q", 42, [object()]])
def test_what_is_not_a_recognizer_is_refused(bad: object) -> None:
    with pytest.raises(phiguard.ConfigError, match="recognizers: expected"):
        phiguard.Guard("fast", recognizers=bad)  # type: ignore[arg-type]


class _Broken(EntityRecognizer):
    """A recognizer whose error quotes its input (as real ones may), or one
    that reports a span past the end of the text."""

    def __init__(self, raises: bool = True) -> None:
        self.raises = raises
        super().__init__(supported_entities=["PERSON"], name="broken")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> Any:
        if self.raises:
            raise ValueError(f"cannot parse {text!r}")
        return [RecognizerResult("PERSON", 0, len(text) + 5, 0.9)]


@pytest.mark.parametrize(
    "recognizer", [_Broken(), _Broken(raises=False)], ids=["raises", "bad offsets"]
)
def test_a_failing_presidio_recognizer_fails_closed(recognizer: EntityRecognizer) -> None:
    guard = phiguard.Guard("fast", recognizers=[recognizer])
    with pytest.raises(phiguard.DetectionError, match=r"detect failed \(ValueError\)") as caught:
        guard.redact("Rosa Delgado, MRN 00412387")
    assert "Rosa" not in str(caught.value) and caught.value.__cause__ is None


def test_spacy_recognizer_reads_the_nlp_engine(analyzer: AnalyzerEngine) -> None:
    text = "Referred by Chidi Okafor."
    # PERSON only: NRP (nationality, religious or political group) has no phiguard label
    spacy = SpacyRecognizer(supported_entities=["PERSON"])
    assert list(from_presidio(spacy).find(text)) == []  # no spaCy output, nothing found
    adapter = from_presidio(spacy, nlp_engine=analyzer.nlp_engine)
    found = [(f.start, f.end, f.label, f.text, f.source) for f in adapter.find(text)]
    assert found == [(12, 24, "NAME", "Chidi Okafor", "presidio:SpacyRecognizer")]


def test_finding_to_result_and_back() -> None:
    finding = phiguard.Finding(3, 15, "NAME", 0.88, "Rosa Delgado", "name_v1")
    result = to_recognizer_result(finding)
    assert (result.entity_type, result.start, result.end, result.score) == ("PERSON", 3, 15, 0.88)
    assert result.recognition_metadata[RecognizerResult.RECOGNIZER_NAME_KEY] == "name_v1"
    back = from_recognizer_result(result, TEXT)
    assert back == phiguard.Finding(3, 15, "NAME", 0.88, "Rosa Delgado", "presidio:name_v1")
    assert to_recognizer_result(finding, entities={}).entity_type == "NAME"


def test_result_without_metadata() -> None:
    finding = from_recognizer_result(RecognizerResult("US_SSN", 0, 11, 0.5), "123-45-6789")
    assert finding == phiguard.Finding(0, 11, "SSN", 0.5, "123-45-6789", "presidio")


def test_every_mapping_is_a_round_trip() -> None:
    for label in phiguard.LABELS:
        assert PHIGUARD_LABELS[PRESIDIO_ENTITIES.get(label, label)] == label


def test_bad_results_are_refused() -> None:
    with pytest.raises(phiguard.InputError, match="offsets"):
        from_recognizer_result(RecognizerResult("PERSON", 3, 40, 0.9), "Pt Rosa")
    with pytest.raises(phiguard.ConfigError, match="'CRYPTO' has no phiguard label"):
        from_recognizer_result(RecognizerResult("CRYPTO", 0, 2, 0.9), "Pt Rosa")
    with pytest.raises(phiguard.InputError, match="expected str"):
        from_recognizer_result(RecognizerResult("PERSON", 0, 2, 0.9), b"Pt")  # type: ignore[arg-type]


class _Project:
    """A phiguard recognizer (``name`` and ``find``): taken as it is."""

    name = "project_v1"

    def find(self, text: str) -> Iterator[phiguard.Finding]:
        start = text.find("Falcon")
        if start >= 0:
            yield phiguard.Finding(start, start + 6, "ID", 1.0, "Falcon", self.name)


def test_phiguard_recognizers_are_taken_as_they_are() -> None:
    guard = phiguard.Guard("fast", recognizers=[_Project()])
    assert guard.redact("Study Falcon, MRN 00412387").text == "Study [ID], MRN [MRN]"
