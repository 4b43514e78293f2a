"""A benchmark corpus written by the project: diplomatic stories and off-topic news from templates.

Every sentence comes from the templates and word lists below, written for Accord; no article text is
copied from anywhere. Countries, capitals and organisations are real (the gazetteer must know them);
the people are invented pairs of common given and family names. Article `i` depends only on the seed
and `i`, so a corpus of 300 articles is the first 300 of any larger one.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

__all__ = ["Article", "generate", "write_corpus"]

# (country, demonym, capital)
COUNTRIES = [
    ("Japan", "Japanese", "Tokyo"),
    ("Finland", "Finnish", "Helsinki"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Peru", "Peruvian", "Lima"),
    ("Norway", "Norwegian", "Oslo"),
    ("Poland", "Polish", "Warsaw"),
    ("Ghana", "Ghanaian", "Accra"),
    ("India", "Indian", "New Delhi"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("Canada", "Canadian", "Ottawa"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Vietnam", "Vietnamese", "Hanoi"),
    ("Germany", "German", "Berlin"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Australia", "Australian", "Canberra"),
    ("Senegal", "Senegalese", "Dakar"),
    ("Portugal", "Portuguese", "Lisbon"),
    ("South Korea", "South Korean", "Seoul"),
    ("Morocco", "Moroccan", "Rabat"),
    ("Estonia", "Estonian", "Tallinn"),
    ("Thailand", "Thai", "Bangkok"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Chile", "Chilean", "Santiago"),
]
GIVEN = "Ana Tomas Keiko Samuel Lena Ravi Marta Jonas Amina Pedro Ingrid Kofi Mei Daniel Sofia Omar".split()
FAMILY = (
    "Rojas Berg Mori Otieno Dahl Menon Kowal Lind Haddad Serra Voss Mensah Tan Ferreira Aalto Okafor".split()
)
ROLES = ["foreign minister", "prime minister", "president", "defence minister", "trade minister"]
TOPICS = [
    "trade",
    "energy security",
    "maritime cooperation",
    "climate finance",
    "critical minerals",
    "fisheries",
    "digital connectivity",
    "regional security",
    "public health",
    "student exchanges",
    "port infrastructure",
]
SUMMITS = [
    ("ASEAN", "Jakarta"),
    ("G20", "Rio de Janeiro"),
    ("African Union", "Addis Ababa"),
    ("NATO", "Vilnius"),
]
AGENCIES = ["Meridian Press", "Northwind Wire", "Harbour News Service", "Compass Agency"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
CLUBS = ["Riverside United", "Northport Rovers", "Valley Athletic", "Harbour City", "Eastfield Town"]
# Background sentences per section; {n} and {year} are drawn afresh for every sentence.
BACKGROUND = {
    "diplomatic": [
        "{a} and {b} established diplomatic relations in {year}.",
        "Two-way trade reached {n} billion dollars last year, according to official figures.",
        "The {a_dem} side stressed the importance of {topic} for both economies.",
        "Analysts said the relationship had deepened steadily since {year}.",
        "{b_dem} officials described the exchange as frank and constructive.",
        "Both governments have expanded cooperation on {topic} in recent years.",
        "More than {n},000 {a_dem} citizens live and work in {b}.",
        "The statement noted {n} new direct flights a week between the two capitals.",
        "{b} is among the largest destinations for {a_dem} investment in the region.",
        "Observers expect further announcements on education and tourism in the coming months.",
        "A joint commission on {topic} last convened in {year} and is due to report this year.",
        "{a} has opened {n} trade offices abroad since {year}, several of them in the region.",
        "The ministry said cooperation on {topic} would be reviewed at the end of the year.",
        "Business groups in {a_cap} welcomed the focus on {topic}.",
    ],
    "sports": [
        "{club} had lost {n} of their previous matches away from home.",
        "The goalkeeper made a string of saves in the second half.",
        "Attendance this season is up {n} per cent on last year.",
        "The striker has now scored {n} goals in all competitions.",
        "{a} last won the tournament in {year}.",
        "A late penalty was awarded after a review, to loud protests from the visiting supporters.",
        "The midfielder limped off before the break and will have a scan on his ankle.",
        "Tickets for the return fixture in {a_cap} are expected to sell out.",
    ],
    "weather": [
        "Rainfall totals of up to {n} millimetres were recorded in the hills.",
        "Power was cut to about {n},000 homes overnight.",
        "It was the wettest month in {a_cap} since records began in {year}.",
        "Ferry services were suspended and several flights were delayed.",
        "Farmers said the rain came too late for the wheat harvest.",
        "Drier, colder air is forecast to follow from the north.",
        "Emergency crews cleared fallen trees from {n} roads.",
    ],
    "markets": [
        "The benchmark index closed up {n} points.",
        "Trading volumes were below the {n}-day average.",
        "Oil prices slipped as inventories rose for a {n}th week.",
        "Technology stocks led the gains, while utilities lagged.",
        "The yield on ten-year bonds held near its highest level since {year}.",
        "Retailers fell after a weaker-than-expected sales report.",
        "Gold traded in a narrow range as investors awaited inflation data.",
    ],
    "culture": [
        "The programme includes {n} feature films and a series of short documentaries.",
        "The director's debut, made in {year}, was restored for the occasion.",
        "Critics praised the lead performance as the finest of the season.",
        "The museum expects around {n},000 visitors before the show closes.",
        "A retrospective of the painter's early work fills the east wing.",
        "The orchestra will perform a new commission on the final night.",
        "Ticket prices have been held at last year's level.",
    ],
}
CHROME_TOP = ["Home | News | World | Business | Sport", "Menu", "Sign in", "Latest news"]
CHROME_BOTTOM = [
    "Share this article",
    "Advertisement",
    "Most read",
    "Related stories",
    "© 2024 The Daily Ledger",
]

DIPLOMATIC_STYLES = (
    "readout",
    "wire",
    "apposition",
    "call",
    "visit",
    "agreement",
    "multilateral",
    "unasserted",
)
OFF_TOPIC_STYLES = ("sports", "weather", "markets", "culture")


@dataclass(frozen=True)
class Article:
    """One generated article: `kind` is "diplomatic" or "off-topic", `style` the template family."""

    id: str
    kind: str
    style: str
    published: str
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


class Writer:
    """Draws the people, places and background sentences of one article from its own random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.a, self.b, self.c = rng.sample(COUNTRIES, 3)
        self.topics = rng.sample(TOPICS, 3)

    def person(self) -> str:
        return f"{self.rng.choice(GIVEN)} {self.rng.choice(FAMILY)}"

    def role(self) -> str:
        return self.rng.choice(ROLES)

    def background(self, style: str, count: int) -> list[str]:
        """Sentences in the manner of the story's section that add length without adding events."""
        (a, a_dem, a_cap), (b, b_dem, _), _ = self.a, self.b, self.c
        pool = BACKGROUND.get(style, BACKGROUND["diplomatic"])
        r = self.rng
        sentences = []
        for _ in range(count):
            values = {"a": a, "b": b, "a_dem": a_dem, "b_dem": b_dem, "a_cap": a_cap, "club": r.choice(CLUBS)}
            values |= {"topic": r.choice(TOPICS), "n": r.randint(2, 95), "year": r.randint(1960, 2022)}
            sentences.append(r.choice(pool).format(**values))
        return sentences

    def body(self, style: str, lead: list[str]) -> str:
        """Lead sentences, then background in paragraphs of two to four, with some page chrome."""
        r = self.rng
        rest = self.background(style, r.choice([2, 4, 6, 10, 16, 24, 36]))
        paragraphs = [" ".join(lead)]
        while rest:
            size = r.randint(2, 4)
            paragraphs.append(" ".join(rest[:size]))
            rest = rest[size:]
        top = r.sample(CHROME_TOP, r.randint(0, 2))
        bottom = r.sample(CHROME_BOTTOM, r.randint(0, 3))
        return "\n".join([*top, *paragraphs, *bottom])


