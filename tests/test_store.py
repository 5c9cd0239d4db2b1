"""Session TTL and the SQLite session store shared by worker processes."""

from __future__ import annotations

import multiprocessing
import pathlib
import re
import sqlite3
import time

import pytest

import phiguard
from phiguard.store import SqliteSessionStore

KEY = "a-store-key-from-the-config-0123"
TURN1 = "Pt Rosa Delgado, MRN 00412387, seen 3/4/24."
TURN2 = "MRN 00412387: Rosa Delgado asks about Dr. Okafor."


def _store(tmp_path: pathlib.Path) -> SqliteSessionStore:
    return SqliteSessionStore(tmp_path / "sessions.db", key=KEY)


def test_two_workers_continue_one_conversation(tmp_path: pathlib.Path) -> None:
    # two Guards and two stores on one file stand for two worker processes
    first = phiguard.Guard("fast").session("conv-1", store=_store(tmp_path))
    second = phiguard.Guard("fast").session("conv-1", store=_store(tmp_path))
    one = first.redact(TURN1).text
    two = second.redact(TURN2).text
    assert first.tag == second.tag
    assert set(re.findall(r"\[MRN_1_\w+\]", one)) == set(re.findall(r"\[MRN_1_\w+\]", two))
    assert second.restore(one) == TURN1
    assert first.restore(two) == TURN2


def test_other_conversations_in_the_store_stay_apart(tmp_path: pathlib.Path) -> None:
    store = _store(tmp_path)
    ours = phiguard.Guard("fast").session("conv-1", store=store)
    theirs = phiguard.Guard("fast").session("conv-2", store=store)
    answer = ours.redact(TURN1).text
    theirs.redact("Pt Mary Jones, MRN 00999111")
    assert theirs.restore(answer) == answer


def test_values_are_encrypted_at_rest(tmp_path: pathlib.Path) -> None:
    phiguard.Guard("fast").session("conv-1", store=_store(tmp_path)).redact(TURN1)
    raw = (tmp_path / "sessions.db").read_bytes()
    for value in (b"Rosa", b"Delgado", b"00412387", b"3/4/24"):
        assert value not in raw


def test_a_row_moved_to_another_id_does_not_decrypt(tmp_path: pathlib.Path) -> None:
    store = _store(tmp_path)
    answer = phiguard.Guard("fast").session("conv-1", store=store).redact(TURN1).text
    with sqlite3.connect(tmp_path / "sessions.db") as db:
        db.execute("UPDATE phiguard_sessions SET id = 'conv-2' WHERE id = 'conv-1'")
    thief = phiguard.Guard("fast").session("conv-2", store=_store(tmp_path))
    with pytest.raises(phiguard.DetectionError, match="restore failed"):
        thief.restore(answer)


def test_a_wrong_key_does_not_decrypt(tmp_path: pathlib.Path) -> None:
    answer = phiguard.Guard("fast").session("c", store=_store(tmp_path)).redact(TURN1).text
    wrong = SqliteSessionStore(tmp_path / "sessions.db", key="another-key-of-enough-length")
    with pytest.raises(phiguard.DetectionError):
        phiguard.Guard("fast").session("c", store=wrong).restore(answer)


def test_expired_sessions_restore_nothing(tmp_path: pathlib.Path) -> None:
    guard = phiguard.Guard("fast")
    for store in (None, _store(tmp_path)):
        session = guard.session("conv-ttl", ttl=0.05, store=store)
        answer = session.redact(TURN1).text
        assert session.restore(answer) == TURN1
        time.sleep(0.1)
        assert session.restore(answer) == answer


def test_forget_deletes_the_stored_session(tmp_path: pathlib.Path) -> None:
    session = phiguard.Guard("fast").session("conv-1", store=_store(tmp_path))
    answer = session.redact(TURN1).text
    session.forget()
    assert session.restore(answer) == answer
    with sqlite3.connect(tmp_path / "sessions.db") as db:
        assert db.execute("SELECT count(*) FROM phiguard_sessions").fetchone() == (0,)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"ttl": 0}, "ttl"),
        ({"ttl": "1h"}, "ttl"),
        ({"session_id": ""}, "session_id"),
        ({"store": "sessions.db"}, "store"),
    ],
)
def test_bad_session_options_are_config_errors(options: dict[str, object], message: str) -> None:
    with pytest.raises(phiguard.ConfigError, match=message):
        phiguard.Guard("fast").session(**options)  # type: ignore[arg-type]


def test_a_short_store_key_is_a_config_error(tmp_path: pathlib.Path) -> None:
    with pytest.raises(phiguard.ConfigError, match=r"store\.key"):
        SqliteSessionStore(tmp_path / "s.db", key="short")


def _worker(path: str, texts: list[str], out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    session = phiguard.Guard("fast").session("shared", store=SqliteSessionStore(path, key=KEY))
    out.put([session.redact(text).text for text in texts])


def test_processes_writing_one_session_at_once_never_share_a_placeholder(
    tmp_path: pathlib.Path,
) -> None:
    path = str(tmp_path / "sessions.db")
    _store(tmp_path)  # create the table first
    texts = [f"MRN 0041{n:04d}" for n in range(30)]
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    workers = [context.Process(target=_worker, args=(path, texts[i::2], out)) for i in range(2)]
    for worker in workers:
        worker.start()
    results = [text for _ in workers for text in out.get(timeout=120)]
    for worker in workers:
        worker.join(timeout=60)
    placeholders = [re.fullmatch(r"MRN (\[MRN_\d+_\w+\])", text) for text in results]
    assert all(placeholders) and len({m.group(1) for m in placeholders if m}) == 30
