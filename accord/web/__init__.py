"""Accord on the web: server-rendered pages over the store, each with a JSON twin under `/api`."""

from accord.web.app import create_app

__all__ = ["create_app"]