def diplomatic(w: Writer, style: str, day: str) -> tuple[str, list[str]]:
    """Headline and lead sentences for one diplomatic story."""
    (a, a_dem, a_cap), (b, b_dem, b_cap), (c, _, _) = w.a, w.b, w.c
    p, q, role, topic = w.person(), w.person(), w.role(), w.topics[0]
    title = role.title()
    r = w.rng
    if style == "readout":
        return f"{title} {p} meets {b_dem} counterpart", [
            f"On {day}, {a_dem} {title} {p} held a meeting with {b_dem} {title} {q} in {a_cap}.",
            f"The two ministers discussed {topic} and {w.topics[1]}.",
            f"{p} welcomed {q} and said {b} was an important partner of {a}.",
        ]
    if style == "wire":
        agency = r.choice(AGENCIES)
        return f"{a}, {b} hold talks on {topic}", [
            f"{b_cap.upper()}, {r.randint(1, 28)} May ({agency}) - {a_dem} {title} {p} met {b}'s {role} {q} "
            f"on {day} to discuss {topic}, officials said.",
            f"The meeting in {b_cap} was the first between the two in {r.randint(2, 9)} years.",
        ]
    if style == "apposition":
        return f"{a} and {b} discuss {topic}", [
            f"{p}, {a}'s {role}, held talks with {q}, the {b_dem} {role}, in {b_cap} on {day}.",
            f"They agreed to set up a joint working group on {topic}.",
        ]
    if style == "call":
        medium = r.choice(["by telephone", "in a video call", "over the phone"])
        return f"{title} {p} speaks with {b_dem} counterpart", [
            f"{a_dem} {title} {p} spoke {medium} with {b_dem} counterpart {q} on {day}.",
            f"The two leaders exchanged views on {topic} and the situation in the region.",
        ]
    if style == "visit":
        days = r.choice(["two-day", "three-day", "four-day"])
        return f"{title} {p} begins official visit to {b}", [
            f"{a_dem} {title} {p} arrived in {b_cap} on {day} for a {days} official visit to {b}.",
            f"During the visit, {p} met {b_dem} {title} {q} to review cooperation on {topic}.",
        ]
    if style == "agreement":
        return f"{a}, {b} sign agreement on {topic}", [
            f"{a} and {b} signed a memorandum of understanding on {topic} in {a_cap} on {day}.",
            f"The agreement was signed by {a_dem} {title} {p} and {b_dem} {title} {q}.",
        ]
    if style == "multilateral":
        org, city = r.choice(SUMMITS)
        return f"{title} {p} meets counterparts at {org} summit", [
            f"On the sidelines of the {org} summit in {city} on {day}, {a_dem} {title} {p} met counterparts "
            f"from {b} and {c}.",
            f"{p} also held talks with {b_dem} {title} {q} on {topic}.",
        ]
    return f"{title} {p} to visit {b}", [
        f"{a_dem} {title} {p} will visit {b_cap} next month, the ministry said on {day}.",
        f"{p} did not meet {b_dem} {title} {q} during the conference, officials said.",
        f"The two sides are expected to discuss {topic} and could sign an agreement.",
    ]


