"""FACILITY: hospital, clinic, imaging centre and practice names.

A name is capitalised words before a facility word (``Mercy Hospital``,
``Granite Peak Imaging``, ``RIVERBEND MEDICAL CENTER``, ``Clearwater
General``), the same in lower case after at/from/to/in (``at oakmont peds``),
a facility word of another language before a name (``Clínica San Rafael``,
``CHU de Rennes``, ``Praxis am Rosengarten``), a saint's name (``St.
Luke's``), or the capitalised place after a care verb (``seen at Cedar
Crest``). Names made only of generic words (``Breast Imaging Center``,
``Magnetic Resonance Imaging``, ``the ED``, ``Cath Lab``), services
(``Genetic Counseling``, ``Illicit Drugs``) and vendors' names are not
facilities.
"""

from __future__ import annotations

import functools

import regex

from phiguard.detect.lexicons import load_lexicons
from phiguard.detect.recognizer import Pattern, PatternRecognizer, any_case, initials
from phiguard.detect.scripts import ARABIC_LETTER, GREEK_WORD, HEBREW_LETTER

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
    ehr emr ris lis pacs hie adt orm oru oml siu mdm dft vxu rde mfn ack rad ai
    best better optimal ideal preferred recommended appropriate
    weekly monthly daily yearly annual routine baseline fasting repeat fracture site
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
    labs cath catheterization ep electrophysiology pft function motility gait anatomy
    skills core stat satellite reference pathology microbiology micro cytogenetics
    cytology histology toxicology virology serology chemistry coag blood bank vitals
    vital results admission admit am pm morning evening recent prior previous last
    latest today's todays daily weekly monthly annual pending serial fasting pertinent
    relevant notable significant key selected abnormal normal basic discharge preop
    pre-op postop post-op counseling counselling apothecary annex assoc ctr extended
    senior assisted living independent peds kids child pcp otp ii iii iv nearest
    closest frequent multiple division section service program journal annals archives
    jama professor associate assistant chair chief director faculty resident residency
    fellow fellowship attending intern surgeons anesthesia anaesthesia special
    anatomic anatomical surgical molecular forensic pavilion correctional arts
    recovery dialysis hemodialysis haemodialysis peritoneal transplant transplantation renal
    psychiatry psychology addiction substance
    specialized coagulation flow cytometry transfusion hla tissue typing eeg emg ekg ecg
    holter stress voice swallow swallowing motion balance hearing wet dry computer biology
    physiology sendout send-out check trend follow follow-up repeat order ordered draw
    standing future yesterday's tomorrow's night's thyroid iron renal sepsis tox
    surveillance monitoring safety anemia workup cbc bmp cmp lft lfts bnp inr ptt
    preoperative postoperative exam examination assessment plan pe extremities lungs cv
    gen infant infants newborn newborns baby babies teens adolescents adults rtc prn uc
    f/u fu enter disorder disorders
    praxis hospitalier universitaire chu chru clsc chsld lar casa repouso posto saúde
    saude centro salud clínica clinica clinique hôpital hopital sanatorio klinikum
    krankenhaus ospedale mustashfa mvz geral universitário universitario municipal
    nacional provincial estadual infantil materno militar two three four five six
    drug addiction substance alcohol detox
    school schools elementary middle high secondary grammar charter preschool daycare
    academy district graduate law business nursery summer sunday boarding study trial
    investigational optical partners preferred favorite favourite regular designated
    klinik kinderklinik geriatrische geriatrischen psychiatrische psychiatrischen
    neurologische neurologischen chirurgische chirurgischen medizinische medizinischen
    ziekenhuis huisartsenpraktijk ehpad cabinet médical polyclinique szpital szpitalu
    przychodni poradni centrum laboratório laboratorio consultorio cesfam seniorenheim
    pflegeheim altenheim
    """.split()
)
#: Verbs: after "to" a lower-case run may be what someone is to do ("to
#: provide family care", "to redo labs"), no place.
_VERBS = frozenset(
    """
    provide give receive need offer require continue start stop begin seek find take
    bring use try help support avoid improve manage treat prevent redo complete collect
    expedite add cancel hold await interpret involve update loop assist coordinate
    arrange discuss ensure confirm verify obtain request clarify determine establish
    evaluate assess monitor recheck review send get see call page consult notify contact
    ask tell refer have do make go come return transfer visit schedule book reach let
    allow enable resume initiate discontinue increase decrease adjust titrate switch
    change wean explain share print fax forward compare recommend suggest advise
    """.split()
)

# A capitalised word; a full stop ends one only after an abbreviation of up
# to five letters (Comm. Hosp., Med. Ctr.), else it ends the sentence
# ("... from Abilene. PCP Prairie Wind Pediatrics": the name is after it)
_WORD_BODY = (
    r"[A-Z](?:[^\W\d_'’&.-]{0,4}+\.(?!\S)"
    r"|[^\W\d_'’&.-]*+(?:['’&-][^\W\d_'’&.-]*+|\.(?=[^\W\d_])[^\W\d_'’&.-]*+)*+)"
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
    rf"|sen[dt]|update[ds]?|reach(?:ed)?|ping(?:ed)?|let|get|got|have|has|had)\b){_WORD_BODY}"
)
_SPECIALTIES = (
    "dermatology", "neurology", "cardiology", "urology", "oncology", "gastroenterology",
    "nephrology", "pulmonology", "endocrinology", "rheumatology", "ophthalmology", "podiatry",
    "dentistry", "dental", "optometry", "audiology", "chiropractic", "ent", "psychiatry",
    "orthodontics",
)  # fmt: skip


def _by_first_letter(alternatives: tuple[str, ...]) -> str:
    """``alternatives`` (regexes, each led by a literal character, in lower
    case if they are to be matched in any case) as one group, those that
    share their first character under it, in their order: the engines then
    try the few that start with the character at hand, not every one.
    Alternatives that start alike keep their order, and others cannot match
    at the same place, so the group matches what the plain alternation does."""
    heads: dict[str, list[str]] = {}
    for alternative in alternatives:
        heads.setdefault(alternative[0], []).append(alternative[1:])
    return "(?:" + "|".join(f"{head}(?:{'|'.join(rest)})" for head, rest in heads.items()) + ")"


_CONNECTORS = ("of", "and", "&", "the", "for", "de", "del", "du")
_CONNECTOR = f"(?:{'|'.join(_CONNECTORS)})"
# (grouped by first letter: "named", the costliest pattern of the fast
# profile, measured a quarter faster under re, a tenth under regex)
_SUFFIXES = (
    r"hospitals?", "hosp", r"medical\s(?:center|centre|ctr|group|associates|campus|college)",
    r"med\sctr", r"health\s(?:center|centre|system|network|services|partners)", "healthcare",
    "health", "clinics?", r"imaging(?:\s(?:center|centre|associates|services))?",
    r"radiology\s(?:associates|group|center|partners|consultants)", "infirmary",
    r"cancer\s(?:center|institute)", r"surgery\scenter", r"surgical\scenter", r"urgent\scare",
    "institute", r"family\s(?:practice|medicine)", r"hospice(?:\shouse)?", r"nursing\shome",
    r"rehabilitation\scenter", r"diagnostic\scenter", "regional", "memorial",
    "orthop(?:a)?edics", "pediatrics", "paediatrics", r"care\s(?:center|centre|home)",
    r"outpatient\s(?:center|ct|mri|imaging)", r"medical\splaza", r"family\shealth",
    r"women'?s\shealth", r"heart\s(?:center|institute)", r"children'?s\shospital", "center",
    "centre", "associates", "specialists", "consultants", "radiology", "diagnostics?",
    r"senior\sliving", r"assisted\sliving", r"sports\smedicine", r"bone\s(?:&|and)\sjoint",
    # Maple Grove Dental Arts, Darling Downs Pathology, Ridgeview Correctional
    # Facility, Sacred Heart Children's Pavilion
    r"dental\s(?:arts|care|group|studio|surgery|office|practice)", "pathology", "pavilion",
    r"correctional(?:\s(?:facility|center|centre|institution|complex))?",
    # Turkish heads, after the name: Ege Diyaliz Merkezi, Acıbadem Hastanesi
    "hastanesi", "merkezi", r"klini[gğ]i", r"poliklini[gğ]i",
    # a practice named by its specialty: "Stonebridge Dermatology"
    *_SPECIALTIES,
    r"physical\stherapy", "laboratory", "laboratories", "pharmacy", "pharmacies",
    r"primary\scare", r"home\s(?:infusion|medical|health|care)", r"skilled\snursing",
    r"nursing\s(?:&|and)\srehab(?:ilitation)?", "snf", "manor", "residence", r"family\smed",
    r"medical(?!\s[A-Z])",
    # Ridgecrest Pulmonary Assoc, Willowbrook Nursing Ctr, Summit Orthopedic Group
    "ctr", "assoc", "apothecary", "annex", r"internal\smedicine",
    r"orthop(?:a)?edic\sgroup", r"surgical\sgroup", r"physicians?\sgroup",
    r"extended\scare", r"memory\scare", r"family\scare",
    # schools a child is known at: Ridgeline Middle School, Greenfield Elementary
    r"elementary(?:\sschool)?", r"middle\sschool", r"high\sschool", r"primary\sschool",
    r"school(?:\sdistrict)?", "academy", "preschool", "daycare", "montessori",
    # Clearview Optical, Horizon Care Partners, Sterling Lab Services
    "optical", "optometry", r"care\spartners", r"imaging\spartners", r"lab\sservices",
    r"senior\sservices",
    # Kingsmead Breast Unit, Pinehurst CBOC (a VA clinic), De Loper Physiotherapy
    r"breast\s(?:unit|centre|center|clinic)", "cboc", "physiotherapy", "physio",
    # Cwmtawe Medical Practice, Te Awa Rest Home, Northside OB/GYN
    r"medical\spractice", r"rest\shome", r"retirement\s(?:home|village|community)", r"ob/?gyn",
    # where the dead are laid out: Castellan & Sons Funeral Home
    r"funeral\s(?:home|chapel|services|directors?)", "mortuary", "sanatorium", "dispensary",
    r"maternity\s(?:unit|hospital|centre|center|home)",
)  # fmt: skip
_SUFFIX = f"(?i:{_by_first_letter(_SUFFIXES)})"
# Suffixes that are words of a note too, taken only on the name's line (after
# a space) and before no colon ("Physical Exam\nGeneral: NAD", "Admission
# Labs:"): Brookside Lab, Harbor Drugs, Riverside Children's; then those
# before no capitalised word either ("Applied Behavioral Analysis", "General
# Surgery"): Clearwater General, Oakmont Peds, Eastside Neuro; then Lakewood ER,
# Crossroads OTP, St. Brendan's NICU.
_WEAK_SUFFIXES = (
    # (Drugs capitalised: "Class A drugs", "sulfa drugs" are kinds; Wellsprings Drug)
    r"(?i:labs?|counsell?ing|children'?s|women'?s)|Drugs?|DRUGS?"
    # (capitalised only: "on dialysis", "full recovery")
    r"|Dialysis|DIALYSIS|Transplant|TRANSPLANT|Recovery|RECOVERY|Renal[ ]Care|RENAL[ ]CARE"
    # employers named by their trade (Redfern Logistics, Ehrenfeld Metalworks)
    r"|Logistics|Metalworks|Manufacturing|Industries|Construction|Trucking|Freight|Roofing"
    r"|Plumbing|Mills|Mining|Lumber|Warehousing|Staffing|Landscaping|Nursing|NURSING",
    r"(?i:general|peds|neuro|behaviou?ral)",
    r"ER|OTP|[NP]ICU",
)
_NOT_ER = (
    r"(?!\s(?i:visits?|physicians?|docs?|doctors?|nurses?|staff|course|notes?|workup|records?"
    r"|triage|bills?|copays?|precautions|stay|setting|eval(?:uation)?|providers?|attendings?|team"
    r"|admission|discharge|wait|trips?"
    # nor the oestrogen receptor: "Ductal Carcinoma ER positive", "ER+"
    r"|pos|neg|positive|negative|status|expression|stain(?:ing)?|receptors?|allred|\d)\b|[+/])"
)
_WEAK_SUFFIX = (
    rf"(?<=[ ])(?:{_WEAK_SUFFIXES[0]}|{_WEAK_SUFFIXES[1]}(?!\s[A-Z])"
    rf"|(?:{_WEAK_SUFFIXES[2]}){_NOT_ER})(?![\w-])(?!\s?:)"
)
# What the gate scans for in place of "named": Hyperscan drops lookarounds,
# which would open it on every "Labs:" and "Exam\nGeneral"; here the space
# before and what may follow a suffix are consumed instead (where "named"
# matches, this does: the space is the last of its words', and "$" stands
# for the end of the text).
_NAMED_GATE = (
    rf"{_WORD_BODY}(?:\s{_CONNECTOR})?(?:\s{_SUFFIX}(?:$|[^\w-])"
    rf"|[ ](?:{_WEAK_SUFFIXES[0]}|{_WEAK_SUFFIXES[2]})(?:$|[^\w\s:-]|\s(?:$|[^:]))"
    rf"|[ ]{_WEAK_SUFFIXES[1]}(?:$|[^\w\s:-]|\s(?:$|[^:A-Z])))"
)
_ARTICLE_WORDS = (
    "a", "an", "the", "our", "your", "his", "her", "their", "this", "that", "another", "other",
    "any", "one", "each",
)  # fmt: skip
_ARTICLES = f"(?:{'|'.join(_ARTICLE_WORDS)})"
_LOWER_SUFFIX = (
    r"(?:hospital|medical\scenter|clinic|health\scenter|imaging|infirmary|medical\sgroup"
    r"|cancer\scenter|urgent\scare|surgery\scenter|pediatrics|pharmacy|family\smedicine"
    r"|primary\scare|nursing\shome|labs?|peds|neuro|behaviou?ral(?:\shealth)?|children'?s"
    r"|(?:birthing|rehab(?:ilitation)?|dialysis|treatment|infusion|wellness|recovery|care)\scenter"
    r"|internal\smedicine|(?:memory|extended|family)\scare|counsell?ing|apothecary|radiology"
    r"|(?:senior|assisted)\sliving|manor|(?:care|rest|retirement)\shome"
    rf"|orthop(?:a)?edics|{'|'.join(_SPECIALTIES)}"
    # (not "in general terms", "to general surgery")
    r"|general(?!\s(?:surgery|medicine|practice|pediatrics|anesthesia|terms?|sense|population"
    r"|public|ward|surgeons?|practitioners?|internal)\b))"
)
# Words that start no lower-case name ("to see neuro", "in order to see
# neuro", "to check labs"), nor go on one ("and": "brigham and womens").
_LOWER_STOP = (
    r"(?:at|from|to|in|on|by|for|with|or|as|is|was|are|were|be|been|i|we|you|he|she|it|they|me"
    r"|him|us|them|my|not|no|so|if|but|then|now|also|just|still|back|here|there|when|where"
    r"|which|who|what|how|all|least|most|more|very|see|go|get|call|page|consult|notify|contact"
    r"|ask|tell|refer|follow"
    r"|discuss|have|has|had|send|check|draw|order|trend|obtain|review|recheck|return|transfer"
    r"|come|visit|text|email|message|schedule|book|arrange|reach|let|do|did|does|make|will"
    rf"|would|can|could|should|may|might|must|{'|'.join(_ARTICLE_WORDS)})"
)
_LOWER_WORD = r"[a-z][a-z'’&-]*+"
# "Mayo Clinic criteria", "Cleveland Clinic score": a method named after a
# place, not a place of care
_NOT_A_CONCEPT = (
    r"(?!\s(?i:criteria|score|scale|protocol|classification|guidelines?|nomogram|rule|"
    r"system|index|method|technique|sign)\b)"
)
# Words that begin a facility's name in other languages.
_PREFIXES = (
    r"Cl[ií]nica", "Clinique", r"Centro\sM[eé]dico", "Sanatorio", r"H[ôo]pital", "Klinikum",
    "Krankenhaus", r"Policl[ií]nica", "Policlinico", "Ospedale", r"Farm[aá]cia", "Residencia",
    # a German hospital's kind before its head: Evangelisches Krankenhaus X
    *(
        rf"{kind}[ns]?\s(?:Krankenhaus|Klinikum|Kliniken)"
        for kind in ("Evangelische", "Katholische", r"St[äa]dtische", "Allgemeine", "Diakonische")
    ),
    r"B[eệ]nh\svi[eệ]n(?:\s[ĐđD]a\skhoa)?", r"Ph[òo]ng\skh[áa]m(?:\s[ĐđD]a\skhoa)?",
    # Spanish and Portuguese "Hospital" before what no English note puts
    # after it: "Hospital Santa Clara", not "Hospital Course", "Hospital Day 3"
    r"Hospital\s(?:Santa|Santo|San|S[ãa]o|Nossa|Nuestra|Regional|Geral|General"
    r"|Universit[aá]rio|Municipal|Estadual|Provincial|Nacional|Israelita|Italiano|Alem[aã]o"
    r"|Espa[ñn]ol|Brit[aâ]nico|Metropolitano|Evang[eé]lico|Infantil|Materno|Militar"
    r"|Cl[ií]nico|Maternidade|Maternidad|Comarcal|Distrital|Departamental|Comunitario"
    r"|Dr\.|de|del|do|da|dos|das)",
    r"Centro\sde\s[Ss]a(?:lud|[úu]de)", r"Posto\sde\s[Ss]a[úu]de", r"posto\sde\s[Ss]a[úu]de",
    r"Casa\sde\sRepouso", "Lar",
    r"Centre\sHospitalier(?:\s(?:Universitaire|R[ée]gional(?:\sUniversitaire)?|Intercommunal))?",
    "CHU", "CHRU", r"Groupe\sHospitalier", "CLSC", "CHSLD", "CIUSSS", "CISSS", "Mustashfa",
    # German practices: Praxis am Rosengarten, Hausarztpraxis Dr. Kaya
    "Praxis(?:gemeinschaft)?", "Hausarztpraxis", "Gemeinschaftspraxis", "Arztpraxis",
    "Zahnarztpraxis", "Kinderarztpraxis", "Facharztpraxis", "Frauenarztpraxis", "MVZ",
    # German homes and clinics (Seniorenheim Am Park, Geriatrischen Klinik
    # Sonnenhalde, Radiologie am Marktplatz), Dutch, Italian, French, Polish,
    # Portuguese, Spanish and Tagalog heads
    "Seniorenheim", "Pflegeheim", "Altenheim", "Klinik", "Kinderklinik",
    r"Geriatrische[nr]?\sKlinik", r"Psychiatrische[nr]?\sKlinik", r"Neurologische[nr]?\sKlinik",
    r"Chirurgische[nr]?\sKlinik", r"Medizinische[nr]?\sKlinik",
    r"Radiologie(?=\s(?:am|an|im)\s)", "Huisartsenpraktijk", "Ziekenhuis", r"Medisch\sCentrum",
    "Gezondheidscentrum", r"Centro\sDiagnostico", r"Casa\sdi\sCura", "Poliambulatorio",
    r"Azienda\sOspedaliera", r"Cabinet\sm[ée]dical", "EHPAD", r"Maison\sde\ssant[ée]",
    r"Centre\sm[ée]dical", "Polyclinique", r"Szpital\w*", r"Przychodni\w*", r"Poradni\w*",
    r"Centrum\s(?:Medyczne|Pediatrii|Zdrowia)\w*", r"Laborat[óo]rio(?:\sCl[íi]nico)?",
    r"Unidade\sde\sSa[úu]de", "CESFAM", "Consultorio", r"Ospital\sng",
    # Swahili, Hebrew, Farsi and Arabic, Greek, Romanian and Czech heads, as
    # written in Latin letters: Hospitali ya Rufaa ya ..., Merkaz Refui ...,
    # Bimarestan-e ..., Nosokomeio ..., Spitalul Județean ..., Nemocnice ...
    r"Hospitali\sya", r"Zahanati\sya", r"Merkaz\sRefui", r"Bimarestan(?:-e)?", "Nosokomeio",
    r"Iatriko\sKentro", "Spitalul", "Nemocnice",
    # Indonesian and Malay hospitals (Rumah Sakit, RS, RSUD, RSIA), Italian
    # care homes (RSA Villa Glicine), French imaging centres
    r"Rumah\sSakit", "RSU?D?", "RSIA", "RSA", "Puskesmas",
    r"Centre\sd['’][Ii]magerie(?:\sM[ée]dicale)?", r"Cabinet\sde\sRadiologie",
    # Unidad Renal San Rafael, Centre Oncologique des Alpes, CMP de Saint-Denis,
    # huisartsenpraktijk Het Anker, Hospital Maternidade Santa Clara
    r"Unidad\s(?:Renal|de\sDi[áa]lisis)", r"Centre\s(?:Oncologique|de\s[Ss]ant[ée])", "CMPP?",
    "huisartsenpraktijk",
)  # fmt: skip
_PREFIX = _by_first_letter(_PREFIXES)
_NAME_CONNECTOR = (
    r"(?:de\sla|an\sder|in\sder|de|del|des|la|los|las|du|do|da|dos|das|di|della|am|an|im|zum|zur"
    r"|der|und|e|y|w|het|van|op|ya"
    # Polish "named after (saint)": Szpital im. św. Łukasza
    r"|im\.(?:\s[śs]w\.)?)"
)
# (d'Arras, Al-Noor, al-Noor)
# (a full stop ends the name after a word of five letters or more: "Hospital
# San Rafael de Tlalpan. Ingresó", not "Hospital Gral. San Juan")
_NAME_WORD = r"(?:d['’]|[Aa]l-|[Ee]l-)?[^\W\d_a-z](?:[\w'’\-]|\.(?=\w))*+(?:(?<![\w'’\-]{5})\.)?"
# A word of a place named after a care verb: no trailing full stop (which
# ends the sentence) except in "St.".
_PLACE_WORD = r"(?:St\.|[A-Z][A-Za-z'’&-]*+)"


# A company's legal form after its name: Granite State Roofing LLC, Midwest
# Poultry Processing Inc., Volta Solar GmbH, Huaxin Engineering Co.
_LEGAL_FORM = (
    r"(?:LLC|L\.L\.C\.|Inc\.?|Corp\.?|Corporation|Co\.|Ltd\.?|Limited|GmbH|S\.A\.|SpA"
    r"|B\.V\.|PLC|plc|LLP|PLLC|Pty\sLtd)(?![\w-])"
)
# What an employer's field may say that names no one: "Employer: retired".
_NO_EMPLOYER = (
    r"retired|unemployed|self|self-employed|none|n/a|na|disabled|student|homemaker|unknown"
    r"|not\b|no\b|the\b|a\b|home"
)

# Verbs that put a patient at a place: "seen at", "admitted to".
_CARE_VERBS = (
    "seen", "treated", "admitted", "evaluated", "followed", "hospitalised", "hospitalized",
    "discharged", "transferred", "referred", "imaged", "scanned", "presented", "managed",
    "operated", "delivered", "visited", "visit", "went",
)  # fmt: skip
_TO = ("at", "to", "from", "in")
_CARE_SITE = rf"(?:the\s)?(?P<v>{_PLACE_WORD}(?:[\s-](?:of\s)?{_PLACE_WORD}){{0,4}})"


#: Words that name no place, connectors (Department of Radiology) included.
_NO_PLACE = GENERIC_PLACE_WORDS | frozenset(_CONNECTORS) | frozenset(_CARE_VERBS) | _VERBS
#: What comes after a vendor's name in its divisions' (Siemens Medical
#: Solutions, Canon Medical Systems), never a hospital's (Baxter Regional
#: Medical Center, Cook Children's).
_CORPORATE = frozenset(
    """
    medical healthcare health imaging diagnostics diagnostic systems system solutions
    healthineers ultrasound molecular nuclear usa america americas inc inc. corp corp.
    corporation international technologies technology devices life sciences oncology
    radiology cardiology services scientific labs laboratories laboratory lab company co
    ltd gmbh ag group pharmaceuticals pharma orthopedics orthopaedics spine surgical neuro
    endoscopy enterprise platform cloud software informatics digital viewer connect and & of
    the
    """.split()
)
#: Titles that "General" ends: the Surgeon General, Physical Exam General.
_GENERAL_TITLES = frozenset(
    """
    surgeon attorney secretary inspector solicitor governor major brigadier lieutenant
    postmaster director consul comptroller adjutant paymaster vicar auditor registrar
    exam examination appearance ros review physical constitutional procurator
    directorate advocate accountant commissioner prosecutor treasurer receiver notary
    """.split()
)
#: Last words that name a service or a kind as often as a place: "Harbor
#: Drugs" but "Illicit Drugs", "Riverbend Counseling" but "Genetic
#: Counseling", "Cedar Ridge Behavioral" but "Dialectical Behavioral",
#: "Brookside Lab" but "Genetic Lab" (and "Admission Labs", generic).
_SERVICES = frozenset(
    {"drugs", "counseling", "counselling", "behavioral", "behavioural", "lab", "labs"}
)
#: What those services are about, besides adjectives (Recreational,
#: Antiepileptic, Nutritional, Contraceptive: :data:`_ADJECTIVE_ENDINGS`).
_TOPICS = frozenset(
    """
    current all these those such some many most several similar both certain common
    opioid opiate seizure blood pressure heart cholesterol chemo chemotherapy weight loss
    arthritis anxiety depression antidepressant antidepressants abuse alcohol tobacco
    food drug drugs smoking cessation substance use disorder addiction dependency nutrition
    diet exercise grief marriage couples lactation safety medication adherence patient risk
    crisis peer career bereavement hiv sti contraception birth control preconception
    pregnancy options fall injury prevention firearm violence suicide means sun protection
    anticipatory guidance safe sex lifestyle behavior behaviour parenting anger management
    insurance vaccine immunization hygiene pretest pre-test posttest post-test applied
    """.split()
)
#: Kinds of drugs that are words of places too ("Harlow Street Lab").
_DRUG_KINDS = frozenset(
    """
    street illicit illegal prescription otc over-the-counter generic brand designer party
    study trial home hard soft gateway iv injectable controlled sulfa sulpha class
    schedule category
    """.split()
)
#: (not "-al" before "Lab": Coastal Labs, Capital Lab)
_ADJECTIVE_ENDINGS = ("ic", "ive", "ary", "ory", "ous")
#: Drug kinds by what they do: "Cholesterol Lowering Drugs", "QT-Prolonging Drugs".
_ACTION_ENDINGS = (
    "thinning", "lowering", "modifying", "prolonging", "blocking", "sparing", "sedating",
    "reducing",
)  # fmt: skip


@functools.cache
def _no_place() -> frozenset[str]:
    """:data:`_NO_PLACE` and the lexicon's short names of departments, which
    name no place either ("Peds Neuro", "Cardio ER")."""
    return _NO_PLACE | load_lexicons().services


def _a_product(words: list[str]) -> bool:
    """Whether ``words`` name a product or a vendor's division, not a place:
    a product whole (GE Healthcare, United Imaging), a vendor before
    corporate words only (Siemens Medical Solutions), a drug before generic
    words only (Coumadin Clinic). A device model's name that begins a
    place's does not (Lotus Women's Clinic, Horizon Health)."""
    lower = [word.lower() for word in words]
    if len(lower) > 1 and lower[0] == "the":
        lower = lower[1:]  # "The GE HealthCare Revolution CT"
    lexicons = load_lexicons()
    if " ".join(lower) in lexicons.products:
        return True
    vendors, drugs = lexicons.vendors, lexicons.drugs
    for k in (1, 2):
        head, rest = " ".join(lower[:k]), lower[k:]
        if head in vendors and all(word in _CORPORATE for word in rest):
            return True
        if head in drugs and all(word.rstrip(".") in _NO_PLACE for word in rest):
            return True
    return False


def _clinical_topic(word: str) -> bool:
    """A clinical term that is no English word: a disease or gene a service
    is about (``Zika counseling``, ``BRCA counseling``; not ``Cedar Ridge
    Behavioral``, though a ridge is anatomy too)."""
    lexicons = load_lexicons()
    return word in lexicons.clinical and word not in lexicons.english


def _a_topic(word: str, service: str) -> bool:
    """Whether lower-case ``word`` says what ``service`` (one of
    :data:`_SERVICES`) is about or does (an adjective, :data:`_TOPICS`),
    not where it is."""
    return (
        word in _TOPICS
        or (service == "drugs" and word in _DRUG_KINDS)
        or _clinical_topic(word)
        or word.startswith(("anti", "non"))
        or word.endswith(_ADJECTIVE_ENDINGS + _ACTION_ENDINGS)
        or (service not in ("lab", "labs") and word.endswith("al"))
    )


#: Titles that open a person's name, never a place's.
_PERSON_TITLES = frozenset("dr mr mrs ms prof doctor".split())

#: Words of a threshold, never of a place's name: "HR over 130".
_COMPARISONS = frozenset("over under above below than".split())
#: Compounds that say what kind of place, not which: Faith-based,
#: physician-owned, nurse-led, community-run.
_KIND_ENDINGS = (
    "-based", "-owned", "-led", "-run", "-focused", "-centered", "-centred",
    # how often, not where: Bi-weekly labs
    "-weekly", "-monthly", "-daily", "-yearly",
)  # fmt: skip

#: A full stop after a word longer than an abbreviation (Hosp., Comm., St.),
#: then a space: where one sentence ends and the next starts.
_SENTENCE_BREAK = regex.compile(r"[^\W\d_]{6,}\.\s")


def names_a_place(value: str) -> bool:
    """False when every word of ``value`` is generic (no particular place;
    ``Department of Radiology``, ``Cath Lab``), it names a service
    (``Illicit Drugs``, ``Genetic Counseling``), or it is a vendor's name or
    a product's (United Imaging, GE Healthcare, Coumadin Clinic)."""
    words = _WORDS.findall(value)
    if not words or _a_product(words):
        return False
    if words[0].lower().rstrip(".") in _PERSON_TITLES:
        return False  # "Dr Mathilde Girard du Centre ...": a person, then the place
    if _SENTENCE_BREAK.search(value):
        return False  # "c/w Hirschsprung. Peds surgery aware": two sentences
    if _prose(words):
        return False  # "Travel clinic: Japanese encephalitis vaccine for rural Asia ..."
    if any(word.lower() in _COMPARISONS for word in words):
        return False  # "criteria at our hospital: HR over 130": a threshold
    last = words[-1].lower()
    # (before a specialty, a lone two-letter acronym names a module or a
    # method, not a practice: "syngo.via MM Oncology"; "LA General" is one)
    specialty = last in _SPECIALTIES
    two_parties = specialty or last in _SERVICES or last in load_lexicons().services
    if two_parties and len(words) > 1 and words[-2] in ("and", "&"):
        # "with Okafor and Cardiology", "GI and Neuro": two parties; "Alcohol and Drugs"
        return False
    lowered = [word.lower() for word in words]
    if "hospitals" in lowered:
        # a chain's name before it is no word (Yashoda Hospitals, Fortis
        # Hospitals); "Many Hospitals", "PACS. Teaching Hospitals" are kinds
        head = lowered.index("hospitals")
        if head == 0 or lowered[head - 1] in load_lexicons().english:
            return False
    if any(
        word == "general" and k and lowered[k - 1] in _GENERAL_TITLES
        for k, word in enumerate(lowered)
    ):
        return False  # the Surgeon General, "Directorate General of Health"
    service = last in _SERVICES
    if service and len(words) > 1 and _a_topic(words[-2].lower(), last):
        return False  # "Denies Illicit Drugs", "Uses Recreational Drugs"
    no_place = _no_place()
    for word in words:
        lower = word.lower().rstrip(".")
        if lower in no_place or (specialty and len(word) <= 2 and word.isupper()):
            continue
        if service and _a_topic(lower, last):
            continue
        if lower.endswith(_KIND_ENDINGS):
            continue  # "Faith-based health systems": a kind of health system
        return True
    return False


