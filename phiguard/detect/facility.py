"""FACILITY: hospital, clinic, imaging centre and practice names.

A name is capitalised words before a facility word (``Mercy Hospital``,
``Granite Peak Imaging``, ``RIVERBEND MEDICAL CENTER``), a saint's name
(``St. Luke's``), or the capitalised place after a care verb (``seen at
Cedar Crest``). Names made only of generic words (``Breast Imaging Center``,
``Magnetic Resonance Imaging``, ``the ED``) are not facilities.
"""

from __future__ import annotations

import regex

from phiguard.detect.lexicons import load_lexicons
from phiguard.detect.recognizer import Pattern, PatternRecognizer, any_case, initials

__all__ = ["FACILITY_RECOGNIZERS", "GENERIC_PLACE_WORDS", "names_a_place"]

#: Words that name no particular place on their own: department, modality,
#: specialty and descriptive words, months, weekdays and determiners.
_WORDS = regex.compile(r"[\w'’/.-]+")

GENERIC_PLACE_WORDS = frozenset(
    """
    a an the our your their his her this that my outside local new old main north south
    east west central upper lower general community regional university memorial medical
    health healthcare care hospital hospitals clinic clinics center centre centers
    imaging radiology diagnostic diagnostics outpatient inpatient surgical surgery
    specialty family internal emergency urgent rehab rehabilitation behavioral mental
    pediatric pediatrics children's childrens women's womens men's veterans county city
    state public private cancer heart breast vascular spine sports orthopedic
    orthopaedic neuro neurology neurosurgery cardiology oncology gastroenterology
    urology nephrology pulmonology dermatology endocrinology rheumatology obstetrics
    gynecology ob/gyn ent ophthalmology primary physician physicians practice group
    associates partners services network system systems institute infirmary hospice
    nursing home magnetic resonance nuclear molecular functional weighted diffusion
    perfusion tensor spectral susceptibility interventional interventionalist body
    musculoskeletal thoracic abdominal cross-sectional ultrasound mammography mri ct pet
    x-ray xray fluoroscopy dexa echo echocardiography er ed icu micu sicu nicu picu ccu
    pacu or ir lab laboratory pharmacy department dept unit floor ward wing room suite
    office offices day night weekend january february march april may june july august
    september october november december monday tuesday wednesday thursday friday
    saturday sunday today tomorrow yesterday medicine med md do np pa rn dr dr. mr mrs
    ms doctor nurse tech technologist teaching academic tertiary quaternary rural urban
    large small big nearby affiliated referring military psychiatric psych any another
    other same different first second new receiving sending wound sleep pain infusion
    dialysis vein vascular eye foot skin fertility travel diabetes weight lipid
    anticoagulation allergy asthma lung liver kidney transplant memory headache
    comprehensive stroke trauma burn epilepsy transfer simulation command call data
    reading research learning education resource wellness birth birthing procedure
    procedural endoscopy ambulatory treatment testing screening level cardiac
    cardiothoracic chest head neck genitourinary gu gi oncologic radiation hematology
    gynecologic american college society association board national
    bilateral unilateral left right initial final additional limited complete full
    routine preliminary standard repeat baseline permanent temporary usual
    geriatric geriatrics preventive invasive noninvasive non-invasive structural
    cognitive clinical adult adolescent reproductive neonatal cosmetic mohs
    neuromuscular movement critical consult consultation consultative retail
    compounding mail order pelvic floor vestibular hand occupational speech physical
    therapy home skilled snf manor residence dental dentistry optometry audiology
    podiatry chiropractic pharmacies laboratories gastro pulmonary endocrine
    hepatology infectious disease diseases immunology genetics palliative
    """.split()
)

