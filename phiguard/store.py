"""Session stores: where a conversation's placeholder map lives between turns.

By default a :class:`~phiguard.Session` keeps its map in memory, in the
object. A chat backend with several worker processes needs the map where
every worker can read it: :class:`SqliteSessionStore` keeps each session's
map in one SQLite row (``sqlite3``, standard library), encrypted with
AES-256-GCM under a key from the config. The session id is the encryption's
associated data, so a row copied under another session's id does not
decrypt: one session's map can never restore another's text.

A store offers a transaction per session (:meth:`SqliteSessionStore.transaction`):
read the state, change it, write it back, with other writers of the same
database waiting (``BEGIN IMMEDIATE``), so two workers redacting turns of
one conversation at once never hand out the same placeholder twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator
from typing import Any

from phiguard.errors import ConfigError

__all__ = ["SessionStore", "SqliteSessionStore"]

State = dict[str, Any]


class _Box:
    """A transaction's view of one session's state: read it, replace it."""

    __slots__ = ("state",)

    def __init__(self, state: State | None) -> None:
        self.state = state


class SessionStore:
    """The interface of a session store (subclass it for Redis, Postgres, ...)."""

    def transaction(
        self, session_id: str, ttl: float | None
    ) -> contextlib.AbstractContextManager[_Box]:
        """A context whose ``.state`` is the session's state (``None`` if new or
        expired); whatever ``.state`` holds at exit is saved."""
        raise NotImplementedError

    def delete(self, session_id: str) -> None:
        raise NotImplementedError


class SqliteSessionStore(SessionStore):
    """Sessions in a SQLite file, each map encrypted (AES-256-GCM).

    ``key`` is the secret (bytes or str, from the config; at least 16
    bytes). Expired sessions (``ttl`` seconds after their last use) read as
    absent and are deleted when met.
    """

    def __init__(self, path: str | os.PathLike[str], *, key: bytes | str) -> None:
        secret = key.encode() if isinstance(key, str) else key
        if not isinstance(secret, bytes) or len(secret) < 16:
            raise ConfigError("store.key: expected at least 16 bytes of secret")
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._aead = AESGCM(hashlib.sha256(b"phiguard session store\x00" + secret).digest())
        self.path = os.fspath(path)
        self._local = threading.local()
        with self._connect() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS phiguard_sessions "
                "(id TEXT PRIMARY KEY, state BLOB NOT NULL, expires REAL)"
            )

    def __repr__(self) -> str:
        return f"SqliteSessionStore({self.path!r})"

    def _connect(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._local.db = db
        return db

    @contextlib.contextmanager
    def transaction(self, session_id: str, ttl: float | None) -> Iterator[_Box]:
        db = self._connect()
        db.execute("BEGIN IMMEDIATE")
        try:
            row = db.execute(
                "SELECT state, expires FROM phiguard_sessions WHERE id = ?", (session_id,)
            ).fetchone()
            state = None
            if row is not None and (row[1] is None or row[1] > time.time()):
                state = self._open(session_id, row[0])
            box = _Box(state)
            yield box
            if box.state is None:
                db.execute("DELETE FROM phiguard_sessions WHERE id = ?", (session_id,))
            else:
                expires = None if ttl is None else time.time() + ttl
                db.execute(
                    "INSERT OR REPLACE INTO phiguard_sessions (id, state, expires) "
                    "VALUES (?, ?, ?)",
                    (session_id, self._seal(session_id, box.state), expires),
                )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def delete(self, session_id: str) -> None:
        self._connect().execute("DELETE FROM phiguard_sessions WHERE id = ?", (session_id,))

    def _seal(self, session_id: str, state: State) -> bytes:
        nonce = secrets.token_bytes(12)
        data = json.dumps(state, separators=(",", ":")).encode()
        return nonce + self._aead.encrypt(nonce, data, session_id.encode())

    def _open(self, session_id: str, blob: bytes) -> State:
        from cryptography.exceptions import InvalidTag

        try:
            data = self._aead.decrypt(blob[:12], blob[12:], session_id.encode())
        except InvalidTag:
            raise ValueError("a stored session did not decrypt") from None
        state: State = json.loads(data)
        return state
