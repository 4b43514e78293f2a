"""Fusion rules on hand-built mentions: what counts as the same real-world event, and what improves it."""

from __future__ import annotations

from accord.store.fusion import Facts, Person, date_parts, fold, match, merge_key

OSLO_TALKS = (
    Person("Ingrid Solberg", "foreign minister", "NOR"),
    Person("Pablo Rojas", "foreign minister", "CHL"),
)


def mention(source: str, type: str = "meet", date: str | None = "2023-05-16", **kw: object) -> Facts:
    values: dict[str, object] = {
        "city": "Oslo",
        "country": "NOR",
        "people": OSLO_TALKS,
        "date_inferred": False,
    }
    values.update(kw)
    return Facts(type, date, source=source, **values)  # type: ignore[arg-type]


def test_two_reports_of_one_meeting_match_with_a_reason() -> None:
    reason = match(fold([mention("a")]), mention("b"))
    assert reason is not None
    assert "same parties (CHL, NOR)" in reason and "2023-05-16" in reason and "ingrid solberg" in reason


def test_a_meeting_and_a_same_day_call_stay_apart() -> None:
    assert match(fold([mention("a")]), mention("b", type="call", city=None, country=None)) is None


def test_mentions_from_the_same_article_are_never_fused() -> None:
    assert match(fold([mention("a")]), mention("a")) is None


def test_different_people_of_the_same_countries_are_another_event() -> None:
    other = (Person("Kari Dahl", "defence minister", "NOR"), Person("Pablo Rojas", "foreign minister", "CHL"))
    assert match(fold([mention("a")]), mention("b", people=other)) is None


def test_a_party_named_on_one_side_only_still_matches() -> None:
    unnamed = (Person(None, "foreign minister", "NOR"), Person("Pablo Rojas", None, "CHL"))
    assert match(fold([mention("a")]), mention("b", people=unnamed)) is not None


def test_an_unnamed_official_with_another_role_is_another_meeting() -> None:
    deputy = (Person(None, "defence minister", "NOR"), Person("Pablo Rojas", None, "CHL"))
    officials = (Person(None, None, "NOR"), Person("Pablo Rojas", None, "CHL"))
    assert match(fold([mention("a")]), mention("b", people=deputy)) is None
    assert match(fold([mention("a")]), mention("b", people=officials)) is not None


def test_dates_must_agree_at_the_precision_both_give() -> None:
    event = fold([mention("a")])
    assert match(event, mention("b", date="2023-05")) is not None
    assert match(event, mention("b", date="--05-16")) is not None
    assert match(event, mention("b", date="2023-05-17")) is None
    assert match(event, mention("b", date="2023")) is None  # a year alone is too weak
    assert match(event, mention("b", date=None)) is None


def test_places_must_not_contradict_at_country_level() -> None:
    event = fold([mention("a")])
    assert match(event, mention("b", city=None, country=None)) is not None
    assert match(event, mention("b", city="Stockholm", country="SWE")) is None
    assert match(event, mention("b", city="Bergen", country=None)) is None  # no country to tell


def test_two_cities_of_one_country_fuse_and_stay_visible_as_a_conflict() -> None:
    event = fold([mention("a")])
    assert "both in NOR" in (match(event, mention("b", city="Bergen")) or "")
    fused = fold([mention("a"), mention("b", city="Bergen")])
    assert {"field": "city", "values": {"Bergen": ["b"], "Oslo": ["a"]}} in fused.conflicts


def test_a_later_more_precise_date_and_place_improve_the_event() -> None:
    fused = fold([mention("a", date="--05-16", city=None), mention("b", date="2023-05-16")])
    assert (fused.date, fused.date_precision, fused.city) == ("2023-05-16", "day", "Oslo")
    assert any("--05-16 → 2023-05-16" in note for note in fused.improvements)
    assert any("Oslo" in note for note in fused.improvements)
    assert merge_key(fused) == "meet|CHL+NOR|2023-05-16"


def test_a_stated_date_wins_over_an_inferred_one() -> None:
    fused = fold([mention("a", date="2022-05-16", date_inferred=True), mention("b", date="2023-05-16")])
    assert fused.date == "2023-05-16" and not fused.date_inferred


def test_a_role_disagreement_is_kept_as_a_conflict() -> None:
    promoted = (Person("Ingrid Solberg", "prime minister", "NOR"), OSLO_TALKS[1])
    fused = fold([mention("a"), mention("b", people=promoted)])
    assert fused.conflicts == (
        {"field": "role of Ingrid Solberg", "values": {"foreign minister": ["a"], "prime minister": ["b"]}},
    )


def test_date_parts_read_every_precision() -> None:
    assert date_parts("2024-01-09") == (2024, 1, 9)
    assert date_parts("2024-01") == (2024, 1, None)
    assert date_parts("2024") == (2024, None, None)
    assert date_parts("--09-12") == (None, 9, 12)
