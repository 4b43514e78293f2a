"""Every trigger rule, on a frozen parse of its own example: the rule decides there, with its type.

A rule removed from `TRIGGER_RULES` fails its line here; a rule added without a line here fails
`test_every_rule_has_a_test`.
"""

from __future__ import annotations

import pytest
from hand_parses import parsed

from accord.extraction.triggers import TRIGGER_RULES, deciding_rule, find_triggers, has_call_cue

# rule id -> (the word of its example the rule speaks about, the type it gives there; None = no trigger)
EXPECTED: dict[str, tuple[str, str | None]] = {
    "credentials": ("credentials", "meet"),
    "consensus-unreached": ("consensus", None),
    "confirmed-by-reports": ("confirmed", None),
    "concluded-an-occasion": ("concluded", None),
    "confirmed-a-report": ("confirmed", None),
    "agreed-to-a-request": ("agreed", None),
    "sign-in": ("sign", None),
    "agree-as-description": ("signed", None),
    "agree": ("signed", "agree"),
    "while-in": ("while", "visit"),
    "tour-as-verb": ("tour", None),
    "tour-of-duty": ("tour", None),
    "toured-a-thing": ("toured", None),
    "visiting-thing": ("visiting", None),
    "visit": ("visited", "visit"),
    "video-without-call": ("video", None),
    "remote-ceremony": ("video", None),
    "call": ("telephone", "call"),
    "spoke-by-phone": ("called", "call"),
    "received-a-call": ("received", "call"),
    "reception-without-guest": ("hosted", None),
    "meeting-the-public": ("met", None),
    "witnessed-together": ("witnessed", "meet"),
    "meeting-online": ("meeting", "call"),
    "meet": ("met", "meet"),
    "welcome-ceremony": ("ceremony", "meet"),
    "represented-by": ("represented", "meet"),
    "attending-were": ("attending", "meet"),
    "called-on": ("called", "meet"),
    "courtesy-call": ("call", "meet"),
    "spoke-in-person": ("spoke", "meet"),
    "spoke-with": ("spoke", "call"),
}
RULES = {rule.id: rule for rule in TRIGGER_RULES}


def test_every_rule_has_a_test() -> None:
    assert set(RULES) == set(EXPECTED)


@pytest.mark.parametrize("rule_id", sorted(EXPECTED))
def test_the_rule_decides_its_example(rule_id: str) -> None:
    rule = RULES[rule_id]
    word, expected = EXPECTED[rule_id]
    doc = parsed(rule.example)
    sentence = doc[:]
    token = next(t for t in doc if t.lower_ == word)
    decided = deciding_rule(token, sentence, has_call_cue(sentence))
    assert decided is not None and decided.id == rule_id, decided
    found = {t.token.i: t.type for t in find_triggers(sentence)}
    assert found.get(token.i) == expected


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("Vietnam and Laos initialled a border protocol in Vientiane on Tuesday.", "initialled", "agree"),
        ("Bolivia and Paraguay ratified a treaty on the river basin on Wednesday.", "ratified", "agree"),
        (
            "The Egyptian foreign minister telephoned his Libyan counterpart on Thursday.",
            "telephoned",
            "call",
        ),
        ("The two ministers conferred in Geneva on Monday.", "conferred", "meet"),
    ],
)
def test_the_words_taken_from_the_cameo_verb_families_are_triggers(
    sentence: str, word: str, expected: str
) -> None:
    """The lexicon's additions from PETRARCH2's CAMEO dictionary (RATIFY, initial, TELEPHONE, CONFER)."""
    doc = parsed(sentence)
    found = {t.token.lower_: t.type for t in find_triggers(doc[:])}
    assert found.get(word) == expected


def test_a_sign_in_link_in_a_page_header_is_no_signing() -> None:
    doc = parsed("Wednesday, August 6, 2025 | e-Paper | Subscribe | Sign in")
    sign = next(t for t in doc if t.lower_ == "sign")
    decided = deciding_rule(sign, doc[:], has_call_cue(doc[:]))
    assert decided is not None and decided.id == "sign-in"
    assert not find_triggers(doc[:])
