"""NAME: people's names in free text, from combined evidence.

Each rule below proposes a span with an evidence weight in [0, 1]; spans that
overlap are united and their weights combined as independent evidence
(``1 - Π(1 - w)``), so the score of a name is the chance that at least one
piece of evidence is right, and the policy threshold (0.5 by default) is the
one knob that trades recall for precision. The rules:

=============================  ======  ========================================
evidence                       weight  example
=============================  ======  ========================================
title before (kept in span)    0.90    ``Dr. O'Neil-Park``, ``Mr. Smith``,
                                       ``Baby Girl Nguyen``
NER PERSON (default profile)   0.60    ``Rosa Delgado-Marín`` (0.40 for one word
                                       in no name list)
surname, first name            0.65    ``SMITH, JOHN A``, ``Smith, John``
two or more name words         0.50    ``John Smith``, ``J. Smith``, ``Zhang Wei``
person cue before              0.55    ``her son Miguel``, ``ask Priya``, ``pt Rose``,
                                       ``spoke with Hope``, ``it's Bill``
weak cue before                0.20    ``with Okafor``, ``from Hassan``
lexicon name, not a word       0.45    ``Okafor``, ``Camila`` (a name, not a word)
common given name, not a       0.50    ``... asked whether Rebecca ...``,
word, mid-sentence; or a rare          ``... the true gender of Natasja ...``
name the word list would show          (:meth:`_unlisted`)
lexicon name, also a word      0.20    ``... Galbraith ...``, ``... Young ...`` mid-sentence
person verb, role or           0.40    ``Ifeoma called``, ``Kenta from the ED``,
credential after                       ``Chidinma RN``,
                                       ``Ifeoma is from Lagos``,
                                       ``Hunter (evening tech)``, ``Vaughn v.``
sign-off                       0.60    ``Thanks so much, Xiaoming``, ``thanks
                                       Dawn``, ``... is booked. Sanjay``,
                                       ``-Wade``, a last line ``Tunde``
possessive                     0.35    ``Ikenna's CT`` (not an English word)
given name opening a sentence  0.20    ``Scott is ...``, ``Asya spent ...``
subject a he/she/him/his/her   0.35    ``Oyewole is late; tell him ...`` (no
refers to                              word, no clinical term, no other name
                                       between; or a very common given name:
                                       ``Will is late, start without him``)
DICOM name (CARET^GIVEN)       0.60    ``MORALES^FAITH^ANN`` outside a header dump
unknown capitalised word       0.25    ``... Xiaoling ...`` mid-sentence
lower-case given + surname     0.50    ``dagny okonkwo needs ...`` (no word of
                                       either in a word list), ``eva kleist
                                       lives`` (a word, before a person's verb)
in a list of names             0.50    ``Kowalczyk, Ferreira and Nakamura``,
                                       ``Usamov and Bowers`` (one a lexicon
                                       name, one no word nor clinical term);
                                       ``adam, kristina, chad and caleb``
speaker before a colon         0.25    ``Adaeze: is the MRI booked?``
recipient of an address block  0.90    ``Mailing address: Sara Schwarz`` /
                                       ``28245 Puruntie 82 ...`` (the next line
                                       opens with a house number)
speakers of a transcript,      0.50    ``Ubul: What a ...`` / ``Nicole: Hi``
half of them given names
verb only people do, after     0.40    ``Oyelaran complained``, ``shouted at Todd``
addressed, closing a sentence  0.40    ``Thanks for the read, Roy!``, ``Got it,
                                       Hunter.`` (a common given name)
age and sex after              0.55    ``Cash - 45M - fall``, ``Grace Lee, 72F``
room or bed                    0.55    ``Young in room 4``, ``Bed 7 Huang``
before a record key or number  0.55    ``EBONY TESFAYE MRN ...``, ``SCHMIDT
                                       (835241)``
addressed, opening a message   0.40    ``Seamus, can you ...``, ``Giang, the
                                       disc is ...``, ``Grace - the room ...``
lower-case given, initial,     0.55    ``benjamin a seiler``, ``codey m ross``
surname                                (the surname may be a word then)
lower-case name, person's verb 0.55    ``bártová began ...``, ``maria complained``,
                                       ``chinedu just paged me``
another mention of a plain     0.60    ``met Teodora Vukovic; Vukovic agrees``
name's word (full name, title,         (same spelling and case; not an eponym
cue, or one word the rules             use; a word or eponym only from a full
found that no list knows)              name the rules found and alone
                                       mid-sentence: ``Brad L Key ... Key``)
=============================  ======  ========================================

A given name that is no word makes the capitalised word after it a surname
even when that is a word too (``Marisol Hides``); words with diacritics are
never English words (``Bašić``, folded, would spell *basic*); generation
suffixes (``Jr.``, ``III``) stay with the name. In a list of names, a
surname that is also an eponym (``Adeyemi and Murphy``) is a person as long
as one member is no clinical word.

Names that are also words (Rose, Will, Young, Price) get less from the
lexicon rules and need a cue, a title or the model. The English word list
leaves out nouns that are frequent names (Hunter, Faith, Council, Law: see
``models/build_lexicons.py``), so "no English word" says more of a rare
name (Natasja, Sokolov) than of a frequent one; rules that trust it alone
ask for a rare one (:meth:`NameRecognizer._unlisted`).

After ``last name``, ``first name``, ``your name`` (then ``?``, ``:`` or
``is``) a capitalised lexicon name is a name even when it is also a word
(``What's your last name? Field``). The clinical allow-list
(eponyms, drugs, vendors and models) vetoes a span in eponym use (before a
clinical noun or grade: ``Baker's cyst``, ``Bosniak 2F``), one that holds a
clinical phrase (``Mallory Weiss``, ``Ann Arbor``), and a span made only of
its words, unless a title, a cue or a naming rule makes it a person
(``Mr. Baker's Baker's cyst`` keeps the cyst); a common given name before a
surname is a person whatever eponyms its words make (``James Wilson``,
``Kelly Johnson``: the commonest names are eponyms too), and so is a very
common given name alone where no eponym stands (``Thomas needs a CT``;
not ``pouch of Douglas``, ``positive Murphy``, ``Wilson's``, ``the Aria``). Months, holidays,
countries and US states that are no frequent given names count as words
(``returned from Nigeria``, ``closed over Christmas``). Services, payers,
references and products that are no common names (``Nephro``, ``Aetna``,
``UpToDate``, ``Medtronic``) are nobody whatever cue points at them
(``Nephro wants``, ``met with Medtronic``).

A title is redacted with the name it precedes (``[NAME]``, not ``Mr.
[NAME]``): it tells the reader the person's sex, and both reference corpora
that annotate titles (ASQ-PHI, TAB) count it as part of the name.
"""

from __future__ import annotations

import bisect
import itertools
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

import regex

from phiguard.detect.fields import FIELD_LABELS, normalise_key
from phiguard.detect.lexicons import Lexicons
from phiguard.detect.ner import PersonModel
from phiguard.findings import Finding
from phiguard.titles import RANKS, TITLES

__all__ = ["NameRecognizer"]

_TOKEN = regex.compile(
    r"\p{L}[\p{L}\p{M}]*+(?:['’`]\p{L}[\p{L}\p{M}]*+)*+(?:-\p{L}[\p{L}\p{M}]*+(?:['’]\p{L}[\p{L}\p{M}]*+)*+)*+"
    # a full stop is no token: it is the ``dot`` of the word before it
    r"|\d+|[^\s\p{L}\d.]"
)

#: Words after which the next capitalised word is very likely a person.
STRONG_CUES = frozenset(
    """
    pt patient patients son daughter wife husband mother mom mum father dad brother sister
    grandson granddaughter grandmother grandfather grandma grandpa aunt uncle niece nephew
    cousin partner fiance fiancee boyfriend girlfriend friend caregiver guardian neighbor
    neighbour spouse child kid kids toddler teen teenager baby infant colleague resident
    mgm mgf pgm pgf
    fellow attending intern nurse rn
    np tech technologist sonographer radiologist surgeon physician hospitalist intensivist
    oncologist cardiologist urologist neurologist pcp referrer ask tell call page paged text
    texted email emailed cc signed named called thanks thank regards cheers dear hi hello
    hey per spoke discussed informed notified contacted messaged told asked d/w attn
    attention interpreter translator name said says replied
    """.split()
)
#: The same in Spanish, Portuguese, French, German and Italian (and the
#: Indonesian and Malay "name": atas nama Suharti): cues only in
#: lower case, as they are written mid-sentence ("mi papa fermin ruiz"); in
#: capitals they are surnames and given names too (Pai, Neto, Filho, Irma).
_FOREIGN_CUES = frozenset(
    """
    soy hijo hija esposo esposa marido abuela abuelo hermano hermana nieto nieta
    madre padre papa filho filha avo irmao irma mae pai neto neta fils fille mari frere
    soeur sohn tochter ehemann ehefrau mutter vater bruder schwester figlio figlia moglie
    nonna nonno nama
    """.split()
)
#: Kin as families write them, lower case only (Nan, Gran, Lola are names too):
#: "my nan Mere Parata", "kuia Huia", "lola Remedios".
_FAMILY_CUES = frozenset("nan nana nanna gran granny oma opa koro kuia lola lolo tita tito".split())
#: What a cue may be in lower case only.
_LOWER_CUES = _FOREIGN_CUES | _FAMILY_CUES
#: "Patient" in other languages, a cue in any case and no name: "Paciente
#: Thaís Nascimento", "Paziente Rossi".
_PATIENT_CUES = frozenset(
    "paciente paziente patientin patiente utente pacjent pacjentka pacient pacientka pasien "
    "pasyente mgonjwa hasta hastamiz".split()
)
WEAK_CUES = frozenset("with by from and to for or via re about see".split())
#: Verbs after a name that make it a person: "Ifeoma called", "Galbraith says".
POST_CUES = frozenset(
    """
    called calls says said asked asks wants wanted thinks agrees agreed paged texted phoned
    emailed reported mentioned confirmed requested replied wrote messaged read reviewed
    dictated covering covered family
    """.split()
)
#: Verbs only people do, after a capitalised word: "Ayodele shouted",
#: "Rintanen began writing". Unlike :data:`POST_CUES` they do not overrule
#: the clinical allow-list ("Keppra began to work" keeps the drug).
HUMAN_VERBS = frozenset(
    """
    shouted yelled whispered smiled laughed cried lives lived married spent began studied
    graduated died believes believed feels felt knows knew loves loved likes liked prefers
    insisted explained complained complains works worked arrived grew moved joined founded
    """.split()
)
#: Roles that, in brackets after a word, make it a person's name.
_ROLES = frozenset("deceased decedent patient pt mother father guardian interpreter".split())
#: Cues written in capitals in any text: RN Bethany, NP Okafor.
_CAPITAL_CUES = frozenset("rn np pa pt md mgm mgf pgm pgf".split())
#: Verbs after which "by" introduces a person: "requested by nicole fahey".
_AGENT_VERBS = frozenset(
    """
    requested signed read dictated ordered referred reviewed approved performed seen
    interpreted verified covered scanned booked scheduled called paged sent written
    """.split()
)
#: Verbs after a sentence-opening given name that make it the subject.
_SUBJECT_VERBS = frozenset(
    """
    is was has had will would can could spent shouted works worked lives lived went came
    told wrote needs wants called says said thinks agreed asked
    """.split()
)
#: What stands between a name and its age (``Lee, 72F``, ``Cash - 45M``) and
#: what follows the age (``8 yo``).
_AGE_LEAD = frozenset(",(-–:")
_YEARS_OLD = frozenset("yo yof yom mo mos".split())
#: Keys of the numbers that identify a patient, after the patient's name.
_ID_KEYS = frozenset("mrn mr# dob fin csn acct acc".split())
#: Where patients lie: "Young in room 4", "Bed 7 Huang".
_ROOMS = frozenset("room rm bed bay pod cubicle".split())
#: What people do, after a lower-case word that may be a name: "maria
#: complained", "chinedu paged me".
_SPEAKING = frozenset(
    """
    called calls says said asked asks wants wanted paged texted phoned emailed messaged
    replied mentioned
    """.split()
)
_LOWER_PERSON_VERBS = HUMAN_VERBS | _SPEAKING
_DETERMINERS = frozenset("the a an this that these those my your his her our their its".split())
_ADVERBS = frozenset("just also already still now then again".split())
_REQUESTS = frozenset("can could would please pls plz do".split())
_GREETINGS = frozenset("hi hey hello hiya morning afternoon evening".split())
#: Words after a name that place a person: "per Wells from pharmacy".
_PLACING = frozenset("from in at on with".split())
#: Quotes and brackets around a nickname inside a name.
_NICKNAME_MARKS = frozenset({('"', '"'), ("“", "”"), ("(", ")"), ("'", "'")})
#: Words between a sign-off and the name: "thanks so much Dawn", "thank you Ola".
_THANKS_FILLERS = frozenset("so much very again a lot all you for everything".split())
#: Verbs of talking, and the words that join them to the person talked to.
_TALKED = frozenset(
    "spoke speak speaking talked talk talking discussed met meeting chatted".split()
)
_TALK_TO = frozenset("with to".split())
#: Verbs that give a name, and the people they give it to: "call me Ján".
_NAMING_VERBS = frozenset("call calls called named name names".split())
_OBJECTS = frozenset("me him her".split())  # (not them: "calls them tumefactive")
#: Words that join the items of a list: "Marrero and Murphy", "A, B or C".
_LIST_JOINS = frozenset("and or &".split())
#: Particles that make the lower-case word before them a verb ("drew up").
_PARTICLES_OF_VERBS = frozenset("up out off down back over away".split())
#: Points of the compass: before a region they make it a place (Central
#: America); alone they are no town either (places.py).
COMPASS = frozenset("north south east west central northern southern eastern western".split())
#: Words before a region that make it a place: "in Arizona", "an Arizona
#: licence", "Southeast Asia", "Central America".
_REGION_BEFORE = COMPASS | frozenset(
    """
    in across throughout within a an the southeast southeastern southwest southwestern
    northeast northeastern northwest northwestern latin sub-saharan rural urban coastal
    """.split()
)
#: What joins the items of a list of places: "Minnesota and Florida", "India, Pakistan".
_LIST_MARKS = _LIST_JOINS | {","}
#: Hospital units and services by their acronyms (ED, EMS), and the roles
#: that follow one ("ed attending"): no person.
_UNITS = frozenset(
    "ed er ems icu micu sicu nicu picu ccu cvicu pacu ir or gi ent ob l&d rrt".split()
)
_UNIT_ROLES = frozenset(
    """
    attending attendings resident residents doc docs doctor doctors physician provider team
    nurse nurses rn charge tech techs staff fellow pa np md says said wants called paged
    """.split()
)
#: Words that sign a message off: "Thanks, Dana", "Best, Sabine".
SIGN_OFFS = frozenset(
    "thanks thank thx best regards cheers sincerely warmly cordially ty "
    # in other languages (spelt as the lexicons are, no diacritics)
    "saluti groet groeten grusse grussen cordialement atentamente saludos abracos "
    "atenciosamente obrigado obrigada gracias grazie bedankt danke merci pozdrawiam "
    "powazaniem salamat".split()
)
_NICK_QUOTES = frozenset({'"', "'", "“", "”", "‘", "’"})

#: What a scientist's possessive names, not a patient's: "Fleming's
#: discovery", "Darwin's theory".
_WORKS = frozenset(
    """
    discovery discoveries theory theories postulate postulates principle principles
    hypothesis experiment experiments paradox razor invention inventions contribution
    contributions legacy constant criterion classification equation formula law laws stain
    """.split()
)

#: What introduces the name someone goes by, and the words between it and
#: the name: "goes by Sky", "preferred name Ro", "aka Tiny", "known as Bubba".
_NICKNAME_CUES = {
    "goes": ("by",),
    "go": ("by",),
    "going": ("by",),
    "preferred": ("name", "is", ":"),
    "nickname": ("is", ":"),
    "aka": (":",),
    "known": ("as",),
}