# (no function word: "Per Radiology 2019;290", "IT'S LEILANI FROM RADIOLOGY";
# the capital is asked for first, so the engine tries the long list of
# function words at capitals only: measured twice as fast)
_WORD = (
    r"(?=[A-Z])(?!(?i:per|see|from|to|at|in|on|by|with|via|is|was|it'?s|hi|dear|call|page"
    r"|what|which|how|why|when|where|who|does|do|can|should|would|could|will|any"
    # nor a request or report: "Called Radiology", "Please consult Neurology"
    r"|call(?:ed)?|pag(?:e|ed)|consult(?:ed)?|contact(?:ed)?|discuss(?:ed)?|notif(?:y|ied)"
    r"|inform(?:ed)?|told|tell|asks?|asked|please|pls|spoke|speak|message[ds]?|e-?mail(?:ed)?"
    r"|text(?:ed)?|needs?|wants?|thanks?|re|cc|fyi|ok(?:ay)?|defer(?:red)?|said|says"
    r"|sen[dt]|update[ds]?|reach(?:ed)?|ping(?:ed)?|let|get|got|have|has|had)\b)"
    r"[A-Z][^\W\d_'’&.-]*+(?:['’&.-][^\W\d_'’&.-]*+)*+"
)
_SPECIALTIES = (
    "dermatology", "neurology", "cardiology", "urology", "oncology", "gastroenterology",
    "nephrology", "pulmonology", "endocrinology", "rheumatology", "ophthalmology", "podiatry",
    "dentistry", "dental", "optometry", "audiology", "chiropractic", "ent",
)  # fmt: skip
_SUFFIX = (
    r"(?i:hospital|hosp|medical\s(?:center|centre|ctr|group|associates|campus|college)|med\sctr"
    r"|health\s(?:center|centre|system|network|services|partners)|healthcare|health|clinics?"
    r"|imaging(?:\s(?:center|centre|associates|services))?|radiology\s(?:associates|group"
    r"|center|partners|consultants)|infirmary|cancer\s(?:center|institute)|surgery\scenter"
    r"|surgical\scenter|urgent\scare|institute|family\s(?:practice|medicine)|hospice"
    r"|nursing\shome|rehabilitation\scenter|diagnostic\scenter|regional|memorial"
    r"|orthop(?:a)?edics|pediatrics|paediatrics|care\s(?:center|centre|home)|outpatient\s(?:center|ct|mri|imaging)"
    r"|medical\splaza|family\shealth|women'?s\shealth|heart\s(?:center|institute)"
    r"|children'?s\shospital|center|centre|associates|specialists|consultants|radiology"
    r"|diagnostics?|senior\sliving|assisted\sliving|sports\smedicine|bone\s(?:&|and)\sjoint"
    # a practice named by its specialty: "Stonebridge Dermatology"
    rf"|{'|'.join(_SPECIALTIES)}|physical\stherapy|laboratory|laboratories"
    r"|pharmacy|pharmacies|primary\scare|home\s(?:infusion|medical|health)|skilled\snursing"
    r"|nursing\s(?:&|and)\srehab(?:ilitation)?|snf|manor|residence|family\smed|medical(?!\s[A-Z]))"
)
_CONNECTORS = ("of", "and", "&", "the", "for")
_CONNECTOR = f"(?:{'|'.join(_CONNECTORS)})"
_ARTICLES = r"(?:a|an|the|our|your|his|her|their|this|that|another|other|any|one|each)"
_LOWER_SUFFIX = (
    r"(?:hospital|medical\scenter|clinic|health\scenter|imaging|infirmary|medical\sgroup"
    r"|cancer\scenter|urgent\scare|surgery\scenter|pediatrics|pharmacy|family\smedicine"
    r"|primary\scare)"
)
# "Mayo Clinic criteria", "Cleveland Clinic score": a method named after a
# place, not a place of care
_NOT_A_CONCEPT = (
    r"(?!\s(?i:criteria|score|scale|protocol|classification|guidelines?|nomogram|rule|"
    r"system|index|method|technique|sign)\b)"
)
# A word of a place named after a care verb: no trailing full stop (which
# ends the sentence) except in "St.".
_PLACE_WORD = r"(?:St\.|[A-Z][A-Za-z'’&-]*+)"


# Verbs that put a patient at a place: "seen at", "admitted to".
_CARE_VERBS = (
    "seen", "treated", "admitted", "evaluated", "followed", "hospitalised", "hospitalized",
    "discharged", "transferred", "referred", "imaged", "scanned", "presented", "managed",
    "operated", "delivered", "visited", "visit", "went",
)  # fmt: skip
_TO = ("at", "to", "from", "in")
_CARE_SITE = rf"(?:the\s)?(?P<v>{_PLACE_WORD}(?:[\s-](?:of\s)?{_PLACE_WORD}){{0,4}})"


#: Words that name no place, connectors (Department of Radiology) included.
_NO_PLACE = GENERIC_PLACE_WORDS | frozenset(_CONNECTORS)


