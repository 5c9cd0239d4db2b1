"""Titles that open a person's name, shared by detection and transforms.

The name tier counts a title as part of the name (``[NAME]`` for ``Dr.
Okafor``); sessions, allow-lists and surrogates look for the title at the
start of a name's text.
"""

from __future__ import annotations

import re

__all__ = ["LEADING_TITLE", "RANKS", "TITLES"]

#: Ranks of police, security and the forces (Sgt. Diaz, Deputy Sanchez),
#: and of the clergy (Imam Bilal Haddad, Chaplain Ruth Ebbesen): titles
#: that are words before other words too, so the name tier takes a name
#: after one only if it is no plain word ("Deputy Director", "the chaplain
#: will come").
RANKS = frozenset(
    "sgt sergeant deputy officer ofc detective det trooper cpl corporal capt captain "
    # the armed forces' abbreviations (SPC Daniel Yazzie, Lt. Col. Anne Graves) and
    # the British police's (PC Probert, DS Pryce)
    "pvt pfc spc ssg sfc sgm csm cpt lt ltc col maj cdr lcdr cmdr ens pc ds "
    "imam rabbi pastor reverend chaplain deacon sheikh "
    # honorifics of kin and respect: Mama Zawadi, Shri Ramesh (not Baba: a
    # surname as often)
    "mama shri smt".split()
)

#: Title words, lower case, without their full stop.
TITLES = (
    frozenset(
        "dr doctor mr mrs ms miss mx prof professor sr fr rev mister madam "
        # in Spanish, Portuguese, French, Italian and German (as the name tier
        # spells words: no diacritics): dra Paredes, Sra. Martínez, Frau Keller
        "dra sra srta herr frau mme mlle dott dottssa dottoressa doutor doutora docteur "
        "signor signora senor senora senhor senhora madame lic licda "
        # Dutch: dhr. de Vries, mevr. Jansen
        "dhr mevr mw mevrouw meneer "
        # spoken, as dictation writes it: missus Faith Delgado
        "missus "
        # Swahili Bi. (Bibi) and Dkt. (Daktari), Bengali Mst. (Mosammat)
        "bi dkt mst "
        # Italian: sig. Alessandro De Santis, sig.ra Bianchi (sigra: the name
        # tier's token), gent.mo sig.
        "sig sigra".split()
    )
    | RANKS
)
#: A title written at the start of a name, with its full stop and spaces:
#: group ``title`` is the title with its stop, the match ends at the name.
LEADING_TITLE = re.compile(
    r"^(?P<title>(?:dr|doctor|mr|mrs|ms|miss|mx|prof|professor|rev)\.?)\s+", re.IGNORECASE
)
