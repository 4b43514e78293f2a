"""Separate an article's own lines from the page furniture around it.

Scraped pages carry menus, login prompts, share buttons, photo credits, lists of other headlines
and reader comments. Events must come only from the article, so every line is kept or dropped
with a short reason that can be audited. The decisions rest on the shape of lines (length,
sentence punctuation, capitalisation), their position (short runs at the top and bottom, anything
after a comment or "related" marker) and repetition, never on the wording of any one site.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from accord.pubdate import dateline_value
from accord.records import CleanedDocument, Document, Line

# Site vocabulary, not site strings: these words mean the same thing on every news site.
# A cookie notice names cookies and then what to do about them. Two searches, the second from the end of
# the first "cookie", rather than one pattern with `.*` between them: that one backtracks over the rest of
# the line for every "cookie" in it (a line of 14,000 of them took half a minute).
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_ACTION = re.compile(r"\b(?:accept|consent|policy|settings|browsing|experience)\b", re.I)
_NOTICES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("copyright", re.compile(r"^(?:©|\(c\)\s|copyright\b)", re.I)),
    (
        "legal notice",
        re.compile(
            r"\b(?:all rights reserved|without warranty|terms of (?:use|service)|privacy policy"
            r"|legal disclaimer)\b",
            re.I,
        ),
    ),
    (
        "subscription prompt",
        re.compile(r"\b(?:newsletter|subscribe|subscription|sign up for|delivered to your inbox)\b", re.I),
    ),
    (
        "login prompt",
        re.compile(
            r"\b(?:log ?in|sign ?in|log ?out|forgot (?:your )?password|create an? (?:free )?account"
            r"|user registration)\b",
            re.I,
        ),
    ),
    ("advertisement", re.compile(r"^(?:advertisement|advt|sponsored|ad)$", re.I)),
)
_NOTICE_MAX_WORDS = 30  # a long line that says "sign up" or "subscribe" is article prose
_PROSE_LIKELY_NOTICES = frozenset({"subscription prompt", "login prompt"})
_SHARE_WORDS = frozenset(
    {"share", "shares", "sharing", "this", "article", "story", "on", "via", "tweet", "email", "e-mail"}
    | {"print", "facebook", "twitter", "x", "whatsapp", "linkedin", "telegram", "reddit", "pinterest"}
    | {"copy", "link", "save", "comment", "comments"}
)
_CREDIT = re.compile(
    r"[(\[]?\b(?:(?:file )?(?:photo|image|picture|photograph)s?(?: credits?)?|credits?)"
    r"\s*[:|/]\s*[^()\[\]]{1,60}[)\]]?$",
    re.I,
)
_AGENCY_CREDIT = re.compile(
    r"^[^.!?]{0,60}/\s*(?:AP|AFP|Reuters|Getty Images|EPA|Xinhua|Kyodo|Yonhap|Bloomberg)$"
)
_COMMENT_MARKER = re.compile(
    r"^(?:\d+|one|two|three)\s+(?:comments?|replies|responses|reactions)$"
    r"|^(?:comments?|replies|responses|reactions)\s*[(\[]\d+[)\]]$"
    r"|^(?:reader|user|readers')\s+comments?$"
    r"|^(?:log ?in|sign ?in|register) to (?:comment|leave a comment|post a comment|reply)"
    r"|^(?:leave|post|add|write) a (?:comment|reply)|^(?:show|view|load|see) (?:all )?(?:\d+ )?comments"
    r"|^join the (?:discussion|conversation)"
    r"|^(?:comments?|discussion|reader reactions|what readers say)\s*:?$",
    re.I,
)
_LIST_MARKER = re.compile(
    r"\b(?:related|read (?:more|also|next)|also read|see also|recommended|you may (?:also )?like"
    r"|more (?:from|on|in|stories|news)|more \w+ articles|most (?:read|popular|viewed)|popular|trending"
    r"|top stories|latest (?:news|stories)|ranking|editor'?s picks)\b",
    re.I,
)
# "Related: A | B", "También le puede interesar: A | B": a short label, then other articles' headlines
_INLINE_LIST = re.compile(r"^[^:|.]{2,40}:\s*[^|]+\s[|•]\s\S")
_COMMENT_META = re.compile(
    r"^(?:\S{1,30}\s*[·•|–-]\s*)?(?:\d+|an?)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)"
    r"\s+ago$"
    r"|^\d+\s*\(\s*\+\d+\s*/\s*-\d+\s*\)$"
    r"|^(?:reply|report|like|upvote|downvote)(?:\s*\|?\s*(?:reply|report|like))*$",
    re.I,
)
_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with"}
)
# an agency closes its last paragraph with an end-of-story mark: "… of FOCAC. ■", "… ties. (END)"
_END_OF_STORY = r"(?:\s*(?:[■□▪◼◾∎]|\(?(?:END|ENDS)\)?|-{1,2}\s*ENDS?))?"
_SENTENCE_END = re.compile(r"[.!?…:][\"'”’)\]]*" + _END_OF_STORY + "$")
_FULL_STOP = re.compile(r"[.][\"'”’)\]]*" + _END_OF_STORY + "$")
_NAV_SEPARATOR = re.compile(r"\s[|»>/•]\s")
_SEPARATOR_ONLY = re.compile(r"^[\W_]*$")
_PLACE = re.compile(r"^[A-Z][A-Z .,'-]*$")
_BULLET = re.compile(r"^[-•*·▪]\s")
_TRUNCATED = re.compile(r"(?:\.\.\.|…)$")

_SHORT_WORDS = 3  # a line of this many words or fewer that is not a sentence is a menu entry
_LIST_RUN = 3  # this many headline-like lines in a row form a list of other articles
_PROSE_MIN_WORDS = 5
_UNPUNCTUATED_PROSE_WORDS = 12
_HEADLINE_MAX_WORDS = 30
_MARKER_MAX_WORDS = 10
_MIN_PROSE_BEFORE_CUT = 2  # a comment or "related" marker above the article body is only a counter


@dataclass(frozen=True)
class _Segment:
    """A stripped piece of one line: the whole line, or a caption with its credit split off."""

    start: int
    end: int
    text: str


def clean(document: Document) -> CleanedDocument:
    """Keep the article's sentences, headline and dateline; drop everything else with a reason."""
    segments = _segments(document.text)
    reasons = [_line_reason(segment.text) for segment in segments]
    prose = [reason is None and _is_prose(_wrapped(segments, index)) for index, reason in enumerate(reasons)]
    _mark_repeats(segments, reasons)
    _mark_lists(segments, reasons, prose)
    _mark_cut(segments, reasons, prose)
    _mark_outside_body(segments, reasons, prose)
    lines = tuple(
        Line(segment.start, segment.end, segment.text, reason is None, reason)
        for segment, reason in zip(segments, reasons, strict=True)
    )
    return CleanedDocument(document, "\n".join(line.text for line in lines if line.kept), lines)


