"""Answers to questions about the whole store (counts, facets, the busiest pairs) kept until the store changes.

They cost a scan of every event, and they are the same for every page that shows them: the first page of
the events list and its hundredth have the same facets. A `Memo` keeps each answer with the store's version
(`Store.version`) read before it was computed, and gives it again only while the version is the same, so an
answer is never older than the last commit; an answer computed while a commit lands is filed under the
older version and recomputed at the next question. Threads asking for an answer being computed wait for it
instead of computing it again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from itertools import islice
from typing import Any, Generic, TypeVar

__all__ = ["Memo", "Records"]

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
MAX_ENTRIES = 512


class Memo:
    """A thread-safe memo of answers, valid while `version()` is unchanged (never when it is None), holding at
    most `budget` units: one per answer, or what `get`'s `weight` says (the length of a list of ids)."""

    def __init__(self, version: Callable[[], object], budget: int = MAX_ENTRIES) -> None:
        self.version = version
        self.budget = budget
        self.held = 0
        self.lock = threading.Lock()
        self.answers: OrderedDict[Hashable, tuple[object, Any, int]] = OrderedDict()
        self.computing: dict[Hashable, tuple[object, threading.Event]] = {}

    def get(self, key: Hashable, compute: Callable[[], T], weight: Callable[[T], int] | None = None) -> T:
        """The answer kept for `key` at the store's present version, or `compute()`'s, then kept (unless it
        weighs more than the whole budget; the least recently used answers make room)."""
        version = self.version()
        if version is None:
            return compute()
        while True:
            with self.lock:
                kept = self.answers.get(key)
                if kept is not None and kept[0] == version:
                    self.answers.move_to_end(key)
                    answer: T = kept[1]
                    return answer
                pending = self.computing.get(key)
                if pending is None or pending[0] != version:
                    done = threading.Event()
                    self.computing[key] = (version, done)
                    break
            pending[1].wait()  # another thread computes it; if that failed, the loop computes it here
        try:
            answer = compute()
            heavy = 1 if weight is None else weight(answer)
            with self.lock:
                if heavy <= self.budget:
                    self.forget(key)
                    self.answers[key] = (version, answer, heavy)
                    self.held += heavy
                    while self.held > self.budget:
                        self.forget(next(iter(self.answers)))
            return answer
        finally:
            with self.lock:
                if self.computing.get(key, (None, None))[1] is done:
                    del self.computing[key]
            done.set()

    def forget(self, key: Hashable) -> None:
        """Drop the answer kept for `key`, if any (the caller holds the lock)."""
        kept = self.answers.pop(key, None)
        if kept is not None:
            self.held -= kept[2]


class Records(Generic[K, T]):
    """Many small answers, one per key (an event's whole record per id), kept together while `version()` is
    unchanged: a page of fifty events costs one version read, and only the records it lacks are computed,
    in one go. Holds at most `budget` records; once full, later ones are computed but not kept (the first
    kept are those a worker warms at start, `web_queries.warm`, until the store changes; then they refill
    as pages ask for them). Computed twice when two threads lack the same record at once, and emptied
    again when a thread that read an older version arrives late: a waste, never a wrong answer."""

    def __init__(self, version: Callable[[], object], budget: int) -> None:
        self.version = version
        self.budget = budget
        self.lock = threading.Lock()
        self.at: object = None
        self.kept: dict[K, T] = {}

    def get(self, keys: Sequence[K], compute: Callable[[list[K]], dict[K, T]]) -> dict[K, T]:
        """The record of each key that has one, kept at the present version or computed for the keys
        lacking one (`compute` answers for those it finds), then kept."""
        version = self.version()
        with self.lock:
            if version != self.at:
                self.kept, self.at = {}, version  # the store changed: every record may have
            found = {key: self.kept[key] for key in keys if key in self.kept}
        missing = [key for key in dict.fromkeys(keys) if key not in found]
        if missing:
            computed = compute(missing)
            found.update(computed)
            with self.lock:
                if version is not None and self.at == version:
                    self.kept.update(islice(computed.items(), max(0, self.budget - len(self.kept))))
        return found