def names_a_place(value: str) -> bool:
    """False when every word of ``value`` is generic (no particular place;
    ``Department of Radiology``) or it is a vendor's name (United Imaging, GE
    Healthcare)."""
    words = _WORDS.findall(value)
    products = load_lexicons().products
    if not words or " ".join(words).lower() in products or words[0].lower() in products:
        return False  # (a vendor's division too: "Siemens Medical")
    # (before a specialty, a lone two-letter acronym names a module or a
    # method, not a practice: "syngo.via MM Oncology"; "LA General" is one)
    specialty = words[-1].lower() in _SPECIALTIES
    if specialty and len(words) > 1 and words[-2] in ("and", "&"):
        return False  # "with Okafor and Cardiology": two parties, not a practice
    return any(
        word.lower().rstrip(".") not in _NO_PLACE
        and not (specialty and len(word) <= 2 and word.isupper())
        for word in words
    )


_FACILITY = PatternRecognizer(
    name="facility_v1",
    label="FACILITY",
    patterns=(
        Pattern(
            "named",
            # (starting only where a run of word characters starts: after a
            # "." inside "A.A.A..." each start rescanned the run, quadratic)
            rf"(?<![\w'’&.-])(?=[A-Z])(?:(?:St\.?|Saint|Mt\.?|Mount)\s)?(?:{_WORD}\s(?:{_CONNECTOR}\s)?){{1,5}}"
            rf"{_SUFFIX}(?![\w-]){_NOT_A_CONCEPT}(?:\s(?:of|at)\s{_WORD}(?:\s{_WORD}){{0,3}})?",
            0.8,
            ascii_re=True,
        ),
        # lower case after a word that puts someone there: "seen at mercy
        # hospital" (no article: "at a teaching hospital" is no name)
        Pattern(
            "lower_named",
            rf"\b(?:at|from|to|in)\s(?P<v>(?!(?:{_ARTICLES}|at|from|to|in|of)\s)[a-z][a-z'’&-]*+"
            rf"(?:\s[a-z][a-z'’&-]*+){{0,2}}\s{_LOWER_SUFFIX})\b",
            0.6,
            ascii_re=True,
        ),
        # Clínica San Rafael, Centro Médico ABC, Sanatorio Güemes
        Pattern(
            "named_prefix",
            r"\b(?:Cl[ií]nica|Clinique|Centro\sM[eé]dico|Sanatorio|H[ôo]pital|Klinikum|Krankenhaus"
            r"|Policl[ií]nica|Policlinico|Ospedale|B[eệ]nh\svi[eệ]n)"
            r"\s(?:(?:de|del|des|la|los|las|du|de\sla|do|da|dos|das|di|della)\s)?[A-Z][\w'’.-]*+(?:\s[A-Z][\w'’.-]*+){0,3}",
            0.8,
        ),
        # A pharmacy chain's branch: Walgreens #09921, CVS Pharmacy #4417,
        # Rite Aid Eastside, Boots Deansgate (the chain alone names no place)
        Pattern(
            "chain_branch",
            r"\b(?:Walgreens|CVS|Rite[ ]Aid|Walmart|Costco|Kroger|Safeway|Publix|Meijer|Wegmans"
            r"|Duane[ ]Reade|Boots|Lloyds(?:[ ]Pharmacy)?|Superdrug|Shoppers[ ]Drug[ ]Mart"
            r"|Jean[ ]Coutu|Chemist[ ]Warehouse|Apollo[ ]Pharmacy)(?:[ ]Pharmacy)?"
            r"(?:[ ]?\#[ ]?\d{2,6}|[ ](?!(?:Pharmacy|Pharmacist|Photo|Clinic|on|at|in|and|or|to"
            r"|for|the|is|was|has|said|called|rang|says)\b)[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)"
            r"(?![\w-])",
            0.7,
        ),
        # St. Mary's, Saint Luke's (not St. John's wort)
        Pattern(
            "saint",
            r"(?<![\w-])(?:St\.?|Saint)\s[A-Z][a-z]++(?:['’]s)?+(?:\s[A-Z][a-z]+)?+(?!\s(?i:wort))",
            0.6,
        ),
        # seen at Cedar Crest, treated at NY Presbyterian, admitted to UPMC
        Pattern(
            "care_site",
            # (the finding is the value group, so it starts where "named"
            # would and the more specific pattern wins; the cue is consumed,
            # not a lookbehind, which the engine would try at every position)
            # (from a word's start: the engine tries the verbs at word
            # starts only, measured twice as fast, and "unseen" is no cue)
            rf"\b(?i:{'|'.join(_CARE_VERBS)})\s(?i:{'|'.join(_TO)})\s{_CARE_SITE}",
            0.55,
            ascii_re=rf"\b{initials(_CARE_VERBS)}{any_case(_CARE_VERBS)}\s{any_case(_TO)}\s{_CARE_SITE}",
        ),
    ),
    validate=names_a_place,
    ignore_case=False,
    examples=(
        "admitted to «St. Mary's Medical Center» on",
        "from «Mercy Hospital».",
        "at «Granite Peak Imaging» |",
        "LO [«RIVERBEND MEDICAL CENTER»]",
        "seen at «New Orleans Health Center» on",
        "last seen at «Cedar Crest» on",
        "his MRI at «St. Luke's» showed",
        "in «Lakeshore Imaging» today",
        "went to «Cleveland Clinic» for",
        "had an MRI knee at «Westmere Orthopaedics». The",
        "woman from «Maple Terrace Care Center», unwitnessed",
        "the scan was at «Clínica San Rafael» on",
        "seen at «Harborview Medical». Name: Sam",
        "seen by Dr. Nathan S. at «Houston Clinic» on",
        "pt seen at «mercy hospital» last week",
        "transferred from «miami valley hospital» for",
        "came in from «st mary's hospital» by",
        "called from «Bayview Women's Center», they need",
        "outside report from «Glenview Radiology»: ACC",
        "ortho f/u at «Northside Bone & Joint». cb",
        "from «Sunrise Senior Living» in",
        "this is Antoine from «Sacré-Coeur Family Health». Requesting",
        "I saw Gideon at «Stonebridge Dermatology» on",
        "Rx sent to «Crosstown Pharmacy».",
        "OPAT via «Lakeshore Infusion Pharmacy».",
        "tubes put in at «Summit Pediatric ENT» on",
        "accepted at «Heritage Pointe SNF» pending auth",
        "handoff for «Cedarbrook Nursing & Rehab»:",
        "12 PT visits at «Momentum Physical Therapy». Re-eval",
        "he is seen at «oak hollow pediatrics». ph",
        "acc TR-88214, from «Coastal Bend Medical»: no acute",
        "Referral source | «Clearwater Family Med» | Tomás",
        "roster — «Holy Family Residence»\nName",
        "un scanner à la «Clinique des Lilas» le 10 mars",
        "chụp MRI ở «Bệnh viện Hòa Bình» ngày",
        "Pharmacy call from «Walgreens #09921» on Garnett Rd",
        "Ahearn, Bridget\t97\t12\t«Rite Aid Eastside»\n",
        "Boots rang: «Boots Deansgate» re Mr",
        "refill at «CVS Pharmacy #4417» please",
    ),
    counterexamples=(
        "Magnetic Resonance Imaging of the knee",
        "seen in the ED overnight",
        "admitted to ICU",
        "St. John's wort interaction",
        "Breast Imaging Center protocol",
        "seen in January",
        "referred to Cardiology",
        "Mayo Clinic criteria for biopsy",
        "Cleveland Clinic score for incontinence",
        "United Imaging uMR 780",
        "seen at a teaching hospital",
        "transferred from outside hospital",
        "admitted to general hospital",
        "went to urgent care",
        "Department of Radiology",
        "the Comprehensive Stroke Center protocol",
        "paged the Trauma Center",
        "Per Radiology 2019;290:123-130, the sensitivity",
        "IT'S LEILANI FROM RADIOLOGY SCHEDULING",
        "What imaging evaluates the coronaries?",
        "BILATERAL DIAGNOSTIC MAMMOGRAM",
        "Called Radiology about the read",
        "Please Consult Neurology re: stroke",
        "Pediatric Cardiology fellow on call",
        "Follows with Geriatric Neurology",
        "Outpatient Physical Therapy twice a week",
        "sent to specialty pharmacy for the PA",
        "Admission Labs: K 3.1",
        "syngo.via MM Oncology lesion tracking",
        "picked it up at Walgreens yesterday",
        "Boots rang about the order",
        "the Walgreens app",
        "Siemens Medical Solutions USA",
        "Internal Medical Associates",
        "Permanent Residence card",
        "member of the Vienna Medical Association",
    ),
)

FACILITY_RECOGNIZERS: tuple[PatternRecognizer, ...] = (_FACILITY,)
