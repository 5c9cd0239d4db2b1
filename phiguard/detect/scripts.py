"""Letters and words of the scripts the pattern recognizers read besides
Latin: Arabic, Hebrew, Greek and Cyrillic.

Written as explicit ranges, not ``\\p{..}``, which the reach analysis cannot
read (:mod:`phiguard.detect.reach`); Greek without ΐ and ΰ, which case
folding makes three characters (the analysis gives up on them).
"""

from __future__ import annotations

__all__ = ["ARABIC_LETTER", "CYRILLIC_WORD", "GREEK_WORD", "HEBREW_LETTER"]

#: An Arabic letter (hamza to yeh).
ARABIC_LETTER = "[\u0621-\u064a]"
#: A Hebrew letter (alef to tav).
HEBREW_LETTER = "[\u05d0-\u05ea]"
#: A capitalised Greek word: Θηβών, Κέντρο.
GREEK_WORD = "[\u0391-\u03a9\u0386\u0388-\u038f][\u03ac-\u03af\u03b1-\u03ce]+"
#: A capitalised Russian word, maybe hyphenated: Москва, Ростов-на-Дону's parts.
CYRILLIC_WORD = "[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?"
