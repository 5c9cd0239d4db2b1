"""Names spelled out letter by letter (dictation transcripts)."""

from __future__ import annotations

import pytest

import phiguard
from phiguard.detect.spelled import SpelledRecognizer, SpokenNumberRecognizer
from tests.marks import unmark

FOUND = [
    # after a spelling word
    "patient is Teodora «Vlahos» spelled «V L A H O S» period",
    "last name is «O apostrophe S H E A» first name Declan",
    "name is Nguyen Thi Hoa spelled «N G U Y E N new word H O A» date of birth",
    "that's «M-A-R-G-A-R-E-T-H-E» last name",
    "surname: «K-O-W-A-L», first name Jan",
    # spelling the word before it, which is a name too, in any case
    "a ninety six year old female agatha «przybylski» «P-R-Z-Y-B-Y-L-S-K-I» from",
    "patient «hwang» min jun «H-W-A-N-G», M R N",
    "name «o'sullivan» «O apostrophe S-U-L-L-I-V-A-N» first mairead",
    # in lower case, as speech-to-text writes letters
    "patient Winifred «Crowe», «c-r-o-w-e», medical record",
    "dictating on ellen marsh that's «e l l e n m a r s h» date of birth",
]

KEPT = [
    "use the A-B-C-D-E approach in trauma",
    "E D note, C T head negative, M R N pending",
    "the A B C of resuscitation",
    # letters typed apart in lower case are the evasion row name-dashed
    "Rosa D-e-l-g-a-d-o",
    "spelled correctly this time",
    "T-1 and T-2 weighted",
    "grade a b c d lesions",
]


@pytest.mark.parametrize("row", FOUND)
def test_spelled_names_are_found(row: str) -> None:
    text, expected = unmark(row)
    found = sorted((f.start, f.end, f.text) for f in SpelledRecognizer().find(text))
    assert found == expected
    assert all(f.label == "NAME" for f in SpelledRecognizer().find(text))


@pytest.mark.parametrize("text", KEPT)
def test_letters_without_a_spelling_cue_are_kept(text: str) -> None:
    assert list(SpelledRecognizer().find(text)) == []


def test_both_profiles_find_spelled_names(
    guard: phiguard.Guard, fast_guard: phiguard.Guard
) -> None:
    text = "dictation: patient Teodora Vlahos spelled V L A H O S period"
    for profile in (guard, fast_guard):
        spans = {(f.text, f.label) for f in profile.scan(text)}
        assert ("V L A H O S", "NAME") in spans


SPOKEN = [
    ("medical record number «four four seven one two zero three». Accession", "MRN"),
    ("her phone number is «five five five oh one nine nine»...", "PHONE"),
    ("please call me back at «five five five zero one two eight» thank you", "PHONE"),
    ("Accession «C R two four dash zero zero eight eight one». Comparison", "ACCESSION"),
    ("member id is «nine eight seven six five four three»", "ID"),
    ("claim number «W C two four dash five five one oh eight». thanks", "ID"),
    # a phone number's count of digit words needs no key
    ("or the facility at «five five five, zero one six eight», ask for Ann", "PHONE"),
    ("llamar al «cinco cinco cinco cero uno cinco nueve» gracias", "PHONE"),
]


@pytest.mark.parametrize(("row", "label"), SPOKEN)
def test_numbers_read_out_after_their_key_are_found(row: str, label: str) -> None:
    text, expected = unmark(row)
    found = list(SpokenNumberRecognizer().find(text))
    assert [(f.start, f.end, f.text) for f in found] == expected
    assert [f.label for f in found] == [label]


@pytest.mark.parametrize(
    "text",
    [
        "she has one two three four five reasons to stay",
        "my number is one of the best",
        "phone number is two",
        "count one two three four five slowly",
        "count one two three four five six seven slowly",
        "then nine eight seven six five four three two one, liftoff",
        "scores were five five four five five four",
    ],
)
def test_digit_words_without_a_key_or_too_few_are_kept(text: str) -> None:
    assert list(SpokenNumberRecognizer().find(text)) == []
