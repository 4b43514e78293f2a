"""Content ids and near-duplicate detection for articles.

A document's id is a hash of its normalised cleaned text, so the same article read twice, or the same
article under different page chrome that the cleaner strips, gets the same id. Wire stories reprinted by
several outlets differ by a headline, a byline or a closing line; MinHash signatures of word shingles and
an LSH index (`datasketch`) find them, and the store links them to the article it already holds.
`datasketch` (and the SciPy it loads, over a second) is imported only by what ingests: queries need
`content_id` alone.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
SHINGLE = 5  # words per shingle: long enough that shared boilerplate phrases do not make articles alike
SCHEME = "affine32"  # stored signatures name their hashing scheme; changing it means re-signing
THRESHOLD = 0.7  # estimated Jaccard similarity of shingles above which two articles are one story
WORD = re.compile(r"\w+")

__all__ = ["NearDuplicates", "content_id", "normalise", "signature", "signature_bytes"]


def normalise(text: str) -> str:
    """Compatibility-normalised, case-folded, whitespace-collapsed text: what makes two copies equal."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_id(*parts: str) -> str:
    """A short deterministic id: the first 20 hex digits of the SHA-256 of the normalised parts."""
    digest = hashlib.sha256("\x1f".join(normalise(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:20]


def signature(text: str) -> MinHash:
    from datasketch import MinHash

    words = WORD.findall(normalise(text))
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


class NearDuplicates:
    """An in-memory LSH index over the stored articles' signatures, loaded once per ingest run."""

    def __init__(self, stored: Iterable[tuple[str, bytes]] = ()) -> None:
        from datasketch import MinHashLSH

        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}
        for doc_id, data in stored:
            self.add(doc_id, from_bytes(data))

    def add(self, doc_id: str, minhash: MinHash) -> None:
        if doc_id not in self.signatures:
            self.signatures[doc_id] = minhash
            self.lsh.insert(doc_id, minhash)

    def find(self, minhash: MinHash) -> tuple[str, float] | None:
        """The most similar stored article at or above the threshold, with its estimated similarity."""
        scored = [(self.signatures[key].jaccard(minhash), key) for key in self.lsh.query(minhash)]
        scored = [(score, key) for score, key in scored if score >= THRESHOLD]
        if not scored:
            return None
        score, key = max(scored, key=lambda pair: (pair[0], pair[1]))
        return key, score