def _segments(text: str) -> list[_Segment]:
    """Stripped lines with offsets into `text`; a trailing photo credit becomes its own segment."""
    segments: list[_Segment] = []
    offset = 0
    for raw in text.split("\n"):
        lead = len(raw) - len(raw.lstrip())
        start, end = offset + lead, offset + len(raw.rstrip())
        offset += len(raw) + 1
        if end <= start:
            segments.append(_Segment(start, start, ""))
            continue
        body = text[start:end]
        credit = _CREDIT.search(body)
        if credit and credit.start() > 0 and len(credit.group().split()) <= 8:
            cut = len(body[: credit.start()].rstrip())
            segments.append(_Segment(start, start + cut, body[:cut]))
            segments.append(_Segment(start + credit.start(), end, credit.group()))
        else:
            segments.append(_Segment(start, end, body))
    return segments


def wraps_into(line: str, following: str) -> bool:
    """Whether `following` goes on the sentence of `line`: it opens in lower case and `line` ends with no
    stop ("The third round of talks between the two states | was held in Accra.")."""
    return following[:1].islower() and not _SENTENCE_END.search(line)


def _wrapped(segments: list[_Segment], index: int) -> str:
    """A line with the next when the next goes on its sentence, so a sentence wrapped in two lines reads as
    prose (a blank line between them ends a paragraph: the next segment is then empty)."""
    text = segments[index].text
    following = segments[index + 1].text if index + 1 < len(segments) else ""
    return f"{text} {following}" if wraps_into(text, following) else text


