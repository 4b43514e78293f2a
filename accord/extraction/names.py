"""Person names in the annotation's "Given Family" form, and matching of later short mentions.

News pages print one person many ways ("H.E. Mr. Espen Barth EIDE", "Foreign Minister Eide",
"Mr. Eide"); the gold wants one name per participant. `canonical_name` removes what is not the
name (titles, honorifics, middle initials, Russian patronymics), reorders family-first renderings
that mark the family name in capitals, and keeps conventional multi-part names whole.
`name_matches` links a surname-only mention back to the full name found earlier in the article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from accord.extraction.lexicon import (
    DOTTED_TITLES,
    GIVEN_NAMES_BEFORE_FULL_NAMES,
    GIVEN_NAMES_LIKE_TITLES,
    KOREAN_SURNAMES,
    NAME_PARTICLES,
    NAME_TITLES,
    PATRONYMIC,
    POSTNOMINALS,
    TITLE_PAIRS,
    TURKIC_PATRONYMICS,
)
from accord.gazetteer import affiliation_code, fold

__all__ = ["TURKIC_PATRONYMICS", "canonical_name", "family_name", "is_family_first", "name_matches"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PATRONYMIC = re.compile(r"(?:ovich|evich|ovych|evych|ovna|evna|ivna|yevna|ichna|ilyich)$", re.IGNORECASE)
# "B.Tsendayush" (Mongolian style), "N.S.Vorontsov" (Russian official style): initials glued to a name
_GLUED_INITIAL = re.compile(r"(?:[A-Z][a-z]?\.)+(?P<name>[A-Z][a-z]+)")
_TWO_LETTER_INITIAL = re.compile(r"[A-Z][a-z]\.")
_INITIAL = re.compile(r"(?:[A-Z]\.?|(?:[A-Z]\.){2,})")
_ROMAN = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|X{1,3})")
_SYLLABLE = (
    r"(?:(?:[jqx](?:iang|iong|ian|iao|ing|ia|ie|iu|in|i|uan|un|ue|u))"
    r"|(?:(?:zh|ch|sh|[zcsr])(?:uang|uai|uan|ang|eng|ong|ua|uo|ui|un|ai|ei|ao|ou|an|en|i|a|e|u))"
    r"|(?:[gkh](?:uang|uai|uan|ang|eng|ong|ua|uo|ui|un|ai|ei|ao|ou|an|en|a|e|u))"
    r"|(?:[bpmdtnl](?:iang|iao|ian|ing|ie|iu|in|ang|eng|ong|uan|un|uo|ai|ei|ao|ou|an|en|i|a|o|e|u))"
    r"|(?:[fw](?:ang|eng|ong|ai|ei|an|en|a|o|u))"
    r"|(?:y(?:ang|ao|an|in|ing|ong|ou|un|uan|ue|a|e|i|u))"
    r"|(?:ang|ai|ao|an|a|e|en|er|ou|o))"
)
_PINYIN_SURNAME = re.compile(_SYLLABLE)
_PINYIN_GIVEN = re.compile(f"{_SYLLABLE}{{1,2}}")
_EDGES = " \t\n\"'“”‘’[]{}.,;:!?*|-–—"


def _clean(text: str) -> str:
    """Cut brackets, drop possessives and edge punctuation, join "H. E." into "H.E."."""
    text = unicodedata.normalize("NFC", text)
    text = re.split(r"[(;]", text, maxsplit=1)[0]
    text = re.sub(r"\s+", " ", text).strip(_EDGES)
    text = re.sub(r"(?:'s|’s)$", "", text).strip(_EDGES)
    return re.sub(r"\bH\.\s*([EH])\.", r"H.\1.", text)


def _is_title(token: str) -> bool:
    word = fold(token)
    if word.endswith(".") and word[:-1] in DOTTED_TITLES:
        return True
    return word.rstrip(".") in NAME_TITLES or all(part in NAME_TITLES for part in word.split("-"))


def title_is_given_name(words: list[str], is_title: Callable[[str], bool]) -> bool:
    """ "Sultan bin Rashid", "Amir Hotak Zadran": a title word that is the given name, before a father's
    name or (Amir) before a name of two more words; `words` start at the title word, folded."""
    if not words or words[0] not in GIVEN_NAMES_LIKE_TITLES:
        return False
    if len(words) > 1 and words[1] in PATRONYMIC:
        return True
    return (
        words[0] in GIVEN_NAMES_BEFORE_FULL_NAMES
        and len(words) >= 3
        and not any(is_title(w) or w in PATRONYMIC for w in words[1:3])  # not "Amir Sheikh Hamad"
    )


def _strip_titles(tokens: list[str], after_of: bool) -> list[str]:
    """Remove leading titles, honorifics and the country whose official it is ("U.S. Secretary of …").

    A country is dropped only where it cannot start a name: after "of"/"for", before a title, or
    as a possessive ("Finland's"), so that "Jordan Bardella" keeps its given name.
    """
    while tokens:
        if _is_title(tokens[0]) and not title_is_given_name([fold(t) for t in tokens], _is_title):
            word = fold(tokens[0])
            after_of = word in ("of", "for") or (after_of and word == "the")
            tokens = tokens[1:]
            continue
        if len(tokens) > 1 and (fold(tokens[0]), fold(tokens[1])) in TITLE_PAIRS:
            tokens = tokens[2:]
            continue
        for size in (3, 2, 1):
            rest, head = tokens[size:], " ".join(tokens[:size])
            possessive = head.endswith(("'s", "’s"))
            if rest and affiliation_code(head) and (after_of or possessive or _is_title(rest[0])):
                tokens = rest
                break
        else:
            return tokens
    return tokens


def _is_caps(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters) and not _ROMAN.fullmatch(token)


def _title_case(token: str, inner: bool) -> str:
    if inner and token.lower() in NAME_PARTICLES:
        return token.lower()
    return "-".join(part[:1].upper() + part[1:].lower() for part in token.split("-"))


def canonical_name(text: str) -> str | None:
    """The "Given Family" form of a printed name, or None when nothing name-like is left.

    Of comma-separated parts the first that holds a name wins, so trailing appositives drop out.
    """
    after_title = False
    for part in text.split(","):
        if name := _canonical(part, after_title):
            return name
        after_title = True
    return None


def _canonical(text: str, after_title: bool) -> str | None:
    text = _clean(text)
    if not text or "@" in text or any(c.isdigit() for c in text):
        return None
    tokens = _strip_titles(text.split(), after_title)
    while len(tokens) > 1 and tokens[-1].strip(".") in POSTNOMINALS:
        tokens = tokens[:-1]  # "Rebecca Mallory MP"
    if len(tokens) == 3 and _PATRONYMIC.search(tokens[1]):
        tokens = [tokens[0], tokens[2]]
    if len(tokens) == 4 and tokens[2].lower() in TURKIC_PATRONYMICS:
        tokens = [tokens[0], tokens[3]]  # "Elnur Ramiz oglu Mammadli": the father's name goes
    if tokens and (glued := _GLUED_INITIAL.fullmatch(tokens[0])):
        tokens = [glued["name"], *tokens[1:]]
    if len(tokens) == 2 and _TWO_LETTER_INITIAL.fullmatch(tokens[0]):
        tokens = tokens[1:]  # "Ts. Enkhbold": a Mongolian father's initial, not a given name
    leading = 0
    while leading < len(tokens) - 1 and _INITIAL.fullmatch(tokens[leading]):
        leading += 1
    initials = [t if t.endswith(".") else t + "." for t in tokens[:leading]]
    middle = [
        t for t in tokens[leading:-1] if not _INITIAL.fullmatch(t)
    ]  # the last may be a numeral: "Harald V"
    tokens = initials + middle + tokens[-1:] if leading < len(tokens) else initials
    if not any(c.isalpha() for t in tokens for c in t):
        return None
    words = [t for t in tokens if not _INITIAL.fullmatch(t)]
    caps = [t for t in words if _is_caps(t)]
    if caps and len(caps) < len(words) and all(len(t) <= 2 for t in caps):
        return " ".join(tokens)  # "KP Sharma Oli": capitals that short are initials, kept as printed
    if caps and len(caps) < len(words):
        family = [i for i, t in enumerate(tokens) if _is_caps(t)]
        if family == list(range(len(family))):  # "KAMIKAWA Yoko": family name printed first
            tokens = tokens[len(family) :] + tokens[: len(family)]
        tokens = [_title_case(t, inner=False) if _is_caps(t) else t for t in tokens]
    elif caps:
        last = len(tokens) - 1
        tokens = [_title_case(t, inner=0 < i < last) for i, t in enumerate(tokens)]
    return " ".join(tokens)


def _tokens(name: str) -> list[str]:
    return [t.strip(".'") for t in fold(name).split() if t.strip(".'")]


def is_family_first(name: str) -> bool:
    """Whether a name looks Chinese or Korean, family name first ("Xi Jinping", "Cho Tae-yul").

    Chinese names are recognised by pinyin syllables ("Wang Yi"), Korean ones by a hyphenated given
    name or a common surname. Vietnamese names are not flagged: news refers to them by the last token.
    """
    tokens = _tokens(name)
    if len(tokens) < 2 or len(tokens) > 3:
        return False
    if tokens[0] in KOREAN_SURNAMES or any("-" in t for t in tokens[1:]):
        return True
    return bool(_PINYIN_SURNAME.fullmatch(tokens[0])) and all(_PINYIN_GIVEN.fullmatch(t) for t in tokens[1:])


def family_name(name: str) -> str:
    """The token later mentions use: the first for Chinese/Korean names, otherwise the last, with its
    particle when that names the father ("bin Faisal": a lone "Faisal" is someone else)."""
    tokens = name.split()
    if not tokens:
        return ""
    if len(tokens) > 2 and tokens[-2].lower() in PATRONYMIC:
        return " ".join(tokens[-2:])
    return tokens[0] if is_family_first(name) else tokens[-1]


def fathers_names(words: list[str]) -> set[str]:
    """The words of a name that name its bearer's father ("Faisal" in "Khalid bin Faisal")."""
    return {words[i + 1] for i in range(len(words) - 1) if words[i].lower() in PATRONYMIC}