def _prose(words: list[str]) -> bool:
    """Words of a sentence, not a name: capitalised words among more
    lower-case words of four letters or more (a name in lower case is lower
    case throughout: ``st mary's hospital``)."""
    capitalised = sum(word[:1].isupper() for word in words)
    lower = sum(word.islower() and len(word) > 3 for word in words)
    return capitalised > 0 and lower >= 2 and lower > capitalised


_FACILITY = PatternRecognizer(
    name="facility_v1",
    label="FACILITY",
    patterns=(
        Pattern(
            "named",
            # (starting only where a run of word characters starts: after a
            # "." inside "A.A.A..." each start rescanned the run, quadratic)
            rf"(?<![\w'’&.-])(?=[A-Z])(?:(?:St\.?|Saint|Mt\.?|Mount)\s)?(?:{_WORD}\s(?:{_CONNECTOR}\s)?){{1,5}}"
            rf"(?:{_SUFFIX}|{_WEAK_SUFFIX})(?![\w-]){_NOT_A_CONCEPT}"
            rf"(?:\s(?:of|at)\s(?:the\s)?{_WORD}(?:\s{_WORD}){{0,3}})?"
            # a chain's branch by its place: Apollo Hospitals Greams Road,
            # Yashoda Hospitals Somajiguda (before a comma or the end)
            r"(?:(?<=Hospitals)[ ][A-Z][a-z]++(?:[ ][A-Z][a-z]++)?(?=[,.;)\n]|$))?"
            # a branch's number: Hillcrest Pharmacy #112, Corner Drug #12
            r"(?:[ ]?\#[ ]?\d{1,6}(?!\d))?",
            0.8,
            gate=_NAMED_GATE,
            ascii_re=True,
        ),
        # lower case after a word that puts someone there: "seen at mercy
        # hospital" (no article: "at a teaching hospital" is no name)
        Pattern(
            "lower_named",
            rf"\b(?:at|from|to|in)\s(?P<v>(?!(?:{_LOWER_STOP}|and|of)\s){_LOWER_WORD}"
            rf"(?:\s(?!{_LOWER_STOP}\s){_LOWER_WORD}){{0,2}}\s{_LOWER_SUFFIX}\b"
            # a saint's: "at st lukes", "from st. mary's"
            r"|st\.?\s[a-z]++(?:['’]s|(?<=s))(?![-\w'’]))",
            0.6,
            ascii_re=True,
        ),
        # a drugstore after "pharmacy": "pharmacy harbor drugs" (not "allergic
        # to sulfa drugs", which "at/from/to/in" would take)
        Pattern(
            "lower_drugstore",
            rf"\bpharmacy:?\s(?P<v>(?!{_LOWER_STOP}\s){_LOWER_WORD}"
            rf"(?:\s{_LOWER_WORD}){{0,2}}\sdrugs)\b",
            0.6,  # (no ascii_re: regex finds "pharmacy" faster than re, measured 0.5 vs 7 µs)
        ),
        # Spanish and Portuguese in lower case: "en el hospital san judas"
        Pattern(
            "lower_prefix",
            r"\b(?:en\s(?:el|la)|n[oa]|em|a[lo]|d[eo]l?|d[ao])\s(?P<v>(?:hospital|cl[ií]nica"
            r"|sanatorio|posto\sde\ssa[úu]de|centro\sde\ssa(?:lud|[úu]de))"
            r"\s(?:san|santa|santo|s[ãa]o)\s[^\W\d_]++)",
            0.6,
        ),
        # Clínica San Rafael, Centro Médico ABC, Sanatorio Güemes, CHU de
        # Rennes, Praxis am Rosengarten, Phòng khám Đa khoa An Phúc
        Pattern(
            "named_prefix",
            rf"\b(?:{_PREFIX})\s(?:{_NAME_CONNECTOR}\s)?{_NAME_WORD}"
            rf"(?:\s(?:{_NAME_CONNECTOR}\s)?{_NAME_WORD}){{0,4}}",
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
        # Employers, which identify a patient as a clinic does: a company by
        # its legal form (Granite State Roofing LLC, Volta Solar GmbH), or
        # after a word for working there (Employer: Kessler Tool & Die,
        # works at Cascadia Credit Union); not a vendor's (Siemens
        # Healthineers AG: the validator knows them)
        Pattern(
            "company",
            # (on one line, and joined by "&" only: "Ann Lee of Fernandez
            # Inc." is a person of a company)
            rf"(?<![\w'’&.-])(?!(?i:employer|employed|works)\b)(?:{_WORD}[ ](?:&[ ])?){{1,5}}"
            rf"(?-i:{_LEGAL_FORM})",
            0.6,
        ),
        Pattern(
            "employer",
            r"\b(?i:employer|employed\s(?:by|at)|works?\s(?:at|for)|working\s(?:at|for)"
            r"|(?:new\s)?hire\sat|job\sat|exposure\sat|student\sat)[,:]?\s?:?\s"
            rf"(?!(?i:{_NO_EMPLOYER})\b)(?P<v>{_PLACE_WORD}(?:[\s-](?:&\s|and\s|of\s)?{_PLACE_WORD}){{0,4}}"
            rf"(?:,?\s(?-i:{_LEGAL_FORM}))?)",
            0.6,
        ),
        # Veterans' hospitals by their city: VA Puget Sound, Loma Linda VA,
        # Hines VAMC (not VA Form 10-5345, VA benefits, the VA Mission Act)
        Pattern(
            "veterans",
            r"(?<![\w'’&.-])(?:VA|VAMC)[ ](?!(?:Form|Forms|Benefits?|Disability|Claims?|Rating"
            r"|Mission|Secretary|Policy|Directive|Handbook|National|Central|Office|Schedule"
            r"|Healthcare|Health|Medical|Hospital|Clinic|Community|Care|Pharmacy|Police|Loan"
            r"|Home|Caregiver|Choice|Act|Benefit|Regional|Records?|Request)\b)"
            r"[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}(?![-\w'’])"
            r"|(?<![\w'’&.-])"
            rf"(?!(?i:{'|'.join(sorted(_VERBS))}|per|via|with|and|or|at|from|to|in|the)[ ])"
            r"[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?[ ](?:VA|VAMC)(?![\w-])(?![ ]\d)",
            0.6,
            ascii_re=True,
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
        "ninety six year old female from «sunnyvale manor» with a fall",
        "transferred from «miami valley hospital» for",
        "came in from «st mary's hospital» by",
        "called from «Bayview Women's Center», they need",
        "outside report from «Glenview Radiology»: ACC",
        "ortho f/u at «Northside Bone & Joint». cb",
        "from «Sunrise Senior Living» in",
        "MRN HYD-0044128, «Yashoda Hospitals Somajiguda», Hyderabad.",
        "noncon CT head at «VA Puget Sound» on 2/29",
        "knee XR at «Loma Linda VA» on 7/8",
        "back to «Little Acorns Montessori» tomorrow",
        "ceph at «Bright Smiles Orthodontics». Mother",
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
        "results from «Brookside Lab» are back",
        "sent out to «Northstar Reference Labs» for",
        "karyotype by «Crestview Cytogenetics Lab» showed",
        "MRI @ «Sunset Blvd Lab» on",
        "picked up at «Greenleaf Apothecary» today",
        "pharmacy: «Harbor Drugs» on Main",
        "sees a therapist at «Hope Valley Counselling» weekly",
        "admitted to «Willowbrook Nursing Ctr» for rehab",
        "«RIDGECREST PULMONARY ASSOC» PFT report",
        "transferred from «Clearwater General» for",
        "now at «Sunnyside Memory Care» since",
        "comp claim through his employer, «Tri-County Concrete Supply».",
        "implant placed at «Children's Hospital of the Sierra», pt",
        "hes at «willowbrook senior living» rm 3",
        "Ospite presso «RSA Villa Glicine».",
        "vive en la «Residencia Los Olivos» con su hija",
        "dijadwalkan USG di «RS Harapan Sentosa». Alamat",
        "TK głowy w «Szpital Miejski im. św. Łukasza w Dębnie» — prosimy",
        "seen at «Cedar Ridge Behavioral» for",
        "pcp: «Brightwater Internal Medicine»",
        "from «Summit Orthopedic Group» re",
        "to «Lakeview Extended Care» on",
        "at «Valley Sun Children's Annex», she",
        "went to «Lakewood ER» last night",
        "in «St. Brendan's NICU» for 3 weeks",
        "at «Lotus Women's Clinic» on",
        "f/u at «Oakmont Peds» on",
        "referral to «Eastside Neuro» for EMG",
        "to «Riverside Childrens» today",
        "from «Hillcrest Family Care» on",
        "dosing at «Crossroads OTP» daily",
        "pt at «st lukes» yesterday",
        "lives at «sunnybrook nursing home» since",
        "results from «alder creek labs» show",
        "referral to «eastside neuro» for",
        "at «oakmont peds» on",
        "from «brookhaven general» for",
        "pharmacy «harbor drugs» refill",
        "at «midvale urology» today",
        "at «cedar ridge behavioral» since",
        "to «riverside childrens» today",
        "at «north point birthing center» on",
        "internado no «Hospital Santa Clara do Ipiranga» desde",
        "«Hospital Regional Valle del Sol», Tucumán",
        "internado en el «hospital san judas» desde",
        "au «Centre Hospitalier de Kerlann» le",
        "IRM au «Centre Hospitalier Universitaire de Rennes» le",
        "au «CHU de Rennes» le 3",
        "MRT in der «Praxis am Rosengarten» am",
        "«Hausarztpraxis Dr. Kaya» am",
        "«Gemeinschaftspraxis Müller und Partner» am",
        "khám tại «Phòng khám Đa khoa An Phúc» ngày",
        "mora no «Lar São Vicente de Paulo» desde",
        "in «Mustashfa Al-Noor» since",
        "no «posto de saúde do Jardim Ângela» ontem",
        "en el «Centro de Salud Txurdinaga» ayer",
        "au «CLSC Rosemont-Est» hier",
        "na «Casa de Repouso Bem Viver» desde",
        "employed by «Granite State Roofing LLC», fell",
        "Employer: «Midwest Poultry Processing Inc.»   Supervisor",
        "Employer «Kessler Tool & Die» — on leave",
        "new hire at «Copperline Semiconductor», employee ID",
        "psychiatrii «Szpitala Wojewódzkiego w Tarnowie». Matka",
        "doorsturen naar «huisartsenpraktijk Het Anker»? Labnummer",
        "en diálisis en la «Unidad Renal San Rafael», le cambiaron",
        "adressé par le «CMP de Saint-Denis» le lundi",
        "no «Hospital Maternidade Santa Clara». Registro",
        "at «Riverside Dialysis» three times a week",
        "infections at «Lakeside Renal Care» this month",
        "«Ege Diyaliz Merkezi». Bilgi",
        "Su historia en el «Hospital Comarcal de Valdeolmos» es",
        "alilazwa «Hospitali ya Rufaa ya Mlima Kijani» tarehe",
        "dar «Bimarestan-e Golestan-e No» bastari shod.",
        "internat la «Spitalul Județean de Urgență Valea Mureșului» pe 4.03.2024",
        "calling from «Pinecrest Nursing» about our resident",
        "mammography at «Kingsmead Breast Unit» on 9 November",
        "C&P exam at «Pinehurst CBOC». Current",
        "Recheck at «De Loper Physiotherapy» on 16 July.",
        "personnel no. 88-2041, «Ehrenfeld Metalworks», DOI",
    ),
    counterexamples=(
        "Skilled Nursing and Pediatric Nursing",
        "attach VA Form 10-5345 and the VA Disability Rating",
        "under the VA Mission Act, community care",
        "the Montessori method",
        "Many Hospitals Now use PACS. Teaching Hospitals Ranked",
        "je suis le Dr Mathilde Girard du Centre",
        "the breast unit called back",
        "construction workers on site",
        "Employer: retired since 2019",
        "Full Recovery expected",
        "Peritoneal Dialysis training on Monday",
        "Child Psychiatry and Adult Psychiatry",
        "Employer: Self",
        "works at home since the stroke",
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
        "c/w Hirschsprung. Peds surgery aware",
        "ECG done in the Cath Lab",
        "Sleep Lab study showed OSA",
        "Echo Lab read: EF 55%",
        "the Surgeon General warning",
        "Department of Internal Medicine",
        "Division of General Internal Medicine",
        "Annals of Internal Medicine 2019",
        "sent to the ER",
        "Peds ER overnight",
        "Frequent ER visits this year",
        "Invasive Ductal Carcinoma ER positive",
        "Level III NICU admission",
        "Vitals and Labs reviewed",
        "Physical Exam\nGeneral: NAD",
        "Applied Behavioral Analysis therapy",
        "Denies Illicit Drugs",
        "Alcohol and Drugs: denies",
        "Smoking Cessation Counseling provided",
        "Genetic Counseling referral placed",
        "Coumadin Clinic INR 2.4",
        "Hospital Day 3, afebrile",
        "Hospital Course: uneventful",
        "Hospital Medicine team",
        "Hospital Anxiety and Depression Scale score 9",
        "Praxis Core exam",
        "in the nursing home",
        "to the er now",
        "in order to see neuro",
        "to check labs tomorrow",
        "from recent labs K was low",
        "in general terms",
        "allergic to sulfa drugs",
        "transferred to general surgery",
        "to provide family care",
        "Recommend GI and Neuro follow up",
        "GE Healthcare Discovery MR750",
    ),
)

#: Streets a British GP surgery is named after: Stray Road Surgery.
_STREETS = frozenset("road street lane avenue park green square hill house drive way".split())


def _a_practice(value: str) -> bool:
    """Whether ``value`` (words before "Surgery") names a practice, not an
    operation or a specialty: a street's (``Stray Road Surgery``, a British
    GP's), or a name no word list holds as a word first (``Lakeview
    Thoracic Surgery``, ``Lumière Aesthetic Surgery``; not ``Weight Loss
    Surgery``, ``Mohs Micrographic Surgery``, ``Robotic Spine Surgery``)."""
    words = _WORDS.findall(value)
    if len(words) < 3 or not names_a_place(value):
        return False
    if words[-2].lower() in _STREETS:
        return True
    first = words[0].lower()
    lexicons = load_lexicons()
    return first not in lexicons.english and first not in lexicons.clinical


# Practices named "... Surgery": a British GP's (Stray Road Surgery) or a
# surgeons' practice (Harborview Breast Surgery); two capitalised words or
# more before it, and no heading's colon after it ("General Surgery:").
_SURGERY = PatternRecognizer(
    name="facility_surgery_v1",
    label="FACILITY",
    patterns=(
        Pattern(
            "surgery",
            # (not from a GP's letters: "GP Llandaff North Surgery")
            r"(?<![\w'’&.-])(?!GP[ ])(?:[A-Z][-\w'’]*+[ ](?:&[ ])?){2,4}"
            r"(?:Surgery|SURGERY)(?![\w-])(?!\s?:)",
            0.7,
            ascii_re=True,
        ),
    ),
    prefilter=r"Surgery|SURGERY",
    validate=_a_practice,
    ignore_case=False,
    examples=(
        "GP Dr A. Rahman, «Stray Road Surgery». ?Morton",
        "Siân Pritchard, GP «Llandaff North Surgery», 12 Station Rd",
        "Bx at «Lakeview Thoracic Surgery» 2/9/24: adenocarcinoma",
        "consult w/ Dr. Lindqvist at «Harborview Breast Surgery» 6/4.",
    ),
    counterexamples=(
        "referred for Weight Loss Surgery consult",
        "Mohs Micrographic Surgery tomorrow",
        "General Surgery: aware",
        "booked for Robotic Spine Surgery",
        "Department of Cardiac Surgery",
    ),
)

# Facilities in Arabic, Hebrew, Greek, Russian and Hindi script, by their
# head: before the name (مستشفى الندى التخصصي, מרכז רפואי שער הגליל, Ιατρικό
# Κέντρο Αγία Ειρήνη), or after it with its number (Городская клиническая
# больница № 57) or its words (सूर्योदय डायग्नोस्टिक सेंटर). The name's
# words stop at a function word of the language.
_ARABIC_WORD = rf"(?!(?:في|من|إلى|على|عن|مع|و|أو|ثم)\s)(?:{ARABIC_LETTER}|[\u0660-\u0669])+"
_HEBREW_WORD = rf"(?!(?:של|עם|על|את|או|גם|כי|אם)\s)(?:{HEBREW_LETTER}|[\"׳״'-])+"
_GREEK_WORD = GREEK_WORD
_DEVANAGARI_WORD = r"(?!(?:में|की|के|को|से|पर|और|ने|का|है|हैं|यह|वह)\s)[\u0900-\u0963\u0966-\u097F]+"
_CYRILLIC_ADJECTIVE = r"[А-ЯЁа-яё]+(?:ая|ий|ый|ой|ое|ая)"
# Persian and Urdu words (Arabic letters and the ones they add), not their
# prepositions and postpositions: در از به با که را و; کو کی کا کے میں سے
_PERSIAN_WORD = r"(?!(?:در|از|به|با|که|را|و|کو|کی|کا|کے|میں|سے|نے)\s)[\u0621-\u064A\u0671-\u06D3]+"
# Bengali words (no digits), not "on the date", "from", "of", "at"
_BENGALI_WORD = r"(?!(?:তারিখে|থেকে|এর|এ|কে)\s)[\u0980-\u09E5]+"
_SCRIPT_FACILITY = PatternRecognizer(
    name="facility_script_v1",
    label="FACILITY",
    patterns=(
        Pattern(
            "arabic",
            # (not after the article: المستشفى is "the hospital")
            r"(?<![\u0621-\u064A])(?:مستشفى|مستشفي|مركز|عيادة|عيادات|مجمع|مستوصف)\s"
            rf"{_ARABIC_WORD}(?:\s{_ARABIC_WORD}){{0,2}}",
            0.75,
            gate=r"مستشفى|مستشفي|مركز|عيادة|عيادات|مجمع|مستوصف",
        ),
        Pattern(
            "hebrew",
            r"(?<![\u05D0-\u05EA])[בלמהו]?(?:בית\sחולים|מרכז\sרפואי|מרפאת|בי\"ח)\s"
            rf"{_HEBREW_WORD}(?:\s{_HEBREW_WORD}){{0,2}}",
            0.75,
            gate=r"בית חולים|מרכז רפואי|מרפאת|בי\"ח",
        ),
        Pattern(
            "greek",
            r"(?:Νοσοκομείο|Ιατρικό\sΚέντρο|Κλινική|Διαγνωστικό\sΚέντρο)\s"
            rf"{_GREEK_WORD}(?:\s{_GREEK_WORD}){{0,2}}",
            0.75,
            gate=r"Νοσοκομείο|Ιατρικό Κέντρο|Κλινική|Διαγνωστικό Κέντρο",
        ),
        Pattern(
            "russian_numbered",
            rf"(?:[А-ЯЁ]{_CYRILLIC_ADJECTIVE[1:]}\s)?(?:{_CYRILLIC_ADJECTIVE}\s){{0,2}}"
            r"(?:больниц[аыеу]|поликлиник[аиеу]|госпитал[ья]?|клиник[аиеу]|ГКБ|ГБ|ЦРБ)\s?№\s?\d+",
            0.75,
            gate=r"больниц|поликлиник|госпитал|клиник|ГКБ|ГБ|ЦРБ",
        ),
        Pattern(
            "hindi",
            rf"(?<![\u0900-\u097F])(?:{_DEVANAGARI_WORD}\s){{1,3}}"
            r"(?:अस्पताल|हॉस्पिटल|डायग्नोस्टिक\sसेंटर|सेंटर|क्लिनिक|चिकित्सालय)",
            0.75,
            gate=r"अस्पताल|हॉस्पिटल|सेंटर|क्लिनिक|चिकित्सालय",
        ),
        # Persian (the head first), Urdu, Bengali and Amharic (the head last)
        Pattern(
            "persian",
            r"(?<![\u0621-\u06D3])(?:بیمارستان|درمانگاه|کلینیک)\s"
            rf"{_PERSIAN_WORD}(?:\s{_PERSIAN_WORD}){{0,2}}",
            0.75,
            gate=r"بیمارستان|درمانگاه|کلینیک",
        ),
        Pattern(
            "urdu",
            rf"(?<![\u0621-\u06D3])(?:{_PERSIAN_WORD}\s){{1,3}}(?:ہسپتال|اسپتال|کلینک)",
            0.75,
            gate=r"ہسپتال|اسپتال|کلینک",
        ),
        Pattern(
            "bengali",
            rf"(?<![\u0980-\u09E5])(?:{_BENGALI_WORD}\s){{1,3}}(?:হাসপাতাল|ক্লিনিক)",
            0.75,
            gate=r"হাসপাতাল|ক্লিনিক",
        ),
        Pattern(
            "amharic",
            r"(?<![\u1200-\u135A])(?:[\u1200-\u135A]+\s){1,3}ሆስፒታል",
            0.75,
            gate=r"ሆስፒታል",
        ),
    ),
    prefilter=(
        r"مستشفى|مستشفي|مركز|عيادة|عيادات|مجمع|مستوصف|בית חולים|מרכז רפואי|מרפאת|בי\"ח|Νοσοκομείο"
        r"|Κέντρο|Κλινική|больниц|поликлиник|госпитал|клиник|ГКБ|ГБ|ЦРБ|अस्पताल|हॉस्पिटल|सेंटर"
        r"|क्लिनिक|चिकित्सालय|بیمارستان|درمانگاه|کلینیک|ہسپتال|اسپتال|کلینک|হাসপাতাল|ক্লিনিক|ሆስፒታል"
    ),
    ignore_case=False,
    examples=(
        "تاريخ الفحص 15/05/2024 في «مستشفى الندى التخصصي». نرجو",
        "עברה בדיקת MRI «במרכז רפואי שער הגליל». אפשר",
        "έκανε αξονική στο «Ιατρικό Κέντρο Αγία Ειρήνη». Μπορείτε",
        "КТ выполнена в «Городская клиническая больница № 57», просим",
        "एमआरआई 12 मार्च 2024 को «सूर्योदय डायग्नोस्टिक सेंटर» में हुई थी",
        "سونوگرافی در تاریخ ۱۴۰۳/۰۳/۲۲ در «بیمارستان میلاد». شماره تماس",
        "ایکسرے 15 جون کو «شوکت خانم ہسپتال» میں ہوا۔",
        "সিটি স্ক্যান ১২ জুন ২০২৪ তারিখে «স্কয়ার হাসপাতাল», ঢাকা।",
        "ሰኔ 5 «በጥቁር አንበሳ ሆስፒታል» ኤክስሬይ ተነስቷል።",
    ),
    counterexamples=(
        "في المستشفى غدا",
        "больница рядом с домом",
    ),
)

FACILITY_RECOGNIZERS: tuple[PatternRecognizer, ...] = (_FACILITY, _SURGERY, _SCRIPT_FACILITY)
