"""Where `accord watch` reports alerts: a line on standard output, a JSON Lines file, and a webhook.

A new alert goes to all three; the webhook is tried again at the next poll until it answers 2xx, so a
receiver that was down gets each alert once it is back. A later source of the same event updates the
stored alert (the web page shows it) and is never sent again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

import httpx

from accord.sources.fetch import USER_AGENT
from accord.store import Store
from accord.store.follows import Alert, mark_delivered, undelivered

__all__ = ["AlertOutputs"]

WEBHOOK_TIMEOUT = 10.0


class AlertOutputs:
    """Sends new alerts to `say` (one line each), appends them to `jsonl`, and POSTs them to `webhook`;
    `warn` hears about a webhook that failed."""

    def __init__(
        self,
        say: Callable[[str], None],
        warn: Callable[[str], None],
        jsonl: Path | None = None,
        webhook: str | None = None,
    ) -> None:
        self.say, self.warn, self.jsonl, self.webhook = say, warn, jsonl, webhook

    def send(self, store: Store, alerts: Sequence[Alert]) -> None:
        fresh = [alert for alert in alerts if alert.status == "new"]
        for alert in fresh:
            self.say(
                f"alert [{alert.follow}] {alert.summary} ({alert.sources} source(s), event {alert.event_id})"
            )
        if self.jsonl and fresh:
            with self.jsonl.open("a", encoding="utf-8") as out:
                out.writelines(json.dumps(asdict(alert), ensure_ascii=False) + "\n" for alert in fresh)
        if self.webhook:
            self.post(store)
        elif fresh:  # nothing to deliver them to: they count as delivered
            for alert in fresh:
                mark_delivered(store, alert.event_id, alert.follow)

    def post(self, store: Store) -> None:
        """POST every alert the webhook has not received yet, one request each, oldest first."""
        assert self.webhook is not None
        with httpx.Client(timeout=WEBHOOK_TIMEOUT, headers={"User-Agent": USER_AGENT}) as client:
            for alert in undelivered(store):
                try:
                    client.post(self.webhook, json=asdict(alert)).raise_for_status()
                except httpx.HTTPError as err:
                    self.warn(
                        f"the webhook {self.webhook} did not take the alert for event {alert.event_id}: "
                        f"{err or type(err).__name__}; it is sent again at the next poll"
                    )
                    return
                mark_delivered(store, alert.event_id, alert.follow)