def name_matches(short: str, full: str) -> bool:
    """Whether a mention ("Kamikawa", "Minister Kamikawa", "Mr. Eide", "Xi") refers to the full name.

    Case and accents are ignored. A one-word mention matches any later token of the full name that
    is not a particle ("Lula", "Chinh", "Eide"), or its first token when the name is family-first
    ("Xi", "Cho"). Longer mentions must be the same words in any order ("Kihara Minoru") or a
    contiguous run of them ("von der Leyen").
    """
    said, whole = _tokens(canonical_name(short) or short), _tokens(full)
    if not said or not whole:
        return False
    if sorted(said) == sorted(whole) or _tokens(short) == whole:  # a name is always itself
        return True
    first = short.split()[0]
    if len(said) > 1 and first.endswith(".") and len(first) <= 3 and said[1:] == whole[-len(said) + 1 :]:
        return whole[0].startswith(said[0].rstrip("."))  # "S. Holm-Eriksen", "Zh. Toktosunov": an initial
    if len(said) == 1:
        word = said[0]
        if word in NAME_PARTICLES:
            return False
        return (word in whole[1:] and word not in fathers_names(whole)) or (
            word == whole[0] and is_family_first(full)
        )
    size = len(said)
    return any(whole[i : i + size] == said for i in range(len(whole) - size + 1))