#: Lower-case words that can start evidence; any other lower-case word is
#: skipped at once unless a comma follows it ("smith, john").
_TRIGGERS = (
    TITLES
    | STRONG_CUES
    | WEAK_CUES
    | SIGN_OFFS
    | _NAMING_VERBS
    | _LOWER_CUES
    | _PATIENT_CUES
    | {"baby", "is", "at", "it", "its", "am", "w"}
    | frozenset(_NICKNAME_CUES)
)
#: Relatives and companions: "Misty's daughter", "Okafor's wife" are people's.
_KIN = frozenset(
    """
    son daughter wife husband mother mom mum father dad brother sister grandson
    granddaughter grandmother grandfather aunt uncle niece nephew cousin partner fiance
    fiancee boyfriend girlfriend friend caregiver guardian spouse child kids children
    """.split()
)
PARTICLES = frozenset(
    "van vanden vander der den de la le del della da das do dos di du von ter ten bin ibn al el "
    "st abu ben bint ap".split()
)
#: Credentials, St./Mt. (places: St. Luke's, Mt. Sinai) and street
#: abbreviations (88 Larchmont Ave, Dayton) are never names.
#: Credentials after a name make it a person's: "Chidinma RN", "Raúl Echeverría PA-C".
_CREDENTIALS = frozenset(
    "md rn np pa pa-c dds mbbs phd crna dnp aprn fnp lpn cna rrt pharmd rph".split()
)
_NEVER_NAMES = _CREDENTIALS | frozenset(
    "do facr frcr st mt saint mount ave rd blvd ln pkwy hwy ste apt"
    # a message's subject in other languages (Tema:, Mada:, Betreff:), o'clock
    " tema mada asunto assunto oggetto betreff onderwerp temat uhr".split()
)
#: Function words: never a lower-case name, whatever the lexicons say.
STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours out over own same she should so some such than that the their theirs
    them then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours also may might
    must shall still yet ok okay yes please thanks well back even much many new old next
    last first second third one two three four five six seven eight nine ten pt pts
    """.split()
)
#: Function words of Spanish, Portuguese, French, Italian, German, Dutch and Polish,
#: of Swedish, Indonesian, Turkish and Vietnamese, and of Hindi, Swahili and
#: Greek as written in Latin letters, but none that is a name too (Na, Ni, Hai,
#: Kai, Toh, Tou) (spelt as the lexicons are, no
#: diacritics, and none that folds to an English function word: Swedish "för",
#: Turkish "önce"): in lower case never a name, and at a sentence's start no lone
#: name either, though the lexicons hold "Una", "Les" or "Como" (``uma criança``,
#: ``les critères``, ``¿Qué es``).
FOREIGN_STOP_WORDS = frozenset(
    """
    una uma uno um unos unas umas les des las los el lo mi mis tu tus su sus mon ma mes
    ton ta tes sa ses mein meine dein deine sein seine unser unsere der das dem ein eine
    einen und oder que qui quoi como comment pour por para com con sin sem avec mit ohne
    nach wie wann wer wo warum porque pourquoi cuando quando onde donde dove perche este
    esta esto isso isto ese esa eso ce cette ces il ils elle elles nous vous ich er sie
    wir yo ella eu ele ela voce qual cual quel quelle welche dieser diese
    del dei degli della delle nel nella nelle negli che cosa quale quali gli sono questo
    questa den dem des was ist sind wird welcher welches welchen zwischen nicht auch bei
    cuales quais nao sao quels quelles dans sur sont est wat hoe het een welke waarom
    wanneer bij niet ook voor maar jak co czy jest kiedy gdzie dlaczego jaki jaka jakie
    o kein keine keinen oraz nie sie się ze zeby die mit fur für auf aus zur zum vom unter
    sich noch nur kann bitte
    cada todo toda todos todas muy pero tambien también tout tous toute toutes tres très
    avant après apres chez pendant depuis sans sous entre une un du au aux peut faut combien
    lors selon
    alla allo alle agli dalla dallo dalle sulla sullo nei negli
    och att som inte ett ar
    dan untuk dengan pada setiap sampai setelah sebelum serta atau tidak ini itu dari
    ve bir icin ile ama veya cok daha gibi olan olarak sonra icinde kadar degil
    va cua trong voi cac nhung đuoc khong nguoi duoi
    hain mein aur nahi kya bhi wala za kwa katika kwenye cha juu yangu wangu miaka
    tha einai tis sto stin ston
    desde hasta hace sobre durante hacia segun
    ya ipi hii hiyo hizi kuhusu lakini je gani kwamba baada kabla bila sasa yake wake zake
    nasil hangi neden arasinda
    jeden jede jeder jedes
    worden wordt werd zijn heeft hebben alleen vanaf naar onze deze kunnen moet
    """.split()
)
#: What goes on after a title and its full stop: Dr. med., Dr. med. dent.,
#: dott.ssa, prof.ssa.
_TITLE_TAILS = frozenset({"med", "ssa", "ra", "dent", "vet", "rer", "phil", "habil"})

#: Offices that are surnames and given names too, and what only the office has.
_OFFICES = frozenset("dean provost chancellor".split())
_OFFICE_PAPERS = frozenset("letter letters office list award".split())

#: After a word that opens a sentence, what shows it is no person there.
_DOSE_WORDS = frozenset("dose doses dosing dosage".split())
#: A procedure code (CPT 76937, Category II 3014F): what "Bill" opens a sentence before.
_BILLING_CODE = regex.compile(r"\d{4}[0-9FTU]")
_OBJECT_WORDS = frozenset("this these those".split())
_TIMES_OF_DAY = frozenset("morning afternoon evening night am pm week weekend time".split())

#: Greetings of other languages, which open a message as a name would:
#: "Guten Morgen, ...", "Buongiorno, ...", "Bom dia, lembrete".
_FOREIGN_GREETINGS = frozenset(
    """
    bonjour bonsoir salut coucou buongiorno buonasera salve goedemorgen goedemiddag
    goedenavond guten morgen tag abend servus moin gruezi gunaydın merhaba selamat pagi
    siang malam halla hola buenos buenas dias tardes noches ola bom boa dia tarde noite
    dzien dobry czesc witam chao namaste salaam shalom kamusta magandang umaga
    zdravstvuyte privet
    """.split()
)
# Upper-case spellings that are abbreviations, not titles: MS (sclerosis).
_NOT_TITLES = frozenset({"MS", "SR", "FR"})
_SENTENCE_END = frozenset('.!?\n:;•*>|([{"“-–—¿¡')

#: Words before a clinical word that make it the eponym or the thing it
#: names, not a person: pouch *of* Douglas, *positive* Murphy, *the* Aria.
_EPONYM_LEADS = frozenset(
    """
    of positive negative neg pos + the a an our your their this that these those
    hx dx ddx likely possible probable probably suspected suspect known presumed modified
    grade type stage class includes including workup be is per
    """.split()
)
_DIAGNOSIS_LEADS = frozenset("r/o h/o c/w s/p c/f".split())
#: A test's results, after the sign it tests: "Tinel negative".
_RESULTS = frozenset("negative positive neg pos equivocal bilaterally".split())
#: Words after a bare possessive eponym: "Wilson's and", "Barrett's without",
#: "Allen's normal", "Wilson's ruled out".
_FUNCTION_WORDS = STOP_WORDS | frozenset(
    "without vs versus normal negative positive ruled excluded unlikely likely".split()
)
#: Nouns that make the clinical word before them an eponym: Baker's *cyst*,
#: Graves *disease*, Kerley B *lines*, Glasgow *Coma* Scale.
HEAD_NOUNS = frozenset(
    """
    disease diseases disorder syndrome sign signs test maneuver manoeuvre fracture fractures
    lesion lesions cyst cysts tumor tumour lymphoma sarcoma carcinoma nodule nodules node
    nodes line lines triad classification criteria criterion score scale grade stage staging
    type pouch space duct canal foramen foramina fossa ligament fascia capsule gland body
    bodies cell cells phenomenon reflex procedure operation repair shunt catheter tube drain
    valve anomaly malformation deformity ulcer aneurysm hernia effusion sheath muscle artery
    vein circle angle triangle area point view projection position protocol method technique
    index ratio virus coma related like disc plexus ring nerve nucleus palsy paralysis
    dementia thyroiditis encephalopathy cirrhosis ulcers polyp polyps gangrene arthritis
    prostatectomy procedure resection anastomosis fundoplication esophagectomy vs murmur
    murmurs complex complexes shunt valve pacer pacemaker coil scanner scan linac system
    sequence guideline guidelines society tear tears esophagus crisis nails splint clamp
    needle frame antigen level levels finger fingers
    """.split()
)

#: Nouns after a capitalised word that make it an eponym even when no list
#: holds it (Somogyi effect, Homan sign, Landis and Koch scale, West Nile
#: virus): what a person's surname is not followed by in chat.
_EPONYM_ONLY_HEADS = frozenset(
    """
    disease syndrome sign signs effect phenomenon scale maneuver manoeuvre criteria
    classification reflex triad law principle equation formula virus agent simulation
    algorithm lymphoma sarcoma carcinoma tumor tumour malformation anomaly palsy
    residuals correction coefficient correlation estimator plot kappa position staging
    model definition
    """.split()
)
_ARTICLES = frozenset("the a an".split())
#: Words that close the name of a house or building, no person's (streets
#: are left out: "Dr Nguyen, Sturt Street Medical" is a name and a practice
#: the inverted name at least covers).
_BUILDINGS = frozenset(
    """
    cottage cottages court house lodge farm mews gardens manor barn villa villas apartments
    flats estate bungalow mansions
    """.split()
)
_VERSUS = frozenset("vs vs. versus".split())
#: How many tokens either side an eponym's other use may stand.
_EPONYM_REACH = 60
#: What people are doing after "is" or "was": "Will is covering".
_HUMAN_GERUNDS = frozenset(
    """
    covering reading calling working coming going running asking taking driving sitting
    waiting dictating scanning protocoling answering helping leaving heading picking staying
    sleeping crying eating doing talking bringing checking
    """.split()
)
#: Chat's abbreviations, in lower case no names: "in a write-up, lol".
_CHAT_WORDS = frozenset("lol lmao rofl omg btw idk tbh imo imho fyi thx pls plz".split())
#: What a texted message may end with after a dash that names no one.
_CHAT_ABBREVIATIONS = frozenset(
    "tbd tba tbc asap nvm np nbd eta ooo wfh eod cob pto ok okay ty tyvm ttyl brb iphone".split()
)
#: Names of languages that are surnames too, after a word that makes them a
#: language: "auf Deutsch", "in English", "en French".
_LANGUAGES = frozenset("deutsch english french german polish dutch ingles frances aleman".split())
_LANGUAGE_LEADS = frozenset("auf in into en em im na to from".split())
#: Maximum and minimum, shortened as a given name is spelt.
_EXTREMES = frozenset({"max", "min"})
#: Cues that modify a noun after a determiner: "no patient fields".
_PATIENT_NOUNS = frozenset("patient pt patients".split())
#: Words before a cue that make it a noun's modifier: "no patient fields".
_DETERMINERS = _ARTICLES | frozenset(
    "no any each every all which what some other our your their this that these those its".split()
)
_COORDINATION = frozenset("and & or vs versus".split())
#: What continues a list of terms after its second: "Colles, Smith, Barton".
_LIST_GOES_ON = _COORDINATION | {",", "/"}
#: What follows a letter after an eponym: Mann-Whitney U test.
_STATISTIC_HEADS = frozenset({"test", "statistic", "distribution"})

#: Head nouns that an eponym follows in Romance languages and German, after
#: "de"/"di"/"von" or directly: doença de Addison, fractura de Smith, saco de
#: Douglas, Morbus Crohn (spelt as the lexicons are: no diacritics).
_FOREIGN_HEADS = frozenset(
    """
    doenca doencas enfermedad enfermedades maladie maladies malattia morbus krankheit
    sindrome syndrome sindromes syndromes fractura fracturas fratura fraturas frattura morbo
    fracture fractures signo sinal signe segno zeichen saco fondo bolsa poche cul-de-sac
    quiste cisto kyste cisti zyste tumor tumores tumeur tumeurs tumore tumori linfoma
    lymphome lymphom ulcera ulcere ulkus clasificacion classificacao classificazione
    criterios criterios criteres criteri kriterien escala echelle scala skala prueba
    teste manobra maniobra manoeuvre test esquema regime protocolo protocole protocollo
    regras reglas regole regles
    metodo methode tecnica technique regla regra regola regel ley lei legge loi efecto
    efeito effetto effet reflejo reflexo riflesso reflexe triada triade puntuacion
    pontuacao schema klassifikation curva curvas curve courbe kurve kappa ziekte
    syndroom teken manoeuvre score scor malformation malformations malformacion
    malformacao malformazione anomalie anomalia deformite deformidad
    """.split()
)
#: Head nouns that an eponym follows directly, in Latin, Polish and Romanian:
#: Morbus Crohn, Objaw Babińskiego, Skala Glasgow, Boala Graves, Semnul Murphy.
_DIRECT_HEADS = frozenset(
    """
    morbus objaw objawy choroba skala zespol boala semnul semnele scor sindromul
    болезнь болезни болезнью синдром синдрома синдромом шкала шкалу шкалы шкале
    симптом симптома перелом перелома опухоль метод метода критерии индекс проба пробы
    хвороба хвороби синдрому
    penyakit sindrom benh ugonjwa
    zlamanie zlamaniem zlamania zlamaniu choroby chorobie chorobe zespolu zespolem
    objawu objawem skali torbiel guz guza klasyfikacja klasyfikacji kryteria odruch odruchu
    """.split()
)
#: Head nouns that follow the eponym they name, in Turkish, Hungarian and
#: Finnish (folded as the lexicons are): Graves hastalığı, Crohn-betegség.
_POST_HEADS = frozenset(
    """
    hastalıgı hastalıgında sendromu sendromunda belirtisi skoru kırıgı
    tumoru lenfoması tiroiditi testi manevrası atesi
    betegseg kor szindroma tunet
    tauti taudin oireyhtyma
    """.split()
)
_FOREIGN_OF = frozenset("de di da do del du des dei della von van".split())
#: Articles that stand for a head noun left out before "de": "la de Barton".
_ROMANCE_ARTICLES = frozenset("la el las los le les il lo".split())
#: The heads an eponym is joined to by a hyphen, in Dutch, German and
#: Scandinavian compounds: Epley-manoeuvre, Hodgkin-lymfoom, Crohn-Krankheit.
_COMPOUND_HEADS = frozenset(
    """
    manoeuvre manover test teken syndroom syndrom syndrome ziekte krankheit lymfoom
    lymphom fraktur fractuur zeichen schaal skala score klassifikation classificatie
    betegseg kor tunet szindroma richtlijn richtlijnen criteria regel regeln kriterien
    """.split()
)

#: Babies given a name over 1881-2017, or the 1990 census surname rank, for
#: a word to count as a common name as well.
FREQUENT_FIRST_NAME = 2_000
FREQUENT_SURNAME_RANK = 5_000
#: Babies given a name for it to count as a given name at all where a rule
#: needs more than being in the list (lower-case pairs and lists).
USUAL_FIRST_NAME = 500
#: Babies given a name for it to be a person, not an eponym or product, when
#: it stands alone where no eponym stands (Thomas, Kelly, Sofia; not Barrett).
COMMON_GIVEN_NAME = 20_000
#: Babies given a name from which the English word list (models/build_lexicons.py)
#: leaves a WordNet noun out as a name first; with FREQUENT_SURNAME_RANK, the
#: same rule for surnames. Below both, a name that is no word in the list is
#: no word at all: Natasja, Sokolov (but Faith, Hunter, Law may be nouns).
NOUN_NAME_COUNT = 200
#: Pronouns that make the capitalised subject they refer to a person.
_PERSONAL_PRONOUNS = frozenset("he him his she her hers himself herself".split())
#: How many tokens after a subject's verb a pronoun may refer back to it.
_PRONOUN_REACH = 12
#: Forms of "to be" that can open a passive: "Shingrix was given".
_BE = frozenset("is was are were be been being".split())
#: What vaccines, drugs and orders are and people are not: "Prevnar is due".
_THING_STATES = frozenset(
    """
    due overdue pending available unavailable effective ineffective expensive
    generic covered formulary nonformulary backordered
    """.split()
)
#: Words before "name" that ask for a person's name: "your last name? Field".
_NAME_ASKERS = frozenset("last first given family middle maiden my your his her their".split())

_OPENING_QUOTES = frozenset({'"', "“"})
#: a transcript's label may open a quote with an apostrophe too
_LABEL_QUOTES = _OPENING_QUOTES | {"'"}

EVIDENCE = {
    "title": 0.90,
    "ner": 0.60,
    "ner_unknown_word": 0.40,
    "inverted": 0.65,
    "pair": 0.50,
    "strong_cue": 0.55,
    "weak_cue": 0.20,
    "lexicon_word": 0.45,
    "given_name": 0.50,
    "word_name": 0.20,
    "post_cue": 0.40,
    "possessive": 0.35,
    "subject": 0.20,
    "caret": 0.60,
    "sign_off": 0.60,
    "listed": 0.50,
    "speaker": 0.25,
    "dialogue": 0.50,
    "recipient": 0.90,
    "lower_pair": 0.50,
    "unknown_word": 0.25,
    "human_verb": 0.40,
    "vocative": 0.40,
    "lower_initial": 0.55,
    "repeat": 0.60,
    "pronoun": 0.35,
    "age_sex": 0.55,
    "room": 0.55,
    "identified": 0.55,
    "activity": 0.55,
    "worklist": 0.55,
    "nickname": 0.60,
}
#: Modalities a worklist names after a patient: "Dubois CTA chest".
_MODALITIES = frozenset("CT CTA MRI MR MRA MRCP US XR CXR PET NM DEXA KUB IR".split())
#: Evidence that names someone outright, so that a clinical word it points at
#: is a person (``Nurse Foley``, ``Hartmann called``, ``Adeyemi and Murphy``).
_NAMING_RULES = frozenset(
    {
        "strong_cue",
        "sign_off",
        "post_cue",
        "inverted",
        "vocative",
        "repeat",
        "listed",
        "age_sex",
        "room",
        "identified",
        "nickname",
    }
)
#: What scholars did: "Röntgen discovered X-rays in 1895", "Apgar
#: introduced her score in 1952" (with a year before :data:`_MODERN_YEAR`).
_DISCOVERY_VERBS = frozenset(
    """
    discovered described introduced invented pioneered coined devised proposed founded
    published isolated first
    """.split()
)
#: Years before it are history, not a living patient's care.
_MODERN_YEAR = 1980
#: How many tokens either side of a name a year of its history may stand.
_HISTORY_REACH = 15
#: Words after which a capitalised name is a saint's (a place, church or
#: plant): St. John's wort, Saint Luke's.
_SAINTS = frozenset("st saint ste sainte sankt".split())
#: Rules that make a one-word name plain enough to lend it to its other mentions.
_PLAIN_RULES = frozenset({"title", "strong_cue", "inverted", "caret", "sign_off"})
#: Generation suffixes that belong to the name before them: John Smith Jr.
_SUFFIXES = frozenset({"jr", "sr", "II", "III"})
#: Words that name a place after a capitalised word: the Mississippi River.
_FEATURES = frozenset(
    "river lake creek bay island valley springs falls beach hills mountain mountains".split()
)
#: Capitalised words that follow given names without being surnames.
_NOT_SURNAMES = frozenset(
    """
    hospital hospitals clinic clinics center centre medical health healthcare memorial
    university college school institute foundation street st road avenue lane drive
    county city valley park house hall pharmacy imaging radiology
    """.split()
)


#: What a spelling says about itself (see :func:`_shape_of`), worked out once
#: per distinct spelling: most words of clinical text recur across prompts.
_SHAPES: dict[str, tuple[bool, str, bool, bool, bool, bool]] = {}
#: Spellings remembered at most; past this the memo starts again (no unbounded growth).
MEMO_SIZE = 100_000

_V = TypeVar("_V")


def _remember(memo: dict[str, _V], text: str, value: _V) -> _V:
    """Keep ``value`` for ``text`` in ``memo``, emptied first once it holds MEMO_SIZE."""
    if len(memo) >= MEMO_SIZE:
        memo.clear()
    memo[text] = value
    return value


#: English prefixes before a hyphen and a capital make no name, unlike
#: the particles of al-Rashid or el-Amin: anti-La, non-Hodgkin, mid-March.
_WORD_PREFIXES = frozenset(
    "anti non pre post pro pan mid semi sub super trans un intra inter extra neo pseudo".split()
)


def _shape_of(text: str) -> tuple[bool, str, bool, bool, bool, bool]:
    """(is_word, lower, plain, upper, titled, initial) of a token's text; see :class:`_Token`."""
    shape = _SHAPES.get(text)
    if shape is not None:
        return shape
    is_word = text[0].isalpha()
    lower = _fold(text)
    plain = "'" not in lower and "’" not in lower and "-" not in lower
    if text.islower():  # most tokens: settled without the checks below
        shape = (is_word, lower, plain, False, False, False)
    else:
        upper = len(text) > 1 and text.isupper()
        titled = (
            not upper
            and (
                text[0].isupper()
                or (text[0] == "ʻ" and text[1:2].isupper())  # ʻAna, ʻIolani
                or (
                    "-" in text
                    and text.partition("-")[0] not in _WORD_PREFIXES
                    and any(p[:1].isupper() for p in text.split("-"))
                )
            )
        )
        shape = (is_word, lower, plain, upper, titled, len(text) == 1 and text.isupper())
    return _remember(_SHAPES, text, shape)


class _Token:
    """A word, number or symbol of the text, with its shape worked out once."""

    __slots__ = (
        "dot",
        "end",
        "initial",
        "is_word",
        "line_start",
        "lower",
        "plain",
        "possessive",
        "start",
        "text",
        "titled",
        "upper",
    )

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        possessive: bool,
        dot: bool,
        line_start: bool,
    ) -> None:
        self.start = start
        self.end = end  # without a possessive 's
        self.text = text
        self.possessive = possessive
        self.dot = dot  # followed directly by "."
        self.line_start = line_start  # first token of its line
        #: lower: folded to the lexicons' spelling; plain: no apostrophe or
        #: hyphen (the lexicons know it by one spelling only); titled:
        #: capitalised (Smith, O'Neil, al-Rashid: a lower-case particle, then a capital)
        (
            self.is_word,
            self.lower,
            self.plain,
            self.upper,
            self.titled,
            self.initial,
        ) = _shape_of(text)


#: Irregular verb forms: WordNet lists lemmas only, and "pt seen at ..." is no name.
_IRREGULAR = frozenset(
    """
    seen done gone taken given known shown told said made went came got gotten felt left
    kept brought thought found sent spent ran began begun drew drawn grew grown wrote
    written spoke spoken broke broken chose chosen froze frozen woke woken wore worn
    goes does has was were been being did
    """.split()
)


def could_be_name(word: str, lexicons: Lexicons) -> bool:
    """Whether a lower-case ``word`` could be a name where only a name may
    stand (a ``Name:`` field): no English word, or a given name or surname
    too frequent to be only a word (:data:`NOUN_NAME_COUNT`,
    :data:`FREQUENT_SURNAME_RANK`): ``nguyen``, ``rose``, ``will``, not
    ``stable``, ``aware`` or ``agree``."""
    if not _english(word, lexicons.english):
        return True
    rank = lexicons.surnames.get(word, 0)
    return lexicons.first_names.get(word, 0) >= NOUN_NAME_COUNT or 0 < rank <= FREQUENT_SURNAME_RANK


def _english(word: str, english: frozenset[str]) -> bool:
    """``word`` or its lemma (WordNet lists lemmas) is an English word."""
    if word in english or word in _IRREGULAR:
        return True
    candidates: tuple[str, ...] = ()
    if word.endswith("ies"):
        candidates = (word[:-3] + "y",)
    elif word.endswith("es"):
        candidates = (word[:-2], word[:-1])
    elif word.endswith("s") and not word.endswith("ss"):
        candidates = (word[:-1],)
    elif word.endswith("ed"):
        candidates = (word[:-2], word[:-1])
        if len(word) > 5 and word[-3] == word[-4]:
            candidates += (word[:-3],)  # submitted: submit
    elif word.endswith("ing"):
        candidates = (word[:-3], word[:-3] + "e")
        if len(word) > 6 and word[-4] == word[-5]:
            candidates += (word[:-4],)  # planning: plan
    return any(len(c) > 2 and c in english for c in candidates)


_SIGNATURE = regex.compile(r"(?m)^[ \t]*(?:--|—|–|-)[ \t]*(?=\p{Lu})")
_CAMEL_CASE = regex.compile(
    r"^\p{Lu}{2,}\p{Ll}|(?<!^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|St|O'|O’))(?<=\p{Ll})\p{Lu}"
)
_CARET_NAME = regex.compile(
    # (after a quote, not inside a word: 'TORRES^ALEJANDRO' in SQL, not O'...)
    r"(?<![\w^|-])(?<!\w['’])\p{L}[\p{L}'’-]*+(?: \p{L}[\p{L}'’-]*+){0,3}"
    # (an apostrophe only inside a name: not the quote closing 'SMITH^JOHN')
    r"\^\p{L}(?:[\p{L} -]|['’]\p{L})*+(?:\^(?:[\p{L} .-]|['’]\p{L})*+){0,3}"
    # (not a code's letters before its digits: ORM^O01, ADT^A08)
    r"(?!(?<=\p{L})\d)"
)
_HL7_LINE = regex.compile(r"[ \t]*[A-Z][A-Z0-9]{2}\|")
# Characters that separate fields, never the parts of one name.
_SEPARATORS = frozenset("|^~\\;:[](){}<>=/@#")
_CONTRACTION = regex.compile(r"(?i:n['’]t|['’](?:m|ll|ve|re|d))$")
#: Bosniak IIF, Hinchey Ib, Chiari I: capitals (lower-case "if", "via" are words)
_ROMAN_GRADE = regex.compile(r"[IV]{1,4}[a-c]?|[IV]{1,4}F")


def _voiced(word: str) -> bool:
    """A vowel in ``word``: names have them, acronyms (SSFP, CTP) often not."""
    return any(c in "aeiouy" for c in word)


