"""Official roles: finding role phrases in a sentence and normalising them to a function label.

Countries name the same office differently ("Secretary of State", "External Affairs Minister",
"Raksha Mantri", "Minister for Foreign Relations"); the annotation labels participants by
function, in lower case ("foreign minister", "defense minister", "prime minister" …). Where the
same words mean different offices in different countries, the caller passes the affiliation:
"Foreign Secretary" is the senior diplomat, not the minister, in South Asian services, but the
foreign minister in the United Kingdom. A chancellor who heads a government (Germany, Austria) is
labelled "prime minister", following the gold's "prime minister includes the Chinese premier".
"""

from __future__ import annotations

import re

from accord.extraction.lexicon import NOT_PORTFOLIO, SECRETARY_SERVICES, WITH_SECRETARY
from accord.gazetteer import country_code, fold

__all__ = ["normalise_role"]


_DEPUTY = re.compile(
    r"\b(?:deputy|vice|under secretary|assistant secretary|minister of state|state secretary|tanaiste|dpm)\b"
)

# (label, pattern on folded text), most specific first; the first pattern found wins.
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (label, re.compile(pattern))
    for label, pattern in (
        ("general secretary", r"\bgeneral secretary\b|\bparty (?:chief|leader)\b"),
        ("special envoy", r"\bspecial envoys?\b"),  # "the Secretary-General's Special Envoy for Yemen"
        ("special representative", r"\bspecial representatives?\b"),
        ("secretary general", r"\bsecretar(?:y|ies) generals?\b"),
        ("high representative", r"\bhigh representative\b|\bhr vp\b"),  # the EU's, also its vice-president
        ("vice president", r"\bvice presidents?\b"),
        (
            "prime minister",
            r"(?<!deputy )(?<!vice )\bprime ministers?\b"
            r"|\bprime ministers?\b(?! and (?:minister|foreign|defen))",
        ),
        ("foreign secretary", r"\bforeign secretary\b"),
        (
            "foreign minister",
            r"\bforeign (?:affairs )?ministers?\b"
            r"|\bministers? (?:of|for) (?:the )?(?:state for )?(?:europe and )?"
            r"(?:foreign|external) (?:affairs|relations)\b|\bexternal affairs ministers?\b|\beam\b|\bfm\b"
            r"|\bsecretary of state\b(?! for (?!foreign))|\bsecretary (?:of|for) foreign affairs\b"
            r"|\bforeign affairs secretary\b|\bforeign (?:affairs )?advis[eo]rs?\b|\b(?:top|chief) diplomats?\b",
        ),
        (
            "defense minister",
            r"\bdefen[cs]e ministers?\b|\bministers? (?:of|for) (?:the )?(?:national )?defen[cs]e\b"
            r"|\bsecretary (?:of|for) (?:state for )?defen[cs]e\b|\bdefen[cs]e secretary\b"
            r"|\braksha ?mantri\b|\bministers? (?:of|for) (?:the )?armed forces\b",
        ),
        (
            "prime minister",
            r"\bprime ministers?\b|\bpremiers?\b|\bd?pm\b|\bhead of government\b|\btaoiseach\b|\btanaiste\b"
            r"|\bbundeskanzler(?:in)?\b|\blyonchhen\b",
        ),
        (
            "finance minister",
            r"\bfinance (?:minister|secretary)\b|\bministers? (?:of|for) finance\b"
            r"|\btreasury secretary\b|\bsecretary of the treasury\b|\bchancellor of the exchequer\b",
        ),
        ("prime minister", r"\bchancellor\b"),
        (
            "trade minister",
            r"\b(?:trade|commerce) ministers?\b|\bministers? (?:of|for) (?:international )?"
            r"(?:trade|commerce)\b|\bministers? of industry and trade\b|\bsecretary of commerce\b"
            r"|\btrade representative\b",
        ),
        (
            "interior minister",
            r"\b(?:interior|home) (?:minister|secretary)\b|\bministers? (?:of|for) "
            r"(?:the )?(?:interior|home affairs|internal affairs|public security)\b"
            r"|\bsecretary of homeland security\b",
        ),
        ("president", r"\bpresidents?\b|\bhead of (?:our )?state\b"),
        ("national security adviser", r"\bnational security advis[eo]rs?\b"),
        (
            "chief of defence staff",
            r"\bchief of (?:the )?(?:defen[cs]e|general|joint) staff\b"
            r"|\bchief of (?:the )?defen[cs]e(?: forces)?\b|\bchairman of the joint chiefs\b",
        ),
        ("chief of staff", r"\bchief of staff\b"),
        ("crown prince", r"\bcrown prince\b"),
        ("king", r"\bking\b"),
        ("queen", r"\bqueen\b"),
        ("emir", r"\b(?:emir|amir)\b"),
        ("sultan", r"\bsultan\b"),
        ("supreme leader", r"\bsupreme leader\b"),
        ("speaker", r"\bspeaker\b|\bchair(?:man|woman|person)? of the national assembly\b"),
        ("chairperson", r"\bchair(?:man|woman|person)\b"),
        ("ambassador", r"\bambassadors?\b"),
        ("envoy", r"\benvoys?\b"),
    )
)
_PORTFOLIO_AFTER = re.compile(r"\bministers? (?:of|for) (?:the )?([a-z' ]+?)(?= and | of |,|$)")
_PORTFOLIO_BEFORE = re.compile(r"\b([a-z']+) ministers?\b")


def _generic_minister(text: str) -> str | None:
    """ "Minister of Agriculture" -> "agriculture minister"; a bare "minister" stays "minister"."""
    if match := _PORTFOLIO_AFTER.search(text):
        return f"{match.group(1).strip()} minister"
    match = _PORTFOLIO_BEFORE.search(text)
    if match is None:
        return "minister" if re.search(r"\bministers?\b", text) else None
    word = match.group(1)
    if word in NOT_PORTFOLIO or country_code(word.removesuffix("'s").title()):
        return "minister"  # "the Qatari minister", "Qatar's minister": a country, not a portfolio
    return f"{word} minister"


def normalise_role(text: str, affiliation: str | None = None) -> str | None:
    """Function label for a role phrase ("Minister for Foreign Affairs of Japan" -> "foreign minister").

    `affiliation` (ISO alpha-3) decides between offices that share a name: "Foreign Secretary" is
    "foreign secretary" for IND, PAK, BGD, LKA and NPL and "foreign minister" elsewhere.
    """
    folded = re.sub(r"[^a-z' ]+", " ", fold(text).replace("-", " "))
    folded = re.sub(r"\s+", " ", folded).strip()
    if not folded:
        return None
    label, deputy = None, _DEPUTY.search(folded)
    for name, pattern in _LABELS:
        if match := pattern.search(folded):
            label, deputy = name, _DEPUTY.search(folded[max(0, match.start() - 20) : match.end()])
            break
    label = label or _generic_minister(folded)
    if label is None:
        return None
    services = affiliation in SECRETARY_SERVICES
    if label == "foreign secretary" and not services:
        label = "foreign minister"
    elif (
        services
        and label in WITH_SECRETARY
        and re.search(r"\b(?:foreign|defen[cs]e|home|finance) secretary\b", folded)
    ):
        label = WITH_SECRETARY[label]
    if deputy and not label.startswith(("vice", "deputy")):
        if label == "president":
            return "vice president"
        if label.endswith(("minister", "secretary general")):
            return f"deputy {label}"
    return label
