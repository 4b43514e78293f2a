"""The Dask worker plugin of the Dask engine, apart from `accord.distributed` because it needs Dask at
import time and Dask is optional."""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin

from accord.nlp import load_model


class ModelLoader(WorkerPlugin):
    """Every worker, including one that joins or restarts later, loads the spaCy pipeline as it starts:
    once per worker process, and before its first batch rather than during it."""

    name = "accord-model"  # registering again under the same name replaces the plugin

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        load_model(self.model)