def _fold(word: str) -> str:
    """Lower case without diacritics: the form the lexicons are written in."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    # (the Hawaiian and Samoan ʻokina, a letter of its own, is not in the
    # lexicons' spelling either: Kapiʻolani, ʻAna)
    return folded.replace("ł", "l").replace("ı", "i").replace("ʻ", "")


#: Particles that open a surname written first (``VAN DER MERWE, JOHANNES``,
#: ``BIN ABDULLAH, AHMAD``); not St. or AP, which open places and views.
_LEADING_PARTICLES = PARTICLES - {"st", "ap"}


def _particles_before(tokens: Sequence[_Token], i: int) -> int:
    """Where the surname at ``i`` starts with the particles before it (up to
    three, on its line, in its case or lower case): ``de la Cruz``, ``VAN
    DER MERWE``, ``BIN ABDULLAH``."""
    start = i
    while (
        start > 0
        and i - start < 3
        and not tokens[start].line_start
        and tokens[start - 1].lower in _LEADING_PARTICLES
        and (tokens[start - 1].upper == tokens[i].upper or tokens[start - 1].text.islower())
    ):
        start -= 1
    return start


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    append = tokens.append
    size = len(text)
    previous_end = 0
    # the first line break at or after previous_end (size: none)
    newline = text.find("\n")
    newline = size if newline < 0 else newline
    for match in _TOKEN.finditer(text):
        start, end = span = match.span()
        word = text[start:end]
        possessive = False
        if not word.isalnum() and ("'" in word or "’" in word or "`" in word):
            if len(word) > 2 and word[-2] in "'’`" and word[-1] in "sS":
                word, end, possessive = word[:-2], end - 2, True
            elif (contraction := _CONTRACTION.search(word)) is not None and contraction.start():
                # I'm, you'll, Sarah'd: the word without its clitic
                end -= len(word) - contraction.start()
                word = word[: contraction.start()]
        if newline < previous_end:
            newline = text.find("\n", previous_end)
            newline = size if newline < 0 else newline
        line_start = not tokens or newline < start
        previous_end = span[1]
        append(_Token(start, end, word, possessive, end < size and text[end] == ".", line_start))
    return tokens


#: The least score of a name's half that joins the other half beside it.
_JOIN_SCORE = 0.4


def _joined(
    tokens: Sequence[_Token], candidates: Sequence[tuple[int, int, float]]
) -> list[tuple[int, int, float]]:
    """Candidates side by side, a space apart, both capitalised, joined into
    one name (``Hunter Page cancelled``: the model found Page, the lists
    Hunter), when both score :data:`_JOIN_SCORE` or more."""
    out: list[tuple[int, int, float]] = []
    for start, end, score in sorted(candidates):
        if out and out[-1][1] == start and start > 0:
            before, first = tokens[start - 1], tokens[start]
            low = min(out[-1][2], score)
            if (
                low >= _JOIN_SCORE
                and first.start - before.end == 1
                and before.titled
                and first.titled
                and not before.dot
                and not before.possessive
            ):
                out[-1] = (out[-1][0], end, max(out[-1][2], score))
                continue
        out.append((start, end, score))
    return out


@dataclass(frozen=True, slots=True)
class _Evidence:
    start: int  # token index
    end: int  # token index, exclusive
    weight: float
    rule: str


def _role_tail(tokens: Sequence[_Token]) -> int:
    """Where a role that closes a sign-off begins (``(PACS admin)``, ``, xray
    tech``, ``@ front desk``: up to four words, no number), or the end."""
    count = len(tokens)
    if count > 2 and tokens[-1].text == ")":
        for k in range(count - 2, max(0, count - 7), -1):
            if tokens[k].text == "(":
                inside = tokens[k + 1 : count - 1]
                if inside and all(t.is_word for t in inside):
                    return k
                break
    last = count
    while True:  # ", CDI, ext 6621": one role after another
        for k in range(last - 2, max(0, last - 6), -1):
            if tokens[k].text in {",", "@"}:
                if _role_words(tokens[k + 1 : last]):
                    break
                return last
        else:
            return last
        last = k


#: Trainee grades and posts that close a sign-off: PGY2, PGY-3, ST5, FY1, MS4.
_GRADE = regex.compile(r"(?:PGY|ST|FY|CT|MS|R|SHO)-?[1-9]")
#: Words before an extension number that closes a sign-off: "ext 6621".
_EXTENSION_WORDS = frozenset({"ext", "x", "pgr", "pager", "bleep", "vocera", "tel"})


def _role_words(tail: Sequence[_Token]) -> bool:
    """``tail`` reads as a role: lower-case or upper-case words (``xray
    tech``, ``CDI``), a grade (``PGY2``, ``PGY-2``), or an extension
    (``ext 6621``)."""
    for j, token in enumerate(tail):
        if token.is_word and (token.text.islower() or token.upper):
            continue
        before = tail[j - 1] if j else None
        if token.text == "-" and before is not None and before.upper and j + 1 < len(tail):
            continue  # checked with the number after it
        if token.text.isdigit() and before is not None:
            if before.lower in _EXTENSION_WORDS:
                continue
            grade = tail[j - 2].text + "-" if before.text == "-" and j > 1 else before.text
            if _GRADE.fullmatch(grade + token.text):
                continue
        return False
    return bool(tail)


#: What a chat export's time stamp ends with before the speaker: "[09:12]
#: kev:", "09:12 - mari:", "9:12 PM kev:".
_STAMP_ENDS = frozenset({"]", ")", "-", "PM", "AM", "pm", "am"})
_STAMP_PARTS = _STAMP_ENDS | {"[", "(", ":"}


def _opens_line(tokens: Sequence[_Token], k: int) -> bool:
    """Token ``k`` opens its line, or follows only a time stamp there:
    ``[09:12] kev: is nana ...``."""
    if tokens[k].line_start:
        return True
    if k == 0 or tokens[k - 1].text not in _STAMP_ENDS:
        return False
    for j in range(k - 1, max(-1, k - 9), -1):
        token = tokens[j]
        if not (token.text in _STAMP_PARTS or token.text.isdigit()):
            return False
        if token.line_start:
            return any(t.text == ":" for t in tokens[j:k])
    return False


def _numbered(tokens: Sequence[_Token], i: int) -> bool:
    """Token ``i`` is joined by a hyphen to a number: Lu-177, Ki-67, Tc-99m."""
    if i + 2 >= len(tokens):
        return False
    hyphen, number = tokens[i + 1], tokens[i + 2]
    return (
        hyphen.text == "-"
        and hyphen.start == tokens[i].end
        and number.start == hyphen.end
        and number.text.isdigit()
    )


#: Letters Vietnamese has and no other language written in Latin letters:
#: ă, đ, ơ, ư and the vowels with two marks (ạ ả ấ ầ ... ỹ).
_VIETNAMESE_LETTERS = regex.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")
#: How many words with those letters make a text Vietnamese, and what share
#: of its words at least (not an English message about Anh Thư Đỗ).
_VIETNAMESE_MIN = 4
_VIETNAMESE_SHARE = 0.25


def _vietnamese(tokens: Sequence[_Token]) -> bool:
    """Whether the text of ``tokens`` is Vietnamese (:data:`_VIETNAMESE_LETTERS`)."""
    words = [t for t in tokens if t.is_word]
    marked = sum(1 for t in words if not t.text.isascii() and _VIETNAMESE_LETTERS.search(t.text))
    return marked >= _VIETNAMESE_MIN and marked >= _VIETNAMESE_SHARE * len(words)


#: Letters of the scripts whose names are read after a cue: Hebrew, Arabic
#: and Devanagari (no capitals mark a name there).
_SCRIPT_LETTERS = regex.compile(
    # (and the letters Persian and Urdu add to Arabic's; Bengali; Ethiopic)
    r"[\u05D0-\u05EA\u0621-\u064A\u0671-\u06D3\u0900-\u0939\u0985-\u09B9\u1200-\u135A]"
)
#: Titles, kept with the name after them: د. سامي الحربي, الحاج عبد الله,
#: גב' כהן, श्रीमती शर्मा, डॉ. वर्मा.
_SCRIPT_TITLES = frozenset(
    """
    د الدكتور الدكتورة الدكتوره السيد السيدة السيده الحاج الحاجة الحاجه
    גב מר גברת
    श्री श्रीमती डॉ कुमारी
    """.split()
)
#: Words after which a name follows: the patient, my name, I am, my father ...
_SCRIPT_CUES = _SCRIPT_TITLES | frozenset(
    """
    المريض المريضة المريضه أنا انا اسمي والدي والدتي ابني ابنتي زوجي زوجتي أخي أختي
    الطبيب الطبيبة المحيل المعالج الاسم
    מטופל מטופלת המטופל המטופלת שם
    रोगी मरीज़ मरीज नाम पिता पिताजी माता माताजी माँ पति पत्नी बेटा बेटी पुत्र पुत्री भाई बहन
    दादा दादी नाना नानी बेटे
    بیمار مریض مریضہ مریضه
    রোগী রোগীর নাম
    ታካሚ
    """.split()
)
#: Words that end such a name: his age, number, in, from, was ...
_SCRIPT_STOPS = frozenset(
    "عمره عمرها رقم تم في من على إلى الى هو هي يعاني تعاني كان كانت لديه لديها"
    " की का के को ने से में है हैं और उम्र"
    # Urdu and Persian postpositions and verbs: کی کا کے کو میں ہے; در از به با که را است
    " کی کا کے کو نے سے میں ہے در از به با که را است"
    # Bengali: of, to, from, age
    " এর কে থেকে বয়স".split()
)
#: What may stand between a cue and the name: "מטופלת: ...", "גב' ...".
_SCRIPT_JOINTS = frozenset({":", "'", "׳", "-"})
#: How many words a name after its cue may have.
_SCRIPT_NAME_WORDS = 5


def _script_names(tokens: Sequence[_Token]) -> Iterator[_Evidence]:
    """A name in Hebrew, Arabic or Devanagari script after a cue
    (``المريضة مريم خالد العتيبي``, ``أنا فاطمة الزهراء بن يوسف``, ``د.
    سامي الحربي``, ``מטופלת: רחל אברמוביץ``, ``रोगी: सुनीता देवी शर्मा``):
    words of the script to the next punctuation, line or stop word, two at
    least unless a title is before them; a title is part of the name."""
    k = 0
    while k < len(tokens):
        if tokens[k].text not in _SCRIPT_CUES:
            k += 1
            continue
        j = k + 1
        while j < len(tokens) and tokens[j].text in _SCRIPT_JOINTS and not tokens[j].line_start:
            j += 1
        start = k if tokens[k].text in _SCRIPT_TITLES else j
        if j < len(tokens) and tokens[j].text in _SCRIPT_TITLES and not tokens[k].dot:
            start, j = j, j + 1  # "والدي الحاج عبد الله": kin, then a title
        end = j
        while (
            end < len(tokens)
            and end - j < _SCRIPT_NAME_WORDS
            and tokens[end].is_word
            and _SCRIPT_LETTERS.match(tokens[end].text) is not None
            and tokens[end].text not in _SCRIPT_STOPS
            and tokens[end].text not in _SCRIPT_CUES
            and not tokens[end].line_start
        ):
            end += 1
            if tokens[end - 1].dot:
                break
        if end - j >= 2 or (start < j and end > j):
            yield _Evidence(start, end, EVIDENCE["strong_cue"], "strong_cue")
        k = max(end, k + 1)


def _code_letter(tokens: Sequence[_Token], k: int) -> bool:
    """Token ``k`` is a capital letter that begins a code of letters and
    digits: the C of ``C3D1`` (cycle 3, day 1), no initial or grade."""
    token = tokens[k]
    return (
        token.initial
        and not token.dot
        and k + 1 < len(tokens)
        and tokens[k + 1].start == token.end
        and tokens[k + 1].text[:1].isdigit()
    )


#: Top-level domains that products are named with: Viz.ai, Aidoc.com.
_PRODUCT_DOMAINS = frozenset("ai io com app health net org co".split())


def _domain_name(tokens: Sequence[_Token], start: int, end: int) -> bool:
    """A word of ``tokens[start:end]`` is joined by its full stop to a
    domain after it (``Viz.ai``, ``Doximity.com``): a product's address."""
    for k in range(start + 1, min(end + 1, len(tokens))):
        before, domain = tokens[k - 1], tokens[k]
        if before.dot and domain.start == before.end + 1 and domain.text in _PRODUCT_DOMAINS:
            return True
    return False


def _saint(tokens: Sequence[_Token], k: int) -> bool:
    """Token ``k`` follows St. or Saint, which no title precedes: a saint's
    name (``St. John's wort``), not ``Mr St John Mitchard``."""
    if k == 0 or tokens[k - 1].lower not in _SAINTS or not tokens[k - 1].titled:
        return False
    return k < 2 or tokens[k - 2].lower not in TITLES


def _extremes(tokens: Sequence[_Token], k: int) -> bool:
    """Token ``k`` is "max" or "min" beside the other: ``Max and min``,
    ``min/max``, ``Max-Min`` (one word: no token of a name alone); or the
    verb "max out" (``Max out the matrix``)."""
    lower = tokens[k].lower
    if lower not in _EXTREMES:
        return False
    if k + 1 < len(tokens) and tokens[k + 1].text == "out":
        return True
    other = next(iter(_EXTREMES - {lower}))
    after = [t.lower for t in tokens[k + 1 : k + 3]]
    before = [t.lower for t in tokens[max(0, k - 2) : k]]
    joints = {"and", "or", "/", "&"}
    return (len(after) == 2 and after[0] in joints and after[1] == other) or (
        len(before) == 2 and before[1] in joints and before[0] == other
    )


def _unnamed_span(group: Sequence[_Evidence]) -> tuple[int, int] | None:
    """The tokens united evidence covers, unless a title or a naming rule
    (:data:`_NAMING_RULES`) is among it: then None."""
    if any(e.rule in _NAMING_RULES or e.rule == "title" for e in group):
        return None
    return min(e.start for e in group), max(e.end for e in group)


def _laureate(tokens: Sequence[_Token], start: int, end: int) -> bool:
    """A Nobel prize is named near the candidate: its people are laureates
    and their peers (``Marie and Pierre Curie ..., Hounsfield and Cormack
    share the 1979 Nobel``, ``Lauterbur and Mansfield won the 2003 Nobel
    Prize. Damadian's exclusion ...``), no patients. Near: within
    :data:`_EPONYM_REACH` tokens, so that texts of many names cost linear
    time."""
    low, high = max(0, start - _EPONYM_REACH), min(len(tokens), end + _EPONYM_REACH)
    return any(tokens[j].lower == "nobel" for j in range(low, high))


def _old_year(digits: str) -> bool:
    """A year of history: four digits from 1500 to before :data:`_MODERN_YEAR`."""
    return len(digits) == 4 and 1500 <= int(digits) < _MODERN_YEAR


def _after_break(tokens: Sequence[_Token], k: int) -> bool:
    """Token ``k`` opens the text or a line, or follows a token that ends a
    sentence (``?``, ``:``, a bracket; a full stop is no token but the
    ``dot`` of the word before it)."""
    return k == 0 or tokens[k].line_start or tokens[k - 1].text in _SENTENCE_END


def _opening_function_word(tokens: Sequence[_Token], k: int) -> bool:
    """Token ``k`` is a function word of another language opening a sentence:
    ``¿Qué es ...``, ``Wann ist ...`` (the lexicons know "Que" and "Wann")."""
    return tokens[k].lower in FOREIGN_STOP_WORDS and _after_break(tokens, k)


#: Function words of other languages that are particles of names too
#: (Maria de Souza, Ludwig van Beethoven): they count towards a text's
#: language, but a name may begin with them.
_FOREIGN_PARTICLES = frozenset("de di da du la le van von en et y met dla na po od ze".split())


def _foreign_text(tokens: Sequence[_Token]) -> bool:
    """Whether the text is in another language: more lower-case function
    words of other languages (:data:`FOREIGN_STOP_WORDS`) than of English,
    and at least three (two where no English one is)."""
    foreign = english = 0
    for token in tokens:
        lower = token.lower
        if (lower in FOREIGN_STOP_WORDS or lower in _FOREIGN_PARTICLES) and token.text.islower():
            foreign += 1
        elif lower in STOP_WORDS:
            english += 1
    return foreign > english and (foreign >= 3 or (foreign == 2 and not english))


#: German articles, and the determiners and contractions a noun follows as
#: it follows them ("Welche Rolle", "Jeden Montag", "im Mai", "zum Vergleich").
_GERMAN_ARTICLES = frozenset(
    """
    der die das den dem des ein eine einen einem einer im am vom zum zur beim ins ans
    welche welcher welches welchen welchem jede jeder jedes jeden jedem kein keine keinen
    keinem keiner diese dieser dieses diesen diesem unser unsere unseren mein meine meinen
    """.split()
)

#: German articles and contractions, as written, that no English text has
#: and no name follows alone ("der" after "van" or "von" is a particle, and
#: makes a name of two words and more): "der Brustwirbelsäule", "zur Kontrolle".
_GERMAN_ONLY_ARTICLES = frozenset("der dem zum zur beim vom einem einer eines".split())

#: Articles that are particles of a name only after another particle: "van
#: den Berg", "von der Leyen"; "Erkläre den Unterschied" is German prose.
_ARTICLE_PARTICLES = frozenset("den der das dem des".split())


def _after_article(tokens: Sequence[_Token], k: int) -> bool:
    """Token ``k`` follows a German article or determiner, in any case,
    that is no particle: "der Nummer", "Welche Rolle", not "van den Berg"."""
    return k > 0 and tokens[k - 1].lower in _GERMAN_ARTICLES and not _particle(tokens, k - 1)


def _particle(tokens: Sequence[_Token], k: int, foreign: bool = True) -> bool:
    """Token ``k`` is a particle joining a name: "ten", "de la", "van den".
    In German text (``foreign``) an article is one only after another
    particle; in English text "Amt der Wiener Landesregierung" is one name."""
    token = tokens[k]
    if token.lower not in PARTICLES or not token.text.islower():
        return False
    return not foreign or token.lower not in _ARTICLE_PARTICLES or tokens[k - 1].lower in PARTICLES


def _clause_ends(tokens: Sequence[_Token], k: int) -> bool:
    """Token ``k`` ends a clause: punctuation, a new line, or the end of the text."""
    return k >= len(tokens) or tokens[k].line_start or tokens[k].text in _CLAUSE_MARKS


_CLAUSE_MARKS = frozenset(",.;:!?)")


def _foreign_eponym(tokens: Sequence[_Token], k: int) -> bool:
    """Token ``k`` names a disease after a head noun of another language:
    ``doença de Addison``, ``saco de Douglas``, ``Morbus Crohn``, ``Skala
    Glasgow``, ``kappa di Cohen``; or is such a head, or the ``de`` after one."""
    token = tokens[k]
    if token.lower in _DIRECT_HEADS:
        return True  # the span begins at it: "Morbus Basedow"
    if "-" in token.lower and token.lower.rpartition("-")[2] in _COMPOUND_HEADS:
        return True  # "De Epley-manoeuvre": one word, eponym and head
    if (
        k + 1 < len(tokens)
        and tokens[k + 1].lower in _POST_HEADS
        and tokens[k + 1].text.islower()
        and not token.dot
    ):
        return True  # "Graves hastalığı", "Ailevi Akdeniz ateşi"
    if k == 0 or token.line_start or tokens[k - 1].dot:
        return False
    lead = tokens[k - 1].lower
    if lead in _DIRECT_HEADS:
        return True
    if token.lower in _FOREIGN_OF:
        return lead in _FOREIGN_HEADS  # the span begins at "di": "Kappa di Cohen"
    return (
        lead in _FOREIGN_OF
        and k >= 2
        and not tokens[k - 2].dot
        # (or an article for the head left out: "la de Smith es la inversa")
        and (
            tokens[k - 2].lower in _FOREIGN_HEADS
            or (tokens[k - 2].lower in _ROMANCE_ARTICLES and lead in {"de", "del", "di"})
        )
    )


def _united(evidence: Iterable[_Evidence]) -> list[list[_Evidence]]:
    """Overlapping evidence united into candidate names, in text order."""
    groups: list[list[_Evidence]] = []
    group_end = -1
    for item in sorted(evidence, key=lambda e: (e.start, e.end)):
        if groups and item.start < group_end:
            groups[-1].append(item)
            group_end = max(group_end, item.end)
        else:
            groups.append([item])
            group_end = item.end
    return groups


def _combined(group: Sequence[_Evidence]) -> float:
    """The score of united evidence: the chance that one piece is right."""
    miss = 1.0
    for item in group:
        miss *= 1.0 - item.weight
    return round(1.0 - miss, 4)


@dataclass(slots=True)
class _Draft:
    """One text on its way through the name tier."""

    text: str
    tokens: list[_Token]
    starts: list[int]
    evidence: list[_Evidence]
    #: Character ranges the NER model must read.
    windows: list[tuple[int, int]]
    #: Whether the text is in another language than English (:func:`_foreign_text`).
    foreign: bool = False
    #: Whether the text is Vietnamese (:func:`_vietnamese`), whose words of
    #: one syllable the name lists hold by the hundred (Tôi, Câu, Thang).
    vietnamese: bool = False


