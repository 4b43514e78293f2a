"""The monitoring page: when `accord watch` last read each source (and how its last read went), what is
followed, and the latest alerts. Mounted like every view, as a page and as its JSON twin."""

from __future__ import annotations

from dataclasses import dataclass

from accord.store.follows import Follow, SentAlert, followed, recent_alerts
from accord.store.watching import SourceState, sources_read
from accord.web.views import StoreDep, View

__all__ = ["MONITOR_VIEW", "Monitoring"]


@dataclass(frozen=True)
class Monitoring:
    sources: tuple[SourceState, ...]
    follows: tuple[Follow, ...]
    alerts: tuple[SentAlert, ...]


def monitor_view(store: StoreDep) -> Monitoring:
    """Watched sources (last read, last success, failures, next try), follows and the latest alerts."""
    return Monitoring(tuple(sources_read(store)), tuple(followed(store)), tuple(recent_alerts(store)))


MONITOR_VIEW = View("monitor", "/monitor", "/api/monitor", "monitor.html", monitor_view, Monitoring)
