"""Content ids and near-duplicate detection for articles.

A document's id is a hash of its normalised cleaned text, so the same article read twice, or the same
article under different page chrome that the cleaner strips, gets the same id. Wire stories reprinted by
several outlets differ by a headline, a byline or a closing line; MinHash signatures of word shingles and
locality-sensitive hashing find them, and the store links them to the article it already holds.

The LSH index lives in the store (`document_bands`: one hash per band of each article's signature), not in
memory: each new article looks up its band hashes inside the writer's transaction, so two ingests running
at the same time see each other's articles, and adding one file costs a few index lookups instead of
reading every stored signature.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select

from accord.store import schema

if TYPE_CHECKING:  # datasketch, numpy and the SciPy they load (over a second) only for what ingests:
    from datasketch import MinHash  # queries need `content_id` alone

NUM_PERM = 128
SHINGLE = 5  # words per shingle: long enough that shared boilerplate phrases do not make articles alike
SCHEME = "affine32"  # stored signatures name their hashing scheme; changing it means re-signing
THRESHOLD = 0.7  # estimated Jaccard similarity of shingles above which two articles are one story
WORD = re.compile(r"\w+")


@cache
def banding() -> tuple[int, int]:
    """The banding `datasketch` chooses for THRESHOLD: how many bands, of how many hash values each."""
    from datasketch import MinHashLSH

    chosen = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return chosen.b, chosen.r


__all__ = [
    "band_hashes",
    "content_id",
    "index_document",
    "near_duplicate",
    "normalise",
    "signature",
    "signature_bytes",
]


def normalise(text: str) -> str:
    """Compatibility-normalised, case-folded, whitespace-collapsed text: what makes two copies equal."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_id(*parts: str) -> str:
    """A short deterministic id: the first 20 hex digits of the SHA-256 of the normalised parts."""
    digest = hashlib.sha256("\x1f".join(normalise(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:20]


def signature(text: str) -> MinHash:
    words = WORD.findall(normalise(text))
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    span = max(1, len(words) - SHINGLE + 1)
    minhash.update_batch(" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(span))
    return minhash


def signature_bytes(minhash: MinHash) -> bytes:
    import numpy as np

    return np.asarray(minhash.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    import numpy as np
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=np.frombuffer(data, dtype=np.uint64).copy())


def band_hashes(minhash: MinHash) -> list[int]:
    """One signed 64-bit hash per band of the signature (the band's number mixed in, so a hash names its
    band): two articles that share any one are candidates."""
    import numpy as np

    values = np.asarray(minhash.hashvalues, dtype=np.uint64)
    hashes = []
    bands, size = banding()
    for band in range(bands):
        rows = values[band * size : (band + 1) * size].tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "big") + rows, digest_size=8).digest()
        hashes.append(int.from_bytes(digest, "big", signed=True))
    return hashes


def band_rows(doc_id: str, minhash: MinHash) -> list[dict[str, object]]:
    return [{"hash": value, "document_id": doc_id} for value in dict.fromkeys(band_hashes(minhash))]


def index_document(conn: Connection, doc_id: str, minhash: MinHash) -> None:
    """Add a stored article's band hashes to the store's LSH index, in the transaction that stores it."""
    conn.execute(schema.document_bands.insert(), band_rows(doc_id, minhash))


def index_documents(conn: Connection, stored: Iterable[tuple[str, bytes]], batch: int = 10_000) -> None:
    """Add stored articles, given as (id, signature bytes), to the index (the migration that makes it)."""
    rows: list[dict[str, object]] = []
    for doc_id, data in stored:
        rows.extend(band_rows(doc_id, from_bytes(data)))
        if len(rows) >= batch:
            conn.execute(schema.document_bands.insert(), rows)
            rows = []
    if rows:
        conn.execute(schema.document_bands.insert(), rows)


def near_duplicate(conn: Connection, minhash: MinHash) -> tuple[str, float] | None:
    """The most similar stored article at or above the threshold, with its estimated similarity."""
    b, d = schema.document_bands, schema.documents
    candidates = conn.execute(
        select(d.c.id, d.c.minhash).where(
            d.c.id.in_(select(b.c.document_id).where(b.c.hash.in_(band_hashes(minhash))))
        )
    ).all()
    scored = [(from_bytes(row.minhash).jaccard(minhash), row.id) for row in candidates]
    scored = [(score, key) for score, key in scored if score >= THRESHOLD]
    if not scored:
        return None
    score, key = max(scored)
    return key, score
