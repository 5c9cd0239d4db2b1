"""ADDRESS abroad and in the forms the US pattern rows miss, through the whole Guard.

Postcodes with their towns (``72070 Tübingen``), Canadian and British
postcodes, streets written name first or number first with what follows
them, Vietnamese wards and districts; in the US a ZIP after a state's
name, crossings, blocks, numbered routes, parks and streets in lower case.
"""

from __future__ import annotations

import pytest

import phiguard
from tests.marks import covered, spans_of, unmark

ROWS = [
    # a postcode and its town, after a street or a word for living there
    "Patient wohnhaft «Marktplatz 3, 72070 Tübingen», seit 2019.",
    "Adresse: «12 rue des Lilas, 69003 Lyon».",
    "lebt in «Lindenstraße 17, 79098 Freiburg» mit Ehefrau",
    "Anschrift: «Lindenstraße 17\n79098 Freiburg»",
    "domicilié à «35000 Rennes» depuis mars",
    "woont op «Keizersgracht 12, 1012 AB Amsterdam» nu",
    "bor på «Nørrebrogade 4, 2100 København Ø» i dag",
    "Mme Durand, «75001 Paris»",
    # a door after the floor's ordinal sign, which the view folds to "o"
    "vive en «Calle Alcalá 212, 3º B, 28028 Madrid».",
    # a house number with a capital; a German street named by a preposition
    "Adress: «Björkvägen 4B, 762 31 Rimbohult».",
    "wohnhaft «Am Mühlbach 3, 79874 Tannenweiler», seit 2019",
    # Canada and Britain
    "mail to «100 King St W, Toronto ON M5V 3L9»",
    "from «Montréal, QC H1X 1G4».",
    "postal code «K1A0B1» on file",
    "lives at «10 Downing St, London SW1A 1AA» now",
    # name first or number first, with a flat, a neighbourhood, a town
    "vive en «Calle Hidalgo 245, Col. Centro, Oaxaca».",
    "domicilio «Av. Revolución 1180, Col. Las Palmas, 06000 Ciudad de México»",
    "mora na «Avenida Paulista, 1578», perto do metrô",
    "endereço «Rua das Acácias, 88, apto 302, Bairro Jardim, Recife»",
    "residente in «Via dei Mille 42, Napoli».",
    "demeure au «3310 rue Beaubien Est, app. 4, Montréal»",
    "sống tại «45 Nguyễn Trãi, Phường 7, Quận 5», TP HCM",
    # the US
    "from «Eau Claire, Wisconsin, 54701» originally",
    "the accident at «Route 9 and Cedar Ln» last night",
    "scene was «Hollins and 4th», EMS arrived",
    "found at the corner of «Main and Elm» by police",
    "the «600 block of Harmon St» was closed",
    "lives at «310 Route 28» with daughter",
    "lives at «Lakeview Mobile Home Park, Lot 22» alone",
    "address «Apt 12, 800 Bayview Terr, Hull»",
    "at «14 Bay Road Ext, Harwich» for the summer",
    "i live at «922 w elm st apt b» with my mom",
    "we moved to «1140 cherry blossom ln» last year",
    "my address is «78 orchard st»",
    "i work on «5th ave» now",
]

NOT_ADDRESSES = [
    # numbers before capitalised words: codes, doses, years, lab values
    "12345 units of heparin",
    "CPT 71260 Chest CT with contrast",
    "prior 2 Head CT scans were negative",
    "ICD 10 codes were updated",
    "40000 IU Vitamin D weekly",
    "2019 Guidelines recommend screening",
    "WBC 11200 Neutrophils 80%",
    "Hgb 12000 Albany",
    "score 1500 Points",
    "in 2019 Boston Children's published",
    "Grade 3, 1200 Neurology consult",
    # postcode shapes that are stages, obstetric history and sizes
    "staged T2N1M0, G2P1A1 at 32 weeks",
    "LESION AT L5 1CM FROM THE CORD",
    # lower case: doses, leads, durations before street-like words
    "given 1 amp iv st",
    "st depression in leads 2 3 avf st changes",
    "follow up in 2 weeks with dr lee",
    "a 2 lane road",
    # ordinals and names that are no crossing
    "at 2nd and 3rd trimester",
    "at Delivery and 2nd stage",
    "seen at Mercy and Kaiser",
    "the 1200 block",
]


@pytest.mark.parametrize("row", ROWS)
def test_address_is_found(fast_guard: phiguard.Guard, row: str) -> None:
    text, expected = unmark(row)
    found = spans_of(fast_guard, text, "ADDRESS")
    for start, end, _ in expected:
        assert any(f_start <= start and end <= f_end for f_start, f_end, _ in found), found


@pytest.mark.parametrize("row", ROWS)
def test_address_is_covered_with_the_model(guard: phiguard.Guard, row: str) -> None:
    # the name model may claim a street's words (Calle Hidalgo): covered all the same
    text, expected = unmark(row)
    assert covered(guard, text, expected)


@pytest.mark.parametrize("text", NOT_ADDRESSES)
def test_not_an_address(fast_guard: phiguard.Guard, text: str) -> None:
    assert spans_of(fast_guard, text, "ADDRESS") == []
