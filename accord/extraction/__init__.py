"""Extraction: from a parsed article to its events.

`events.find_events` reads top to bottom: actors (who is named, with what office and country), then each
sentence's triggers with their parties, dates and places, then the page's context, then one event per
interaction. Every stage here needs spaCy's parse; nothing outside the pipeline imports this package.
"""