def _words(text: str) -> list[str]:
    return [word for word in text.split() if re.search(r"\w", word)]


def _title_ratio(words: list[str]) -> float:
    """Share of content words that start with a capital; high in headlines and menus, low in sentences."""
    alpha = [word for word in words if word[0].isalpha() and word.lower() not in _FUNCTION_WORDS]
    return sum(word[0].isupper() for word in alpha) / len(alpha) if alpha else 1.0


def _is_prose(text: str) -> bool:
    """A sentence: ends like one and reads like one, or runs long in lower case without an ending."""
    words = _words(text)
    if _BULLET.match(text) and not _SENTENCE_END.search(text):
        return False  # a bulleted line without an ending is a teaser or a related headline
    if _SENTENCE_END.search(text) and not _TRUNCATED.search(text):
        # Headlines do not end in a full stop, but they do end in "?" or ":" often enough.
        full_stop = bool(_FULL_STOP.search(text))
        if full_stop and len(words) >= _UNPUNCTUATED_PROSE_WORDS:
            return True  # a lead naming a dozen people and places in capitals is still a sentence
        return len(words) >= _PROSE_MIN_WORDS and _title_ratio(words) < (0.9 if full_stop else 0.6)
    # a sentence the page cuts off names people and places in capitals, as a headline does, but runs on
    return len(words) >= _UNPUNCTUATED_PROSE_WORDS and _title_ratio(words) < 0.6


def _is_headline_like(text: str) -> bool:
    words = _words(text)
    return (
        _SHORT_WORDS < len(words) <= _HEADLINE_MAX_WORDS and not _is_prose(text) and not dateline_value(text)
    )


def _line_reason(text: str) -> str | None:
    """Why one line on its own is page furniture, or None when it could belong to the article."""
    if not text:
        return "blank"
    words = _words(text)
    if _CREDIT.fullmatch(text) or _AGENCY_CREDIT.match(text):
        return "photo credit"
    if _COMMENT_META.match(text):
        return "reader comment"
    if dateline_value(text):
        return None
    if _is_cookie_notice(text):
        return "cookie notice"
    for reason, pattern in _NOTICES:
        if pattern.search(text) and (reason not in _PROSE_LIKELY_NOTICES or len(words) <= _NOTICE_MAX_WORDS):
            return reason
    lowered = [word.lower().strip(":,.!") for word in words]
    if lowered and sum(word in _SHARE_WORDS for word in lowered) / len(lowered) >= 0.6:
        return "share buttons"
    if _INLINE_LIST.match(text):
        return "headline list"  # "Related: Leaders meet in Lima | Markets fall": other articles, in one line
    if _is_prose(text):
        return None
    if _COMMENT_MARKER.match(text) or re.match(r"^(?:no|0)\s+comments?$", text, re.I):
        return "comment counter"
    if len(words) <= _MARKER_MAX_WORDS and _LIST_MARKER.search(text):
        return "navigation"
    if _SEPARATOR_ONLY.match(text):
        return "separator"
    if _NAV_SEPARATOR.search(text) and len(words) <= _MARKER_MAX_WORDS:
        return "navigation"
    if len(words) > _SHORT_WORDS and text.isupper():
        return "navigation"  # a shouted row of menu entries; a shouted place name is a dateline
    if len(words) <= _SHORT_WORDS and not _is_place_dateline(text):
        return "short menu item"
    return None