def off_topic(w: Writer, style: str, day: str) -> tuple[str, list[str]]:
    """Headline and lead sentences for news Accord has nothing to say about."""
    (a, a_dem, a_cap), (b, _, _), _ = w.a, w.b, w.c
    r = w.rng
    home, away = r.sample(CLUBS, 2)
    if style == "sports":
        score = f"{r.randint(0, 4)}-{r.randint(0, 3)}"
        return r.choice([f"{a} beat {b} {score}", f"{home} edge {away}"]), [
            f"{a} beat {b} {score} in {a_cap} on {day} in front of a crowd of {r.randint(8, 80)},000.",
            f"{home} host {away} next week, and the coach confirmed the squad had met for extra training.",
            r.choice(
                [
                    "The win lifts the side to third place.",
                    "The league leaders travel to the coast next.",
                    "The sports minister presented the trophy after the match.",  # the gate passes this one
                ]
            ),
        ]
    if style == "weather":
        return f"Storm brings heavy rain to {a}", [
            f"A storm arrived on {a}'s coast on {day}, bringing heavy rain and winds of {r.randint(60, 140)} km/h.",
            f"Forecasters expect temperatures in {a_cap} to fall to {r.randint(-5, 8)} degrees by the weekend.",
            r.choice(["Several roads were closed.", "The mayor urged residents to stay indoors."]),
        ]
    if style == "markets":
        return f"{a_dem} shares rise as exporters rally", [
            f"Shares in {a_cap} rose {r.randint(1, 30) / 10:.1f} per cent on {day} as exporters rallied.",
            f"The {a_dem} currency met resistance after a strong week, and bond yields were little changed.",
            r.choice(
                ["Analysts expect a quiet session.", "The central bank governor spoke at a conference."]
            ),
        ]
    return f"Festival opens in {a_cap}", [
        f"The {a_cap} film festival opened on {day} with a new drama from a {a_dem} director.",
        f"The exhibition, which toured {b} last year, draws on {r.randint(40, 300)} works from private collections.",
        "Tickets for the closing concert sold out within hours.",
    ]


def generate(count: int, seed: int = 7, off_topic_share: float = 0.4) -> Iterator[Article]:
    """`count` articles, about `off_topic_share` of them off-topic, spread evenly through the run."""
    for i in range(count):
        rng = random.Random(f"accord-benchmark:{seed}:{i}")
        published = date(2024, 1, 1) + timedelta(days=rng.randint(0, 364))
        day = WEEKDAYS[min(published.weekday(), 4)]
        writer = Writer(rng)
        is_off_topic = int((i + 1) * off_topic_share) > int(i * off_topic_share)
        if is_off_topic:
            kind, style = "off-topic", rng.choice(OFF_TOPIC_STYLES)
            title, lead = off_topic(writer, style, day)
        else:
            kind, style = "diplomatic", rng.choice(DIPLOMATIC_STYLES)
            title, lead = diplomatic(writer, style, day)
        text = f"{title}\n{writer.body(style if kind == 'off-topic' else kind, lead)}"
        yield Article(f"b{seed}-{i:06d}", kind, style, published.isoformat(), text)


def write_corpus(articles: Iterator[Article], directory: Path, jsonl_every: int = 4) -> None:
    """Seed-format files (` date YYYY-MM-DD` then the text), with every `jsonl_every`-th article in a JSON
    Lines feed instead, so both readers are measured. Written one article at a time."""
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / "feed.jsonl").open("w", encoding="utf-8") as feed:
        for i, article in enumerate(articles):
            if jsonl_every and i % jsonl_every == jsonl_every - 1:
                record = {"id": article.id, "text": article.text, "published": article.published}
                feed.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                path = directory / f"{article.id}.txt"
                path.write_text(f" date {article.published}\n{article.text}\n", encoding="utf-8")
