"""When two written names can be one person: the rules fusion and the actors table share.

Outlets write one person many ways: with or without a middle or second family name ("Ana Ruiz" /
"Ana Ruiz Castillo"), an initial for the given name ("K. Sato"), an honorific ("Shri Rajnath Singh"),
another transliteration ("Aleksandr" / "Alexander", "Zelenskiy" / "Zelensky") or a misspelling
("Rajanth"). Two names agree when the shorter one's words appear, in order, in the longer one's: its
first word as the longer one's given name (an initial counts), its last word as one of the longer one's
later words (the family name), each word equal or a close variant (Damerau-Levenshtein, from `rapidfuzz`).
Different given names never agree ("Kenji Sato" / "Kenta Sato"), nor do forms that differ only in a final
vowel ("Maria" / "Mario"), which are usually two people.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import DamerauLevenshtein

__all__ = ["name_agreement", "name_words", "word_key"]

HONORIFICS = frozenset(
    "mr mrs ms mx miss dr prof sir dame lord lady shri sri smt madam mme herr frau sheikh hon".split()
)
# Spellings that transliterations swap: compared after this folding, "Aleksandr" is "Alexandr".
VARIANTS = ((re.compile(r"ks"), "x"), (re.compile(r"(iy|yy|ij|yj|ii)$"), "y"), (re.compile(r"ph"), "f"))
INITIAL_SCORE = 0.9
VARIANT_SCORE = 0.85


def name_words(name: str) -> list[str]:
    """The words of a name without case, accents, dots, hyphens or honorifics: "Dr. K. Sato" → [k, sato]."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = re.sub(r"[.\-‐'’]", " ", plain).split()
    kept = [w for w in words if w not in HONORIFICS]
    return kept or words


def word_key(word: str) -> str:
    """The index key under which variants of a family name are found: its first letter and the next
    consonants, once each, so transliterations that swap or double vowels and letters share it
    ("Mohammed", "Muhammed", "Mohamed" → "mhmd")."""
    folded = fold(word)
    skeleton = folded[:1] + re.sub(r"[aeiouy]", "", folded[1:])
    return re.sub(r"(.)\1+", r"\1", skeleton)[:4]


def fold(word: str) -> str:
    for pattern, replacement in VARIANTS:
        word = pattern.sub(replacement, word)
    return word


def word_agreement(short: str, long: str, given: bool) -> float:
    """How well one word of a name agrees with another: 1 equal, less for an initial or a variant, 0 not."""
    if short == long:
        return 1.0
    if given and min(len(short), len(long)) == 1 and short[0] == long[0]:
        return INITIAL_SCORE  # "K." for "Kenji", either way round
    a, b = fold(short), fold(long)
    if a == b:
        return 1.0
    if min(len(a), len(b)) < 5 or a[0] != b[0] or a[:-1] == b[:-1]:
        return 0.0  # short words, another initial letter, or "Maria" / "Mario"
    allowed = 1 if max(len(a), len(b)) < 8 else 2
    return VARIANT_SCORE if DamerauLevenshtein.distance(a, b) <= allowed else 0.0


def aligned(short: list[str], long: list[str]) -> float | None:
    """The score of `short`'s words found in order in `long`: first to first, last among the later words."""
    if len(short) == 1:
        found = [word_agreement(short[0], word, given=False) for word in long[1:]]
        best = max(found, default=0.0)
        return best * 0.9 if best else None  # a family name alone: weaker than a full name
    first = word_agreement(short[0], long[0], given=True)
    if not first:
        return None
    scores, position = [first], 1
    for word in short[1:]:
        while position < len(long) and not word_agreement(word, long[position], given=False):
            position += 1
        if position == len(long):
            return None
        scores.append(word_agreement(word, long[position], given=False))
        position += 1
    missing = len(long) - len(short)
    return sum(scores) / len(scores) * (0.97**missing)


def name_agreement(first: str, second: str) -> float | None:
    """How surely two names are one person's (0–1), or None when they are not; a swapped order
    ("Sato Kenji") counts too."""
    a, b = name_words(first), name_words(second)
    if not a or not b:
        return None
    short, long = sorted((a, b), key=lambda words: (len(words), words))  # the same answer either way round
    if len(short) == 1 and len(long) == 1:
        return word_agreement(short[0], long[0], given=False) or None
    straight = aligned(short, long)
    if straight is not None or len(long) != 2 or len(short) != 2:
        return straight
    swapped = aligned(short[::-1], long)
    return swapped * 0.95 if swapped is not None else None
