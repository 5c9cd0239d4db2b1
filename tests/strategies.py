"""Hypothesis strategies shared by the test suite."""

from __future__ import annotations

from hypothesis import strategies as st

from phiguard.findings import LABELS, Finding
from tests.marks import pattern_rows

#: Fragments of PHI and clinical text that recognizers react to, so that
#: generated texts exercise real findings and their overlaps, not only noise.
FRAGMENTS = (
    "MRN 00412387",
    "MRN: #SC987654",
    "Acc# RB24030417",
    "DOB 3/4/52",
    "03/04/2024",
    "2024-03-04T10:15",
    "March 4th, 2024",
    "4 Mar 2024",
    "(0010,0010) Patient's Name  PN  [DOE^JANE]",
    "PID|1||E4471920^^^^MR||OKONKWO^FAITH||19790623|F",
    "SSN 123-45-6789",
    "(937) 555-0112",
    "jane.doe@example.org",
    "https://portal.example.org/p/1",
    "10.41.2.117",
    "88 Larchmont Ave, Dayton, OH 45402",
    "St. Mary's Medical Center",
    "92 yo",
    "Patient: John Smith",
    "1.2.840.113619.2.55.3.604688119",
    "Gleason 3+4",
    "3.2 x 4.1 cm",
    "BP 120/80",
    "Baker's cyst",
    "Hodgkin lymphoma",
    "series 4 image 120",
    "\n",
    "  ",
    ", ",
    "|",
    ":",
)

fragment_texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=12
).map(" ".join)

any_text = st.one_of(st.text(max_size=400), fragment_texts)


@st.composite
def findings_in(draw: st.DrawFn, text: str) -> list[Finding]:
    """Arbitrary (possibly overlapping) findings inside ``text``."""
    result = []
    for _ in range(draw(st.integers(0, 12))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        if end == start:
            continue
        result.append(
            Finding(
                start,
                end,
                draw(st.sampled_from(LABELS)),
                draw(st.sampled_from((0.5, 0.6, 0.9, 1.0))),
                text[start:end],
                draw(st.sampled_from(("a", "b"))),
            )
        )
    return result


#: What a long text may hold that the pattern tier's piece-by-piece path
#: must handle (phiguard/detect/gate.py): non-ASCII word and other
#: characters, characters that fold to ASCII letters (the gate is blind
#: to them), the separators \x1c-\x1f and combining marks (``re`` and
#: ``regex`` read those differently).
AWKWARD = ("é", "’", "—", "\xa0", "٣", "ß", "\u212a", "ſ", "ﬁ", "İ", "\x1c", "\x1f", "\u0301")


#: Texts of up to a few KB from what the patterns look for (every
#: recognizer example and counterexample, PHI fragments), the awkward
#: characters above, and long runs a pattern may cross without end.
long_pattern_texts = st.lists(
    st.one_of(
        st.sampled_from(pattern_rows()),
        st.sampled_from(FRAGMENTS),
        st.sampled_from(AWKWARD),
        st.sampled_from((" ", "\n", ", ", ". ", "-", "/", "@", ":", "#")),
        st.builds(
            lambda unit, n: unit * n,
            st.sampled_from(("a", "A", "1", " ", "\n", "x.", "ab-", "a b ", "é")),
            st.integers(1, 300),
        ),
        st.text(max_size=4),
    ),
    max_size=40,
).map("".join)
