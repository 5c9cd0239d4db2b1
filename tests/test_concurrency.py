"""One Guard shared by threads and by asyncio tasks finds what a serial run finds."""

from __future__ import annotations

import asyncio
import json
import pathlib
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor

import phiguard

CORPUS = pathlib.Path(__file__).resolve().parents[2] / "shared" / "corpora"


def _texts() -> list[str]:
    texts = []
    for name in ("radiology_chat.dev.jsonl", "asq_phi.dev.jsonl"):
        path = CORPUS / name
        if path.exists():
            with path.open(encoding="utf-8") as lines:
                texts += [json.loads(line)["text"] for line in lines][:60]
    # the shared corpora sit beside the repository in CI; fall back to prompts
    return texts or [
        f"Pt Rosa Delgado {n}, MRN 0041{n:04d}, seen 3/{n % 28 + 1}/24" for n in range(80)
    ]


def test_eight_threads_find_what_a_serial_run_finds(guard: phiguard.Guard) -> None:
    texts = _texts()
    serial = [guard.scan(text) for text in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(guard.scan, texts))
    assert threaded == serial
    assert sum(map(len, serial)) > len(texts)  # the texts do hold PHI


def test_asyncio_tasks_find_what_a_serial_run_finds(guard: phiguard.Guard) -> None:
    texts = _texts()
    serial = [guard.redact(text).text for text in texts]

    async def run() -> list[str]:
        loop = asyncio.get_running_loop()
        redactions = await asyncio.gather(
            *(loop.run_in_executor(None, guard.redact, text) for text in texts)
        )
        return [r.text for r in redactions]

    assert asyncio.run(run()) == serial


def test_one_session_shared_by_threads_stays_consistent(fast_guard: phiguard.Guard) -> None:
    session = fast_guard.session()
    texts = [f"MRN 0041{n:04d} and MRN 0041{(n + 1) % 50:04d}" for n in range(50)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        redacted = list(pool.map(lambda t: session.redact(t).text, texts))
    for text, out in zip(texts, redacted):
        assert session.restore(out) == text
    assert len({p for out in redacted for p in out.split() if p.startswith("[MRN")}) == 50


def test_one_session_shared_by_asyncio_tasks_stays_consistent(fast_guard: phiguard.Guard) -> None:
    session = fast_guard.session()
    texts = [f"MRN 0041{n:04d} for Dr. Okafor{'x' * (n % 3)}" for n in range(40)]

    async def turn(text: str) -> str:
        redacted = await asyncio.to_thread(lambda: session.redact(text).text)

        async def chunks() -> AsyncIterator[str]:
            for start in range(0, len(redacted), 5):
                await asyncio.sleep(0)
                yield redacted[start : start + 5]

        return "".join([part async for part in session.restore_stream(chunks())])

    async def run() -> list[str]:
        return await asyncio.gather(*(turn(text) for text in texts))

    assert asyncio.run(run()) == texts