def _is_cookie_notice(text: str) -> bool:
    cookie = _COOKIE.search(text)
    return bool(cookie and _COOKIE_ACTION.search(text, cookie.end()))


def _is_place_dateline(text: str) -> bool:
    """An upper-case place name on its own line ("HELSINKI"), the article's dateline."""
    return bool(_PLACE.match(text)) and len(text.split()) <= _SHORT_WORDS


def _mark_repeats(segments: list[_Segment], reasons: list[str | None]) -> None:
    """Drop a later copy of a line (or a copy cut short with "...") shown earlier on the page."""
    seen: list[str] = []  # sorted, so the lines a cut-short copy may begin are found by bisection
    for index, segment in enumerate(segments):
        if reasons[index] is not None or len(_words(segment.text)) <= _SHORT_WORDS:
            continue
        key = " ".join(segment.text.lower().split())
        stem = _TRUNCATED.sub("", key).rstrip()
        at = bisect.bisect_left(seen, key)
        if (at < len(seen) and seen[at] == key) or (_TRUNCATED.search(key) and _begins_one(seen, stem)):
            reasons[index] = "repeated line"
        else:
            seen.insert(at, key)


def _begins_one(lines: list[str], stem: str) -> bool:
    """Whether one of the sorted `lines` begins with `stem` (the first not before it does, if any)."""
    at = bisect.bisect_left(lines, stem)
    return at < len(lines) and lines[at].startswith(stem)


def _mark_lists(segments: list[_Segment], reasons: list[str | None], prose: list[bool]) -> None:
    """Drop runs of headline-like lines: other articles offered by the site, not this one."""
    run: list[int] = []
    for index in [*range(len(segments)), len(segments)]:
        if index < len(segments):
            text = segments[index].text
            if _is_headline_like(text) and not prose[index] and reasons[index] is None:
                run.append(index)
                continue
            if reasons[index] in {"blank", "separator", "short menu item", "navigation"}:
                continue
        if len(run) >= _LIST_RUN:
            for member in run:
                reasons[member] = "headline list"
        run = []


def _mark_cut(segments: list[_Segment], reasons: list[str | None], prose: list[bool]) -> None:
    """Drop everything below a comment-section or related-articles marker under the article body.

    A marker above the body is only a counter ("1 Comment" by the headline). Below the body a
    comment thread can give way to a related list, so each new marker relabels what follows.
    """
    section: str | None = None
    prose_seen = 0
    for index in range(len(segments)):
        marker = (
            _section_marker(segments, reasons, prose, index) if prose_seen >= _MIN_PROSE_BEFORE_CUT else None
        )
        prose_seen += prose[index]
        if marker:
            section = marker
            reasons[index] = reasons[index] or marker
        elif section and (reasons[index] is None or reasons[index] in {"short menu item", "repeated line"}):
            reasons[index] = section


def _section_marker(
    segments: list[_Segment], reasons: list[str | None], prose: list[bool], index: int
) -> str | None:
    """Name the section this line opens ("reader comment" or "headline list"), or None."""
    text = segments[index].text
    if prose[index]:
        return None
    if (_COMMENT_MARKER.match(text) and not re.match(r"^0\s", text)) or _COMMENT_META.match(text):
        return "reader comment"  # a marker, or the first "username · 3 hours ago" under the article
    if reasons[index] == "navigation" and _LIST_MARKER.search(text):
        following = next(
            (later for later in range(index + 1, len(segments)) if segments[later].text.strip("-•| ")), None
        )
        if following is not None and not prose[following]:
            return "headline list"
    return None


def _mark_outside_body(segments: list[_Segment], reasons: list[str | None], prose: list[bool]) -> None:
    """Below the last sentence of the article, lines that are not sentences are footer material."""
    body = [
        index for index, reason in enumerate(reasons) if prose[index] and reason in {None, "repeated line"}
    ]
    if not body:
        return
    for index in range(body[-1] + 1, len(segments)):
        if reasons[index] is None:
            reasons[index] = "footer"