#: Weekdays are never names ("from Tuesday to Sunday"); months can be (April, June).
_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday"
    # Swahili (Jumatano: Wednesday)
    " jumatatu jumanne jumatano alhamisi ijumaa jumamosi jumapili".split()
)
_CALENDAR = _WEEKDAYS | frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    christmas xmas easter thanksgiving hanukkah chanukah ramadan eid diwali passover
    kwanzaa halloween juneteenth yom kippur rosh hashanah purim sukkot shavuot nowruz vesak
    """.split()
)
#: Months and weekdays of German, Dutch, French, Spanish, Portuguese, Italian
#: and Indonesian (folded as the lexicons are): in another language's text
#: no name alone (``Ab Januar gilt``, ``Vanaf mei worden``, ``bulan Juli``).
_FOREIGN_CALENDAR = frozenset(
    """
    januar februar marz maerz mai juni juli oktober dezember montag dienstag mittwoch
    donnerstag freitag samstag sonntag januari februari maart mei augustus maandag dinsdag
    woensdag donderdag vrijdag zaterdag zondag janvier fevrier mars avril juin juillet aout
    septembre octobre novembre decembre lundi mardi mercredi jeudi vendredi samedi dimanche
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
    lunes martes miercoles jueves viernes sabado domingo janeiro fevereiro marco maio junho
    julho setembro outubro novembro dezembro segunda terca quarta quinta sexta gennaio
    febbraio aprile maggio giugno luglio settembre ottobre dicembre lunedi martedi mercoledi
    giovedi venerdi sabato domenica maret agustus desember senin selasa rabu kamis jumat
    sabtu minggu
    """.split()
)
#: By default, a name the rules score this high needs no model to confirm it.
SURE = 0.5
#: Tokens of context either side of a word the model is asked about. The
#: model's CNN sees four tokens each way and its parser state a few words
#: more; with four, one token of the chat corpora was decided otherwise than
#: with the model reading whole texts, with six none was.
NER_WINDOW = 6


class NameRecognizer:
    """Finds names in free text; see the module docstring for the evidence.

    ``model`` is the NER model (``None`` in the fast profile, which then
    relies on lexicons, cues and titles alone). The model is the costly
    part, so it reads only what the rules leave open: windows of
    :data:`NER_WINDOW` tokens either side of each word that could be a name
    and is not already inside a name the rules are sure of
    (``sure``: the Guard passes its policy's NAME threshold, so the model
    still weighs in on every name the rules alone would not redact). Text
    with no such word never reaches the model.
    """

    def __init__(
        self, lexicons: Lexicons, model: PersonModel | None = None, *, sure: float = SURE
    ) -> None:
        self.name = "name_v1" if model is None else "name_ner_v1"
        self._lex = lexicons
        self._model = model
        self._sure = sure
        # what the lexicons say of a spelling, remembered across texts:
        # an English word, in a name lexicon, shaped like a word of a name
        self._words: dict[str, bool] = {}
        self._known: dict[str, bool] = {}
        self._shaped: dict[str, bool] = {}

    def find(self, text: str) -> Iterator[Finding]:
        """Yield the names in ``text``."""
        (found,) = self.find_many([text])
        yield from found

    def find_many(
        self, texts: Sequence[str], *, batch_size: int = 64, n_process: int = 1
    ) -> list[list[Finding]]:
        """The names in each text, in order; the model reads all texts' windows
        in one pass (spaCy's ``nlp.pipe``)."""
        drafts = [self._draft(text) for text in texts]
        if self._model is not None:
            windows = [(d, a, b) for d in drafts for a, b in d.windows]
            found = self._model.spans(
                [d.text[a:b] for d, a, b in windows], batch_size=batch_size, n_process=n_process
            )
            for (draft, offset, _), spans in zip(windows, found):
                for start, end in spans:
                    draft.evidence.extend(self._ner_evidence(draft, offset + start, offset + end))
        return [list(self._decide(draft)) for draft in drafts]

    # -- token predicates -------------------------------------------------

    def _is_word(self, token: _Token) -> bool:
        """An ordinary English word (will, mark, young): weak as a name alone.

        Clinical terms are not counted here: they veto a name only when
        nothing but them makes it up (see :meth:`_vetoed`).
        """
        word = self._words.get(token.text)
        if word is None:
            word = _remember(self._words, token.text, self._english_word(token))
        return word

    def _english_word(self, token: _Token) -> bool:
        if token.initial:
            return False
        if token.lower in _CALENDAR and not self._frequent_first_name(token):
            return True  # September, Christmas (but April, June are names too)
        if not token.text.isascii() and any(c.isalpha() and ord(c) > 127 for c in token.text):
            return False  # Bašić, Gábor: folded they spell words, written they don't
        if token.lower in self._lex.english:
            return True
        # inflected forms (ribs, wants, takes) are words; Pappas and Jones,
        # common names, are not
        return not self._common_name(token) and _english(token.lower, self._lex.english)

    def _keys(self, token: _Token) -> tuple[str, ...]:
        """Lexicon spellings of a token: O'Sullivan → osullivan, al-Sayed → sayed."""
        lower = token.lower
        if token.plain:
            return (lower,)
        joined = lower.replace("'", "").replace("’", "").replace("-", "")
        return (lower, joined, *lower.replace("’", "'").split("-"))

    def _listed_in(self, token: _Token, lexicon: Mapping[str, int]) -> bool:
        """In ``lexicon`` under one of the token's spellings (:meth:`_keys`);
        most tokens are plain, with one spelling, and end at the first test."""
        return token.lower in lexicon or (
            not token.plain and any(key in lexicon for key in self._keys(token))
        )

    def _first_name(self, token: _Token) -> bool:
        return self._listed_in(token, self._lex.first_names)

    def _frequent_first_name(self, token: _Token) -> bool:
        """A word that is also a common given name: Rose, Will, Grace (not
        Name); a double given name whose parts are given names, the first
        common (Jean-Baptiste, Mary-Kate)."""
        first_names = self._lex.first_names
        if first_names.get(token.lower, 0) >= FREQUENT_FIRST_NAME:
            return True
        if "-" not in token.lower or not token.text[:1].isupper():
            return False
        parts = token.lower.split("-")
        clinical = self._lex.clinical
        # (the first a common given name and no eponym: not Mann-Whitney,
        # Cohen-Mansfield)
        return (
            len(parts) == 2
            and all(part in first_names for part in parts)
            and first_names[parts[0]] >= FREQUENT_FIRST_NAME
            and parts[0] not in clinical
            and token.lower not in clinical
        )

    def _common_given_name(self, token: _Token) -> bool:
        """A very common given name (:data:`COMMON_GIVEN_NAME`): Thomas, Kelly, Will."""
        return self._lex.first_names.get(token.lower, 0) >= COMMON_GIVEN_NAME

    def _usual_first_name(self, token: _Token) -> bool:
        """A given name no rarity: adam, chad (not a word that made the list once)."""
        return self._lex.first_names.get(token.lower, 0) >= USUAL_FIRST_NAME

    def _common_name(self, token: _Token) -> bool:
        """A common given name or surname: Rose, Lam, Price (not Ruptured, Name)."""
        rank = self._lex.surnames.get(token.lower, 0)
        return self._frequent_first_name(token) or 0 < rank <= FREQUENT_SURNAME_RANK

    def _surname(self, token: _Token) -> bool:
        return self._listed_in(token, self._lex.surnames)

    def _in_lexicon(self, token: _Token) -> bool:
        known = self._known.get(token.text)
        if known is None:
            known = _remember(
                self._known, token.text, self._first_name(token) or self._surname(token)
            )
        return known

    def _name_shaped(self, token: _Token, lower_ok: bool = False) -> bool:
        """Could be a word of a name: capitalised, an initial, an all-caps
        name from the lexicons, or (``lower_ok``) a lower-case lexicon name."""
        if lower_ok:
            return self._shape(token, lower_ok=True)
        if token.initial:  # "I." is an initial, "I" the pronoun: the dot decides
            return self._shape(token, lower_ok=False)
        shaped = self._shaped.get(token.text)
        if shaped is None:
            shaped = _remember(self._shaped, token.text, self._shape(token, lower_ok=False))
        return shaped

    def _shape(self, token: _Token, lower_ok: bool) -> bool:
        if not token.is_word or token.lower in TITLES or token.lower in _NEVER_NAMES:
            return False
        if token.lower in _WEEKDAYS:
            return False
        if (token.lower in STRONG_CUES and not token.upper) or token.lower in _PATIENT_CUES:
            return False  # Pt, Son, Mom, Paciente: the cue, not the name after it
        if token.initial:
            return token.text != "I" or token.dot
        if token.lower in STOP_WORDS and not self._first_name(token):
            return False  # The, This, Our (but An, Will, May are names too)
        if _ROMAN_GRADE.fullmatch(token.text):
            return False  # Bosniak IIF, Hinchey Ib, Chiari I
        if len(token.text) < 2:
            return False
        if token.titled:
            # Lung-RADS: a word joined to an acronym; ASiR, QTc, DaTscan: inner
            # capitals that no name prefix (Mc, Mac, De, La) explains
            parts = token.text.split("-")
            if len(parts) > 1 and any(len(p) == 1 or p.isupper() for p in parts):
                return False  # G-scan, X-ray, T-score: a letter joined to a word
            return _CAMEL_CASE.search(token.text) is None
        if token.upper:  # acronyms (CT, MRCP, RUQ) are upper case too
            if token.lower in STOP_WORDS and not self._frequent_first_name(token):
                return False  # AT, IN, ON in upper-case text
            if "-" in token.lower and token.lower in self._lex.clinical:
                return False  # BI-RADS, LI-RADS, TI-RADS after a name in capitals
            return self._in_lexicon(token)
        return lower_ok and self._in_lexicon(token) and token.lower not in STOP_WORDS

    def _sentence_start(self, text: str, token: _Token, previous: _Token | None) -> bool:
        position = token.start - 1
        while position >= 0 and text[position] in " \t'\"“‘":
            position -= 1
        if position < 0:
            return True
        if text[position] == "." and previous is not None and previous.lower in TITLES:
            return False
        return text[position] in _SENTENCE_END

    # -- name runs ------------------------------------------------------------

    def _run(
        self, tokens: Sequence[_Token], i: int, lower_ok: bool = False, any_lower: bool = False
    ) -> int:
        """End (exclusive) of the run of name words starting at ``i``.

        A run is up to four name-shaped words, with particles (van der, de
        la, al) before or between them; it stops after a possessive or a
        full stop. With ``lower_ok`` lower-case lexicon names count; with
        ``any_lower`` so do lower-case words in no word list, once the run
        has a lexicon name (``pt wang xiuying``), and all-caps words in no
        list in a run with a lexicon name (``EFUA CASTILLO``). A lone
        lower-case word that is also an English word (``pt rose from bed``)
        is no run.
        """
        if i >= len(tokens):
            return i
        j = i
        names = 0
        known = False
        while j < len(tokens) and names < 4:
            token = tokens[j]
            if j > i and token.line_start:
                break  # a name does not run on to the next line
            if _code_letter(tokens, j):
                break  # "Harold Bishop C3D1 FOLFOX": a letter of a code, no initial
            if token.lower in PARTICLES and not token.titled:
                k = j
                while k < len(tokens) and k - j < 3 and tokens[k].lower in PARTICLES:
                    k += 1
                if k < len(tokens) and self._name_shaped(tokens[k], lower_ok):
                    j = k
                    continue
                break
            shaped = self._name_shaped(token, lower_ok)
            if token.text.islower():
                # lower-case words continue only a lower-case name, and only
                # when they are names rather than words: "pt mark greene"
                capitalised = any(not t.text.islower() for t in tokens[i:j] if t.is_word)
                if capitalised or (self._is_word(token) and not self._common_name(token)):
                    shaped = False
                elif token.lower in FOREIGN_STOP_WORDS:
                    shaped = False  # "fermin ruiz esta en ...": Spanish "is"
                elif not shaped and any_lower and known and self._unknown_lower(token):
                    shaped = True
            elif (
                not shaped
                and any_lower
                and token.upper
                and all(t.upper for t in tokens[i:j])
                and self._unknown_upper(token)
            ):
                shaped = True  # "Name EFUA CASTILLO": all caps, after a cue
            if not shaped:
                break
            known = known or self._in_lexicon(token)
            j += 1
            names += 1
            if token.possessive or (token.dot and not token.initial):
                break
        lone = tokens[i]
        if names == 1 and j == i + 1 and lone.text.islower() and self._is_word(lone):
            return i
        if not known and all(t.upper for t in tokens[i:j] if t.is_word):
            # all caps that no list knows: a name only with one it knows
            while j > i and not self._in_lexicon(tokens[j - 1]):
                j -= 1
        return j

    def _unknown_upper(self, token: _Token) -> bool:
        """An all-caps word in no list that could be part of a name: EFUA."""
        return (
            len(token.text) > 2
            and _voiced(token.lower)
            and not self._is_word(token)
            and token.lower not in self._lex.clinical
            and token.lower not in _NEVER_NAMES
            and token.lower not in _ID_KEYS
        )

    def _plain_word(self, token: _Token) -> bool:
        """An English word that is no common given name: Ruptured, Within."""
        return self._is_word(token) and not self._common_name(token)

    def _lower_surname(self, token: _Token) -> bool:
        """A surname of the list in lower case that is no word: ``garcia``."""
        return (
            token.text.islower()
            and self._surname(token)
            and not self._is_word(token)
            and token.lower not in STOP_WORDS
            and token.lower not in FOREIGN_STOP_WORDS
        )

    def _unknown_lower(self, token: _Token) -> bool:
        return (
            token.is_word
            and token.text.islower()
            and len(token.text) > 2
            and token.lower not in STOP_WORDS
            and token.lower not in FOREIGN_STOP_WORDS
            and not self._is_word(token)
        )

    # -- rules ------------------------------------------------------------------

    def _evidence(self, text: str, tokens: list[_Token], foreign: bool) -> Iterator[_Evidence]:
        count = len(tokens)
        for i, token in enumerate(tokens):
            if not token.is_word:
                if token.text == "(" and self._id_number(tokens, i + 1):
                    yield from self._identified(tokens, i)
                continue
            if token.lower in _ID_KEYS:
                yield from self._identified(tokens, i)
            if (
                token.text.islower()
                and token.lower not in _TRIGGERS
                and "-" not in token.lower
                and (i + 1 == count or tokens[i + 1].text != ",")
                and not (token.possessive and i + 1 < count and tokens[i + 1].lower in _KIN)
            ):
                continue  # most words: no cue, no title, no name here
            # "4 Fr double lumen": a catheter's size after a number, no title
            after_number = token.lower == "fr" and i > 0 and tokens[i - 1].text.isdigit()
            if token.lower in TITLES and token.text not in _NOT_TITLES and not after_number:
                if token.text == "MR" and not self._surname_after(tokens, i):
                    continue  # MR BRAIN, MR tech: magnetic resonance
                yield from self._after_title(tokens, i)
                continue
            # A cue in the possessive names something of the person's, not the
            # person: "Patient's Name", "her son's school".
            cue_word = token.lower.rsplit("-", 1)[-1]  # ex-husband, step-son
            cue = (
                cue_word in STRONG_CUES
                or cue_word in WEAK_CUES
                or (token.lower in _LOWER_CUES and token.text.islower())
                or token.lower in _PATIENT_CUES
                or (token.lower in _NAMING_VERBS and self._names_someone(tokens, i))
                or (token.lower == "is" and i > 0 and tokens[i - 1].lower == "this")
                or self._with_slash(tokens, i)
                or self._introduces(tokens, i)
                # "Mehrudin shouted at Todd"
                or (token.lower == "at" and i > 0 and tokens[i - 1].lower in HUMAN_VERBS)
            )
            # in upper-case text (PT EDITH KAPLAN) the cue is upper case too;
            # RN, NP, PA are written in capitals anyway
            consistent = (
                not token.upper
                or token.lower in _CAPITAL_CUES
                or (i + 1 < count and tokens[i + 1].upper)
            )
            if cue and consistent and (not token.possessive or token.lower == "it"):
                yield from self._after_cue(tokens, i)
            if (
                token.possessive
                and i + 1 < count
                and tokens[i + 1].lower in _KIN
                and (
                    self._name_shaped(token)
                    # "roberto's daughter": a given name in lower case
                    or (
                        token.text.islower()
                        and self._frequent_first_name(token)
                        and token.lower not in STOP_WORDS
                    )
                )
                and (not self._is_word(token) or self._common_name(token))
            ):
                yield _Evidence(i, i + 1, EVIDENCE["strong_cue"], "strong_cue")
            elif (
                token.possessive
                and token.titled
                and not self._is_word(token)
                and not (i + 1 < count and tokens[i + 1].lower in _WORKS)
            ):
                # Ikenna's CT, Ayesha's MRCP: things belong to people (but
                # Fleming's discovery is history's)
                yield _Evidence(i, i + 1, EVIDENCE["possessive"], "possessive")
            if token.lower in SIGN_OFFS:
                yield from self._after_sign_off(text, tokens, i)
            if token.lower in _NICKNAME_CUES:
                yield from self._nickname_after(tokens, i)
            if token.lower == "baby" and i + 2 < count and tokens[i + 1].lower in {"boy", "girl"}:
                # Baby Boy Nguyen, Baby Girl A: how hospitals name newborns
                end = self._run(tokens, i + 2)
                if end > i + 2:
                    yield _Evidence(i, end, EVIDENCE["title"], "title")
            if i + 2 < count and tokens[i + 1].text == ",":
                yield from self._inverted(tokens, i, foreign)
            elif token.upper and i + 1 < count and tokens[i + 1].titled:
                yield from self._surname_in_capitals(tokens, i)
            if not self._name_shaped(token) or (token.initial and not token.dot):
                continue
            if _numbered(tokens, i):
                continue  # Lu-177, Ki-67, Covid-19: an isotope or a code
            end = self._run(tokens, i)
            at_start = self._sentence_start(text, token, tokens[i - 1] if i else None)
            # "Kenta from the ED ...": a sentence opening with a name and "from"
            follows = tokens[end].lower if end < count else ""
            # "He is from Spain", "Returned from Ghana": no name ever
            plain = end == i + 1 and (
                (token.lower in STOP_WORDS and not self._frequent_first_name(token))
                or (self._is_word(token) and not self._in_lexicon(token))
            )
            post_cue = not plain and (
                follows in POST_CUES
                or (follows in _CREDENTIALS and not token.upper and not self._plain_word(token))
                or (
                    at_start
                    and self._from_after(tokens, end)
                    and not self._product(token)
                    and not (end == i + 1 and self._plain_word(token))
                )
                or (follows == "v" and tokens[end].dot)  # Vaughn v. Holloway
                or self._role_in_brackets(tokens, end)
            )
            human = (
                follows in HUMAN_VERBS and not token.possessive and token.lower not in STOP_WORDS
            )
            # "Oyewole is late, tell him": a subject a personal pronoun refers to
            referred = (
                at_start
                and end == i + 1
                and follows in _SUBJECT_VERBS
                and self._referred_to(tokens, i)
            )
            if referred:
                yield _Evidence(i, end, EVIDENCE["pronoun"], "pronoun")
            vocative = at_start and end == i + 1 and self._vocative(tokens, i, end)
            if end == i + 1 and i + 4 < count:
                yield from self._nicknamed(tokens, i)
            if end - i >= 2:
                yield from self._pair(tokens, i, end, foreign)
            elif token.titled and not self._is_word(token):
                if at_start and token.lower in FOREIGN_STOP_WORDS:
                    pass  # "¿Qué es ...", "Unser Scanner": a function word
                elif foreign and at_start and not self._common_name(token):
                    pass  # "Dev hücreli arterit": a word of the text's language
                elif foreign and _after_article(tokens, i):
                    pass  # "unter der Nummer": a German noun after its article
                elif self._in_lexicon(token):
                    weight = EVIDENCE["lexicon_word"]
                    if (
                        not at_start
                        and token.lower not in _CALENDAR
                        and (self._frequent_first_name(token) or self._rare_name(tokens, i))
                    ):
                        weight = EVIDENCE["given_name"]  # "Why is Rebecca so ..."
                    yield _Evidence(i, i + 1, weight, "lexicon_word")
                elif not at_start or post_cue or human or referred:
                    yield _Evidence(i, i + 1, EVIDENCE["unknown_word"], "unknown_word")
            elif (
                token.titled
                and self._in_lexicon(token)
                and (post_cue or human or referred or vocative or not at_start)
            ):
                yield _Evidence(i, i + 1, EVIDENCE["word_name"], "word_name")
            if human and end > i:
                yield _Evidence(i, end, EVIDENCE["human_verb"], "human_verb")
            if vocative and not self._is_word(token) and not self._in_lexicon(token):
                # "Warrane, can I ...": a word in no list, addressed
                yield _Evidence(i, end, EVIDENCE["unknown_word"], "unknown_word")
            if end == i + 1 and self._called_out(tokens, i):
                yield _Evidence(i, end, EVIDENCE["vocative"], "vocative")
            if end > i and self._age_sex(tokens, i, end):
                yield _Evidence(i, end, EVIDENCE["age_sex"], "age_sex")
            if end > i and self._in_room(tokens, i, end):
                yield _Evidence(i, end, EVIDENCE["room"], "room")
            # "Scott is a very ...", "Asya spent a year": a name as subject
            subject = at_start and end == i + 1 and end < count
            subject = subject and tokens[end].lower in _SUBJECT_VERBS
            subject = subject and token.lower not in _CALENDAR  # "June is when ..."
            if subject and self._first_name(token) and (referred or not self._is_word(token)):
                yield _Evidence(i, end, EVIDENCE["subject"], "subject")
            if subject and self._busy(tokens, end) and self._frequent_first_name(token):
                # "Will is covering body tonight", "Mark was reading": at work
                yield _Evidence(i, end, EVIDENCE["activity"], "activity")
            if (end > i and post_cue) or vocative:
                yield _Evidence(i, end, EVIDENCE["post_cue"], "post_cue")
            # "Ella: What a ...", 'Zuzana: "Who are you?"': a speaker's name
            if at_start and end == i + 1 and self._speaker(tokens, end):
                yield _Evidence(i, end, EVIDENCE["speaker"], "speaker")
        yield from self._listed(tokens)
        if not text.isascii() and _SCRIPT_LETTERS.search(text) is not None:
            yield from _script_names(tokens)
        yield from self._lower_pairs(tokens, foreign)
        yield from self._dialogue(tokens)
        yield from self._recipients(tokens)
        if not foreign:
            yield from self._worklist(tokens)

    def _worklist(self, tokens: list[_Token]) -> Iterator[_Evidence]:
        """Patients of a worklist, by surname: one at an item's start before
        a modality (``unread STATs: Oyelaran CT head, Dubois CTA chest``), or
        after an item's number before a dash (``1. Fontaine - subtle
        Lisfranc``). The word is no English word or clinical term."""
        count = len(tokens)
        for k in range(1, count - 1):
            token, before, after = tokens[k], tokens[k - 1], tokens[k + 1]
            if not token.titled or token.possessive or not self._name_shaped(token):
                continue
            end = self._numbered_item(tokens, k)
            if end > k:
                yield _Evidence(k, end, EVIDENCE["worklist"], "worklist")
                continue
            if self._plain_word(token) or token.lower in self._lex.clinical:
                continue
            item_start = token.line_start or before.text in {",", ":", ";"}
            if item_start and after.text in _MODALITIES and not after.line_start:
                yield _Evidence(k, k + 1, EVIDENCE["worklist"], "worklist")

    def _numbered_item(self, tokens: list[_Token], k: int) -> int:
        """Where the name opening a numbered item at ``k`` ends (``k``: none):
        one to three capitalised words after an item's number (``1.``,
        ``3)``, at a line's start or after a semicolon or comma) and before
        a dash, one of them no English word or clinical term (``1. Fontaine
        - subtle Lisfranc``, ``3) Bongani Zulu — rectal``)."""
        j = k - 1
        if tokens[j].text == ")" and j:
            j -= 1
        number = tokens[j]
        if not (number.text.isdigit() and len(number.text) <= 2):
            return k
        if not (number.dot or tokens[k - 1].text == ")"):
            return k
        if not (number.line_start or (j and tokens[j - 1].text in {",", ";"})):
            return k
        end = k
        while (
            end < len(tokens)
            and end - k < 3
            and tokens[end].titled
            and not tokens[end].possessive
            and self._name_shaped(tokens[end])
        ):
            end += 1
        if end == len(tokens) or tokens[end].text not in {"-", "–", "—"}:
            return k
        if all(self._plain_word(t) or t.lower in self._lex.clinical for t in tokens[k:end]):
            return k
        return end

    def _busy(self, tokens: list[_Token], k: int) -> bool:
        """Tokens ``k`` on say what someone is doing: ``is covering``, ``was
        reading`` (:data:`_HUMAN_GERUNDS`)."""
        return (
            k + 1 < len(tokens)
            and tokens[k].lower in {"is", "was"}
            and tokens[k + 1].lower in _HUMAN_GERUNDS
        )

    def _unlisted(self, token: _Token) -> bool:
        """No English word, no clinical term, no month or weekday, and a word
        the English list would show were it one: no name so frequent
        (:data:`NOUN_NAME_COUNT`, :data:`FREQUENT_SURNAME_RANK`) that the list
        leaves it out as a noun (Natasja, Sokolov, Oyewole; not Faith, Law)."""
        lower = token.lower
        if self._is_word(token) or lower in self._lex.clinical or lower in _CALENDAR:
            return False
        rank = self._lex.surnames.get(lower, 0)
        return self._lex.first_names.get(lower, 0) < NOUN_NAME_COUNT and not (
            0 < rank <= FREQUENT_SURNAME_RANK
        )

    def _rare_name(self, tokens: list[_Token], i: int) -> bool:
        """Token ``i`` is a name from the lexicons, as written (not a part of
        a hyphenated word), that is :meth:`_unlisted`, in no eponym use
        before a clinical noun (``Tornwaldt cyst``) and no end of a field
        label (``Med Rec #``)."""
        token = tokens[i]
        lower = token.lower
        if lower not in self._lex.first_names and lower not in self._lex.surnames:
            return False
        if not self._unlisted(token):
            return False
        if i + 1 < len(tokens) and self._head_noun(tokens[i + 1]):
            return False
        return not i or normalise_key(tokens[i - 1].text + token.text) not in FIELD_LABELS

    def _product(self, token: _Token) -> bool:
        """A drug, vendor or device that is no common given name (``Sectra``
        and ``Siemens are from`` somewhere; ``Rosa``, a scanner too, is a
        woman), or a clinical term no name list knows; an eponym may be a
        surname too (``Murphy from the ED``)."""
        lower = token.lower
        if lower in self._lex.products:
            return self._lex.first_names.get(lower, 0) < NOUN_NAME_COUNT
        return lower in self._lex.clinical and not self._in_lexicon(token)

    def _from_after(self, tokens: list[_Token], end: int) -> bool:
        """``from`` follows, maybe after ``is``/``was``: "Kenta from the ED",
        "Kenta is from Osaka"."""
        if end >= len(tokens):
            return False
        if tokens[end].lower in {"is", "was"}:
            end += 1
        if end >= len(tokens) or tokens[end].lower != "from":
            return False
        # "Rose from 1.2 to 2.4": from a number is a change, no place
        return end + 1 >= len(tokens) or not tokens[end + 1].text[:1].isdigit()

    def _referred_to(self, tokens: list[_Token], i: int) -> bool:
        """Capitalised word ``i`` opens a sentence as the subject of its verb
        and a personal pronoun (he, him, his, she, her) follows within
        :data:`_PRONOUN_REACH` tokens with no other capitalised name between:
        ``Oyewole is very reliable; you can depend on him``. Things are not
        he or she; the word must be :meth:`_unlisted` (no drug, eponym or
        English word), no hyphenated compound and no short abbreviation
        (``Tdap is due, he declined``), and the subject must act: in the
        passive (``Shingrix was given to her``) it is what is done to the
        patient the pronoun means. A very common given name that is a word
        too qualifies whatever its length (``Will is late, start without
        him``, ``Rose is back; she is on Plavix``)."""
        token = tokens[i]
        if not token.titled or token.possessive or "-" in token.text:
            return False
        unlisted = len(token.text) >= 5 and self._unlisted(token)
        if not unlisted and not self._word_given_name(token):
            return False
        if unlisted and (self._passive(tokens, i + 1) or self._thing_state(tokens, i + 1)):
            # "Prevnar is due; he declined", "Shingrix was given to her":
            # things; but "Will is available at 3", "Grant was admitted" are people
            return False
        for k in range(i + 2, min(len(tokens), i + 2 + _PRONOUN_REACH)):
            other = tokens[k]
            if other.lower in _PERSONAL_PRONOUNS:
                return True
            if (
                other.titled
                and other.text != token.text
                and other.lower not in STOP_WORDS
                and other.lower not in self._lex.clinical
                and self._name_shaped(other)
            ):
                return False  # "Oyewole told Dr. Ames his plan": whose plan?
        return False

    def _word_given_name(self, token: _Token) -> bool:
        """A very common given name that is an English word too (Will, Rose,
        Hunter, Grace), no clinical term, month or holiday."""
        return (
            self._common_given_name(token)
            and self._is_word(token)
            and token.lower not in self._lex.clinical
            and token.lower not in _CALENDAR
        )

    def _thing_state(self, tokens: list[_Token], k: int) -> bool:
        """Token ``k`` is a form of "to be" before a state only things are in,
        maybe after an adverb: ``is due``, ``is now overdue``, ``was not
        available`` (but ``is due for`` a scan, a person is)."""
        if tokens[k].lower not in _BE:
            return False
        for j in range(k + 1, min(k + 3, len(tokens))):
            if tokens[j].lower in _THING_STATES:
                # "Mark is due for his CT": people are due for things
                return j + 1 >= len(tokens) or tokens[j + 1].lower != "for"
        return False

    def _passive(self, tokens: list[_Token], k: int) -> bool:
        """Token ``k`` is a form of "to be" before a past participle, maybe
        after an adverb: ``was given``, ``is being stopped``, ``was later stopped``."""
        if tokens[k].lower not in _BE:
            return False
        for participle in tokens[k + 1 : k + 3]:
            lower = participle.lower
            if lower.endswith("ed") or lower in _IRREGULAR:
                return True
        return False

    def _speaker(
        self, tokens: list[_Token], end: int, quotes: frozenset[str] = _OPENING_QUOTES
    ) -> bool:
        """Token ``end`` is a colon right after the word before it, and an
        utterance (a word or one of ``quotes``) follows on the same line."""
        if end + 1 >= len(tokens) or tokens[end].text != ":":
            return False
        if tokens[end].start != tokens[end - 1].end:
            return False  # "Name : value" is a field, not a line of dialogue
        following = tokens[end + 1]
        # any utterance on the same line: "Maria: can you read the CT?"
        return not following.line_start and (following.text in quotes or following.is_word)

    def _recipients(self, tokens: list[_Token]) -> Iterator[_Evidence]:
        """``Mailing address: Sara Schwarz`` / ``28245 Puruntie 82``: the
        first line of an address block after its label is the person it
        goes to, when the next line opens with a house number."""
        count = len(tokens)
        for i in range(count - 3):
            if tokens[i].lower != "address" or tokens[i + 1].text != ":":
                continue
            k = i + 2
            end = self._run(tokens, k)
            # a name of two to four words alone on its line, a house number next
            number = end < count and tokens[end].line_start and tokens[end].text.isdigit()
            if 2 <= end - k <= 4 and number:
                yield _Evidence(k, end, EVIDENCE["recipient"], "recipient")

    def _speaker_label(self, tokens: list[_Token], k: int) -> bool:
        """Token ``k`` opens a line as a one-word label directly before a
        colon and an utterance on the same line: ``Ubul: What a ...``,
        ``tracy:"i'm ..."``; no English word (Note, Findings), clinical
        heading (Neuro, Abd) or field key (Patient, MRN)."""
        token = tokens[k]
        if not (token.is_word and _opens_line(tokens, k)):
            return False
        if not self._speaker(tokens, k + 1, quotes=_LABEL_QUOTES):
            return False
        lower = token.lower
        return (
            (token.titled or token.text.islower())
            and not token.possessive
            and len(token.text) > 1
            and "-" not in token.text
            and lower not in STOP_WORDS
            and lower not in TITLES
            and lower not in STRONG_CUES
            and lower not in _CALENDAR
            and lower not in self._lex.clinical
            and normalise_key(token.text) not in FIELD_LABELS
            and not self._plain_word(token)
        )

    def _dialogue(self, tokens: list[_Token]) -> Iterator[_Evidence]:
        """A transcript: ``Ubul: What a wife.`` / ``Nicole: Remember me?``.

        When a text has two or more speaker labels cased alike and at least
        half of them are given names from the lexicon, the others are
        speakers' names too, in a word list or not (``Ubul``, ``mika``). A
        run of headings (``Abd: soft`` / ``Ellen: ok``) has too few given
        names, and clinical headings are no labels at all.
        """
        labels = [
            k
            for k, token in enumerate(tokens)
            # (the cheap half of _opens_line first: this runs at every word)
            if token.is_word
            and (token.line_start or tokens[k - 1].text in _STAMP_ENDS)
            and self._speaker_label(tokens, k)
        ]
        for lower in (False, True):
            alike = [k for k in labels if tokens[k].text.islower() == lower]
            # (each speaker counted once: "kev", "mari", "kev" are two)
            speakers = {tokens[k].lower: tokens[k] for k in alike}
            given = sum(self._first_name(token) for token in speakers.values())
            if len(alike) >= 2 and 2 * given >= len(speakers):
                for k in alike:
                    yield _Evidence(k, k + 1, EVIDENCE["dialogue"], "dialogue")

    def _list_member(self, token: _Token) -> bool:
        """A capitalised word that could be one name of a list: no English
        word unless a common name too (White, Park), no cue, title or month,
        no letter alone ("Mann-Whitney U or Wilcoxon")."""
        return (
            token.titled
            and len(token.text) > 1
            and not token.possessive
            and "-" not in token.text
            and self._name_shaped(token)
            and token.lower not in STOP_WORDS
            and token.lower not in _CALENDAR
            and not self._plain_word(token)
        )

    def _lower_list_member(self, token: _Token) -> bool:
        """A lower-case word that could be one name of a list (``chad``)."""
        return (
            token.is_word
            and token.text.islower()
            and not token.possessive
            and len(token.text) > 2
            and token.lower not in STOP_WORDS
            and token.lower not in _CALENDAR
            and token.lower not in self._lex.clinical
            and not self._plain_word(token)
        )

    def _lists(
        self, tokens: list[_Token], joints: list[int], member: Callable[[_Token], bool]
    ) -> Iterator[list[int]]:
        """Lists of single words joined by commas and a final and/or/&:
        ``A and B``, ``A, B and C``, ``A, B, and C``; the token indices of
        the members of each, scanning once. ``joints``: the indices of the
        commas and joining words, where lists can go on."""
        count = len(tokens)
        i = 0
        for joint in joints:
            if joint - 1 < i or joint + 1 >= count or not member(tokens[joint - 1]):
                continue
            i = joint - 1
            members = [i]
            j = i
            joined = False
            while j + 2 < count:
                separator, k = tokens[j + 1], j + 2
                joins = separator.lower in _LIST_JOINS
                if separator.text == "," and tokens[k].lower in _LIST_JOINS:
                    joins, k = True, k + 1  # the Oxford comma
                elif not joins and separator.text != ",":
                    break
                if k >= count or not member(tokens[k]):
                    break
                members.append(k)
                j = k
                if joins:
                    joined = True
                    break  # "A, B and C" ends at C
            if joined:
                yield members
            i = j + 1

    def _listed(self, tokens: list[_Token]) -> Iterator[_Evidence]:
        """``Marrero and Murphy``, ``Kadiev, Usamov and Adams``: a list of names.

        Single capitalised words joined by commas and a final "and"/"or"
        (no English words unless common names too: ``Dale and White``) are
        people when one of them is a name from the lexicons and one (maybe
        the same) is neither an English word nor a clinical term; the others
        follow, in a word list or not (``Usamov and Bowers``). "Bosniak,
        Lugano and Fleischner" are eponyms all; a list before a clinical
        noun (``Hodgkin and Burkitt lymphoma``) names the noun's kinds, and
        a member in eponym use (``Jones fracture``) stays clinical.

        In lower case, a list of three or more in which two in three are
        given names (``silvana, adam, kristina, chad and caleb``) is one of
        people, the others too.
        """
        count = len(tokens)
        clinical = self._lex.clinical
        joints = [k for k, t in enumerate(tokens) if t.text == "," or t.lower in _LIST_JOINS]
        for members in self._lists(tokens, joints, self._list_member):
            after = members[-1] + 1
            if after < count and self._head_noun(tokens[after]):
                continue
            if not any(self._in_lexicon(tokens[k]) for k in members):
                continue
            if not any(
                tokens[k].lower not in clinical and not self._is_word(tokens[k]) for k in members
            ):
                continue
            for k in members:
                if self._eponym_use(tokens, k):
                    continue
                if k + 1 >= count or tokens[k].dot or not self._name_shaped(tokens[k + 1]):
                    yield _Evidence(k, k + 1, EVIDENCE["listed"], "listed")
        for members in self._lists(tokens, joints, self._lower_list_member):
            given = sum(self._usual_first_name(tokens[k]) for k in members)
            if len(members) >= 3 and 3 * given >= 2 * len(members):
                for k in members:
                    yield _Evidence(k, k + 1, EVIDENCE["listed"], "listed")

    def _head_noun(self, token: _Token) -> bool:
        """A clinical noun an eponym names a kind of: lymphoma, fractures,
        and a compound it opens (``valve-sparing``)."""
        lower = token.lower.partition("-")[0]
        return lower in HEAD_NOUNS or (lower.endswith("s") and lower[:-1] in HEAD_NOUNS)

    def _lower_pairs(self, tokens: list[_Token], foreign: bool) -> Iterator[_Evidence]:
        """``olga krylova's ...``, ``benjamin a seiler``: a name in lower case.

        A given name from the lexicon (no English word unless a middle
        initial follows: ``frank j lee``), maybe a middle initial, then a
        surname from the lexicon or, in English text, a word in no word list
        (in another language's text (``foreign``) every word is in no
        English list: "era positivo", "ana dalili"); no stop words or
        clinical terms.
        """
        count = len(tokens)
        first_names = self._lex.first_names
        # the lower-case words that could open a name or do what people do:
        # given names (or spellings _first_name must look up further), or
        # words before a human verb; one pass picks them out
        openers = [
            i
            for i, given in enumerate(tokens[:-1])
            if given.text.islower()
            and len(given.text) > 2
            and not given.possessive
            and (
                given.lower in first_names
                or not given.plain
                or tokens[i + 1].lower in _LOWER_PERSON_VERBS
                or (
                    tokens[i + 1].lower in _ADVERBS
                    and i + 2 < count
                    and tokens[i + 2].lower in _LOWER_PERSON_VERBS
                )
            )
        ]
        for i in openers:
            given = tokens[i]
            if self._acts(tokens, i) and self._lower_subject(tokens, i):
                # "bártová began writing", "maria complained": a name doing
                # what people do
                yield _Evidence(i, i + 1, EVIDENCE["human_verb"], "human_verb")
                yield _Evidence(i, i + 1, EVIDENCE["unknown_word"], "unknown_word")
            if not self._first_name(given) or self._lower_word(given):
                continue
            if i and tokens[i - 1].text.islower() and self._first_name(tokens[i - 1]):
                continue  # the middle of a longer lower-case name: counted there
            k = i + 1
            letter = tokens[k].text
            middle = len(letter) == 1 and (letter.isupper() or letter.islower())  # "a", "G"
            if middle and not given.dot:
                k += 1
            if k >= count or given.dot:
                continue
            surname = tokens[k]
            if not surname.text.islower() or len(surname.text) < 3:
                continue
            if given.lower in FOREIGN_STOP_WORDS or surname.lower in FOREIGN_STOP_WORDS:
                continue  # "uma criança", "les critères"
            if surname.lower in _LOWER_PERSON_VERBS and not middle:
                continue  # "dr wang said": the verb, though Said is a name too
            if self._lower_word(surname) and not self._worded_surname(tokens, i, k, middle):
                continue
            if self._is_word(given) and not middle:
                continue  # "olive grove", "case law": words, whatever the lists say
            if foreign and not middle and not self._usual_first_name(given):
                continue  # "otitis media aguda": a rare given name is a word there
            rank = self._lex.surnames.get(surname.lower, 0)
            if 0 < rank <= FREQUENT_SURNAME_RANK and not middle and self._is_word(surname):
                # "dr gina will": common surnames that are words are words;
                # "naomi ryan" is a name
                continue
            if not self._surname(surname) and not (
                # a word in no list after a given name: the given name must
                # be no rarity ("einer berufsbezogenen" is German)
                not foreign and self._unknown_lower(surname) and self._usual_first_name(given)
            ):
                continue
            rule = "lower_initial" if middle else "lower_pair"
            end = k + 1
            if (
                not middle
                and end < count
                and self._first_name(surname)
                and tokens[end].lower not in self._lex.clinical
                and (
                    self._lower_surname(tokens[end])
                    # a word in no list ends the name where the clause ends
                    or (self._unknown_lower(tokens[end]) and _clause_ends(tokens, end + 1))
                )
            ):
                end += 1  # "josé luis mamani, fecha ...": two given names, then the surname
            yield _Evidence(i, end, EVIDENCE[rule], rule)

    def _verb_after(self, tokens: list[_Token], i: int) -> _Token | None:
        """The word after token ``i``, past an adverb (``just paged``)."""
        k = i + 1
        if k < len(tokens) and tokens[k].lower in _ADVERBS:
            k += 1
        return tokens[k] if k < len(tokens) else None

    def _acts(self, tokens: list[_Token], i: int) -> bool:
        """A verb only people do follows token ``i``, maybe after an adverb:
        ``complained``, ``just paged``, ``said``."""
        verb = self._verb_after(tokens, i)
        return verb is not None and verb.lower in _LOWER_PERSON_VERBS

    def _lower_subject(self, tokens: list[_Token], i: int) -> bool:
        """A lower-case word before a verb only people do that is a name: a
        given name or a word in no list that could be one (``chinedu just
        paged me``), no English or clinical word, no cue (``my friend
        lives``), at a sentence's start or after a function word (not
        ``inter alia complained``)."""
        token = tokens[i]
        previous = tokens[i - 1] if i else None
        verb = self._verb_after(tokens, i)
        speaking = verb is not None and verb.lower in _SPEAKING
        if (
            (previous is None or previous.lower in {"and", "fyi"} or token.line_start)
            and speaking
            and self._common_given_name(token)
        ):
            return True  # "kelly called about bed 4", "will called, he's stuck"
        if len(token.text) < 4 or self._lower_word(token) or self._is_word(token):
            return False
        if previous is not None and previous.is_word and previous.lower not in STOP_WORDS:
            return False  # "inter alia complained"; "eva kleist lives": the pair has it
        if token.lower in STRONG_CUES:
            return False  # "my friend lives"
        if previous is not None and previous.lower in _DETERMINERS:
            return False  # "the nodul grew": a thing, misspelt
        if self._first_name(token) or not token.text.isascii():
            return True
        # a word no list knows, before a verb of speaking: "chinedu just paged me"
        return self._pronounceable(token) and speaking

    def _worded_surname(self, tokens: list[_Token], i: int, k: int, middle: bool) -> bool:
        """A lower-case surname that is also a word or clinical term (ross,
        kleist) still ends a name after a given name that is no word, when
        a middle initial stands between (``codey m ross``) or a verb only
        people do follows (``eva kleist lives at ...``)."""
        given, surname = tokens[i], tokens[k]
        if surname.lower in STOP_WORDS or not self._surname(surname) or self._is_word(given):
            return False
        if given.lower in self._lex.clinical or "-" in surname.text:
            return False
        if middle:
            return True
        return (
            k + 1 < len(tokens)
            and tokens[k + 1].lower in HUMAN_VERBS
            and surname.lower not in self._lex.clinical
            and self._frequent_first_name(given)
        )

    def _lower_word(self, token: _Token) -> bool:
        """A stop word, a clinical term or a word whose parts are English words."""
        return (
            token.lower in STOP_WORDS
            or token.lower in self._lex.clinical
            or (
                "-" in token.lower
                and any(_english(part, self._lex.english) for part in token.lower.split("-"))
            )
            or (self._is_word(token) and not self._frequent_first_name(token))
        )

    def _role_in_brackets(self, tokens: list[_Token], end: int) -> bool:
        """``Hunter (evening tech)``, ``Vaughn (deceased)``: a role in brackets."""
        if end >= len(tokens) or tokens[end].text != "(":
            return False
        inside = [t.lower for t in tokens[end + 1 : end + 4]]
        return any(word in STRONG_CUES or word in _ROLES for word in inside)

    def _called_out(self, tokens: list[_Token], i: int) -> bool:
        """``Don't go to town, Roy!``, ``Remember me, Kelly?``: a name addressed
        after a comma, closing the sentence; before a full stop only a
        common given name (``Got it, Hunter.``; not ``lymphoma, Hodgkin.``)."""
        token = tokens[i]
        if i == 0 or tokens[i - 1].text != "," or token.possessive:
            return False
        if i + 1 < len(tokens) and tokens[i + 1].text in {"!", "?"}:
            return True
        closes = token.dot and (i + 1 == len(tokens) or tokens[i + 1].line_start)
        return closes and self._frequent_first_name(token) and token.lower not in _CALENDAR

    def _age_sex(self, tokens: list[_Token], i: int, end: int) -> bool:
        """``Cash - 45M - fall``, ``Grace Lee, 72F``, ``Ruiz (8 yo)``: a name
        followed by the age and sex that introduce a patient; every word a
        name from the lexicons or no English word (not ``Type 2, 45F``)."""
        k = end
        while k < len(tokens) and k < end + 2 and tokens[k].text in _AGE_LEAD:
            k += 1
        if k + 1 >= len(tokens) or not tokens[k].text.isdigit() or len(tokens[k].text) > 3:
            return False
        age, after = tokens[k], tokens[k + 1]
        if age.start == tokens[k - 1].end and tokens[k - 1].text != "(":
            return False  # Tc-99m: an isotope, glued to its element
        # 45F; lower case only in lower-case text (99m is metres, minutes);
        # "33 F," apart only before punctuation; 67 y/o, 12 y.o.
        sexes = {"F", "M", "f", "m"} if tokens[end - 1].text.islower() else {"F", "M"}
        beyond = tokens[k + 2] if k + 2 < len(tokens) else None
        sex = after.text in sexes and (
            after.start == age.end or beyond is None or not beyond.is_word
        )
        years_old = after.lower in _YEARS_OLD or (
            after.lower == "y" and beyond is not None and (after.dot or beyond.text == "/")
        )
        if not (sex or years_old):
            return False
        run = tokens[i:end]
        if all(self._plain_word(t) or self._thing(t.lower) for t in run):
            return False  # "Code Stroke - 64F", "Prolia - 5 yrs": no name
        return not any(self._is_word(t) and not self._in_lexicon(t) for t in run)

    def _id_number(self, tokens: list[_Token], k: int) -> bool:
        """Token ``k`` is a record number in brackets: ``(835241)``."""
        return (
            k + 1 < len(tokens)
            and tokens[k].text.isdigit()
            and 6 <= len(tokens[k].text) <= 10
            and tokens[k + 1].text == ")"
        )

    def _identified(self, tokens: list[_Token], key: int) -> Iterator[_Evidence]:
        """``EBONY TESFAYE MRN 12345678``, ``SCHMIDT (835241)``: the words
        before a record key or number name the patient it identifies. One to
        three capitalised or all-caps words, none an English word or clinical
        term unless a name from the lexicons, one of them such a name or the
        key a bracketed number; in all caps any word no list knows may join
        (``TESFAYE``)."""
        numbered = tokens[key].text == "("  # "WILSON (7723144)": a patient
        if not (numbered or tokens[key].line_start) and key and tokens[key - 1].text in {"(", ","}:
            key -= 1  # "Francesca Bellini (MRN 57790241)", "wade hollister, mrn 4002"
        k = key
        while k > 0 and key - k < 3 and not tokens[k].line_start:
            word = tokens[k - 1]
            if not word.is_word or word.initial:
                break
            if not (word.titled or word.upper or word.text.islower()):
                break
            if word.dot or word.lower in _NEVER_NAMES:
                break  # "all ED.\nAcc", "BILL MD ACC": a sentence's end, a credential
            lower = word.lower
            if lower in STOP_WORDS:
                break
            if (
                lower in self._lex.clinical
                and not numbered
                # (but "Francesca Bellini (MRN ...)": a given name before it)
                and not (k >= 2 and word.titled and self._frequent_first_name(tokens[k - 2]))
            ):
                break
            if lower in STRONG_CUES:
                break
            if lower in TITLES or lower in _ID_KEYS:
                break
            if self._is_word(word) and not self._in_lexicon(word):
                break
            if word.upper and not (self._in_lexicon(word) or _voiced(word.lower)):
                break  # CT, MRN: acronyms
            k -= 1
        # in lower case, the words of a name only: "wade hollister (mrn 4002...)",
        # "rm 418 ngo bich hoa mrn 7092..."; not "pls check mrn", "the pt's mrn"
        while k < key and tokens[k].text.islower() and not self._lower_name_word(tokens[k]):
            k += 1
        if k == key:
            return
        lowered = [t for t in tokens[k:key] if t.text.islower()]
        if lowered and (len(lowered) < 2 or len(lowered) != key - k):
            return
        if key == k + 1 and self._plain_word(tokens[k]):
            return  # "Cancel ACC 22341", "Link ACC 99121": a verb
        if numbered or any(self._in_lexicon(t) for t in tokens[k:key]):
            yield _Evidence(k, key, EVIDENCE["identified"], "identified")

    def _lower_name_word(self, token: _Token) -> bool:
        """A lower-case word that may be part of a name: one of the name
        lists or no English word, and no stop word, cue or clinical term."""
        lower = token.lower
        if lower in STOP_WORDS or lower in STRONG_CUES or lower in TITLES:
            return False
        if lower in self._lex.clinical or lower in _CHAT_WORDS or lower in _ROOMS:
            return False
        return self._in_lexicon(token) or not self._is_word(token)

    def _in_room(self, tokens: list[_Token], i: int, end: int) -> bool:
        """``Young in room 4``, ``Bed 7 Huang``: people lie in rooms and beds;
        every word a name from the lexicons, no clinical term unless a common
        given name (not ``Foley in bed 2``, ``Edema in room 4``)."""
        lies_in = (
            end + 2 < len(tokens)
            and tokens[end].lower == "in"
            and tokens[end + 1].lower in _ROOMS
            and tokens[end + 2].text.isdigit()
        )
        if not lies_in and not (
            i > 1 and tokens[i - 2].lower in _ROOMS and tokens[i - 1].text.isdigit()
        ):
            return False
        if end == i + 1 and (self._plain_word(tokens[i]) or tokens[i].lower in self._lex.products):
            return False  # "Cart in room 6", "Room 4 Vida down" (but "Grace in bay 2")
        return all(
            (t.initial or self._in_lexicon(t))
            and (t.lower not in self._lex.clinical or self._frequent_first_name(t))
            for t in tokens[i:end]
        )

    def _vocative(self, tokens: list[_Token], i: int, end: int) -> bool:
        """``Seamus, can you ...``: a name, a comma, then a request; or a
        given name (or a word no list knows) opening a message or a line,
        then a comma or dash and the message (``Giang, the disc is at the
        desk``, ``Grace - the room is yours``)."""
        if end + 1 >= len(tokens):
            return False
        if tokens[end].text == "," and tokens[end + 1].lower in _REQUESTS:
            return True
        token, after = tokens[i], tokens[end + 1]
        if not (i == 0 or token.line_start) or tokens[end].text not in {",", "-", "–", "—"}:
            return False
        if not after.is_word or not after.text.islower():
            return False
        if token.lower in _CALENDAR or self._thing(token.lower):
            return False
        if token.lower in self._lex.clinical:  # "Douglas, the US is done"; not "Hodgkin, ..."
            return self._common_given_name(token)
        if self._first_name(token):
            return not self._plain_word(token)
        if after.lower in FOREIGN_STOP_WORDS:
            return False  # "Przypominam, że ...": a verb of another language
        # a word no list knows, written as one (not C'mon)
        return token.plain and not self._is_word(token) and self._pronounceable(token)

    def _after_title(self, tokens: list[_Token], i: int) -> Iterator[_Evidence]:
        """Dr. O'Neil-Park, Mr. Smith, dr smith, Mrs. dos Santos, Dr. med.
        Ingeborg Raabe, dott.ssa Chiara Bellandi; titles in a row, Lt. Col.
        Anne Graves, Prof. Dr. Weber."""
        start = i
        while start and tokens[start - 1].lower in TITLES and not tokens[start].line_start:
            start -= 1
        if (
            i + 2 < len(tokens)
            and tokens[i].dot
            and tokens[i + 1].lower in _TITLE_TAILS
            and tokens[i + 1].text.islower()
        ):
            i += 1  # the title goes on: "Dr. med.", "dott.ssa"
        end = self._run(tokens, i + 1, lower_ok=True, any_lower=True)
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        # "mr. lee called": a lower-case surname that is a word too
        worded = after is not None and after.text.islower() and self._surname(after)
        if (
            end == i + 1
            and worded
            and after is not None
            and after.lower not in STOP_WORDS
            and after.lower not in _LOWER_PERSON_VERBS  # "my doctor said", not Dr. Said
        ):
            end = i + 2
        if (
            end == i + 1
            and after is not None
            and after.titled
            and after.plain
            and not after.line_start
            and (after.lower in STRONG_CUES or after.lower in WEAK_CUES)
            and after.lower not in TITLES
            and after.lower not in STOP_WORDS
        ):
            end = i + 2  # "Ms. Page RN", "Dr. Call": a cue's word as the surname
        if end > i + 1 and tokens[i].lower in RANKS and self._plain_word(tokens[i + 1]):
            return  # "Deputy Director", "Officer Training": a rank before a word
        if end > i + 1:
            # The title goes with the name: "Mrs." alone would say who it is.
            yield _Evidence(start, end, EVIDENCE["title"], "title")

    def _surname_after(self, tokens: list[_Token], i: int) -> bool:
        """A surname that is no English word follows token ``i``, no clinical
        term unless a common name (``MR JONES``, not ``MR BRAIN`` or ``MR tech``)."""
        if i + 1 >= len(tokens):
            return False
        name = tokens[i + 1]
        clinical = name.lower in self._lex.clinical and not self._common_name(name)
        return self._surname(name) and not self._is_word(name) and not clinical

    def _with_slash(self, tokens: list[_Token], i: int) -> bool:
        """Token ``i`` is the w of ``w/`` (with) or of ``d/w`` (discussed with)."""
        if tokens[i].lower != "w":
            return False
        after = i + 1 < len(tokens) and tokens[i + 1].text == "/"
        return after or (i > 1 and tokens[i - 1].text == "/" and tokens[i - 2].lower == "d")

    def _introduces(self, tokens: list[_Token], i: int) -> bool:
        """``it's Bill again``, ``I am Dana from scheduling``: who is writing."""
        token = tokens[i]
        if token.lower == "it":
            # "Hi, it's Bill", not "I think it's Wilson": opening what is said
            previous = tokens[i - 1] if i else None
            return token.possessive and (
                previous is None
                or previous.dot
                or token.line_start
                or previous.text in {",", "!", "?", "-"}
                or previous.lower in SIGN_OFFS
                or previous.lower in _GREETINGS
            )
        if token.lower == "its" and token.text == "its":
            # texting without the apostrophe: "hi its maria lopez", "yo its marcus"
            previous = tokens[i - 1] if i else None
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if following is None or not self._first_name(following):
                return False  # "its sides were cut": a thing's
            return (
                previous is None
                or token.line_start
                or previous.text in {",", "!"}
                or previous.lower in _GREETINGS
                or previous.lower in {"yo", "hii", "heyy"}
                or previous.lower.startswith(("hiii", "heyyy"))  # drawn out
                or previous.dot  # "im scared. its deshawn"
                # "hey dr k its marisol": a greeting just before
                or any(t.lower in _GREETINGS for t in tokens[max(0, i - 4) : i - 1])
            )
        return token.lower == "am" and i > 0 and tokens[i - 1].text == "I"

    def _names_someone(self, tokens: list[_Token], i: int) -> bool:
        """``calls me``, ``named him``: a naming verb and its object."""
        return (
            tokens[i].lower in _NAMING_VERBS
            and i + 1 < len(tokens)
            and tokens[i + 1].lower in _OBJECTS
        )

    def _name_asked(self, tokens: list[_Token], i: int, first: _Token) -> bool:
        """Cue ``i`` is "name" after a word asking for one (``your last
        name? Field``, ``first name: Rose``) and ``first`` is a capitalised
        name from the lexicons that is no clinical term: a name, word or not."""
        return (
            tokens[i].lower == "name"
            and i > 0
            and tokens[i - 1].lower in _NAME_ASKERS
            and first.titled
            and self._in_lexicon(first)
            and first.lower not in self._lex.clinical
        )

    def _pronounceable(self, token: _Token) -> bool:
        """A lower-case word that could be a name rather than an abbreviation
        (``tmrw``, ``pls``) or a clinical term."""
        return (
            len(token.text) > 3
            and any(c in "aeiouy" for c in token.lower)
            and token.lower not in self._lex.clinical
        )

    def _after_cue(self, tokens: list[_Token], i: int) -> Iterator[_Evidence]:
        """her son Miguel, ask Priya, pt mark greene, signed by: J. Smith."""
        if tokens[i].dot and len(tokens[i].text) > 3:
            return  # "Mr. Graves called. Graves ophthalmopathy": the cue ends a sentence
        k = i + 1
        naming = self._names_someone(tokens, i)
        if naming:
            k += 1  # "call me Csanád", "named him Frank"
        while k < len(tokens) and (
            tokens[k].text in {":", ",", "-", "(", "?", "/"}
            or tokens[k].lower in {"is", "named", "by"}
        ):
            k += 1
        if k >= len(tokens) or tokens[k].lower in TITLES:
            return
        strong = (
            naming
            or tokens[i].lower.rsplit("-", 1)[-1] in STRONG_CUES
            or (tokens[i].lower in _LOWER_CUES and tokens[i].text.islower())
            # (a capitalised name: "paziente del letto 12" is a bed)
            or (tokens[i].lower in _PATIENT_CUES and tokens[k].titled)
            or tokens[i].lower == "is"
            or self._introduces(tokens, i)
            or (
                # requested by, signed by, read by: a person follows
                i > 0 and tokens[i].lower == "by" and tokens[i - 1].lower in _AGENT_VERBS
            )
            or tokens[i].lower == "at"  # only after a human verb: "shouted at Todd"
            # "spoke with Hope", "talked to Will": the verb is the cue
            or (i > 0 and tokens[i].lower in _TALK_TO and tokens[i - 1].lower in _TALKED)
            # d/w Will (discussed with), spoke w/ Hope
            or (
                self._with_slash(tokens, i)
                and i > 0
                and (tokens[i - 1].lower in _TALKED or (i > 1 and tokens[i - 1].text == "/"))
            )
        )
        end = self._run(tokens, k, lower_ok=strong, any_lower=strong)
        first = tokens[k]
        # "my name is marama rivers": what follows "name is" is a name
        told = tokens[i].lower == "name" and k > i + 1 and tokens[i + 1].lower in {"is", ":"}
        named = naming or told
        if end == k and named and self._unknown_lower(first) and self._pronounceable(first):
            end = k + 1  # "people call me višeslav": whatever follows is the name
            if told and end < len(tokens) and self._surname(tokens[end]):
                end += 1
        if (
            self._is_word(first)
            and not self._common_name(first)
            and not self._name_asked(tokens, i, first)
            # (but "my nan Mere Parata": a word, then a capitalised word no list knows)
            and not (
                strong and first.titled and any(self._unlisted(t) for t in tokens[k + 1 : end])
            )
        ):
            return  # "pt Name", "call Radiology": a word, not a name
        if end == k + 1 and first.upper and len(first.text) < 3:
            return  # "Name  LO": a two-letter code
        if (
            first.text.islower()
            and i > 0
            and tokens[i].lower in _PATIENT_NOUNS
            and tokens[i - 1].lower in _DETERMINERS
            and _english(first.lower, self._lex.english)
        ):
            return  # "no patient fields", "each patient record": a noun phrase
        if (
            end == k + 1
            and first.text.islower()
            and _english(first.lower, self._lex.english)
            and end < len(tokens)
            and tokens[end].lower in _PARTICLES_OF_VERBS
        ):
            return  # "Tech drew up 100 mL": a verb and its particle (not "called abernathy back")
        if end > k and not (end == k + 1 and first.initial):
            if strong and tokens[i].lower == "per" and self._cited(tokens, k, end):
                strong = False  # "per Fleischner", "Per Bosniak,": what is cited
            rule = "strong_cue" if strong else "weak_cue"
            yield _Evidence(k, end, EVIDENCE[rule], rule)

    def _nickname_after(self, tokens: list[_Token], i: int) -> Iterator[_Evidence]:
        """``(they/them, goes by Sky)``, ``Preferred name Ro``, ``aka "Tiny"``:
        the name someone goes by, whatever word it is, in one or two
        capitalised words (or one in quotes)."""
        between = _NICKNAME_CUES[tokens[i].lower]
        k = i + 1
        if between and between[0] in {"by", "as", "name"}:
            if k >= len(tokens) or tokens[k].lower != between[0]:
                return  # "goes home", "known allergies", "preferred pharmacy"
            k += 1
        while k < len(tokens) and (tokens[k].lower in between or tokens[k].text in _NICK_QUOTES):
            k += 1
        if k >= len(tokens) or not tokens[k].titled or tokens[k].lower in STOP_WORDS:
            return
        end = k + 1
        if end < len(tokens) and tokens[end].titled and tokens[end].start - tokens[k].end == 1:
            end += 1
        yield _Evidence(k, end, EVIDENCE["strong_cue"], "strong_cue")

    def _nicknamed(self, tokens: list[_Token], i: int) -> Iterator[_Evidence]:
        """``Oluwaseun "Seun" Adeyemi``, ``Robert (Bob) Hale``: a given name,
        a nickname in quotes or brackets, a surname; one of them a name
        from the lexicons, none an English word."""
        opening, nickname, closing, surname = tokens[i + 1 : i + 5]
        if (opening.text, closing.text) not in _NICKNAME_MARKS:
            return
        words = (tokens[i], nickname, surname)
        if not all(t.titled and self._name_shaped(t) for t in words):
            return
        if any(self._plain_word(t) for t in words) or not any(self._in_lexicon(t) for t in words):
            return
        yield _Evidence(i, i + 5, EVIDENCE["pair"], "pair")

    def _bracketed_nicknames(self, tokens: list[_Token]) -> Iterator[_Evidence]:
        """``Bernadette Coughlin ("Birdie")``, ``Bennett, Augustus ("Gus")``:
        a name, then a capitalised word in quotes inside brackets, the name
        the person goes by."""
        for k in range(2, len(tokens) - 2):
            if tokens[k - 1].text not in _OPENING_QUOTES | {"'"} or tokens[k - 2].text != "(":
                continue
            if tokens[k + 1].text not in {'"', "”", "'"} or tokens[k + 2].text != ")":
                continue
            word = tokens[k]
            if k < 3 or not (word.titled and self._name_shaped(word)):
                continue
            name = tokens[k - 3]
            if not (name.titled or name.upper) or not self._name_shaped(name):
                continue
            if self._plain_word(name) or (
                name.lower in self._lex.clinical
                and not (k >= 4 and tokens[k - 4].titled and self._first_name(tokens[k - 4]))
            ):
                continue  # 'the Fleischner Society ("Fleischner")', 'CT ("Chest")'

            if word.lower in self._lex.clinical or word.lower in _CALENDAR:
                continue
            yield _Evidence(k, k + 1, EVIDENCE["nickname"], "nickname")

    def _cited(self, tokens: list[_Token], k: int, end: int) -> bool:
        """Guidelines and classifications are cited "per" their authors
        (``per Fleischner``, ``Per Tanner she should ...``): a clinical term,
        unless what follows places a person (``per Graves in nuclear med``,
        ``per Wells from pharmacy``, ``per Mason, the tech``)."""
        if tokens[k].lower not in self._lex.clinical:
            return False
        following = [t.lower for t in tokens[end : end + 3] if t.text != ","]
        return not following or (
            following[0] not in _PLACING
            and following[0] not in _LOWER_PERSON_VERBS
            and not (following[0] == "the" and any(w in STRONG_CUES for w in following[1:]))
        )

    def _caret_names(
        self, text: str, tokens: list[_Token], starts: list[int]
    ) -> Iterator[_Evidence]:
        """``MORALES^FAITH^ANN``: a DICOM person name pasted outside a header.

        HL7 segments are left to the HL7 recognizer, which knows which
        fields are names.
        """
        if "^" not in text:
            return
        for match in _CARET_NAME.finditer(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            if _HL7_LINE.match(text, line_start):
                continue
            first = bisect.bisect_left(starts, match.start())
            last = bisect.bisect_left(starts, match.end())
            first, last = self._caret_extent(tokens, first, last)
            words = [t for t in tokens[first:last] if t.is_word]
            if not words or not (
                any(self._in_lexicon(t) for t in words)
                # or two names and more that are no words at all: MBEKI^THABO^S
                # (not a message type: ADT^A08, ORU^R01)
                or (
                    sum(len(t.text) > 1 for t in words) >= 2
                    and all(
                        not (self._is_word(t) or t.lower in self._lex.clinical)
                        for t in words
                        if len(t.text) > 1
                    )
                )
            ):
                continue
            if any(self._plain_word(t) and not self._first_name(t) for t in words[:2]) or all(
                t.lower in self._lex.clinical for t in words[:2]
            ):
                # LEFT^KNEE, ABDOMEN^PELVIS; but SMITH^JOHN and SEITKALI^MARAT
                # (a word of the dictionary, but a given name too) are names
                continue
            yield _Evidence(first, last, EVIDENCE["caret"], "caret")

    def _caret_extent(self, tokens: list[_Token], first: int, last: int) -> tuple[int, int]:
        """The name inside a caret match that ran on into the words around it:
        ``the worklist has SMITH^JOHN^A for CT`` → ``SMITH^JOHN^A``.

        Family-name words before the first ``^`` count while they are cased
        like the one next to it and no stop word or cue; given-name words
        after the last ``^`` stop at the first word cased otherwise.
        """
        carets = [k for k in range(first, last) if tokens[k].text == "^"]
        if not carets:
            return first, last
        family = carets[0] - 1
        start = family
        while start - 1 >= first and self._caret_word(tokens[start - 1], tokens[family]):
            start -= 1
        given = carets[-1] + 1
        end = given + 1 if given < last else given
        while end < last and self._caret_word(tokens[end], tokens[given]):
            end += 1
        return start, end

    def _caret_word(self, token: _Token, beside: _Token) -> bool:
        if not token.is_word:
            return token.text in {"-", "'", "’", "."}
        if token.lower in STOP_WORDS or token.lower in STRONG_CUES or token.lower in TITLES:
            return token.lower in PARTICLES
        return token.upper == beside.upper and token.text.islower() == beside.text.islower()

    def _signature(self, text: str, tokens: list[_Token], starts: list[int]) -> Iterator[_Evidence]:
        """``-- Lorenzo`` / ``- Dana K.``: a name alone on a line after a dash;
        and a given name that closes the message after a sentence or on a
        line of its own (``the CT is booked. Sanjay``, ``Ok will do. -Wade``)."""
        for match in _SIGNATURE.finditer(text):
            k = bisect.bisect_left(starts, match.end())
            end = self._run(tokens, k)
            if end > k:
                tail = text[tokens[end - 1].end : tokens[end].start if end < len(tokens) else None]
                if end == len(tokens) or "\n" in tail:
                    yield _Evidence(k, end, EVIDENCE["sign_off"], "sign_off")
        closing = self._closing_name(text, tokens)
        if closing is not None:
            yield _Evidence(closing, self._run(tokens, closing), EVIDENCE["sign_off"], "sign_off")
        elif (lower := self._lower_closing(text, tokens)) is not None:
            yield _Evidence(lower, lower + 1, EVIDENCE["sign_off"], "sign_off")

    def _lower_closing(self, text: str, tokens: list[_Token]) -> int | None:
        """Where a lower-case name that closes a texted message stands, if
        one does: the last word, after a dash (``ok will do -kev``, ``see u
        at 3 - jess``) or a thank-you (``thx, kev``, ``cheers rach``); a
        given name of the lists that is no plain word, or a word no list
        knows (a nickname); no sign-off, chat word, title or clinical term."""
        count = len(tokens)
        if count < 3:
            return None
        k = count - 1
        if tokens[k].text in {".", "!"}:
            k -= 1  # (a full stop is no token; "!" is)
        word = tokens[k]
        if not (word.text.isalpha() and word.text.islower() and 2 <= len(word.text) <= 12):
            return None
        before = tokens[k - 1]
        dash = before.text in {"-", "—", "–"} and (
            k < 2 or before.start > tokens[k - 2].end or tokens[k - 2].text in {".", "!", "?"}
        )
        thanked = before.lower in SIGN_OFFS or (
            before.text == "," and k >= 2 and tokens[k - 2].lower in SIGN_OFFS
        )
        if not (dash or thanked):
            return None
        lower = word.lower
        if (
            lower in STOP_WORDS
            or lower in SIGN_OFFS
            or lower in _CHAT_WORDS
            or lower in _CHAT_ABBREVIATIONS
            or lower in STRONG_CUES
            or lower in TITLES
            or lower in _CALENDAR
            or lower in self._lex.clinical
            or lower in FOREIGN_STOP_WORDS
        ):
            return None
        if self._first_name(word) and not self._plain_word(word):
            return k
        return k if not self._is_word(word) and not self._in_lexicon(word) else None

    def _closing_name(self, text: str, tokens: list[_Token]) -> int | None:
        """Where the name that signs the message off begins, if one does: one
        to three name words ending the text (or before a closing role: ``-
        Gustavo (ED)``, ``- Kiara, xray tech``, ``- Kiki @ front desk``), after
        a sentence's end, a line break or a dash, the first a given name that
        is no plain word; after a dash or a thank-you, or on a line of its
        own, any word no list knows (``- Folake``, ``thx Hadiza``)."""
        last = _role_tail(tokens)
        for k in range(max(1, last - 3), last):
            if self._run(tokens, k) != last:
                continue
            first = tokens[k]
            own_line = "\n" in text[tokens[k - 1].end : first.start]
            if not first.titled or self._plain_word(first):
                return None
            if first.lower in self._lex.clinical and not self._frequent_first_name(first):
                return None
            dash = tokens[k - 1].text in {"-", "—", "–"}
            if not self._first_name(first):
                # "Sent from my iPhone\n\nTunde", "hold caffeine 24h. - Folake"
                signed = own_line or dash or tokens[k - 1].lower in SIGN_OFFS
                return k if signed and not self._is_word(first) else None
            ended = tokens[k - 1].dot or dash or tokens[k - 1].text in {"!", "?"}
            return k if ended or own_line else None
        return None

    def _after_sign_off(self, text: str, tokens: list[_Token], i: int) -> Iterator[_Evidence]:
        """Thanks, Dana / Best regards, Sabine Weber / thanks so much, Xiaoming
        / thanks so much Dawn (a given name ending the line)."""
        k = i + 1
        while k < len(tokens) and k < i + 4 and tokens[k].text != ",":
            if tokens[k].titled:
                if self._first_name(tokens[k]) and not self._plain_word(tokens[k]):
                    k -= 1  # no comma: the name itself
                break
            if tokens[k].lower not in _THANKS_FILLERS:
                return
            k += 1
        if k + 1 >= len(tokens):
            return  # nothing after the sign-off (or its comma)
        end = self._run(tokens, k + 1)
        if all(self._plain_word(t) or t.lower in self._lex.clinical for t in tokens[k + 1 : end]):
            return  # "Thanks, Radiology", "Regards, Breast Imaging": a team signs
        if end > k + 1 and end - k - 1 <= 3:
            line_end = text.find("\n", tokens[end - 1].end)
            rest = text[tokens[end - 1].end : None if line_end < 0 else line_end]
            if not any(char.isalnum() for char in rest):
                yield _Evidence(k + 1, end, EVIDENCE["sign_off"], "sign_off")

    def _surname_in_capitals(self, tokens: list[_Token], i: int) -> Iterator[_Evidence]:
        """ZHANG Xiaoming, NGUYEN Thi Lan, DUPONT Marie: the surname first, in
        capitals (as passports, wards and much of Asia and France write it),
        then the given names. The surname is one of the lists and no English
        word or clinical term, and does not continue a run of capitals (``CT
        ABDOMEN``); each given name is one of the lists or a word no list
        knows."""
        surname = tokens[i]
        if (
            len(surname.text) < 2
            or not surname.plain
            or (i and tokens[i - 1].upper)
            or surname.lower in self._lex.clinical
            or surname.lower in STOP_WORDS
            or surname.lower in TITLES
            or surname.lower in _ID_KEYS
            or not self._surname(surname)
            or (self._is_word(surname) and not self._common_name(surname))
        ):
            return
        end = i + 1
        while end < len(tokens) and end - i <= 3:
            given = tokens[end]
            if not given.titled or given.line_start or given.lower in _CALENDAR:
                break
            if given.lower in STOP_WORDS or given.lower in TITLES or given.lower in STRONG_CUES:
                break
            if not (
                (self._first_name(given) and not self._plain_word(given)) or self._unlisted(given)
            ):
                break
            end += 1
            if given.dot or given.possessive:
                break
        if end > i + 1:
            yield _Evidence(i, end, EVIDENCE["inverted"], "inverted")

    def _inverted(self, tokens: list[_Token], i: int, foreign: bool) -> Iterator[_Evidence]:
        """Surname, First [M]: SMITH, JOHN A / Smith, John / smith, zhiwei
        (in lower case not in another language's text (``foreign``), where
        words of the name lists are words too: "score 3 hai, toh ICU")."""
        if i + 2 >= len(tokens) or tokens[i + 1].text != ",":
            return
        surname, given = tokens[i], tokens[i + 2]
        if foreign and surname.text.islower():
            return
        if surname.initial or len(surname.text) < 2 or len(given.text) < 2 or not given.is_word:
            return
        if _ROMAN_GRADE.fullmatch(surname.text):
            return  # "Clark level IV, SLN biopsy": a grade
        if surname.possessive or (given.text[1:] != given.text[1:].lower() and not given.upper):
            return  # "Parkinson's, DaTscan": a possessive, an inner capital
        if surname.lower in STOP_WORDS or (
            given.lower in STOP_WORDS and not self._frequent_first_name(given)
        ):
            return
        if given.text.islower() and given.lower in FOREIGN_STOP_WORDS:
            return  # "soy carmen ruiz, mi papa": Spanish "my"
        if given.lower in _PATIENT_CUES or surname.lower in _PATIENT_CUES:
            return  # "Selamat siang dok, pasien atas nama ...": "patient"
        if surname.lower in _FOREIGN_GREETINGS or (
            surname.text.islower() and surname.lower in FOREIGN_STOP_WORDS
        ):
            return  # "Guten Morgen, Erinnerung", "Bonjour à tous, la réunion"
        same_case = (
            (surname.upper and given.upper)
            or (surname.titled and given.titled)
            or (surname.text.islower() and given.text.islower())
            # a worklist's FARAH, Yusuf: the surname in capitals, both names
            # of the lists (not "PE, D-dimer", nor "hx of COPD, John Smith")
            or (
                surname.upper
                and given.titled
                and len(surname.text) > 2
                and given.plain
                and self._first_name(given)
                and self._surname(surname)
                and (surname.lower not in self._lex.clinical or self._common_name(surname))
                # (not "with ALS, John Smith, who ...": a name in apposition)
                and not (i + 3 < len(tokens) and (tokens[i + 3].titled or tokens[i + 3].initial))
            )
        )
        if not same_case:
            return
        if self._listed_terms(tokens, i):
            return  # "Colles, Smith, Barton", "Florida, Georgia and ...": a list
        known_surname = self._surname(surname) or not self._is_word(surname)
        known_given = self._first_name(given) or not self._is_word(given)
        if surname.text.islower() and (
            self._english_compound(surname)
            # "cotton-wool skull, blade of grass": an English word, no surname
            or (
                _english(surname.lower, self._lex.english)
                and not self._lex.surnames.get(surname.lower, 0)  # (unranked, or none)
            )
            or given.lower in _CHAT_WORDS
            or not (self._surname(surname) and known_given)
            or self._is_word(given)
            or self._english_compound(given)
            or given.lower in self._lex.clinical
            or (self._is_word(surname) and not self._first_name(given))
        ):
            # lower case: "yang, zhiwei" yes; "vergae, normal", "overall,
            # nephro", "last time, premedicate" no
            return
        both_words = self._is_word(surname) and self._is_word(given)
        if both_words and not (self._surname(surname) and self._frequent_first_name(given)):
            return  # "left, mild"; but "Price, Grace" is a name
        if not (known_surname and known_given):
            return
        if surname.upper and not (self._in_lexicon(surname) or self._in_lexicon(given)):
            if not (_voiced(surname.lower) and _voiced(given.lower)):
                return  # "cine SSFP, LGE", "CTA, CTP": acronyms have few vowels
            if i + 4 < len(tokens) and tokens[i + 3].text == "," and tokens[i + 4].upper:
                return  # "DWI, ADC, SWI": a list of acronyms
        clinical = self._lex.clinical
        if (surname.lower in clinical or given.lower in clinical) and not (
            self._surname(surname) and self._first_name(given)
        ):
            return  # "Bosniak, Lugano and Fleischner": a list of eponyms
        if (
            surname.lower in clinical
            and given.lower in clinical
            and not self._common_given_name(given)
            and i + 3 < len(tokens)
            # the list goes on, or a clinical noun follows: "Smith, Barton,
            # Chauffeur", "Apgar, Ballard and", "Colles, Smith fractures"
            and (tokens[i + 3].lower in _LIST_GOES_ON or self._head_noun(tokens[i + 3]))
        ):
            return  # "Colles, Smith, Barton", "Apgar, Ballard": no common given name
        end = i + 3
        while end < len(tokens) and end < i + 5 and self._name_shaped(tokens[end]):
            if tokens[end].upper != given.upper:
                break
            if tokens[end].lower in _BUILDINGS:
                return  # "Mr Frederick Ashworth, Dunmore Cottage": a house's name
            end += 1  # JOHN A, Maria Luisa
        weight = EVIDENCE["inverted"] - (0.15 if both_words else 0.0)
        if not (self._in_lexicon(surname) or self._in_lexicon(given)):
            weight -= 0.15  # in no word list
        if surname.text.islower():
            weight -= 0.15
        yield _Evidence(_particles_before(tokens, i), end, weight, "inverted")

    def _pair(self, tokens: list[_Token], i: int, end: int, foreign: bool) -> Iterator[_Evidence]:
        """John Smith, Zhang Wei, J. Smith, Yamamoto K., Ardeshir Esfandiari.

        In another language's text (``foreign``) the run's ends are trimmed
        to words of the name lists: German capitalises its nouns
        ("den Patienten Tadeusz Nowak"), and no unknown pair is a name.
        """
        if foreign:
            i, end = self._foreign_trimmed(tokens, i, end)
            if end - i < 2:
                return
        if (
            end - i >= 3
            and tokens[i].titled
            and tokens[end - 1].titled
            and not self._plain_word(tokens[i])
            and any(_particle(tokens, j, foreign) for j in range(i + 1, end - 1))
        ):
            # "Willemine ten Pas", "Maria de la Cruz": a particle between
            # capitalised words joins them into one name, words or not
            yield _Evidence(i, end, EVIDENCE["pair"], "pair")
            return
        if foreign and any(
            tokens[j].text.islower() and tokens[j].lower in _ARTICLE_PARTICLES
            for j in range(i + 1, end - 1)
        ):
            return  # "Erkläre den Unterschied": an article, no particle
        # "Ruptured Baker", "Modified Blalock-Taussig": words at the ends of
        # a capitalised run are no part of a name
        while i < end and self._plain_word(tokens[i]):
            i += 1
        kept = end
        while end > i and self._plain_word(tokens[end - 1]):
            end -= 1
        if (
            kept > end
            and end - i == 1
            and self._initial_then_surname(tokens, i, end)
            # (not a heading's letter: "2006.  C. Birth of the third applicant")
            and not (i == 0 or tokens[i].line_start or tokens[i - 1].dot)
        ):
            # "J. Whitehorse": an initial, then a surname of the list that
            # is a word too
            yield _Evidence(i, end + 1, EVIDENCE["pair"] - 0.15, "pair")
            return
        if (
            kept > end
            and all(t.initial for t in tokens[i + 1 : end])
            and self._given_then_surname(tokens[i], tokens[end])
        ):
            # "Rebecca Hides", "Kate M Begum": after a given name that is no
            # word, a capitalised word is the surname even if it is a word too
            yield _Evidence(i, end + 1, EVIDENCE["pair"], "pair")
            return
        if end - i < 2:
            return
        words = [t for t in tokens[i:end] if not t.initial]
        if not words or all(t.initial for t in (tokens[i], tokens[end - 1])):
            return
        if any(t.upper for t in words) and not all(t.upper for t in words):
            return  # "Name LO", "Study CT": names keep one case
        common = sum(self._is_word(t) for t in words)
        known = sum(self._in_lexicon(t) for t in words)
        if all(t.upper for t in words) and not known:
            return  # CT MRI, LEFT KNEE: headings and acronyms
        with_initial = tokens[i].initial or tokens[end - 1].initial
        first, last = tokens[i], tokens[end - 1]
        if self._frequent_first_name(first) and self._common_name(last) and len(words) == 2:
            common = 0  # Kayla Black, Bill Dawson, Grace Young: names first
        if common == 0:
            weight = EVIDENCE["pair"] if known or len(words) > 1 else 0.0
            if not weight and end - i == 2 and self._initial_then_surname(tokens, i, i + 1):
                weight = EVIDENCE["lexicon_word"]  # "D. Oyelaran": an initial, a word of no list
        elif with_initial and known == len(words):
            weight = EVIDENCE["pair"]  # H. Weber, Yamamoto K.
        elif common < len(words) and known:
            weight = EVIDENCE["pair"] - 0.15
        else:
            first_name = tokens[i].initial or self._first_name(tokens[i])
            weight = EVIDENCE["pair"] - 0.25 if first_name and known == len(words) else 0.0
        if all(t.upper for t in words) and known < len(words):
            weight -= 0.15  # upper case: headings, unless every word is a name
        if weight > 0:
            yield _Evidence(i, end, weight, "pair")

    def _initial_then_surname(self, tokens: list[_Token], i: int, k: int) -> bool:
        """Token ``i`` is an initial with its full stop and token ``k`` a
        capitalised word after it that is no clinical term and no
        abbreviation of its own (``J. Urol.``): ``D. Oyelaran``, ``J.
        Whitehorse``; not ``E. Coli``, ``C. Diff``."""
        initial, word = tokens[i], tokens[k]
        if k + 1 < len(tokens) and tokens[k + 1].text[:1].isdigit():
            return False  # "C. Beerninckstraat 88": a street and its number
        return (
            initial.initial
            and initial.dot
            and not word.dot
            and len(word.text) > 3
            and "-" not in word.text
            and self._surname_shaped(word)
            and (self._surname(word) or not self._is_word(word))
        )

    def _listed_terms(self, tokens: list[_Token], i: int) -> bool:
        """Tokens ``i`` and ``i + 2`` (a comma between) are regions or rare
        eponyms (:meth:`_term`) in a longer list of capitalised words:
        "Florida, Georgia and North Carolina"; not "Smith, John, Jones,
        Mary", whose given names are no terms, nor "White, Willis and
        Hoffman", a firm."""
        if not (self._term(tokens[i].lower) and self._term(tokens[i + 2].lower)):
            return False
        after = i + 3 < len(tokens) - 1 and (
            tokens[i + 3].text == "," or tokens[i + 3].lower in _COORDINATION
        )
        before = i >= 2 and tokens[i - 1].text == "," and tokens[i - 2].titled
        return (after and tokens[i + 4].titled) or before

    def _term(self, word: str) -> bool:
        """A region, or a clinical term that is no frequent surname (a firm
        of surnames, "White, Willis and Hoffman", must not leak)."""
        if word in self._lex.regions:
            return True
        rank = self._lex.surnames.get(word, 0)
        return word in self._lex.clinical and not 0 < rank <= FREQUENT_SURNAME_RANK

    def _given_then_surname(self, given: _Token, word: _Token) -> bool:
        # (hyphenated only when both halves are frequent given names:
        # Jean-Baptiste Delacroix, not Mini-Mental State)
        double = "-" in given.text and self._frequent_first_name(given)
        return (
            (given.titled or double)
            and ("-" not in given.text or double)
            and self._first_name(given)
            and not self._is_word(given)
            and self._surname_shaped(word)
        )

    def _surname_shaped(self, word: _Token) -> bool:
        """A capitalised word, no possessive, that may end a name after a
        given name or initial: no clinical term, head noun, calendar word or
        word that follows names (:data:`_NOT_SURNAMES`)."""
        return (
            word.titled
            and not word.possessive
            and word.lower not in self._lex.clinical
            and word.lower not in HEAD_NOUNS
            and word.lower not in _NOT_SURNAMES
            and word.lower not in _CALENDAR
        )

    def _ner_evidence(self, draft: _Draft, start: int, end: int) -> Iterator[_Evidence]:
        """A PERSON span of the model, trimmed of what is no name word.

        The small model also tags words around names (``Pt``, ``wants``),
        DICOM keywords (``Name LO``) and pronouns (``I``); those are trimmed
        from the span's ends, and a span with nothing left is dropped.
        """
        tokens = draft.tokens
        first = bisect.bisect_left(draft.starts, start)
        last = first
        while last < len(tokens) and tokens[last].start < end:
            last += 1
        # a name has no digits or field separators inside: split there
        piece = first
        for k in range(first, last + 1):
            if k == last or tokens[k].text.isdigit() or tokens[k].text in _SEPARATORS:
                yield from self._ner_piece(tokens, piece, k, draft.foreign)
                piece = k + 1

    def _foreign_trimmed(self, tokens: Sequence[_Token], i: int, end: int) -> tuple[int, int]:
        """The part of ``tokens[i:end]`` that can be a name in another
        language's text (empty: none).

        The ends are trimmed to words of the name lists that are no function
        word (Sie, Welche) and no German noun after its article
        (``den Patienten Tadeusz Nowak``). Where fewer than two words are
        left, a known word with an unknown one stays whole (``Marta
        Lewandowska``), and so do two unknown words (``Kacpra
        Lewandowskiego``, an inflected name), unless a function word, an
        article's noun or a lower-case word is among them (not ``Erklären
        Sie``, ``Welche Rolle``, ``Tofauti kati``).
        """

        def name_word(k: int) -> bool:
            token = tokens[k]
            if _after_article(tokens, k) or token.text.islower():
                return False  # "unter der Nummer"; "de", "van": no name ends with one
            return token.initial or (
                self._in_lexicon(token) and token.lower not in FOREIGN_STOP_WORDS
            )

        first, last = i, end
        while first < last and not name_word(first):
            first += 1
        while last > first and not name_word(last - 1):
            last -= 1
        if last - first >= 2 or end - i < 2:
            return first, last
        if last > first:
            # a known word and unknown ones stay whole, but for a function
            # word opening them, an article's noun or a lower-case word that
            # is no particle: "Welche Rolle", "Tofauti kati"; "Residencia Los
            # Olivos", "Farmacia del Parque", "Hồng Nhung" stay whole
            opening = tokens[i].lower in FOREIGN_STOP_WORDS and tokens[i].lower not in PARTICLES
            worded = any(
                _after_article(tokens, k)
                or (tokens[k].text.islower() and tokens[k].lower not in PARTICLES)
                for k in range(i, end)
            )
            return (first, last) if opening or worded else (i, end)
        plain = not any(
            tokens[k].lower in FOREIGN_STOP_WORDS
            or _after_article(tokens, k)
            or (tokens[k].text.islower() and tokens[k].lower not in PARTICLES)
            for k in range(i, end)
        )
        return (i, end) if plain else (i, i)

    def _ner_piece(
        self, tokens: list[_Token], first: int, last: int, foreign: bool
    ) -> Iterator[_Evidence]:
        """``foreign``: the text is in another language, where the English
        model tags nouns (German capitalises them all) and a span with no
        word of the name lists is no evidence."""
        while first < last and (
            not self._model_name_word(tokens[first])
            or _opening_function_word(tokens, first)
            or tokens[first].lower in _PATIENT_CUES  # "Mgonjwa ana dalili": "patient has"
        ):
            first += 1
        while last > first and not self._model_name_word(tokens[last - 1]):
            last -= 1
        while last > first and _numbered(tokens, last - 1):
            last -= 1
        if foreign:
            first, last = self._foreign_trimmed(tokens, first, last)
        if last > first:
            words = tokens[first:last]
            # one lower-case word ("max 3 g/day", "jersey finger") is weak
            # on its own: the rules must agree ("maria complained"); so is an
            # English word opening a sentence before a word no person does
            # ("Max dose of ...", "Bill for the ...", "Iris heterochromia")
            # (in another language's text, a word opening a sentence that is
            # no frequent given name: "Dev hücreli arterit"; "Maria fue" is)
            alone = len(words) == 1 and (
                words[0].text.islower()
                or self._word_opening(tokens, first)
                or (
                    foreign
                    and _after_break(tokens, first)
                    and not self._frequent_first_name(words[0])
                )
            )
            strong = not alone and (len(words) > 1 or any(self._in_lexicon(t) for t in words))
            weight = EVIDENCE["ner"] if strong else EVIDENCE["ner_unknown_word"]
            yield _Evidence(first, last, weight, "ner")

    def _word_opening(self, tokens: list[_Token], k: int) -> bool:
        """Token ``k`` is an English word that opens a sentence, followed by
        a lower-case English word that is no verb of a person's."""
        token = tokens[k]
        if not _after_break(tokens, k):
            return False
        if k + 1 >= len(tokens) or not self._is_word(token):
            return False
        following = tokens[k + 1]
        lower = following.lower
        return (
            following.text.islower()
            and self._is_word(following)
            and lower not in _SUBJECT_VERBS
            and lower not in _LOWER_PERSON_VERBS
            and lower not in POST_CUES
            and not lower.endswith(("s", "ed"))
        )

    def _model_name_word(self, token: _Token) -> bool:
        if not token.is_word or token.lower in TITLES or token.lower in _NEVER_NAMES:
            return False
        if token.lower in PARTICLES:
            return False
        if token.initial:
            return token.dot
        if not (token.titled or token.upper or token.text.islower()):
            return False  # fU, mDIXON: no name is cased so
        if token.text.islower() and (
            token.lower in STOP_WORDS or token.lower in FOREIGN_STOP_WORDS
        ):
            return False  # "che cosa", "benigno del"
        if len(token.text) < 2 or any(p in self._lex.clinical for p in self._keys(token)):
            return False
        if token.upper and (len(token.text) < 3 or not self._in_lexicon(token)):
            return False
        if token.text.islower() and (not self._in_lexicon(token) or self._is_word(token)):
            return False
        if _ROMAN_GRADE.fullmatch(token.text):
            return False
        return not self._is_word(token) or self._common_name(token)

    # -- decision -----------------------------------------------------------------

    def _vetoed(self, tokens: Sequence[_Token], start: int, end: int, rules: set[str]) -> bool:
        """Whether the candidate is clinical vocabulary rather than a person.

        A title always makes a person (``Mr. Baker``). Otherwise a candidate
        is vocabulary when a word of it is used as an eponym (followed by a
        clinical noun or grade: ``Baker's cyst``, ``Bosniak IIF``), when it
        is one clinical phrase (``Ann Arbor``, ``da Vinci``), or when it is a
        lone clinical word (``Hodgkin``, ``Eliquis``) that no cue, sign-off
        or person verb names as someone (``Nurse Foley``, ``Hartmann called``).
        """
        if "title" in rules:
            return False
        span = tokens[start:end]
        words = [t.lower for t in span if t.is_word and not t.initial]
        if not words:
            # initials alone; three after a patient's cue are a name ("pt
            # J.R.T., MRN ...": the family asked for initials only)
            return not ("strong_cue" in rules and sum(t.initial for t in span) >= 3)
        clinical = self._lex.clinical
        if any(self._eponym_use(tokens, k) for k in range(start, end)):
            return True
        if any(_foreign_eponym(tokens, k) for k in range(start, end)):
            return True  # doença de Addison, Maladie de Crohn, Morbus Crohn, Skala Glasgow
        if any(self._unlisted_eponym(tokens, k) for k in range(start, end)):
            return True  # Somogyi effect, Homan sign, West Nile virus
        phrase = " ".join(words)
        before = tokens[start - 1].lower if start else ""
        after = tokens[end].lower if end < len(tokens) else ""
        pairs = [f"{a}{joint}{b}" for a, b in itertools.pairwise(words) for joint in " -"]
        if any(pair in clinical for pair in pairs) or (
            f"{before} {phrase}" in clinical or f"{phrase} {after}" in clinical
        ):
            return True  # Ann Arbor, Mallory Weiss (mallory-weiss) tear, "Hodgkin, Ann Arbor"
        if all(self._thing(word) for word in words):
            return True  # "Nephro wants", "met with Medtronic": services and products
        if any(word.startswith("x-") for word in words):
            return True  # "kama X-ray", "Chụp X-quang": no name has an X- word
        if (
            len(span) == 1
            and start
            and tokens[start - 1].text in _GERMAN_ONLY_ARTICLES
            and not _particle(tokens, start - 1)
        ):
            return True  # "im MRT-Befund der Brustwirbelsäule": a German noun
        if all(word in _FOREIGN_GREETINGS or word in _GREETINGS for word in words):
            return True  # "Buongiorno", "Guten Morgen": a greeting opens the message
        if len(span) == 1 and self._unit(tokens, start):
            return True  # "per EMS", "ED wants", "per ed attending"
        if self._region(tokens, start, end):
            return True  # "in Arizona", "Southeast Asia", "Minnesota and Florida"
        if len(span) == 2 and span[0].initial and span[1].lower in self._lex.species:
            return True  # "E. Coli", "C. Diff", "S. Aureus": an organism
        if _laureate(tokens, start, end):
            return True  # "Marie and Pierre Curie ..., the 1979 Nobel": laureates, listed or not
        if rules & _NAMING_RULES or any(t.initial for t in span):
            return False
        if len(words) == 1 and words[0] in _FEATURES and start and tokens[start - 1].titled:
            return True  # Mississippi River, Murray Valley: a place
        if len(words) == 2 and words[0] in self._lex.vendors and self._model_name(span[-1]):
            return True  # Baxter Sigma, Philips Spectrum: a vendor's product
        if len(words) == 2 and words[1] in self._lex.drugs and not self._first_name(span[0]):
            return True  # "Welche Dosis Apixaban": a word and a drug
        if len(span) == 1 and self._office(tokens, start):
            return True  # "Dean of the medical school", "Dean's letter": an office
        if len(span) == 1 and self._opening_word(tokens, start):
            return True  # "Max dose of ...", "Bill this as 99214", "Hope this helps"
        if len(span) == 1 and _extremes(tokens, start):
            return True  # "Max and min thermometer logs"
        if len(span) == 1 and words[0] in _LANGUAGES and before in _LANGUAGE_LEADS:
            return True  # "auf Deutsch zusammenfassen", "translate into English"
        if _domain_name(tokens, start, end):
            return True  # "Viz.ai", "Doximity.com": a product's address
        if len(span) == 1 and _saint(tokens, start):
            return True  # "St. John's wort", "Saint Luke's": a saint's name
        if self._historical(tokens, start, end):
            return True  # "Wilhelm Röntgen discovered X-rays in 1895"
        if (
            start >= 2
            and tokens[start - 1].lower in {"after", "for"}
            and tokens[start - 2].lower == "named"
        ):
            return True  # "Named after Godfrey Hounsfield": whom a thing is named for
        if len(span) == 1 and self._eponym_elsewhere(tokens, start):
            return True  # "Hunter syndrome is MPS II ... Hunter lacks corneal clouding"
        if len(words) > 1:
            # Philips Achieva: clinical words and nothing else; but a common
            # given name before a surname is a person whatever eponyms the
            # words also make: James Wilson, Kelly Johnson, Russell Evans
            given = next(t for t in span if t.is_word and not t.initial)
            surname = span[-1]
            if len(span) > 2 and span[1].text == ",":
                surname, given = span[0], span[2]  # ANDERSON, KEITH L: surname first
            return all(word in clinical for word in words) and not (
                self._frequent_first_name(given) and self._surname(surname)
            )
        # Hodgkin, Hodgkin-related: a clinical word, alone or joined to words
        parts = words[0].split("-")
        clinical_word = words[0] in clinical or (
            any(part in clinical for part in parts)
            and all(part in clinical or _english(part, self._lex.english) for part in parts)
        )
        return clinical_word and not self._named_alone(tokens, start)

    def _eponym_elsewhere(self, tokens: Sequence[_Token], k: int) -> bool:
        """Token ``k``'s word names a disease or sign elsewhere in the text,
        before its head (``Hunter syndrome ... Hunter lacks``): the same
        eponym again, not a person."""
        text = tokens[k].text
        # (within a reach, so that texts of many names cost linear time)
        low, high = max(0, k - _EPONYM_REACH), min(len(tokens) - 1, k + _EPONYM_REACH)
        return any(
            j != k
            and tokens[j].text == text
            and tokens[j + 1].text.islower()
            and tokens[j + 1].lower in _EPONYM_ONLY_HEADS
            for j in range(low, high)
        )

    def _historical(self, tokens: Sequence[_Token], start: int, end: int) -> bool:
        """A scholar of the past: a name of two words or more, then a verb of
        discovery (``Röntgen discovered``, ``Apgar introduced``) or a
        possessive before a year (``Fleming's 1928 observation``), with a
        year before :data:`_MODERN_YEAR` in its sentence. A patient's year
        is later: ``John Smith discovered a lump in 2023``."""
        if end - start < 2 or end >= len(tokens):
            return False
        last, following = tokens[end - 1], tokens[end]
        if last.possessive:
            return following.text.isdigit() and _old_year(following.text)
        if following.lower not in _DISCOVERY_VERBS or not following.text.islower():
            return False
        low = start
        while low > 0 and start - low < _HISTORY_REACH and not tokens[low].line_start:
            if tokens[low - 1].dot and not tokens[low - 1].initial:
                break  # the sentence begins at low
            low -= 1
        high = end
        while high < len(tokens) and high - end < _HISTORY_REACH:
            if tokens[high].line_start and high > end:
                break
            high += 1
            if tokens[high - 1].dot:
                break  # the sentence ends after high - 1
        return any(t.text.isdigit() and _old_year(t.text) for t in tokens[low:high])

    def _region(self, tokens: Sequence[_Token], start: int, end: int) -> bool:
        """A country, continent, region or US state where it is one: a name
        of two words or more (``South America``, ``Puerto Rico``), or one
        word after ``in`` or an article (``in Arizona``, ``an Arizona
        licence``), after a point of the compass (``Southeast Asia``), or
        beside another in a list (``Minnesota and Florida``). Not after
        ``from`` or ``to`` alone: a call from Jordan, talk to Georgia."""
        regions = self._lex.regions
        phrase = " ".join(t.lower for t in tokens[start:end])
        before = tokens[start - 1].lower if start else ""
        if f"{before} {phrase}" in regions:
            return True  # "the Great Lakes states": the region began before
        if phrase not in regions:
            return False
        if end - start > 1:
            return True
        if before in _REGION_BEFORE:
            return True
        if start >= 2 and before in _LIST_MARKS and tokens[start - 2].lower in regions:
            return True
        return (
            end + 1 < len(tokens)
            and tokens[end].lower in _LIST_MARKS
            and tokens[end + 1].lower in regions
        )

    def _unit(self, tokens: Sequence[_Token], k: int) -> bool:
        """A hospital unit's acronym (:data:`_UNITS`), in capitals or before a
        role (``ed attending``, ``Er doc``): not Ed or Er the person."""
        token = tokens[k]
        if token.lower not in _UNITS:
            return False
        role = k + 1 < len(tokens) and tokens[k + 1].lower in _UNIT_ROLES
        return token.upper or role

    def _english_compound(self, token: _Token) -> bool:
        """Words of English joined by hyphens: door-to-groin, long-handled."""
        parts = token.lower.split("-")
        return len(parts) > 1 and all(_english(part, self._lex.english) for part in parts if part)

    def _opening_word(self, tokens: Sequence[_Token], k: int) -> bool:
        """Token ``k`` opens a sentence before what follows no person: a
        dose (``Max dose``), or, for an English word, ``this`` or ``these``
        as its object (``Bill this as``, ``Hope this helps``; not ``Max this
        morning``)."""
        token = tokens[k]
        if not token.titled or k + 1 >= len(tokens):
            return False
        if not (_after_break(tokens, k) or tokens[k - 1].dot):
            return False
        following = tokens[k + 1]
        if following.lower in _DOSE_WORDS:
            return True  # (a person's dose is hers: "Max's dose")
        if token.lower == "bill" and _BILLING_CODE.fullmatch(following.text):
            return True  # "Bill 76937 only when ...": a procedure code to bill
        if (
            token.lower in _EXTREMES
            and following.text.islower()
            and _english(following.lower, self._lex.english)
            and following.lower not in STOP_WORDS
            and following.lower not in HUMAN_VERBS
            and following.lower not in POST_CUES
            and following.lower not in _SUBJECT_VERBS
            and not following.lower.endswith(("s", "ed"))
        ):
            return True  # "Max scanner table weight", "Min wall thickness"
        if following.lower not in _OBJECT_WORDS or not self._is_word(token):
            return False
        after = tokens[k + 2].lower if k + 2 < len(tokens) else ""
        return after not in _CALENDAR and after not in _TIMES_OF_DAY

    def _office(self, tokens: Sequence[_Token], k: int) -> bool:
        """Token ``k`` names an office, not its holder: ``Dean of ...``,
        ``Dean's letter`` (the office's own papers); not ``Dean called``."""
        if tokens[k].lower not in _OFFICES or k + 1 >= len(tokens):
            return False
        following = tokens[k + 1].lower
        if tokens[k].possessive:
            return following in _OFFICE_PAPERS
        return following == "of"

    def _model_name(self, token: _Token) -> bool:
        """A word after a vendor that names a model, not a person: an
        English word that is no given name or common surname (Sigma,
        Spectrum; not Baxter Smith, nor Ulrich Brandstätter)."""
        return self._is_word(token) and not self._first_name(token) and not self._common_name(token)

    def _thing(self, word: str) -> bool:
        """A service, payer or reference (Nephro, Aetna), or a product that is
        no common name (Medtronic, Mirena; not Rosa, Baxter), whatever cue
        points at it: no one is called so."""
        if word in self._lex.services:
            return True
        if word not in self._lex.products:
            return False
        rank = self._lex.surnames.get(word, 0)
        return self._lex.first_names.get(word, 0) < FREQUENT_FIRST_NAME and not (
            0 < rank <= FREQUENT_SURNAME_RANK
        )

    def _named_alone(self, tokens: Sequence[_Token], k: int) -> bool:
        """A common given name that is an eponym or product too, where no
        eponym stands: ``Thomas needs a CT``, ``Kelly's CT``, ``Sofia has a
        mass``; not ``pouch of Douglas``, ``the Aria``, ``positive Murphy``
        or a bare possessive (``Wilson's``, ``Addison's and ...``). (Before
        a clinical noun it is in eponym use: ``Thomas splint``.)"""
        token = tokens[k]
        speaks = k + 1 < len(tokens) and tokens[k + 1].lower in _SPEAKING  # "kelly called"
        if not (token.titled or speaks) or "-" in token.text or not self._common_given_name(token):
            return False
        lead = tokens[k - 1].lower if k else ""
        if lead in _EPONYM_LEADS or lead in self._lex.products:
            return False  # "MAGNETOM Vida": a vendor's model
        if lead == "it" and tokens[k - 1].possessive:
            return False  # "I think it's Wilson": a diagnosis
        if k > 2 and "".join(t.lower for t in tokens[k - 3 : k]) in _DIAGNOSIS_LEADS:
            return False  # r/o Wilson, h/o Addison
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        bare = following is None or not following.is_word or following.lower in _FUNCTION_WORDS
        return not (token.possessive and bare)

    def _unlisted_eponym(self, tokens: Sequence[_Token], k: int) -> bool:
        """Capitalised word ``k``, in no clinical list, names an effect, sign
        or scale: followed by a noun only eponyms take (:data:`_EPONYM_ONLY_HEADS`),
        directly or through another eponym (``Landis and Koch scale``), or
        paired with a listed eponym before a clinical noun (``Finkelstein vs
        Eichhoff test``). Not a
        very common given name (``Kelly sign`` may be Kelly signing) unless
        an article is before it (``the Kim classification``); a bracket may
        close between (``Jack knife (Kraske) position``)."""
        token = tokens[k]
        if not token.titled or token.dot:
            return False
        j = k + 1
        if j < len(tokens) and tokens[j].text == ")":
            j += 1
        if (
            k >= 2
            and j < len(tokens)
            and tokens[k - 1].lower in _COORDINATION
            and tokens[k - 2].lower in self._lex.clinical
            and self._head_noun(tokens[j])
        ):
            # Finkelstein vs Eichhoff test, Bentall versus David valve-sparing:
            # paired with an eponym, a given name too
            return True
        if self._common_given_name(token) and not (
            k and (tokens[k - 1].lower in _ARTICLES or tokens[k - 1].lower in _VERSUS)
        ):
            return False  # (but "the Kim classification", "Tyrer-Cuzick vs Gail model")
        if j + 2 < len(tokens) and tokens[j].lower in _COORDINATION and tokens[j + 1].titled:
            j += 2  # Landis and Koch scale
        if j + 1 < len(tokens) and tokens[j].initial and tokens[j + 1].text in _STATISTIC_HEADS:
            return True  # Mann-Whitney U test, Kruskal-Wallis H statistic
        return (
            j < len(tokens) and tokens[j].text.islower() and tokens[j].lower in _EPONYM_ONLY_HEADS
        )

    def _eponym_use(self, tokens: Sequence[_Token], k: int) -> bool:
        """Clinical word ``k`` names a disease, sign or grade here: Baker's cyst."""
        if tokens[k].lower not in self._lex.clinical:
            return False
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        if following is None or tokens[k].dot:
            return False  # "Kevin McDonald. I was ...": no grade across a full stop
        if following.text.isdigit() and len(following.text) == 1:
            # Bosniak 2F, Gleason 7, Fazekas 2; not Smith 4 (a common name
            # and a number may be a person and their age or room)
            return not self._common_name(tokens[k])
        if not following.is_word:
            return False
        if _ROMAN_GRADE.fullmatch(following.text) or self._head_noun(following):
            return True
        if following.lower in _RESULTS and not self._common_name(tokens[k]):
            return True  # a sign's result: "Tinel negative", "Murphy positive"
        if (
            following.initial
            and not (following.dot and self._frequent_first_name(tokens[k]))
            # (nor a middle initial after a surname written first: ANDERSON, KEITH L)
            and not (k and tokens[k - 1].text == "," and self._frequent_first_name(tokens[k]))
            and not _code_letter(tokens, k + 1)
        ):
            return True  # a letter grade: Weber C, Child-Pugh A, Danis-Weber B. (not C3D1)
        # "Kerley B lines", "Chiari I malformation": a letter or grade between
        # (not after a possessive: "James Wilson's Baker's cyst" is his cyst)
        after = tokens[k + 2] if k + 2 < len(tokens) else None
        between = following.initial or following.lower in self._lex.clinical
        if between and after is not None and not tokens[k].possessive:
            return self._head_noun(after)
        return False

    def _draft(self, text: str) -> _Draft:
        """Tokens and rule evidence of ``text``, and the windows the model must read."""
        tokens = _tokens(text)
        starts = [t.start for t in tokens]  # token offsets, for bisecting
        vietnamese = not text.isascii() and _vietnamese(tokens)
        foreign = vietnamese or _foreign_text(tokens)
        evidence = [
            *self._evidence(text, tokens, foreign),
            *self._signature(text, tokens, starts),
            *self._caret_names(text, tokens, starts),
            *self._bracketed_nicknames(tokens),
        ]
        draft = _Draft(text, tokens, starts, evidence, [], foreign, vietnamese)
        if self._model is None or not tokens:
            return draft
        sure = bytearray(len(tokens))
        for start, end, score in self._candidates(draft):
            if score >= self._sure:
                sure[start:end] = b"\x01" * (end - start)
        last = len(tokens) - 1
        for k in range(len(tokens)):
            if sure[k] or not self._asks_model(tokens, k):
                continue
            a = tokens[max(0, k - NER_WINDOW)].start
            b = tokens[min(last, k + NER_WINDOW)].end
            if draft.windows and a <= draft.windows[-1][1]:
                draft.windows[-1] = (draft.windows[-1][0], b)
            else:
                draft.windows.append((a, b))
        return draft

    def _asks_model(self, tokens: list[_Token], k: int) -> bool:
        """Whether token ``k`` could be a name that only the model can tell.

        Not lower-case words unless they are given names, months and
        weekdays (dates), DICOM keywords (``PatientName``), lone acronyms
        (``RIS``; an all-caps name has all-caps neighbours), nor lone English
        words (``Best``) unless they are common given names (``Bill``).
        """
        token = tokens[k]
        if token.lower in _CALENDAR or not self._model_name_word(token):
            return False
        if _opening_function_word(tokens, k):
            return False
        if "-" in token.text and all(
            len(part) < 2 or _english(part, self._lex.english) for part in token.lower.split("-")
        ):
            return False  # D-dimer, Post-op, African-American, J-shaped
        if token.text.islower():  # "olga krylova", "tracy:": given names the model knows
            if len(token.text) < 3 or self._is_word(token) or not self._first_name(token):
                return False
            return self._frequent_first_name(token) or any(
                t.text.islower() and self._in_lexicon(t) and not self._is_word(t)
                for t in tokens[max(0, k - 2) : k + 3]
                if t is not token
            )
        if _CAMEL_CASE.search(token.text) is not None:
            return False
        neighbours = [tokens[j] for j in (k - 1, k + 1) if 0 <= j < len(tokens)]
        if token.upper:
            return any(t.upper and self._in_lexicon(t) for t in neighbours)
        if self._is_word(token):
            return self._frequent_first_name(token) or any(self._name_shaped(t) for t in neighbours)
        return True

    def _candidates(self, draft: _Draft) -> Iterator[tuple[int, int, float]]:
        """United evidence as (first token, end token, score), vetoes applied.

        A united candidate the allow-list vetoes is tried again without the
        evidence that is vetoed on its own, and what lies inside it: in ``pt
        Lupe Mamani, Boston Scientific device`` the reading "Mamani, Boston
        Scientific" is a vendor's name, and "Lupe Mamani" is still a patient."""
        tokens = draft.tokens
        for group in _united(draft.evidence):
            if draft.vietnamese and self._vietnamese_word(tokens, group):
                continue
            if draft.foreign and self._foreign_date_word(tokens, group):
                continue
            candidate = self._candidate(tokens, group)
            if candidate is not None:
                yield candidate
                continue
            vetoed = [e for e in group if self._vetoed(tokens, e.start, e.end, {e.rule})]
            if not vetoed:
                continue
            # what is vetoed on its own goes, and what lies inside it
            # ("Joseph" of "Sister Mary Joseph nodule")
            kept = [
                e for e in group if not any(v.start <= e.start and e.end <= v.end for v in vetoed)
            ]
            for part in _united(kept):
                candidate = self._candidate(tokens, part)
                if candidate is not None:
                    yield candidate

    def _foreign_date_word(self, tokens: list[_Token], group: Sequence[_Evidence]) -> bool:
        """In another language's text, a candidate whose words are that
        language's months, weekdays and function words, that no title or cue
        names: "Ab Januar", "mei worden de", "bulan Juli"."""
        span = _unnamed_span(group)
        if span is None:
            return False
        words = [t for t in tokens[span[0] : span[1]] if t.is_word]
        # (not a month that is a common given name too: Marco, Julio)
        dates = [
            t for t in words if t.lower in _FOREIGN_CALENDAR and not self._common_given_name(t)
        ]
        return bool(dates) and all(
            t in dates
            or t.lower in FOREIGN_STOP_WORDS
            or t.lower in _GERMAN_ARTICLES
            or len(t.lower) <= 2
            or (t.lower.islower() and not self._usual_first_name(t))
            for t in words
        )

    def _vietnamese_word(self, tokens: list[_Token], group: Sequence[_Evidence]) -> bool:
        """In Vietnamese text, a candidate of one word, or in lower case,
        that no title or cue names: a word (``Tôi cần``, ``Thang điểm``,
        ``nội khí quản``). Names there are written whole and capitalised
        (Nguyễn Văn Thắng)."""
        span = _unnamed_span(group)
        if span is None:
            return False
        start, end = span
        return end - start == 1 or all(t.text.islower() for t in tokens[start:end])

    def _candidate(
        self, tokens: list[_Token], group: Sequence[_Evidence]
    ) -> tuple[int, int, float] | None:
        """United evidence as (first token, end token, score), or None if vetoed."""
        start = min(e.start for e in group)
        end = max(e.end for e in group)
        if self._vetoed(tokens, start, end, {e.rule for e in group}):
            return None
        return start, end, _combined(group)

    def _repeats(self, draft: _Draft, candidates: list[tuple[int, int, float]]) -> list[_Evidence]:
        """Other mentions of a word of a name found elsewhere in the text:
        ``directed by Maciej Borkowski and starring Borkowski``, ``My name is
        Aantje Mourik but everyone calls me Aantje``. Only names the text
        makes plain (a full name, a title, a cue) lend their words, in the
        same spelling and case; an eponym use stays clinical (``Mr. Baker's
        Baker's cyst``).

        Names the rules found (not the model alone) lend more: one word that
        no list knows (:meth:`_unlisted`: ``Oyewole had given Oyewole his
        ...``), a surname
        that is a word or clinical term after a given name (``Brad L Key``
        … ``starring Key``, ``Alice Goldberg`` … ``early Goldberg``), and
        the words of a lower-case name (``eric g. samoylova`` … ``early
        samoylova``); :meth:`_repeat_fits` decides each mention of those.
        """
        tokens = draft.tokens
        words: set[str] = set()
        covered = bytearray(len(tokens))
        ruled = bytearray(len(tokens))  # tokens under a title, cue, ... (linear, not per pair)
        found = bytearray(len(tokens))  # tokens under any rule's evidence
        careted = bytearray(len(tokens))  # tokens of a FAMILY^GIVEN name: names, words or not
        given: set[str] = set()  # given names of sure names, lent to their possessives
        for item in draft.evidence:
            if item.rule in _PLAIN_RULES:
                ruled[item.start : item.end] = b"\x01" * (item.end - item.start)
            if item.rule == "caret":
                careted[item.start : item.end] = b"\x01" * (item.end - item.start)
            if item.rule != "ner":
                found[item.start : item.end] = b"\x01" * (item.end - item.start)
        for start, end, score in candidates:
            if score < self._sure:
                continue
            covered[start:end] = b"\x01" * (end - start)
            span = [t for t in tokens[start:end] if t.is_word and not t.initial]
            if len(span) > 1 and span[0].titled and self._first_name(span[0]):
                given.add(span[0].text)  # "Will Hunter ... Will's reaction"
            # two words that are no English words (Teodora Vukovic), or a
            # title or cue before it; for the rules, two that are names
            # rather than words (Brad L Key)
            plain = sum(not self._is_word(t) for t in span) > 1 or any(ruled[start:end])
            by_rule = all(found[start:end])
            if by_rule and len(span) == 1 and not plain:
                # one word the rules found that no list knows: "Oyewole had
                # given Oyewole his ..."
                plain = self._unlisted(span[0])
            if by_rule and not plain and len(span) > 1:
                plain = not any(self._plain_word(t) for t in span)
            if not plain:
                continue
            for k in range(start, end):
                t = tokens[k]
                if t.is_word and not t.initial and self._repeatable(t, worded=bool(careted[k])):
                    words.add(t.text)
                    if t.upper:
                        # SEITKALI^MARAT ... "the MRI for Marat Seitkali"
                        words.add(t.text.title())
            if not by_rule:
                continue
            if all(t.text.islower() for t in span):
                words.update(t.text for t in span if self._repeatable(t, lower=True))
            elif len(span) > 1 and self._first_name(span[0]) and not self._plain_word(span[0]):
                surname = span[-1]
                if surname.titled and self._repeatable(surname, worded=True):
                    words.add(surname.text)
        if not (words or given):
            return []
        return [
            _Evidence(k, k + 1, EVIDENCE["repeat"], "repeat")
            for k, token in enumerate(tokens)
            if not covered[k]
            and (
                (token.text in words and self._repeat_fits(draft, k, words))
                or (token.text in given and token.possessive and self._repeat_fits(draft, k, words))
            )
        ]

    def _repeatable(self, token: _Token, *, lower: bool = False, worded: bool = False) -> bool:
        """A word that names the person wherever it recurs: capitalised (or,
        with ``lower``, lower case), no English word or clinical term unless
        ``worded``, no title, cue, particle, stop word or month."""
        text = token.text
        if not token.is_word or len(text) < 3:
            return False
        if lower:
            if not text.islower() or len(text) < 4:
                return False
        elif not (token.titled or (token.upper and len(text) > 3)):
            return False
        if not worded and (self._is_word(token) or token.lower in self._lex.clinical):
            return False
        return (
            token.lower not in TITLES
            and token.lower not in PARTICLES
            and token.lower not in STOP_WORDS
            and token.lower not in STRONG_CUES
            and token.lower not in _NEVER_NAMES
            and token.lower not in _NOT_SURNAMES
            # Ján is no month: the calendar check reads the word as written
            and text.lower() not in _CALENDAR
        )

    def _repeat_fits(self, draft: _Draft, k: int, words: set[str]) -> bool:
        """Whether mention ``k`` of a plain name's word is that person again.

        Not in eponym use (``Baker's cyst``). A clinical term (``Goldberg``)
        or an English word (``Key``) counts only mid-sentence, capitalised,
        and standing alone: not a possessive, not before another
        capitalised word (but the name's next word, ``words``: ``Marat
        Seitkali`` after ``SEITKALI^MARAT``) or any word at all for a
        clinical term (``Graves ophthalmopathy``), and no English word at a
        sentence's start (``Key findings``).
        """
        tokens = draft.tokens
        token = tokens[k]
        if self._eponym_use(tokens, k):
            return False
        clinical = token.lower in self._lex.clinical
        if not (clinical or self._is_word(token)):
            return True
        if token.possessive and token.titled and not clinical and self._first_name(token):
            return True  # "Will Hunter ... Will's reaction was hives": his, not a word's
        if token.possessive or not token.titled:
            return False
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        if following is not None and following.text in words and not clinical:
            following = None  # the name's next word
        if following is not None and (
            (clinical and following.is_word) or self._name_shaped(following)
        ):
            return False
        previous = tokens[k - 1] if k else None
        return not self._sentence_start(draft.text, token, previous)

    def _suffixed(self, tokens: list[_Token], end: int) -> int:
        """The end of a name with its generation suffix: John Smith Jr., Kevin Veitonen II."""
        k = end + 1 if end < len(tokens) and tokens[end].text == "," else end
        if k < len(tokens) and not tokens[k].line_start:
            suffix = tokens[k].text
            if suffix in _SUFFIXES or (suffix.lower() in _SUFFIXES and suffix[:1].isupper()):
                return k + 1
        return end

    def _decide(self, draft: _Draft) -> Iterator[Finding]:
        tokens, text = draft.tokens, draft.text
        candidates = list(self._candidates(draft))
        repeats = self._repeats(draft, candidates)
        if repeats:
            draft.evidence.extend(repeats)
            candidates = list(self._candidates(draft))
        for start, end, score in _joined(tokens, candidates):
            end = self._suffixed(tokens, end)
            first, last = tokens[start], tokens[end - 1]
            dotted = last.dot and (last.initial or last.lower in _SUFFIXES)
            char_end = last.end + (1 if dotted else 0)
            yield Finding(
                first.start, char_end, "NAME", score, text[first.start : char_end], self.name
            )
